import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { celluleVersExcel, resultatVersExcel, versErreurExcel, type RuntimeFonctions } from "./excel.ts";
import { ASSOCIATIONS, associer } from "./functions.ts";
import { ErreurLogsoc } from "#shared/errors.ts";

/** Stand-in for the custom-functions runtime's Error: keeps what Excel would show. */
class ErreurExcelFactice {
  readonly code: string;
  readonly message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    this.message = message;
  }
}

const resteAVivre = ASSOCIATIONS.RESTE_A_VIVRE!;
const tauxEffort = ASSOCIATIONS.TAUX_EFFORT!;
const planApurement = (...a: unknown[]) => ASSOCIATIONS.PLAN_APUREMENT!(...a) as unknown[][];
const uc = ASSOCIATIONS.UNITES_CONSOMMATION!;

/** Excel passes an omitted optional argument as null, which the TypeScript signatures (`x?: any[][]`) cannot say. */
const OMIS = null as unknown as undefined;
const runtime: RuntimeFonctions = { Error: ErreurExcelFactice as unknown as RuntimeFonctions["Error"] };

const globale = globalThis as { CustomFunctions?: unknown };
beforeAll(() => {
  globale.CustomFunctions = runtime;
});
afterAll(() => {
  delete globale.CustomFunctions;
});

/** Runs a custom function and returns the Excel error it throws. */
function erreurDe(appel: () => unknown): ErreurExcelFactice {
  try {
    appel();
  } catch (e) {
    expect(e).toBeInstanceOf(ErreurExcelFactice);
    return e as ErreurExcelFactice;
  }
  throw new Error("aucune erreur levée");
}

// Excel serial dates worked out by hand: 2025-01-01 is 45658, so 2026-01-01 is 45658 + 365 = 46023.
const SERIE_31_JANVIER_2026 = 46053;
const SERIE_28_FEVRIER_2026 = 46081;
const SERIE_31_MARS_2026 = 46112;

describe("arguments as Excel passes them", () => {
  it("takes a single value as a 1×1 matrix", () => {
    expect(resteAVivre([[1000]], [[400]], OMIS, OMIS, OMIS)).toBe(600);
  });

  it("sums a range and ignores blank cells, whether Excel sends them as null or as an empty string", () => {
    // 1200 + 300 = 1500 of ressources; 650 + 120 = 770 of charges; 1500 − 770 = 730.
    expect(resteAVivre([[1200, 300]], [[650], [""], [null], [120]], OMIS, OMIS, OMIS)).toBe(730);
  });

  it("treats omitted optional arguments (null in the middle, undefined at the end) as their defaults", () => {
    expect(resteAVivre([[1000]], [[400]])).toBe(600);
    expect(resteAVivre([[1000]], [[400]], OMIS, OMIS, "mensuel")).toBe(600);
    expect(uc([[1]])).toBe(1);
  });

  it("uses the household and the method: 730 € for 2 adults and 1 child is 405,56 € per UC, 13,52 € per UC and day", () => {
    // UC = 1 + 0.5 × (2 − 1) + 0.3 × 1 = 1.8; 730 / 1.8 = 405.555… → 405.56; / 30 = 13.518… → 13.52.
    expect(resteAVivre([[1500]], [[770]], [[2]], [[1]], "uc")).toBe(405.56);
    expect(resteAVivre([[1500]], [[770]], [[2]], [[1]], "jour_uc")).toBe(13.52);
    expect(uc([[2]], [[1]])).toBe(1.8);
  });

  it("reads a blank single cell as 0, as Excel does for a referenced empty cell", () => {
    expect(resteAVivre([[null]], [[250]], OMIS, OMIS, OMIS)).toBe(-250);
  });

  it("names the text cell of a range in a #VALUE! error", () => {
    const e = erreurDe(() => resteAVivre([[1500]], [[650], ["loyer"], [120]], OMIS, OMIS, OMIS));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("« charges »");
    expect(e.message).toContain("ligne 2, colonne 1");
    expect(e.message).toContain("« loyer »");
  });

  it("refuses an unknown method with a French #VALUE! message listing the methods", () => {
    const e = erreurDe(() => resteAVivre([[1500]], [[770]], OMIS, OMIS, "semaine"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/mensuel, jour_personne, uc, jour_uc/);
  });

  it("trims a method typed with spaces around it", () => {
    expect(resteAVivre([[1500]], [[770]], [[2]], [[1]], " uc ")).toBe(405.56);
  });
});

describe("dates", () => {
  it("reads an Excel serial date and returns serial dates, the same day each month or the month's last day", () => {
    const plan = planApurement([[1000]], OMIS, [[3]], SERIE_31_JANVIER_2026, OMIS);
    expect(plan.map((ligne) => ligne[1])).toEqual(["Échéance", SERIE_31_JANVIER_2026, SERIE_28_FEVRIER_2026, SERIE_31_MARS_2026]);
  });

  it("also reads a date typed as text AAAA-MM-JJ", () => {
    const plan = planApurement([[1000]], OMIS, [[3]], "2026-01-31", OMIS);
    expect(plan[1]![1]).toBe(SERIE_31_JANVIER_2026);
  });

  it("refuses a serial number that is no supported date", () => {
    const e = erreurDe(() => planApurement([[1000]], OMIS, [[3]], 10, OMIS));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("premiere_echeance");
  });
});

describe("array results", () => {
  it("returns a rectangular table: header row, then one row per instalment, empty cells as empty strings", () => {
    // 1000 / 3 = 333.333… rounded up to the cent: 333.34, 333.34, then the remainder 1000 − 666.68 = 333.32.
    const plan = planApurement([[1000]], OMIS, [[3]], OMIS, OMIS);
    expect(plan).toEqual([
      ["N°", "Échéance", "Reprise de dette", "Loyer résiduel", "Total à verser", "Reste dû"],
      [1, "", 333.34, "", "", 666.66],
      [2, "", 333.34, "", "", 333.32],
      [3, "", 333.32, "", "", 0],
    ]);
    for (const ligne of plan) {
      expect(ligne).toHaveLength(6);
      for (const c of ligne) expect(c === null || c === undefined).toBe(false);
    }
  });

  it("adds the residual rent to each instalment in the total column", () => {
    const plan = planApurement([[1000]], OMIS, [[3]], SERIE_31_JANVIER_2026, [[400, 20]]);
    expect(plan.slice(1).map((l) => [l[3], l[4]])).toEqual([
      [420, 753.34],
      [420, 753.34],
      [420, 753.32],
    ]);
  });

  it("throws one error for the whole spill, never an error inside the returned array", () => {
    // 1000 at 100 a month needs 10 months: a 6-month maximum cannot be met.
    const e = erreurDe(() => planApurement([[1000]], [[100]], [[6]], OMIS, OMIS));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/10 mois/);
  });

  it("rejects a ragged table instead of handing it to Excel", () => {
    expect(() => resultatVersExcel([["a", "b"], ["c"]])).toThrow(/ligne 2/);
  });

  it("converts engine cells: null to an empty string, a date to its serial number", () => {
    expect(celluleVersExcel(null)).toBe("");
    expect(celluleVersExcel({ date: "2026-01-31" as never })).toBe(SERIE_31_JANVIER_2026);
    expect(celluleVersExcel(12.5)).toBe(12.5);
    expect(celluleVersExcel(true)).toBe(true);
  });
});

describe("error mapping", () => {
  it("maps ressources of 0 to #DIV/0!", () => {
    const e = erreurDe(() => tauxEffort([[650]], [[120]], [[280]], [[0]]));
    expect(e.code).toBe("#DIV/0!");
    expect(e.message).toMatch(/ressources/i);
  });

  it("computes the taux d'effort when ressources are positive: 490 / 1800 = 0,2722", () => {
    expect(tauxEffort([[650]], [[120]], [[280]], [[1800]])).toBe(0.2722);
  });

  it("maps an out-of-range count to #VALUE!, whose French message Excel shows", () => {
    const e = erreurDe(() => uc([[0]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/au moins 1/);
  });

  it("keeps each domain error's Excel code", () => {
    for (const [code, excel] of [
      ["ENTREE_INVALIDE", "#VALUE!"],
      ["HORS_LIMITES", "#VALUE!"],
      ["DUREE_INSUFFISANTE", "#VALUE!"],
      ["DIVISION_PAR_ZERO", "#DIV/0!"],
      ["BAREME_NON_EN_VIGUEUR", "#N/A"],
    ] as const) {
      const e = versErreurExcel(new ErreurLogsoc(code, "message"), runtime) as unknown as ErreurExcelFactice;
      expect(e.code).toBe(excel);
      expect(e.message).toBe("message");
    }
  });

  it("reports an unexpected exception as #VALUE! with a French message, not as a crash", () => {
    const e = versErreurExcel(new TypeError("x is undefined"), runtime) as unknown as ErreurExcelFactice;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("Erreur interne de LogSoc (x is undefined). Merci de la signaler.");
  });
});

describe("registration", () => {
  it("associates every function id once with the runtime", () => {
    const vus: [string, unknown][] = [];
    expect(associer({ associate: (id: string, f: unknown) => vus.push([id, f]) } as never)).toBe(true);
    expect(vus.map(([id]) => id)).toEqual(Object.keys(ASSOCIATIONS));
    expect(vus.map(([, f]) => f)).toEqual(Object.values(ASSOCIATIONS));
  });

  it("registers once even when called twice (functions.js first, then any later bundle of the page)", () => {
    const vus: string[] = [];
    const runtimeExcel = { associate: (id: string) => vus.push(id) };
    expect(associer(runtimeExcel as never)).toBe(true);
    expect(associer(runtimeExcel as never)).toBe(true);
    expect(vus).toEqual(Object.keys(ASSOCIATIONS));
  });

  it("does nothing outside Excel, where there is no custom-functions runtime", () => {
    expect(associer(undefined)).toBe(false);
  });
});
