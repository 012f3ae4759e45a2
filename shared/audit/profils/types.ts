import type { DateISO } from "../../date.ts";
import type { CatalogueBaremes } from "../../baremes/catalogue.ts";
import type { SpecModele, TypeModele } from "../../modeles/spec.ts";
import type { Saisies } from "../saisies.ts";
import type { Attendu, Incoherence } from "../attendus.ts";

/**
 * What the audit knows of one layout of a template type (../dispositions.ts says which): how the engine
 * recomputes every indicator from the inputs, which input dates the barèmes must cover, which skills
 * of the referential the indicators evidence, and which results a trainee answers in an exercise.
 */

export type { NatureValeur, ErreurAttendue, ValeurAttendue, Attendu, Incoherence } from "../attendus.ts";
export { ouErreur, estErreurAttendue, enAttendu } from "../attendus.ts";
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

