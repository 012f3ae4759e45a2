import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { DateISO } from "#shared/date.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { construireExercice } from "#shared/exercices/index.ts";
import { construireModele } from "#shared/modeles/index.ts";
import { modifierFeuille, remplacerCellule } from "../../../tests/audit/outils.ts";
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

  it("fichier endommagé, texte ou absent : code 2, message clair, les autres fichiers sont contrôlés ; une ligne par fichier puis le bilan", async () => {
    const r = await enMemoire("verifier", f("tronque.xlsx"), f("corrige.xlsx"), f("texte.xlsx"), f("absent.xlsx"), f("enonce.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f("tronque.xlsx")} : Classeur endommagé : l'archive est tronquée`);
    expect(r.err).toContain(`${f("texte.xlsx")} : Ce fichier n'est pas un classeur Excel (.xlsx) : ce n'est pas une archive zip.`);
    expect(r.err).toContain(`Impossible de lire ${f("absent.xlsx")} : fichier introuvable.`);
    const lignes = r.out.trimEnd().split("\n");
    expect(lignes).toHaveLength(6);
    expect(lignes[0]).toMatch(/^! ILLISIBLE OU REFUSÉ +.*tronque\.xlsx — Classeur endommagé : l'archive est tronquée/);
    expect(lignes[1]).toMatch(/^✓ CONFORME +.*corrige\.xlsx — Plan d'apurement \(exercice, corrigé\), disposition 2 — 0 anomalie\(s\)/);
    expect(lignes[4]).toMatch(/^✗ ANOMALIES +.*enonce\.xlsx — Plan d'apurement \(exercice, énoncé\), disposition 2 — 4 anomalie\(s\) — compétences attestées : aucune$/);
    expect(lignes[5]).toBe("Bilan : 5 fichier(s), 2 dossier(s) : 1 conforme(s), 1 avec anomalies, 0 à compléter, 3 illisible(s) ou refusé(s).");
    // --details: every check of every file.
    const d = await enMemoire("verifier", "--details", f("corrige.xlsx"), f("enonce.xlsx"));
    expect(d.out).toContain(`══ ${f("corrige.xlsx")} ══`);
    expect(d.out).toContain("Valeur erronée (4) :");
  });

  it("dossiers (récursif) et motifs développés par logsoc ; fichiers de verrouillage ignorés ; motif sans correspondance : code 2", async () => {
    await mkdir(f("cohorte/groupe-b"), { recursive: true });
    await copyFile(f("corrige.xlsx"), f("cohorte/a-corrige.xlsx"));
    await copyFile(f("enonce.xlsx"), f("cohorte/groupe-b/enonce.xlsx"));
    await copyFile(f("corrige.xlsx"), f("cohorte/~$a-corrige.xlsx"));
    await writeFile(f("cohorte/notes.txt"), "à relire");
    const dossier = await enMemoire("verifier", f("cohorte"));
    expect(dossier.code).toBe(1);
    expect(dossier.out.split("\n").filter((l) => /^[✓✗…!] /.test(l)).map((l) => l.replace(/ — .*/, "").split(" ").at(-1))).toEqual([f("cohorte/a-corrige.xlsx"), f("cohorte/groupe-b/enonce.xlsx")]);
    const motif = await enMemoire("verifier", f("cohorte/**/*.xlsx"));
    expect(motif.out).toBe(dossier.out);
    const un = await enMemoire("verifier", `${f("cohorte")}/*.xlsx`);
    expect(un.code).toBe(0);
    expect(un.out).toContain("a-corrige.xlsx");
    const rien = await enMemoire("verifier", `${f("cohorte")}/*.xls`);
    expect(rien.code).toBe(2);
    expect(rien.err).toContain(`Aucun fichier ne correspond au motif « ${f("cohorte")}/*.xls ».`);
  });

  it("modèle vierge : « à compléter », code 0, aucune plainte du moteur sur la dette à 0 € (issue 10)", async () => {
    await writeFile(f("vierge-apurement.xlsx"), await ecrireXlsx(construireModele("apurement", { date: "2025-06-01" as DateISO })));
    await writeFile(f("vierge-evaluation.xlsx"), await ecrireXlsx(construireModele("evaluation", { date: "2025-06-01" as DateISO })));
    const r = await enMemoire("verifier", f("vierge-apurement.xlsx"), f("vierge-evaluation.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/… À COMPLÉTER +.*vierge-apurement\.xlsx — Plan d'apurement, disposition 2 — 0 anomalie\(s\)/);
    expect(r.out).toMatch(/… À COMPLÉTER +.*vierge-evaluation\.xlsx/);
    expect(r.out).not.toMatch(/supérieure à 0/);
    const seul = await enMemoire("verifier", f("vierge-apurement.xlsx"));
    expect(seul.out).toContain("Résultat : dossier à compléter (aucune saisie)");
  });

  it("--rapport F.xlsx : une ligne par dossier, une feuille des constats ; jamais écrasé sans --remplacer", async () => {
    const rapport = f("bilan.xlsx");
    const r = await enMemoire("verifier", f("corrige.xlsx"), f("enonce.xlsx"), f("tronque.xlsx"), "--rapport", rapport);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Rapport de cohorte écrit : ${rapport}.`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(rapport);
    const lignes = (nom: string) => (wb.getWorksheet(nom)!.getSheetValues() as unknown[][]).filter(Boolean).map((l) => l.slice(1));
    const dossiers = lignes("Dossiers");
    expect(dossiers[0]).toEqual(["Fichier", "Dossier (feuille de métadonnées)", "Modèle", "Version", "Version de disposition", "Barèmes du", "Exercice", "Statut", "Anomalies", "Compétences attestées", "Compétences non attestées", "Remarque"]);
    expect(dossiers.slice(1).map((l) => [l[0], l[4], l[7], l[8]])).toEqual([
      [f("corrige.xlsx"), 2, "Conforme", 0],
      [f("enonce.xlsx"), 2, "Anomalies", 4],
      [f("tronque.xlsx"), undefined, "Illisible ou refusé", undefined],
    ]);
    const constats = lignes("Constats");
    expect(constats[0]).toEqual(["Fichier", "Dossier (feuille de métadonnées)", "Feuille", "Cellule", "Attendu", "Trouvé", "Règle", "Message", "Étapes du calcul attendu"]);
    expect(constats.slice(1).map((l) => [l[2], l[3], l[6]])).toEqual(["B14", "B15", "B16", "B17"].map((c) => ["Plan d'apurement", c, "Valeur erronée"]));
    const encore = await enMemoire("verifier", f("corrige.xlsx"), "--rapport", rapport);
    expect(encore.code).toBe(2);
    expect(encore.err).toContain("existe déjà : il n'est jamais écrasé");
    expect((await enMemoire("verifier", f("corrige.xlsx"), "--rapport", rapport, "--remplacer")).code).toBe(0);
  });

  it("--rapport F.csv : F.csv et F-constats.csv, séparateur « ; », textes du classeur jamais exécutés comme formules", async () => {
    const octets = new Uint8Array(await readFile(f("corrige.xlsx")));
    await writeFile(f("formule-changee.xlsx"), modifierFeuille(octets, "Plan d'apurement", (xml) => remplacerCellule(xml, "B14", { formule: "1+1", valeur: 2 })));
    const r = await enMemoire("verifier", f("enonce.xlsx"), f("fait-main.xlsx"), f("formule-changee.xlsx"), `--rapport=${f("bilan.csv")}`);
    expect(r.code).toBe(1);
    const dossiers = await readFile(f("bilan.csv"), "utf8");
    expect(dossiers.startsWith("\ufeffFichier;Dossier (feuille de métadonnées);Modèle;Version;Version de disposition;")).toBe(true);
    expect(dossiers).toContain(";Anomalies;4;");
    const constats = (await readFile(f("bilan-constats.csv"), "utf8")).split("\r\n");
    expect(constats[0]).toBe("\ufeffFichier;Dossier (feuille de métadonnées);Feuille;Cellule;Attendu;Trouvé;Règle;Message;Étapes du calcul attendu");
    // 4 missing answers in the énoncé, 1 value no longer computed by the template (2 shown).
    expect(constats.filter((l) => l.includes(";Valeur erronée;"))).toHaveLength(5);
    // The modified formula is reported as text: « '=1+1 », never « =1+1 ».
    expect(constats.some((l) => l.includes(";'=1+1;"))).toBe(true);
    expect(constats.every((l) => !/;[=+@-]/.test(l))).toBe(true);
  });

  it("codes d'échappement cachés dans une cellule : neutralisés dans le texte affiché", async () => {
    const octets = new Uint8Array(await readFile(f("corrige.xlsx")));
    await writeFile(f("echappement.xlsx"), modifierFeuille(octets, "LogSoc_meta", (xml) => remplacerCellule(xml, "B3", { valeur: "_x001B_[2J_x001B_[32mCONFORME_x001B_[0m" })));
    for (const args of [[f("echappement.xlsx")], [f("echappement.xlsx"), f("corrige.xlsx")], ["--details", f("echappement.xlsx")]]) {
      const r = await enMemoire("verifier", ...args);
      expect(r.code).toBe(1);
      expect(r.out + r.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    }
    expect((await enMemoire("verifier", f("echappement.xlsx"))).out).toContain("type de modèle inconnu « ␛[2J␛[32mCONFORME␛[0m »");
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
    expect((await enMemoire("verifier", "--help")).out).toContain("Utilisation : logsoc verifier CHEMIN…");
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
