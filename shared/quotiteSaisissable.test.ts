import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { quotiteBaremeExacte, quotiteSaisissable } from "./quotiteSaisissable.ts";
import { baremeAt } from "./baremes/catalogue.ts";
import { arrondiCentime, dec } from "./money.ts";
import { erreur } from "./test/erreur.ts";

// Hand-worked from regulation.md §4. 2025 annual thresholds 4 440 / 8 660 / 12 890 / 17 090 / 21 300 / 25 600,
// +1 720 per dependant; monthly = annual / 12, which is the annual barème applied to 12 × the monthly pay, / 12.
// RSA 1 personne (floor, R.3252-5): 635,71 € until 31/03/2025, 646,52 € from 01/04/2025.

const JUIN_2025 = "2025-06-01";
const bareme2025 = baremeAt("saisie_remuneration", JUIN_2025).valeurs;
const bareme = (n: number, pac = 0) => arrondiCentime(quotiteBaremeExacte(n, pac, bareme2025)).toNumber();

describe("barème seul (avant plancher RSA), 2025, sans personne à charge : chaque tranche", () => {
  it.each([
    [300, 15], // tranche 1 : 300 × 1/20 = 15
    [370, 18.5], // seuil mensuel 1 : 4 440 / 12 = 370 → 18,50
    [700, 51.5], // tranche 2 : 18,50 + (700 − 370) / 10 = 51,50
    [1000, 109.33], // tranche 3 : (222 + 422 + (12 000 − 8 660) / 5) / 12 = 1 312 / 12 = 109,333…
    [1200, 155.63], // tranche 4 : (222 + 422 + 846 + (14 400 − 12 890) / 4) / 12 = 1 867,5 / 12 = 155,625 → 155,63
    [1500, 236.94], // tranche 5 : (2 540 + (18 000 − 17 090) / 3) / 12 = 2 843,33… / 12 = 236,944…
    [1775, 328.61], // seuil mensuel 5 : (2 540 + 4 210 / 3) / 12 = 3 943,33… / 12 = 328,611…
    [2000, 478.61], // tranche 6 : (3 943,33… + (24 000 − 21 300) × 2/3) / 12 = 5 743,33… / 12 = 478,611…
    [2500, 934.17], // tranche 7 : (222 + 422 + 846 + 1 050 + 4 210 / 3 + 4 300 × 2/3 + (30 000 − 25 600)) / 12 = (2 540 + 4 270 + 4 400) / 12 = 11 210 / 12 = 934,166…
  ])("%s € → %s €", (n, attendu) => {
    expect(bareme(n)).toBe(attendu);
  });
  it("0 € → 0", () => {
    expect(bareme(0)).toBe(0);
  });
});

describe("quotité saisissable avec plancher RSA d'une personne (646,52 € en juin 2025)", () => {
  it.each([
    [300, 0, 0], // barème 15 ; 300 − 646,52 < 0 → le débiteur garde tout
    [646.52, 0, 0], // exactement le RSA : rien
    [680, 0, 33.48], // barème 49,50 ; plancher 680 − 646,52 = 33,48 → 33,48 (le plancher joue)
    [700, 0, 51.5], // barème 51,50 < 700 − 646,52 = 53,48 → 51,50 (le barème joue)
    [1000, 0, 109.33],
    [1200, 0, 155.63],
    [1500, 0, 236.94],
    [2000, 0, 478.61],
    [2500, 0, 934.17],
  ])("%s €, %i personne(s) à charge → %s €", (n, pac, attendu) => {
    expect(quotiteSaisissable(n, pac, JUIN_2025).toNumber()).toBe(attendu);
  });
});

describe("avec personnes à charge (seuils + 1 720 € par personne en 2025)", () => {
  it("1 500 €, 1 personne à charge : seuils 6 160 / 10 380 / 14 610 / 18 810 → (308 + 422 + 846 + 3 390 / 4) / 12 = 2 423,5 / 12 = 201,958… → 201,96", () => {
    expect(quotiteSaisissable(1500, 1, JUIN_2025).toNumber()).toBe(201.96);
  });
  it("1 500 €, 2 personnes à charge : seuils 7 880 / 12 100 / 16 330 / 20 530 → (394 + 422 + 846 + 1 670 / 4) / 12 = 2 079,5 / 12 = 173,291… → 173,29", () => {
    expect(quotiteSaisissable(1500, 2, JUIN_2025).toNumber()).toBe(173.29);
  });
  it("1 800 €, 3 personnes à charge : seuils 9 600 / 13 820 / 18 050 / 22 250 → (480 + 422 + 846 + 3 550 / 4) / 12 = 2 635,5 / 12 = 219,625 → 219,63", () => {
    expect(quotiteSaisissable(1800, 3, JUIN_2025).toNumber()).toBe(219.63);
  });
  it("plancher RSA quel que soit le nombre de personnes à charge : 660 €, 3 personnes à charge → barème 7 920 / 20 / 12 = 33 ; 660 − 646,52 = 13,48 → 13,48", () => {
    expect(quotiteSaisissable(660, 3, JUIN_2025).toNumber()).toBe(13.48);
  });
});

describe("changements de barème et de RSA", () => {
  it("31/12/2024 (barème 2024 : 4 370 / 8 520 / 12 690 / 16 820) : 1 500 € → (218,5 + 415 + 834 + 1 032,5 + 1 180 / 3) / 12 = 241,111… → 241,11 ; 01/01/2025 → 236,94", () => {
    expect(quotiteSaisissable(1500, 0, "2024-12-31").toNumber()).toBe(241.11);
    expect(quotiteSaisissable(1500, 0, "2025-01-01").toNumber()).toBe(236.94);
  });
  it("680 € : plancher 680 − 635,71 = 44,29 au 31/03/2025, puis 680 − 646,52 = 33,48 au 01/04/2025", () => {
    expect(quotiteSaisissable(680, 0, "2025-03-31").toNumber()).toBe(44.29);
    expect(quotiteSaisissable(680, 0, "2025-04-01").toNumber()).toBe(33.48);
  });
  it("2026 (4 480 / 8 730 / 13 000 / 17 230) : 1 500 € → (224 + 425 + 854 + 1 057,5 + 770 / 3) / 12 = 2 817,166… / 12 = 234,763… → 234,76", () => {
    expect(quotiteSaisissable(1500, 0, "2026-06-01").toNumber()).toBe(234.76);
  });
  it("seuils mensuels 2025 des notes (370,00 / 721,67 / 1 074,17 / 1 424,17 / 1 775,00 / 2 133,33) : +143,33 par personne à charge", () => {
    const s = bareme2025.seuilsAnnuels;
    expect([s.s1, s.s2, s.s3, s.s4, s.s5, s.s6].map((x) => arrondiCentime(dec(x).dividedBy(12)).toNumber())).toEqual([370, 721.67, 1074.17, 1424.17, 1775, 2133.33]);
    expect(arrondiCentime(dec(bareme2025.majorationParPersonneACharge).dividedBy(12)).toNumber()).toBe(143.33);
  });
  it("avant 2023 : #N/A", () => {
    expect(erreur(() => quotiteSaisissable(1500, 0, "2022-12-31")).code).toBe("BAREME_NON_EN_VIGUEUR");
  });
});

describe("propriétés", () => {
  it("jamais plus que la rémunération moins le RSA d'une personne, jamais négative, croissante avec la rémunération", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 6 }), (centimes, pac) => {
        const n = dec(centimes).dividedBy(100);
        const q = quotiteSaisissable(n, pac, JUIN_2025);
        expect(q.greaterThanOrEqualTo(0)).toBe(true);
        expect(q.lessThanOrEqualTo(arrondiCentime(positif(n.minus("646.52"))))).toBe(true);
        expect(quotiteSaisissable(n.plus(1), pac, JUIN_2025).greaterThanOrEqualTo(q)).toBe(true);
        expect(quotiteSaisissable(n, pac + 1, JUIN_2025).lessThanOrEqualTo(q)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it("au-delà du dernier seuil, chaque euro de plus est saisi en entier", () => {
    expect(quotiteSaisissable(5001, 0, JUIN_2025).minus(quotiteSaisissable(5000, 0, JUIN_2025)).toNumber()).toBe(1);
  });
});

function positif(x: ReturnType<typeof dec>) {
  return x.isNegative() ? dec(0) : x;
}

describe("erreurs", () => {
  it("rémunération négative, personnes à charge négatives ou fractionnaires : HORS_LIMITES", () => {
    expect(erreur(() => quotiteSaisissable(-1, 0, JUIN_2025)).code).toBe("HORS_LIMITES");
    expect(erreur(() => quotiteSaisissable(1000, -1, JUIN_2025)).code).toBe("HORS_LIMITES");
    expect(erreur(() => quotiteSaisissable(1000, 0.5, JUIN_2025)).code).toBe("HORS_LIMITES");
  });
});
