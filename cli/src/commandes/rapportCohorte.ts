import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { COLONNES_CONSTATS, COLONNES_DOSSIERS, lignesConstats, lignesDossiers, type Cellule, type ResultatFichier } from "#shared/audit/cohorte.ts";
import { texteAffichable } from "#shared/audit/texteSur.ts";

/**
 * Writes the cohort report (`--rapport F.xlsx` or `F.csv`). Text from the workbooks is neutralised twice:
 * control characters (./texteSur.ts), and a leading `=`, `+`, `-` or `@` gets an apostrophe in the CSV,
 * so a dossier's text is never run as a formula by the spreadsheet that opens the report.
 */

const sur = (c: Cellule): Cellule => (typeof c === "string" ? texteAffichable(c) : c);
/** The steps column keeps its line breaks (LogSoc's own text), each line neutralised. */
const surLignes = (c: Cellule): Cellule => (typeof c === "string" ? c.split("\n").map(texteAffichable).join("\n") : c);

export async function ecrireRapportXlsx(chemin: string, resultats: readonly ResultatFichier[], remplacer = false): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  const feuille = (nom: string, colonnes: readonly string[], lignes: Cellule[][], largeurs: number[], multiligne: number | null = null) => {
    const ws = wb.addWorksheet(nom, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow([...colonnes]).font = { bold: true };
    // Strings stay strings: exceljs writes a text starting with « = » as text, never as a formula.
    for (const l of lignes) ws.addRow(l.map((c, i) => (i === multiligne ? surLignes(c) : sur(c))));
    ws.columns.forEach((c, i) => (c.width = largeurs[i] ?? 16));
    if (multiligne !== null) ws.getColumn(multiligne + 1).alignment = { wrapText: true, vertical: "top" };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: colonnes.length } };
  };
  feuille("Dossiers", COLONNES_DOSSIERS, lignesDossiers(resultats), [40, 22, 34, 9, 12, 12, 18, 18, 11, 40, 40, 60]);
  feuille("Constats", COLONNES_CONSTATS, lignesConstats(resultats), [40, 22, 22, 9, 18, 18, 34, 90, 100], COLONNES_CONSTATS.length - 1);
  await writeFile(chemin, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), { flag: remplacer ? "w" : "wx" });
  return [chemin];
}

function champCsv(c: Cellule): string {
  if (c === null) return "";
  if (typeof c === "number") return String(c).replace(".", ",");
  let t = texteAffichable(c);
  if (/^[=+\-@]/.test(t)) t = `'${t}`;
  return /[;"\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** `;` separators and a byte order mark: what Excel in French opens as columns, accents included. */
function csv(colonnes: readonly string[], lignes: Cellule[][]): string {
  return `\ufeff${[colonnes as readonly Cellule[], ...lignes].map((l) => l.map(champCsv).join(";")).join("\r\n")}\r\n`;
}

/** F.csv (dossiers) and F-constats.csv (findings) beside it. Returns the files written. */
export const cheminConstatsCsv = (chemin: string) => chemin.replace(/\.csv$/i, "-constats.csv");

export async function ecrireRapportCsv(chemin: string, resultats: readonly ResultatFichier[], remplacer = false): Promise<string[]> {
  const constats = cheminConstatsCsv(chemin);
  const flag = remplacer ? "w" : "wx";
  await writeFile(chemin, csv(COLONNES_DOSSIERS, lignesDossiers(resultats)), { flag });
  await writeFile(constats, csv(COLONNES_CONSTATS, lignesConstats(resultats)), { flag });
  return [chemin, constats];
}
