import type { DonneesBareme, schemaValeursSmic } from "../valeurs.ts";

// Data only. Source of every figure: ../shared/reference/regulation.md §9 (OpenFisca-France marche_travail/salaire_minimum/smic/*;
// net amounts from the press and service-public), cross-checks as listed per version.

const REFERENCE = "Code du travail, art. L.3231-1 et suivants (salaire minimum interprofessionnel de croissance, revalorisation)";
const OF = "OpenFisca-France, marche_travail/salaire_minimum/smic/* (commit a7038ee)";
const NOTE_NET =
  "Le montant net n'est fixé par aucun texte : il dépend des taux de cotisations ; montant publié par la presse et des pages reprenant service-public, non recoupé sur une source officielle.";

export const smic = {
  id: "smic",
  libelle: "SMIC",
  unite: "€ : taux horaire brut ; montants mensuels brut et net pour 35 heures par semaine",
  description: "Salaire minimum interprofessionnel de croissance : taux horaire brut, montant mensuel brut et montant mensuel net indicatif pour un temps plein.",
  clePrincipale: "horaireBrut",
  regles: ["Mensuel brut = horaire brut × 35 h × 52 / 12 (soit 151,67 h), arrondi au centime."],
  versions: [
    {
      dateEffet: "2024-01-01",
      valeurs: { horaireBrut: 11.65, mensuelBrut: 1766.92, mensuelNet: 1398.69 },
      source: { texte: "Décret du 20 décembre 2023 (relèvement du SMIC ; numéro non relevé)", reference: REFERENCE, autresSources: [OF, "cftcagri.fr, pole-sud (reprenant service-public)"] },
      statut: "officiel",
      statutsCellules: [{ cle: "mensuelNet", statut: "non_verifie", note: `${NOTE_NET} Une autre page (argentauquotidien.com) écrit 1 398,70 €.` }],
    },
    {
      dateEffet: "2024-11-01",
      valeurs: { horaireBrut: 11.88, mensuelBrut: 1801.8, mensuelNet: 1426.3 },
      source: { texte: "Décret n° 2024-951 du 23 octobre 2024", reference: REFERENCE, autresSources: [OF, "service-public (via un forum d'assistantes maternelles)", "cftcagri.fr"] },
      statut: "officiel",
      statutsCellules: [{ cle: "mensuelNet", statut: "non_verifie", note: NOTE_NET }],
      recoupements: ["Pas de revalorisation au 1er janvier 2025 : ces montants restent en vigueur jusqu'au 31 décembre 2025 (cftcagri.fr, syndicalismehebdo)."],
    },
    {
      dateEffet: "2026-01-01",
      valeurs: { horaireBrut: 12.02, mensuelBrut: 1823.03, mensuelNet: 1443.11 },
      source: { texte: "Décret n° 2025-1228 du 17 décembre 2025 (+1,18 %)", reference: REFERENCE, autresSources: [OF, "zepros", "brut-en-net-salaire.fr", "sligec.com (19/12/2025)"] },
      statut: "officiel",
      statutsCellules: [{ cle: "mensuelNet", statut: "non_verifie", note: `${NOTE_NET} brut-en-net-salaire.fr écrit « environ 1 443,11 € ».` }],
    },
    {
      dateEffet: "2026-06-01",
      valeurs: { horaireBrut: 12.31, mensuelBrut: 1867.02, mensuelNet: null },
      source: {
        texte: "Arrêté du 22 mai 2026 (revalorisation automatique, inflation d'au moins 2 %)",
        reference: "Code du travail, art. L.3231-5 (revalorisation automatique en cours d'année)",
        autresSources: [OF],
      },
      statut: "non_verifie",
      lacunes: ["Source unique : OpenFisca-France (notes de référence : « single source »).", "Montant mensuel net non trouvé : valeur nulle."],
    },
  ],
} satisfies DonneesBareme<typeof schemaValeursSmic>;
