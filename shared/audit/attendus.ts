import { estErreurLogsoc } from "../errors.ts";
import type { Montant } from "../money.ts";

/**
 * What the audit expects in a computed cell: the engine's value (or the French reason it cannot be
 * computed), its nature (how it is compared) and where it is. Shared by the profiles and the phases.
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
