import { arrondiCentime, dec, type DecimalInput, type Montant } from "./money.ts";
import { nombrePersonnes, unitesConsommation, type Foyer } from "./foyer.ts";

/** There is no legal definition of the reste à vivre: the method is always a parameter and always shown. */
export const METHODES_RAV = ["mensuel", "jour_personne", "uc", "jour_uc"] as const;
export type MethodeRav = (typeof METHODES_RAV)[number];

export const LIBELLES_METHODE_RAV: Record<MethodeRav, string> = {
  mensuel: "Reste à vivre mensuel du foyer",
  jour_personne: "Reste à vivre par jour et par personne (mois de 30 jours)",
  uc: "Reste à vivre mensuel par unité de consommation (OCDE modifiée)",
  jour_uc: "Reste à vivre par jour et par unité de consommation (mois de 30 jours)",
};

/** Exact, unrounded value: callers that chain computations round once, at the end. */
export function resteAVivreExact(ressources: DecimalInput, charges: DecimalInput, foyer: Foyer, methode: MethodeRav): Montant {
  const mensuel = dec(ressources).minus(dec(charges));
  switch (methode) {
    case "mensuel":
      return mensuel;
    case "jour_personne":
      return mensuel.dividedBy(nombrePersonnes(foyer)).dividedBy(30);
    case "uc":
      return mensuel.dividedBy(unitesConsommation(foyer));
    case "jour_uc":
      return mensuel.dividedBy(unitesConsommation(foyer)).dividedBy(30);
  }
}

/** Reste à vivre rounded half-up to the cent; negative when charges exceed resources. */
export function resteAVivre(ressources: DecimalInput, charges: DecimalInput, foyer: Foyer, methode: MethodeRav = "mensuel"): Montant {
  return arrondiCentime(resteAVivreExact(ressources, charges, foyer, methode));
}
