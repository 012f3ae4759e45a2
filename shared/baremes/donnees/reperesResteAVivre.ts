import type { DonneesBareme, schemaValeursReperes } from "../valeurs.ts";

// Data only. Source of every figure: ../shared/reference/regulation.md §2 and §3 (repères, none of them a legal rule).

const USH = {
  utilisateur: "Union sociale pour l'habitat (Christophe Canu), cité dans « Logement social et santé mentale », p. 22",
  nature: "seuil d'alerte du reste à vivre",
  unite: "€ par jour et par personne",
  depuis: "non daté",
  minimum: 10,
  maximum: 15,
};
const FSL_22 = {
  utilisateur: "Fonds de solidarité pour le logement des Côtes-d'Armor (règlement intérieur, annexe 2)",
  nature: "plafond de ressources mensuelles moyennes (3 mois) pour une aide du FSL",
  unite: "€ par mois",
  depuis: "2009-01-01",
  unePersonne: 1015,
  deuxPersonnes: 1525,
  troisPersonnes: 2030,
  quatrePersonnes: 2540,
  cinqPersonnes: 3050,
  parPersonneSupplementaire: 500,
};
const FSL_28 = {
  utilisateur: "Fonds de solidarité pour le logement d'Eure-et-Loir (règlement intérieur du 16 décembre 2019)",
  nature: "plafond de ressources égal au seuil de pauvreté à 60 % (Insee 2016)",
  unite: "€ par mois",
  depuis: "janvier 2020",
  personneSeule: 1026,
  parPersonneSupplementaire: 513,
};
const CELLULE_USH = { cle: "ushSeuilAlerte", statut: "non_verifie", note: "Chiffre non daté, cité de seconde main dans un mémoire ; aucune publication de l'USH lue." } as const;
const REFERENCE = "Aucune définition légale du reste à vivre pour le logement social ; seuils propres à chaque FSL, bailleur ou commission";
const OF_LOCAL_22 = "openfisca-france-local, parameters/departements/cotes_d_armor.yml (valeurs au 2009-01-01)";
const OF_LOCAL_28 = "openfisca-france-local, parameters/departements/eure_et_loir/fsl.yml";
const THESE = "online.flipbuilder.com/pdav/nmzj (« Logement social et santé mentale », p. 22)";

export const reperesResteAVivre = {
  id: "reperes_reste_a_vivre",
  libelle: "Repères de reste à vivre",
  unite: "selon le repère (€ par jour et par personne, € par mois)",
  description:
    "Seuils de reste à vivre ou de ressources utilisés par des acteurs nommés (USH, FSL, commissions de surendettement), à titre de repères : il n'existe pas de définition légale du reste à vivre et chaque repère indique qui l'utilise, depuis quand et ce qu'il mesure.",
  regles: ["La méthode de calcul du reste à vivre (mensuel, par jour et par personne, par UC) doit toujours être indiquée avec le résultat (voir la fonction RESTE_A_VIVRE)."],
  lacunes: [
    "Aucun seuil actuel et daté en € par jour et par personne ou en € par UC d'un FSL ou d'un bailleur nommé n'a été trouvé.",
    "Quotient familial du FSL de Gironde (antérieur à 2009, non daté) non repris.",
    "Barème officiel des commissions de surendettement (forfaits habitation, chauffage) non trouvé.",
  ],
  versions: [
    {
      dateEffet: "2009-01-01",
      valeurs: { ushSeuilAlerte: USH, fslCotesDArmor: FSL_22 },
      source: { texte: "Règlement intérieur du FSL des Côtes-d'Armor (annexe 2) ; pratique de l'USH", reference: REFERENCE, autresSources: [OF_LOCAL_22, THESE] },
      statut: "officiel",
      statutsCellules: [CELLULE_USH],
    },
    {
      dateEffet: "2020-01-01",
      valeurs: { ushSeuilAlerte: USH, fslCotesDArmor: FSL_22, fslEureEtLoir: FSL_28 },
      source: { texte: "Règlement intérieur du FSL d'Eure-et-Loir du 16 décembre 2019 ; règlement intérieur du FSL des Côtes-d'Armor ; pratique de l'USH", reference: REFERENCE, autresSources: [OF_LOCAL_28, OF_LOCAL_22, THESE] },
      statut: "officiel",
      statutsCellules: [CELLULE_USH],
      lacunes: ["Jour exact d'entrée en vigueur du règlement d'Eure-et-Loir non relevé (janvier 2020)."],
    },
    {
      dateEffet: "2024-01-01",
      valeurs: {
        ushSeuilAlerte: USH,
        fslCotesDArmor: FSL_22,
        fslEureEtLoir: FSL_28,
        banqueDeFranceForfaitBase: {
          utilisateur: "Commissions de surendettement (Banque de France), « forfait de base » du budget vie courante",
          nature: "forfait de dépenses courantes (alimentation, habillement, hygiène…)",
          unite: "€ par mois",
          depuis: "2024 (jour exact inconnu)",
          personneSeule: 573,
          couple: 774,
          parPersonneSupplementaire: 201,
        },
      },
      source: {
        texte: "Barème forfaitaire des commissions de surendettement (valeurs 2024, source non officielle) ; règlements intérieurs des FSL ; pratique de l'USH",
        reference: `${REFERENCE} ; C. consommation L.731-2, R.731-1 à R.731-3 (budget vie courante)`,
        autresSources: ["aide-financiere.net/forfait-base-surendettement", OF_LOCAL_28, OF_LOCAL_22, THESE],
      },
      statut: "officiel",
      statutsCellules: [
        CELLULE_USH,
        { cle: "banqueDeFranceForfaitBase", statut: "non_verifie", note: "Source non officielle unique (aide-financiere.net) ; le barème des commissions figure dans leurs règlements intérieurs, dont aucune copie officielle n'a été lue." },
      ],
      lacunes: ["Date exacte d'application du forfait de base 2024 inconnue."],
    },
  ],
} satisfies DonneesBareme<typeof schemaValeursReperes>;
