import { D, dec, type Montant } from "../money.ts";
import type { Etape, Operation } from "./types.ts";

/**
 * Redoes each step's arithmetic from the values of the steps it names, as a reader with a pocket
 * calculator would: what the property tests check on thousands of explanations, and what lets a
 * surface refuse an explanation that does not add up. Rounding steps must match exactly; every other
 * step to the cent (a step's value is a JSON number, so an exact 1/3 is only written to 17 digits).
 */

export const TOLERANCE = new D("0.005");

export function operandes(o: Operation): number[] {
  switch (o.type) {
    case "entree":
    case "constante":
    case "bareme":
      return [];
    case "somme":
    case "minimum":
    case "maximum":
      return o.termes;
    case "produit":
      return o.facteurs;
    case "difference":
      return [o.de, o.moins];
    case "quotient":
      return [o.dividende, o.diviseur];
    case "arrondi":
    case "reprise":
      return [o.de];
  }
}

/** The value the operation gives from the earlier steps' values; null for a value that is given, not computed. */
export function recalculer(o: Operation, valeurs: readonly Montant[]): Montant | null {
  const v = (i: number) => valeurs[i]!;
  switch (o.type) {
    case "entree":
    case "constante":
    case "bareme":
      return null;
    case "somme":
      return o.termes.reduce((s, i) => s.plus(v(i)), dec(0));
    case "difference":
      return v(o.de).minus(v(o.moins));
    case "produit":
      return o.facteurs.reduce((s, i) => s.times(v(i)), dec(1));
    case "quotient":
      return v(o.dividende).dividedBy(v(o.diviseur));
    case "minimum":
      return D.min(...o.termes.map(v));
    case "maximum":
      return D.max(...o.termes.map(v));
    case "arrondi":
      return v(o.de).toDecimalPlaces(o.decimales, o.sens === "superieur" ? D.ROUND_CEIL : D.ROUND_HALF_UP);
    case "reprise":
      return v(o.de);
  }
}

/** Every inconsistency of the steps, in French; empty when each step can be redone from the earlier ones. */
export function verifierEtapes(etapes: readonly Etape[]): string[] {
  const erreurs: string[] = [];
  const valeurs: Montant[] = [];
  etapes.forEach((e, i) => {
    const nom = `Étape ${i + 1} (« ${e.libelle} »)`;
    const numerique = typeof e.valeur === "number" && Number.isFinite(e.valeur);
    // Only a barème value read as such (BAREME on a text key) may be a text.
    if (!numerique && e.operation.type !== "bareme") erreurs.push(`${nom} : valeur non numérique.`);
    const valeur = dec(numerique ? (e.valeur as number) : 0);
    valeurs.push(valeur);
    const ops = operandes(e.operation);
    const horsOrdre = ops.filter((j) => !Number.isInteger(j) || j < 0 || j >= i);
    if (horsOrdre.length > 0) {
      erreurs.push(`${nom} : elle utilise ${horsOrdre.map((j) => `l'étape ${j + 1}`).join(", ")}, qui ne la précède pas.`);
      return;
    }
    if (e.operation.type === "bareme" && e.bareme === undefined) erreurs.push(`${nom} : valeur de barème sans barème.`);
    if (e.operation.type === "quotient" && valeurs[e.operation.diviseur]!.isZero()) {
      erreurs.push(`${nom} : division par zéro.`);
      return;
    }
    const attendu = recalculer(e.operation, valeurs);
    if (attendu === null) return;
    const exact = e.operation.type === "arrondi" || e.operation.type === "reprise";
    const ecart = attendu.minus(valeur).abs();
    if (exact ? !ecart.isZero() : ecart.greaterThan(TOLERANCE)) {
      erreurs.push(`${nom} : le calcul donne ${attendu.toString()}, l'étape indique ${e.valeur}.`);
    }
  });
  return erreurs;
}
