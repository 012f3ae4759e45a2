import type { DateISO } from "../date.ts";
import type { CatalogueBaremes } from "../baremes/catalogue.ts";
import type { TypeModele } from "../modeles/spec.ts";
import type { RoleExercice, TypeExercice } from "../exercices/enonce.ts";
import type { Constat, ValeurConstat } from "./constats.ts";
import type { Budget } from "./limites.ts";

/** What the audit reports: one report per dossier, its checks, findings and skills. */

export interface OptionsAudit {
  /** The catalogue the barèmes are checked against (the task pane passes the one with published versions). */
  catalogue?: CatalogueBaremes;
  /** Limits of an untrusted file (time, number of dossiers): the one its reading used. */
  budget?: Budget;
}

export type StatutControle = "ok" | "erreur" | "non_verifie";

/** One line of the report: one check, its outcome, where to look. */
export interface Controle {
  libelle: string;
  statut: StatutControle;
  feuille: string | null;
  cellule: string | null;
  attendu?: ValeurConstat;
  trouve?: ValeurConstat;
  /** French: what was checked, or what is wrong. */
  detail: string;
  /** Findings behind an « erreur ». */
  constats: number;
}

export interface CompetenceDossier {
  id: string;
  libelle: string;
  activite: { numero: number; intitule: string };
  attestee: boolean;
  /** Why it is or is not evidenced, in French. */
  motif: string;
}

/** A workbook may hold several dossiers (the add-in inserts templates side by side): one report each. */
export interface RapportClasseur {
  /** False when the workbook was not made from a LogSoc template (no metadata sheet). */
  classeurLogsoc: boolean;
  dossiers: RapportAudit[];
  /** Findings over all dossiers. */
  constats: number;
  conforme: boolean;
}

export interface ModeleDossier {
  type: TypeModele;
  titre: string;
  version: string;
  /** The layout version (major of `version`), see ./dispositions.ts. */
  disposition: number;
  dateBaremes: DateISO;
  options: Readonly<Record<string, string | number>>;
}

/** The audit of one dossier: the sheets one template made, found through its metadata sheet. */
export interface RapportAudit {
  /** The dossier's metadata sheet (null when the workbook has none). */
  feuilleMeta: string | null;
  modele: ModeleDossier | null;
  exercice: { type: TypeExercice; graine: number; role: RoleExercice } | null;
  /**
   * Every input still as the template delivered it: the dossier is to be filled in (« à compléter »).
   * Its structure is checked (formulas, barèmes, metadata), not its figures.
   */
  aCompleter: boolean;
  controles: Controle[];
  constats: Constat[];
  /** Skills the dossier practises (exercise or template type) and whether it evidences each. */
  competences: CompetenceDossier[];
  /** Computed cells whose value the file does not hold (never opened in a spreadsheet): checked by their formula only. */
  valeursNonCalculees: number;
  notes: string[];
  conforme: boolean;
}
