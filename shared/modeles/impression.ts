import { dateFr } from "../baremes/catalogue.ts";
import { estErreurLogsoc } from "../errors.ts";
import { planApurement } from "../planApurement.ts";
import { citerFeuille, decomposerPlage, decomposerRef, refAbsolue } from "./formules.ts";
import { STYLES, type Style } from "./styles.ts";
import type { Feuille, MiseEnPage, SpecModele, ValeurCellule } from "./spec.ts";

/**
 * What both renderers need to print a sheet (DESIGN.md §6 « Paper-ready »): the footer, the print area
 * and its Excel formula. A4 portrait or landscape, fitted to the page width, is set by each renderer
 * in its own terms from `Feuille.impression`.
 */

/** Header/footer codes: `&` is the escape character; a text « & » is written « && ». */
function texteEntete(s: string): string {
  return s.replace(/&/g, "&&");
}

export interface PiedDePage {
  gauche: string;
  centre: string;
  droite: string;
}

/** Template (and sheet), barème date, page x/y: the footer of every printed page. */
export function piedDePage(spec: Pick<SpecModele, "titre" | "dateBaremes">): PiedDePage {
  return {
    gauche: `${texteEntete(spec.titre)} : &A`,
    centre: `Barèmes en vigueur au ${dateFr(spec.dateBaremes)}`,
    droite: "Page &P / &N",
  };
}

/** The footer as one Excel header/footer string (`&L…&C…&R…`). */
export function piedDePageExcel(p: PiedDePage): string {
  return `&L&8${p.gauche}&C&8${p.centre}&R&8${p.droite}`;
}

function nombre(v: ValeurCellule | undefined): number | null {
  return typeof v === "number" ? v : null;
}

/**
 * Instalments of the plan as the template's inputs stand (0 when the inputs are empty or refused, as
 * the template's own check shows): the engine computes it, the template's formulas give the same.
 */
export function echeancesSaisies(spec: SpecModele): number {
  const valeur = (id: string) => spec.feuilles.flatMap((f) => f.cellules).find((c) => c.id === id)?.valeur;
  const dette = nombre(valeur("plan.dette"));
  if (dette === null) return 0;
  try {
    return planApurement({ dette, mensualite: nombre(valeur("plan.mensualite")), duree: nombre(valeur("plan.duree")) }).nombreEcheances;
  } catch (e) {
    if (estErreurLogsoc(e)) return 0;
    throw e;
  }
}

/** The last printed row for the inputs the spec holds. */
export function derniereLigneImprimee(spec: SpecModele, m: MiseEnPage): number {
  if (m.echeancier === undefined) return m.derniereLigne;
  return m.echeancier.premiereLigne - 1 + echeancesSaisies(spec) + m.echeancier.lignesApres;
}

/** « A1:F73 »: the fixed print area (what LibreOffice and the .xlsx file hold). */
export function zoneImpression(spec: SpecModele, f: Feuille): string | null {
  const m = f.impression;
  if (m === undefined) return null;
  return `A1:${m.derniereColonne}${derniereLigneImprimee(spec, m)}`;
}

/**
 * The print area as an Excel formula on the sheet's real name. A schedule's area ends with its last
 * instalment whatever is typed later: `$A$1:INDEX($F:$F,37+$I$9+13)` (Excel recomputes a print area
 * defined by a formula; LibreOffice does not, hence the fixed area of the .xlsx writer).
 */
export function formuleZoneImpression(nomFeuille: string, m: MiseEnPage): string {
  const f = citerFeuille(nomFeuille);
  if (m.echeancier === undefined) return `${f}!${refAbsolue(`A1`)}:${refAbsolue(`${m.derniereColonne}${m.derniereLigne}`)}`;
  const { premiereLigne, celluleNombre, lignesApres } = m.echeancier;
  return `${f}!$A$1:INDEX(${f}!$${m.derniereColonne}:$${m.derniereColonne},${premiereLigne - 1 + lignesApres}+${f}!${refAbsolue(celluleNombre)})`;
}

/** Height of one line of Calibri 11, in points. */
const HAUTEUR_LIGNE = 15;

/** The longest text a formula can show: its longest string literal (a message), else nothing. */
function texteAffiche(c: Feuille["cellules"][number]): string {
  if (typeof c.valeur === "string") return c.valeur;
  if (c.formule === undefined) return "";
  const litteraux = [...c.formule.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!);
  return litteraux.reduce((a, b) => (b.length > a.length ? b : a), "");
}

/**
 * Row heights (points) for rows whose wrapped text needs more than one line. Neither the .xlsx file nor
 * LibreOffice sizes a row to its wrapped text on opening (the text overlaps the row below, as printed
 * fiches showed): both renderers set these heights. The width of a cell is that of its merged range;
 * a character is taken as 0,9 of a column-width unit (Calibri, French text).
 */
export function hauteursLignes(f: Feuille): Map<number, number> {
  const largeurs = (debut: number, fin: number) => {
    let l = 0;
    for (let c = debut; c <= fin; c++) l += f.colonnes[c - 1] ?? 8.43;
    return l;
  };
  const fusions = f.fusions.map((p) => decomposerPlage(p));
  const hauteurs = new Map<number, number>();
  for (const c of f.cellules) {
    const style = c.style === undefined ? undefined : (STYLES[c.style] as Style);
    if (!style?.retourALaLigne) continue;
    const texte = texteAffiche(c);
    if (texte === "") continue;
    const { colonne, ligne } = decomposerRef(c.ref);
    const fusion = fusions.find((p) => p.debut.colonne === colonne && p.debut.ligne === ligne);
    const caracteres = Math.max(1, Math.floor(largeurs(colonne, fusion?.fin.colonne ?? colonne) / 0.9) - 1);
    const brut = texte.split("\n").reduce((n, morceau) => n + Math.max(1, Math.ceil(morceau.length / caracteres)), 0);
    // A formula shows its longest message only when something is wrong: two lines at most are reserved.
    const lignes = c.formule === undefined ? brut : Math.min(brut, 2);
    if (lignes < 2) continue;
    const lignesFusion = fusion === undefined ? 1 : fusion.fin.ligne - fusion.debut.ligne + 1;
    const h = Math.ceil((lignes * HAUTEUR_LIGNE) / lignesFusion);
    if (h > (hauteurs.get(ligne) ?? HAUTEUR_LIGNE)) hauteurs.set(ligne, h);
  }
  return hauteurs;
}
