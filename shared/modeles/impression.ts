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

/**
 * Template (and sheet), barème date, page x/y: the footer of every printed page. The date and the page
 * share the right section on two lines, the centre stays empty: a centred text collided with a long
 * template and sheet name (« Évaluation économique de la famille : exercice n° 12 (corrigé) : Corrigé
 * commenté » ran over « Barèmes en vigueur… » on the printed page).
 */
export function piedDePage(spec: Pick<SpecModele, "titre" | "dateBaremes">): PiedDePage {
  return {
    gauche: `${texteEntete(spec.titre)} : &A`,
    centre: "",
    droite: `Barèmes en vigueur au ${dateFr(spec.dateBaremes)}\nPage &P / &N`,
  };
}

/** The footer as one Excel header/footer string (`&L…&C…&R…`; an empty section is left out). */
export function piedDePageExcel(p: PiedDePage): string {
  const section = (code: string, texte: string) => (texte === "" ? "" : `&${code}&8${texte}`);
  return `${section("L", p.gauche)}${section("C", p.centre)}${section("R", p.droite)}`;
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
  const hauteurs = new Map<number, number>();
  // A schedule's rows get an explicit height: Excel (15 pt) and LibreOffice (12,8 pt with its Calibri
  // substitute) then paginate the same way, and the page break that keeps the signature block whole
  // (sautsImprimes) falls where it is computed.
  if (f.impression?.echeancier !== undefined) for (let l = 1; l <= f.impression.derniereLigne; l++) hauteurs.set(l, HAUTEUR_LIGNE);
  const largeurs = (debut: number, fin: number) => {
    let l = 0;
    for (let c = debut; c <= fin; c++) l += f.colonnes[c - 1] ?? 8.43;
    return l;
  };
  const fusions = f.fusions.map((p) => decomposerPlage(p));
  for (const c of f.cellules) {
    const style = c.style === undefined ? undefined : (STYLES[c.style] as Style);
    if (!style?.retourALaLigne) continue;
    const texte = texteAffiche(c);
    if (texte === "") continue;
    const { colonne, ligne } = decomposerRef(c.ref);
    // A helper column outside the print area does not make a printed row taller.
    if (f.impression !== undefined && colonne > decomposerRef(`${f.impression.derniereColonne}1`).colonne) continue;
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

/**
 * LibreOffice renders a column of the .xlsx wider than Excel does when Calibri is missing (its fallback
 * font is wider): measured on this project's test machine, a plan's columns A:F print at 60 % where
 * Excel's arithmetic gives 78,6 %. The pagination that keeps the signature block whole follows the
 * spreadsheet the page budgets are measured on (DESIGN.md §6: LibreOffice's PDF export).
 */
const LARGEUR_LIBREOFFICE = 1.31;

/** Points per inch; the margins of both renderers, in inches. */
const POINTS_PAR_POUCE = 72;
export const MARGES = { gauche: 0.4, droite: 0.4, haut: 0.5, bas: 0.6, entete: 0.2, pied: 0.25 } as const;
/** A4 in points. */
const A4 = { largeur: 595.3, hauteur: 841.9 };

/** Column width in Excel's characters → points (7 pixels a character plus 5 of padding, 0,75 point a pixel). */
export function largeurEnPoints(caracteres: number): number {
  return Math.round((caracteres * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * The manual page breaks of a printed sheet: those of the spec, plus, for a plan d'apurement written
 * with its inputs, one before the signature block when the block would otherwise straddle two pages
 * (it then starts the next page: the same page count, the block whole on the last page). Rows are
 * paginated as both spreadsheets do with explicit row heights: fitted to the width, titles repeated.
 */
export function sautsImprimes(spec: SpecModele, f: Feuille): number[] {
  const m = f.impression;
  if (m === undefined) return [];
  const sauts = [...(m.sauts ?? [])];
  if (m.echeancier === undefined) return sauts;
  const debutBloc = m.echeancier.premiereLigne + echeancesSaisies(spec);
  const finBloc = debutBloc + m.echeancier.lignesApres - 1;
  const paysage = m.orientation === "paysage";
  const [largeurPage, hauteurPage] = paysage ? [A4.hauteur, A4.largeur] : [A4.largeur, A4.hauteur];
  let largeur = 0;
  for (let c = 1; c <= decomposerRef(`${m.derniereColonne}1`).colonne; c++) largeur += largeurEnPoints(f.colonnes[c - 1] ?? 8.43);
  const echelle = Math.min(1, (largeurPage - (MARGES.gauche + MARGES.droite) * POINTS_PAR_POUCE) / (largeur * LARGEUR_LIBREOFFICE));
  const utile = hauteurPage - (MARGES.haut + MARGES.bas) * POINTS_PAR_POUCE;
  const hauteurs = hauteursLignes(f);
  const h = (l: number) => (hauteurs.get(l) ?? HAUTEUR_LIGNE) * echelle;
  const titres = m.titres === undefined ? 0 : Array.from({ length: m.titres[1] - m.titres[0] + 1 }, (_, i) => h(m.titres![0] + i)).reduce((a, b) => a + b, 0);
  // Page of each row; a safety margin of two rows on each side of the block absorbs rounding.
  let page = 1;
  let rempli = 0;
  const pageDe = new Map<number, number>();
  for (let l = 1; l <= finBloc + 2; l++) {
    if (sauts.includes(l) || rempli + h(l) > utile) {
      page++;
      rempli = m.titres !== undefined && l > m.titres[1] ? titres : 0;
    }
    rempli += h(l);
    pageDe.set(l, page);
  }
  const avant = pageDe.get(Math.max(1, debutBloc - 2))!;
  if (pageDe.get(finBloc + 2) !== avant) sauts.push(debutBloc);
  return sauts;
}
