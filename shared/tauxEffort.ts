import { arrondi, centimesExacts, type DecimalInput, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { formatEuros } from "./format.ts";
import { SANS_TRACE, type Trace } from "./explication/traceur.ts";

export const REFERENCE_TAUX_EFFORT = "Arrêté du 10 mars 2011 (CCH R.441-3-1)";

/**
 * Taux d'effort, arrêté du 10 mars 2011 (CCH R.441-3-1):
 * (loyer principal + annexes + charges récupérables − aide au logement) / ressources mensuelles of the future household.
 * A fraction rounded half-up to 4 decimals (0.2345 = 23,45 %).
 */
export function tauxEffort(loyer: DecimalInput, charges: DecimalInput, aideLogement: DecimalInput, ressources: DecimalInput, t: Trace = SANS_TRACE): Montant {
  // A ratio of amounts: computed on cents, which spares decimal conversions of every input.
  const r = centimesExacts(ressources);
  if (r.lessThanOrEqualTo(0)) {
    throw new ErreurLogsoc("DIVISION_PAR_ZERO", "Les ressources mensuelles doivent être supérieures à 0 pour calculer un taux d'effort.", ["ressources"]);
  }
  const l = centimesExacts(loyer);
  const c = centimesExacts(charges);
  const depense = l.plus(c);
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
  const net = depense.minus(aide);
  const exact = net.dividedBy(r);
  const taux = arrondi(exact, 4);
  if (t.actif) {
    const centimes = { centimes: true } as const;
    const refL = t.entree("Loyer (principal et annexes)", l, "€/mois", "loyer", centimes);
    const refC = t.entree("Charges récupérables", c, "€/mois", "charges", centimes);
    const refA = t.entree("Aide au logement", aide, "€/mois", "aide_logement", centimes);
    const refR = t.entree("Ressources mensuelles du foyer", r, "€/mois", "ressources", centimes);
    const refD = t.calcul("Dépense de logement", "loyer + charges", depense, "€/mois", { type: "somme", termes: [refL, refC] }, centimes);
    const refN = t.calcul("Dépense de logement, aide au logement déduite", "dépense de logement − aide au logement", net, "€/mois", { type: "difference", de: refD, moins: refA }, centimes);
    const juste = taux.equals(exact);
    const refQ = t.calcul(juste ? "Taux d'effort" : "Taux d'effort avant arrondi", "dépense nette / ressources", exact, "taux", { type: "quotient", dividende: refN, diviseur: refR }, juste ? { reference: REFERENCE_TAUX_EFFORT } : {});
    if (!juste) {
      t.calcul("Taux d'effort", "arrondi à 4 décimales (0,01 %)", taux, "taux", { type: "arrondi", de: refQ, decimales: 4, sens: "au_plus_proche" }, { reference: REFERENCE_TAUX_EFFORT });
    }
  }
  return taux;
}
