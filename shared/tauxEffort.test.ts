import { describe, expect, it } from "vitest";
import { tauxEffort } from "#shared/tauxEffort.ts";
import { erreur } from "./test/erreur.ts";

// Arrêté du 10 mars 2011: (loyer + charges − aide au logement) / ressources, fraction arrondie à 4 décimales.
describe("taux d'effort", () => {
  it.each([
    // (650 + 120 − 280) / 1 800 = 490 / 1 800 = 0,272 22… → 0,2722 (exemple de DESIGN §5.3)
    [650, 120, 280, 1800, "0.2722"],
    // aide supérieure au loyer seul mais pas au loyer + charges: (300 + 150 − 350) / 1 500 = 100 / 1 500 = 0,066 66… → 0,0667
    [300, 150, 350, 1500, "0.0667"],
    // sans aide: (520 + 80) / 2 000 = 0,3
    [520, 80, 0, 2000, "0.3"],
    // demie arrondie vers le haut: 123,45 / 1 000 = 0,12345 → 0,1235
    [123.45, 0, 0, 1000, "0.1235"],
    // aide égale à la dépense: 0
    [400, 50, 450, 1200, "0"],
  ])("loyer %d, charges %d, aide %d, ressources %d → %s", (l, c, a, r, attendu) => {
    expect(tauxEffort(l, c, a, r).toString()).toBe(attendu);
  });

  it("ressources à 0 : #DIV/0!", () => {
    const e = erreur(() => tauxEffort(650, 120, 280, 0));
    expect(e.code).toBe("DIVISION_PAR_ZERO");
    expect(e.erreurExcel).toBe("#DIV/0!");
    expect(e.message).toMatch(/ressources/);
  });

  it("ressources négatives : #DIV/0! aussi (DESIGN §4 : ressources ≤ 0)", () => {
    expect(erreur(() => tauxEffort(650, 120, 280, -10)).code).toBe("DIVISION_PAR_ZERO");
  });

  it("aide supérieure au loyer + charges : #VALUE! avec les deux montants", () => {
    const e = erreur(() => tauxEffort(300, 50, 400, 1500));
    expect(e.erreurExcel).toBe("#VALUE!");
    expect(e.message).toContain("400,00 €");
    expect(e.message).toContain("350,00 €");
  });
});
