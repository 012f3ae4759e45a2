import { describe, expect, it } from "vitest";
import { coefficientRsa, rsaForfaitaire } from "./rsa.ts";
import { baremeAt } from "./baremes/catalogue.ts";
import { erreur } from "./test/erreur.ts";

// Hand-worked from regulation.md §5: montant 1 personne × coefficient (R.262-1), rounded half-up to the cent;
// forfait logement (R.262-9/-10) = 12 % of the 1-person amount, 16 % of the 2-person amount, 16,5 % of the
// 3-person amount, rounded to the cent, subtracted from the rounded montant.

const AVRIL_2025 = "2025-06-01"; // montant 646,52 € (décret 2025-293)

describe("coefficients du foyer (R.262-1 ; regulation.md §5.2)", () => {
  const m = baremeAt("rsa_montant_forfaitaire", AVRIL_2025).valeurs.majorations;
  it.each([
    [false, 0, "1"],
    [false, 1, "1.5"], // 1 + 0,5
    [false, 2, "1.8"], // + 0,3
    [false, 3, "2.2"], // + 0,4 (4e personne d'un parent isolé)
    [false, 4, "2.6"], // + 0,4
    [true, 0, "1.5"],
    [true, 1, "1.8"],
    [true, 2, "2.1"], // + 0,3 (4e personne d'un couple)
    [true, 3, "2.5"], // + 0,4
    [true, 4, "2.9"],
  ])("couple %s, %i enfant(s) → %s", (couple, enfants, attendu) => {
    expect(coefficientRsa(m, { couple, enfants }).toString()).toBe(attendu);
  });
});

describe("montant forfaitaire du foyer au 1er avril 2025 (646,52 €), sans forfait logement", () => {
  it.each([
    [false, 0, 646.52], // 646,52 × 1
    [false, 1, 969.78], // 646,52 × 1,5 = 969,78
    [false, 2, 1163.74], // × 1,8 = 1 163,736 → 1 163,74
    [false, 3, 1422.34], // × 2,2 = 1 422,344 → 1 422,34
    [false, 4, 1680.95], // × 2,6 = 1 680,952 → 1 680,95
    [true, 0, 969.78], // × 1,5
    [true, 1, 1163.74], // × 1,8
    [true, 2, 1357.69], // × 2,1 = 1 357,692 → 1 357,69
    [true, 3, 1616.3], // × 2,5 = 1 616,30
    [true, 4, 1874.91], // × 2,9 = 1 874,908 → 1 874,91
  ])("couple %s, %i enfant(s) → %s €", (couple, enfants, attendu) => {
    expect(rsaForfaitaire({ couple, enfants }, AVRIL_2025).toNumber()).toBe(attendu);
  });
});

describe("avec forfait logement au 1er avril 2025 : 77,58 / 155,16 / 192,02 € (notes de référence §5.3)", () => {
  // 646,52 × 0,12 = 77,5824 → 77,58 ; 969,78 × 0,16 = 155,1648 → 155,16 ; 1 163,736 × 0,165 = 192,01644 → 192,02.
  it.each([
    [false, 0, 568.94], // 646,52 − 77,58
    [false, 1, 814.62], // 969,78 − 155,16 (foyer de 2 : parent isolé + 1 enfant)
    [true, 0, 814.62], // 969,78 − 155,16
    [false, 2, 971.72], // 1 163,74 − 192,02
    [true, 1, 971.72], // 1 163,74 − 192,02
    [false, 3, 1230.32], // 1 422,34 − 192,02
    [true, 2, 1165.67], // 1 357,69 − 192,02
    [false, 4, 1488.93], // 1 680,95 − 192,02
    [true, 3, 1424.28], // 1 616,30 − 192,02
    [true, 4, 1682.89], // 1 874,91 − 192,02
  ])("couple %s, %i enfant(s) → %s €", (couple, enfants, attendu) => {
    expect(rsaForfaitaire({ couple, enfants }, AVRIL_2025, { forfaitLogement: true }).toNumber()).toBe(attendu);
  });
});

describe("autres dates, recoupées avec des montants publiés", () => {
  it("avril 2026 (651,69 €) : forfaits 78,20 / 156,41 / 193,55 € des notes (§5.3)", () => {
    // 651,69 − 78,20 = 573,49 ; 977,535 → 977,54 − 156,41 = 821,13 ; 1 173,042 → 1 173,04 − 193,55 = 979,49.
    expect(rsaForfaitaire({ couple: false, enfants: 0 }, "2026-04-01", { forfaitLogement: true }).toNumber()).toBe(573.49);
    expect(rsaForfaitaire({ couple: true, enfants: 0 }, "2026-04-01", { forfaitLogement: true }).toNumber()).toBe(821.13);
    expect(rsaForfaitaire({ couple: true, enfants: 1 }, "2026-04-01", { forfaitLogement: true }).toNumber()).toBe(979.49);
  });
  it("avril 2024 (635,71 €) : isolé + 2 enfants 1 144,28 €, couple + 2 enfants 1 334,99 € (econostrum.info)", () => {
    expect(rsaForfaitaire({ couple: false, enfants: 2 }, "2024-04-01").toNumber()).toBe(1144.28);
    expect(rsaForfaitaire({ couple: true, enfants: 2 }, "2024-04-01").toNumber()).toBe(1334.99);
  });
  it("avril 2023 (607,75 €) : isolé + 2 enfants 1 093,95 €, isolé + 3 enfants 1 337,05 € (lebonplan.org)", () => {
    expect(rsaForfaitaire({ couple: false, enfants: 2 }, "2023-04-01").toNumber()).toBe(1093.95);
    expect(rsaForfaitaire({ couple: false, enfants: 3 }, "2023-04-01").toNumber()).toBe(1337.05);
  });
  it("la veille du 1er avril 2025, c'est encore 635,71 €", () => {
    expect(rsaForfaitaire({ couple: false, enfants: 0 }, "2025-03-31").toNumber()).toBe(635.71);
  });
});

describe("erreurs", () => {
  it("avant la première version (1er avril 2022) : #N/A en français", () => {
    const e = erreur(() => rsaForfaitaire({ couple: false, enfants: 0 }, "2021-12-31"));
    expect(e.code).toBe("BAREME_NON_EN_VIGUEUR");
    expect(e.message).toMatch(/aucune version en vigueur le 31\/12\/2021/);
  });
  it("nombre d'enfants négatif ou fractionnaire : HORS_LIMITES", () => {
    expect(erreur(() => rsaForfaitaire({ couple: false, enfants: -1 }, AVRIL_2025)).code).toBe("HORS_LIMITES");
    expect(erreur(() => rsaForfaitaire({ couple: false, enfants: 1.5 }, AVRIL_2025)).code).toBe("HORS_LIMITES");
  });
});
