import { arrondi, centimesExacts, type DecimalInput, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { formatEuros } from "./format.ts";

/**
 * Taux d'effort, arrêté du 10 mars 2011 (CCH R.441-3-1):
 * (loyer principal + annexes + charges récupérables − aide au logement) / ressources mensuelles of the future household.
 * A fraction rounded half-up to 4 decimals (0.2345 = 23,45 %).
 */
export function tauxEffort(loyer: DecimalInput, charges: DecimalInput, aideLogement: DecimalInput, ressources: DecimalInput): Montant {
  // A ratio of amounts: computed on cents, which spares decimal conversions of every input.
  const r = centimesExacts(ressources);
  if (r.lessThanOrEqualTo(0)) {
    throw new ErreurLogsoc("DIVISION_PAR_ZERO", "Les ressources mensuelles doivent être supérieures à 0 pour calculer un taux d'effort.", ["ressources"]);
  }
  const depense = centimesExacts(loyer).plus(centimesExacts(charges));
  const aide = centimesExacts(aideLogement);
  // The aide au logement never exceeds the housing expense it pays for: a larger aid is a data-entry error,
  // and a negative rate would hide it.
  if (aide.greaterThan(depense)) {
    throw new ErreurLogsoc(
      "HORS_LIMITES",
      `L'aide au logement (${formatEuros(aide.dividedBy(100))}) dépasse le loyer et les charges (${formatEuros(depense.dividedBy(100))}) : vérifiez les montants saisis.`,
      ["aide_logement"],
    );
  }
  return arrondi(depense.minus(aide).dividedBy(r), 4);
}
