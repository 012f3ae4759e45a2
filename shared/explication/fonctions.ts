import { evaluerDefinition, evaluerObjetAvec, REGISTRE, trouverFonction, type Registre } from "../fonctions/registre.ts";
import type { ValeurBrute } from "../fonctions/arguments.ts";
import type { ContexteCalcul } from "../fonctions/types.ts";
import { statutDesEtapes, Traceur } from "./traceur.ts";
import type { Explication } from "./types.ts";

/**
 * The explanation of a LOGSOC function is its evaluation given a step recorder: `expliquer` /
 * `expliquerObjet` are `evaluer` / `evaluerObjet` (same coercion, schemas, engine call and errors) with a
 * Traceur, so the steps record the very computation that gives the result. They live here, not in
 * fonctions/registre.ts, so that the registry stays free of the recorder's implementation.
 */

function expliquerAvec(evaluer: (t: Traceur) => Explication["resultat"]): Explication {
  const t = new Traceur();
  const resultat = evaluer(t);
  return { resultat, statut: statutDesEtapes(t.etapes), etapes: t.etapes };
}

/** Positional call, as `evaluer`: one raw value per argument, in Excel's order. */
export function expliquer(nom: string, valeurs: readonly ValeurBrute[], ctx?: Partial<ContexteCalcul>, registre: Registre = REGISTRE): Explication {
  const f = trouverFonction(nom, registre);
  return expliquerAvec((t) => evaluerDefinition(f, valeurs, ctx, t));
}

/** Named call, as `evaluerObjet`: keys are the Excel argument names; unknown keys are refused. */
export function expliquerObjet(nom: string, valeurs: Readonly<Record<string, ValeurBrute>>, ctx?: Partial<ContexteCalcul>, registre: Registre = REGISTRE): Explication {
  const f = trouverFonction(nom, registre);
  return expliquerAvec((t) => evaluerObjetAvec(f, valeurs, ctx, t));
}
