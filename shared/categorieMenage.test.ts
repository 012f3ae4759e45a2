import { describe, expect, it } from "vitest";
import { categorieMenage, estJeuneMenage } from "./categorieMenage.ts";
import { plafondRessources } from "./plafondsRessources.ts";
import { erreur } from "./test/erreur.ts";

// Categories from cal.md §1.2 (arrêté du 29 juillet 1987, art. 2, as reproduced by bailleurs and official pages).

describe("compositions ordinaires", () => {
  it.each([
    ["personne seule", { personnes: 1, personnesACharge: 0 }, 1],
    ["couple sans personne à charge (non jeune ménage)", { personnes: 2, personnesACharge: 0 }, 2],
    ["deux adultes sans personne à charge (parent et enfant majeur non à charge)", { personnes: 2, personnesACharge: 0 }, 2],
    ["couple + 1 enfant : trois personnes", { personnes: 3, personnesACharge: 1 }, 3],
    ["personne seule + 1 à charge", { personnes: 2, personnesACharge: 1 }, 3],
    ["personne seule + 2 à charge", { personnes: 3, personnesACharge: 2 }, 4],
    ["couple + 2 enfants : quatre personnes", { personnes: 4, personnesACharge: 2 }, 4],
    ["personne seule + 3 à charge", { personnes: 4, personnesACharge: 3 }, 5],
    ["personne seule + 4 à charge", { personnes: 5, personnesACharge: 4 }, 6],
    ["six personnes", { personnes: 6, personnesACharge: 4 }, 6],
    ["personne seule + 5 à charge : catégorie 6 + 1", { personnes: 6, personnesACharge: 5 }, 7],
    ["sept personnes : catégorie 6 + 1", { personnes: 7, personnesACharge: 5 }, 7],
    ["huit personnes : catégorie 6 + 2", { personnes: 8, personnesACharge: 6 }, 8],
  ])("%s → %i", (_nom, c, attendu) => {
    expect(categorieMenage(c)).toBe(attendu);
  });
});

describe("jeune ménage (somme des âges ≤ 55 ans, sans personne à charge)", () => {
  it("jeune ménage → catégorie 3 (et non 2)", () => {
    expect(categorieMenage({ personnes: 2, personnesACharge: 0, jeuneMenage: true })).toBe(3);
  });
  it("27 + 28 = 55 ans : jeune ménage ; 28 + 28 = 56 ans : non", () => {
    expect(estJeuneMenage(27, 28)).toBe(true);
    expect(estJeuneMenage(28, 28)).toBe(false);
  });
  it("un « jeune ménage » avec une personne à charge n'en est pas un : erreur explicite", () => {
    const e = erreur(() => categorieMenage({ personnes: 3, personnesACharge: 1, jeuneMenage: true }));
    expect(e.code).toBe("HORS_LIMITES");
    expect(e.message).toMatch(/couple sans personne à charge/);
  });
  it("jeune ménage en zone « autres régions », PLUS 2025 : plafond de la catégorie 3 = 37 259 €", () => {
    const c = categorieMenage({ personnes: 2, personnesACharge: 0, jeuneMenage: estJeuneMenage(25, 29) });
    expect(plafondRessources("PLUS", c, "AUTRES", "2025-06-01").toNumber()).toBe(37259);
  });
});

describe("handicap (titulaire de la carte mobilité inclusion « invalidité »)", () => {
  it.each([
    ["personne seule handicapée → 2", { personnes: 1, personnesACharge: 0, personnesEnSituationDeHandicap: 1 }, 2],
    ["deux personnes dont une handicapée → 3", { personnes: 2, personnesACharge: 0, personnesEnSituationDeHandicap: 1 }, 3],
    ["deux personnes toutes deux handicapées → 3 (« dont au moins une » : pas de catégorie de plus)", { personnes: 2, personnesACharge: 0, personnesEnSituationDeHandicap: 2 }, 3],
    ["trois personnes dont une handicapée → 4", { personnes: 3, personnesACharge: 1, personnesEnSituationDeHandicap: 1 }, 4],
    ["cinq personnes dont une handicapée → 6", { personnes: 5, personnesACharge: 3, personnesEnSituationDeHandicap: 1 }, 6],
    ["six personnes dont une handicapée → 6 + 1", { personnes: 6, personnesACharge: 4, personnesEnSituationDeHandicap: 1 }, 7],
    ["jeune ménage dont un handicapé → 3 (les règles ne se cumulent pas)", { personnes: 2, personnesACharge: 0, jeuneMenage: true, personnesEnSituationDeHandicap: 1 }, 3],
    ["personne seule + 1 enfant handicapé → 3 (seule + 1 à charge = deux personnes dont une handicapée = 3)", { personnes: 2, personnesACharge: 1, personnesEnSituationDeHandicap: 1 }, 3],
  ])("%s", (_nom, c, attendu) => {
    expect(categorieMenage(c)).toBe(attendu);
  });
  it("PLAI Paris 2025, personne seule handicapée : plafond de la catégorie 2 = 23 931 €", () => {
    expect(plafondRessources("PLAI", categorieMenage({ personnes: 1, personnesACharge: 0, personnesEnSituationDeHandicap: 1 }), "PARIS", "2025-06-01").toNumber()).toBe(23931);
  });
});

describe("erreurs", () => {
  it("aucune personne, personnes à charge aussi nombreuses que le foyer, plus de handicapés que de personnes", () => {
    expect(erreur(() => categorieMenage({ personnes: 0, personnesACharge: 0 })).code).toBe("HORS_LIMITES");
    expect(erreur(() => categorieMenage({ personnes: 2, personnesACharge: 2 })).code).toBe("HORS_LIMITES");
    expect(erreur(() => categorieMenage({ personnes: 2, personnesACharge: 0, personnesEnSituationDeHandicap: 3 })).code).toBe("HORS_LIMITES");
    expect(erreur(() => estJeuneMenage(-1, 30)).code).toBe("HORS_LIMITES");
  });
});
