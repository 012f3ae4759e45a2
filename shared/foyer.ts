import { dec, type Montant } from "./money.ts";
import { aujourdhui } from "./date.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import type { ValeursEchelleOcde } from "./baremes/valeurs.ts";
import type { VersionBareme } from "./baremes/schema.ts";
import { baremeEtape, SANS_TRACE, type Trace } from "./explication/traceur.ts";

/** Persons aged 14 or more (the applicant included) and children under 14: what INSEE's scale needs. */
export interface Foyer {
  personnes14Plus: number;
  enfantsMoins14: number;
}

export function nombrePersonnes(f: Foyer): number {
  return f.personnes14Plus + f.enfantsMoins14;
}

/**
 * Unités de consommation for the given weights: first adult + other person 14+ × (14+ − 1) + child under 14 × children.
 * Traced, `version` is the barème version the weights come from, for the steps to cite it.
 */
export function unitesConsommationDepuis(
  echelle: ValeursEchelleOcde,
  f: Foyer,
  t: Trace = SANS_TRACE,
  version?: Pick<VersionBareme<unknown>, "dateEffet" | "statut" | "statutsCellules" | "source">,
): Montant {
  const autres = f.personnes14Plus - 1;
  const ucAutres = dec(echelle.autrePersonne14Plus).times(autres);
  const ucEnfants = dec(echelle.enfantMoins14).times(f.enfantsMoins14);
  const uc = dec(echelle.premierAdulte).plus(ucAutres).plus(ucEnfants);
  if (t.actif) {
    const cite = (cle: string) => baremeEtape("echelle_ocde_modifiee", version!, cle);
    const reference = "Insee, échelle d'équivalence OCDE modifiée (définition c1802)";
    const p = t.entree("Personnes de 14 ans ou plus (demandeur compris)", f.personnes14Plus, "personnes", "personnes_14_plus");
    const e = t.entree("Enfants de moins de 14 ans", f.enfantsMoins14, "enfants", "enfants_moins_14");
    const un = t.constante("Le demandeur", 1, "personne", "Le premier adulte a son propre poids");
    const premier = t.bareme("Poids du premier adulte (le demandeur)", echelle.premierAdulte, "UC", cite("premierAdulte"), reference);
    const poidsAutre = t.bareme("Poids de chaque autre personne de 14 ans ou plus", echelle.autrePersonne14Plus, "UC", cite("autrePersonne14Plus"), reference);
    const poidsEnfant = t.bareme("Poids de chaque enfant de moins de 14 ans", echelle.enfantMoins14, "UC", cite("enfantMoins14"), reference);
    const nAutres = t.calcul("Autres personnes de 14 ans ou plus", "personnes de 14 ans ou plus − le demandeur", autres, "personnes", { type: "difference", de: p, moins: un });
    const a = t.calcul("UC des autres personnes de 14 ans ou plus", "poids × autres personnes de 14 ans ou plus", ucAutres, "UC", { type: "produit", facteurs: [poidsAutre, nAutres] });
    const b = t.calcul("UC des enfants de moins de 14 ans", "poids × enfants de moins de 14 ans", ucEnfants, "UC", { type: "produit", facteurs: [poidsEnfant, e] });
    t.calcul("Unités de consommation du foyer", "premier adulte + UC des autres personnes + UC des enfants", uc, "UC", { type: "somme", termes: [premier, a, b] }, { reference });
  }
  return uc;
}

/**
 * Unités de consommation, échelle OCDE modifiée (INSEE, définition c1802), with the weights of the
 * `echelle_ocde_modifiee` barème in force on `date` (today when omitted): 1 + 0,5 per other person 14+
 * + 0,3 per child under 14 today. Exact (decimal weights times whole persons).
 */
export function unitesConsommation(f: Foyer, date: string = aujourdhui(), catalogue: CatalogueBaremes = CATALOGUE, t: Trace = SANS_TRACE): Montant {
  const version = catalogue.enVigueur("echelle_ocde_modifiee", date);
  return unitesConsommationDepuis(version.valeurs, f, t, version);
}
