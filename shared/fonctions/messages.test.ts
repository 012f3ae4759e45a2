// Every error message the functions can produce from an adviser's cells: Excel on Mac cuts a custom
// function's message near 255 characters and desktop Excel often shows only its start, so the reason comes
// first, in a first sentence that Excel always shows whole, and the message Excel receives is at most 250
// characters (a list of possible values, last, is cut there; the task pane, the CLI and the API give it
// whole). docs/excel.md, « Erreurs ».
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ErreurLogsoc, CODES_ERREUR, LONGUEUR_MAX_MESSAGE, messageExcel, type CodeErreur } from "../errors.ts";
import { FONCTIONS, evaluer } from "./registre.ts";
import type { ValeurBrute } from "./arguments.ts";
import type { DateISO } from "../date.ts";

/** Values an adviser's cells can hold, good and bad, for every argument type. */
const CELLULES: ValeurBrute[] = [
  null, "", 0, -1, 1, 2.5, 1e12, -1e12, Number.NaN, Infinity, 45322, 10, 700_000, true, false, "abc", "VRAI", "12,5",
  "2024-02-30", "2024-01-31", "1800-01-01", "2999-01-01", "PLUS", "PLAI", "PARIS", "IDF", "AUTRES", "ZONE X", "uc", "jour_uc", "par_mois",
  "smic", "rsa_montant_forfaitaire", "plafonds_ressources_hlm", "inconnu", "PLUS.AUTRES.cat3", "PLUS.AUTRES.cat99", "montant",
  "x".repeat(400), "2024-01-31".repeat(40), [[1, "texte"]], [[1200], [null], [300]], [[1, 2], [3]], { type: "Entity" } as never, 600, 601, 36, 7, 12,
];

/** A valid call of each function (arguments beyond the list are omitted), where one argument at a time goes bad. */
const VALIDES: Record<string, ValeurBrute[]> = {
  RESTE_A_VIVRE: [1500, 1000, 2, 1, "mensuel"],
  TAUX_EFFORT: [650, 120, 280, 1800],
  PLAN_APUREMENT: [1000, null, 3, "2024-01-31", 420],
  UNITES_CONSOMMATION: [2, 1],
  RSA_FORFAITAIRE: [true, 1, "2025-06-01", false],
  QUOTITE_SAISISSABLE: [1500, 0, "2025-06-01"],
  CAPACITE_REMBOURSEMENT: [2000, 800, false, 1, "2025-06-01"],
  PLAFOND_RESSOURCES: ["PLUS", 3, "AUTRES", "2025-06-01"],
  BAREME: ["smic", "2025-06-01", null],
};

function messages(): Map<CodeErreur, Set<string>> {
  const vus = new Map<CodeErreur, Set<string>>();
  const noter = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof ErreurLogsoc)) throw e;
      if (!vus.has(e.code)) vus.set(e.code, new Set());
      vus.get(e.code)!.add(e.message);
    }
  };
  const ctx = { aujourdhui: "2025-06-01" as DateISO };
  for (const f of FONCTIONS) {
    const valides = VALIDES[f.nom] ?? [];
    for (let i = 0; i <= f.arguments.length; i++) {
      for (const v of CELLULES) {
        const valeurs = [...valides];
        valeurs[i] = v;
        noter(() => evaluer(f.nom, valeurs, ctx));
      }
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CELLULES), { maxLength: f.arguments.length + 1 }), (valeurs) => {
        noter(() => evaluer(f.nom, valeurs, ctx));
      }),
      { numRuns: 1500, seed: 20261201 },
    );
  }
  noter(() => evaluer("INCONNUE", []));
  // The plan's own limits, reached only by amounts that fit together.
  noter(() => evaluer("PLAN_APUREMENT", [1000, 100, 6]));
  noter(() => evaluer("PLAN_APUREMENT", [10_000, 10]));
  return vus;
}

/** The first sentence: up to the first full stop followed by a capital, or the whole message. */
function premierePhrase(m: string): string {
  const i = m.search(/[.:] (?=[A-ZÀ-Ý])/);
  return i < 0 ? m : m.slice(0, i + 1);
}

describe("every error message the functions produce", () => {
  const vus = messages();
  const tous = [...vus.values()].flatMap((s) => [...s]);

  it("covers every error code a function argument can reach", () => {
    expect(tous.length).toBeGreaterThan(40);
    // CODE_INCONNU: the function schemas' closed lists report METHODE_INCONNUE or their own code;
    // BAREME_NON_EN_VIGUEUR: every bundled barème is in force from its first date to today.
    const inatteignables = new Set<CodeErreur>(["CODE_INCONNU", "BAREME_NON_EN_VIGUEUR"]);
    for (const code of Object.keys(CODES_ERREUR) as CodeErreur[]) {
      if (!inatteignables.has(code)) expect(vus.has(code), code).toBe(true);
    }
  });

  it(`reaches Excel in at most ${LONGUEUR_MAX_MESSAGE} characters, its first sentence (the reason) whole`, () => {
    for (const m of tous) {
      const excel = messageExcel(m);
      expect(excel.length, m).toBeLessThanOrEqual(LONGUEUR_MAX_MESSAGE);
      expect(excel.startsWith(premierePhrase(m)), `raison coupée : ${m}`).toBe(true);
    }
  });

  it("keeps whole every message without a list of possible values", () => {
    const sansListe = tous.filter((m) => !/(disponibles|possibles|attendus?|l'un de) :/i.test(m));
    expect(sansListe.length).toBeGreaterThan(30);
    for (const m of sansListe) expect(m.length, m).toBeLessThanOrEqual(LONGUEUR_MAX_MESSAGE);
  });

  it("starts with what is wrong: the argument, the value or the rule, never a blank", () => {
    for (const m of tous) expect(m, m).toMatch(/^[-A-ZÀ-Ý«0-9]/);
  });
});

describe("the cut Excel receives", () => {
  it("stops at a word and says it goes on", () => {
    const m = `Barème inconnu « x ». Barèmes disponibles : ${"bareme_long, ".repeat(30)}fin.`;
    const c = messageExcel(m);
    expect(c.length).toBeLessThanOrEqual(250);
    expect(c).toMatch(/^Barème inconnu « x »\. Barèmes disponibles : bareme_long, .*…$/);
    expect(c).not.toMatch(/bareme_lon…$/);
  });

  it("leaves a short message as it is", () => {
    expect(messageExcel("La dette doit être supérieure à 0 €.")).toBe("La dette doit être supérieure à 0 €.");
  });
});
