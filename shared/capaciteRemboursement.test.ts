import { describe, expect, it } from "vitest";
import { capaciteRemboursement } from "./capaciteRemboursement.ts";
import { erreur } from "./test/erreur.ts";

// Hand-worked from regulation.md §3 and §4 (DESIGN §4):
//   capacité = max(0, min(QS(ressources, conjoint + enfants), ressources − max(RSA du foyer, charges))).
// June 2025: RSA 646,52 € (foyer: × 1 / 1,5 / 1,8 / 2,1 / 2,5…); saisie thresholds 2025, +1 720 € per dependant.

const JUIN_2025 = "2025-06-01";

describe("capacité de remboursement, juin 2025", () => {
  it("la quotité saisissable limite : couple + 2 enfants, 1 800 € de ressources, 900 € de charges → 219,63", () => {
    // QS avec 3 personnes à charge (conjoint + 2 enfants) = 219,625 (voir quotiteSaisissable.test.ts).
    // RSA du foyer = 646,52 × 2,1 = 1 357,69 > 900 ; 1 800 − 1 357,69 = 442,31. min(219,625 ; 442,31) → 219,63.
    expect(capaciteRemboursement({ ressources: 1800, charges: 900, couple: true, enfants: 2 }, JUIN_2025).toNumber()).toBe(219.63);
  });

  it("le RSA du foyer limite : couple + 3 enfants, 1 700 € de ressources, 1 000 € de charges → 83,70", () => {
    // QS, 4 personnes à charge (+6 880 €) : seuils 11 320 / 15 540 / 19 770 ; 20 400 € par an →
    // (566 + 422 + 846 + 630 / 4) / 12 = 1 991,5 / 12 = 165,96. RSA du foyer = 646,52 × 2,5 = 1 616,30 > 1 000 ;
    // 1 700 − 1 616,30 = 83,70 < 165,96 → 83,70.
    expect(capaciteRemboursement({ ressources: 1700, charges: 1000, couple: true, enfants: 3 }, JUIN_2025).toNumber()).toBe(83.7);
  });

  it("les charges limitent : personne seule, 2 000 € de ressources, 1 900 € de charges → 100,00", () => {
    // QS(2 000, 0) = 478,61 ; charges 1 900 > RSA 646,52 ; 2 000 − 1 900 = 100 → 100.
    expect(capaciteRemboursement({ ressources: 2000, charges: 1900, couple: false, enfants: 0 }, JUIN_2025).toNumber()).toBe(100);
  });

  it("charges supérieures aux ressources : 0, jamais négative", () => {
    expect(capaciteRemboursement({ ressources: 1000, charges: 1200, couple: false, enfants: 0 }, JUIN_2025).toNumber()).toBe(0);
  });

  it("couple sans enfant : 1 100 € → 107,83 (QS) ; 950 €, sous le RSA du couple (969,78 €) → 0", () => {
    // QS, 1 personne à charge (seuils 6 160 / 10 380) : 13 200 € par an → (308 + (10 380 − 6 160) / 10 + (13 200 − 10 380) / 5) / 12
    //   = (308 + 422 + 564) / 12 = 1 294 / 12 = 107,833… ; plancher 1 100 − 646,52 = 453,48 → QS = 107,83.
    // RSA couple = 969,78 ; 1 100 − 969,78 = 130,22. min(107,83 ; 130,22) → 107,83.
    expect(capaciteRemboursement({ ressources: 1100, charges: 500, couple: true, enfants: 0 }, JUIN_2025).toNumber()).toBe(107.83);
    // 950 € pour un couple : 950 − 969,78 < 0 → 0.
    expect(capaciteRemboursement({ ressources: 950, charges: 0, couple: true, enfants: 0 }, JUIN_2025).toNumber()).toBe(0);
  });

  it("parent isolé + 1 enfant, 1 500 € de ressources, 800 € de charges → 201,96 (QS avec 1 personne à charge)", () => {
    // QS(1 500, 1) = 201,958… ; RSA isolé + 1 = 969,78 > 800 ; 1 500 − 969,78 = 530,22 → 201,96.
    expect(capaciteRemboursement({ ressources: 1500, charges: 800, couple: false, enfants: 1 }, JUIN_2025).toNumber()).toBe(201.96);
  });

  it("le conjoint compte comme personne à charge : couple sans enfant, 1 500 € → QS(1 500, 1) = 201,96 (seul : 236,94)", () => {
    expect(capaciteRemboursement({ ressources: 1500, charges: 0, couple: true, enfants: 0 }, JUIN_2025).toNumber()).toBe(201.96);
    expect(capaciteRemboursement({ ressources: 1500, charges: 0, couple: false, enfants: 0 }, JUIN_2025).toNumber()).toBe(236.94);
  });
});

describe("erreurs", () => {
  it("ressources ou charges négatives : HORS_LIMITES ; date avant les barèmes : #N/A", () => {
    expect(erreur(() => capaciteRemboursement({ ressources: -1, charges: 0, couple: false, enfants: 0 }, JUIN_2025)).code).toBe("HORS_LIMITES");
    expect(erreur(() => capaciteRemboursement({ ressources: 1, charges: -1, couple: false, enfants: 0 }, JUIN_2025)).code).toBe("HORS_LIMITES");
    expect(erreur(() => capaciteRemboursement({ ressources: 1500, charges: 0, couple: false, enfants: 0 }, "2022-01-01")).code).toBe("BAREME_NON_EN_VIGUEUR");
  });
});
