import type { DonneesBareme, schemaValeursRsa } from "../valeurs.ts";

// Data only. Source of every figure: ../shared/reference/regulation.md §5 (OpenFisca-France commit a7038ee,
// parameters under openfisca_france/parameters/…), cross-checks as listed per version.

const OF_MONTANT = "OpenFisca-France, prestations_sociales/solidarite_insertion/minima_sociaux/rsa/rsa_m/montant_de_base_du_rsa.yaml (commit a7038ee)";
const OF_MAJORATIONS = "OpenFisca-France, rsa_maj/maj_montant_max/* et model/prestations/minima_sociaux/rsa.py::rsa_socle (majorations)";
const OF_FORFAIT_LOGEMENT = "OpenFisca-France, rsa_fl/forfait_logement/* (taux en vigueur depuis le 2009-06-01)";
const REFERENCE = "CASF art. L.262-2 et R.262-1 (montant forfaitaire et majorations), R.262-9 et R.262-10 (forfait logement)";

const MAJORATIONS = {
  deuxiemePersonne: 0.5,
  troisiemePersonne: 0.3,
  quatriemePersonneCouple: 0.3,
  quatriemePersonneIsole: 0.4,
  personneSupplementaire: 0.4,
};
const FORFAIT_LOGEMENT = { unePersonne: 0.12, deuxPersonnes: 0.16, troisPersonnesOuPlus: 0.165 };

export const rsaMontantForfaitaire = {
  id: "rsa_montant_forfaitaire",
  libelle: "RSA : montant forfaitaire",
  unite: "€ par mois (montant pour une personne seule) ; taux (majorations et forfait logement, 0,5 = 50 %)",
  description:
    "Montant forfaitaire mensuel du revenu de solidarité active pour une personne seule, majorations selon la composition du foyer et taux du forfait logement. Il sert au RSA du foyer, à la fraction insaisissable du salaire (RSA d'une personne) et au minimum laissé au ménage surendetté (RSA du foyer).",
  clePrincipale: "montant",
  regles: [
    "Montant du foyer = montant × (1 + majorations) (CASF R.262-1) : 2e personne du foyer +50 % (conjoint, ou 1re personne à charge d'une personne seule) ; chaque personne à charge en plus +30 % ; +40 % pour chaque enfant ou personne de moins de 25 ans à charge à partir du troisième (le conjoint n'en est jamais un). Tant que toutes les personnes à charge ont moins de 25 ans : 3e personne +30 % ; 4e personne +30 % dans un couple (2e enfant), +40 % pour un parent isolé (3e enfant) ; chaque personne suivante +40 %. Coefficients : 1 personne 1 ; 2 personnes 1,5 ; couple + 1 enfant ou isolé + 2 enfants 1,8 ; couple + 2 enfants 2,1 ; isolé + 3 enfants 2,2 ; couple + 3 enfants 2,5 ; +0,4 par enfant en plus.",
    "Personne à charge de 25 ans ou plus (un ascendant, par exemple) : +30 % (ou +50 % si elle est la 2e personne du foyer), jamais +40 % ; elle ne compte pas parmi les enfants ou personnes de moins de 25 ans (argument personnes_25_plus). Ex. : isolé + 2 enfants + 1 ascendant = 1 + 0,5 + 0,3 + 0,3 = 2,1 ; couple + 2 enfants + 1 ascendant = 1 + 0,5 + 0,3 + 0,3 + 0,3 = 2,4.",
    "Forfait logement (CASF R.262-9, R.262-10) : 12 % du montant pour une personne (foyer d'une personne), 16 % du montant pour deux personnes (foyer de deux personnes), 16,5 % du montant pour trois personnes (foyer de trois personnes ou plus). Il est déduit en entier pour les propriétaires sans emprunt et les personnes logées gratuitement ; pour les bénéficiaires d'une aide au logement, dans la limite de cette aide (forfait_logement = montant de l'aide perçue). Les mêmes montants servent pour le RSA majoré (barème rsa_majoration_isolement).",
    "Arrondi retenu par LogSoc : le montant du foyer et le forfait logement sont chacun arrondis au centime (demi-centime vers le haut), puis soustraits. Des publications de presse diffèrent parfois d'un centime (p. ex. 953,56 € ou 953,57 € pour 635,71 × 1,5 = 953,565) ; la règle d'arrondi de la CAF n'a pas été trouvée.",
  ],
  lacunes: ["Règle d'arrondi officielle des montants par composition non trouvée."],
  versions: [
    {
      dateEffet: "2022-04-01",
      valeurs: { montant: 575.52, majorations: MAJORATIONS, forfaitLogement: FORFAIT_LOGEMENT },
      source: { texte: "Décret n° 2022-699 du 26 avril 2022", reference: REFERENCE, autresSources: [OF_MONTANT, OF_MAJORATIONS, OF_FORFAIT_LOGEMENT] },
      statut: "officiel",
    },
    {
      dateEffet: "2022-07-01",
      valeurs: { montant: 598.54, majorations: MAJORATIONS, forfaitLogement: FORFAIT_LOGEMENT },
      source: {
        texte: "Loi n° 2022-1158 du 16 août 2022 portant mesures d'urgence pour la protection du pouvoir d'achat, art. 9 (revalorisation anticipée de 4 %)",
        reference: REFERENCE,
        autresSources: [OF_MONTANT, OF_MAJORATIONS, OF_FORFAIT_LOGEMENT],
      },
      statut: "officiel",
      recoupements: ["lebonplan.org (avril 2023) : passage de 598,54 € à 607,75 € au 1er avril 2023."],
    },
    {
      dateEffet: "2023-04-01",
      valeurs: { montant: 607.75, majorations: MAJORATIONS, forfaitLogement: FORFAIT_LOGEMENT },
      source: { texte: "Décret n° 2023-340 du 4 mai 2023", reference: REFERENCE, autresSources: [OF_MONTANT, OF_MAJORATIONS, OF_FORFAIT_LOGEMENT] },
      statut: "officiel",
      recoupements: ["lebonplan.org (avril 2023) : 607,75 € pour une personne seule, majoration par personne supplémentaire 243,10 € (= 607,75 × 0,4)."],
    },
    {
      dateEffet: "2024-04-01",
      valeurs: { montant: 635.71, majorations: MAJORATIONS, forfaitLogement: FORFAIT_LOGEMENT },
      source: { texte: "Décret n° 2024-396 du 29 avril 2024", reference: REFERENCE, autresSources: [OF_MONTANT, OF_MAJORATIONS, OF_FORFAIT_LOGEMENT] },
      statut: "officiel",
      recoupements: ["ffbatiment.fr (2025) et comptapprend.fr : 635,71 € depuis le 1er avril 2024 (fraction insaisissable, solde bancaire insaisissable)."],
    },
    {
      dateEffet: "2025-04-01",
      valeurs: { montant: 646.52, majorations: MAJORATIONS, forfaitLogement: FORFAIT_LOGEMENT },
      source: { texte: "Décret n° 2025-293 du 29 mars 2025", reference: REFERENCE, autresSources: [OF_MONTANT, OF_MAJORATIONS, OF_FORFAIT_LOGEMENT] },
      statut: "officiel",
      recoupements: [
        "Barème Lefebvre-Dalloz ; RMC (12/03/2025, +1,7 %) ; fo66.fr (646,52 €) ; eurex.fr (fraction insaisissable 646,52 € depuis le 1er avril 2025).",
        "Forfait logement 2025 donné par les notes de référence (calculé) : 77,58 € / 155,16 € / 192,02 €.",
      ],
    },
    {
      dateEffet: "2026-04-01",
      valeurs: { montant: 651.69, majorations: MAJORATIONS, forfaitLogement: FORFAIT_LOGEMENT },
      source: {
        texte: "Décret n° 2026-220 du 30 mars 2026 (référence donnée par OpenFisca-France)",
        reference: REFERENCE,
        autresSources: [OF_MONTANT, OF_MAJORATIONS, OF_FORFAIT_LOGEMENT],
      },
      statut: "officiel",
      statutsCellules: [
        {
          cle: "montant",
          statut: "non_verifie",
          note: "Source unique : OpenFisca-France ; le texte du décret n'a pas été lu. Cohérent avec l'estimation de Moneyvox (revalorisation de 0,8 à 0,9 %, au plus 652,34 €).",
        },
      ],
      lacunes: ["Montant 2026 non recoupé par une seconde source (notes de référence : « OF only »)."],
    },
  ],
} satisfies DonneesBareme<typeof schemaValeursRsa>;
