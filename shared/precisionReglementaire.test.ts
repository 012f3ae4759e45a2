import { describe, expect, it } from "vitest";
import { coefficientRsa, rsaForfaitaire } from "./rsa.ts";
import { capaciteRemboursement, personnesAChargeCapaciteAu } from "./capaciteRemboursement.ts";
import { baremeAt } from "./baremes/catalogue.ts";
import { evaluer, evaluerObjet } from "./fonctions/registre.ts";
import type { DateISO } from "./date.ts";
import { erreur } from "./test/erreur.ts";

// Issue 13, the worked cases of « Done when », each by hand. June 2026: RSA 651,69 € for one person
// (décret 2026-220, in force 2026-04-01); saisie barème 2026 (décret 2025-1299): thresholds 4 480 / 8 730 /
// 13 000 / 17 230 / 21 470 / 25 810 €, +1 740 € per dependant. Forfaits logement 2026:
//   1 person   651,69 × 12 %           = 78,2028        → 78,20
//   2 persons  651,69 × 1,5 × 16 %     = 977,535 × 0,16 = 156,4056 → 156,41
//   3+ persons 651,69 × 1,8 × 16,5 %   = 1 173,042 × 0,165 = 193,55193 → 193,55
// "Avant" = the value the code gave before issue 13 (`npx logsoc calc …` on commit a98ff2c).

const JUIN_2026 = "2026-06-01";
const ctx = { aujourdhui: JUIN_2026 as DateISO };

describe("forfait logement dans la limite de l'aide perçue (CASF R.262-10)", () => {
  it("personne seule, aide de 50 € : 651,69 − min(78,20 ; 50) = 601,69 (avant : 573,49, forfait entier)", () => {
    expect(rsaForfaitaire({ couple: false, enfants: 0 }, JUIN_2026, { forfaitLogement: 50 }).toNumber()).toBe(601.69);
    expect(evaluer("RSA_FORFAITAIRE", [false, 0, JUIN_2026, 50], ctx)).toBe(601.69);
  });
  it("personne seule, aide de 100 € : 651,69 − min(78,20 ; 100) = 573,49 (inchangé)", () => {
    expect(rsaForfaitaire({ couple: false, enfants: 0 }, JUIN_2026, { forfaitLogement: 100 }).toNumber()).toBe(573.49);
  });
  it("couple + 2 enfants, aide de 120 € : 651,69 × 2,1 = 1 368,549 → 1 368,55 ; − min(193,55 ; 120) = 1 248,55 (avant : 1 175,00)", () => {
    expect(rsaForfaitaire({ couple: true, enfants: 2 }, JUIN_2026, { forfaitLogement: 120 }).toNumber()).toBe(1248.55);
    expect(evaluer("RSA_FORFAITAIRE", [true, 2, JUIN_2026, 120], ctx)).toBe(1248.55);
  });
  it("VRAI, FAUX et une aide nulle gardent leur sens : 573,49 / 651,69 / 651,69", () => {
    expect(evaluer("RSA_FORFAITAIRE", [false, 0, JUIN_2026, true], ctx)).toBe(573.49);
    expect(evaluer("RSA_FORFAITAIRE", [false, 0, JUIN_2026, false], ctx)).toBe(651.69);
    expect(evaluer("RSA_FORFAITAIRE", [false, 0, JUIN_2026, 0], ctx)).toBe(651.69);
    expect(evaluer("RSA_FORFAITAIRE", [false, 0, JUIN_2026, "VRAI"], ctx)).toBe(573.49);
    expect(evaluer("RSA_FORFAITAIRE", [false, 0, JUIN_2026, "50,5"], ctx)).toBe(601.19); // 651,69 − 50,50
  });
  it("une aide négative, un texte : erreurs claires qui nomment l'argument", () => {
    expect(erreur(() => evaluer("RSA_FORFAITAIRE", [false, 0, JUIN_2026, -5], ctx)).message).toMatch(/aide au logement perçue.*négati/);
    const texte = erreur(() => evaluer("RSA_FORFAITAIRE", [false, 0, JUIN_2026, "beaucoup"], ctx));
    expect(texte.code).toBe("ENTREE_INVALIDE");
    expect(texte.message).toBe("« forfait_logement » attend VRAI, FAUX ou un montant ; « beaucoup » ne convient pas.");
  });
  it("par l'API (objet JSON nommé) : forfait_logement nombre ou booléen, nouveaux arguments par leur nom", () => {
    expect(evaluerObjet("RSA_FORFAITAIRE", { couple: false, date: JUIN_2026, forfait_logement: 50 }, ctx)).toBe(601.69);
    expect(evaluerObjet("RSA_FORFAITAIRE", { couple: false, date: JUIN_2026, forfait_logement: true }, ctx)).toBe(573.49);
    expect(evaluerObjet("RSA_FORFAITAIRE", { couple: false, enfants: 3, date: JUIN_2026, isolement_majore: true, forfait_logement: true }, ctx)).toBe(1480.15);
    expect(evaluerObjet("CAPACITE_REMBOURSEMENT", { ressources: 2500, charges: 600, couple: true, enfants: 2, date: JUIN_2026, ressources_conjoint: 800 }, ctx)).toBe(645.93);
  });
});

describe("RSA majoré pour isolement (CASF L.262-9, R.262-1 : 128,412 % + 42,804 % par enfant)", () => {
  it("parent isolé + 1 enfant, sans forfait : 651,69 × (1,28412 + 0,42804) = 651,69 × 1,71216 = 1 115,7975… → 1 115,80 (avant : 977,54, montant ordinaire)", () => {
    expect(rsaForfaitaire({ couple: false, enfants: 1 }, JUIN_2026, { isolementMajore: true }).toNumber()).toBe(1115.8);
    expect(evaluer("RSA_FORFAITAIRE", [false, 1, JUIN_2026, false, true], ctx)).toBe(1115.8);
  });
  it("parent isolé + 1 enfant, avec forfait (2 personnes) : 1 115,80 − 156,41 = 959,39 (avant : 821,13)", () => {
    expect(evaluer("RSA_FORFAITAIRE", [false, 1, JUIN_2026, true, true], ctx)).toBe(959.39);
  });
  it("parent isolé + 3 enfants, sans forfait : 651,69 × (1,28412 + 3 × 0,42804) = 651,69 × 2,56824 = 1 673,6963… → 1 673,70 (avant : 1 433,72)", () => {
    expect(evaluer("RSA_FORFAITAIRE", [false, 3, JUIN_2026, false, true], ctx)).toBe(1673.7);
  });
  it("parent isolé + 3 enfants, avec forfait (3 personnes et plus) : 1 673,70 − 193,55 = 1 480,15 (avant : 1 240,17)", () => {
    expect(evaluer("RSA_FORFAITAIRE", [false, 3, JUIN_2026, true, true], ctx)).toBe(1480.15);
  });
  it("femme enceinte isolée sans enfant : 651,69 × 1,28412 = 836,8482 → 836,85", () => {
    expect(evaluer("RSA_FORFAITAIRE", [false, 0, JUIN_2026, false, true], ctx)).toBe(836.85);
  });
  it("un couple ne peut pas être en isolement majoré : erreur #VALUE!", () => {
    const e = erreur(() => evaluer("RSA_FORFAITAIRE", [true, 1, JUIN_2026, false, true], ctx));
    expect(e.code).toBe("ENTREE_INVALIDE");
    expect(e.message).toMatch(/personne isolée/);
  });
  it("les coefficients sont lus dans le barème daté rsa_majoration_isolement", () => {
    expect(baremeAt("rsa_majoration_isolement", JUIN_2026).valeurs).toEqual({ coefficientBase: 1.28412, coefficientParEnfant: 0.42804 });
  });
});

describe("+40 % réservé aux enfants ou personnes de moins de 25 ans (R.262-1)", () => {
  const m = baremeAt("rsa_montant_forfaitaire", JUIN_2026).valeurs.majorations;
  it("isolé + 2 enfants + 1 ascendant de 25 ans ou plus : 1 + 0,5 + 0,3 + 0,3 = 2,1 ; 651,69 × 2,1 = 1 368,549 → 1 368,55 (avant : 2,2 → 1 433,72)", () => {
    expect(coefficientRsa(m, { couple: false, enfants: 3, personnes25Plus: 1 }).toString()).toBe("2.1");
    expect(evaluer("RSA_FORFAITAIRE", [false, 3, JUIN_2026, false, false, 1], ctx)).toBe(1368.55);
  });
  it("couple + 2 enfants + 1 ascendant : 1 + 0,5 + 0,3 + 0,3 + 0,3 = 2,4 ; 651,69 × 2,4 = 1 564,056 → 1 564,06 (avant : 2,5 → 1 629,23)", () => {
    expect(coefficientRsa(m, { couple: true, enfants: 3, personnes25Plus: 1 }).toString()).toBe("2.4");
    expect(evaluer("RSA_FORFAITAIRE", [true, 3, JUIN_2026, false, false, 1], ctx)).toBe(1564.06);
  });
  it("couple + 3 enfants + 1 ascendant : le 3e enfant garde ses 40 % : 1 + 0,5 + 0,3 + 0,3 + 0,4 + 0,3 = 2,8", () => {
    expect(coefficientRsa(m, { couple: true, enfants: 4, personnes25Plus: 1 }).toString()).toBe("2.8");
  });
  it("isolé + 1 ascendant seul : 2e personne du foyer, +50 % = 1,5", () => {
    expect(coefficientRsa(m, { couple: false, enfants: 1, personnes25Plus: 1 }).toString()).toBe("1.5");
  });
  it("sans personne de 25 ans ou plus : les coefficients d'avant (1,5 / 1,8 / 2,2 / 2,6 ; couple 2,1 / 2,5 / 2,9)", () => {
    const c = (couple: boolean, enfants: number) => coefficientRsa(m, { couple, enfants, personnes25Plus: 0 }).toString();
    expect([c(false, 1), c(false, 2), c(false, 3), c(false, 4), c(true, 2), c(true, 3), c(true, 4)]).toEqual(["1.5", "1.8", "2.2", "2.6", "2.1", "2.5", "2.9"]);
  });
  it("plus de personnes de 25 ans ou plus que de personnes à charge : erreur", () => {
    expect(erreur(() => evaluer("RSA_FORFAITAIRE", [false, 1, JUIN_2026, false, false, 2], ctx)).code).toBe("HORS_LIMITES");
  });
});

describe("capacité de remboursement : plancher du RSA majoré et conjoint à charge selon ses ressources", () => {
  it("parent isolé + 1 enfant, 1 200 € de ressources, 300 € de charges : le RSA majoré plancher l'emporte, 84,20 (avant : 126,83)", () => {
    // QS, 1 personne à charge : seuils 2026 + 1 740 = 6 220 / 10 470 / 14 740… ; annuel 14 400 :
    //   6 220/20 = 311 ; (10 470 − 6 220)/10 = 425 ; (14 400 − 10 470)/5 = 786 ; 1 522 / 12 = 126,8333…
    // Reste : 1 200 − max(RSA majoré 1 115,80 ; 300) = 84,20 < 126,83 → 84,20.
    // Sans majoration : 1 200 − 977,54 = 222,46 > 126,83 → 126,83 (la capacité d'avant, trop haute).
    expect(capaciteRemboursement({ ressources: 1200, charges: 300, couple: false, enfants: 1, isolementMajore: true }, JUIN_2026).toNumber()).toBe(84.2);
    expect(evaluer("CAPACITE_REMBOURSEMENT", [1200, 300, false, 1, JUIN_2026, true], ctx)).toBe(84.2);
    expect(evaluer("CAPACITE_REMBOURSEMENT", [1200, 300, false, 1, JUIN_2026], ctx)).toBe(126.83);
  });
  it("couple + 2 enfants, 2 500 € / 600 € ; conjoint à 800 € ≥ 651,69 : 2 personnes à charge, 645,93 (avant : 3, 536,79)", () => {
    // Seuils 2026 + 2 × 1 740 = 7 960 / 12 210 / 16 480 / 20 710 / 24 950 / 29 290 ; annuel 30 000 :
    //   398 + 425 + 854 + 1 057,5 + 4 240/3 (1 413,333…) + 4 340 × 2/3 (2 893,333…) + 710 = 7 751,1666… ; / 12 = 645,9305…
    // Reste : 2 500 − max(1 368,55 ; 600) = 1 131,45 > 645,93.
    expect(evaluer("CAPACITE_REMBOURSEMENT", [2500, 600, true, 2, JUIN_2026, false, 800], ctx)).toBe(645.93);
    expect(personnesAChargeCapaciteAu({ couple: true, enfants: 2, ressourcesConjoint: 800 }, JUIN_2026)).toBe(2);
  });
  it("conjoint sous le RSA d'une personne (500 €), ou ressources non indiquées : compté à charge, 536,79 comme avant", () => {
    expect(evaluer("CAPACITE_REMBOURSEMENT", [2500, 600, true, 2, JUIN_2026, false, 500], ctx)).toBe(536.79);
    expect(evaluer("CAPACITE_REMBOURSEMENT", [2500, 600, true, 2, JUIN_2026], ctx)).toBe(536.79);
  });
  it("conjoint à exactement 651,69 € : pas « inférieures au RSA », donc pas à charge", () => {
    expect(personnesAChargeCapaciteAu({ couple: true, enfants: 0, ressourcesConjoint: 651.69 }, JUIN_2026)).toBe(0);
    expect(personnesAChargeCapaciteAu({ couple: true, enfants: 0, ressourcesConjoint: 651.68 }, JUIN_2026)).toBe(1);
  });
  it("ressources du conjoint sans couple : erreur claire", () => {
    expect(erreur(() => evaluer("CAPACITE_REMBOURSEMENT", [2500, 600, false, 2, JUIN_2026, false, 800], ctx)).message).toMatch(/que pour un couple/);
  });
});

describe("dates et statuts", () => {
  it("seuil de pauvreté des revenus 2022 le 01/08/2024 : 1 216 € (Insee Première n° 2004 du 11/07/2024 ; 24 330 × 0,6 / 12 = 1 216,5) ; avant : #N/A", () => {
    expect(evaluer("BAREME", ["seuil_pauvrete_insee", "2024-08-01"], ctx)).toBe(1216);
  });
  it("forfait charges DOM au 01/08/2022 : 36,40 × 1,035 = 37,674 → 37,67 ; 9,36 × 1,035 = 9,6876 → 9,69 ; avant : #N/A (non disponible)", () => {
    expect(evaluer("BAREME", ["apl_forfait_charges", "2022-08-01", "dom.base"], ctx)).toBe(37.67);
    expect(evaluer("BAREME", ["apl_forfait_charges", "2022-08-01", "dom.majorationParPersonneACharge"], ctx)).toBe(9.69);
  });
});
