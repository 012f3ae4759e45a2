import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { expliquer } from "./fonctions.ts";
import { verifierEtapes } from "./verification.ts";
import { statutDesEtapes } from "./traceur.ts";
import { evaluer } from "../fonctions/registre.ts";
import type { ValeurBrute } from "../fonctions/arguments.ts";
import { estErreurLogsoc } from "../errors.ts";
import { METHODES_RAV } from "../resteAVivre.ts";
import { CATALOGUE } from "../baremes/catalogue.ts";
import { clesFeuilles } from "../baremes/cle.ts";
import type { DateISO } from "../date.ts";

/**
 * For thousands of random inputs, every function's explanation:
 * - ends on the result (for PLAN_APUREMENT, on the table's last instalment);
 * - can be redone step by step from the earlier steps' values (to the cent; roundings exactly);
 * - gives the same result as `evaluer`, the code path of Excel, the CLI and the API;
 * - and a refused input is refused with the same message.
 */

const ctx = { aujourdhui: "2025-06-01" as DateISO };
const RUNS = 1000;

/** Amounts as a cell holds them: mostly whole cents, sometimes fractions of a cent. */
const montant = (max = 20_000) => fc.oneof(fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100), fc.integer({ min: 0, max: max * 1000 }).map((m) => m / 1000));
const date = fc.integer({ min: 0, max: 365 * 4 }).map((j) => new Date(Date.UTC(2023, 0, 1) + j * 86_400_000).toISOString().slice(0, 10));

function verifier(nom: string, args: ValeurBrute[]): void {
  let attendu: unknown;
  try {
    attendu = evaluer(nom, args, ctx);
  } catch (e) {
    if (!estErreurLogsoc(e)) throw e;
    expect(() => expliquer(nom, args, ctx)).toThrow(e.message);
    return;
  }
  const x = expliquer(nom, args, ctx);
  expect(x.resultat).toEqual(attendu);
  expect(verifierEtapes(x.etapes)).toEqual([]);
  const derniere = x.etapes.at(-1)!.valeur;
  if (Array.isArray(x.resultat)) {
    expect(derniere).toBe(x.resultat.at(-1)![2]);
  } else {
    expect(derniere).toBe(x.resultat);
  }
  expect(x.statut).toBe(statutDesEtapes(x.etapes));
}

describe("explications : la dernière étape est le résultat, chaque étape se refait à la main", () => {
  it("RESTE_A_VIVRE, toutes méthodes", () => {
    fc.assert(
      fc.property(montant(), montant(), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.constantFrom(...METHODES_RAV), (r, c, p, e, m) => verifier("RESTE_A_VIVRE", [r, c, p, e, m])),
      { numRuns: RUNS },
    );
  });

  it("TAUX_EFFORT", () => {
    fc.assert(fc.property(montant(3000), montant(500), montant(1000), montant(10_000), (l, c, a, r) => verifier("TAUX_EFFORT", [l, c, a, r])), { numRuns: RUNS });
  });

  it("PLAN_APUREMENT, par mensualité, par durée et plan CAF", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }).map((c) => c / 100),
        fc.option(fc.integer({ min: 1, max: 200_000 }).map((c) => c / 100)),
        fc.option(fc.integer({ min: 1, max: 120 })),
        fc.option(montant(1000)),
        (dette, mensualite, duree, loyer) => verifier("PLAN_APUREMENT", [dette, mensualite, duree, "", loyer]),
      ),
      { numRuns: RUNS },
    );
  });

  it("UC", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), (p, e) => verifier("UC", [p, e])), { numRuns: 300 });
  });

  it("QUOTITE_SAISISSABLE, toutes tranches, avec et sans personnes à charge", () => {
    fc.assert(fc.property(montant(5000), fc.integer({ min: 0, max: 6 }), date, (r, p, d) => verifier("QUOTITE_SAISISSABLE", [r, p, d])), { numRuns: RUNS });
  });

  it("RSA_FORFAITAIRE : couple ou non, enfants dont de 25 ans ou plus, forfait logement entier, plafonné à l'aide ou absent, isolement majoré", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 3 }),
        date,
        fc.oneof(fc.boolean(), montant(400)),
        fc.boolean(),
        (couple, enfants, p25, d, forfait, isolement) => verifier("RSA_FORFAITAIRE", [couple, enfants, d, forfait, isolement, Math.min(p25, enfants)]),
      ),
      { numRuns: RUNS },
    );
  });

  it("CAPACITE_REMBOURSEMENT : avec ou sans conjoint (et ses ressources), isolement majoré", () => {
    fc.assert(
      fc.property(montant(6000), montant(4000), fc.boolean(), fc.integer({ min: 0, max: 6 }), date, fc.boolean(), fc.option(montant(2000)), (r, c, couple, e, d, isolement, conjoint) =>
        verifier("CAPACITE_REMBOURSEMENT", [r, c, couple, e, d, isolement, couple ? conjoint : null]),
      ),
      { numRuns: RUNS },
    );
  });

  it("PLAFOND_RESSOURCES, catégories 1 à 30", () => {
    fc.assert(
      fc.property(fc.constantFrom("PLAI", "PLUS", "PLS"), fc.integer({ min: 1, max: 30 }), fc.constantFrom("PARIS", "IDF", "AUTRES"), fc.integer({ min: 0, max: 700 }).map((j) => new Date(Date.UTC(2024, 0, 1) + j * 86_400_000).toISOString().slice(0, 10)), (f, c, z, d) =>
        verifier("PLAFOND_RESSOURCES", [f, c, z, d]),
      ),
      { numRuns: RUNS },
    );
  });

  it("BAREME, toute clé de tout barème", () => {
    const cas = CATALOGUE.liste().flatMap((b) => b.versions.flatMap((v) => clesFeuilles(v.valeurs).map((cle) => [b.id, v.dateEffet, cle] as const)));
    for (const [id, d, cle] of cas) verifier("BAREME", [id, d, cle]);
    expect(cas.length).toBeGreaterThan(100);
  });
});
