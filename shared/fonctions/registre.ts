import { ErreurLogsoc } from "../errors.ts";
import { aujourdhui } from "../date.ts";
import { coercer, type ValeurArgument, type ValeurBrute } from "./arguments.ts";
import { FONCTIONS_CALCUL } from "./calculs.ts";
import type { ContexteCalcul, DefinitionFonction, Resultat } from "./types.ts";

/** Every LOGSOC function, in the order Excel and `logsoc calc --help` list them. */
export const FONCTIONS: readonly DefinitionFonction[] = [...FONCTIONS_CALCUL];

export function trouverFonction(nom: string): DefinitionFonction {
  const f = FONCTIONS.find((x) => x.nom === nom.toUpperCase().replace(/^LOGSOC\./, ""));
  if (!f) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", `Fonction inconnue « ${nom} ». Fonctions disponibles : ${FONCTIONS.map((x) => x.nom).join(", ")}.`, ["fonction"]);
  }
  return f;
}

function contexte(ctx?: Partial<ContexteCalcul>): ContexteCalcul {
  return { aujourdhui: ctx?.aujourdhui ?? aujourdhui() };
}

/** Positional call, as Excel and the CLI make it: one raw value per argument, in order. */
export function evaluer(nom: string, valeurs: readonly ValeurBrute[], ctx?: Partial<ContexteCalcul>): Resultat {
  const f = trouverFonction(nom);
  if (valeurs.length > f.arguments.length) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", `${f.nom} accepte au plus ${f.arguments.length} arguments (${valeurs.length} reçus).`, [f.nom]);
  }
  const args: Record<string, ValeurArgument> = {};
  f.arguments.forEach((def, i) => {
    args[def.nom] = coercer(def, valeurs[i]);
  });
  return f.calculer(args, contexte(ctx));
}

/** Named call, as the API makes it: keys are the Excel argument names; unknown keys are refused. */
export function evaluerObjet(nom: string, valeurs: Readonly<Record<string, ValeurBrute>>, ctx?: Partial<ContexteCalcul>): Resultat {
  const f = trouverFonction(nom);
  const inconnus = Object.keys(valeurs).filter((k) => !f.arguments.some((a) => a.nom === k));
  if (inconnus.length > 0) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", `Argument(s) inconnu(s) pour ${f.nom} : ${inconnus.join(", ")}. Attendus : ${f.arguments.map((a) => a.nom).join(", ")}.`, inconnus);
  }
  const args: Record<string, ValeurArgument> = {};
  for (const def of f.arguments) args[def.nom] = coercer(def, valeurs[def.nom]);
  return f.calculer(args, contexte(ctx));
}
