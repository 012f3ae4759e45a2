import { dec, type Montant } from "./money.ts";

/** Persons aged 14 or more (the applicant included) and children under 14: what INSEE's scale needs. */
export interface Foyer {
  personnes14Plus: number;
  enfantsMoins14: number;
}

export function nombrePersonnes(f: Foyer): number {
  return f.personnes14Plus + f.enfantsMoins14;
}

/** Unités de consommation, échelle OCDE modifiée (INSEE, définition c1802): 1 + 0,5 per other person 14+ + 0,3 per child under 14. */
export function unitesConsommation(f: Foyer): Montant {
  // Counted in tenths of a unit with integers (exact for whole persons), then one decimal division.
  return dec(10 + 5 * (f.personnes14Plus - 1) + 3 * f.enfantsMoins14).dividedBy(10);
}
