import { arrondi, centimesExacts, dec, type DecimalInput, type Montant } from "./money.ts";
import { nombrePersonnes, unitesConsommation, type Foyer } from "./foyer.ts";
import type { CatalogueBaremes } from "./baremes/catalogue.ts";

/** Where the OCDE scale is read for the per-UC methods: the barème in force on `date` (today when omitted). */
export interface LectureEchelle {
  date?: string;
  catalogue?: CatalogueBaremes;
}

/** There is no legal definition of the reste à vivre: the method is always a parameter and always shown. */
export const METHODES_RAV = ["mensuel", "jour_personne", "uc", "jour_uc"] as const;
export type MethodeRav = (typeof METHODES_RAV)[number];

export const LIBELLES_METHODE_RAV: Record<MethodeRav, string> = {
  mensuel: "Reste à vivre mensuel du foyer",
  jour_personne: "Reste à vivre par jour et par personne (mois de 30 jours)",
  uc: "Reste à vivre mensuel par unité de consommation (OCDE modifiée)",
  jour_uc: "Reste à vivre par jour et par unité de consommation (mois de 30 jours)",
};

function parMethode(montant: Montant, foyer: Foyer, methode: MethodeRav, e: LectureEchelle = {}): Montant {
  const uc = () => unitesConsommation(foyer, e.date, e.catalogue);
  switch (methode) {
    case "mensuel":
      return montant;
    case "jour_personne":
      return montant.dividedBy(nombrePersonnes(foyer) * 30);
    case "uc":
      return montant.dividedBy(uc());
    case "jour_uc":
      return montant.dividedBy(uc().times(30));
  }
}

/** Exact, unrounded value: callers that chain computations round once, at the end. */
export function resteAVivreExact(ressources: DecimalInput, charges: DecimalInput, foyer: Foyer, methode: MethodeRav, echelle: LectureEchelle = {}): Montant {
  return parMethode(dec(ressources).minus(dec(charges)), foyer, methode, echelle);
}

/** Reste à vivre rounded half-up to the cent; negative when charges exceed resources. */
export function resteAVivre(ressources: DecimalInput, charges: DecimalInput, foyer: Foyer, methode: MethodeRav = "mensuel", echelle: LectureEchelle = {}): Montant {
  // The same division carried out on cents, where rounding to the cent is rounding to a whole number.
  const centimes = parMethode(centimesExacts(ressources).minus(centimesExacts(charges)), foyer, methode, echelle);
  return arrondi(centimes, 0).dividedBy(100);
}
