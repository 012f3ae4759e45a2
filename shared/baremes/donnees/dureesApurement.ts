import type { DonneesBareme, schemaValeursDureesApurement } from "../valeurs.ts";

// Data only. Source of every figure: ../shared/reference/regulation.md §3 and §6.

export const dureesApurement = {
  id: "durees_apurement",
  libelle: "Durées de référence des plans d'apurement",
  unite: "mois (durées) ; € (plafond de dette de la procédure simplifiée)",
  description:
    "Durées de référence pour un plan d'apurement de dette locative : plan CAF par défaut, procédure simplifiée, protocole de cohésion sociale, délais de paiement accordés par le juge, plan de surendettement. Sert aux avertissements du plan d'apurement.",
  regles: [
    "Plan CAF par défaut (CCH R.824-12) : à défaut de plan transmis, la CAF met le locataire en demeure de rembourser chaque mois 1/36e de la dette pendant 36 mois.",
    "Procédure simplifiée (arrêté du 5 août 2016) : impayé d'au plus 100 € ; la CAF propose elle-même le plan, d'une durée d'au plus 3 ans.",
    "Protocole de cohésion sociale (CCH L.353-15-2, L.442-6-5) : 2 ans au plus, prolongeable par avenant de 3 ans (5 ans au total).",
    "Délais de paiement du juge (loi n° 89-462, art. 24 V) : 3 ans au plus, si le locataire a repris le paiement intégral du loyer courant avant l'audience.",
    "Surendettement (C. consommation L.732-3, L.733-1, L.733-3) : 7 ans au plus, hors prêts de la résidence principale.",
  ],
  versions: [
    {
      dateEffet: "2023-07-29",
      valeurs: {
        planCafMois: 36,
        procedureSimplifieeDetteMax: 100,
        procedureSimplifieeDureeMaxMois: 36,
        protocoleMois: 24,
        protocoleProlongationMois: 36,
        protocoleTotalMaxMois: 60,
        delaisJudiciairesMaxMois: 36,
        surendettementMaxMois: 84,
      },
      source: {
        texte:
          "Loi n° 2023-668 du 27 juillet 2023 (art. 24 V de la loi n° 89-462, en vigueur le 29 juillet 2023) ; décret n° 2016-748 du 6 juin 2016 et décret n° 2019-772 du 24 juillet 2019 (CCH R.824-12) ; arrêté du 5 août 2016 ; loi n° 2005-32 (protocole) ; ordonnance n° 2016-301 (C. consommation)",
        reference: "CCH R.824-12, L.353-15-2, L.442-6-5 ; loi n° 89-462 du 6 juillet 1989, art. 24 V ; C. consommation L.732-3, L.733-1, L.733-3",
        autresSources: [
          "juriblio.fr (R.824-12, texte cité)",
          "service-public.fr F32037 (procédure simplifiée, version 2022) ; ASH n° 2972",
          "Sénat, amendement 433 rect. (2005) ; décret n° 2016-748 (durée totale du protocole ≤ 5 ans)",
          "legal.tricoteuses.fr JORFARTI000047897052 ; maitre-bouillot-avocat.com (02/06/2025)",
          "doctrine.fr LEGIARTI000032224459 et LEGIARTI000032224451 (L.732-3, L.733-1)",
        ],
      },
      statut: "officiel",
      lacunes: [
        "La date d'effet retenue est celle de la dernière modification des textes cités (loi n° 2023-668) ; les durées s'appliquaient pour la plupart avant cette date, mais les versions antérieures n'ont pas été vérifiées.",
      ],
    },
  ],
} satisfies DonneesBareme<typeof schemaValeursDureesApurement>;
