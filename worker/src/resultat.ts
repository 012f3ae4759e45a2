import { estCelluleDate, type Resultat } from "../../shared/fonctions/types.ts";
import type { ValeurBrute } from "../../shared/fonctions/arguments.ts";
import { ApiError, pointeur } from "./problem.ts";

/** Dates inside a returned table become ISO strings, as the CLI prints them. */
export function resultatJson(r: Resultat): unknown {
  if (!Array.isArray(r)) return r;
  return r.map((ligne) => ligne.map((cellule) => (estCelluleDate(cellule) ? cellule.date : cellule)));
}

/** Excel ranges are at most two-dimensional; deeper nesting is refused before it reaches the engine. */
const PROFONDEUR_MAX = 2;

/**
 * Checks that every body value is something a cell or a range can hold (number, text, boolean,
 * null, or an array of those up to two levels), and names the first one that is not.
 */
export function valeursBrutes(corps: Record<string, unknown>): Record<string, ValeurBrute> {
  const verifier = (v: unknown, chemin: (string | number)[], profondeur: number): void => {
    if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return;
    if (Array.isArray(v)) {
      if (profondeur >= PROFONDEUR_MAX) {
        throw new ApiError("ENTREE_INVALIDE", `« ${chemin[0]} » : une plage a au plus deux dimensions (lignes et colonnes).`, [
          { pointer: pointeur(chemin), detail: "Tableau imbriqué trop profond." },
        ]);
      }
      v.forEach((x, i) => verifier(x, [...chemin, i], profondeur + 1));
      return;
    }
    throw new ApiError("ENTREE_INVALIDE", `« ${chemin[0]} » attend un nombre, un texte, VRAI/FAUX ou une plage (tableau), pas un objet.`, [
      { pointer: pointeur(chemin), detail: "Valeur de type objet non acceptée." },
    ]);
  };
  for (const [cle, v] of Object.entries(corps)) verifier(v, [cle], 0);
  return corps as Record<string, ValeurBrute>;
}
