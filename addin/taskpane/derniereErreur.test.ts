import { describe, expect, it } from "vitest";
import { erreursSelection, formulesLogsoc } from "./derniereErreur.ts";
import { journalErreurs } from "../functions/journalErreurs.ts";

describe("LOGSOC formulas of a selection", () => {
  it("finds them cell by cell, from the selection's top-left cell (Feuil1!B3:C4 → B3, C3, B4, C4)", () => {
    const f = formulesLogsoc("Feuil1!B3:C4", [
      ["=LOGSOC.TAUX_EFFORT(A1;A2;A3;A4)", "=SOMME(A1:A4)"],
      [12, "=logsoc.reste_a_vivre(A1;A2)"],
    ]);
    expect(f).toEqual([
      { adresse: "Feuil1!B3", formule: "=LOGSOC.TAUX_EFFORT(A1;A2;A3;A4)" },
      { adresse: "Feuil1!C4", formule: "=logsoc.reste_a_vivre(A1;A2)" },
    ]);
  });

  it("reads columns past Z and quoted sheet names ('Mon budget'!$AA$10)", () => {
    expect(formulesLogsoc("'Mon budget'!$AA$10:$AB$10", [["", "=LOGSOC.BAREME(\"smic\")"]])).toEqual([{ adresse: "'Mon budget'!AB10", formule: "=LOGSOC.BAREME(\"smic\")" }]);
  });
});

describe("their last errors, in full", () => {
  it("gives the error each LOGSOC cell last threw, and nothing for a cell that computed", () => {
    const journal = journalErreurs();
    journal.noter("'Mon budget'!$D$2", { fonction: "PLAN_APUREMENT", code: "#VALUE!", message: "Avec une mensualité de 100,00 €, il faut 10 mois pour rembourser 1 000,00 € : c'est plus que la durée maximale de 6 mois." });
    const r = erreursSelection("'Mon budget'!D2:D3", [["=LOGSOC.PLAN_APUREMENT(1000;100;6)"], ["=LOGSOC.RESTE_A_VIVRE(1;0)"]], journal);
    expect(r).toEqual({
      logsoc: 2,
      erreurs: [{ adresse: "D2", fonction: "PLAN_APUREMENT", code: "#VALUE!", message: "Avec une mensualité de 100,00 €, il faut 10 mois pour rembourser 1 000,00 € : c'est plus que la durée maximale de 6 mois." }],
    });
    journal.effacer("'mon budget'!D2");
    expect(erreursSelection("'Mon budget'!D2", [["=LOGSOC.PLAN_APUREMENT(1000;100;6)"]], journal)).toEqual({ logsoc: 1, erreurs: [] });
  });
});
