import type { DonneesBareme, schemaValeursSeuilPauvrete } from "../valeurs.ts";

// Data only. Source of every figure: ../shared/reference/regulation.md §7.

const REFERENCE = "Seuil de pauvreté monétaire à 60 % du niveau de vie médian, France métropolitaine (Insee, enquête Revenus fiscaux et sociaux)";

export const seuilPauvreteInsee = {
  id: "seuil_pauvrete_insee",
  libelle: "Seuil de pauvreté (Insee, 60 % du niveau de vie médian)",
  unite: "€ par mois et par unité de consommation (seuil) ; € par an (niveau de vie médian)",
  description:
    "Seuil de pauvreté monétaire publié par l'Insee pour une année de revenus. La date d'effet est la date de publication : la version en vigueur à une date est le dernier seuil publié à cette date (revenus de deux ans plus tôt).",
  clePrincipale: "seuilMensuelParUc",
  regles: [
    "Seuil d'un foyer = seuil par UC × nombre d'unités de consommation (échelle OCDE modifiée) ; pour les revenus 2023 : couple 1 932 €, +386 € par enfant de moins de 14 ans, +644 € par personne de 14 ans ou plus (Moneyvox).",
  ],
  lacunes: ["Seuil des revenus 2021 (1 158 €, publié en 2023) non enregistré : date de publication non trouvée.", "Seuil des revenus 2024 non trouvé."],
  versions: [
    {
      dateEffet: "2024-07-11",
      valeurs: { anneeRevenus: 2022, seuilMensuelParUc: 1216, niveauVieMedianAnnuel: 24330 },
      source: {
        texte: "Insee Première n° 2004 du 11 juillet 2024 (niveaux de vie 2022)",
        reference: REFERENCE,
        autresSources: ["Moneyvox (article 98690)", "infoouintox.fr (reprenant Insee Références du 17/10/2024, qui reprend ces chiffres)"],
      },
      statut: "officiel",
      recoupements: [
        "24 330 × 60 % / 12 = 1 216,50 € : cohérent avec 1 216 € (l'Insee calcule sur la médiane non arrondie).",
        "Date et statut corrigés en décembre 2026 (issue 13) : les chiffres ont paru dans Insee Première n° 2004 du 11 juillet 2024 (vérification indépendante contre la publication) ; la version précédente datait du 17 octobre 2024 (Insee Références, édition qui reprend ces chiffres) et avait le statut « non vérifié ».",
      ],
    },
    {
      dateEffet: "2025-07-07",
      valeurs: { anneeRevenus: 2023, seuilMensuelParUc: 1288, niveauVieMedianAnnuel: 25760 },
      source: {
        texte: "Insee Première n° 2063, juillet 2025 (niveaux de vie 2023)",
        reference: REFERENCE,
        autresSources: ["Moneyvox (article 104160)", "lafinancepourtous.com (08/07/2025)"],
      },
      statut: "officiel",
      recoupements: [
        "Deux sources secondaires concordantes ; 25 760 × 60 % / 12 = 1 288 €.",
        "Statut relevé de « non vérifié » à « officiel » en décembre 2026 (issue 13) : 25 760 € et 1 288 € lus dans Insee Première n° 2063 (juillet 2025) par la vérification indépendante.",
      ],
      lacunes: ["Jour de parution : le 7 juillet 2025 selon les notes de référence ; le numéro n'en donne que le mois."],
    },
  ],
} satisfies DonneesBareme<typeof schemaValeursSeuilPauvrete>;
