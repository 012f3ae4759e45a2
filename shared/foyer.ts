import { dec, type Montant } from "./money.ts";
import { SANS_TRACE, type Trace } from "./explication/traceur.ts";

/** Persons aged 14 or more (the applicant included) and children under 14: what INSEE's scale needs. */
export interface Foyer {
  personnes14Plus: number;
  enfantsMoins14: number;
}

export function nombrePersonnes(f: Foyer): number {
  return f.personnes14Plus + f.enfantsMoins14;
}

const REFERENCE_OCDE = "Insee, échelle d'équivalence OCDE modifiée (définition c1802)";

/** Unités de consommation, échelle OCDE modifiée (INSEE, définition c1802): 1 + 0,5 per other person 14+ + 0,3 per child under 14. */
export function unitesConsommation(f: Foyer, t: Trace = SANS_TRACE): Montant {
  // Weights counted in tenths with integers (exact for whole persons), then one decimal division each.
  const autres = f.personnes14Plus - 1;
  const ucAutres = dec(5 * autres).dividedBy(10);
  const ucEnfants = dec(3 * f.enfantsMoins14).dividedBy(10);
  const uc = ucAutres.plus(ucEnfants).plus(1);
  if (t.actif) {
    const p = t.entree("Personnes de 14 ans ou plus (demandeur compris)", f.personnes14Plus, "personnes", "personnes_14_plus");
    const e = t.entree("Enfants de moins de 14 ans", f.enfantsMoins14, "enfants", "enfants_moins_14");
    const premier = t.constante("Poids du premier adulte (le demandeur)", 1, "UC", REFERENCE_OCDE);
    const poidsAutre = t.constante("Poids de chaque autre personne de 14 ans ou plus", "0.5", "UC", REFERENCE_OCDE);
    const poidsEnfant = t.constante("Poids de chaque enfant de moins de 14 ans", "0.3", "UC", REFERENCE_OCDE);
    const nAutres = t.calcul("Autres personnes de 14 ans ou plus", "personnes de 14 ans ou plus − 1 (le demandeur)", autres, "personnes", { type: "difference", de: p, moins: premier });
    const a = t.calcul("UC des autres personnes de 14 ans ou plus", "0,5 × autres personnes de 14 ans ou plus", ucAutres, "UC", { type: "produit", facteurs: [poidsAutre, nAutres] });
    const b = t.calcul("UC des enfants de moins de 14 ans", "0,3 × enfants de moins de 14 ans", ucEnfants, "UC", { type: "produit", facteurs: [poidsEnfant, e] });
    t.calcul("Unités de consommation du foyer", "1 + UC des autres personnes + UC des enfants", uc, "UC", { type: "somme", termes: [premier, a, b] }, { reference: REFERENCE_OCDE });
  }
  return uc;
}
