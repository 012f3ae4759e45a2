import type { DonneesBareme, schemaValeursSaisie } from "../valeurs.ts";

// Data only. Source of every figure: ../shared/reference/regulation.md §4, cross-checks as listed per version.

const REFERENCE =
  "C. trav. art. L.3252-2, R.3252-2 (barème), R.3252-3 (majoration par personne à charge), R.3252-4 (révision annuelle, seuils arrondis à la dizaine d'euros supérieure), R.3252-5 (fraction absolument insaisissable)";
const FRACTIONS = { t1: "1/20", t2: "1/10", t3: "1/5", t4: "1/4", t5: "1/3", t6: "2/3", t7: "1/1" };

export const saisieRemuneration = {
  id: "saisie_remuneration",
  libelle: "Saisie sur rémunération : barème des fractions saisissables",
  unite: "€ par an (seuils et majoration par personne à charge) ; fraction de chaque tranche",
  description:
    "Barème annuel progressif de la part saisissable ou cessible d'une rémunération nette : seuils des tranches, fraction saisissable de chaque tranche et majoration des seuils par personne à charge. Sert à la quotité saisissable et à la capacité de remboursement (surendettement).",
  regles: [
    "Le barème porte sur la rémunération annuelle nette (après cotisations et contributions sociales et prélèvement à la source). La fraction tk s'applique à la tranche comprise entre le seuil s(k−1) (exclu, s0 = 0) et le seuil sk (inclus) ; au-delà de s6, la totalité (t7 = 1/1) est saisissable (R.3252-2).",
    "Chaque seuil est augmenté de la majoration par personne à charge (R.3252-3) : conjoint, partenaire ou concubin dont les ressources sont inférieures au RSA ; enfant à charge ouvrant droit aux prestations familiales ou pour lequel une pension alimentaire est versée ; ascendant dont les ressources sont inférieures au RSA, vivant avec le débiteur ou recevant de lui une pension.",
    "Application mensuelle : seuils et majoration divisés par 12 (2025 : 370,00 / 721,67 / 1 074,17 / 1 424,17 / 1 775,00 / 2 133,33 € ; +143,33 € par personne à charge).",
    "Fraction absolument insaisissable (R.3252-5) : le débiteur garde toujours au moins le montant forfaitaire du RSA pour un foyer d'une seule personne (barème rsa_montant_forfaitaire), quel que soit le nombre de personnes à charge : saisie = min(barème, max(0, rémunération nette − RSA d'une personne)). Le solde bancaire insaisissable est du même montant.",
  ],
  lacunes: ["Articles du code des procédures civiles d'exécution sur le solde bancaire insaisissable non vérifiés."],
  versions: [
    {
      dateEffet: "2023-01-01",
      valeurs: { seuilsAnnuels: { s1: 4170, s2: 8140, s3: 12130, s4: 16080, s5: 20050, s6: 24090 }, fractions: FRACTIONS, majorationParPersonneACharge: 1610 },
      source: { texte: "Décret n° 2022-1648 du 23 décembre 2022", reference: REFERENCE, autresSources: ["legisocial.fr (article 5665)", "rymoconseil"] },
      statut: "officiel",
      recoupements: ["Deux sources secondaires concordantes ; actu-juridique.fr signale la publication du décret de révision du barème au JO du 27/12/2022."],
    },
    {
      dateEffet: "2024-01-01",
      valeurs: { seuilsAnnuels: { s1: 4370, s2: 8520, s3: 12690, s4: 16820, s5: 20970, s6: 25200 }, fractions: FRACTIONS, majorationParPersonneACharge: 1690 },
      source: {
        texte: "Décret n° 2023-1228 du 20 décembre 2023 (JORFTEXT000048641841)",
        reference: REFERENCE,
        autresSources: ["legisocial.fr (article 6394)", "Cerfrance horizon63"],
      },
      statut: "officiel",
    },
    {
      dateEffet: "2025-01-01",
      valeurs: { seuilsAnnuels: { s1: 4440, s2: 8660, s3: 12890, s4: 17090, s5: 21300, s6: 25600 }, fractions: FRACTIONS, majorationParPersonneACharge: 1720 },
      source: {
        texte: "Décret n° 2024-1231 du 30 décembre 2024 (JO du 31 décembre 2024)",
        reference: REFERENCE,
        autresSources: ["Cerfrance horizon-63 (Éditions Législatives, 07/01/2025)", "ffbatiment.fr (22/01/2025)"],
      },
      statut: "officiel",
      recoupements: ["efl.fr (janvier 2025) confirme la revalorisation au 1er janvier 2025 et la règle de révision (R.3252-4)."],
    },
    {
      dateEffet: "2026-01-01",
      valeurs: { seuilsAnnuels: { s1: 4480, s2: 8730, s3: 13000, s4: 17230, s5: 21470, s6: 25810 }, fractions: FRACTIONS, majorationParPersonneACharge: 1740 },
      source: {
        texte: "Décret n° 2025-1299 du 24 décembre 2025 (JO du 26 décembre 2025)",
        reference: REFERENCE,
        autresSources: ["eurex.fr, « Le barème 2026 de saisie des rémunérations »"],
      },
      statut: "officiel",
      recoupements: [
        "Statut relevé de « non vérifié » à « officiel » en décembre 2026 (issue 13) : le barème 2026 est celui du décret n° 2025-1299 du 24 décembre 2025 (JO du 26 décembre 2025), mêmes valeurs que celles d'eurex.fr.",
      ],
    },
  ],
} satisfies DonneesBareme<typeof schemaValeursSaisie>;
