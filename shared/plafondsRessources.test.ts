import { describe, expect, it } from "vitest";
import { plafondRessources } from "./plafondsRessources.ts";
import type { Financement, Zone } from "./baremes/valeurs.ts";
import { erreur } from "./test/erreur.ts";

// Expected values typed in from cal.md §1.4 / plafonds.json (PLUS, PLAI 2025-2026), the PLAI 2024 table
// (haye-expert-comptable.fr), and PLS worked by hand as PLUS × 1,3 rounded half-up to the euro.

const p = (f: Financement, c: number, z: Zone, d: string) => plafondRessources(f, c, z, d).toNumber();

describe("catégories 1 à 6, chaque financement et chaque zone", () => {
  it.each([
    ["PLUS", 1, "PARIS", "2025-06-01", 26687],
    ["PLUS", 3, "IDF", "2025-06-01", 47944],
    ["PLUS", 3, "AUTRES", "2025-06-01", 37259],
    ["PLUS", 6, "AUTRES", "2026-06-01", 60156],
    ["PLUS", 4, "PARIS", "2024-06-01", 60921],
    ["PLAI", 1, "PARIS", "2025-06-01", 14683],
    ["PLAI", 4, "IDF", "2026-06-01", 31860], // [E]
    ["PLAI", 2, "AUTRES", "2024-06-01", 18143],
    ["PLAI", 6, "AUTRES", "2025-06-01", 32800],
  ] as const)("%s cat. %i %s au %s → %i €", (f, c, z, d, attendu) => {
    expect(p(f, c, z, d)).toBe(attendu);
  });
});

describe("PLS = PLUS × 1,3 arrondi à l'euro (arrêté du 29/07/1987, art. 1)", () => {
  it("Paris cat. 2, 2025 : 39 885 × 1,3 = 51 850,5 → 51 851 (demi-euro vers le haut, = tradetrans.eu)", () => {
    expect(p("PLS", 2, "PARIS", "2025-06-01")).toBe(51851);
  });
  it("autres régions cat. 5, 2025 : 52 915 × 1,3 = 68 789,5 → 68 790 (= omhgrandnancy.fr)", () => {
    expect(p("PLS", 5, "AUTRES", "2025-06-01")).toBe(68790);
  });
  it("IDF cat. 4, 2026 : 57 930 × 1,3 = 75 309", () => {
    expect(p("PLS", 4, "IDF", "2026-06-01")).toBe(75309);
  });
  it("autres régions cat. 1, 2024 : 22 642 × 1,3 = 29 434,6 → 29 435", () => {
    expect(p("PLS", 1, "AUTRES", "2024-06-01")).toBe(29435);
  });
});

describe("7 personnes et plus : catégorie 6 + personnes supplémentaires", () => {
  it("PLUS autres régions, catégorie 8, 2025 : 59 636 + 2 × 6 652 = 72 940", () => {
    expect(p("PLUS", 8, "AUTRES", "2025-06-01")).toBe(72940);
  });
  it("PLAI Paris, catégorie 7, 2025 : 45 968 + 5 121 = 51 089", () => {
    expect(p("PLAI", 7, "PARIS", "2025-06-01")).toBe(51089);
  });
  // Lecture retenue (issue 13) : la table PLS publiée, montant par personne compris, chaque cellule = PLUS × 1,3 arrondi.
  it("PLS Paris, catégorie 7, 2025 : 108 648 + 12 107 = 120 755 (table PLS : 83 575 × 1,3 = 108 647,5 → 108 648 ; 9 313 × 1,3 = 12 106,9 → 12 107) ; avant : 120 754", () => {
    expect(p("PLS", 7, "PARIS", "2025-06-01")).toBe(120755);
  });
  it("PLS IDF, catégorie 9, 2026 : 100 322 + 3 × 11 177 = 133 853 (77 171 × 1,3 = 100 322,3 → 100 322 ; 8 598 × 1,3 = 11 177,4 → 11 177) ; avant : 133 855", () => {
    expect(p("PLS", 9, "IDF", "2026-06-01")).toBe(133853);
  });
  it("PLS autres régions, catégorie 8, 2025 : 77 527 + 2 × 8 648 = 94 823, la même valeur que BAREME donne cellule par cellule", () => {
    expect(p("PLS", 8, "AUTRES", "2025-06-01")).toBe(94823);
  });
});

describe("changement au 1er janvier", () => {
  it("PLUS autres régions cat. 3 : 36 362 le 31/12/2024, 37 259 le 01/01/2025, 37 584 le 01/01/2026", () => {
    expect(p("PLUS", 3, "AUTRES", "2024-12-31")).toBe(36362);
    expect(p("PLUS", 3, "AUTRES", "2025-01-01")).toBe(37259);
    expect(p("PLUS", 3, "AUTRES", "2025-12-31")).toBe(37259);
    expect(p("PLUS", 3, "AUTRES", "2026-01-01")).toBe(37584);
  });
  it("avant 2024 : #N/A", () => {
    expect(erreur(() => p("PLUS", 3, "AUTRES", "2023-12-31")).code).toBe("BAREME_NON_EN_VIGUEUR");
  });
});

describe("erreurs", () => {
  it("catégorie 0, 31 ou fractionnaire : HORS_LIMITES ; financement ou zone inconnus : CODE_INCONNU", () => {
    expect(erreur(() => p("PLUS", 0, "PARIS", "2025-06-01")).code).toBe("HORS_LIMITES");
    expect(erreur(() => p("PLUS", 31, "PARIS", "2025-06-01")).code).toBe("HORS_LIMITES");
    expect(erreur(() => p("PLUS", 2.5, "PARIS", "2025-06-01")).code).toBe("HORS_LIMITES");
    expect(erreur(() => p("PLI" as Financement, 1, "PARIS", "2025-06-01")).code).toBe("CODE_INCONNU");
    expect(erreur(() => p("PLUS", 1, "LYON" as Zone, "2025-06-01")).code).toBe("CODE_INCONNU");
  });
});
