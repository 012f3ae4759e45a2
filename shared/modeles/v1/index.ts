import { ErreurLogsoc } from "../../errors.ts";
import { CATALOGUE } from "../../baremes/catalogue.ts";
import { TYPES_MODELES, type SpecModele } from "../spec.ts";
import type { DateISO } from "../../date.ts";
import type { CatalogueBaremes } from "../../baremes/catalogue.ts";
import type { Zone } from "../../baremes/valeurs.ts";
import { modeleApurement } from "./apurement.ts";
import { CANDIDATS_MAX, modeleCal } from "./cal.ts";
import { modeleCompetences } from "./competences.ts";
import { modeleEvaluation } from "./evaluation.ts";
import { contexteBaremes } from "./sources.ts";

/**
 * Layout version 1 of the four templates, FROZEN (DESIGN.md §6 « Released layouts are forever »).
 *
 * Every dossier made since the first release carries `version` = « 1.0.0 » in its metadata sheet; the
 * audit rebuilds this exact layout to check it, whatever the current templates (../*.ts) become. These
 * files are a copy of the builders as released, taken before the layout changed; never edit them (only
 * a change of an engine or barème API they call may touch an import). The v1 dossiers of
 * tests/fixtures/dossiers/v1/ are audited in the tests: any drift here makes them fail.
 *
 * Why a copy of the code rather than a data snapshot: a template is a function of its date (the
 * « Barèmes » sheet holds the values in force that day, and the period they cover) and of its options
 * (CALEOL: 1 to 3 candidates, zone); a snapshot would need one per date and option. The copy depends
 * only on contracts that are themselves forever: the spec's types (fields are only added), the engine's
 * functions and the barème lookup by date.
 */

export const VERSION_V1 = "1.0.0";

export interface OptionsV1 {
  date: DateISO;
  catalogue?: CatalogueBaremes;
  candidats?: number;
  zone?: Zone;
}

export function construireModeleV1(type: string, options: OptionsV1): SpecModele {
  const ctx = contexteBaremes(options.date, options.catalogue ?? CATALOGUE);
  switch (type) {
    case "evaluation":
      return modeleEvaluation(ctx);
    case "cal":
      return modeleCal(ctx, { candidats: options.candidats ?? CANDIDATS_MAX, zone: options.zone ?? "AUTRES" });
    case "apurement":
      return modeleApurement(ctx);
    case "competences":
      return modeleCompetences(options.date);
    default:
      throw new ErreurLogsoc("CODE_INCONNU", `Modèle inconnu « ${type} » : ${TYPES_MODELES.join(", ")} attendu.`, ["type"]);
  }
}
