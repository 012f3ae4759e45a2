import type { TypeModele } from "../../modeles/spec.ts";
import { PROFIL_APUREMENT } from "./apurement.ts";
import { PROFIL_CAL } from "./cal.ts";
import { PROFIL_COMPETENCES } from "./competences.ts";
import { PROFIL_EVALUATION } from "./evaluation.ts";
import type { ProfilModele } from "./types.ts";

/** What the audit knows of each template type. */
export const PROFILS: Record<TypeModele, ProfilModele> = {
  evaluation: PROFIL_EVALUATION,
  cal: PROFIL_CAL,
  apurement: PROFIL_APUREMENT,
  competences: PROFIL_COMPETENCES,
};
