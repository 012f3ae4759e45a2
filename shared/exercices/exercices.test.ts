import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DateISO } from "../date.ts";
import { CATALOGUE } from "../baremes/catalogue.ts";
import { construireModele } from "../modeles/index.ts";
import { celluleParId, validerSpec } from "../modeles/spec.ts";
import { PROFILS } from "../audit/profils/index.ts";
import { indexSpec } from "../audit/profils/commun.ts";
import { saisiesDepuis } from "../audit/saisies.ts";
import { estErreurAttendue } from "../audit/profils/types.ts";
import { versSerieExcel } from "../date.ts";
import { aleatoire } from "./prng.ts";
import { cellulesDerivees } from "./enonce.ts";
import { construireExercice, genererCas, TYPES_EXERCICES } from "./index.ts";

const DATE = "2025-06-01" as DateISO;

describe("générateur pseudo-aléatoire à graine", () => {
  it("même graine, même suite ; graines voisines, suites différentes", () => {
    const suite = (g: number) => Array.from({ length: 8 }, aleatoire(g).suivant);
    expect(suite(42)).toEqual(suite(42));
    expect(suite(42)).not.toEqual(suite(43));
    expect(suite(2 ** 32 + 42)).not.toEqual(suite(42));
  });

  it("entiers dans leurs bornes, montants au centime", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 100 }), (g, min, etendue) => {
        const a = aleatoire(g);
        const n = a.entier(min, min + etendue);
        const m = a.montant(10, 20);
        return n >= min && n <= min + etendue && Number.isInteger(n) && m >= 10 && m <= 20 && Math.abs(m * 100 - Math.round(m * 100)) < 1e-6;
      }),
    );
  });

  it("refuse une graine négative, décimale ou trop grande", () => {
    for (const g of [-1, 1.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN]) expect(() => aleatoire(g)).toThrow(/La graine doit être un entier/);
  });
});

describe("cas d'exercice", () => {
  it.each(TYPES_EXERCICES)("%s : chaque cas est valide pour le moteur, réaliste, et le même pour la même graine", (type) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (graine) => {
        const cas = genererCas(type, graine, DATE);
        expect(genererCas(type, graine, DATE)).toEqual(cas);
        const spec = construireModele(type, { date: DATE, ...(cas.options.candidats ? { candidats: cas.options.candidats } : {}), ...(cas.options.zone ? { zone: cas.options.zone } : {}) });
        const lire = (id: string) => {
          const v = cas.saisies[id];
          if (v === undefined || v === null) return null;
          return typeof v === "object" ? ("date" in v ? versSerieExcel(v.date) : v.nomFeuille) : v;
        };
        const { attendus, incoherences } = PROFILS[type].recalculer(saisiesDepuis(lire), { spec, dateBaremes: DATE, catalogue: CATALOGUE });
        expect(incoherences).toEqual([]);
        const ids = new Set(PROFILS[type].reponses(spec));
        for (const a of attendus) if (a.id !== undefined && ids.has(a.id)) expect(estErreurAttendue(a.valeur), `${graine} ${a.id}`).toBe(false);
        const n = (id: string) => (typeof cas.saisies[id] === "number" ? (cas.saisies[id] as number) : 0);
        if (type === "evaluation") {
          expect(n("ressources.aideLogement")).toBeLessThanOrEqual(n("charges.loyer") + n("charges.chargesLocatives"));
          expect(n("foyer.personnes14Plus") + n("foyer.enfantsMoins14")).toBeLessThanOrEqual(7);
          expect(n("charges.loyer")).toBeGreaterThanOrEqual(260);
        } else if (type === "apurement") {
          expect(n("plan.dette")).toBeGreaterThanOrEqual(180);
          expect(n("plan.dette")).toBeLessThanOrEqual(7500);
          const nombre = attendus.find((a) => a.id === "plan.nombreEcheances")!.valeur as number;
          expect(nombre).toBeLessThanOrEqual(72);
        } else {
          expect(cas.options.candidats).toBeGreaterThanOrEqual(2);
          for (const l of "AB") expect(n(`candidat${l}.aideLogement`)).toBeLessThanOrEqual(n("logement.loyer") + n("logement.annexes") + n("logement.charges") + n("logement.forfaitCharges"));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("énoncé : les cellules calculées à partir des données sont vidées, celles qui ne lisent que les barèmes restent", () => {
    const spec = construireModele("apurement", { date: DATE });
    const derivees = cellulesDerivees(spec);
    expect(derivees.has("plan!B14")).toBe(true);
    expect(derivees.has("plan!F637")).toBe(true);
    expect(derivees.has("plan!C22")).toBe(true);
    // « Plan par défaut de la CAF : 36 mois » reads the Barèmes sheet only.
    expect(derivees.has("plan!B22")).toBe(false);
  });

  it.each(TYPES_EXERCICES)("énoncé et corrigé %s : spécifications valides, métadonnées d'exercice, consignes en première feuille", (type) => {
    const ex = construireExercice(type, 3, DATE);
    for (const spec of [ex.enonce, ex.corrige]) {
      expect(() => validerSpec(spec)).not.toThrow();
      expect(spec.feuilles[0]!.nom).toBe("Consignes");
      const meta = spec.feuilles.find((f) => f.cle === "meta")!;
      const lignes = Object.fromEntries(meta.cellules.filter((c) => c.ref.startsWith("A")).map((c) => [c.valeur, meta.cellules.find((x) => x.ref === `B${c.ref.slice(1)}`)?.valeur]));
      expect(lignes).toMatchObject({ "exercice.type": type, "exercice.graine": 3, "exercice.competences": ex.competences.map((c) => c.id).join(", ") });
    }
    const consignes = ex.enonce.feuilles[0]!.cellules.map((c) => String(c.valeur));
    for (const c of ex.competences) expect(consignes.some((t) => t.startsWith(`${c.id} (activité ${c.activite.numero}`))).toBe(true);
    for (const r of ex.reponses) expect(consignes).toContain(`${r.libelle} : feuille « ${r.feuille} », cellule ${r.cellule}.`);
    // The corrigé shows the answers; the question does not.
    const corrige = ex.corrige.feuilles[0]!.cellules.map((c) => String(c.valeur));
    expect(corrige).toContain(`${ex.reponses[0]!.libelle} : ${ex.reponses[0]!.lisible} (feuille « ${ex.reponses[0]!.feuille} », cellule ${ex.reponses[0]!.cellule}).`);
    expect(consignes.some((t) => t.includes(ex.reponses[0]!.lisible) && t.startsWith(ex.reponses[0]!.libelle))).toBe(false);
    // Answer cells are empty in the question.
    const index = indexSpec(ex.enonce);
    for (const r of ex.reponses) expect(index.parId.get(r.id)!.cellule.valeur).toBeUndefined();
    expect(celluleParId(ex.corrige, ex.reponses[0]!.id).cellule.formule).toBeDefined();
  });

  it("compétences exercées par type, choisies d'après les intitulés du référentiel", () => {
    const ids = (t: (typeof TYPES_EXERCICES)[number]) => construireExercice(t, 1, DATE).competences.map((c) => c.id);
    expect(ids("evaluation")).toEqual(["A04-C01", "A04-C02", "A04-C03", "A12-C01", "A20-C02"]);
    expect(ids("apurement")).toEqual(["A21-C02"]);
    expect(ids("cal")).toEqual(["A13-C01", "A12-C01"]);
  });
});
