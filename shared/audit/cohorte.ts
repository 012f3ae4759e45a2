import { dateFr } from "../baremes/catalogue.ts";
import { etapesEnTexte, LIBELLES_GENRE, type ValeurConstat } from "./constats.ts";
import type { RapportAudit, RapportClasseur } from "./rapport.ts";

/**
 * The cohort report (`logsoc verifier --rapport`): what an evaluator sorts and files, as two tables.
 * One row per dossier (a workbook holding two dossiers gives two rows; an unreadable file one row with
 * its reason), and one row per finding. Pure: the CLI writes them as .xlsx or .csv.
 */

export type StatutDossier = "conforme" | "anomalies" | "a_completer" | "refuse";

export const LIBELLES_STATUT_DOSSIER: Record<StatutDossier, string> = {
  conforme: "Conforme",
  anomalies: "Anomalies",
  a_completer: "À compléter",
  refuse: "Illisible ou refusé",
};

export type ResultatFichier = { fichier: string; lisible: true; rapport: RapportClasseur } | { fichier: string; lisible: false; erreur: string };

export function statutDossier(d: RapportAudit): StatutDossier {
  return d.constats.length > 0 ? "anomalies" : d.aCompleter ? "a_completer" : "conforme";
}

export function statutFichier(r: ResultatFichier): StatutDossier {
  if (!r.lisible) return "refuse";
  const statuts = r.rapport.dossiers.map(statutDossier);
  return statuts.includes("anomalies") ? "anomalies" : statuts.every((s) => s === "a_completer") ? "a_completer" : "conforme";
}

export const COLONNES_DOSSIERS = ["Fichier", "Dossier (feuille de métadonnées)", "Modèle", "Version", "Version de disposition", "Barèmes du", "Exercice", "Statut", "Anomalies", "Compétences attestées", "Compétences non attestées", "Remarque"] as const;
export const COLONNES_CONSTATS = ["Fichier", "Dossier (feuille de métadonnées)", "Feuille", "Cellule", "Attendu", "Trouvé", "Règle", "Message", "Étapes du calcul attendu"] as const;

export type Cellule = string | number | null;

function valeur(v: ValeurConstat | undefined): Cellule {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
  return v;
}

export function lignesDossiers(resultats: readonly ResultatFichier[]): Cellule[][] {
  const lignes: Cellule[][] = [];
  for (const r of resultats) {
    if (!r.lisible) {
      lignes.push([r.fichier, null, null, null, null, null, null, LIBELLES_STATUT_DOSSIER.refuse, null, null, null, r.erreur]);
      continue;
    }
    for (const d of r.rapport.dossiers) {
      const m = d.modele;
      const ex = d.exercice ? `n° ${d.exercice.graine} (${d.exercice.role === "enonce" ? "énoncé" : "corrigé"})` : null;
      const attestees = d.competences.filter((c) => c.attestee).map((c) => c.id);
      const non = d.competences.filter((c) => !c.attestee).map((c) => c.id);
      const remarque = m === null ? (d.constats[0]?.message ?? null) : d.notes.length > 0 ? d.notes.join(" ") : null;
      lignes.push([r.fichier, d.feuilleMeta, m?.titre ?? null, m?.version ?? null, m?.disposition ?? null, m ? dateFr(m.dateBaremes) : null, ex, LIBELLES_STATUT_DOSSIER[statutDossier(d)], d.constats.length, attestees.join(", "), non.join(", "), remarque]);
    }
  }
  return lignes;
}

export function lignesConstats(resultats: readonly ResultatFichier[]): Cellule[][] {
  const lignes: Cellule[][] = [];
  for (const r of resultats) {
    if (!r.lisible) continue;
    for (const d of r.rapport.dossiers) {
      for (const c of d.constats) lignes.push([r.fichier, d.feuilleMeta, c.feuille, c.cellule, valeur(c.attendu), valeur(c.trouve), LIBELLES_GENRE[c.genre], c.message, c.etapes ? etapesEnTexte(c.etapes) : null]);
    }
  }
  return lignes;
}
