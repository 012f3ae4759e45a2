import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { arrondiCentime, arrondiCentimeSuperieur, dec, depuisCentimes, enCentimes, repartir, somme } from "#shared/money.ts";

describe("arrondiCentime (half-up, au centime)", () => {
  it.each([
    ["0.005", "0.01"], // half goes up
    ["0.0049", "0"],
    ["-0.005", "-0.01"], // half-up away from zero, as a cashier rounds
    ["1034.945", "1034.95"],
    ["2.675", "2.68"], // the float 2.675 is 2.67499…; decimal must give 2.68
  ])("%s → %s", (x, attendu) => {
    expect(arrondiCentime(x).toString()).toBe(dec(attendu).toString());
  });

  it("0.1 + 0.2 = 0.3 exactement", () => {
    expect(somme([0.1, 0.2]).toString()).toBe("0.3");
  });

  it("arrondi supérieur : 1000/3 → 333.34, 100/4 → 25", () => {
    expect(arrondiCentimeSuperieur(dec(1000).dividedBy(3)).toString()).toBe("333.34");
    expect(arrondiCentimeSuperieur(dec(100).dividedBy(4)).toString()).toBe("25");
  });
});

describe("repartir (plus forts restes)", () => {
  it("100 € en 3 parts égales → 33,34 + 33,33 + 33,33", () => {
    expect(repartir(100, [1, 1, 1]).map(String)).toEqual(["33.34", "33.33", "33.33"]);
  });
  it("10 € au prorata 1:2:3 → 1,67 + 3,33 + 5,00 (10/6 = 1,666…, 20/6 = 3,333…, 30/6 = 5)", () => {
    expect(repartir(10, [1, 2, 3]).map(String)).toEqual(["1.67", "3.33", "5"]);
  });
  it("refuse des poids tous nuls", () => {
    expect(() => repartir(10, [0, 0])).toThrow(/nuls/);
  });
  it("propriété : la somme des parts égale le total au centime près, aucune part négative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }).filter((w) => w.some((x) => x > 0)),
        (cents, poids) => {
          const parts = repartir(depuisCentimes(BigInt(cents)), poids);
          expect(parts.reduce((a, p) => a + enCentimes(p), 0n)).toBe(BigInt(cents));
          expect(parts.every((p) => !p.isNegative())).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("centimesExacts", () => {
  it("1 800,37 € = 180 037 centimes ; 0,1 = 10 ; un montant sous le centime garde sa valeur exacte (0,005 € = 0,5 centime)", async () => {
    const { centimesExacts } = await import("#shared/money.ts");
    expect(centimesExacts(1800.37).toString()).toBe("180037");
    expect(centimesExacts(0.1).toString()).toBe("10");
    expect(centimesExacts(0.005).toString()).toBe("0.5");
    expect(centimesExacts("12.345").toString()).toBe("1234.5");
  });
  it("propriété : centimesExacts(x) = décimal(x) × 100 pour tout nombre", async () => {
    const { centimesExacts } = await import("#shared/money.ts");
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100), fc.double({ min: -1e9, max: 1e9, noNaN: true })), (x) => {
        expect(centimesExacts(x).equals(dec(x).times(100))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
