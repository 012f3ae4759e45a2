import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { DateISO } from "#shared/date.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { construireExercice } from "#shared/exercices/index.ts";
import { enMemoire, logsoc } from "../test/executer.ts";

let dossier: string;
const f = (nom: string) => join(dossier, nom);
const empreinte = async (chemin: string) => createHash("sha256").update(await readFile(chemin)).digest("hex");

beforeAll(async () => {
  dossier = await mkdtemp(join(tmpdir(), "logsoc-verifier-"));
  const ex = construireExercice("apurement", 7, "2025-06-01" as DateISO);
  await writeFile(f("corrige.xlsx"), await ecrireXlsx(ex.corrige));
  await writeFile(f("enonce.xlsx"), await ecrireXlsx(ex.enonce));
  // A workbook made by hand, not from a LogSoc template.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.getCell("A1").value = "Ressources";
  ws.getCell("B1").value = 1500;
  ws.getCell("A2").value = "Charges";
  ws.getCell("B2").value = 900;
  ws.getCell("B3").value = { formula: "B1-B2", result: 600 } as ExcelJS.CellFormulaValue;
  await writeFile(f("fait-main.xlsx"), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const entier = await readFile(f("corrige.xlsx"));
  await writeFile(f("tronque.xlsx"), entier.subarray(0, Math.floor(entier.length / 2)));
  await writeFile(f("texte.xlsx"), "Ressources;Charges\n1500;900\n");
});

afterAll(async () => {
  await rm(dossier, { recursive: true, force: true });
});

describe("logsoc verifier", () => {
  it("corrigé conforme : code 0, formules vérifiées, valeurs non enregistrées signalées en note", async () => {
    const r = await enMemoire("verifier", f("corrige.xlsx"));
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain("Modèle : Plan d'apurement, version 2.0.0, barèmes du 01/06/2025 — exercice n° 7 (corrigé)");
    expect(r.out).toContain("Résultat : aucune anomalie");
    expect(r.out).toContain("✓ Formules de la feuille « Plan d'apurement »");
    expect(r.out).toContain("n'a jamais été ouvert et enregistré dans un tableur");
  });

  it("énoncé sans réponses : code 1, chaque réponse manquante nommée avec sa cellule", async () => {
    const r = await enMemoire("verifier", f("enonce.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("Résultat : 4 anomalie(s).");
    expect(r.out).toContain("Valeur erronée (4) :");
    expect(r.out).toMatch(/• Plan d'apurement!B14 : Mensualité de reprise de dette : réponse attendue \(.+ €\), la cellule est vide\./);
    expect(r.out).toContain("✗ A21-C02 (activité 21) non attestée");
  });

  it("classeur qui ne vient pas d'un modèle LogSoc : code 1, raison en clair", async () => {
    const r = await enMemoire("verifier", f("fait-main.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("n'a pas été créé à partir d'un modèle LogSoc");
  });

  it("fichier endommagé, texte ou absent : code 2, message clair, les autres fichiers sont contrôlés", async () => {
    const r = await enMemoire("verifier", f("tronque.xlsx"), f("corrige.xlsx"), f("texte.xlsx"), f("absent.xlsx"), f("enonce.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f("tronque.xlsx")} : Classeur endommagé : l'archive est tronquée`);
    expect(r.err).toContain(`${f("texte.xlsx")} : Ce fichier n'est pas un classeur Excel (.xlsx) : ce n'est pas une archive zip.`);
    expect(r.err).toContain(`Impossible de lire ${f("absent.xlsx")} : fichier introuvable.`);
    expect(r.out).toContain(`══ ${f("corrige.xlsx")} ══`);
    expect(r.out).toContain(`══ ${f("enonce.xlsx")} ══`);
    expect(r.out).toContain("Bilan : 5 fichier(s), 1 conforme(s), 1 avec anomalies, 3 illisible(s).");
  });

  it("--json : un objet par fichier, constats complets, lisibles ou non", async () => {
    const r = await enMemoire("verifier", f("enonce.xlsx"), f("tronque.xlsx"), "--json");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { conforme: boolean; fichiers: ({ fichier: string; lisible: boolean; erreur?: string; dossiers?: { constats: { genre: string; feuille: string; cellule: string }[]; competences: { id: string; attestee: boolean }[] }[] })[] };
    expect(json.conforme).toBe(false);
    expect(json.fichiers.map((x) => [x.fichier, x.lisible])).toEqual([
      [f("enonce.xlsx"), true],
      [f("tronque.xlsx"), false],
    ]);
    const d = json.fichiers[0]!.dossiers![0]!;
    expect(d.constats.map((c) => `${c.genre} ${c.feuille}!${c.cellule}`)).toEqual([
      "valeur_erronee Plan d'apurement!B14",
      "valeur_erronee Plan d'apurement!B15",
      "valeur_erronee Plan d'apurement!B16",
      "valeur_erronee Plan d'apurement!B17",
    ]);
    expect(d.competences).toEqual([expect.objectContaining({ id: "A21-C02", attestee: false })]);
    expect(json.fichiers[1]!.erreur).toContain("archive est tronquée");
  });

  it("ne modifie jamais les fichiers contrôlés (empreinte SHA-256 avant et après)", async () => {
    const noms = ["corrige.xlsx", "enonce.xlsx", "fait-main.xlsx", "tronque.xlsx", "texte.xlsx"];
    const avant = await Promise.all(noms.map((n) => empreinte(f(n))));
    await enMemoire("verifier", ...noms.map(f));
    await enMemoire("verifier", "--json", ...noms.map(f));
    expect(await Promise.all(noms.map((n) => empreinte(f(n))))).toEqual(avant);
  });

  it("usage : aide (code 0), aucun fichier ou option inconnue (code 2)", async () => {
    expect((await enMemoire("verifier", "--help")).out).toContain("Utilisation : logsoc verifier FICHIER.xlsx");
    const sans = await enMemoire("verifier");
    expect(sans.code).toBe(2);
    expect(sans.err).toContain("Indiquez au moins un fichier .xlsx à contrôler.");
    const option = await enMemoire("verifier", "--vite", f("corrige.xlsx"));
    expect(option.code).toBe(2);
    expect(option.err).toContain("Option inconnue « --vite »");
  });

  it("binaire réel : codes de sortie 0, 1 et 2", () => {
    expect(logsoc("verifier", f("corrige.xlsx")).code).toBe(0);
    expect(logsoc("verifier", f("enonce.xlsx")).code).toBe(1);
    const illisible = logsoc("verifier", f("texte.xlsx"), f("corrige.xlsx"));
    expect(illisible.code).toBe(2);
    expect(illisible.err).toContain("n'est pas un classeur Excel");
  });
});
