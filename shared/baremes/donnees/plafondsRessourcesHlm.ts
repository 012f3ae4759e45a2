import type { DonneesBareme, schemaValeursPlafonds } from "../valeurs.ts";

// Data only. Sources: ../shared/reference/cal.md §1 and plafonds.json (PLUS from OpenFisca-France, PLAI 2025
// and 2026 as given there), plus the PLAI 2024 table and two 2025 cross-checks found afterwards (noted per version).
// PLS = round(PLUS × 1.3) is enforced by the values schema, so these rows cannot drift from the PLUS rows.

const REFERENCE =
  "Arrêté du 29 juillet 1987 relatif aux plafonds de ressources (NOR EQUC8700526A), art. 1 (PLS : plafonds de l'annexe I majorés de 30 %) et 2 (catégories de ménages), annexe I (PLUS) et annexe II (PLAI) ; CCH R.441-1 1° (révision au 1er janvier selon l'IRL)";
const URL_ARRETE = "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000294318";
const OF_PLUS = "OpenFisca-France, prestations_sociales/aides_logement/logement_social/plu/* (PLUS)";
const NOTE_PLS =
  "PLS = plafond PLUS × 1,3 arrondi à l'euro le plus proche (demi-euro vers le haut), cellule par cellule, montant par personne supplémentaire compris : règle de l'arrêté du 29 juillet 1987, art. 1 (« ces plafonds sont majorés de 30 % ») ; l'arrêté ne publie pas de table PLS et ne fixe pas d'arrondi : l'arrondi suit les tables publiées (tradetrans.eu pour Paris 2025, omhgrandnancy.fr pour les autres régions 2025). Catégorie 7 et plus : catégorie 6 PLS + montant PLS par personne supplémentaire × personnes en plus, comme les tables publiées (lecture retenue en décembre 2026, issue 13).";

export const plafondsRessourcesHlm = {
  id: "plafonds_ressources_hlm",
  libelle: "Plafonds de ressources du logement social (PLAI, PLUS, PLS)",
  unite: "€ par an : revenu fiscal de référence de l'année N-2 de l'ensemble des personnes vivant au foyer",
  description:
    "Plafonds de ressources pour l'attribution d'un logement social, par financement du logement (PLAI, PLUS, PLS), zone (PARIS : Paris et communes limitrophes ; IDF : Île-de-France hors Paris et communes limitrophes ; AUTRES : autres régions) et catégorie de ménage (cat1 à cat6, plus un montant par personne supplémentaire).",
  regles: [
    "Catégorie 1 : une personne seule.",
    "Catégorie 2 : deux personnes sans personne à charge, à l'exclusion des jeunes ménages ; ou une personne seule en situation de handicap.",
    "Catégorie 3 : trois personnes ; ou une personne seule avec une personne à charge ; ou un jeune ménage sans personne à charge ; ou deux personnes dont au moins une en situation de handicap.",
    "Catégorie 4 : quatre personnes ; ou une personne seule avec deux personnes à charge ; ou trois personnes dont au moins une en situation de handicap.",
    "Catégorie 5 : cinq personnes ; ou une personne seule avec trois personnes à charge ; ou quatre personnes dont au moins une en situation de handicap.",
    "Catégorie 6 : six personnes ; ou une personne seule avec quatre personnes à charge ; ou cinq personnes dont au moins une en situation de handicap.",
    "Au-delà : plafond de la catégorie 6 + montant par personne supplémentaire pour chaque personne au-delà de la composition de la catégorie 6 (LogSoc note « catégorie 7 » = catégorie 6 + 1 personne, etc.). Pour le PLS, même calcul sur la table PLS (catégorie 6 PLS + montant PLS par personne supplémentaire) : chaque cellule de la table PLS, montant par personne compris, est la cellule PLUS majorée de 30 % et arrondie à l'euro. Lecture retenue de l'arrêté (art. 1, « ces plafonds sont majorés de 30 % » : les plafonds de l'annexe I, montant par personne supplémentaire compris) ; c'est celle des tables PLS publiées. L'autre lecture (majorer de 30 % le plafond PLUS déjà calculé pour la catégorie 7 et plus) donne 1 à 2 € d'écart ; LogSoc l'appliquait jusqu'en décembre 2026 à PLAFOND_RESSOURCES seulement, d'où un écart d'1 € avec sa propre table (BAREME).",
    "Jeune ménage : couple (marié, concubins ou pacsés) sans personne à charge dont la somme des âges révolus est au plus égale à 55 ans.",
    "Personne en situation de handicap : titulaire de la carte mobilité inclusion mention « invalidité » (CASF L.241-3). Les règles ne se cumulent pas : la catégorie est la plus élevée dont la définition correspond au ménage ; un second titulaire de la carte ne relève pas d'une catégorie de plus (« dont au moins une »).",
    "Personnes vivant au foyer (CCH L.442-12) : titulaire(s) du bail, personnes figurant sur leurs avis d'imposition, concubin notoire ou partenaire de PACS, personnes réputées à charge (CGI art. 194, 196, 196 A bis, 196 B), enfants en droit de visite et d'hébergement ; l'enfant en garde alternée vit au foyer de chacun des parents.",
    "Ressources comparées : somme des revenus fiscaux de référence de l'année N-2 ; ceux de l'année N-1 ou des douze derniers mois s'ils sont inférieurs d'au moins 10 %.",
  ],
  lacunes: [
    "Texte de l'article 2 de l'arrêté (définition des catégories) non lu : définitions reprises de tableaux de bailleurs et de sites officiels concordants.",
    "Liste des 29 communes limitrophes de Paris non vérifiée sur un texte officiel (OpenFisca-France en omet une : Boulogne-Billancourt).",
    "PLI (autre zonage) et départements d'outre-mer (régime distinct) non couverts.",
  ],
  versions: [
    {
      dateEffet: "2024-01-01",
      valeurs: {
        PLAI: {
          PARIS: { cat1: 14329, cat2: 23355, cat3: 30614, cat4: 33511, cat5: 39863, cat6: 44861, parPersonneSupplementaire: 4998 },
          IDF: { cat1: 14329, cat2: 23355, cat3: 28074, cat4: 30824, cat5: 36493, cat6: 41064, parPersonneSupplementaire: 4573 },
          AUTRES: { cat1: 12452, cat2: 18143, cat3: 21818, cat4: 24276, cat5: 28404, cat6: 32010, parPersonneSupplementaire: 3569 },
        },
        PLUS: {
          PARIS: { cat1: 26044, cat2: 38925, cat3: 51025, cat4: 60921, cat5: 72482, cat6: 81562, parPersonneSupplementaire: 9089 },
          IDF: { cat1: 26044, cat2: 38925, cat3: 46789, cat4: 56046, cat5: 66347, cat6: 74662, parPersonneSupplementaire: 8319 },
          AUTRES: { cat1: 22642, cat2: 30238, cat3: 36362, cat4: 43899, cat5: 51641, cat6: 58200, parPersonneSupplementaire: 6492 },
        },
        PLS: {
          PARIS: { cat1: 33857, cat2: 50603, cat3: 66333, cat4: 79197, cat5: 94227, cat6: 106031, parPersonneSupplementaire: 11816 },
          IDF: { cat1: 33857, cat2: 50603, cat3: 60826, cat4: 72860, cat5: 86251, cat6: 97061, parPersonneSupplementaire: 10815 },
          AUTRES: { cat1: 29435, cat2: 39309, cat3: 47271, cat4: 57069, cat5: 67133, cat6: 75660, parPersonneSupplementaire: 8440 },
        },
      },
      source: {
        texte: "Arrêté du 18 décembre 2023 modifiant l'arrêté du 29 juillet 1987 (JO du 23 décembre 2023), revalorisation de 3,49 %",
        reference: REFERENCE,
        url: URL_ARRETE,
        autresSources: [
          OF_PLUS,
          "legal.tricoteuses.fr, copie de l'annexe I (LEGIARTI000048667288)",
          "anil.org, analyse n° 2023-14 à jour au 26/12/2023 (PLUS 2024)",
          "haye-expert-comptable.fr, 7 mai 2024 (PLUS et PLAI 2024)",
        ],
      },
      statut: "officiel",
      statutsCellules: [
        {
          cle: "PLAI",
          statut: "non_verifie",
          note: "Annexe II 2024 non lue ; une seule source secondaire (haye-expert-comptable.fr, 7 mai 2024, dont la table PLUS est exacte). Cohérent à 2 € près avec le PLAI 2023 (capital.fr) × 1,0349 et avec le PLAI 2025 ÷ 1,0247.",
        },
        { cle: "PLS", statut: "calcule", note: NOTE_PLS },
      ],
      recoupements: ["PLUS 2024 : OpenFisca-France, copie de l'annexe I, anil.org et haye-expert-comptable.fr concordent."],
      lacunes: ["OpenFisca-France ne donne pas le PLAI après 2022."],
    },
    {
      dateEffet: "2025-01-01",
      valeurs: {
        PLAI: {
          PARIS: { cat1: 14683, cat2: 23931, cat3: 31369, cat4: 34338, cat5: 40847, cat6: 45968, parPersonneSupplementaire: 5121 },
          IDF: { cat1: 14683, cat2: 23931, cat3: 28767, cat4: 31585, cat5: 37393, cat6: 42077, parPersonneSupplementaire: 4686 },
          AUTRES: { cat1: 12759, cat2: 18591, cat3: 22356, cat4: 24875, cat5: 29105, cat6: 32800, parPersonneSupplementaire: 3657 },
        },
        PLUS: {
          PARIS: { cat1: 26687, cat2: 39885, cat3: 52284, cat4: 62424, cat5: 74271, cat6: 83575, parPersonneSupplementaire: 9313 },
          IDF: { cat1: 26687, cat2: 39885, cat3: 47944, cat4: 57429, cat5: 67984, cat6: 76504, parPersonneSupplementaire: 8524 },
          AUTRES: { cat1: 23201, cat2: 30984, cat3: 37259, cat4: 44982, cat5: 52915, cat6: 59636, parPersonneSupplementaire: 6652 },
        },
        PLS: {
          PARIS: { cat1: 34693, cat2: 51851, cat3: 67969, cat4: 81151, cat5: 96552, cat6: 108648, parPersonneSupplementaire: 12107 },
          IDF: { cat1: 34693, cat2: 51851, cat3: 62327, cat4: 74658, cat5: 88379, cat6: 99455, parPersonneSupplementaire: 11081 },
          AUTRES: { cat1: 30161, cat2: 40279, cat3: 48437, cat4: 58477, cat5: 68790, cat6: 77527, parPersonneSupplementaire: 8648 },
        },
      },
      source: {
        texte: "Arrêté du 23 décembre 2024 modifiant l'arrêté du 29 juillet 1987, revalorisation de 2,47 %",
        reference: REFERENCE,
        url: URL_ARRETE,
        autresSources: [
          `${OF_PLUS}, annexe I LEGIARTI000050865366`,
          "tradetrans.eu (PLUS, PLS et PLAI, Paris et communes limitrophes)",
          "mes-allocs.fr (PLAI catégories 1 à 4, toutes zones)",
          "force-republicaine.fr (PLUS Paris)",
          "omhgrandnancy.fr (PLAI et PLS, autres régions, « en vigueur depuis le 1er janvier 2025 »)",
        ],
      },
      statut: "officiel",
      statutsCellules: [
        { cle: "PLAI", statut: "non_verifie", note: "Annexe II 2025 non lue : sources secondaires seulement (mes-allocs.fr pour les catégories 1 à 4, tradetrans.eu pour Paris catégories 5, 6 et personne supplémentaire)." },
        {
          cle: "PLAI.IDF.cat5",
          statut: "estimation",
          note: "Estimation des notes de référence : OpenFisca 2022 × 1,0349 × 1,0349 × 1,0247, +1 €. Le PLAI 2024 (source secondaire) × 1,0247 donnerait 37 394 € : incertitude de l'ordre de 2 €.",
        },
        {
          cle: "PLAI.IDF.cat6",
          statut: "estimation",
          note: "Estimation des notes de référence : OpenFisca 2022 × 1,0349 × 1,0349 × 1,0247, +1 €. Le PLAI 2024 (source secondaire) × 1,0247 donnerait 42 078 € : incertitude de l'ordre de 2 €.",
        },
        {
          cle: "PLAI.IDF.parPersonneSupplementaire",
          statut: "estimation",
          note: "Estimation des notes de référence : OpenFisca 2022 × 1,0349 × 1,0349 × 1,0247, +1 €. Le PLAI 2024 (source secondaire) × 1,0247 donnerait aussi 4 686 €.",
        },
        {
          cle: "PLAI.AUTRES.cat5",
          statut: "non_verifie",
          note: "Estimée dans les notes de référence ; une seule source secondaire (omhgrandnancy.fr, bailleur) donne la même valeur ; cette page contient des erreurs dans sa colonne PLUS (44 982 écrit 43 982) : fiabilité limitée.",
        },
        {
          cle: "PLAI.AUTRES.cat6",
          statut: "non_verifie",
          note: "Estimée dans les notes de référence ; une seule source secondaire (omhgrandnancy.fr, bailleur) donne la même valeur ; cette page contient des erreurs dans sa colonne PLUS : fiabilité limitée.",
        },
        {
          cle: "PLAI.AUTRES.parPersonneSupplementaire",
          statut: "non_verifie",
          note: "3 657 € selon omhgrandnancy.fr (source secondaire unique, fiabilité limitée), cohérent avec le PLAI 2024 (3 569 €, source secondaire) × 1,0247 = 3 657,15 ; l'estimation des notes de référence était 3 658 €.",
        },
        { cle: "PLS", statut: "calcule", note: NOTE_PLS },
      ],
      recoupements: [
        "PLUS Paris : tradetrans.eu et force-republicaine.fr concordent avec OpenFisca-France.",
        "PLS Paris = tradetrans.eu ; PLS autres régions = omhgrandnancy.fr (toutes catégories).",
      ],
      lacunes: ["Annexe II (PLAI) 2025 non trouvée dans une source officielle."],
    },
    {
      dateEffet: "2026-01-01",
      valeurs: {
        PLAI: {
          PARIS: { cat1: 14811, cat2: 24139, cat3: 31642, cat4: 34637, cat5: 41202, cat6: 46368, parPersonneSupplementaire: 5166 },
          IDF: { cat1: 14811, cat2: 24139, cat3: 29017, cat4: 31860, cat5: 37718, cat6: 42443, parPersonneSupplementaire: 4727 },
          AUTRES: { cat1: 12870, cat2: 18753, cat3: 22550, cat4: 25091, cat5: 29358, cat6: 33085, parPersonneSupplementaire: 3689 },
        },
        PLUS: {
          PARIS: { cat1: 26920, cat2: 40233, cat3: 52740, cat4: 62968, cat5: 74919, cat6: 84304, parPersonneSupplementaire: 9394 },
          IDF: { cat1: 26920, cat2: 40233, cat3: 48362, cat4: 57930, cat5: 68577, cat6: 77171, parPersonneSupplementaire: 8598 },
          AUTRES: { cat1: 23403, cat2: 31254, cat3: 37584, cat4: 45374, cat5: 53376, cat6: 60156, parPersonneSupplementaire: 6710 },
        },
        PLS: {
          PARIS: { cat1: 34996, cat2: 52303, cat3: 68562, cat4: 81858, cat5: 97395, cat6: 109595, parPersonneSupplementaire: 12212 },
          IDF: { cat1: 34996, cat2: 52303, cat3: 62871, cat4: 75309, cat5: 89150, cat6: 100322, parPersonneSupplementaire: 11177 },
          AUTRES: { cat1: 30424, cat2: 40630, cat3: 48859, cat4: 58986, cat5: 69389, cat6: 78203, parPersonneSupplementaire: 8723 },
        },
      },
      source: {
        texte: "Arrêté du 19 décembre 2025 modifiant l'arrêté du 29 juillet 1987 (JORF n° 0301 du 24 décembre 2025, NOR VLOL2534266A), revalorisation de 0,87 %",
        reference: REFERENCE,
        url: URL_ARRETE,
        autresSources: [`${OF_PLUS}, annexe I LEGIARTI000053307202 (valeur encore valide au 2026-03-27)`, "lessentieldeleco.fr", "idcite.com (résumé du JO)", "aqui.fr"],
      },
      statut: "officiel",
      statutsCellules: [
        {
          cle: "PLAI",
          statut: "estimation",
          note: "Annexe II 2026 non trouvée : toutes les valeurs PLAI 2026 sont des estimations = PLAI 2025 × 1,0087 (variation de l'IRL) arrondi à l'euro ; sur le PLUS, cette méthode sous-estime de 0 à 2 €. Personne supplémentaire autres régions : 3 657 × 1,0087 = 3 688,8 → 3 689 €.",
        },
        { cle: "PLS", statut: "calcule", note: NOTE_PLS },
      ],
      recoupements: ["PLUS catégories 1, 2, 4 et personne supplémentaire : lessentieldeleco.fr concorde avec OpenFisca-France."],
      lacunes: ["PLUS catégories 3, 5 et 6 : OpenFisca-France seul (non recoupé).", "PLAI 2026 : aucune valeur publiée trouvée."],
    },
  ],
} satisfies DonneesBareme<typeof schemaValeursPlafonds>;
