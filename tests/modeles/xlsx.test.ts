import { describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { unzipSync, type UnzipFileInfo } from "fflate";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DateISO } from "#shared/date.ts";
import { versSerieExcel } from "#shared/date.ts";
import { construireModele } from "#shared/modeles/index.ts";
import { resoudreFormule, refAbsolue, citerFeuille } from "#shared/modeles/formules.ts";
import { avecSaisies, celluleParId, toutesLesCellules, TYPES_MODELES } from "#shared/modeles/spec.ts";
import { ecrireXlsx, modeleXlsx, TYPE_MIME_XLSX } from "#shared/modeles/xlsx.ts";
import { estErreurLogsoc } from "#shared/errors.ts";
import { ouvrirPaquetXlsx } from "#shared/audit/fichierXlsx.ts";

const DATE = "2026-11-26" as DateISO;

async function relire(octets: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(octets.buffer.slice(octets.byteOffset, octets.byteOffset + octets.byteLength) as ArrayBuffer);
  return wb;
}

/** exceljs reads a number with a date format back as a Date: its serial number again, to compare. */
function valeur(cell: ExcelJS.Cell): unknown {
  return cell.value instanceof Date ? Math.round((cell.value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000) : cell.value;
}

describe("ecrireXlsx : le fichier .xlsx d'un modèle", () => {
  it.each(TYPES_MODELES)("%s : feuilles, formules, valeurs, formats, styles, protections et validations du modèle", async (type) => {
    const spec = construireModele(type, { date: DATE });
    const wb = await relire(await ecrireXlsx(spec));
    const noms = Object.fromEntries(spec.feuilles.map((f) => [f.cle, f.nom]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(spec.feuilles.map((f) => f.nom));
    for (const f of spec.feuilles) {
      const ws = wb.getWorksheet(f.nom)!;
      expect(ws.state).toBe(f.visibilite === "masquee" ? "hidden" : "visible");
      expect(Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet), f.nom).toBe(f.protegee);
      for (const c of f.cellules) {
        const cell = ws.getCell(c.ref);
        const ou = `${f.nom}!${c.ref}`;
        if (c.formule !== undefined) expect((cell.value as ExcelJS.CellFormulaValue).formula, ou).toBe(resoudreFormule(c.formule, noms));
        else if (typeof c.valeur === "object") expect(valeur(cell), ou).toEqual("date" in c.valeur ? versSerieExcel(c.valeur.date) : noms[c.valeur.nomFeuille]);
        else if (c.valeur !== undefined) expect(cell.value, ou).toBe(c.valeur);
        if (c.format) expect(cell.numFmt, ou).toBe(c.format);
        expect(cell.protection?.locked ?? true, ou).toBe(!c.saisie);
        if (c.validation) {
          expect(cell.dataValidation, ou).toMatchObject({ allowBlank: true, showErrorMessage: true, error: c.validation.message });
          if (c.validation.type === "liste") expect(cell.dataValidation.formulae, ou).toEqual([`"${c.validation.valeurs.join(",")}"`]);
          if (c.aide) expect(cell.dataValidation.prompt, ou).toBe(c.aide);
        }
      }
      for (const plage of f.fusions) expect(ws.getCell(plage.split(":")[0]!).isMerged).toBe(true);
    }
    for (const n of spec.noms) {
      expect(wb.definedNames.getRanges(n.nom).ranges).toEqual([`${citerFeuille(noms[n.feuille]!)}!${refAbsolue(n.ref)}`]);
    }
  });

  it("demande à Excel de tout recalculer à l'ouverture (exceljs n'écrit aucun résultat)", async () => {
    const parties = ouvrirPaquetXlsx(await ecrireXlsx(construireModele("apurement", { date: DATE })));
    expect(parties("xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("même spécification → mêmes octets, quelle que soit l'heure de l'écriture ; paquet tel qu'Excel l'attend", async () => {
    const spec = construireModele("evaluation", { date: DATE });
    const ecrire = async (quand: string) => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(quand));
      try {
        return await ecrireXlsx(spec);
      } finally {
        vi.useRealTimers();
      }
    };
    const matin = await ecrire("2026-03-02T08:00:00Z");
    const soir = await ecrire("2027-11-30T21:47:13Z");
    expect(Buffer.compare(matin, soir)).toBe(0);
    // [Content_Types].xml first, parts deflated, folders stored, as exceljs wrote them.
    const entrees: UnzipFileInfo[] = [];
    unzipSync(matin, {
      filter: (f) => {
        entrees.push(f);
        return false;
      },
    });
    expect(entrees[0]!.name).toBe("[Content_Types].xml");
    expect(entrees.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
    for (const e of entrees) expect(e.compression, e.name).toBe(e.name.endsWith("/") ? 0 : 8);
  });

  it("un foyer saisi par identifiant arrive dans les bonnes cellules", async () => {
    const spec = construireModele("evaluation", { date: DATE });
    const rempli = avecSaisies(spec, { "foyer.personnes14Plus": 3, "foyer.couple": "Oui", "ressources.salaires": 1834.56, "evaluation.date": { date: "2026-12-01" as DateISO } });
    const wb = await relire(await ecrireXlsx(rempli));
    const ws = wb.getWorksheet("Évaluation")!;
    expect(ws.getCell(celluleParId(spec, "foyer.personnes14Plus").cellule.ref).value).toBe(3);
    expect(ws.getCell(celluleParId(spec, "foyer.couple").cellule.ref).value).toBe("Oui");
    expect(ws.getCell(celluleParId(spec, "ressources.salaires").cellule.ref).value).toBe(1834.56);
    expect(valeur(ws.getCell(celluleParId(spec, "evaluation.date").cellule.ref))).toBe(versSerieExcel("2026-12-01" as DateISO));
  });

  it("modeleXlsx : les octets, la spécification et le nom de fichier en un appel (route du Worker)", async () => {
    const r = await modeleXlsx("cal", { date: DATE, candidats: 1, zone: "IDF" });
    expect(r.nomFichier).toBe("logsoc-cal-2026-11-26.xlsx");
    expect(r.spec.options).toEqual({ candidats: 1, zone: "IDF" });
    expect((await relire(r.octets)).worksheets.map((w) => w.name)).toEqual(["Fiche CALEOL", "Barèmes", "LogSoc_meta"]);
    expect(TYPE_MIME_XLSX).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const erreur = await modeleXlsx("budget", { date: DATE }).catch((e: unknown) => e);
    expect(estErreurLogsoc(erreur) && erreur.code).toBe("CODE_INCONNU");
  });

  it("refuse d'écrire une spécification invalide", async () => {
    const spec = construireModele("apurement", { date: DATE });
    const casse = { ...spec, feuilles: spec.feuilles.map((f, i) => (i === 0 ? { ...f, cellules: [...f.cellules, { ref: "Z1", formule: "XLOOKUP(A1,B:B,C:C)" }] } : f)) };
    await expect(ecrireXlsx(casse)).rejects.toThrow(/XLOOKUP/);
  });

  it("le module ne dépend d'aucune API Node ni du DOM : il tourne aussi dans le Worker (workerd)", () => {
    const dossier = fileURLToPath(new URL("../../shared/modeles/", import.meta.url));
    const sources = readdirSync(dossier).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    expect(sources).toContain("xlsx.ts");
    for (const f of sources) {
      const texte = readFileSync(`${dossier}/${f}`, "utf8");
      expect(texte, f).not.toMatch(/from "node:|require\(|\bdocument\.|\bwindow\.|\bBuffer\b|\bprocess\./);
    }
  });

  it("chaque cellule du modèle est écrite, aucune autre", async () => {
    const spec = construireModele("cal", { date: DATE, candidats: 2 });
    const wb = await relire(await ecrireXlsx(spec));
    for (const f of spec.feuilles) {
      const attendues = new Set(f.cellules.filter((c) => c.valeur !== undefined || c.formule !== undefined).map((c) => c.ref));
      const ecrites = new Set<string>();
      wb.getWorksheet(f.nom)!.eachRow((row) =>
        row.eachCell((cell) => {
          // A merged cell shows its master's value: only the master is written.
          if (cell.value !== null && (!cell.isMerged || cell.master === cell)) ecrites.add(cell.address);
        }),
      );
      expect([...ecrites].filter((r) => !attendues.has(r))).toEqual([]);
    }
    expect(toutesLesCellules(spec).length).toBeGreaterThan(300);
  });
});
