import type { DonneesBareme, schemaValeursReperes } from "../valeurs.ts";

// Data only. Source of every figure: ../shared/reference/regulation.md §1.2 (repères, none of them regulatory for HLM attribution).

const FSL_22 = {
  utilisateur: "Fonds de solidarité pour le logement des Côtes-d'Armor (règlement intérieur, art. 4-1 b)",
  nature: "taux d'effort maximum pour une aide du FSL",
  unite: "fraction (0,3 = 30 %)",
  depuis: "2009-01-01",
  definition: "(loyer − aide au logement) / ressources moyennes des 3 derniers mois",
  maximum: 0.3,
};
const ORGANISMES_HLM = {
  utilisateur: "Organismes HLM, selon leur politique d'attribution (pratique, aucune règle nationale)",
  nature: "fourchette des taux d'effort maximum pratiqués",
  unite: "fraction (0,3 = 30 %)",
  depuis: "pratique relevée en 2011, date de début inconnue",
  minimum: 0.2,
  maximum: 0.3,
};
const REGLE_BANCAIRE = {
  utilisateur: "Banques (règle empirique historique)",
  nature: "taux d'endettement maximum",
  unite: "fraction (0,33 = 33 %)",
  depuis: "non daté",
  maximum: 0.33,
};
const CELLULES_PRATIQUE = [
  { cle: "organismesHlm", statut: "non_verifie", note: "Pratique décrite par un blog (pascaldias.over-blog.fr, 2011) : « de 20 % à 30 % selon les organismes » ; date de début inconnue." },
  { cle: "regleBancaireHistorique", statut: "non_verifie", note: "Règle empirique souvent citée ; aucune source primaire trouvée." },
] as const;
const REFERENCE = "Aucun seuil réglementaire pour l'attribution d'un logement social : l'arrêté du 10 mars 2011 (CCH R.441-3-1) fixe seulement la méthode de calcul du taux d'effort";

export const reperesTauxEffort = {
  id: "reperes_taux_effort",
  libelle: "Repères de taux d'effort",
  unite: "fraction (0,3 = 30 %)",
  description:
    "Seuils de taux d'effort utilisés par des acteurs nommés (FSL, organismes HLM, banques), à titre de repères : aucun n'est une règle d'attribution d'un logement social. Chaque repère indique qui l'utilise, depuis quand et sa définition.",
  regles: ["Le taux d'effort se calcule selon l'arrêté du 10 mars 2011 (voir la fonction TAUX_EFFORT) ; un repère ne remplace pas l'appréciation de la commission d'attribution."],
  lacunes: ["Valeurs observées citées par le Sénat (personne seule 28,8 %, couple monoactif avec 2 enfants 25,0 % en 2006) non reprises : ce sont des moyennes, pas des seuils.", "Recommandations chiffrées de l'USH (Repères n° 47, 2018) non lues."],
  versions: [
    {
      dateEffet: "2009-01-01",
      valeurs: { fslCotesDArmor: FSL_22, organismesHlm: ORGANISMES_HLM, regleBancaireHistorique: REGLE_BANCAIRE },
      source: {
        texte: "Règlement intérieur du FSL des Côtes-d'Armor (art. 4-1 b) ; pratiques relevées",
        reference: REFERENCE,
        autresSources: ["openfisca-france-local, parameters/departements/cotes_d_armor.yml (taux_effort_maximum: 0.3, depuis 2009-01-01)", "pascaldias.over-blog.fr (2011)"],
      },
      statut: "officiel",
      statutsCellules: [...CELLULES_PRATIQUE],
    },
    {
      dateEffet: "2022-01-01",
      valeurs: {
        fslCotesDArmor: FSL_22,
        organismesHlm: ORGANISMES_HLM,
        regleBancaireHistorique: REGLE_BANCAIRE,
        hcsfCreditImmobilier: {
          utilisateur: "Banques, crédit immobilier : décision D-HCSF-2021-7 du Haut Conseil de stabilité financière du 29 septembre 2021 (JO du 10 octobre 2021)",
          nature: "taux d'effort maximum, assurance comprise",
          unite: "fraction (0,35 = 35 %)",
          depuis: "2022-01-01 (décision contraignante)",
          maximum: 0.35,
        },
      },
      source: {
        texte: "Décision D-HCSF-2021-7 du Haut Conseil de stabilité financière du 29 septembre 2021 ; règlement intérieur du FSL des Côtes-d'Armor ; pratiques relevées",
        reference: REFERENCE,
        autresSources: ["april.fr ; agefiactifs.com ; abak.ec (décision HCSF)", "openfisca-france-local, parameters/departements/cotes_d_armor.yml", "pascaldias.over-blog.fr (2011)"],
      },
      statut: "officiel",
      statutsCellules: [...CELLULES_PRATIQUE],
      recoupements: ["Décision HCSF : trois sources secondaires concordantes (35 %, contraignante depuis le 1er janvier 2022)."],
    },
  ],
} satisfies DonneesBareme<typeof schemaValeursReperes>;
