import { describe, expect, it } from "vitest";
import { ErreurLogsoc, estErreurLogsoc } from "./errors.ts";

describe("ErreurLogsoc across copies of the module", () => {
  it("is recognised when thrown by another bundle's copy of the class (the task pane's outils.js and taskpane.js)", async () => {
    // A query string makes the module loader evaluate errors.ts a second time: a distinct class, as in a second bundle.
    const chemin = "./errors.ts?copie";
    const copie = (await import(/* @vite-ignore */ chemin)) as typeof import("./errors.ts");
    expect(copie.ErreurLogsoc).not.toBe(ErreurLogsoc);
    const venueDAilleurs = new copie.ErreurLogsoc("HORS_LIMITES", "Hors limites.");
    expect(venueDAilleurs instanceof ErreurLogsoc).toBe(true);
    expect(estErreurLogsoc(venueDAilleurs)).toBe(true);
    expect(copie.estErreurLogsoc(new ErreurLogsoc("CLE_INCONNUE", "Clé inconnue."))).toBe(true);
  });

  it("is not any other error, even one named the same", () => {
    const imitation = Object.assign(new Error("x"), { name: "ErreurLogsoc", code: "HORS_LIMITES" });
    expect(estErreurLogsoc(imitation)).toBe(false);
    expect(estErreurLogsoc(new TypeError("x"))).toBe(false);
    expect(estErreurLogsoc(null)).toBe(false);
    expect(estErreurLogsoc({ code: "HORS_LIMITES" })).toBe(false);
  });
});
