import type { Statut } from "../baremes/schema.ts";
import type { Resultat } from "../fonctions/resultat.ts";

/**
 * An explanation (DESIGN §7): ordered steps, the last one giving the result. Every number a step uses
 * is the `valeur` of an earlier step or an input, and `operation` says which arithmetic links them, so a
 * reader — or a test — can redo each step with a pocket calculator.
 */

/** The barème value a step reads: which scale, which version (date d'effet), which key, how far we trust it. */
export interface BaremeEtape {
  id: string;
  /** Date d'effet of the version read (AAAA-MM-JJ). */
  version: string;
  cle: string;
  statut: Statut;
  /** The text that fixes the value and its legal reference. */
  source: string;
}

/** Operands are indices (from 0) of earlier steps of the same explanation. */
export type Operation =
  /** A value the user gave (`argument`: the function's argument name, when there is one). */
  | { type: "entree"; argument?: string }
  /** A fixed number of the method (30 days in a month, 12 months…), its reason in `reference`. */
  | { type: "constante" }
  /** A value read in a barème (see `bareme`). */
  | { type: "bareme" }
  | { type: "somme"; termes: number[] }
  | { type: "difference"; de: number; moins: number }
  | { type: "produit"; facteurs: number[] }
  | { type: "quotient"; dividende: number; diviseur: number }
  | { type: "minimum"; termes: number[] }
  | { type: "maximum"; termes: number[] }
  /** Rounded to `decimales` places: half up (`au_plus_proche`) or towards +∞ (`superieur`). */
  | { type: "arrondi"; de: number; decimales: number; sens: "au_plus_proche" | "superieur" }
  /** The same value as an earlier step, under the name of the result. */
  | { type: "reprise"; de: number };

export type TypeOperation = Operation["type"];

export interface Etape {
  libelle: string;
  /** The formula in words, e.g. « RAV mensuel / 30 / UC ». */
  formule: string;
  /** A number, except for a text or yes/no barème value read by BAREME. */
  valeur: number | string | boolean;
  unite: string;
  /** The legal or methodological reference of the step. */
  reference?: string;
  bareme?: BaremeEtape;
  operation: Operation;
}

export interface Explication {
  /** The function's result, exactly as `evaluer` returns it (a table for PLAN_APUREMENT). */
  resultat: Resultat;
  /** The weakest status of the barème values the steps used; `officiel` when none is used. */
  statut: Statut;
  etapes: Etape[];
}
