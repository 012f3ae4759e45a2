import { versSerieExcel, type DateISO } from "#shared/date.ts";
import type { Source, Statut } from "#shared/baremes/schema.ts";
import { libelleCle } from "#shared/baremes/libelles.ts";
import { libelleStatut, type LigneBareme } from "./presentation.ts";

/**
 * The slice of Excel.RequestContext the insertion uses. Excel's own types are assignable to it (a
 * test checks that at compile time), and tests pass a fake that records what is written.
 */
export interface ContexteClasseur {
  workbook: {
    worksheets: CollectionNommee & { add(nom: string): FeuilleClasseur };
    tables: CollectionNommee;
  };
  sync(): Promise<unknown>;
}
export interface CollectionNommee {
  load(proprietes: "items/name"): unknown;
  items: { name: string }[];
}
export interface FeuilleClasseur {
  getRange(adresse: string): PlageClasseur;
  tables: { add(adresse: string, avecEntetes: boolean): { name: string; style: string } };
  activate(): void;
}
export interface PlageClasseur {
  values: unknown[][];
  numberFormat: unknown[][];
  format: { font: { bold: boolean; size: number }; autofitColumns(): void };
}

/** Everything the inserted sheet shows about one barème at one date. */
export interface BaremeAInserer {
  id: string;
  libelle: string;
  unite: string;
  /** The day asked for. */
  date: DateISO;
  /** Effective date of the version in force that day. */
  dateEffet: DateISO;
  source: Source;
  statut: Statut;
  origine: "en ligne" | "intégrées au complément";
  lignes: LigneBareme[];
}

export interface ResultatInsertion {
  feuille: string;
  tableau: string;
}

const INTERDITS_FEUILLE = /[:\\/?*[\]]/g;
const LONGUEUR_MAX_FEUILLE = 31;
const TEXTE = "@";
const DATE = "dd/mm/yyyy";

/**
 * Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique regardless of case.
 * `debut` is shortened as needed; `fin` (the date) is always kept whole.
 */
export function nomFeuilleUnique(debut: string, fin: string, existants: readonly string[]): string {
  const propre = (s: string) => s.replace(INTERDITS_FEUILLE, " ");
  const pris = new Set(existants.map((n) => n.toLocaleLowerCase("fr")));
  for (let i = 1; ; i++) {
    const suffixe = `${propre(fin)}${i === 1 ? "" : ` (${i})`}`;
    const nom = `${propre(debut).slice(0, Math.max(0, LONGUEUR_MAX_FEUILLE - suffixe.length)).trim()}${suffixe}`.trim();
    if (!pris.has(nom.toLocaleLowerCase("fr"))) return nom;
  }
}

/** Table names: a letter first, then letters, digits and underscores, unique in the workbook regardless of case. */
export function nomTableauUnique(base: string, existants: readonly string[]): string {
  const propre = `Bareme_${base}`.replace(/[^A-Za-z0-9_]/g, "_");
  const pris = new Set(existants.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const nom = i === 1 ? propre : `${propre}_${i}`;
    if (!pris.has(nom.toLowerCase())) return nom;
  }
}

const LIGNE_ENTETE_TABLEAU = 12;

/**
 * Inserts the barème in a new sheet: a block saying what it is (scale, date asked, version, unit,
 * source, status, where the data came from), then an Excel table of its values, each with its status.
 * Text cells are formatted as text before being written, so "1/20" stays a fraction and never
 * becomes a date, and no source text is ever read as a formula. Two round trips to Excel: one to read
 * the names already taken, one to write.
 */
export async function insererBareme(context: ContexteClasseur, b: BaremeAInserer, options: { autoAjuster: boolean }): Promise<ResultatInsertion> {
  const feuilles = context.workbook.worksheets;
  const tableaux = context.workbook.tables;
  feuilles.load("items/name");
  tableaux.load("items/name");
  await context.sync();

  const nomFeuille = nomFeuilleUnique(b.id, ` ${b.date}`, feuilles.items.map((f) => f.name));
  const nomTableau = nomTableauUnique(`${b.id}_${b.date.replaceAll("-", "")}`, tableaux.items.map((t) => t.name));
  const feuille = feuilles.add(nomFeuille);

  const entete: [string, string | number][] = [
    [b.libelle, ""],
    ["Barème", b.id],
    ["En vigueur au", versSerieExcel(b.date)],
    ["Version du", versSerieExcel(b.dateEffet)],
    ["Unité", b.unite],
    ["Texte", b.source.texte],
    ["Référence", b.source.reference],
    ["Adresse", b.source.url ?? ""],
    ["Statut", libelleStatut(b.statut)],
    ["Données", b.origine],
  ];
  const blocEntete = feuille.getRange(`A1:B${entete.length}`);
  blocEntete.numberFormat = entete.map(([, v]) => [TEXTE, typeof v === "number" ? DATE : TEXTE]);
  blocEntete.values = entete;
  const titre = feuille.getRange("A1");
  titre.format.font.bold = true;
  titre.format.font.size = 14;

  const derniere = LIGNE_ENTETE_TABLEAU + b.lignes.length;
  // The French label first, for the reader; the key beside it, for =LOGSOC.BAREME.
  const adresse = `A${LIGNE_ENTETE_TABLEAU}:E${derniere}`;
  const plage = feuille.getRange(adresse);
  plage.numberFormat = [[TEXTE, TEXTE, TEXTE, TEXTE, TEXTE], ...b.lignes.map((l) => [TEXTE, TEXTE, typeof l.valeur === "number" ? "General" : TEXTE, TEXTE, TEXTE])];
  plage.values = [["Libellé", "Clé", "Valeur", "Statut", "Note"], ...b.lignes.map((l) => [libelleCle(b.id, l.cle), l.cle, valeurCellule(l.valeur), libelleStatut(l.statut), l.note])];
  const tableau = feuille.tables.add(adresse, true);
  tableau.name = nomTableau;
  tableau.style = "TableStyleLight9";

  if (options.autoAjuster) feuille.getRange(`A1:E${derniere}`).format.autofitColumns();
  feuille.activate();
  await context.sync();
  return { feuille: nomFeuille, tableau: nomTableau };
}

function valeurCellule(v: LigneBareme["valeur"]): string | number {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "oui" : "non";
  return v;
}
