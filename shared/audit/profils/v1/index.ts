import type { TypeModele } from "../../../modeles/spec.ts";
import type { ProfilModele } from "../types.ts";
import { PROFIL_APUREMENT } from "./apurement.ts";
import { PROFIL_CAL } from "./cal.ts";
import { PROFIL_COMPETENCES } from "./competences.ts";
import { PROFIL_EVALUATION } from "./evaluation.ts";

/**
 * The audit of layout version 1, FROZEN with the layout (../../../modeles/v1/): a copy of the profiles
 * as released, reading the v1 cells. Never edit them for a later layout; add that layout's own profiles.
 */
export const PROFILS_V1: Record<TypeModele, ProfilModele> = {
  evaluation: PROFIL_EVALUATION,
  cal: PROFIL_CAL,
  apurement: PROFIL_APUREMENT,
  competences: PROFIL_COMPETENCES,
};
