import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { AIDE_MODELE } from "./modele.ts";
import { enMemoire, logsoc, racine } from "../test/executer.ts";

const dossier = mkdtempSync(join(tmpdir(), "logsoc-modele-"));

async function classeur(fichier: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const octets = readFileSync(fichier);
  await wb.xlsx.load(octets.buffer.slice(octets.byteOffset, octets.byteOffset + octets.byteLength) as ArrayBuffer);
  return wb;
}

describe("logsoc modele (binaire réel)", () => {
  it("écrit la fiche d'évaluation : feuilles, noms, métadonnées masquées, barèmes de la date", async () => {
    const fichier = join(dossier, "evaluation.xlsx");
    const r = logsoc("modele", "evaluation", "--sortie", fichier, "--date", "2025-06-15");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Évaluation économique de la famille (modèle evaluation 2.0.0, barèmes en vigueur au 15/06/2025) écrit dans ${fichier}.\n`);
    const wb = await classeur(fichier);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Évaluation", "visible"],
      ["Barèmes", "visible"],
      ["LogSoc_meta", "hidden"],
    ]);
    for (const nom of ["TOTAL_RESSOURCES", "TOTAL_CHARGES", "RAV_MENSUEL", "RAV_JOUR_PERSONNE", "RAV_UC", "RAV_JOUR_UC", "TAUX_EFFORT", "CAPACITE_REMBOURSEMENT"]) {
      expect(wb.definedNames.getRanges(nom).ranges, nom).toHaveLength(1);
    }
    const meta = wb.getWorksheet("LogSoc_meta")!;
    expect([meta.getCell("A3").value, meta.getCell("B3").value, meta.getCell("A4").value, meta.getCell("B4").value]).toEqual(["modele", "evaluation", "version", "2.0.0"]);
    // RSA 646,52 € from 1 April 2025 (décret n° 2025-…), in the Barèmes sheet with its date d'effet.
    const baremes = wb.getWorksheet("Barèmes")!;
    const rsa = baremes.getRows(1, baremes.rowCount)!.find((l) => String(l.getCell(1).value).startsWith("RSA : montant forfaitaire"))!;
    expect(rsa.getCell(2).value).toBe(646.52);
  });

  it("fiche CALEOL : --candidats et --zone ; plan d'apurement et grille de compétences", async () => {
    const cal = join(dossier, "fiche.xlsx");
    expect(logsoc("modele", "cal", "--sortie", cal, "--candidats", "2", "--zone", "paris", "--date", "2026-11-26").code).toBe(0);
    const fiche = (await classeur(cal)).getWorksheet("Fiche CALEOL")!;
    expect([fiche.getCell("B31").value, fiche.getCell("C31").value, fiche.getCell("D31").value]).toEqual(["Candidat A", "Candidat B", null]);
    expect(fiche.getCell("B20").value).toBe("Paris et communes limitrophes");
    for (const type of ["apurement", "competences"]) {
      const f = join(dossier, `${type}.xlsx`);
      const r = await enMemoire("modele", type, `--sortie=${f}`, "--date=2026-11-26");
      expect(r).toMatchObject({ code: 0, err: "" });
      expect(existsSync(f)).toBe(true);
    }
    const plan = await classeur(join(dossier, "apurement.xlsx"));
    expect(["DETTE", "MENSUALITE", "DUREE", "TOTAL_REMBOURSE"].map((n) => plan.definedNames.getRanges(n).ranges)).toEqual([
      ["'Plan d''apurement'!$B$13"],
      ["'Plan d''apurement'!$B$14"],
      ["'Plan d''apurement'!$B$15"],
      ["'Plan d''apurement'!$B$17"],
    ]);
  });

  it("n'écrase jamais un fichier existant, sauf avec --remplacer", async () => {
    const fichier = join(dossier, "existant.xlsx");
    writeFileSync(fichier, "dossier d'une famille");
    const r = await enMemoire("modele", "apurement", "--sortie", fichier);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`#VALUE! Impossible d'écrire ${fichier} : le fichier existe déjà ; ajoutez --remplacer pour le remplacer.\n`);
    expect(readFileSync(fichier, "utf8")).toBe("dossier d'une famille");
    expect((await enMemoire("modele", "apurement", "--sortie", fichier, "--remplacer")).code).toBe(0);
    expect(readFileSync(fichier).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it.each([
    [["modele", "budget", "--sortie", "x.xlsx"], "#VALUE! Type de modèle inconnu « budget » : evaluation, cal, apurement, competences attendu.\n"],
    [["modele", "evaluation"], "#VALUE! Indiquez le fichier à écrire avec --sortie FICHIER.xlsx.\n"],
    [["modele", "--sortie", "x.xlsx"], "#VALUE! Indiquez le type de modèle : evaluation, cal, apurement, competences.\n"],
    [["modele", "evaluation", "--sortie", "x.csv"], "#VALUE! Le fichier de sortie doit avoir l'extension .xlsx (reçu : x.csv).\n"],
    [["modele", "evaluation", "--sortie", "x.xlsx", "--date", "31/12/2026"], "#VALUE! « 31/12/2026 » n'est pas une date valide (format attendu AAAA-MM-JJ) pour --date.\n"],
    [["modele", "cal", "--sortie", "x.xlsx", "--candidats", "4"], "#VALUE! --candidats attend un nombre entier de 1 à 3 (reçu : 4).\n"],
    [["modele", "cal", "--sortie", "x.xlsx", "--zone", "lyon"], "#VALUE! Zone inconnue « lyon » : PARIS, IDF, AUTRES attendue.\n"],
    [["modele", "apurement", "--sortie", "x.xlsx", "--zone", "IDF"], "#VALUE! Les options --candidats et --zone ne concernent que la fiche CALEOL (type cal).\n"],
    [["modele", "apurement", "--sortie", "x.xlsx", "--vite"], "#VALUE! Option inconnue « --vite ». Options : --sortie, --date, --candidats, --zone, --remplacer, --help.\n"],
    [["modele", "apurement", "--sortie", "x.xlsx", "--date", "2020-01-01"], "#N/A Le barème « Durées de référence des plans d'apurement » (durees_apurement) n'a aucune version en vigueur le 01/01/2020 : sa première version enregistrée s'applique à partir du 29/07/2023.\n"],
  ])("erreur claire, code 2, aucun fichier : %j", async (args, message) => {
    const r = await enMemoire(...args);
    expect(r).toEqual({ code: 2, out: "", err: message });
    expect(existsSync(join(racine, "x.xlsx"))).toBe(false);
  });

  it("un dossier qui n'existe pas : message clair", async () => {
    const fichier = join(dossier, "absent", "f.xlsx");
    expect(await enMemoire("modele", "competences", "--sortie", fichier)).toEqual({ code: 2, out: "", err: `#VALUE! Impossible d'écrire ${fichier} : le dossier n'existe pas.\n` });
  });

  it("aide en français, listée par logsoc --help", async () => {
    const r = logsoc("modele", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toBe(AIDE_MODELE);
    expect(r.out).toContain("un fichier existant n'est jamais écrasé");
    expect(logsoc("--help").out).toContain("modele       classeur modèle .xlsx");
    expect((await enMemoire("modele")).code).toBe(2);
  });
});

process.on("exit", () => rmSync(dossier, { recursive: true, force: true }));
