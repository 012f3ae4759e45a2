import { arrondiCentime, D, dec, ZERO, type DecimalInput, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import { FRACTION, type ValeursSaisie } from "./baremes/valeurs.ts";

/**
 * Quotité saisissable of a monthly net remuneration (C. trav. R.3252-2, R.3252-3, R.3252-5).
 *
 * The barème is annual and progressive; applied monthly, every threshold (and the per-dependant
 * increase) is divided by 12. Since the barème is piecewise linear and homogeneous, the monthly amount
 * equals the annual barème applied to 12 × the monthly remuneration, divided by 12: computing it that
 * way keeps every intermediate figure exact (thresholds / 12 are not decimal numbers) and divides once.
 *
 * The debtor always keeps at least the RSA for one person (R.3252-5), whatever the number of
 * dependants: saisie = min(barème, max(0, remuneration − RSA 1 personne)).
 *
 * Rounding: the result is rounded half-up to the cent, once, at the end.
 */

export const PERSONNES_A_CHARGE_MAX = 30;

function fraction(s: string): { num: bigint; den: bigint } {
  const m = FRACTION.exec(s)!;
  return { num: BigInt(m[1]!), den: BigInt(m[2]!) };
}

function pgcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : pgcd(b, a % b);
}

/** The barème part alone (before the RSA floor), exact: annual barème on 12 × remuneration, / 12. */
export function quotiteBaremeExacte(remunerationMensuelle: DecimalInput, personnesACharge: number, valeurs: ValeursSaisie): Montant {
  const r = dec(remunerationMensuelle);
  if (r.isNegative()) throw new ErreurLogsoc("HORS_LIMITES", "La rémunération mensuelle nette ne peut pas être négative.", ["remuneration_mensuelle_nette"]);
  if (!Number.isInteger(personnesACharge) || personnesACharge < 0 || personnesACharge > PERSONNES_A_CHARGE_MAX) {
    throw new ErreurLogsoc("HORS_LIMITES", `Le nombre de personnes à charge doit être un entier de 0 à ${PERSONNES_A_CHARGE_MAX} (reçu : ${personnesACharge}).`, ["personnes_a_charge"]);
  }
  const annuel = r.times(12);
  const majoration = dec(valeurs.majorationParPersonneACharge).times(personnesACharge);
  const s = valeurs.seuilsAnnuels;
  const seuils = [s.s1, s.s2, s.s3, s.s4, s.s5, s.s6].map((x) => dec(x).plus(majoration));
  const f = valeurs.fractions;
  const fractions = [f.t1, f.t2, f.t3, f.t4, f.t5, f.t6, f.t7].map(fraction);
  // Every fraction over one common denominator, so the sum is exact and divided once.
  const denominateur = fractions.reduce((ppcm, x) => (ppcm * x.den) / pgcd(ppcm, x.den), 1n);
  let numerateur = ZERO;
  let bas = ZERO;
  for (let i = 0; i < fractions.length; i++) {
    const haut = seuils[i];
    const tranche = haut === undefined ? annuel.minus(bas) : D.min(annuel, haut).minus(bas);
    if (tranche.lessThanOrEqualTo(0)) break;
    const { num, den } = fractions[i]!;
    numerateur = numerateur.plus(tranche.times((num * (denominateur / den)).toString()));
    if (haut === undefined) break;
    bas = haut;
  }
  return numerateur.dividedBy(denominateur.toString()).dividedBy(12);
}

/** Exact quotité saisissable with the RSA floor, for the barème values and the RSA 1-person amount given. */
export function quotiteSaisissableExacteDepuis(remunerationMensuelle: DecimalInput, personnesACharge: number, valeurs: ValeursSaisie, rsaUnePersonne: DecimalInput): Montant {
  const bareme = quotiteBaremeExacte(remunerationMensuelle, personnesACharge, valeurs);
  const auDessusDuRsa = D.max(ZERO, dec(remunerationMensuelle).minus(dec(rsaUnePersonne)));
  return D.min(bareme, auDessusDuRsa);
}

/** Exact quotité saisissable with the barème and the RSA in force on `date`. */
export function quotiteSaisissableExacte(remunerationMensuelle: DecimalInput, personnesACharge: number, date: string, catalogue: CatalogueBaremes = CATALOGUE): Montant {
  const saisie = catalogue.enVigueur("saisie_remuneration", date).valeurs;
  const rsa = catalogue.enVigueur("rsa_montant_forfaitaire", date).valeurs.montant;
  return quotiteSaisissableExacteDepuis(remunerationMensuelle, personnesACharge, saisie, rsa);
}

/** Quotité saisissable in force on `date`, rounded half-up to the cent. */
export function quotiteSaisissable(remunerationMensuelle: DecimalInput, personnesACharge: number, date: string, catalogue: CatalogueBaremes = CATALOGUE): Montant {
  return arrondiCentime(quotiteSaisissableExacte(remunerationMensuelle, personnesACharge, date, catalogue));
}
