import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { DateISO } from "#shared/date.ts";
import { construireExercice, TYPES_EXERCICES } from "#shared/exercices/index.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { libreOfficeDisponible } from "../libreoffice/recalcul.ts";
import { imprimer, type Impression } from "../impression/pdf.ts";

/**
 * The « Corrigé commenté » sheet prints on one A4 page (DESIGN §6 page budgets: an annex sheet, one page
 * besides the template's own budget), complete: its title, every result and the barème sources are on
 * that page. Measured on LibreOffice's PDF export, the engine the print budgets are measured with.
 * Seed 12 is the one the template print tests use; for each type, the seed from 1 to 40 whose sheet has
 * the most lines is printed too.
 */

const DATE = "2026-11-26" as DateISO;

function plusLongue(type: (typeof TYPES_EXERCICES)[number]): number {
  let meilleure = { graine: 1, lignes: 0 };
  for (let graine = 1; graine <= 40; graine++) {
    const lignes = construireExercice(type, graine, DATE).corrige.feuilles.find((f) => f.cle === "commentaire")!.cellules.length;
    if (lignes > meilleure.lignes) meilleure = { graine, lignes };
  }
  return meilleure.graine;
}

const CAS = TYPES_EXERCICES.flatMap((type) => [{ type, graine: 12 }, { type, graine: plusLongue(type) }]).filter((c, i, t) => t.findIndex((x) => x.type === c.type && x.graine === c.graine) === i);

if (!(await libreOfficeDisponible())) {
  throw new Error("LibreOffice (soffice) est introuvable : installez-le (sudo apt-get install -y libreoffice-calc) pour mesurer l'impression des corrigés.");
}

async function pagesEnTexte(pdf: Uint8Array): Promise<string[]> {
  const d = await mkdtemp(join(tmpdir(), "logsoc-commente-"));
  try {
    await writeFile(join(d, "f.pdf"), pdf);
    const { stdout } = await promisify(execFile)("pdftotext", ["-layout", join(d, "f.pdf"), "-"], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.split("\f").filter((p) => p.trim() !== "");
  } finally {
    await rm(d, { recursive: true, force: true });
  }
}

const impressions = new Map<string, Impression>();

beforeAll(async () => {
  const fichiers = new Map<string, Uint8Array>();
  for (const c of CAS) fichiers.set(`${c.type}-${c.graine}.xlsx`, await ecrireXlsx(construireExercice(c.type, c.graine, DATE).corrige));
  for (const [nom, i] of await imprimer(fichiers)) impressions.set(nom, i);
}, 300_000);

describe("« Corrigé commenté » à l'impression", () => {
  it.each(CAS)("$type n° $graine : une seule page A4, avec tous les résultats et les sources des barèmes", async ({ type, graine }) => {
    const ex = construireExercice(type, graine, DATE);
    const i = impressions.get(`${type}-${graine}.xlsx`)!;
    const pages = await pagesEnTexte(i.pdf);
    // Words are spaced out by pdftotext's layout: compare without spaces.
    const compact = (t: string) => t.replace(/\s+/g, "");
    const commentees = pages.filter((p) => compact(p).includes(compact(`Corrigé commenté, cas n° ${graine}`)));
    expect(commentees, `${type} n° ${graine}`).toHaveLength(1);
    const page = compact(commentees[0]!);
    for (const r of ex.reponses) expect(page, r.libelle).toContain(compact(`${r.libelle} : ${r.lisible}`));
    if (ex.explications.size > 0 && [...ex.explications.values()].some((x) => x.etapes.some((e) => e.bareme))) {
      expect(page).toContain(compact("Valeurs des barèmes utilisées et leurs sources"));
    }
    expect([Math.round(Math.min(i.format.largeur, i.format.hauteur)), Math.round(Math.max(i.format.largeur, i.format.hauteur))]).toEqual([595, 842]);
  });
});
