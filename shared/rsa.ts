import { arrondiCentime, D, dec, ZERO, type DecimalInput, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import type { ValeursRsa, ValeursRsaMajore } from "./baremes/valeurs.ts";

/**
 * RSA montant forfaitaire of a foyer (CASF L.262-2, R.262-1), the majorated amount for isolement
 * (L.262-9) and the forfait logement (R.262-9, R.262-10). Values come from the `rsa_montant_forfaitaire`
 * and `rsa_majoration_isolement` barèmes in force on the date asked.
 *
 * Rounding: the foyer's montant and the forfait logement are each rounded half-up to the cent, as the
 * amounts are published, and the rounded forfait is subtracted from the rounded montant.
 */

export interface CompositionRsa {
  couple: boolean;
  /** Children (or other dependants) counted in the foyer besides the applicant and the conjoint. */
  enfants: number;
  /**
   * Among `enfants`, the dependants aged 25 or more (an ascendant): they open +30 %, never the +40 % that
   * R.262-1 gives from the third child or person under 25. Absent: every dependant is under 25.
   */
  personnes25Plus?: number;
}

export const ENFANTS_MAX = 30;

function verifierComposition(c: CompositionRsa): void {
  if (!Number.isInteger(c.enfants) || c.enfants < 0 || c.enfants > ENFANTS_MAX) {
    throw new ErreurLogsoc("HORS_LIMITES", `Le nombre d'enfants doit être un entier de 0 à ${ENFANTS_MAX} (reçu : ${c.enfants}).`, ["enfants"]);
  }
  const p = c.personnes25Plus ?? 0;
  if (!Number.isInteger(p) || p < 0 || p > c.enfants) {
    throw new ErreurLogsoc(
      "HORS_LIMITES",
      `Le nombre de personnes à charge de 25 ans ou plus doit être un entier de 0 au nombre d'enfants ou personnes à charge (${c.enfants}) ; reçu : ${p}.`,
      ["personnes_25_plus"],
    );
  }
}

export function nombrePersonnesRsa(c: CompositionRsa): number {
  return (c.couple ? 2 : 1) + c.enfants;
}

/** Dependants under 25: the "enfants" of R.262-1's +40 % and of the majorated amount's supplement. */
export function enfantsMoins25(c: CompositionRsa): number {
  return c.enfants - (c.personnes25Plus ?? 0);
}

/**
 * Household coefficient (R.262-1): 1, +50 % for the 2nd person of the foyer, +30 % for each further
 * person, raised to +40 % for each child or person under 25 from the third one (the conjoint is never
 * one of them). In the barème's terms: 4th person +30 % in a couple (2nd child) or +40 % for a single
 * parent (3rd child), each further person +40 % — as long as every dependant is under 25.
 *
 * Persons are ranked conjoint first, then dependants under 25, then those aged 25 or more; the total
 * does not depend on that order (whoever is the 2nd person, the under-25 dependants from the third
 * one are the ones raised to 40 %).
 */
export function coefficientRsa(majorations: ValeursRsa["majorations"], c: CompositionRsa): Montant {
  verifierComposition(c);
  const n = nombrePersonnesRsa(c);
  const premierDependant = c.couple ? 3 : 2;
  const moins25 = enfantsMoins25(c);
  let coefficient = dec(1);
  for (let rang = 2; rang <= n; rang++) {
    const rangMoins25 = rang - premierDependant + 1; // 1 for the first dependant under 25…
    const quaranteCent = rang >= premierDependant && rangMoins25 >= 3 && rangMoins25 <= moins25;
    const m =
      rang === 2 ? majorations.deuxiemePersonne
      : quaranteCent ? (rang === 4 ? majorations.quatriemePersonneIsole : majorations.personneSupplementaire)
      : rang === 4 && c.couple ? majorations.quatriemePersonneCouple
      : majorations.troisiemePersonne;
    coefficient = coefficient.plus(dec(m));
  }
  return coefficient;
}

/** Montant forfaitaire of the foyer for the given barème values, rounded to the cent. */
export function montantForfaitaireRsaDepuis(valeurs: ValeursRsa, c: CompositionRsa): Montant {
  return arrondiCentime(dec(valeurs.montant).times(coefficientRsa(valeurs.majorations, c)));
}

/** Coefficient of the majorated amount (L.262-9, R.262-1): base + supplement per child under 25. */
export function coefficientRsaMajore(majore: ValeursRsaMajore, c: CompositionRsa): Montant {
  verifierComposition(c);
  if (c.couple) {
    throw new ErreurLogsoc(
      "ENTREE_INVALIDE",
      "Le RSA majoré pour isolement (CASF L.262-9) concerne une personne isolée : « isolement_majore » ne peut pas valoir VRAI pour un couple.",
      ["isolement_majore"],
    );
  }
  return dec(majore.coefficientBase).plus(dec(majore.coefficientParEnfant).times(enfantsMoins25(c)));
}

/** Majorated montant forfaitaire of an isolated parent or pregnant woman, rounded to the cent. */
export function montantMajoreRsaDepuis(valeurs: ValeursRsa, majore: ValeursRsaMajore, c: CompositionRsa): Montant {
  return arrondiCentime(dec(valeurs.montant).times(coefficientRsaMajore(majore, c)));
}

/**
 * Forfait logement: 12 % of the 1-person amount for a foyer of one, 16 % of the 2-person amount for a
 * foyer of two, 16.5 % of the 3-person amount for three or more; rounded to the cent. The plain amounts,
 * also for a majorated RSA (R.262-10 names the montant of L.262-2).
 */
export function forfaitLogementRsaDepuis(valeurs: ValeursRsa, c: CompositionRsa): Montant {
  verifierComposition(c);
  const n = nombrePersonnesRsa(c);
  const base = dec(valeurs.montant);
  const { majorations: m, forfaitLogement: f } = valeurs;
  if (n === 1) return arrondiCentime(base.times(f.unePersonne));
  if (n === 2) return arrondiCentime(base.times(dec(1).plus(m.deuxiemePersonne)).times(f.deuxPersonnes));
  return arrondiCentime(base.times(dec(1).plus(m.deuxiemePersonne).plus(m.troisiemePersonne)).times(f.troisPersonnesOuPlus));
}

/**
 * `true`: the whole forfait (housed free, owner without loan, or an aid at least the forfait); `false`
 * or absent: none; an amount: the monthly housing aid actually received, the forfait being deducted
 * within the limit of that aid (R.262-10).
 */
export type ForfaitLogement = boolean | DecimalInput;

export interface OptionsRsa {
  forfaitLogement?: ForfaitLogement;
  /** Parent isolé or isolated pregnant woman during the majoration period (L.262-9). */
  isolementMajore?: boolean;
  catalogue?: CatalogueBaremes;
}

/** The forfait actually deducted: none, the whole forfait, or the forfait capped at the aid received. */
export function forfaitDeduit(forfait: Montant, forfaitLogement: ForfaitLogement | undefined): Montant {
  if (forfaitLogement === undefined || forfaitLogement === false) return ZERO;
  if (forfaitLogement === true) return forfait;
  const aide = dec(forfaitLogement);
  if (aide.isNegative()) {
    throw new ErreurLogsoc("HORS_LIMITES", `L'aide au logement perçue ne peut pas être négative (reçu : ${aide.toString()} €).`, ["forfait_logement"]);
  }
  return D.min(forfait, aide);
}

/** RSA montant forfaitaire of the foyer (majorated for isolement when asked) in force on `date`, less the forfait logement deducted. */
export function rsaForfaitaire(c: CompositionRsa, date: string, options: OptionsRsa = {}): Montant {
  const cat = options.catalogue ?? CATALOGUE;
  const valeurs = cat.enVigueur("rsa_montant_forfaitaire", date).valeurs;
  const montant = options.isolementMajore
    ? montantMajoreRsaDepuis(valeurs, cat.enVigueur("rsa_majoration_isolement", date).valeurs, c)
    : montantForfaitaireRsaDepuis(valeurs, c);
  return montant.minus(forfaitDeduit(forfaitLogementRsaDepuis(valeurs, c), options.forfaitLogement));
}
