/**
 * Native formulas of the templates. They are written in Excel's invariant syntax (English function
 * names, `,` between arguments, A1 references) without the leading `=`, and must compute the same in
 * Excel 2016+ and in LibreOffice 7.4: only the classic functions listed here are allowed.
 *
 * A reference to another sheet of the same template is written `{cle}!B5`, where `cle` is the sheet's
 * key in the spec: the renderers replace `{cle}` by the quoted name the sheet really got (the add-in
 * may have to rename « Barèmes » to « Barèmes (2) » to avoid overwriting a sheet).
 */

/**
 * Functions that exist with the same name and the same result in Excel 2016 and LibreOffice 7.4.
 * Deliberately absent: dynamic-array-only functions (LET, LAMBDA, SEQUENCE, FILTER, XLOOKUP, UNIQUE…),
 * Excel 2019+ functions (IFS, SWITCH, MAXIFS, CONCAT, TEXTJOIN…), and locale-dependent or volatile ones
 * (TEXT, FIXED, DOLLAR, TODAY, NOW, INDIRECT, OFFSET, CELL, INFO, RAND).
 */
export const FONCTIONS_AUTORISEES = [
  "ABS",
  "AND",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIF",
  "COUNTIFS",
  "DATE",
  "DAY",
  "EDATE",
  "EOMONTH",
  "IF",
  "IFERROR",
  "INDEX",
  "INT",
  "ISBLANK",
  "ISERROR",
  "ISNA",
  "ISNUMBER",
  "LEN",
  "MATCH",
  "MAX",
  "MIN",
  "MONTH",
  "N",
  "NA",
  "NOT",
  "OR",
  "ROUND",
  "ROUNDDOWN",
  "ROUNDUP",
  "SUM",
  "SUMIF",
  "SUMPRODUCT",
  "TRIM",
  "VLOOKUP",
  "YEAR",
] as const;

export type FonctionAutorisee = (typeof FONCTIONS_AUTORISEES)[number];

const AUTORISEES = new Set<string>(FONCTIONS_AUTORISEES);

/** Shapes that must never reach a formula: strings and quoted sheet names are removed before the scan. */
const CHAINE = /"(?:[^"]|"")*"/g;
const FEUILLE_CITEE = /'(?:[^']|'')*'!/g;
const FEUILLE_SPEC = /\{[a-z][a-z0-9_]*\}!/g;
const APPEL = /([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g;

/** Names of the functions a formula calls, upper-cased, in order of appearance (duplicates kept once). */
export function fonctionsUtilisees(formule: string): string[] {
  const nu = formule.replace(CHAINE, '""').replace(FEUILLE_CITEE, "").replace(FEUILLE_SPEC, "");
  const vues = new Set<string>();
  for (const m of nu.matchAll(APPEL)) vues.add(m[1]!.toUpperCase());
  return [...vues];
}

/** Problems that make a formula unfit for a template; an empty list means it is fine. */
export function problemesFormule(formule: string, clesFeuilles: ReadonlySet<string>): string[] {
  const problemes: string[] = [];
  if (formule.startsWith("=")) problemes.push("la formule ne doit pas commencer par « = » (il est ajouté au rendu)");
  for (const f of fonctionsUtilisees(formule)) {
    if (!AUTORISEES.has(f)) problemes.push(`fonction non autorisée : ${f} (elle ne calcule pas de façon identique dans Excel 2016 et LibreOffice 7.4)`);
  }
  const sansChaines = formule.replace(CHAINE, '""');
  if ((sansChaines.match(/"/g)?.length ?? 0) % 2 !== 0) problemes.push("guillemets non appariés");
  let profondeur = 0;
  for (const c of sansChaines) {
    if (c === "(") profondeur++;
    if (c === ")") profondeur--;
    if (profondeur < 0) break;
  }
  if (profondeur !== 0) problemes.push("parenthèses non appariées");
  for (const m of sansChaines.matchAll(/\{([^}]*)\}!/g)) {
    if (!clesFeuilles.has(m[1]!)) problemes.push(`feuille inconnue : {${m[1]}}`);
  }
  if (/;/.test(sansChaines)) problemes.push("séparateur « ; » : les formules du modèle utilisent la syntaxe invariante (« , »)");
  if (/\b_xl(fn|ws)\./i.test(sansChaines)) problemes.push("préfixe _xlfn/_xlws : fonction récente, non autorisée");
  return problemes;
}

/** `Barèmes` → `'Barèmes'`: quoting is always allowed, and required for accents, spaces and parentheses. */
export function citerFeuille(nom: string): string {
  return `'${nom.replace(/'/g, "''")}'`;
}

/** Replaces every `{cle}!` by the quoted name of that sheet; string literals are left untouched. */
export function resoudreFormule(formule: string, nomsFeuilles: Readonly<Record<string, string>>): string {
  let resultat = "";
  let i = 0;
  for (const m of formule.matchAll(CHAINE)) {
    resultat += remplacer(formule.slice(i, m.index), nomsFeuilles) + m[0];
    i = m.index + m[0].length;
  }
  return resultat + remplacer(formule.slice(i), nomsFeuilles);
}

function remplacer(morceau: string, nomsFeuilles: Readonly<Record<string, string>>): string {
  return morceau.replace(FEUILLE_SPEC, (jeton) => {
    const cle = jeton.slice(1, -2);
    const nom = nomsFeuilles[cle];
    if (nom === undefined) throw new Error(`Feuille inconnue dans une formule : {${cle}}`);
    return `${citerFeuille(nom)}!`;
  });
}

/** Column letters ↔ 1-based index (A = 1, Z = 26, AA = 27). */
export function lettreColonne(n: number): string {
  let s = "";
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

export function indexColonne(lettres: string): number {
  let n = 0;
  for (const c of lettres.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

const REF = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

export function estRefCellule(ref: string): boolean {
  const m = REF.exec(ref);
  return m !== null && indexColonne(m[1]!) <= 16_384 && Number(m[2]) <= 1_048_576;
}

/** "C12" → { colonne: 3, ligne: 12 }. */
export function decomposerRef(ref: string): { colonne: number; ligne: number } {
  const m = REF.exec(ref);
  if (!m) throw new Error(`Référence de cellule invalide : ${ref}`);
  return { colonne: indexColonne(m[1]!), ligne: Number(m[2]) };
}

export function ref(colonne: number, ligne: number): string {
  return `${lettreColonne(colonne)}${ligne}`;
}

/** "B5" → "$B$5", for defined names and validation sources. */
export function refAbsolue(r: string): string {
  const { colonne, ligne } = decomposerRef(r);
  return `$${lettreColonne(colonne)}$${ligne}`;
}

/** "A1:C3" → its corners; a single cell is its own range. */
export function decomposerPlage(plage: string): { debut: { colonne: number; ligne: number }; fin: { colonne: number; ligne: number } } {
  const [a, b = a] = plage.split(":") as [string, string | undefined];
  return { debut: decomposerRef(a), fin: decomposerRef(b!) };
}
