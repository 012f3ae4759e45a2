import type { DateISO } from "../date.ts";
import type { CatalogueBaremes } from "../baremes/catalogue.ts";
import type { Zone } from "../baremes/valeurs.ts";
import { construireModele } from "../modeles/index.ts";
import { VERSION_APUREMENT } from "../modeles/apurement.ts";
import { VERSION_CAL } from "../modeles/cal.ts";
import { VERSION_COMPETENCES } from "../modeles/competences.ts";
import { VERSION_EVALUATION } from "../modeles/evaluation.ts";
import { TYPES_MODELES, type SpecModele, type TypeModele } from "../modeles/spec.ts";
import { construireModeleV1, VERSION_V1 } from "../modeles/v1/index.ts";
import { specEnonce as specEnonceV1 } from "../modeles/v1/enonce.ts";
import { specEnonce } from "../exercices/enonce.ts";
import { PROFILS } from "./profils/index.ts";
import { PROFILS_V1 } from "./profils/v1/index.ts";
import type { ProfilModele } from "./profils/types.ts";

/**
 * Released layouts are forever (DESIGN.md §6). The metadata sheet's `version` row (« 1.0.0 ») names
 * the template's layout: its LAYOUT VERSION is the major number (1). Any change to a template's cells,
 * formulas, names, inputs or metadata rows is a new layout version. The audit keeps one entry per
 * released layout of each type: how to rebuild the template as it was (spec builder, exercise question)
 * and how to recompute it (profile). docs/controle.md says how to add a layout.
 *
 * Frozen layouts (`figee`) are copies kept under shared/modeles/vN/ and shared/audit/profils/vN/; the
 * current layout is the one shared/modeles/*.ts builds today, registered under its own version. When the
 * current version equals a frozen one, the frozen entry answers, and a test checks both build the same
 * spec (tests/audit/dispositions.test.ts): a layout change without a new version fails there.
 */

export interface OptionsDisposition {
  date: DateISO;
  catalogue?: CatalogueBaremes;
  candidats?: number;
  zone?: Zone;
}

export interface Disposition {
  type: TypeModele;
  /** Layout version: the major number of the metadata's `version` row. */
  numero: number;
  /** The `version` row values this layout was released under. */
  versions: readonly string[];
  /** Rebuilds the template (inputs empty) as this layout made it for these barèmes and options. */
  construire(options: OptionsDisposition): SpecModele;
  /** The exercise question this layout made from a filled template (answers open, derived figures blanked). */
  enonce(spec: SpecModele, reponses: readonly string[], reponsesTexte: readonly string[]): SpecModele;
  profil: ProfilModele;
  figee: boolean;
}

/** `1.0.0` → 1; null for anything that is no version. */
export function numeroDisposition(version: string): number | null {
  const m = /^(\d{1,4})(?:\.\d{1,4}){0,2}$/.exec(version.trim());
  return m ? Number(m[1]) : null;
}

const V1: readonly Disposition[] = TYPES_MODELES.map((type) => ({
  type,
  numero: 1,
  versions: [VERSION_V1],
  construire: (o: OptionsDisposition) => construireModeleV1(type, o),
  enonce: specEnonceV1,
  profil: PROFILS_V1[type],
  figee: true,
}));

/** Frozen layouts, oldest first. Append a layout here when it is frozen; never remove one. */
export const DISPOSITIONS_FIGEES: readonly Disposition[] = [...V1];

export const VERSIONS_COURANTES: Record<TypeModele, string> = {
  evaluation: VERSION_EVALUATION,
  cal: VERSION_CAL,
  apurement: VERSION_APUREMENT,
  competences: VERSION_COMPETENCES,
};

/** The layout shared/modeles/*.ts builds today. */
export function dispositionCourante(type: TypeModele): Disposition {
  const version = VERSIONS_COURANTES[type];
  return {
    type,
    numero: numeroDisposition(version) ?? 0,
    versions: [version],
    construire: (o) => construireModele(type, o),
    enonce: specEnonce,
    profil: PROFILS[type],
    figee: false,
  };
}

/** Every layout the audit can check for a type, oldest first. */
export function dispositions(type: TypeModele): Disposition[] {
  const figees = DISPOSITIONS_FIGEES.filter((d) => d.type === type);
  const courante = dispositionCourante(type);
  return figees.some((d) => d.versions.includes(courante.versions[0]!)) ? figees : [...figees, courante];
}

/** The layout a dossier's metadata names, or undefined when this LogSoc does not know it. */
export function dispositionDe(type: TypeModele, version: string): Disposition | undefined {
  return dispositions(type).find((d) => d.versions.includes(version.trim()));
}
