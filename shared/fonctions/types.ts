import type { z } from "zod";
import type { DateISO } from "../date.ts";
import type { CatalogueBaremes } from "../baremes/catalogue.ts";
import type { DefinitionArgument, ValeurArgument } from "./arguments.ts";

/** A date inside a returned table: the Excel adapter turns it into a serial number, the CLI and API into ISO. */
export interface CelluleDate {
  readonly date: DateISO;
}
export type Cellule = number | string | boolean | null | CelluleDate;
export type Resultat = number | string | boolean | Cellule[][];

export function estCelluleDate(c: unknown): c is CelluleDate {
  return typeof c === "object" && c !== null && "date" in c;
}

/** What an evaluation may need besides its arguments; adapters supply it. */
export interface ContexteCalcul {
  /** The day "today" means for barème lookups (Europe/Paris). */
  aujourdhui: DateISO;
  /** The barèmes to look values up in: the bundled data with any published versions layered over it (default: bundled only). */
  baremes?: CatalogueBaremes;
}

export interface DefinitionFonction {
  /** Excel name, without the LOGSOC namespace. */
  nom: string;
  /** One French sentence, shown in Excel's function wizard and in `logsoc calc --help`. */
  description: string;
  arguments: readonly DefinitionArgument[];
  /** The zod schema `calculer` validates its arguments with: the API documents its body from it (bounds, enums). */
  schema?: z.ZodType;
  /** Arguments are the coerced, not yet validated values keyed by argument name. */
  calculer(args: Record<string, ValeurArgument>, ctx: ContexteCalcul): Resultat;
}
