/**
 * What the dossier audit needs from a workbook, whoever opened it: its sheets (name, visibility), each
 * sheet's non-empty cells (value and formula) and the workbook-level names. Two thin adapters fill it:
 * an .xlsx file's bytes are read by ./fichierXlsx.ts (the CLI, tests and bench), the open workbook by
 * office.js (addin/src/audit/). The audit itself never touches a file or the Office API.
 */

/** A cell's value as the spreadsheet shows it; an Excel error keeps its code (`#N/A`, `#DIV/0!`…). */
export type ValeurLue = number | string | boolean | { erreur: string } | null;

export interface CelluleLue {
  /**
   * The value the workbook shows. `undefined` only for a formula cell whose result was never computed
   * (a file written by a generator, not yet opened in a spreadsheet): the audit then checks its formula only.
   */
  valeur: ValeurLue | undefined;
  /** The formula without its leading `=`, in Excel's invariant syntax (English names, `,` separators). */
  formule?: string;
}

export type VisibiliteFeuille = "visible" | "masquee" | "tres_masquee";

export interface FeuilleLue {
  nom: string;
  visibilite: VisibiliteFeuille;
}

export interface LecteurClasseur {
  feuilles(): readonly FeuilleLue[];
  /** The cell at an A1 reference (`B12`), or undefined when it is empty. */
  cellule(feuille: string, ref: string): CelluleLue | undefined;
  /** Every non-empty cell of a sheet, by A1 reference. */
  cellules(feuille: string): ReadonlyMap<string, CelluleLue>;
  /** Workbook-level names → what they refer to, as written in the file (`'Plan d''apurement'!$B$13`). */
  nomsDefinis(): ReadonlyMap<string, string>;
  /** Names local to one sheet (the add-in adds a template's names there when the workbook already has them). */
  nomsDeFeuille(feuille: string): ReadonlyMap<string, string>;
}

/** Contents of a workbook already read: what both adapters build. */
export interface ContenuClasseur {
  feuilles: readonly (FeuilleLue & { cellules: ReadonlyMap<string, CelluleLue>; noms?: ReadonlyMap<string, string> })[];
  noms: ReadonlyMap<string, string>;
}

const VIDE: ReadonlyMap<string, CelluleLue> = new Map();
const NOMS_VIDES: ReadonlyMap<string, string> = new Map();

export function lecteurEnMemoire(contenu: ContenuClasseur): LecteurClasseur {
  const parNom = new Map(contenu.feuilles.map((f) => [f.nom, f]));
  const feuilles = contenu.feuilles.map(({ nom, visibilite }) => ({ nom, visibilite }));
  return {
    feuilles: () => feuilles,
    cellule: (feuille, ref) => parNom.get(feuille)?.cellules.get(ref),
    cellules: (feuille) => parNom.get(feuille)?.cellules ?? VIDE,
    nomsDefinis: () => contenu.noms,
    nomsDeFeuille: (feuille) => parNom.get(feuille)?.noms ?? NOMS_VIDES,
  };
}

/** A value read is "empty" when the cell shows nothing: absent, null or a blank text. */
export function estVide(v: ValeurLue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function estErreurExcel(v: ValeurLue | undefined): v is { erreur: string } {
  return typeof v === "object" && v !== null && "erreur" in v;
}

/** The file cannot be read as a workbook (not an .xlsx, damaged archive, missing part): said in French. */
export class ClasseurIllisible extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClasseurIllisible";
  }
}
