import type { DonneesBareme, schemaValeursRsaMajore } from "../valeurs.ts";

// Data only. Source: ../shared/reference/regulation.md §5.2 (OpenFisca-France rsa_maj/majoration_isolement_en_base_rsa)
// and the independent check of issue 13 (same coefficients, CASF R.262-1).

export const rsaMajorationIsolement = {
  id: "rsa_majoration_isolement",
  libelle: "RSA majoré pour isolement : coefficients",
  unite: "coefficient du montant forfaitaire d'une personne seule (1,28412 = 128,412 %)",
  description:
    "Montant forfaitaire majoré du RSA (CASF L.262-9) d'un parent isolé ou d'une femme enceinte isolée pendant la période de majoration : 128,412 % du montant forfaitaire d'une personne seule, plus 42,804 % par enfant à charge. Il remplace le montant ordinaire du foyer et sert de minimum laissé au ménage surendetté (C. consommation L.731-2, R.731-1).",
  clePrincipale: "coefficientBase",
  regles: [
    "Montant majoré = montant forfaitaire d'une personne seule (barème rsa_montant_forfaitaire) × (coefficientBase + coefficientParEnfant × nombre d'enfants à charge), arrondi au centime (demi-centime vers le haut), comme le montant ordinaire.",
    "Enfants comptés : les enfants ou personnes de moins de 25 ans à charge (CASF R.262-3) ; LogSoc ne compte pas de supplément pour une personne à charge de 25 ans ou plus (un ascendant), le texte parlant d'« enfant à charge ».",
    "Période de majoration : celle de CASF L.262-9 (ses durées ne sont pas reprises dans LogSoc) ; c'est au conseiller de dire si le foyer y est (argument isolement_majore).",
    "Le forfait logement se calcule comme pour le montant ordinaire : sur le montant non majoré d'un foyer de 1, 2 ou 3 personnes et plus (R.262-10).",
  ],
  lacunes: ["Texte du décret n° 2009-404 non relu : coefficients repris d'OpenFisca-France et recoupés par la vérification indépendante de l'issue 13."],
  versions: [
    {
      dateEffet: "2009-06-01",
      valeurs: { coefficientBase: 1.28412, coefficientParEnfant: 0.42804 },
      source: {
        texte: "Décret n° 2009-404 du 15 avril 2009 relatif au revenu de solidarité active (CASF R.262-1, montant majoré de l'article L.262-9)",
        reference: "CASF art. L.262-9 (majoration pour isolement) et R.262-1 (128,412 % du montant forfaitaire d'une personne seule, 42,804 % par enfant à charge)",
        autresSources: ["OpenFisca-France, prestations_sociales/solidarite_insertion/minima_sociaux/rsa/rsa_maj/majoration_isolement_en_base_rsa (commit a7038ee)"],
      },
      statut: "officiel",
      recoupements: [
        "Vérification indépendante contre les textes (issue 13, décembre 2026) : 128,412 % du montant de base et 42,804 % par enfant, CASF R.262-1.",
        "Exemple : avril 2026, parent isolé avec un enfant : 651,69 × (1,28412 + 0,42804) = 651,69 × 1,71216 = 1 115,80 €.",
      ],
    },
  ],
} satisfies DonneesBareme<typeof schemaValeursRsaMajore>;
