import type { DateISO } from "../../date.ts";
import { estErreurLogsoc } from "../../errors.ts";
import type { CatalogueBaremes } from "../../baremes/catalogue.ts";
import type { SpecModele, TypeModele } from "../../modeles/spec.ts";
import type { Montant } from "../../money.ts";
import type { Saisies } from "../saisies.ts";

/**
 * What the audit knows of one layout of a template type (../dispositions.ts says which): how the engine
 * recomputes every indicator from the inputs, which input dates the barèmes must cover, which skills
 * of the referential the indicators evidence, and which results a trainee answers in an exercise.
 */

/** How a value is compared: amounts to the cent, ratios to 4 decimals, counts and dates exactly, texts ignoring case. */
export type NatureValeur = "montant" | "ratio" | "nombre" | "date" | "texte";

/** The engine could not compute the indicator for these inputs: the spreadsheet must show an error. */
export interface ErreurAttendue {
  erreur: string;
}

/** null: the cell must show nothing (empty or ""). */
export type ValeurAttendue = number | string | null | ErreurAttendue;

export interface Attendu {
  /** Sheet key in the template, and A1 reference. */
  cle: string;
  ref: string;
  id?: string;
  libelle: string;
  nature: NatureValeur;
  valeur: ValeurAttendue;
  /** Cells without an id are checked as one group in the report (« Échéancier »). */
  groupe?: string;
}

/** An input the engine refuses or that contradicts another (impossible composition…). */
export interface Incoherence {
  id: string;
  message: string;
  /** What would be acceptable, in French. */
  attendu: string;
}

export interface ContexteRecalcul {
  spec: SpecModele;
  dateBaremes: DateISO;
  catalogue: CatalogueBaremes;
}

export interface Recalcul {
  attendus: Attendu[];
  incoherences: Incoherence[];
}

/** A skill of the referential and the indicators (by id) that show it was applied correctly. */
export interface PreuveCompetence {
  competence: string;
  ids: readonly string[];
}

export interface ProfilModele {
  type: TypeModele;
  /** Input ids holding the dossier's date: the barèmes of the workbook must be those in force that day. */
  datesDossier: readonly string[];
  recalculer(s: Saisies, ctx: ContexteRecalcul): Recalcul;
  /** Skills the template's indicators evidence (empty when the template is not a computation). */
  competences(spec: SpecModele): readonly PreuveCompetence[];
  /** The results a trainee must find in an exercise built on this template (empty: no exercise). */
  reponses(spec: SpecModele): readonly string[];
}

/** An engine result, or the French reason it cannot be computed. */
export function ouErreur<T>(f: () => T): T | ErreurAttendue {
  try {
    return f();
  } catch (e) {
    if (estErreurLogsoc(e)) return { erreur: e.message };
    throw e;
  }
}

export function estErreurAttendue(v: unknown): v is ErreurAttendue {
  return typeof v === "object" && v !== null && "erreur" in v && !(typeof (v as { toNumber?: unknown }).toNumber === "function");
}

/** A Montant, an engine error or a plain number as an expected value. */
export function enAttendu(v: Montant | number | string | null | ErreurAttendue | Error): ValeurAttendue {
  if (v === null || typeof v === "number" || typeof v === "string") return v;
  if (v instanceof Error) return { erreur: v.message };
  if (estErreurAttendue(v)) return v;
  return v.toNumber();
}
