import type { DonneesBareme, schemaValeursEchelleOcde } from "../valeurs.ts";

// Data only. Source: ../shared/reference/regulation.md §7 and DESIGN.md §4 (Foyer).

export const echelleOcdeModifiee = {
  id: "echelle_ocde_modifiee",
  libelle: "Échelle d'équivalence OCDE modifiée (unités de consommation)",
  unite: "unités de consommation (UC)",
  description:
    "Poids de chaque personne du ménage pour calculer le nombre d'unités de consommation : 1 pour le premier adulte, 0,5 pour chaque autre personne de 14 ans ou plus, 0,3 pour chaque enfant de moins de 14 ans (définition Insee). Sert au reste à vivre par UC et au seuil de pauvreté d'un foyer.",
  regles: ["UC = premier adulte + autre personne de 14 ans ou plus × (personnes de 14 ans ou plus − 1) + enfant de moins de 14 ans × nombre d'enfants de moins de 14 ans."],
  versions: [
    {
      dateEffet: "1900-01-01",
      valeurs: { premierAdulte: 1, autrePersonne14Plus: 0.5, enfantMoins14: 0.3, ageSeuil: 14 },
      source: {
        texte: "Insee, définition « Unité de consommation » (c1802)",
        reference: "Échelle d'équivalence dite de l'OCDE modifiée, utilisée par l'Insee",
        url: "https://www.insee.fr/fr/metadonnees/definition/c1802",
        autresSources: ["OpenFisca-France, model/mesures.py::unites_consommation", "handirect.fr citant l'Insee : couple avec deux enfants de 5 et 8 ans = 2,1 UC"],
      },
      statut: "officiel",
      lacunes: ["Convention statistique sans date d'entrée en vigueur : la date 1900-01-01 signifie « applicable à toute date »."],
    },
  ],
} satisfies DonneesBareme<typeof schemaValeursEchelleOcde>;
