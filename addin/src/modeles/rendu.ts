import { versSerieExcel } from "#shared/date.ts";
import { decomposerRef, lettreColonne, resoudreFormule } from "#shared/modeles/formules.ts";
import { validerSpec, type Cellule, type Feuille, type SpecModele, type Validation } from "#shared/modeles/spec.ts";
import { STYLES, type NomStyle } from "#shared/modeles/styles.ts";
import { formuleZoneImpression, hauteursLignes, piedDePage, zoneImpression } from "#shared/modeles/impression.ts";

/**
 * The office.js renderer of a template spec (DESIGN.md §6 (a)): inserts the template into the open
 * workbook as new sheets, never touching an existing sheet or name.
 * - Sheet names are made unique (« Barèmes » becomes « Barèmes (2) » when taken), and every formula and
 *   the metadata sheet use the names the sheets really got.
 * - A workbook name that already exists (a second évaluation in the same workbook) is added to the new
 *   sheet instead (sheet scope): the existing one keeps pointing where it did.
 * - Two `context.sync()` calls whatever the template's size: one to read the existing sheet and name
 *   lists, one to send everything else. Cells go in one rectangular write per sheet (values/formulas,
 *   then number formats), styles and validations in one write per distinct look over all its cells
 *   (RangeAreas, ExcelApi 1.9).
 */

/** The slice of Excel.RequestContext the renderer uses; Excel's own types are assignable to it (checked at compile time). */
export interface ContexteModele {
  workbook: {
    worksheets: { load(proprietes: "items/name"): unknown; items: { name: string }[]; add(nom: string): FeuilleModele };
    names: CollectionNoms;
  };
  sync(): Promise<unknown>;
}

export interface CollectionNoms {
  load(proprietes: "items/name"): unknown;
  items: { name: string }[];
  add(nom: string, reference: PlageModele | string, commentaire?: string): unknown;
}

export interface FeuilleModele {
  getRange(adresse: string): PlageModele;
  getRanges(adresses: string): ZonesModele;
  names: { add(nom: string, reference: PlageModele | string, commentaire?: string): unknown };
  freezePanes: { freezeRows(lignes?: number): void };
  protection: { protect(options?: { allowFormatColumns?: boolean; allowFormatRows?: boolean }): void };
  visibility: string;
  activate(): void;
  pageLayout: MiseEnPageModele;
  horizontalPageBreaks: { add(plage: string): unknown };
}

/** The slice of Excel.PageLayout (ExcelApi 1.9) the renderer sets. */
export interface MiseEnPageModele {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  setPrintArea(plage: string): void;
  setPrintTitleRows(lignes: string): void;
  headersFooters: { defaultForAllPages: { leftFooter: string; centerFooter: string; rightFooter: string } };
}

export interface FormatModele {
  font: { bold: boolean; italic: boolean; size: number; color: string };
  fill: { color: string };
  borders: { getItem(cote: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight"): { style: string; color: string } };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  protection: { locked: boolean };
}

export interface PlageModele {
  formulas: unknown[][];
  numberFormat: unknown[][];
  format: FormatModele & { columnWidth: number };
  merge(across?: boolean): void;
}

export interface ZonesModele {
  format: FormatModele & { rowHeight: number };
  dataValidation: { rule: unknown; errorAlert: unknown; prompt: unknown; ignoreBlanks: boolean };
}

export interface ResultatInsertionModele {
  /** Spec sheet key → the name the sheet got in the workbook. */
  feuilles: Record<string, string>;
  /** Names added to the workbook, and those added to a sheet because the workbook already had them. */
  noms: { nom: string; portee: "classeur" | "feuille"; feuille: string }[];
  /** The sheet activated for the adviser (the template's first visible sheet). */
  feuilleActive: string;
  /** Sheets inserted hidden (the metadata sheet), by the names they got. */
  masquees: string[];
}

const LONGUEUR_MAX_FEUILLE = 31;

/** « Barèmes » → « Barèmes (2) » … until no sheet of the workbook (nor of this insertion) has that name, ignoring case. */
export function nomsFeuillesUniques(souhaites: readonly string[], existants: readonly string[]): string[] {
  const pris = new Set(existants.map((n) => n.toLocaleLowerCase("fr")));
  return souhaites.map((nom) => {
    for (let i = 1; i < 1000; i++) {
      const suffixe = i === 1 ? "" : ` (${i})`;
      const candidat = `${nom.slice(0, LONGUEUR_MAX_FEUILLE - suffixe.length)}${suffixe}`;
      if (!pris.has(candidat.toLocaleLowerCase("fr"))) {
        pris.add(candidat.toLocaleLowerCase("fr"));
        return candidat;
      }
    }
    throw new Error(`Impossible de trouver un nom libre pour la feuille « ${nom} » : le classeur en contient déjà trop de ce nom.`);
  });
}

/**
 * Groups cell references into as few rectangles as possible for one address string: runs of rows in
 * each column, then neighbouring columns with the same runs side by side (A38:F637 for a schedule).
 */
export function compresserAdresses(refs: readonly string[]): string[] {
  const parColonne = new Map<number, number[]>();
  for (const r of refs) {
    const { colonne, ligne } = decomposerRef(r);
    parColonne.set(colonne, [...(parColonne.get(colonne) ?? []), ligne]);
  }
  const plagesColonne = new Map<number, [number, number][]>();
  for (const [colonne, lignes] of parColonne) {
    const tri = [...new Set(lignes)].sort((a, b) => a - b);
    const plages: [number, number][] = [];
    for (const l of tri) {
      const derniere = plages.at(-1);
      if (derniere && derniere[1] === l - 1) derniere[1] = l;
      else plages.push([l, l]);
    }
    plagesColonne.set(colonne, plages);
  }
  const resultat: string[] = [];
  const colonnes = [...plagesColonne.keys()].sort((a, b) => a - b);
  const restantes = new Map(colonnes.map((c) => [c, new Set(plagesColonne.get(c)!.map(([a, b]) => `${a}:${b}`))]));
  for (const c of colonnes) {
    for (const cle of restantes.get(c)!) {
      const [a, b] = cle.split(":").map(Number) as [number, number];
      let fin = c;
      while (restantes.get(fin + 1)?.has(cle)) {
        restantes.get(fin + 1)!.delete(cle);
        fin++;
      }
      const debut = `${lettreColonne(c)}${a}`;
      const bout = `${lettreColonne(fin)}${b}`;
      resultat.push(debut === bout ? debut : `${debut}:${bout}`);
    }
  }
  return resultat;
}

/** Office.js accepts up to a few thousand characters per address: long lists are split. */
function paquets(adresses: readonly string[], longueurMax = 2000): string[] {
  const resultat: string[] = [];
  let courant = "";
  for (const a of adresses) {
    if (courant !== "" && courant.length + a.length + 1 > longueurMax) {
      resultat.push(courant);
      courant = "";
    }
    courant = courant === "" ? a : `${courant},${a}`;
  }
  if (courant !== "") resultat.push(courant);
  return resultat;
}

/** Column width in Excel's characters → points (Calibri 11: 7 pixels per character plus 5 of padding; 0,75 point per pixel). */
export function largeurEnPoints(caracteres: number): number {
  return Math.round((caracteres * 7 + 5) * 0.75 * 100) / 100;
}

function contenu(c: Cellule, feuilles: Readonly<Record<string, string>>): string | number | boolean {
  if (c.formule !== undefined) return `=${resoudreFormule(c.formule, feuilles)}`;
  const v = c.valeur;
  if (v === undefined) return "";
  if (typeof v === "object") return "date" in v ? versSerieExcel(v.date) : feuilles[v.nomFeuille]!;
  return v;
}

/**
 * Text constants get the text format « @ », set before the values, so that Excel keeps a label such as
 * « 1.0.0 » or « T1 » as typed instead of reading a number or a date; formulas keep « Général ».
 */
function formatNombre(c: Cellule): string {
  if (c.format !== undefined) return c.format;
  if (c.formule === undefined && (typeof c.valeur === "string" || (c.saisie && c.style === "saisieTexte"))) return "@";
  return "General";
}

/** The rule of a validation in office.js terms (Excel.DataValidationRule). */
export function regleValidation(v: Validation): Record<string, unknown> {
  switch (v.type) {
    case "liste":
      return { list: { inCellDropDown: true, source: v.valeurs.join(",") } };
    case "decimal":
      return { decimal: v.max === undefined ? { formula1: v.min, operator: "GreaterThanOrEqualTo" } : { formula1: v.min, formula2: v.max, operator: "Between" } };
    case "entier":
      return { wholeNumber: { formula1: v.min, formula2: v.max, operator: "Between" } };
    case "date":
      return { date: { formula1: v.min, formula2: v.max, operator: "Between" } };
    case "texte":
      return { textLength: { formula1: v.longueurMax, operator: "LessThanOrEqualTo" } };
  }
}

const ALIGNEMENT = { gauche: "Left", centre: "Center", droite: "Right" } as const;

function appliquerStyle(format: FormatModele, nom: NomStyle): void {
  const s = STYLES[nom] as (typeof STYLES)[NomStyle] & Record<string, unknown>;
  if (s.gras) format.font.bold = true;
  if (s.italique) format.font.italic = true;
  if (typeof s.taille === "number") format.font.size = s.taille;
  if (typeof s.couleur === "string") format.font.color = `#${s.couleur}`;
  if (typeof s.fond === "string") format.fill.color = `#${s.fond}`;
  if (s.bordure) {
    for (const cote of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
      const b = format.borders.getItem(cote);
      b.style = "Continuous";
      b.color = "#A6A6A6";
    }
  }
  if (typeof s.alignement === "string") format.horizontalAlignment = ALIGNEMENT[s.alignement as keyof typeof ALIGNEMENT];
  format.verticalAlignment = "Top";
  if (s.retourALaLigne) format.wrapText = true;
  if (s.deverrouillee) format.protection.locked = false;
}

function rectangle(f: Feuille): { colonnes: number; lignes: number } {
  let colonnes = 1;
  let lignes = 1;
  for (const c of f.cellules) {
    const { colonne, ligne } = decomposerRef(c.ref);
    colonnes = Math.max(colonnes, colonne);
    lignes = Math.max(lignes, ligne);
  }
  return { colonnes, lignes };
}

/** Inches (the .xlsx writer's unit) → points (office.js's), for the margins. */
const POINTS_PAR_POUCE = 72;

/**
 * A4, fitted to the page width, footer, print titles and page breaks (DESIGN.md §6 « Paper-ready »), the
 * same as the .xlsx writer. A plan d'apurement's print area is Excel's dynamic one: a name
 * `Print_Area` on the sheet whose formula ends with the last instalment, whatever is typed later.
 */
function mettreEnPage(ws: FeuilleModele, spec: SpecModele, f: Feuille, nomFeuille: string): void {
  const m = f.impression;
  if (m === undefined) return;
  const p = ws.pageLayout;
  p.paperSize = "A4";
  p.orientation = m.orientation === "paysage" ? "Landscape" : "Portrait";
  p.zoom = { horizontalFitToPages: 1, verticalFitToPages: m.pagesEnHauteur ?? 0 };
  p.centerHorizontally = true;
  p.leftMargin = 0.4 * POINTS_PAR_POUCE;
  p.rightMargin = 0.4 * POINTS_PAR_POUCE;
  p.topMargin = 0.5 * POINTS_PAR_POUCE;
  p.bottomMargin = 0.6 * POINTS_PAR_POUCE;
  p.headerMargin = 0.2 * POINTS_PAR_POUCE;
  p.footerMargin = 0.25 * POINTS_PAR_POUCE;
  const pied = piedDePage(spec);
  const pages = p.headersFooters.defaultForAllPages;
  pages.leftFooter = `&8${pied.gauche}`;
  pages.centerFooter = `&8${pied.centre}`;
  pages.rightFooter = `&8${pied.droite}`;
  if (m.echeancier !== undefined) ws.names.add("Print_Area", `=${formuleZoneImpression(nomFeuille, m)}`, "Zone d'impression : jusqu'à la dernière échéance du plan et le bloc de signatures.");
  else p.setPrintArea(zoneImpression(spec, f)!);
  if (m.titres) p.setPrintTitleRows(`$${m.titres[0]}:$${m.titres[1]}`);
  for (const l of m.sauts ?? []) ws.horizontalPageBreaks.add(`A${l}`);
}

function ecrireFeuille(ws: FeuilleModele, f: Feuille, feuilles: Readonly<Record<string, string>>): void {
  const { colonnes, lignes } = rectangle(f);
  const parRef = new Map(f.cellules.map((c) => [c.ref, c]));
  const formules: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let l = 1; l <= lignes; l++) {
    const ligneFormules: (string | number | boolean)[] = [];
    const ligneFormats: string[] = [];
    for (let c = 1; c <= colonnes; c++) {
      const cellule = parRef.get(`${lettreColonne(c)}${l}`);
      ligneFormules.push(cellule ? contenu(cellule, feuilles) : "");
      ligneFormats.push(cellule ? formatNombre(cellule) : "General");
    }
    formules.push(ligneFormules);
    formats.push(ligneFormats);
  }
  const bloc = ws.getRange(`A1:${lettreColonne(colonnes)}${lignes}`);
  // Formats first: a text cell formatted « @ » keeps a label such as « T1 » or « 2 » as text.
  bloc.numberFormat = formats;
  bloc.formulas = formules;

  f.colonnes.forEach((largeur, i) => {
    ws.getRange(`${lettreColonne(i + 1)}:${lettreColonne(i + 1)}`).format.columnWidth = largeurEnPoints(largeur);
  });
  for (const plage of f.fusions) ws.getRange(plage).merge(false);
  // Rows of the same height in one call: « 5:7 ».
  const parHauteur = new Map<number, number[]>();
  for (const [ligne, h] of hauteursLignes(f)) parHauteur.set(h, [...(parHauteur.get(h) ?? []), ligne]);
  for (const [h, lignes] of parHauteur) {
    for (const adresses of paquets(compresserAdresses(lignes.map((l) => `A${l}`)).map((a) => a.replace(/A(\d+)(?::A(\d+))?/, (_m, d: string, fin?: string) => `${d}:${fin ?? d}`)))) {
      ws.getRanges(adresses).format.rowHeight = h;
    }
  }

  const parStyle = new Map<NomStyle, string[]>();
  for (const c of f.cellules) if (c.style) parStyle.set(c.style, [...(parStyle.get(c.style) ?? []), c.ref]);
  for (const [style, refs] of parStyle) {
    for (const adresses of paquets(compresserAdresses(refs))) appliquerStyle(ws.getRanges(adresses).format, style);
  }

  const parValidation = new Map<string, { v: Validation; aide: string | undefined; refs: string[] }>();
  for (const c of f.cellules) {
    if (!c.validation) continue;
    const cle = JSON.stringify([c.validation, c.aide ?? null]);
    const groupe = parValidation.get(cle) ?? { v: c.validation, aide: c.aide, refs: [] };
    groupe.refs.push(c.ref);
    parValidation.set(cle, groupe);
  }
  for (const { v, aide, refs } of parValidation.values()) {
    for (const adresses of paquets(compresserAdresses(refs))) {
      const dv = ws.getRanges(adresses).dataValidation;
      dv.ignoreBlanks = true;
      dv.rule = regleValidation(v);
      dv.errorAlert = { showAlert: true, style: "Stop", title: "Valeur non valide", message: v.message };
      if (aide) dv.prompt = { showPrompt: true, title: "Aide", message: aide };
    }
  }

  if (f.figerLignes !== undefined) ws.freezePanes.freezeRows(f.figerLignes);
}

/**
 * Inserts `spec` into the workbook of `context` (in `Excel.run(async (context) => insererModele(context, spec))`).
 * Throws a French error when the spec is invalid or the workbook refuses the batch.
 */
export async function insererModele(context: ContexteModele, spec: SpecModele): Promise<ResultatInsertionModele> {
  validerSpec(spec);
  const classeur = context.workbook;
  classeur.worksheets.load("items/name");
  classeur.names.load("items/name");
  await context.sync();

  const existants = classeur.worksheets.items.map((w) => w.name);
  const noms = nomsFeuillesUniques(
    spec.feuilles.map((f) => f.nom),
    existants,
  );
  const feuilles: Record<string, string> = Object.fromEntries(spec.feuilles.map((f, i) => [f.cle, noms[i]!]));
  // Every sheet exists before any formula refers to it.
  const ajoutees = new Map(spec.feuilles.map((f) => [f.cle, classeur.worksheets.add(feuilles[f.cle]!)]));
  for (const f of spec.feuilles) {
    ecrireFeuille(ajoutees.get(f.cle)!, f, feuilles);
    mettreEnPage(ajoutees.get(f.cle)!, spec, f, feuilles[f.cle]!);
  }

  const nomsPris = new Set(classeur.names.items.map((n) => n.name.toUpperCase()));
  const resultatNoms: ResultatInsertionModele["noms"] = [];
  for (const n of spec.noms) {
    const ws = ajoutees.get(n.feuille)!;
    const cible = ws.getRange(n.ref);
    if (nomsPris.has(n.nom.toUpperCase())) {
      ws.names.add(n.nom, cible, n.description);
      resultatNoms.push({ nom: n.nom, portee: "feuille", feuille: feuilles[n.feuille]! });
    } else {
      classeur.names.add(n.nom, cible, n.description);
      nomsPris.add(n.nom.toUpperCase());
      resultatNoms.push({ nom: n.nom, portee: "classeur", feuille: feuilles[n.feuille]! });
    }
  }

  for (const f of spec.feuilles) {
    const ws = ajoutees.get(f.cle)!;
    if (f.protegee) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    if (f.visibilite === "masquee") ws.visibility = "Hidden";
  }
  const premiere = spec.feuilles.find((f) => f.visibilite === "visible")!;
  ajoutees.get(premiere.cle)!.activate();
  try {
    await context.sync();
  } catch (e) {
    throw new Error(`Excel a refusé l'insertion du modèle « ${spec.titre} » : ${e instanceof Error ? e.message : String(e)}`);
  }
  const masquees = spec.feuilles.filter((f) => f.visibilite !== "visible").map((f) => feuilles[f.cle]!);
  return { feuilles, noms: resultatNoms, feuilleActive: feuilles[premiere.cle]!, masquees };
}
