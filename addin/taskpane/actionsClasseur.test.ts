import { describe, expect, it } from "vitest";
import { CATALOGUE } from "#shared/baremes/index.ts";
import type { DateISO } from "#shared/date.ts";
import {
  feuillesCreees,
  lignesCompetences,
  lireDate,
  lireDemandeExercice,
  lireDemandeModele,
  messageErreur,
  messageExercice,
  messageModele,
  resumeControle,
} from "./actionsClasseur.ts";

const modele = (s: Partial<{ type: string; date: string; zone: string; candidats: string }>) => lireDemandeModele({ type: "evaluation", date: "2025-06-01", zone: "AUTRES", candidats: "3", ...s }, CATALOGUE);
const exercice = (s: Partial<{ type: string; graine: string; date: string; role: string }>) => lireDemandeExercice({ type: "cal", graine: "31", date: "2025-06-01", role: "enonce", ...s }, CATALOGUE);

describe("the « Modèles » form", () => {
  it("gives construireModele's options: date and the pane's catalogue; zone and candidates only for the CALEOL sheet", () => {
    expect(modele({})).toEqual({ type: "evaluation", options: { date: "2025-06-01", catalogue: CATALOGUE } });
    expect(modele({ type: "apurement", zone: "PARIS", candidats: "1" })).toEqual({ type: "apurement", options: { date: "2025-06-01", catalogue: CATALOGUE } });
    expect(modele({ type: "cal", zone: "IDF", candidats: "2" })).toEqual({ type: "cal", options: { date: "2025-06-01", catalogue: CATALOGUE, zone: "IDF", candidats: 2 } });
    expect(modele({ type: "competences", date: " 2026-01-15 " })).toEqual({ type: "competences", options: { date: "2026-01-15", catalogue: CATALOGUE } });
  });

  it("refuses in French what Excel must never receive", () => {
    expect(modele({ type: "budget" })).toEqual({ erreur: "Choisissez un modèle." });
    expect(modele({ date: "" })).toEqual({ erreur: "Indiquez la date des barèmes." });
    expect(modele({ date: "2025-02-30" })).toEqual({ erreur: "La date des barèmes n'est pas une date valide." });
    // Excel's calendar before 1 March 1900 has a day that never was.
    expect(modele({ date: "1900-02-28" })).toEqual({ erreur: "La date des barèmes n'est pas une date valide." });
    expect(modele({ type: "cal", zone: "LYON" })).toEqual({ erreur: "Choisissez la zone du logement." });
    for (const candidats of ["0", "4", "1.5", "", "deux"]) {
      expect(modele({ type: "cal", candidats })).toEqual({ erreur: "Le nombre de candidats doit être un entier de 1 à 3." });
    }
  });

  it("reads a date, or says which one is missing", () => {
    expect(lireDate("1900-03-01", "la date du cas")).toEqual({ date: "1900-03-01" });
    expect(lireDate("01/06/2025", "la date du cas")).toEqual({ erreur: "La date du cas n'est pas une date valide." });
  });
});

describe("the « Exercices » form", () => {
  it("gives insererExercice's options", () => {
    expect(exercice({})).toEqual({ type: "cal", graine: 31, date: "2025-06-01", role: "enonce", catalogue: CATALOGUE });
    expect(exercice({ type: "apurement", graine: " 0 ", role: "corrige" })).toEqual({ type: "apurement", graine: 0, date: "2025-06-01", role: "corrige", catalogue: CATALOGUE });
    expect(exercice({ graine: "9007199254740991" })).toMatchObject({ graine: 9007199254740991 });
  });

  it("refuses a seed that is not a whole number from 0 to 2^53 − 1, a bad date, a missing role", () => {
    const borne = "9\u202f007\u202f199\u202f254\u202f740\u202f991";
    expect(exercice({ graine: "-3" })).toEqual({ erreur: `Le numéro de cas (graine) doit être un nombre entier de 0 à ${borne} (saisi : « -3 »).` });
    expect(exercice({ graine: "" })).toEqual({ erreur: `Le numéro de cas (graine) doit être un nombre entier de 0 à ${borne}.` });
    for (const graine of ["2,5", "1e3", "douze", "9007199254740992"]) expect(exercice({ graine })).toHaveProperty("erreur", expect.stringContaining(`(saisi : « ${graine} »)`));
    expect(exercice({ type: "competences" })).toEqual({ erreur: "Choisissez un type d'exercice." });
    expect(exercice({ date: "2025-13-01" })).toEqual({ erreur: "La date du cas n'est pas une date valide." });
    expect(exercice({ role: "" })).toEqual({ erreur: "Choisissez l'énoncé ou le corrigé." });
  });
});

describe("what the pane says back", () => {
  const insertion = {
    feuilles: { evaluation: "Évaluation (2)", baremes: "Barèmes (2)", meta: "LogSoc_meta (2)" },
    masquees: ["LogSoc_meta (2)"],
    noms: [
      { nom: "TOTAL_RESSOURCES", portee: "feuille" as const, feuille: "Évaluation (2)" },
      { nom: "RAV_UC", portee: "feuille" as const, feuille: "Évaluation (2)" },
      { nom: "NOUVEAU", portee: "classeur" as const, feuille: "Évaluation (2)" },
    ],
  };

  it("lists the sheets created, in order, the hidden one marked", () => {
    expect(feuillesCreees(insertion)).toBe("« Évaluation (2) », « Barèmes (2) » et « LogSoc_meta (2) » (masquée)");
    expect(feuillesCreees({ feuilles: { a: "Seule" }, masquees: [] })).toBe("« Seule »");
  });

  it("a template: its title, barème date, CALEOL options, and names made local to the new sheet", () => {
    expect(messageModele({ id: "evaluation", titre: "Évaluation économique de la famille", dateBaremes: "2025-06-01" as DateISO, options: {} }, insertion)).toEqual([
      "Modèle « Évaluation économique de la famille » inséré (barèmes en vigueur le 01/06/2025) : feuilles créées « Évaluation (2) », « Barèmes (2) » et « LogSoc_meta (2) » (masquée).",
      "Le classeur contenait déjà ces noms définis (TOTAL_RESSOURCES, RAV_UC) : ils sont propres à la feuille « Évaluation (2) ».",
    ]);
    const fiche = { feuilles: { fiche: "Fiche CALEOL", baremes: "Barèmes", meta: "LogSoc_meta" }, masquees: ["LogSoc_meta"], noms: [] };
    expect(messageModele({ id: "cal", titre: "Fiche synthétique CALEOL", dateBaremes: "2026-01-15" as DateISO, options: { candidats: 2, zone: "PARIS" } }, fiche)).toEqual([
      "Modèle « Fiche synthétique CALEOL » inséré (barèmes en vigueur le 15/01/2026, 2 candidat(s), zone « Paris et communes limitrophes ») : feuilles créées « Fiche CALEOL », « Barèmes » et « LogSoc_meta » (masquée).",
    ]);
  });

  it("an exercise: type, case number, date, role, and the skills it practises", () => {
    const r = { feuilles: { consignes: "Consignes", plan: "Plan d'apurement", baremes: "Barèmes", meta: "LogSoc_meta" }, masquees: ["LogSoc_meta"], noms: [{ nom: "DETTE", portee: "feuille" as const, feuille: "Plan d'apurement" }] };
    expect(messageExercice({ type: "apurement", graine: 7, date: "2025-06-01" as DateISO, role: "corrige" }, r)).toEqual([
      "Exercice « Plan d'apurement », cas n° 7 du 01/06/2025, corrigé inséré : feuilles créées « Consignes », « Plan d'apurement », « Barèmes » et « LogSoc_meta » (masquée).",
      "Le classeur contenait déjà ce nom défini (DETTE) : il est propre à la feuille « Plan d'apurement ».",
    ]);
    expect(lignesCompetences([{ id: "A21-C02", libelle: "négocier un plan d'apurement", activite: { numero: 21, intitule: "Traite les impayés" } }])).toEqual(["A21-C02 (activité 21) : négocier un plan d'apurement"]);
  });

  it("the check: the count of dossiers and findings under the audit's own message", () => {
    expect(resumeControle({ dossiers: 2, constats: 3, rapport: { classeurLogsoc: true } })).toBe("Dossiers contrôlés : 2 · anomalies : 3");
    expect(resumeControle({ dossiers: 1, constats: 0, rapport: { classeurLogsoc: true } })).toBe("Dossiers contrôlés : 1 · anomalies : 0");
    // No LogSoc dossier: the audit reports the workbook itself, whose one finding is the missing metadata.
    expect(resumeControle({ dossiers: 1, constats: 1, rapport: { classeurLogsoc: false } })).toBe("Dossiers contrôlés : 0 · anomalies : 1");
  });

  it("an error thrown while Excel worked gets a French lead", () => {
    expect(messageErreur("L'insertion du modèle", new Error("InvalidArgument"))).toBe("L'insertion du modèle a échoué : InvalidArgument");
    expect(messageErreur("Le contrôle", "délai dépassé")).toBe("Le contrôle a échoué : délai dépassé");
  });
});
