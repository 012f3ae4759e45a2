import type { DateISO } from "../date.ts";

// A leaf module: the explanation's types name a function's result without importing the registry's types.

/** A date inside a returned table: the Excel adapter turns it into a serial number, the CLI and API into ISO. */
export interface CelluleDate {
  readonly date: DateISO;
}
export type Cellule = number | string | boolean | null | CelluleDate;
export type Resultat = number | string | boolean | Cellule[][];

export function estCelluleDate(c: unknown): c is CelluleDate {
  return typeof c === "object" && c !== null && "date" in c;
}
