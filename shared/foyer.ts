import { dec, type Montant } from "./money.ts";
import { aujourdhui } from "./date.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import type { ValeursEchelleOcde } from "./baremes/valeurs.ts";

/** Persons aged 14 or more (the applicant included) and children under 14: what INSEE's scale needs. */
export interface Foyer {
  personnes14Plus: number;
  enfantsMoins14: number;
}

export function nombrePersonnes(f: Foyer): number {
  return f.personnes14Plus + f.enfantsMoins14;
}

/** Unités de consommation for the given weights: first adult + other person 14+ × (14+ − 1) + child under 14 × children. */
export function unitesConsommationDepuis(echelle: ValeursEchelleOcde, f: Foyer): Montant {
  return dec(echelle.premierAdulte)
    .plus(dec(echelle.autrePersonne14Plus).times(f.personnes14Plus - 1))
    .plus(dec(echelle.enfantMoins14).times(f.enfantsMoins14));
}

/**
 * Unités de consommation, échelle OCDE modifiée (INSEE, définition c1802), with the weights of the
 * `echelle_ocde_modifiee` barème in force on `date` (today when omitted): 1 + 0,5 per other person 14+
 * + 0,3 per child under 14 today. Exact (decimal weights times whole persons).
 */
export function unitesConsommation(f: Foyer, date: string = aujourdhui(), catalogue: CatalogueBaremes = CATALOGUE): Montant {
  return unitesConsommationDepuis(catalogue.enVigueur("echelle_ocde_modifiee", date).valeurs, f);
}
