import { arrondi, centimesExacts, dec, type DecimalInput, type Montant } from "./money.ts";
import { nombrePersonnes, unitesConsommation, type Foyer } from "./foyer.ts";
import { SANS_TRACE, type Ref, type Trace } from "./explication/traceur.ts";

/** There is no legal definition of the reste à vivre: the method is always a parameter and always shown. */
export const METHODES_RAV = ["mensuel", "jour_personne", "uc", "jour_uc"] as const;
export type MethodeRav = (typeof METHODES_RAV)[number];

export const LIBELLES_METHODE_RAV: Record<MethodeRav, string> = {
  mensuel: "Reste à vivre mensuel du foyer",
  jour_personne: "Reste à vivre par jour et par personne (mois de 30 jours)",
  uc: "Reste à vivre mensuel par unité de consommation (OCDE modifiée)",
  jour_uc: "Reste à vivre par jour et par unité de consommation (mois de 30 jours)",
};

const UNITE_RAV: Record<MethodeRav, string> = { mensuel: "€/mois", jour_personne: "€/jour/personne", uc: "€/mois/UC", jour_uc: "€/jour/UC" };
const REFERENCE_RAV = "Pas de définition légale : méthode choisie et indiquée (ressources − charges, rapportées au foyer)";
const JOURS = "Mois compté pour 30 jours (convention de la méthode)";

/**
 * The monthly amount divided as the method says. `montant` may be in cents (the rounded path) or in
 * euros (the exact one); `mensuel` is its step when traced, in the same unit as `centimes` says.
 */
function parMethode(montant: Montant, foyer: Foyer, methode: MethodeRav, t: Trace = SANS_TRACE, mensuel: Ref = -1, centimes = false): Montant {
  const libelle = LIBELLES_METHODE_RAV[methode];
  switch (methode) {
    case "mensuel":
      return montant;
    case "jour_personne": {
      const n = nombrePersonnes(foyer);
      const diviseur = n * 30;
      const r = montant.dividedBy(diviseur);
      if (t.actif) {
        const p = t.entree("Personnes de 14 ans ou plus (demandeur compris)", foyer.personnes14Plus, "personnes", "personnes_14_plus");
        const e = t.entree("Enfants de moins de 14 ans", foyer.enfantsMoins14, "enfants", "enfants_moins_14");
        const personnes = t.calcul("Personnes du foyer", "personnes de 14 ans ou plus + enfants de moins de 14 ans", n, "personnes", { type: "somme", termes: [p, e] });
        const jours = t.constante("Jours par mois", 30, "jours", JOURS);
        const d = t.calcul("Jours-personnes du mois", "30 × personnes du foyer", diviseur, "jours-personnes", { type: "produit", facteurs: [jours, personnes] });
        t.calcul(libelle, "RAV mensuel / (30 × personnes)", r, UNITE_RAV[methode], { type: "quotient", dividende: mensuel, diviseur: d }, { centimes });
      }
      return r;
    }
    case "uc": {
      const uc = unitesConsommation(foyer, undefined, undefined, t);
      const r = montant.dividedBy(uc);
      if (t.actif) t.calcul(libelle, "RAV mensuel / UC", r, UNITE_RAV[methode], { type: "quotient", dividende: mensuel, diviseur: t.derniere() }, { centimes });
      return r;
    }
    case "jour_uc": {
      const uc = unitesConsommation(foyer, undefined, undefined, t);
      const refUc = t.derniere();
      const diviseur = uc.times(30);
      const r = montant.dividedBy(diviseur);
      if (t.actif) {
        const jours = t.constante("Jours par mois", 30, "jours", JOURS);
        const d = t.calcul("Jours-UC du mois", "30 × UC", diviseur, "jours-UC", { type: "produit", facteurs: [jours, refUc] });
        t.calcul(libelle, "RAV mensuel / (30 × UC)", r, UNITE_RAV[methode], { type: "quotient", dividende: mensuel, diviseur: d }, { centimes });
      }
      return r;
    }
  }
}

/** Exact, unrounded value: callers that chain computations round once, at the end. */
export function resteAVivreExact(ressources: DecimalInput, charges: DecimalInput, foyer: Foyer, methode: MethodeRav): Montant {
  return parMethode(dec(ressources).minus(dec(charges)), foyer, methode);
}

/** Reste à vivre rounded half-up to the cent; negative when charges exceed resources. */
export function resteAVivre(ressources: DecimalInput, charges: DecimalInput, foyer: Foyer, methode: MethodeRav = "mensuel", t: Trace = SANS_TRACE): Montant {
  // The same division carried out on cents, where rounding to the cent is rounding to a whole number.
  const r = centimesExacts(ressources);
  const c = centimesExacts(charges);
  const difference = r.minus(c);
  let mensuel: Ref = -1;
  if (t.actif) {
    const refR = t.entree("Ressources mensuelles du foyer", r, "€/mois", "ressources", { centimes: true });
    const refC = t.entree("Charges mensuelles du foyer", c, "€/mois", "charges", { centimes: true });
    mensuel = t.calcul(
      LIBELLES_METHODE_RAV.mensuel,
      "ressources − charges",
      difference,
      "€/mois",
      { type: "difference", de: refR, moins: refC },
      { centimes: true, reference: REFERENCE_RAV },
    );
  }
  const centimes = parMethode(difference, foyer, methode, t, mensuel, true);
  const arrondis = arrondi(centimes, 0);
  if (t.actif && !arrondis.equals(centimes)) {
    t.calcul(`${LIBELLES_METHODE_RAV[methode]}, arrondi au centime`, "arrondi au centime le plus proche", arrondis, UNITE_RAV[methode], { type: "arrondi", de: t.derniere(), decimales: 2, sens: "au_plus_proche" }, { centimes: true });
  }
  return arrondis.dividedBy(100);
}
