import { ErreurLogsoc } from "../errors.ts";
import type { DateISO } from "../date.ts";
import { CATALOGUE, type CatalogueBaremes } from "../baremes/catalogue.ts";
import type { Zone } from "../baremes/valeurs.ts";
import { modeleApurement } from "./apurement.ts";
import { CANDIDATS_MAX, modeleCal } from "./cal.ts";
import { modeleCompetences } from "./competences.ts";
import { modeleEvaluation } from "./evaluation.ts";
import { TYPES_MODELES, type SpecModele, type TypeModele } from "./spec.ts";
import { contexteBaremes } from "./sources.ts";
import { avecGenereLe } from "./constructeur.ts";

/**
 * The four workbook templates (DESIGN.md §6). Each is built for a date (the barèmes in force that day)
 * and rendered by `ecrireXlsx` (./xlsx.ts: CLI, Worker) or by the add-in's office.js renderer.
 */

export { TYPES_MODELES, validerSpec, avecSaisies, celluleParId, toutesLesCellules } from "./spec.ts";
export type { SpecModele, TypeModele, Feuille, Cellule, NomDefini, Validation, ValeurCellule, ValeursSaisies } from "./spec.ts";
export { FONCTIONS_AUTORISEES, resoudreFormule, citerFeuille } from "./formules.ts";
export { STYLES, FORMATS } from "./styles.ts";
export type { Style, NomStyle } from "./styles.ts";

export const DESCRIPTIONS_MODELES: Record<TypeModele, { titre: string; description: string }> = {
  evaluation: {
    titre: "Évaluation économique de la famille",
    description: "Foyer, ressources et charges par nature, dettes ; reste à vivre selon les quatre méthodes, taux d'effort, capacité de remboursement, barèmes utilisés.",
  },
  cal: {
    titre: "Fiche synthétique CALEOL",
    description: "Le logement et jusqu'à trois candidats côte à côte : composition, catégorie, plafond de ressources, taux d'effort, reste à vivre, priorités, décision.",
  },
  apurement: {
    titre: "Plan d'apurement",
    description: "Dette, mensualité ou durée, première échéance, loyer résiduel : l'échéancier complet, les durées de référence et le bloc de signatures.",
  },
  competences: {
    titre: "Grille de compétences",
    description: "Chaque compétence du référentiel RS 3474 avec son statut, sa date, ses preuves et l'évaluateur ; validation par domaine (certification partielle).",
  },
};

export interface OptionsModele {
  /** The barèmes in force on this day are written into the template. */
  date: DateISO;
  /** Defaults to the bundled catalogue; the task pane passes its catalogue with the published versions. */
  catalogue?: CatalogueBaremes;
  /** CALEOL: number of candidates side by side (1 to 3, default 3). */
  candidats?: number;
  /** CALEOL: default zone of the dwelling (default AUTRES). */
  zone?: Zone;
}

export function estTypeModele(x: string): x is TypeModele {
  return (TYPES_MODELES as readonly string[]).includes(x);
}

/** The spec of a template; a barème not in force on `date` is a clear French error (BAREME_NON_EN_VIGUEUR). */
export function construireModele(type: string, options: OptionsModele): SpecModele {
  if (!estTypeModele(type)) {
    throw new ErreurLogsoc("CODE_INCONNU", `Modèle inconnu « ${type} » : ${TYPES_MODELES.join(", ")} attendu.`, ["type"]);
  }
  const ctx = contexteBaremes(options.date, options.catalogue ?? CATALOGUE);
  switch (type) {
    // The templates that use barèmes record when they were generated (the grid uses none).
    case "evaluation":
      return avecGenereLe(modeleEvaluation(ctx), ctx.catalogue);
    case "cal":
      return avecGenereLe(modeleCal(ctx, { candidats: options.candidats ?? CANDIDATS_MAX, zone: options.zone ?? "AUTRES" }), ctx.catalogue);
    case "apurement":
      return avecGenereLe(modeleApurement(ctx), ctx.catalogue);
    case "competences":
      return modeleCompetences(options.date);
  }
}
