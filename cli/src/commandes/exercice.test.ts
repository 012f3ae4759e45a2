import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DateISO } from "#shared/date.ts";
import { auditerClasseur } from "#shared/audit/audit.ts";
import { avecSaisies, toutesLesCellules } from "#shared/modeles/spec.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { construireExercice, TYPES_EXERCICES, type TypeExercice } from "#shared/exercices/index.ts";
import { lireClasseurXlsx } from "#shared/audit/fichierXlsx.ts";
import { enMemoire } from "../test/executer.ts";

const DATE = "2025-06-01" as DateISO;
let dossier: string;
const empreinte = async (chemin: string) => createHash("sha256").update(await readFile(chemin)).digest("hex");

beforeAll(async () => {
  dossier = await mkdtemp(join(tmpdir(), "logsoc-exercice-"));
});
afterAll(async () => {
  await rm(dossier, { recursive: true, force: true });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("logsoc exercice", () => {
  it("écrit l'énoncé et le corrigé, annonce les compétences exercées", async () => {
    const sortie = join(dossier, "a");
    const r = await enMemoire("exercice", "--type", "apurement", "--graine", "42", "--sortie", sortie, "--date", "2025-06-01");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect((await readdir(sortie)).sort()).toEqual(["exercice-apurement-42-corrige.xlsx", "exercice-apurement-42-enonce.xlsx"]);
    expect(r.out).toContain("Exercice « Plan d'apurement », cas n° 42 (barèmes du 01/06/2025)");
    expect(r.out).toContain("A21-C02 (activité 21, Assure le traitement administratif de l’impayé)");
  });

  it("même graine → mêmes classeurs à l'octet, quelle que soit l'heure de l'écriture", async () => {
    const ecrire = async (sous: string, quand: string) => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(quand));
      const sortie = join(dossier, sous);
      expect((await enMemoire("exercice", "--type=evaluation", "--graine=2024", `--sortie=${sortie}`, "--date=2025-06-01")).code).toBe(0);
      vi.useRealTimers();
      return Promise.all(["enonce", "corrige"].map((r) => readFile(join(sortie, `exercice-evaluation-2024-${r}.xlsx`))));
    };
    const [e1, c1] = await ecrire("matin", "2026-03-02T08:00:00Z");
    const [e2, c2] = await ecrire("soir", "2027-11-30T21:47:13Z");
    expect(Buffer.compare(e1!, e2!)).toBe(0);
    expect(Buffer.compare(c1!, c2!)).toBe(0);
  });

  it("graines et types différents → cas différents", () => {
    const s = (t: TypeExercice, g: number) => construireExercice(t, g, DATE).cas.situation.join("\n");
    expect(s("evaluation", 1)).not.toBe(s("evaluation", 2));
    expect(s("cal", 1)).not.toBe(s("cal", 2));
    expect(s("apurement", 1)).not.toBe(s("apurement", 2));
    expect(s("evaluation", 1)).toBe(s("evaluation", 1));
  });

  it("--json : fichiers, situation, compétences et réponses attendues", async () => {
    const sortie = join(dossier, "json");
    const r = await enMemoire("exercice", "--type", "cal", "--graine", "5", "--sortie", sortie, "--date", "2025-06-01", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { type: string; graine: number; fichiers: { enonce: string }; competences: { id: string }[]; reponses: { id: string; feuille: string; cellule: string; valeur: unknown }[] };
    expect(json).toMatchObject({ type: "cal", graine: 5, date: "2025-06-01" });
    expect(json.fichiers.enonce).toBe(join(sortie, "exercice-cal-5-enonce.xlsx"));
    expect(json.competences.map((c) => c.id)).toEqual(["A13-C01", "A12-C01"]);
    expect(json.reponses[0]).toMatchObject({ id: "candidatA.anciennete", feuille: "Fiche CALEOL", cellule: "B35" });
  });

  it("ne remplace pas un classeur existant sans --remplacer", async () => {
    const sortie = join(dossier, "existant");
    expect((await enMemoire("exercice", "--type", "apurement", "--graine", "3", "--sortie", sortie, "--date", "2025-06-01")).code).toBe(0);
    const chemin = join(sortie, "exercice-apurement-3-enonce.xlsx");
    await writeFile(chemin, "travail du stagiaire");
    const avant = await empreinte(chemin);
    const r = await enMemoire("exercice", "--type", "apurement", "--graine", "3", "--sortie", sortie, "--date", "2025-06-01");
    expect(r.code).toBe(2);
    expect(r.err).toContain("existe déjà : choisissez un autre dossier ou ajoutez --remplacer.");
    expect(await empreinte(chemin)).toBe(avant);
    expect((await enMemoire("exercice", "--type", "apurement", "--graine", "3", "--sortie", sortie, "--date", "2025-06-01", "--remplacer")).code).toBe(0);
    expect(await empreinte(chemin)).not.toBe(avant);
  });

  it.each([
    [["--graine", "1", "--sortie", "x"], "Option(s) obligatoire(s) manquante(s) : --type"],
    [["--type", "budget", "--graine", "1", "--sortie", "x"], "Type d'exercice inconnu « budget » : evaluation, apurement, cal attendu."],
    [["--type", "cal", "--graine", "-4", "--sortie", "x"], "La graine doit être un nombre entier"],
    [["--type", "cal", "--graine", "1,5", "--sortie", "x"], "La graine doit être un nombre entier"],
    [["--type", "cal", "--graine", "1", "--sortie", "x", "--date", "2025-02-30"], "« 2025-02-30 » n'est pas une date valide"],
    [["--type", "cal", "--graine", "1", "--sortie", "x", "--vite"], "Argument inconnu « --vite »"],
  ])("erreur d'usage %j : code 2, message en français, rien d'écrit", async (args, message) => {
    const r = await enMemoire("exercice", ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^#(VALUE|NUM)! /);
    expect(r.err).toContain(message);
  });
});

describe("exercices et contrôle", () => {
  /** An énoncé with the trainee's answers typed into the answer cells, through a real .xlsx file. */
  async function auditerReponses(type: TypeExercice, graine: number, modifier: (id: string, v: number | string) => number | string | null = (_id, v) => v) {
    const ex = construireExercice(type, graine, DATE);
    const reponses = Object.fromEntries(ex.reponses.map((r) => [r.id, r.valeur === null ? null : modifier(r.id, r.valeur)]));
    const octets = await ecrireXlsx(avecSaisies(ex.enonce, reponses));
    return { ex, rapport: auditerClasseur(lireClasseurXlsx(octets)).dossiers[0]! };
  }

  it.each(TYPES_EXERCICES)("énoncé %s : seules les réponses sont à saisir, les données sont verrouillées", (type) => {
    const ex = construireExercice(type, 11, DATE);
    const saisies = toutesLesCellules(ex.enonce).filter((x) => x.cellule.saisie).map((x) => x.cellule.id);
    expect(saisies.sort()).toEqual(ex.reponses.map((r) => r.id).sort());
    // Nothing computed from the data is left in the question: the formulas kept read only the « Barèmes » sheet or constants.
    const referenceDonnees = (formule: string) => /\$?[A-Z]{1,3}\$?\d/.test(formule.replace(/"(?:[^"]|"")*"/g, "").replace(/\{baremes\}!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?/g, ""));
    const formules = toutesLesCellules(ex.enonce).filter((x) => x.cellule.formule !== undefined && referenceDonnees(x.cellule.formule));
    expect(formules.map((x) => `${x.feuille.cle}!${x.cellule.ref} ${x.cellule.formule}`)).toEqual([]);
    expect(ex.competences.length).toBeGreaterThan(0);
  });

  it.each(TYPES_EXERCICES)("énoncé %s rempli avec les bonnes réponses : conforme, chaque compétence exercée attestée", async (type) => {
    const { ex, rapport } = await auditerReponses(type, 77);
    expect(rapport.constats).toEqual([]);
    expect(rapport.exercice).toEqual({ type, graine: 77, role: "enonce" });
    expect(rapport.competences.map((c) => c.id)).toEqual(ex.competences.map((c) => c.id));
    for (const c of rapport.competences) expect(c.attestee, `${c.id} : ${c.motif}`).toBe(true);
  });

  it("une réponse fausse du stagiaire est signalée à sa cellule ; les compétences qui en dépendent ne sont pas attestées", async () => {
    const { ex, rapport } = await auditerReponses("evaluation", 77, (id, v) => (id === "resultats.ravJourPersonne" ? (v as number) + 0.5 : v));
    const r = ex.reponses.find((x) => x.id === "resultats.ravJourPersonne")!;
    expect(rapport.constats).toEqual([expect.objectContaining({ genre: "valeur_erronee", feuille: r.feuille, cellule: r.cellule, attendu: r.valeur, trouve: (r.valeur as number) + 0.5 })]);
    const attestees = Object.fromEntries(rapport.competences.map((c) => [c.id, c.attestee]));
    expect(attestees).toEqual({ "A04-C01": true, "A04-C02": false, "A04-C03": true, "A12-C01": true, "A20-C02": true });
  });

  it("écart toléré : 0,01 € sur un montant, 0,0001 sur un taux ; au-delà, signalé", async () => {
    const decale = (ecart: number) => auditerReponses("evaluation", 78, (id, v) => (id === "resultats.ravMensuel" ? Math.round(((v as number) + ecart) * 1000) / 1000 : id === "resultats.tauxEffort" ? (v as number) + ecart / 100 : v));
    expect((await decale(0.01)).rapport.constats).toEqual([]);
    expect((await decale(0.02)).rapport.constats.map((c) => c.id)).toEqual(["resultats.ravMensuel", "resultats.tauxEffort"]);
  });

  it("un oui/non faux sur l'éligibilité d'un candidat de la fiche CALEOL est signalé", async () => {
    const { rapport } = await auditerReponses("cal", 9, (id, v) => (id === "candidatB.sousPlafond" ? (v === "Oui" ? "Non" : "Oui") : v));
    expect(rapport.constats).toEqual([expect.objectContaining({ genre: "valeur_erronee", id: "candidatB.sousPlafond" })]);
    expect(rapport.competences.find((c) => c.id === "A13-C01")!.attestee).toBe(false);
    expect(rapport.competences.find((c) => c.id === "A12-C01")!.attestee).toBe(true);
  });
});
