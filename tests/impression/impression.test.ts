import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DateISO } from "#shared/date.ts";
import { construireModele, TYPES_MODELES } from "#shared/modeles/index.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { echeancesSaisies } from "#shared/modeles/impression.ts";
import { construireExercice, TYPES_EXERCICES } from "#shared/exercices/index.ts";
import { lireClasseurXlsx } from "#shared/audit/fichierXlsx.ts";
import { libreOfficeDisponible, recalculer } from "../libreoffice/recalcul.ts";
import { casImpression, type CasImpression } from "./cas.ts";
import { empreintePage, imprimer, pageEnPng, pagesParFeuille, type Impression } from "./pdf.ts";

/**
 * DESIGN.md §6 « Paper-ready » and « Blank is clean », checked on what an adviser really gets: each
 * template and exercise exported to PDF by LibreOffice (the engine our tests use), its pages counted per
 * sheet against the page budgets; page 1 of each template compared loosely with a kept snapshot
 * (tests/impression/instantanes/, PNG to look at, ink map to compare); every blank template and exercise
 * énoncé recalculated by LibreOffice and searched for error values.
 *
 * To accept a new layout on purpose: LOGSOC_INSTANTANES=1 npx vitest run tests/impression, then look at
 * the PNGs before committing them.
 */

const DATE = "2026-11-26" as DateISO;
const INSTANTANES = join(import.meta.dirname, "instantanes");
const REECRIRE = process.env.LOGSOC_INSTANTANES === "1";
/** Page 1 of these cases is kept as a snapshot: one filled file per template. */
const AVEC_INSTANTANE = ["evaluation-remplie", "cal-remplie", "apurement-36", "competences-remplie"];
const IMAGES_README: Record<string, string> = { "cal-remplie": "fiche-caleol.png", "apurement-36": "plan-apurement.png" };
/**
 * Sheets printed as annexes, one page each besides the template's budget: the barèmes, an exercise's
 * instructions, and a corrigé's « Corrigé commenté » (a corrigé prints as its template + Consignes + one
 * page of commented answers + Barèmes).
 */
const ANNEXES = new Set(["Barèmes", "Consignes", "Corrigé commenté"]);
/** A4 in PostScript points (210 × 297 mm). */
const A4 = { petit: 595.3, grand: 841.9 };

if (!(await libreOfficeDisponible())) {
  throw new Error("LibreOffice (soffice) est introuvable : installez-le (sudo apt-get install -y libreoffice-calc) pour mesurer l'impression des modèles.");
}

const cas: CasImpression[] = casImpression();
const impressions = new Map<string, Impression>();
const pages = new Map<string, Map<string, number>>();

beforeAll(async () => {
  const fichiers = new Map<string, Uint8Array>();
  for (const c of cas) fichiers.set(`${c.nom}.xlsx`, await ecrireXlsx(c.spec));
  for (const [nom, i] of await imprimer(fichiers)) impressions.set(nom.replace(/\.xlsx$/, ""), i);
  for (const c of cas) pages.set(c.nom, await pagesParFeuille(impressions.get(c.nom)!.pdf, c.spec.feuilles.map((f) => f.nom)));
}, 300_000);

async function texte(pdf: Uint8Array, page: number): Promise<string> {
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const d = await mkdtemp(join(tmpdir(), "logsoc-t-"));
  try {
    await writeFile(join(d, "f.pdf"), pdf);
    return (await promisify(execFile)("pdftotext", ["-layout", "-f", String(page), "-l", String(page), join(d, "f.pdf"), "-"])).stdout;
  } finally {
    await rm(d, { recursive: true, force: true });
  }
}

describe("impression des modèles et des exercices (export PDF de LibreOffice)", () => {
  it.each(casImpression().map((c) => c.nom))("%s : budget de pages de DESIGN.md §6, annexes sur une page, A4", (nom) => {
    const c = cas.find((x) => x.nom === nom)!;
    const parFeuille = pages.get(nom)!;
    const modele = [...parFeuille].filter(([f]) => !ANNEXES.has(f)).reduce((n, [, p]) => n + p, 0);
    expect(modele, `${nom} : ${JSON.stringify([...parFeuille])}`).toBeGreaterThanOrEqual(1);
    expect(modele, `${nom} : ${JSON.stringify([...parFeuille])}`).toBeLessThanOrEqual(c.budget);
    for (const annexe of ANNEXES) if (parFeuille.has(annexe)) expect(parFeuille.get(annexe), `${nom} : ${annexe}`).toBe(1);
    // The hidden metadata sheet is not printed.
    expect(parFeuille.get("LogSoc_meta")).toBe(0);
    const { largeur, hauteur } = impressions.get(nom)!.format;
    expect([Math.round(Math.min(largeur, hauteur)), Math.round(Math.max(largeur, hauteur))]).toEqual([Math.round(A4.petit), Math.round(A4.grand)]);
  });

  it("plan d'apurement : seules les échéances qui existent s'impriment, le bloc de signatures sur la dernière page", async () => {
    // 36 instalments: 1 + ⌈36/40⌉ = 2 pages at most; 100: 1 + ⌈100/40⌉ = 4 at most (DESIGN.md §6).
    for (const [nom, n] of [["apurement-36", 36], ["apurement-100", 100]] as const) {
      const c = cas.find((x) => x.nom === nom)!;
      expect(echeancesSaisies(c.spec)).toBe(n);
      const nPages = pages.get(nom)!.get("Plan d'apurement")!;
      const textes = await Promise.all(Array.from({ length: nPages }, (_, i) => texte(impressions.get(nom)!.pdf, i + 1)));
      const derniere = textes.at(-1)!;
      // The last instalment is printed, none after it (the schedule has 600 rows).
      expect(textes.join("\n")).toMatch(new RegExp(`\\b${n}\\s+\\d\\d/\\d\\d/\\d{4}`));
      expect(textes.join("\n")).not.toMatch(new RegExp(`\\b${n + 1}\\s+\\d\\d/\\d\\d/\\d{4}`));
      // The whole signature block on the last page.
      expect(derniere).toContain("ENGAGEMENT ET SIGNATURES");
      expect(derniere).toContain("Fait à Villeurbanne, le 26/11/2026");
      expect(derniere).toContain("Pour le bailleur : M. Paul Durand, conseiller social");
      // The schedule's header row is repeated at the top of every page after the first.
      for (let p = 2; p <= nPages; p++) expect(await texte(impressions.get(nom)!.pdf, p)).toMatch(/N°\s+Échéance\s+Reprise de dette/);
    }
    // A blank plan: one page, its parameters, the empty schedule's header and the signature block.
    expect(pages.get("apurement-vide")!.get("Plan d'apurement")).toBe(1);
  });

  it("pied de page : modèle et feuille, date des barèmes, page x/y ; calculs intermédiaires hors de la zone d'impression", async () => {
    const p1 = await texte(impressions.get("evaluation-remplie")!.pdf, 1);
    expect(p1).toContain("Évaluation économique de la famille : Évaluation");
    expect(p1).toContain("Barèmes en vigueur au 26/11/2026");
    expect(p1).toMatch(/Page 1 \/ 3/);
    for (const c of ["evaluation-remplie", "cal-remplie", "apurement-36"]) {
      const i = impressions.get(c)!;
      for (let p = 1; p <= i.pages; p++) expect(await texte(i.pdf, p), `${c} page ${p}`).not.toContain("Calculs intermédiaires");
    }
  });

  it.each(AVEC_INSTANTANE)("%s : la page 1 ressemble à l'instantané gardé (taille, zones encrées)", async (nom) => {
    const pdf = impressions.get(nom)!.pdf;
    const empreinte = await empreintePage(pdf);
    const fichier = join(INSTANTANES, `${nom}.json`);
    if (REECRIRE || !existsSync(fichier)) {
      if (!REECRIRE) throw new Error(`Instantané absent : ${fichier}. Lancez LOGSOC_INSTANTANES=1 npx vitest run tests/impression et regardez les PNG.`);
      mkdirSync(INSTANTANES, { recursive: true });
      writeFileSync(fichier, `${JSON.stringify(empreinte)}\n`);
      writeFileSync(join(INSTANTANES, `${nom}.png`), await pageEnPng(pdf));
      // The README shows one printed page of the CALEOL fiche and of a plan d'apurement (docs/img/).
      const image = IMAGES_README[nom];
      if (image !== undefined) {
        mkdirSync(join(import.meta.dirname, "../../docs/img"), { recursive: true });
        writeFileSync(join(import.meta.dirname, "../../docs/img", image), await pageEnPng(pdf, 1, 80));
      }
      return;
    }
    const garde = JSON.parse(readFileSync(fichier, "utf8")) as typeof empreinte;
    expect([empreinte.largeur, empreinte.hauteur]).toEqual([garde.largeur, garde.hauteur]);
    // Loose: fonts and anti-aliasing move a tile's ink a little; a moved block, a blank page or a
    // shrunk layout changes whether tiles are inked at all.
    const tuiles = garde.encre.flatMap((ligne, j) => ligne.map((e, i) => ({ e, f: empreinte.encre[j]![i]!, ou: `tuile ${j + 1}×${i + 1}` })));
    const differentes = tuiles.filter(({ e, f }) => e > 0.01 !== f > 0.01 || Math.abs(e - f) > 0.1);
    expect(differentes.length, differentes.map((t) => `${t.ou} : ${t.e} → ${t.f}`).join(", ")).toBeLessThanOrEqual(Math.floor(tuiles.length / 20));
  });
});

describe("« Blank is clean » : aucune valeur d'erreur après recalcul par LibreOffice", () => {
  it("chaque modèle tel que livré et chaque énoncé d'exercice", async () => {
    const fichiers = new Map<string, Uint8Array>();
    for (const t of TYPES_MODELES) fichiers.set(`modele-${t}.xlsx`, await ecrireXlsx(construireModele(t, { date: DATE })));
    for (const n of [1, 2]) fichiers.set(`modele-cal-${n}.xlsx`, await ecrireXlsx(construireModele("cal", { date: DATE, candidats: n })));
    for (const t of TYPES_EXERCICES) fichiers.set(`enonce-${t}.xlsx`, await ecrireXlsx(construireExercice(t, 12, DATE).enonce));
    const erreurs: string[] = [];
    for (const [nom, octets] of await recalculer(fichiers)) {
      const l = lireClasseurXlsx(octets);
      for (const f of l.feuilles()) {
        for (const [ref, c] of l.cellules(f.nom)) {
          if (c.valeur === undefined) erreurs.push(`${nom} ${f.nom}!${ref} : non recalculée`);
          else if (typeof c.valeur === "object" && c.valeur !== null) erreurs.push(`${nom} ${f.nom}!${ref} : ${c.valeur.erreur} (${c.formule ?? ""})`);
        }
      }
    }
    expect(erreurs).toEqual([]);
  }, 300_000);
});
