import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DateISO } from "#shared/date.ts";
import { auditerClasseur, type RapportAudit } from "#shared/audit/audit.ts";
import { lireClasseurXlsx } from "#shared/audit/fichierXlsx.ts";
import { referenceNom } from "#shared/audit/formules.ts";
import { lecteurEnMemoire } from "#shared/audit/lecteur.ts";
import { DISPOSITIONS_FIGEES, dispositionCourante, dispositionDe, numeroDisposition, VERSIONS_COURANTES } from "#shared/audit/dispositions.ts";
import { construireModele } from "#shared/modeles/index.ts";
import { celluleParId, TYPES_MODELES, type Cellule, type SpecModele } from "#shared/modeles/spec.ts";
import { construireModeleV1 } from "#shared/modeles/v1/index.ts";
import { ZONES } from "#shared/baremes/valeurs.ts";
import { enMemoire } from "../../cli/src/test/executer.ts";
import { FIGURES_FIXTURES } from "../fixtures/dossiers/donnees.ts";
import { lignesRapport } from "../../addin/src/audit/feuilleControle.ts";
import { contenuMutable, modifierFeuille, remplacerCellule, remplacerValeurCachee } from "./outils.ts";

/**
 * Released layouts are forever (DESIGN.md §6). The dossiers of tests/fixtures/dossiers/v1/ were made
 * with layout version 1 and recalculated by LibreOffice when it was released; every later LogSoc must
 * still find them conform (exit 0) and still find a tampered copy wrong (exit 1). They are never
 * regenerated: a failure here means a change broke the audit of dossiers already issued.
 */

const DOSSIER_V1 = fileURLToPath(new URL("../fixtures/dossiers/v1/", import.meta.url));
const fichiers = new Map<string, Uint8Array>();
let temporaire: string;

beforeAll(async () => {
  for (const nom of (await readdir(DOSSIER_V1)).filter((n) => n.endsWith(".xlsx")).sort()) fichiers.set(nom, new Uint8Array(await readFile(join(DOSSIER_V1, nom))));
  temporaire = await mkdtemp(join(tmpdir(), "logsoc-v1-"));
});
afterAll(async () => {
  await rm(temporaire, { recursive: true, force: true });
});

const auditer = (octets: Uint8Array): RapportAudit => {
  const r = auditerClasseur(lireClasseurXlsx(octets));
  expect(r.dossiers).toHaveLength(1);
  return r.dossiers[0]!;
};

/** The cell a workbook name designates, and what it shows. */
function parNom(octets: Uint8Array, nom: string): { feuille: string; ref: string; valeur: unknown } {
  const lecteur = lireClasseurXlsx(octets);
  const r = referenceNom(lecteur.nomsDefinis().get(nom)!)!;
  return { ...r, valeur: lecteur.cellule(r.feuille, r.ref)?.valeur };
}

/** Where a v1 dossier shows the result `id` (rebuilt from its own metadata). */
function position(rapport: RapportAudit, id: string): { feuille: string; ref: string } {
  const m = rapport.modele!;
  const spec = construireModeleV1(m.type, { date: m.dateBaremes, ...(m.options.candidats !== undefined ? { candidats: Number(m.options.candidats) } : {}), ...(m.options.zone !== undefined ? { zone: m.options.zone as never } : {}) });
  const { feuille, cellule } = celluleParId(spec, id);
  return { feuille: feuille.nom, ref: cellule.ref };
}

/** One tampering per fixture: a result whose shown value no longer matches its inputs. */
const FALSIFICATIONS: Record<string, { id: string; saisie: boolean }> = {
  "evaluation.xlsx": { id: "resultats.ravMensuel", saisie: false },
  "apurement.xlsx": { id: "plan.totalRembourse", saisie: false },
  "cal.xlsx": { id: "candidatA.tauxEffort", saisie: false },
  "competences.xlsx": { id: "synthese.competencesAcquises", saisie: false },
  // In an énoncé the trainee types the answers: a wrong answer.
  "exercice-evaluation-enonce.xlsx": { id: "resultats.ravMensuel", saisie: true },
  "exercice-apurement-enonce.xlsx": { id: "plan.mensualiteRetenue", saisie: true },
  "exercice-cal-enonce.xlsx": { id: "candidatA.tauxEffort", saisie: true },
};

describe("dossiers de la version de disposition 1 (tests/fixtures/dossiers/v1)", () => {
  it("un dossier rempli de chaque modèle et un énoncé complété de chaque exercice sont présents", () => {
    expect([...fichiers.keys()]).toEqual(Object.keys(FALSIFICATIONS).sort());
  });

  it.each(Object.keys(FALSIFICATIONS))("%s : version 1.0.0, disposition 1, conforme, chaque valeur comparée", (nom) => {
    const r = auditer(fichiers.get(nom)!);
    expect(r.modele).toMatchObject({ version: "1.0.0", disposition: 1 });
    expect(r.constats.map((c) => `${c.genre} ${c.feuille}!${c.cellule} ${c.message}`)).toEqual([]);
    expect(r.valeursNonCalculees).toBe(0);
    expect(r.controles.every((c) => c.statut === "ok")).toBe(true);
  });

  it("les chiffres calculés à la main sont ceux que LibreOffice a enregistrés (évaluation, plan, grille)", () => {
    for (const [type, figures] of Object.entries(FIGURES_FIXTURES)) {
      for (const [nom, attendu] of Object.entries(figures)) expect(parNom(fichiers.get(`${type}.xlsx`)!, nom).valeur, `${type} ${nom}`).toBeCloseTo(attendu, 9);
    }
  });

  it("les compétences attestées par les dossiers de calcul", () => {
    const attestees = (nom: string) => auditer(fichiers.get(nom)!).competences.filter((c) => c.attestee).map((c) => c.id);
    // Every result right: every skill the template evidences (profils: A04-C01…C03, A12-C01, A20-C02; A21-C02; A13-C01, A12-C01).
    expect(attestees("evaluation.xlsx")).toEqual(["A04-C01", "A04-C02", "A04-C03", "A12-C01", "A20-C02"]);
    expect(attestees("apurement.xlsx")).toEqual(["A21-C02"]);
    expect(attestees("exercice-cal-enonce.xlsx")).toEqual(["A13-C01", "A12-C01"]);
  });

  it.each(Object.entries(FALSIFICATIONS))("%s falsifié (%o) : la valeur erronée est signalée à sa cellule", (nom, { id, saisie }) => {
    const octets = fichiers.get(nom)!;
    const cible = position(auditer(octets), id);
    const lu = lireClasseurXlsx(octets).cellule(cible.feuille, cible.ref)?.valeur;
    expect(typeof lu).toBe("number");
    const faux = (lu as number) + 7;
    const falsifie = modifierFeuille(octets, cible.feuille, (xml) => (saisie ? remplacerCellule(xml, cible.ref, { valeur: faux }) : remplacerValeurCachee(xml, cible.ref, faux)));
    const r = auditer(falsifie);
    expect(r.conforme).toBe(false);
    expect(r.constats.map((c) => [c.genre, c.feuille, c.cellule, c.trouve])).toContainEqual(["valeur_erronee", cible.feuille, cible.ref, faux]);
  });

  it("logsoc verifier : code 0 sur les dossiers v1, 1 dès qu'un dossier est falsifié", async () => {
    const chemins = [...fichiers.keys()].map((n) => join(DOSSIER_V1, n));
    expect((await enMemoire("verifier", ...chemins)).code).toBe(0);
    const octets = fichiers.get("evaluation.xlsx")!;
    const rav = parNom(octets, "RAV_MENSUEL");
    const falsifie = join(temporaire, "evaluation-falsifiee.xlsx");
    await writeFile(falsifie, modifierFeuille(octets, rav.feuille, (xml) => remplacerValeurCachee(xml, rav.ref, 1150)));
    const r = await enMemoire("verifier", "--details", ...chemins, falsifie);
    expect(r.code).toBe(1);
    // 1 140,00 € by hand (1 700 − 560), the file shows 1 150.
    expect(r.out).toMatch(/1\s?140,00\s?€/);
  });

  it("valeur erronée : le constat porte les étapes du calcul attendu (JSON, rapport de cohorte, feuille « Contrôle LogSoc »)", async () => {
    const octets = fichiers.get("evaluation.xlsx")!;
    const rav = parNom(octets, "RAV_MENSUEL");
    const falsifie = join(temporaire, "evaluation-rav-1150.xlsx");
    await writeFile(falsifie, modifierFeuille(octets, rav.feuille, (xml) => remplacerValeurCachee(xml, rav.ref, 1150)));
    const r = auditer(new Uint8Array(await readFile(falsifie)));
    const c = r.constats.find((x) => x.genre === "valeur_erronee" && x.cellule === rav.ref)!;
    // 1 140,00 € by hand: ressources 1 700 − charges 560 (FIGURES_FIXTURES).
    expect(c.attendu).toBe(1140);
    expect(c.etapes!.at(-1)!.valeur).toBe(1140);
    expect(c.etapes!.map((e) => e.valeur)).toEqual(expect.arrayContaining([1700, 560]));

    const json = await enMemoire("verifier", "--json", falsifie);
    expect(json.code).toBe(1);
    const constats = (JSON.parse(json.out) as { fichiers: { dossiers: { constats: typeof r.constats }[] }[] }).fichiers[0]!.dossiers[0]!.constats;
    expect(constats.find((x) => x.cellule === rav.ref)!.etapes!.at(-1)!.valeur).toBe(1140);

    const csv = join(temporaire, "cohorte-etapes.csv");
    expect((await enMemoire("verifier", falsifie, "--rapport", csv)).code).toBe(1);
    const lignes = (await readFile(join(temporaire, "cohorte-etapes-constats.csv"), "utf8")).replace(/^\ufeff/, "").split("\r\n");
    expect(lignes[0]!.split(";").at(-1)).toBe("Étapes du calcul attendu");
    const ligne = lignes.find((l) => l.includes(`;${rav.ref};`))!;
    expect(ligne).toMatch(/Reste à vivre mensuel du foyer = ressources − charges = 1\s700,00 − 560,00 = 1\s140,00\s€\/mois/);

    const feuille = lignesRapport({ classeurLogsoc: true, dossiers: [r], constats: r.constats.length, conforme: false }, new Date("2026-12-01T10:00:00Z"));
    const i = feuille.findIndex((l) => l.nature === "constat" && l.cellules[2] === `${rav.feuille}!${rav.ref}`);
    expect(feuille[i + 1]!.nature).toBe("etapes");
    expect(feuille[i + 1]!.cellules[5]!.split("\n")).toContainEqual(expect.stringMatching(/^\d+\. Reste à vivre mensuel du foyer = ressources − charges = 1\s700,00 − 560,00 = 1\s140,00\s€\/mois$/));
  });

  it("barèmes appris depuis la création : une fin de validité plus tardive (ou « aucun changement connu ») est une information, une fin plus précoce une anomalie", () => {
    const octets = fichiers.get("evaluation.xlsx")!;
    // The fixture (barèmes of 15/06/2025) says: valid until 31/12/2025 (serial 46022), the day before the next known change.
    expect(lireClasseurXlsx(octets).cellule("Barèmes", "B4")?.valeur).toBe(46022);
    for (const avant of [{ valeur: "aucun changement connu" }, { valeur: 46100 }]) {
      const r = auditer(modifierFeuille(octets, "Barèmes", (xml) => remplacerCellule(xml, "B4", avant)));
      expect(r.constats).toEqual([]);
      expect(r.notes.join(" ")).toContain("Depuis la création du classeur, LogSoc connaît un changement de barème au 01/01/2026");
    }
    const altere = auditer(modifierFeuille(octets, "Barèmes", (xml) => remplacerCellule(xml, "B4", { valeur: 45900 })));
    expect(altere.constats.map((c) => [c.genre, c.cellule])).toEqual([["bareme_date", "B4"]]);
  });

  it("texte de barème reformulé depuis la création (note PLS corrigée, issue 13) : information si les valeurs de la ligne sont intactes, anomalie sinon", () => {
    const octets = fichiers.get("cal.xlsx")!;
    const lecteur = lireClasseurXlsx(octets);
    // The v1 fixture keeps the PLS note as written in 2025; PLS Paris cat. 1 = PLUS 26 687 × 1,3 = 34 693,1 → 34 693 (arrêté du 29/07/1987, art. 1).
    expect(lecteur.cellule("Barèmes", "C18")?.valeur).toBe(34693);
    const ancienne = lecteur.cellule("Barèmes", "J18")?.valeur as string;
    expect(ancienne.startsWith("calculé (PLS = plafond PLUS × 1,3")).toBe(true);
    const r = auditer(octets);
    expect(r.constats).toEqual([]);
    const infos = r.notes.filter((n) => n.startsWith("Texte du barème mis à jour depuis la création du dossier"));
    expect(infos.map((n) => n.split(" indique ")[0])).toEqual(["J18", "J19", "J20"].map((ref) => `Texte du barème mis à jour depuis la création du dossier : Barèmes!${ref}`));
    expect(infos[0]).toContain("(information, pas une anomalie)");

    // A status shown stronger than LogSoc knows it (an estimate, a computed value shown as official): an anomaly.
    const officiel = auditer(modifierFeuille(octets, "Barèmes", (xml) => remplacerCellule(xml, "J18", { valeur: ancienne.replace(/^calculé/, "officiel") })));
    expect(officiel.constats.map((c) => [c.genre, c.cellule])).toEqual([["bareme_valeur", "J18"]]);
    // The same old note beside a changed value: the text is no longer knowledge, both are anomalies.
    const valeur = auditer(modifierFeuille(octets, "Barèmes", (xml) => remplacerCellule(xml, "C18", { valeur: 34000 })));
    expect(valeur.constats.map((c) => [c.genre, c.cellule])).toEqual([["bareme_valeur", "C18"], ["bareme_valeur", "J18"]]);
    // A table's date d'effet written in its source line stays strict.
    const ligne = [...lecteur.cellules("Barèmes")].find(([, c]) => typeof c.valeur === "string" && c.valeur.startsWith("En vigueur depuis le "))!;
    const date = auditer(modifierFeuille(octets, "Barèmes", (xml) => remplacerCellule(xml, ligne[0], { valeur: (ligne[1].valeur as string).replace(/\d{2}\/\d{2}\/\d{4}/, "01/01/2020") })));
    expect(date.constats.map((c) => [c.genre, c.cellule])).toEqual([["bareme_valeur", ligne[0]]]);
  });

  it("une version inconnue est refusée en français, avec les versions connues", () => {
    const c = contenuMutable(fichiers.get("evaluation.xlsx")!);
    const meta = c.feuilles.find((f) => f.nom === "LogSoc_meta")!;
    const ref = [...meta.cellules].find(([, x]) => x.valeur === "version")![0].replace("A", "B");
    meta.cellules.set(ref, { valeur: "9.0.0" });
    const r = auditerClasseur(lecteurEnMemoire(c)).dossiers[0]!;
    expect(r.constats).toHaveLength(1);
    expect(r.constats[0]!.message).toContain("« 9.0.0 »");
    expect(r.constats[0]!.message).toContain("1.0.0");
  });
});

/**
 * What differs between two specs in what a dossier's audit reads (the first 10): sheets (key, name,
 * visibility), cells (value, formula, input, id, rule), names. Styles, widths and print settings are
 * presentation: changing them is no new layout.
 */
function differences(a: SpecModele, b: SpecModele): string[] {
  const cellule = (c: Cellule) => JSON.stringify([c.valeur, c.formule, c.saisie, c.id, c.validation]);
  const d: string[] = [];
  const entete = (x: SpecModele) => JSON.stringify([x.id, x.version, x.titre, x.dateBaremes, x.options, x.noms.map((n) => [n.nom, n.feuille, n.ref])]);
  if (entete(a) !== entete(b)) d.push(`en-tête ou noms définis : ${entete(a)} ≠ ${entete(b)}`);
  const feuilles = (x: SpecModele) => x.feuilles.map((f) => `${f.cle}:${f.nom}:${f.visibilite}`).join(", ");
  if (feuilles(a) !== feuilles(b)) d.push(`feuilles : ${feuilles(a)} ≠ ${feuilles(b)}`);
  for (const f of a.feuilles) {
    const g = b.feuilles.find((x) => x.cle === f.cle);
    if (!g) continue;
    const parRef = new Map(g.cellules.map((c) => [c.ref, cellule(c)]));
    for (const c of f.cellules) if (parRef.get(c.ref) !== cellule(c)) d.push(`${f.cle}!${c.ref} : ${cellule(c)} ≠ ${parRef.get(c.ref) ?? "(absente)"}`);
    const refs = new Set(f.cellules.map((c) => c.ref));
    for (const c of g.cellules) if (!refs.has(c.ref)) d.push(`${f.cle}!${c.ref} : absente ≠ ${cellule(c)}`);
  }
  return d.slice(0, 10);
}

describe("registre des dispositions", () => {
  it("la version de disposition est le nombre majeur de la ligne « version »", () => {
    expect(numeroDisposition("1.0.0")).toBe(1);
    expect(numeroDisposition("2")).toBe(2);
    expect(numeroDisposition("v2")).toBeNull();
    expect(dispositionDe("evaluation", "1.0.0")?.figee).toBe(true);
    expect(dispositionDe("evaluation", "0.9.0")).toBeUndefined();
  });

  it("chaque modèle a sa disposition 1 figée, et une seule entrée par version", () => {
    for (const type of TYPES_MODELES) {
      const figees = DISPOSITIONS_FIGEES.filter((d) => d.type === type);
      expect(figees.map((d) => d.numero)).toContain(1);
      const versions = figees.flatMap((d) => d.versions);
      expect(new Set(versions).size).toBe(versions.length);
    }
  });

  // The guard of « Released layouts are forever »: the current templates either still build exactly a
  // released layout under its version, or carry a new version above every frozen one.
  const DATES = ["2024-06-15", "2025-06-15", "2026-05-10"] as DateISO[];
  const variantes = (type: string): { candidats?: number; zone?: (typeof ZONES)[number] }[] =>
    type === "cal" ? [1, 2, 3].flatMap((candidats) => ZONES.map((zone) => ({ candidats, zone }))) : [{}];
  it.each(TYPES_MODELES)("%s : le modèle actuel est identique à la disposition figée de sa version, ou porte une nouvelle version", (type) => {
    const courante = dispositionCourante(type);
    const figee = DISPOSITIONS_FIGEES.find((d) => d.type === type && d.versions.includes(VERSIONS_COURANTES[type]));
    if (figee === undefined) {
      // A new layout: its number is above every frozen one.
      expect(courante.numero).toBeGreaterThan(Math.max(...DISPOSITIONS_FIGEES.filter((d) => d.type === type).map((d) => d.numero)));
      return;
    }
    for (const date of DATES) {
      for (const v of variantes(type)) {
        const actuel: SpecModele = construireModele(type, { date, ...v });
        const fige: SpecModele = figee.construire({ date, ...v });
        expect(
          differences(actuel, fige),
          `Le modèle ${type} a changé de disposition sans changer de version (${VERSIONS_COURANTES[type]}) : donnez-lui la version ${figee.numero + 1}.0.0 (docs/controle.md).`,
        ).toEqual([]);
      }
    }
  });
});

/**
 * Layout version 2 (évaluation, fiche CALEOL, plan d'apurement: 2.0.0), released with the dossiers of
 * tests/fixtures/dossiers/v2/ (generated by tests/fixtures/dossiers/generer.ts, recalculated by
 * LibreOffice). Same rule as v1: never regenerated, audited forever. The grid stays in layout 1.
 */
describe("dossiers de la version de disposition 2 (tests/fixtures/dossiers/v2)", () => {
  const DOSSIER_V2 = fileURLToPath(new URL("../fixtures/dossiers/v2/", import.meta.url));
  const v2 = new Map<string, Uint8Array>();
  const FALSIFICATIONS_V2 = Object.fromEntries(Object.entries(FALSIFICATIONS).filter(([n]) => n !== "competences.xlsx"));
  beforeAll(async () => {
    for (const nom of (await readdir(DOSSIER_V2)).filter((n) => n.endsWith(".xlsx")).sort()) v2.set(nom, new Uint8Array(await readFile(join(DOSSIER_V2, nom))));
  });

  /** Where the current (layout 2) template shows the result `id`. */
  function positionV2(rapport: RapportAudit, id: string): { feuille: string; ref: string } {
    const m = rapport.modele!;
    const spec = construireModele(m.type, { date: m.dateBaremes, ...(m.options.candidats !== undefined ? { candidats: Number(m.options.candidats) } : {}), ...(m.options.zone !== undefined ? { zone: m.options.zone as never } : {}) });
    const { feuille, cellule } = celluleParId(spec, id);
    return { feuille: feuille.nom, ref: cellule.ref };
  }

  it("un dossier rempli de chaque modèle en disposition 2 et un énoncé complété de chaque exercice sont présents", () => {
    expect([...v2.keys()]).toEqual(Object.keys(FALSIFICATIONS_V2).sort());
  });

  it.each(Object.keys(FALSIFICATIONS_V2))("%s : version 2.0.0, disposition 2, conforme, chaque valeur comparée, instant de génération enregistré", (nom) => {
    const r = auditer(v2.get(nom)!);
    expect(r.modele).toMatchObject({ version: "2.0.0", disposition: 2 });
    expect(r.constats.map((c) => `${c.genre} ${c.feuille}!${c.cellule} ${c.message}`)).toEqual([]);
    expect(r.valeursNonCalculees).toBe(0);
    expect(r.controles.every((c) => c.statut === "ok")).toBe(true);
    const meta = [...lireClasseurXlsx(v2.get(nom)!).cellules("LogSoc_meta").values()].map((c) => c.valeur);
    expect(meta[meta.indexOf("genere_le") + 1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("les chiffres calculés à la main sont ceux que LibreOffice a enregistrés (évaluation, plan)", () => {
    for (const type of ["evaluation", "apurement"] as const) {
      for (const [nom, attendu] of Object.entries(FIGURES_FIXTURES[type])) expect(parNom(v2.get(`${type}.xlsx`)!, nom).valeur, `${type} ${nom}`).toBeCloseTo(attendu, 9);
    }
  });

  it.each(Object.entries(FALSIFICATIONS_V2))("%s falsifié (%o) : la valeur erronée est signalée à sa cellule", (nom, { id, saisie }) => {
    const octets = v2.get(nom)!;
    const cible = positionV2(auditer(octets), id);
    const lu = lireClasseurXlsx(octets).cellule(cible.feuille, cible.ref)?.valeur;
    expect(typeof lu).toBe("number");
    const faux = (lu as number) + 7;
    const falsifie = modifierFeuille(octets, cible.feuille, (xml) => (saisie ? remplacerCellule(xml, cible.ref, { valeur: faux }) : remplacerValeurCachee(xml, cible.ref, faux)));
    const r = auditer(falsifie);
    expect(r.conforme).toBe(false);
    expect(r.constats.map((c) => [c.genre, c.feuille, c.cellule, c.trouve])).toContainEqual(["valeur_erronee", cible.feuille, cible.ref, faux]);
  });

  it("logsoc verifier : code 0 sur les dossiers v1 et v2 ensemble, 1 dès qu'un dossier v2 est falsifié", async () => {
    const chemins = [...[...fichiers.keys()].map((n) => join(DOSSIER_V1, n)), ...[...v2.keys()].map((n) => join(DOSSIER_V2, n))];
    expect((await enMemoire("verifier", ...chemins)).code).toBe(0);
    const octets = v2.get("apurement.xlsx")!;
    const total = parNom(octets, "TOTAL_REMBOURSE");
    const falsifie = join(temporaire, "apurement-v2-falsifie.xlsx");
    await writeFile(falsifie, modifierFeuille(octets, total.feuille, (xml) => remplacerValeurCachee(xml, total.ref, 1100)));
    const r = await enMemoire("verifier", "--details", ...chemins, falsifie);
    expect(r.code).toBe(1);
    // 1 000,10 € by hand: every cent of the debt (FIGURES_FIXTURES), the file shows 1 100.
    expect(r.out).toMatch(/1\s?000,10\s?€/);
  });
});
