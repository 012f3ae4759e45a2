import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { resteAVivre, resteAVivreExact, METHODES_RAV } from "#shared/resteAVivre.ts";
import { arrondiCentime, dec } from "#shared/money.ts";
import { unitesConsommation } from "#shared/foyer.ts";

const couple2Enfants = { personnes14Plus: 2, enfantsMoins14: 2 }; // 4 personnes, 2,1 UC

describe("reste à vivre, calculs à la main", () => {
  it.each([
    // 2 100 − 1 200 = 900 € par mois
    ["mensuel", "900"],
    // 900 / 4 personnes / 30 jours = 7,50 €
    ["jour_personne", "7.5"],
    // 900 / 2,1 UC = 428,571 4… → 428,57 €
    ["uc", "428.57"],
    // 900 / 2,1 / 30 = 14,285 7… → 14,29 €
    ["jour_uc", "14.29"],
  ] as const)("couple + 2 enfants, 2 100 € − 1 200 €, méthode %s → %s €", (methode, attendu) => {
    expect(resteAVivre(2100, 1200, couple2Enfants, methode).toString()).toBe(attendu);
  });

  it("reste à vivre nul : 1 200 € − 1 200 € = 0 par toutes les méthodes", () => {
    for (const m of METHODES_RAV) expect(resteAVivre(1200, 1200, couple2Enfants, m).isZero()).toBe(true);
  });

  it.each([
    // 1 000 − 1 250,50 = −250,50 €
    ["mensuel", "-250.5"],
    // −250,50 / 2 / 30 = −4,175 → −4,18 (arrondi au centime le plus proche, la demie s'éloignant de zéro comme ARRONDI d'Excel)
    ["jour_personne", "-4.18"],
    // 1,5 UC: −250,50 / 1,5 = −167,00
    ["uc", "-167"],
    // −167 / 30 = −5,566 6… → −5,57
    ["jour_uc", "-5.57"],
  ] as const)("reste à vivre négatif d'un couple sans enfant, méthode %s → %s €", (methode, attendu) => {
    expect(resteAVivre(1000, "1250.50", { personnes14Plus: 2, enfantsMoins14: 0 }, methode).toString()).toBe(attendu);
  });

  it("personne seule : 1 034,90 € de RAV = 34,50 € par jour (1 034,90 / 30 = 34,496 6… → 34,50)", () => {
    expect(resteAVivre("1850.40", "815.50", { personnes14Plus: 1, enfantsMoins14: 0 }, "jour_personne").toString()).toBe("34.5");
  });
});

describe("propriétés du reste à vivre", () => {
  const montant = fc.integer({ min: 0, max: 1_000_000_00 }).map((c) => dec(c).dividedBy(100));
  const foyer = fc.record({ personnes14Plus: fc.integer({ min: 1, max: 10 }), enfantsMoins14: fc.integer({ min: 0, max: 10 }) });

  it("les quatre méthodes sont cohérentes entre elles (à l'arrondi près) et de même signe", () => {
    fc.assert(
      fc.property(montant, montant, foyer, (r, c, f) => {
        const mensuel = resteAVivre(r, c, f, "mensuel");
        const uc = resteAVivre(r, c, f, "uc");
        const jourUc = resteAVivre(r, c, f, "jour_uc");
        const jourPersonne = resteAVivre(r, c, f, "jour_personne");
        const n = f.personnes14Plus + f.enfantsMoins14;
        const nbUc = unitesConsommation(f);
        // Each value is rounded once from the exact figure: the gaps are bounded by half a cent per rounding.
        expect(mensuel.toString()).toBe(r.minus(c).toString());
        expect(uc.times(nbUc).minus(mensuel).abs().lessThanOrEqualTo(nbUc.times("0.005"))).toBe(true);
        expect(jourUc.times(30).minus(uc).abs().lessThanOrEqualTo(dec("0.005").times(30).plus("0.005"))).toBe(true);
        expect(jourPersonne.times(n * 30).minus(mensuel).abs().lessThanOrEqualTo(dec("0.005").times(n * 30))).toBe(true);
        for (const v of [uc, jourUc, jourPersonne]) {
          if (!v.isZero()) expect(v.isNegative()).toBe(r.lessThan(c));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("la valeur exacte divisée puis arrondie ne dépend pas de l'ordre des opérations", () => {
    fc.assert(
      fc.property(montant, montant, foyer, (r, c, f) => {
        const exact = resteAVivreExact(r, c, f, "jour_uc");
        expect(exact.times(30).times(unitesConsommation(f)).minus(r.minus(c)).abs().lessThan("1e-20")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("le calcul en centimes arrondit exactement comme la valeur exacte arrondie au centime, y compris sous le centime", () => {
    const nombre = fc.oneof(fc.integer({ min: 0, max: 1_000_000_00 }).map((c) => c / 100), fc.double({ min: 0, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(nombre, nombre, foyer, fc.constantFrom(...METHODES_RAV), (r, c, f, m) => {
        expect(resteAVivre(r, c, f, m).equals(arrondiCentime(resteAVivreExact(r, c, f, m)))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
