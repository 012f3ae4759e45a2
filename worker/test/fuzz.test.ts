import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appeler } from "./outils.ts";
import { slugCalcul } from "../src/routes/calculs.ts";
import { FONCTIONS } from "../../shared/fonctions/registre.ts";

const CALCULS: Record<string, string> = Object.fromEntries(FONCTIONS.map((f) => [slugCalcul(f.nom), f.nom]));
import { IDS_BAREMES } from "../../shared/baremes/index.ts";
import { TYPES_CHARGE, TYPES_RESSOURCE } from "../../shared/evaluation.ts";

/** Every status the API may answer; anything else (a 5xx above all) is a defect. */
const STATUTS_ADMIS = new Set([200, 201, 204, 304, 400, 401, 403, 404, 405, 409, 413, 415, 422]);

let requetes = 0;

async function verifier(chemin: string, init: RequestInit = {}): Promise<void> {
  requetes++;
  const r = await appeler(chemin, init);
  const texte = await r.text();
  if (!STATUTS_ADMIS.has(r.status)) {
    throw new Error(`${init.method ?? "GET"} ${chemin.slice(0, 200)} → ${r.status} ${texte.slice(0, 300)}`);
  }
  if (r.status >= 400) {
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    if (init.method === "HEAD") return; // same headers as GET, no body
    const p = JSON.parse(texte) as { status: number; title: string; code: string };
    expect(p.status).toBe(r.status);
    expect(p.code).toMatch(/^[A-Z_]+$/);
  }
}

/** What a cell, a range or a careless client may send as an argument value. */
const valeur: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  scalaire: fc.oneof(
    fc.double(),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 600, 601, 36, 0.005, 1_000_000_000, 1_000_000_001),
    fc.string({ maxLength: 20 }),
    fc.constantFrom("1200,5", "1 200,50 €", "VRAI", "FAUX", "2026-02-29", "2024-02-29", "1900-01-01", "", " ", "mensuel", "jour_uc", "-0", "1e400", "0x10"),
    fc.boolean(),
    fc.constant(null),
  ),
  plage: fc.array(fc.oneof(tie("scalaire"), fc.array(tie("scalaire"), { maxLength: 4 })), { maxLength: 5 }),
  objet: fc.dictionary(fc.string({ maxLength: 8 }), tie("scalaire"), { maxKeys: 3 }),
  valeur: fc.oneof({ weight: 6, arbitrary: tie("scalaire") }, { weight: 3, arbitrary: tie("plage") }, { weight: 1, arbitrary: tie("objet") }),
})).valeur;

const slugs = Object.keys(CALCULS);
const argumentsDe = (slug: string) => FONCTIONS.find((f) => f.nom === CALCULS[slug])?.arguments.map((a) => a.nom) ?? [];

/** A body with the function's own argument names (so validation runs deep), plus stray keys. */
const corpsStructure = fc.constantFrom(...slugs).chain((slug) =>
  fc.record({
    slug: fc.constant(slug),
    corps: fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...argumentsDe(slug), "x") }, fc.string({ maxLength: 6 })), valeur, { maxKeys: 6 }),
  }),
);

const typesContenu = fc.constantFrom(undefined, "application/json", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "application/problem+json", "multipart/form-data", "");

describe("fuzz : aucune entrée ne provoque de 5xx", () => {
  it("2 500 corps structurés (noms d'arguments réels, valeurs aléatoires, ?expliquer=) sur les routes de calcul", async () => {
    await fc.assert(
      fc.asyncProperty(corpsStructure, typesContenu, fc.constantFrom("", "?expliquer=1", "?expliquer=0", "?expliquer=oui", "?expliquer="), async ({ slug, corps }, type, requete) => {
        await verifier(`/v1/calculs/${slug}${requete}`, { method: "POST", body: JSON.stringify(corps), headers: type === undefined ? {} : { "content-type": type } });
      }),
      { numRuns: 2500 },
    );
  });

  it("1 000 corps arbitraires : JSON quelconque et texte mal formé", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...slugs, "evaluations"),
        fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ maxLength: 200 }), fc.constantFrom("{", "{]", '{"a":', "\u0000", "[".repeat(5000), '{"dette":1}'.repeat(3), "\uFEFF{}")),
        async (cible, corps) => {
          const chemin = cible === "evaluations" ? "/v1/evaluations" : `/v1/calculs/${cible}`;
          await verifier(chemin, { method: "POST", body: corps, headers: { "content-type": "application/json" } });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("1 000 chemins et chaînes de requête aléatoires, toutes méthodes", async () => {
    const segment = fc.oneof(fc.webSegment(), fc.string({ maxLength: 12 }).map(encodeURIComponent), fc.constantFrom("%", "%E0%A4%A", "..", "%2F", "baremes", "calculs", "versions", "competences", "sante", "openapi.json"));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
        fc.array(segment, { minLength: 0, maxLength: 4 }),
        fc.oneof(fc.constant(""), fc.webQueryParameters().map((q) => `?${q}`), fc.string({ maxLength: 30 }).map((s) => `?date=${encodeURIComponent(s)}`)),
        async (methode, segments, requete) => {
          const init: RequestInit = { method: methode };
          if (methode !== "GET" && methode !== "HEAD") init.body = "{}";
          await verifier(`/v1/${segments.join("/")}${requete}`, init);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("500 requêtes aux en-têtes aléatoires (If-None-Match, Origin, Authorization, Content-Length)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/v1/competences", "/v1/sante", "/v1/calculs/taux-effort", "/v1/baremes", "/v1/openapi.json"),
        fc.dictionary(fc.constantFrom("if-none-match", "origin", "authorization", "access-control-request-method", "content-type"), fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)), { maxKeys: 4 }),
        fc.constantFrom("GET", "POST", "OPTIONS"),
        async (chemin, entetes, methode) => {
          await verifier(chemin, { method: methode, headers: entetes, ...(methode === "POST" ? { body: '{"loyer":1}' } : {}) });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("500 consultations de barème : identifiants, dates et connu_le aléatoires", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...IDS_BAREMES, "RSA_MONTANT_FORFAITAIRE", " smic", "inconnu"), fc.webSegment()),
        fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string({ maxLength: 12 }), fc.constantFrom("2025-02-29", "2024-02-29", "0000-01-01", "9999-12-31", "")),
        fc.boolean(),
        fc.oneof(
          fc.constant(undefined),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          fc.string({ maxLength: 30 }),
          fc.constantFrom("2026-11-26", "2025-06-15", "2026-12-01T10:00:00+01:00", "2026-13-01", "1e9", "0000-00-00T00:00:00Z"),
        ),
        async (id, date, versions, connuLe) => {
          const t = connuLe === undefined ? "" : `&connu_le=${encodeURIComponent(connuLe)}`;
          await verifier(`/v1/baremes/${encodeURIComponent(id)}${versions ? "/versions" : ""}?date=${encodeURIComponent(date)}${t}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("800 publications au jeton valide : corps aléatoires, presque valides (corrections, retraits, confirmations), SMIC plausibles", async () => {
    const presqueValide = fc.record({
      publiePar: fc.oneof(fc.string({ maxLength: 10 }), fc.constant(null), fc.integer()),
      remplace: fc.oneof(fc.constantFrom("2025-04-01", "2026-01-01", "2024-11-01", "2040-01-01", "2025-02-30"), valeur),
      motif: fc.oneof(fc.string({ maxLength: 20 }), valeur),
      retire: fc.oneof(fc.boolean(), valeur),
      confirmer_variation: fc.oneof(fc.boolean(), valeur),
      version: fc.record({
        dateEffet: fc.oneof(fc.constantFrom("2040-01-01", "2025-04-01", "2040-02-30", "2027-01-01", "1900-01-01", "2025-06-01"), fc.string({ maxLength: 10 })),
        valeurs: fc.oneof(fc.dictionary(fc.constantFrom("montant", "majorations", "forfaitLogement", "x"), valeur, { maxKeys: 3 }), valeur),
        source: fc.oneof(
          fc.record({ texte: fc.string({ maxLength: 5 }), reference: fc.string({ maxLength: 5 }), url: fc.oneof(fc.webUrl(), fc.constantFrom("javascript:alert(1)", "http://a.fr", "https://www.legifrance.gouv.fr/x"), fc.string({ maxLength: 10 })) }, { requiredKeys: ["texte", "reference"] }),
          valeur,
        ),
        statut: fc.oneof(fc.constantFrom("officiel", "calcule", "estimation"), fc.string({ maxLength: 5 })),
      }, { requiredKeys: [] }),
    }, { requiredKeys: [] });
    // Valid publications of the SMIC with random values: the plausibility check runs on real numbers.
    const smicPlausible = fc.record({
      publiePar: fc.constant("Fuzz"),
      version: fc.record({
        dateEffet: fc.date({ min: new Date("1985-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        valeurs: fc.record({ horaireBrut: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(11.88, 12.02, 1e308, 0)), mensuelBrut: fc.constantFrom(1801.8, 1823.03, 0.01), mensuelNet: fc.constant(null) }),
        source: fc.constant({ texte: "Essai", reference: "C. trav." }),
        statut: fc.constant("officiel"),
      }),
      confirmer_variation: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...IDS_BAREMES, "inconnu"), fc.oneof(presqueValide, smicPlausible, fc.json({ maxDepth: 3 }).map((j) => JSON.parse(j) as unknown)), async (id, corps) => {
        await verifier(`/v1/baremes/${(corps as { publiePar?: unknown } | null)?.publiePar === "Fuzz" ? "smic" : id}/versions`, { method: "POST", body: JSON.stringify(corps), headers: { authorization: "Bearer jeton-de-test-0123456789abcdef-0123456789", "content-type": "application/json" } });
      }),
      { numRuns: 800 },
    );
  });

  it("500 budgets presque valides sur /v1/evaluations", async () => {
    const ligne = (types: readonly string[]) =>
      fc.record({ type: fc.oneof(fc.constantFrom(...types), fc.string({ maxLength: 6 })), montant: valeur, libelle: fc.oneof(fc.string({ maxLength: 10 }), valeur) }, { requiredKeys: ["type", "montant"] });
    const budget = fc.record(
      {
        date: fc.oneof(fc.constantFrom("2025-06-01", "2019-01-01", "2026-02-30"), valeur),
        foyer: fc.oneof(fc.record({ personnes14Plus: valeur, enfantsMoins14: valeur, couple: valeur }, { requiredKeys: [] }), valeur),
        ressources: fc.oneof(fc.array(ligne(TYPES_RESSOURCE), { maxLength: 4 }), valeur),
        charges: fc.oneof(fc.array(ligne(TYPES_CHARGE), { maxLength: 4 }), valeur),
        dettes: fc.oneof(fc.array(fc.record({ montant: valeur, mensualite: valeur }, { requiredKeys: [] }), { maxLength: 3 }), valeur),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(budget, async (corps) => {
        await verifier("/v1/evaluations", { method: "POST", body: JSON.stringify(corps), headers: { "content-type": "application/json" } });
      }),
      { numRuns: 500 },
    );
  });

  it("au total, au moins 5 000 requêtes ont été envoyées", () => {
    expect(requetes).toBeGreaterThanOrEqual(5000);
  });
});
