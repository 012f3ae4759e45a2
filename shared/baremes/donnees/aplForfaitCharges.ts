import type { DonneesBareme, schemaValeursForfaitCharges } from "../valeurs.ts";

// Data only. Source of every figure: ../shared/reference/regulation.md §8 (OpenFisca-France, locatif/formule/c_forfait_charges/*).

const REFERENCE = "CCH art. D.823-16 3° ; arrêté du 27 septembre 2019, art. 9 et 16 (forfait charges), tels que revalorisés";
const OF = "OpenFisca-France, prestations_sociales/aides_logement/allocations_logement/locatif/formule/c_forfait_charges/* (commit a7038ee)";

export const aplForfaitCharges = {
  id: "apl_forfait_charges",
  libelle: "Aide au logement : forfait charges (location)",
  unite: "€ par mois",
  description:
    "Forfait de charges retenu dans le calcul de l'aide au logement (APL, ALF, ALS) en location : montant pour une personne isolée ou un couple sans personne à charge, majoration par personne à charge, montant d'un colocataire isolé, et valeurs des départements d'outre-mer.",
  regles: [
    "Forfait du foyer = montant isolé ou couple sans personne à charge + majoration × nombre de personnes à charge (p. ex. couple avec 2 personnes à charge au 1er octobre 2025 : 60,59 + 2 × 13,74 = 88,07 €).",
    "Colocation : montant « colocataire isolé » pour une personne seule ; un couple en colocation reçoit le montant de base et la majoration par enfant.",
  ],
  versions: [
    {
      dateEffet: "2022-07-01",
      valeurs: { isoleOuCoupleSansPersonneACharge: 56.12, majorationParPersonneACharge: 12.72, colocataireIsole: 28.05, dom: { base: 37.67, majorationParPersonneACharge: 9.69 } },
      source: { texte: "Arrêté du 29 juillet 2022 (revalorisation au 1er juillet 2022)", reference: REFERENCE, autresSources: [OF] },
      statut: "officiel",
      statutsCellules: [
        {
          cle: "dom",
          statut: "calcule",
          note: "Valeurs des départements d'outre-mer ajoutées en décembre 2026 (issue 13 ; nulles auparavant) : 36,40 € et 9,36 € revalorisés de 3,5 % au 1er juillet 2022, soit 36,40 × 1,035 = 37,674 → 37,67 € et 9,36 × 1,035 = 9,6876 → 9,69 € (arrondi au centime), valeurs données par la vérification indépendante ; le texte de l'arrêté n'a pas été relu.",
        },
      ],
    },
    {
      dateEffet: "2023-10-01",
      valeurs: { isoleOuCoupleSansPersonneACharge: 58.08, majorationParPersonneACharge: 13.17, colocataireIsole: 29.03, dom: { base: 38.99, majorationParPersonneACharge: 10.03 } },
      source: { texte: "Arrêté du 22 septembre 2023", reference: REFERENCE, autresSources: [OF] },
      statut: "officiel",
    },
    {
      dateEffet: "2024-10-01",
      valeurs: { isoleOuCoupleSansPersonneACharge: 59.97, majorationParPersonneACharge: 13.6, colocataireIsole: 29.98, dom: { base: 40.26, majorationParPersonneACharge: 10.36 } },
      source: { texte: "Arrêté du 27 septembre 2024", reference: REFERENCE, autresSources: [OF] },
      statut: "officiel",
    },
    {
      dateEffet: "2025-10-01",
      valeurs: { isoleOuCoupleSansPersonneACharge: 60.59, majorationParPersonneACharge: 13.74, colocataireIsole: 30.29, dom: { base: 40.68, majorationParPersonneACharge: 10.47 } },
      source: { texte: "Arrêté du 5 septembre 2025 (JORFTEXT000052212770)", reference: REFERENCE, autresSources: [OF] },
      statut: "officiel",
    },
  ],
} satisfies DonneesBareme<typeof schemaValeursForfaitCharges>;
