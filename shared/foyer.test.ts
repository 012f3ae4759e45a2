import { describe, expect, it } from "vitest";
import { unitesConsommation, nombrePersonnes } from "#shared/foyer.ts";

// Échelle OCDE modifiée (INSEE, définition c1802): 1 + 0,5 × (personnes 14+ − 1) + 0,3 × enfants < 14.
describe("unités de consommation", () => {
  it.each([
    [1, 0, "1"], // personne seule
    [2, 0, "1.5"], // couple: 1 + 0,5
    [2, 2, "2.1"], // couple + 2 enfants de 5 et 8 ans: 1 + 0,5 + 2×0,3 = 2,1 (exemple Insee cité par handirect.fr)
    [1, 1, "1.3"], // parent isolé + 1 enfant < 14: 1 + 0,3
    [1, 3, "1.9"], // parent isolé + 3 enfants < 14: 1 + 0,9
    [3, 1, "2.3"], // couple + adolescent de 15 ans + enfant de 10 ans: 1 + 0,5 + 0,5 + 0,3
    [4, 4, "3.7"], // 1 + 1,5 + 1,2
  ])("%i personne(s) de 14 ans ou plus et %i enfant(s) → %s UC", (p, e, attendu) => {
    expect(unitesConsommation({ personnes14Plus: p, enfantsMoins14: e }).toString()).toBe(attendu);
  });

  it("compte toutes les personnes du foyer", () => {
    expect(nombrePersonnes({ personnes14Plus: 2, enfantsMoins14: 3 })).toBe(5);
  });
});

describe("unités de consommation lues dans le barème echelle_ocde_modifiee à la date (issue 15)", () => {
  it("une version publiée avec d'autres poids s'applique à partir de sa date d'effet : 1 + 0,7 + 2 × 0,5 = 2,7 au lieu de 2,1", async () => {
    const { creerCatalogue, baremeAt } = await import("#shared/baremes/catalogue.ts");
    const v = baremeAt("echelle_ocde_modifiee", "2026-01-01");
    const catalogue = creerCatalogue([
      { bareme: "echelle_ocde_modifiee", version: { dateEffet: "2027-01-01", valeurs: { ...v.valeurs, autrePersonne14Plus: 0.7, enfantMoins14: 0.5 }, source: v.source, statut: v.statut } },
    ]);
    const couple2 = { personnes14Plus: 2, enfantsMoins14: 2 };
    expect(unitesConsommation(couple2, "2026-12-31", catalogue).toString()).toBe("2.1");
    expect(unitesConsommation(couple2, "2027-01-01", catalogue).toString()).toBe("2.7");
  });
});
