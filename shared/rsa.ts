import { arrondiCentime, dec, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import type { ValeursRsa } from "./baremes/valeurs.ts";

/**
 * RSA montant forfaitaire of a foyer (CASF L.262-2, R.262-1) and forfait logement (R.262-9, R.262-10).
 * Values come from the `rsa_montant_forfaitaire` barème in force on the date asked.
 *
 * Rounding: the foyer's montant and the forfait logement are each rounded half-up to the cent, as the
 * amounts are published, and the rounded forfait is subtracted from the rounded montant.
 */

export interface CompositionRsa {
  couple: boolean;
  /** Children (or other dependants) counted in the foyer besides the applicant and the conjoint. */
  enfants: number;
}

export const ENFANTS_MAX = 30;

function verifierComposition(c: CompositionRsa): void {
  if (!Number.isInteger(c.enfants) || c.enfants < 0 || c.enfants > ENFANTS_MAX) {
    throw new ErreurLogsoc("HORS_LIMITES", `Le nombre d'enfants doit être un entier de 0 à ${ENFANTS_MAX} (reçu : ${c.enfants}).`, ["enfants"]);
  }
}

export function nombrePersonnesRsa(c: CompositionRsa): number {
  return (c.couple ? 2 : 1) + c.enfants;
}

/**
 * Household coefficient: 1, then +50 % for the 2nd person, +30 % for the 3rd, +30 % (couple) or +40 %
 * (single parent) for the 4th, +40 % for each further person.
 */
export function coefficientRsa(majorations: ValeursRsa["majorations"], c: CompositionRsa): Montant {
  verifierComposition(c);
  const n = nombrePersonnesRsa(c);
  let coefficient = dec(1);
  for (let rang = 2; rang <= n; rang++) {
    const m =
      rang === 2 ? majorations.deuxiemePersonne
      : rang === 3 ? majorations.troisiemePersonne
      : rang === 4 ? (c.couple ? majorations.quatriemePersonneCouple : majorations.quatriemePersonneIsole)
      : majorations.personneSupplementaire;
    coefficient = coefficient.plus(dec(m));
  }
  return coefficient;
}

/** Montant forfaitaire of the foyer for the given barème values, rounded to the cent. */
export function montantForfaitaireRsaDepuis(valeurs: ValeursRsa, c: CompositionRsa): Montant {
  return arrondiCentime(dec(valeurs.montant).times(coefficientRsa(valeurs.majorations, c)));
}

/**
 * Forfait logement: 12 % of the 1-person amount for a foyer of one, 16 % of the 2-person amount for a
 * foyer of two, 16.5 % of the 3-person amount for three or more; rounded to the cent.
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

export interface OptionsRsa {
  /** Deduct the forfait logement (foyer receiving a housing aid, owner without loan, housed free). */
  forfaitLogement?: boolean;
  catalogue?: CatalogueBaremes;
}

/** RSA montant forfaitaire of the foyer in force on `date`, less the forfait logement when asked. */
export function rsaForfaitaire(c: CompositionRsa, date: string, options: OptionsRsa = {}): Montant {
  const valeurs = (options.catalogue ?? CATALOGUE).enVigueur("rsa_montant_forfaitaire", date).valeurs;
  const montant = montantForfaitaireRsaDepuis(valeurs, c);
  return options.forfaitLogement ? montant.minus(forfaitLogementRsaDepuis(valeurs, c)) : montant;
}
