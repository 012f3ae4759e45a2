import { describe, expect, it } from "vitest";
import { expliquer, expliquerObjet } from "./fonctions.ts";
import { verifierEtapes } from "./verification.ts";
import { explicationEnTexte } from "./texte.ts";
import type { Explication } from "./types.ts";
import type { DateISO } from "../date.ts";

/**
 * Worked explanations, written by hand from the texts and the barème data (values cited in each
 * comment): the steps' values, the operations that link them, and the figure they end on.
 */

const ctx = { aujourdhui: "2025-06-01" as DateISO };
/** Values to 9 decimals: a quotient such as 1 034,90 / 54 is only written to the 17 digits of a JSON number. */
const neuf = (v: unknown) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v);
const valeurs = (x: Explication) => x.etapes.map((e) => [e.libelle, neuf(e.valeur)]);
const attendu = (lignes: (string | number)[][]) => lignes.map(([l, v]) => [l, neuf(v)]);

function valide(x: Explication): Explication {
  expect(verifierEtapes(x.etapes)).toEqual([]);
  return x;
}

describe("reste à vivre expliqué, chaque méthode (1 850,40 € de ressources, 815,50 € de charges, 2 personnes de 14 ans ou plus et 1 enfant)", () => {
  const debut = [
    ["Ressources mensuelles du foyer", 1850.4],
    ["Charges mensuelles du foyer", 815.5],
    // 1 850,40 − 815,50 = 1 034,90
    ["Reste à vivre mensuel du foyer", 1034.9],
  ];
  // OCDE modifiée (barème echelle_ocde_modifiee) : 1 + 0,5 × (2 − 1) + 0,3 × 1 = 1,8 UC
  const uc = [
    ["Personnes de 14 ans ou plus (demandeur compris)", 2],
    ["Enfants de moins de 14 ans", 1],
    ["Le demandeur", 1],
    ["Poids du premier adulte (le demandeur)", 1],
    ["Poids de chaque autre personne de 14 ans ou plus", 0.5],
    ["Poids de chaque enfant de moins de 14 ans", 0.3],
    ["Autres personnes de 14 ans ou plus", 1],
    ["UC des autres personnes de 14 ans ou plus", 0.5],
    ["UC des enfants de moins de 14 ans", 0.3],
    ["Unités de consommation du foyer", 1.8],
  ];

  it("mensuel : ressources − charges = 1 034,90 €, sans arrondi", () => {
    const x = valide(expliquer("RESTE_A_VIVRE", [1850.4, 815.5, 2, 1, "mensuel"], ctx));
    expect(x.resultat).toBe(1034.9);
    expect(valeurs(x)).toEqual(attendu(debut));
    expect(x.etapes[2]!.operation).toEqual({ type: "difference", de: 0, moins: 1 });
    expect(x.statut).toBe("officiel");
  });

  it("jour_personne : 1 034,90 / (30 × 3 personnes) = 11,498 8… → 11,50 €", () => {
    const x = valide(expliquer("RESTE_A_VIVRE", [1850.4, 815.5, 2, 1, "jour_personne"], ctx));
    expect(x.resultat).toBe(11.5);
    expect(valeurs(x)).toEqual(attendu([
      ...debut,
      ["Personnes de 14 ans ou plus (demandeur compris)", 2],
      ["Enfants de moins de 14 ans", 1],
      ["Personnes du foyer", 3],
      ["Jours par mois", 30],
      ["Jours-personnes du mois", 90],
      ["Reste à vivre par jour et par personne (mois de 30 jours)", 1034.9 / 90],
      ["Reste à vivre par jour et par personne (mois de 30 jours), arrondi au centime", 11.5],
    ]));
    expect(x.etapes.at(-2)!.operation).toEqual({ type: "quotient", dividende: 2, diviseur: 7 });
  });

  it("uc : 1 034,90 / 1,8 UC = 574,944… → 574,94 €", () => {
    const x = valide(expliquer("RESTE_A_VIVRE", [1850.4, 815.5, 2, 1, "uc"], ctx));
    expect(x.resultat).toBe(574.94);
    expect(valeurs(x)).toEqual(attendu([
      ...debut,
      ...uc,
      ["Reste à vivre mensuel par unité de consommation (OCDE modifiée)", 1034.9 / 1.8],
      ["Reste à vivre mensuel par unité de consommation (OCDE modifiée), arrondi au centime", 574.94],
    ]));
  });

  it("jour_uc : 1 034,90 / (30 × 1,8) = 19,164 8… → 19,16 € (l'exemple de DESIGN §7)", () => {
    const x = valide(expliquer("RESTE_A_VIVRE", [1850.4, [650, 120, null, 45.5], 2, 1, "jour_uc"], ctx));
    expect(x.resultat).toBe(19.16);
    expect(valeurs(x)).toEqual(attendu([
      ...debut,
      ...uc,
      ["Jours par mois", 30],
      ["Jours-UC du mois", 54],
      ["Reste à vivre par jour et par unité de consommation (mois de 30 jours)", 1034.9 / 54],
      ["Reste à vivre par jour et par unité de consommation (mois de 30 jours), arrondi au centime", 19.16],
    ]));
    expect(x.etapes.at(-1)!.unite).toBe("€/jour/UC");
  });
});

describe("taux d'effort expliqué", () => {
  it("(650 + 120 − 280) / 1 800 = 0,272 2… → 27,22 % (arrêté du 10 mars 2011)", () => {
    const x = valide(expliquerObjet("TAUX_EFFORT", { loyer: 650, charges: 120, aide_logement: 280, ressources: 1800 }, ctx));
    expect(x.resultat).toBe(0.2722);
    expect(valeurs(x)).toEqual(attendu([
      ["Loyer (principal et annexes)", 650],
      ["Charges récupérables", 120],
      ["Aide au logement", 280],
      ["Ressources mensuelles du foyer", 1800],
      ["Dépense de logement", 770],
      ["Dépense de logement, aide au logement déduite", 490],
      ["Taux d'effort avant arrondi", 490 / 1800],
      ["Taux d'effort", 0.2722],
    ]));
    expect(x.etapes.map((e) => e.operation.type)).toEqual(["entree", "entree", "entree", "entree", "somme", "difference", "quotient", "arrondi"]);
    expect(x.etapes.at(-1)!.reference).toMatch(/10 mars 2011/);
  });
});

describe("plan d'apurement expliqué", () => {
  it("1 000 € en 3 mois : 1 000 / 3 = 333,33… → 333,34 € par mois, 3 échéances, dernière 1 000 − 2 × 333,34 = 333,32 €", () => {
    const x = valide(expliquer("PLAN_APUREMENT", [1000, "", 3, "2024-01-31", 420], ctx));
    expect(valeurs(x)).toEqual(attendu([
      ["Dette locative", 1000],
      ["Durée du plan", 3],
      ["Dette / durée", 1000 / 3],
      ["Mensualité de reprise de dette", 333.34],
      ["Dette / mensualité", 1000 / 333.34],
      ["Nombre d'échéances", 3],
      ["Loyer résiduel", 420],
      // 333,34 + 420 = 753,34
      ["Total à verser à chaque échéance pleine", 753.34],
      ["La dernière échéance", 1],
      ["Échéances pleines (avant la dernière)", 2],
      ["Repris par les échéances pleines", 666.68],
      ["Dernière échéance (n° 3, reprise de dette)", 333.32],
    ]));
    // The table is the one Excel shows; its last instalment is the last step.
    const table = x.resultat as unknown[][];
    expect(table).toHaveLength(4);
    expect(table[3]![2]).toBe(333.32);
  });
});

describe("unités de consommation expliquées", () => {
  it("couple + 2 enfants de moins de 14 ans : 1 + 0,5 × 1 + 0,3 × 2 = 2,1 UC", () => {
    const x = valide(expliquer("UC", [2, 2], ctx));
    expect(x.resultat).toBe(2.1);
    expect(x.etapes.at(-1)).toMatchObject({ valeur: 2.1, operation: { type: "somme", termes: [3, 7, 8] } });
    expect(x.etapes[4]!.bareme).toMatchObject({ id: "echelle_ocde_modifiee", cle: "autrePersonne14Plus" });
  });
});

describe("quotité saisissable expliquée sur deux tranches", () => {
  it("720 € par mois au 01/06/2025 : 4 440 × 1/20 + (8 640 − 4 440) × 1/10 = 642 € par an, / 12 = 53,50 €", () => {
    // Barème 2025 (décret n° 2024-1271) : s1 = 4 440 €, s2 = 8 660 € ; RSA 1 personne au 01/04/2025 : 646,52 €.
    const x = valide(expliquer("QUOTITE_SAISISSABLE", [720, 0, "2025-06-01"], ctx));
    expect(x.resultat).toBe(53.5);
    expect(valeurs(x)).toEqual(attendu([
      ["Rémunération mensuelle nette", 720],
      ["Mois par an", 12],
      ["Rémunération annuelle", 8640],
      ["Seuil annuel s1", 4440],
      ["Rémunération annuelle dans la tranche 1", 4440],
      ["Fraction saisissable de la tranche 1 (1/20)", 0.05],
      ["Part saisissable de la tranche 1", 222],
      ["Seuil annuel s2", 8660],
      ["Haut de la tranche 2", 8640],
      ["Rémunération annuelle dans la tranche 2", 4200],
      ["Fraction saisissable de la tranche 2 (1/10)", 0.1],
      ["Part saisissable de la tranche 2", 420],
      ["Part saisissable annuelle", 642],
      ["Quotité saisissable selon le barème", 53.5],
      ["RSA d'une personne seule (montant forfaitaire)", 646.52],
      // 720 − 646,52 = 73,48 € : le barème (53,50 €) est plus petit, il s'applique.
      ["Rémunération au-delà du RSA d'une personne seule", 73.48],
      ["Quotité saisissable", 53.5],
    ]));
    const s1 = x.etapes[3]!;
    expect(s1.bareme).toEqual({
      id: "saisie_remuneration",
      version: "2025-01-01",
      cle: "seuilsAnnuels.s1",
      statut: "officiel",
      source: expect.stringMatching(/R\.3252-2/),
    });
    expect(x.etapes[14]!.bareme).toMatchObject({ id: "rsa_montant_forfaitaire", version: "2025-04-01", cle: "montant" });
    expect(x.statut).toBe("officiel");
  });

});

describe("plafond de ressources expliqué, catégorie 7 et plus", () => {
  it("PLUS, autres régions, catégorie 8 au 01/06/2025 : 59 636 + 2 × 6 652 = 72 940 €", () => {
    // Arrêté du 29 juillet 1987 modifié, valeurs 2025 : PLUS AUTRES cat6 = 59 636 €, + 6 652 € par personne supplémentaire.
    const x = valide(expliquer("PLAFOND_RESSOURCES", ["PLUS", 8, "AUTRES", "2025-06-01"], ctx));
    expect(x.resultat).toBe(72940);
    expect(valeurs(x)).toEqual(attendu([
      ["Catégorie de ménage", 8],
      ["Dernière catégorie du tableau", 6],
      ["Personnes supplémentaires", 2],
      ["Plafond PLUS (Autres régions), catégorie 6", 59636],
      ["Plafond PLUS (Autres régions), par personne supplémentaire", 6652],
      ["Majoration pour les personnes supplémentaires", 13304],
      ["Plafond PLUS (Autres régions), catégorie 8", 72940],
    ]));
    expect(x.etapes[3]!.bareme).toMatchObject({ id: "plafonds_ressources_hlm", version: "2025-01-01", cle: "PLUS.AUTRES.cat6" });
  });

  it("PLS, catégorie 8 : la table PLS, 77 527 + 2 × 8 648 = 94 823 € ; statut « calcule » (cellules PLS = PLUS × 1,3)", () => {
    const x = valide(expliquer("PLAFOND_RESSOURCES", ["PLS", 8, "AUTRES", "2025-06-01"], ctx));
    expect(x.resultat).toBe(94823);
    expect(valeurs(x).slice(-4)).toEqual(
      attendu([
        ["Plafond PLS (Autres régions), catégorie 6", 77527],
        ["Plafond PLS (Autres régions), par personne supplémentaire", 8648],
        ["Majoration pour les personnes supplémentaires", 17296],
        ["Plafond PLS (Autres régions), catégorie 8", 94823],
      ]),
    );
    expect(x.statut).toBe("calcule");
  });

  it("statut : le plus faible des valeurs lues — PLAI Île-de-France catégorie 7 en 2025 lit deux estimations", () => {
    // Cellules PLAI.IDF.cat6 et PLAI.IDF.parPersonneSupplementaire de la version 2025 : « estimation ».
    const x = valide(expliquer("PLAFOND_RESSOURCES", ["PLAI", 7, "IDF", "2025-06-01"], ctx));
    expect(x.resultat).toBe(42077 + 4686);
    expect(x.statut).toBe("estimation");
    expect(x.etapes.filter((e) => e.bareme).map((e) => e.bareme!.statut)).toEqual(["estimation", "estimation"]);
    expect(expliquer("PLAFOND_RESSOURCES", ["PLUS", 3, "IDF", "2025-06-01"], ctx).statut).toBe("officiel");
  });
});

describe("RSA forfaitaire expliqué", () => {
  it("couple + 3 enfants au 01/06/2025, aide au logement de 150 € : forfait logement plafonné à l'aide, 1 616,30 − 150 = 1 466,30 €", () => {
    // CASF R.262-1 : 1 + 0,5 (conjoint) + 0,3 (1er enfant) + 0,3 (4e personne d'un couple) + 0,4 (3e enfant de moins de 25 ans) = 2,5 ;
    // 646,52 × 2,5 = 1 616,30 €. Forfait logement (R.262-9, 3 personnes ou plus) : 646,52 × 1,8 × 16,5 % = 192,016 44 → 192,02 € ;
    // R.262-10 : déduit dans la limite de l'aide perçue, min(192,02 ; 150) = 150 €.
    const x = valide(expliquer("RSA_FORFAITAIRE", [true, 3, "2025-06-01", 150], ctx));
    expect(x.resultat).toBe(1466.3);
    expect(valeurs(x)).toEqual(
      attendu([
        ["Montant forfaitaire d'une personne seule", 646.52],
        ["Coefficient du demandeur", 1],
        ["Majoration : 2e personne du foyer", 0.5],
        ["Majoration : 3e personne, ou personne à charge de 25 ans ou plus", 0.3],
        ["Majoration : 4e personne d'un couple", 0.3],
        ["Majoration : chaque personne de moins de 25 ans à partir de la 3e", 0.4],
        ["Coefficient du foyer (5 personnes, couple)", 2.5],
        ["Montant forfaitaire du foyer", 1616.3],
        ["Taux du forfait logement (3 personnes ou plus)", 0.165],
        // 1 + 0,5 + 0,3 : the coefficient and majorations already read above, cited again.
        ["Coefficient de 3 personnes (base du forfait)", 1.8],
        ["Forfait logement, avant arrondi", 192.01644],
        ["Forfait logement", 192.02],
        ["Aide au logement perçue", 150],
        ["Forfait logement déduit", 150],
        ["RSA forfaitaire du foyer, forfait logement déduit", 1466.3],
      ]),
    );
    expect(x.etapes[6]!.operation).toEqual({ type: "somme", termes: [1, 2, 3, 4, 5] });
    expect(x.etapes[9]!.operation).toEqual({ type: "somme", termes: [1, 2, 3] });
    expect(x.etapes[13]!.operation).toEqual({ type: "minimum", termes: [11, 12] });
    expect(x.etapes[0]!.bareme).toMatchObject({ id: "rsa_montant_forfaitaire", version: "2025-04-01", cle: "montant", statut: "officiel" });
  });
});

describe("capacité de remboursement expliquée", () => {
  it("le plancher du RSA du foyer l'emporte : couple + 3 enfants, 1 800 € de ressources, 500 € de charges au 01/06/2025 → 183,70 €", () => {
    // RSA du foyer (ci-dessus) 1 616,30 € > 500 € de charges : la part laissée pour vivre est le RSA (C. consommation L.731-2),
    // 1 800 − 1 616,30 = 183,70 €. Quotité saisissable (4 personnes à charge, seuils + 4 × 1 720 €) sur 21 600 € par an :
    // 11 320 × 1/20 + 4 220 × 1/10 + 4 230 × 1/5 + (21 600 − 19 770) × 1/4 = 566 + 422 + 846 + 457,50 = 2 291,50 € ; / 12 = 190,958 3… €.
    // Capacité = min(190,96 ; 183,70) = 183,70 €.
    const x = valide(expliquer("CAPACITE_REMBOURSEMENT", [1800, 500, true, 3, "2025-06-01"], ctx));
    expect(x.resultat).toBe(183.7);
    const etape = (libelle: string) => x.etapes.find((e) => e.libelle === libelle);
    expect(etape("Personnes à charge (quotité saisissable)")?.valeur).toBe(4);
    expect(neuf(etape("Quotité saisissable")?.valeur)).toBe(neuf(2291.5 / 12));
    expect(etape("Montant forfaitaire du foyer")?.valeur).toBe(1616.3);
    expect(etape("Part des ressources laissée pour vivre")).toMatchObject({ valeur: 1616.3, operation: { type: "maximum" } });
    expect(etape("Ressources au-delà de cette part")?.valeur).toBe(183.7);
    expect(etape("Capacité de remboursement avant arrondi")?.valeur).toBe(183.7);
    expect(x.etapes.at(-1)).toMatchObject({ libelle: "Capacité de remboursement", valeur: 183.7 });
    // The quotité's remuneration is the household's resources: one input, cited by both.
    expect(x.etapes.filter((e) => e.operation.type === "entree" && e.valeur === 1800)).toHaveLength(1);
  });
});

describe("BAREME expliqué", () => {
  it("une seule étape : la valeur lue, avec sa version, sa clé, son statut et sa source", () => {
    const x = valide(expliquer("BAREME", ["rsa_montant_forfaitaire", "2025-06-01"], ctx));
    expect(x.resultat).toBe(646.52);
    expect(x.etapes).toHaveLength(1);
    expect(x.etapes[0]).toMatchObject({ valeur: 646.52, bareme: { id: "rsa_montant_forfaitaire", version: "2025-04-01", cle: "montant", statut: "officiel" } });
  });
});

describe("texte pour un rapport", () => {
  it("numérote les étapes, écrit les nombres à la française et refait le calcul avec les valeurs", () => {
    const t = explicationEnTexte(expliquer("TAUX_EFFORT", [650, 120, 280, 1800], ctx), "Taux d'effort");
    expect(t).toContain("Résultat : 27,22 %");
    expect(t).toContain("5. Dépense de logement = loyer + charges = 650,00 + 120,00 = 770,00 €/mois");
    expect(t).toContain("8. Taux d'effort : 27,22 % (arrondi à 4 décimales (0,01 %), de 0,272222…)");
  });
});

describe("erreurs", () => {
  it("une entrée refusée par la fonction l'est aussi par son explication, avec le même message", () => {
    expect(() => expliquer("TAUX_EFFORT", [650, 120, 280, 0], ctx)).toThrow(/supérieures à 0/);
    expect(() => expliquerObjet("TAUX_EFFORT", { loyer: 1, inconnu: 2 }, ctx)).toThrow(/inconnu/);
    expect(() => expliquer("NEXISTE_PAS", [], ctx)).toThrow(/Fonction inconnue/);
  });
});

describe("vérification des étapes", () => {
  it("signale une étape dont le calcul ne donne pas la valeur, un arrondi faux et une étape qui en utilise une plus tardive", () => {
    const x = expliquer("TAUX_EFFORT", [650, 120, 280, 1800], ctx);
    const faux = JSON.parse(JSON.stringify(x.etapes)) as typeof x.etapes;
    faux[4]!.valeur = 770.01; // 650 + 120 ≠ 770,01
    faux[7]!.valeur = 0.2723; // 0,272 2… arrondi donne 0,2722
    faux[5]!.operation = { type: "difference", de: 6, moins: 2 };
    expect(verifierEtapes(faux)).toEqual([
      "Étape 5 (« Dépense de logement ») : le calcul donne 770, l'étape indique 770.01.",
      "Étape 6 (« Dépense de logement, aide au logement déduite ») : elle utilise l'étape 7, qui ne la précède pas.",
      "Étape 8 (« Taux d'effort ») : le calcul donne 0.2722, l'étape indique 0.2723.",
    ]);
  });
});
