import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { composantes, versSerieExcel, type DateISO } from "../date.ts";
import { resoudreFormule, refAbsolue, citerFeuille } from "./formules.ts";
import { validerSpec, type Cellule, type SpecModele, type Validation } from "./spec.ts";
import { construireModele, type OptionsModele } from "./index.ts";
import { STYLES, type Style } from "./styles.ts";
import { derniereLigneImprimee, hauteursLignes, piedDePage, piedDePageExcel } from "./impression.ts";

/**
 * The .xlsx renderer (DESIGN.md §6 (b)), for the CLI, the Worker and trainers. It uses only exceljs and
 * no Node or DOM API, so the same module runs in Node and in workerd (where the bundler picks exceljs's
 * browser build). exceljs writes formulas without computing them: the file asks the spreadsheet to
 * recalculate everything on opening (`fullCalcOnLoad`). Same spec → same bytes, whenever it is written.
 *
 * The add-in must not import this module (exceljs would weigh on the task pane): it has its own renderer.
 */
export async function ecrireXlsx(spec: SpecModele): Promise<Uint8Array> {
  validerSpec(spec);
  const wb = new ExcelJS.Workbook();
  wb.creator = "LogSoc";
  wb.lastModifiedBy = "LogSoc";
  wb.title = spec.titre;
  // Fixed document dates: the same spec gives the same document properties.
  wb.created = new Date(`${spec.dateBaremes}T00:00:00Z`);
  wb.modified = wb.created;
  wb.calcProperties.fullCalcOnLoad = true;

  const nomsFeuilles = Object.fromEntries(spec.feuilles.map((f) => [f.cle, f.nom]));

  for (const f of spec.feuilles) {
    const ws = wb.addWorksheet(f.nom, {
      state: f.visibilite === "masquee" ? "hidden" : "visible",
      views: f.figerLignes !== undefined ? [{ state: "frozen", ySplit: f.figerLignes, topLeftCell: `A${f.figerLignes + 1}` }] : [{}],
    });
    f.colonnes.forEach((largeur, i) => {
      ws.getColumn(i + 1).width = largeur;
    });
    for (const c of f.cellules) ecrireCellule(ws.getCell(c.ref), c, nomsFeuilles);
    for (const plage of f.fusions) ws.mergeCells(plage);
    for (const [ligne, hauteur] of hauteursLignes(f)) ws.getRow(ligne).height = hauteur;
    const m = f.impression;
    if (m !== undefined) {
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9, // A4
        orientation: m.orientation === "paysage" ? "landscape" : "portrait",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: m.pagesEnHauteur ?? 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 },
      };
      ws.headerFooter = { ...ws.headerFooter, oddFooter: piedDePageExcel(piedDePage(spec)) };
      // A break « before row n » is stored after row n − 1.
      for (const l of m.sauts ?? []) ws.getRow(l - 1).addPageBreak();
    }
    if (f.protegee) {
      await ws.protect("", {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
      });
    }
  }

  for (const n of spec.noms) {
    wb.definedNames.add(`${citerFeuille(nomsFeuilles[n.feuille]!)}!${refAbsolue(n.ref)}`, n.nom);
  }

  const tampon = await wb.xlsx.writeBuffer();
  return archiveReproductible(new Uint8Array(tampon as ArrayBuffer), spec.dateBaremes, (xml) => avecZonesImpression(xml, spec));
}

function echapperXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;").replace(/"/g, "&quot;");
}

/**
 * Print areas and print titles, written into workbook.xml by hand: exceljs quotes a sheet name with an
 * apostrophe (« Plan d'apurement ») wrongly. A plan's area is fixed to the instalments its inputs give
 * (LibreOffice reads only fixed areas; the add-in writes Excel's dynamic one).
 */
function avecZonesImpression(xml: string, spec: SpecModele): string {
  const noms: string[] = [];
  spec.feuilles.forEach((f, i) => {
    const m = f.impression;
    if (m === undefined) return;
    const feuille = citerFeuille(f.nom);
    noms.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${echapperXml(`${feuille}!$A$1:${refAbsolue(`${m.derniereColonne}${derniereLigneImprimee(spec, m)}`)}`)}</definedName>`);
    if (m.titres) noms.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${echapperXml(`${feuille}!$${m.titres[0]}:$${m.titres[1]}`)}</definedName>`);
  });
  if (noms.length === 0) return xml;
  if (xml.includes("<definedNames>")) return xml.replace("<definedNames>", `<definedNames>${noms.join("")}`);
  if (xml.includes("<definedNames/>")) return xml.replace("<definedNames/>", `<definedNames>${noms.join("")}</definedNames>`);
  return xml.replace("<calcPr", `<definedNames>${noms.join("")}</definedNames><calcPr`);
}

/**
 * exceljs zips through JSZip, which stamps every entry with the time of writing and has no option to
 * set it: two runs would never give the same bytes. fflate writes the archive again, entries in the
 * same order (`[Content_Types].xml` first) with the same compression (deflate; folders stored), all
 * dated `date`. At noon: fflate writes local time, and no daylight-saving change skips noon, so the
 * bytes are the same in every time zone.
 */
function archiveReproductible(octets: Uint8Array, date: DateISO, classeur: (xml: string) => string): Uint8Array {
  const { annee, mois, jour } = composantes(date);
  const mtime = new Date(Math.min(Math.max(annee, 1980), 2099), mois - 1, jour, 12);
  const stockees = new Set<string>();
  const entrees = unzipSync(octets, {
    filter: (f) => {
      if (f.compression === 0) stockees.add(f.name);
      return true;
    },
  });
  entrees["xl/workbook.xml"] = strToU8(classeur(strFromU8(entrees["xl/workbook.xml"]!)));
  const archive: Zippable = {};
  for (const [nom, donnees] of Object.entries(entrees)) {
    archive[nom] = [donnees, { mtime, level: stockees.has(nom) ? 0 : 6, ...(nom.endsWith("/") ? { attrs: 0x10 } : {}) }];
  }
  return zipSync(archive);
}

/** Media type of an .xlsx file, for the Worker's answer. */
export const TYPE_MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** « logsoc-evaluation-2026-11-26.xlsx »: the file name a download suggests. */
export function nomFichierModele(spec: Pick<SpecModele, "id" | "dateBaremes">): string {
  return `logsoc-${spec.id}-${spec.dateBaremes}.xlsx`;
}

/**
 * A template as .xlsx bytes, in one call (what `GET /v1/modeles/{type}.xlsx` answers): the type
 * (evaluation, cal, apurement, competences) and the options of `construireModele`. Bad input is an
 * ErreurLogsoc (CODE_INCONNU, HORS_LIMITES, BAREME_NON_EN_VIGUEUR…) with a French message.
 */
export async function modeleXlsx(type: string, options: OptionsModele): Promise<{ octets: Uint8Array; spec: SpecModele; nomFichier: string }> {
  const spec = construireModele(type, options);
  return { octets: await ecrireXlsx(spec), spec, nomFichier: nomFichierModele(spec) };
}

function ecrireCellule(cell: ExcelJS.Cell, c: Cellule, nomsFeuilles: Readonly<Record<string, string>>): void {
  if (c.formule !== undefined) {
    cell.value = { formula: resoudreFormule(c.formule, nomsFeuilles) } as ExcelJS.CellFormulaValue;
  } else if (c.valeur !== undefined) {
    const v = c.valeur;
    if (typeof v === "object") cell.value = "date" in v ? versSerieExcel(v.date) : nomsFeuilles[v.nomFeuille]!;
    else cell.value = v;
  }
  const style: Style = c.style ? STYLES[c.style] : {};
  cell.style = styleExcel(style, c.format);
  if (c.validation) cell.dataValidation = validationExcel(c.validation, c.aide);
}

function couleur(rgb: string): { argb: string } {
  return { argb: `FF${rgb}` };
}

const ALIGNEMENT = { gauche: "left", centre: "center", droite: "right" } as const;

function styleExcel(s: Style, format: string | undefined): Partial<ExcelJS.Style> {
  const trait: Partial<ExcelJS.Border> = { style: "thin", color: couleur("A6A6A6") };
  return {
    font: {
      name: "Calibri",
      size: s.taille ?? 11,
      ...(s.gras ? { bold: true } : {}),
      ...(s.italique ? { italic: true } : {}),
      ...(s.couleur ? { color: couleur(s.couleur) } : {}),
    },
    ...(s.fond ? { fill: { type: "pattern", pattern: "solid", fgColor: couleur(s.fond) } as ExcelJS.Fill } : {}),
    ...(s.bordure ? { border: { top: trait, left: trait, bottom: trait, right: trait } } : {}),
    alignment: {
      vertical: "top",
      ...(s.alignement ? { horizontal: ALIGNEMENT[s.alignement] } : {}),
      ...(s.retourALaLigne ? { wrapText: true } : {}),
    },
    protection: { locked: !s.deverrouillee },
    ...(format ? { numFmt: format } : {}),
  };
}

function validationExcel(v: Validation, aide: string | undefined): ExcelJS.DataValidation {
  const commun = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Valeur non valide",
    error: v.message,
    ...(aide ? { showInputMessage: true, promptTitle: "Aide", prompt: aide } : {}),
  } as const;
  switch (v.type) {
    case "liste":
      return { ...commun, type: "list", formulae: [`"${v.valeurs.join(",")}"`] };
    case "decimal":
      return v.max === undefined
        ? { ...commun, type: "decimal", operator: "greaterThanOrEqual", formulae: [v.min] }
        : { ...commun, type: "decimal", operator: "between", formulae: [v.min, v.max] };
    case "entier":
      return { ...commun, type: "whole", operator: "between", formulae: [v.min, v.max] };
    case "date":
      return { ...commun, type: "date", operator: "between", formulae: [v.min, v.max] };
    case "texte":
      return { ...commun, type: "textLength", operator: "lessThanOrEqual", formulae: [v.longueurMax] };
  }
}
