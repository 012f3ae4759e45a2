import type { z } from "zod";
import type { DateISO } from "../date.ts";
import type { CatalogueBaremes } from "../baremes/catalogue.ts";
import type { DefinitionArgument, ValeurArgument } from "./arguments.ts";
import type { Trace } from "../explication/traceur.ts";

export { estCelluleDate, type Cellule, type CelluleDate, type Resultat } from "./resultat.ts";
import type { Resultat } from "./resultat.ts";

/** What an evaluation may need besides its arguments; adapters supply it. */
export interface ContexteCalcul {
  /** The day "today" means for barème lookups (Europe/Paris). */
  aujourdhui: DateISO;
  /** The barèmes to look values up in: the bundled data with any published versions layered over it (default: bundled only). */
  baremes?: CatalogueBaremes;
}

/**
 * How a number reads to the adviser: euros (1 234,56 €), a rate (27,22 %), a count or a plain decimal.
 * Excel shows it so where it supports formatted numbers; formulas that use the cell still get the number.
 */
export type FormatNombre = "euros" | "taux" | "entier" | "decimal";

/**
 * The shape of a function's result in Excel: one number (default), any single value (number or text),
 * or a table spilled as a dynamic array whose first row is a header and whose columns have a format
 * each (`null`: no number format; a date cell always reads dd/mm/yyyy).
 */
export type FormeResultat =
  | { type: "nombre"; format: FormatNombre }
  | { type: "valeur" }
  | { type: "tableau"; colonnes: readonly (FormatNombre | null)[] };

/**
 * One LOGSOC function, the single source for Excel (functions.json and the registrations are generated
 * from it), the CLI (`logsoc calc`) and the API: adding a function means adding one entry.
 */
export interface DefinitionFonction {
  /** Excel name, without the LOGSOC namespace: a public API, never renamed (add an alias instead). */
  nom: string;
  /** Older names the CLI still accepts (never shown in Excel). */
  alias?: readonly string[];
  /** One French sentence, shown in Excel's function wizard and in `logsoc calc --help`. */
  description: string;
  /** Positions are a public API: add optional arguments only at the end. */
  arguments: readonly DefinitionArgument[];
  /** Default: one number without a particular format. */
  resultat?: FormeResultat;
  /** The zod schema `calculer` validates its arguments with: the API documents its body from it (bounds, enums). */
  schema?: z.ZodType;
  /** Arguments are the coerced, not yet validated values keyed by argument name. */
  /**
   * `trace` records the steps of the computation (DESIGN §7): the explanation is this very call, given a
   * recorder; without one the engine records nothing.
   */
  calculer(args: Record<string, ValeurArgument>, ctx: ContexteCalcul, trace?: Trace): Resultat;
}

export const RESULTAT_PAR_DEFAUT: FormeResultat = { type: "nombre", format: "decimal" };

export function formeResultat(f: DefinitionFonction): FormeResultat {
  return f.resultat ?? RESULTAT_PAR_DEFAUT;
}
