import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { planApurement, MAX_ECHEANCES } from "#shared/planApurement.ts";
import { ErreurLogsoc } from "#shared/errors.ts";
import { dec } from "#shared/money.ts";
import type { DateISO } from "#shared/date.ts";
import { erreur } from "./test/erreur.ts";

const montants = (p: ReturnType<typeof planApurement>) => p.echeances.map((e) => e.repriseDette.toString());
const dates = (p: ReturnType<typeof planApurement>) => p.echeances.map((e) => e.date);

describe("plan d'apurement, cas calculés à la main", () => {
  it("1 000 € sur 3 mois : 1 000 / 3 = 333,333… arrondi au centime supérieur 333,34 ; dernière = 1 000 − 2 × 333,34 = 333,32", () => {
    const p = planApurement({ dette: 1000, duree: 3 });
    expect(p.mode).toBe("duree");
    expect(montants(p)).toEqual(["333.34", "333.34", "333.32"]);
    expect(p.echeances.map((e) => e.resteDu.toString())).toEqual(["666.66", "333.32", "0"]);
    expect(p.totalRembourse.toString()).toBe("1000");
  });

  it("plan d'un mois : une seule échéance égale à la dette (450,27 €)", () => {
    const p = planApurement({ dette: "450.27", duree: 1 });
    expect(montants(p)).toEqual(["450.27"]);
    expect(p.echeances[0]!.resteDu.isZero()).toBe(true);
  });

  it("dette inférieure à la mensualité : 80 € à 100 €/mois → une échéance de 80 €", () => {
    const p = planApurement({ dette: 80, mensualite: 100 });
    expect(montants(p)).toEqual(["80"]);
    expect(p.nombreEcheances).toBe(1);
  });

  it("par mensualité : 1 250 € à 300 €/mois → ceil(1 250 / 300) = 5 échéances, 4 × 300 puis 1 250 − 1 200 = 50", () => {
    expect(montants(planApurement({ dette: 1250, mensualite: 300 }))).toEqual(["300", "300", "300", "300", "50"]);
  });

  it("mensualité et durée suffisante : la durée est un maximum (1 000 € à 250 €/mois en 6 mois max → 4 échéances)", () => {
    const p = planApurement({ dette: 1000, mensualite: 250, duree: 6 });
    expect(p.mode).toBe("mensualite");
    expect(montants(p)).toEqual(["250", "250", "250", "250"]);
  });

  it("mensualité et durée trop courte : #VALUE! qui dit combien de mois il faudrait (1 000 / 100 = 10 mois > 5)", () => {
    const e = erreur(() => planApurement({ dette: 1000, mensualite: 100, duree: 5 }));
    expect(e.code).toBe("DUREE_INSUFFISANTE");
    expect(e.erreurExcel).toBe("#VALUE!");
    expect(e.message).toContain("10 mois");
    expect(e.message).toContain("5 mois");
  });

  it("plan CAF par défaut (CCH R.824-12) : 3 600 € → 36 × 100 €", () => {
    const p = planApurement({ dette: 3600 });
    expect(p.mode).toBe("defaut_caf");
    expect(p.nombreEcheances).toBe(36);
    expect(new Set(montants(p))).toEqual(new Set(["100"]));
  });

  it("plan CAF par défaut : 1 000 / 36 = 27,777… → 27,78 × 35 = 972,30, dernière 27,70", () => {
    const p = planApurement({ dette: 1000 });
    expect(p.nombreEcheances).toBe(36);
    expect(montants(p).slice(0, 35).every((m) => m === "27.78")).toBe(true);
    expect(p.echeances[35]!.repriseDette.toString()).toBe("27.7");
  });

  it("durée : le plan ne dépasse jamais la durée, même pour une toute petite dette (0,05 € en 4 mois → 0,02 + 0,02 + 0,01)", () => {
    const p = planApurement({ dette: "0.05", duree: 4 });
    expect(montants(p)).toEqual(["0.02", "0.02", "0.01"]);
  });

  it("première échéance un 31 janvier d'une année non bissextile : 31/01, 28/02, 31/03, 30/04 (2025)", () => {
    const p = planApurement({ dette: 400, duree: 4, premiereEcheance: "2025-01-31" as DateISO });
    expect(dates(p)).toEqual(["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"]);
  });

  it("année bissextile : 31/01/2024 → 29/02/2024, puis retour au 31 (31/03)", () => {
    const p = planApurement({ dette: 300, duree: 3, premiereEcheance: "2024-01-31" as DateISO });
    expect(dates(p)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31"]);
  });

  it("le 29 février d'une année bissextile revient au 28 février l'année suivante (13 échéances)", () => {
    const p = planApurement({ dette: 1300, duree: 13, premiereEcheance: "2024-02-29" as DateISO });
    expect(dates(p)[12]).toBe("2025-02-28");
    expect(dates(p)[1]).toBe("2024-03-29");
  });

  it("passage d'année : 15/11/2026 → 15/12/2026 → 15/01/2027", () => {
    const p = planApurement({ dette: 300, duree: 3, premiereEcheance: "2026-11-15" as DateISO });
    expect(dates(p)).toEqual(["2026-11-15", "2026-12-15", "2027-01-15"]);
  });

  it("loyer résiduel : total à verser = échéance + loyer résiduel (333,34 + 420 = 753,34 ; 333,32 + 420 = 753,32)", () => {
    const p = planApurement({ dette: 1000, duree: 3, loyerResiduel: 420 });
    expect(p.echeances.map((e) => e.totalAVerser?.toString())).toEqual(["753.34", "753.34", "753.32"]);
  });

  it("sans loyer résiduel ni date : colonnes vides", () => {
    const p = planApurement({ dette: 100, duree: 2 });
    expect(p.echeances.every((e) => e.totalAVerser === null && e.loyerResiduel === null && e.date === null)).toBe(true);
  });

  it(`au plus ${MAX_ECHEANCES} échéances : 10 000 € à 10 €/mois (1 000 échéances) → #VALUE!`, () => {
    const e = erreur(() => planApurement({ dette: 10000, mensualite: 10 }));
    expect(e.code).toBe("TROP_D_ECHEANCES");
    expect(e.message).toContain("1000 échéances");
  });

  it("600 échéances exactement sont acceptées (6 000 € à 10 €)", () => {
    expect(planApurement({ dette: 6000, mensualite: 10 }).nombreEcheances).toBe(600);
  });

  it("dette nulle ou négative, mensualité nulle, durée hors limites : #VALUE!", () => {
    expect(erreur(() => planApurement({ dette: 0 })).code).toBe("HORS_LIMITES");
    expect(erreur(() => planApurement({ dette: -5 })).code).toBe("HORS_LIMITES");
    expect(erreur(() => planApurement({ dette: 100, mensualite: 0 })).code).toBe("HORS_LIMITES");
    expect(erreur(() => planApurement({ dette: 100, duree: 0 })).code).toBe("HORS_LIMITES");
    expect(erreur(() => planApurement({ dette: 100, duree: 601 })).code).toBe("HORS_LIMITES");
    expect(erreur(() => planApurement({ dette: 100, duree: 2.5 })).code).toBe("HORS_LIMITES");
  });

  it("avertit au-delà des durées de référence : 48 mois dépasse CAF (36), juge (36) et protocole (24), pas le surendettement (84)", () => {
    const a = planApurement({ dette: 4800, duree: 48 }).avertissements.join(" ");
    expect(a).toContain("R.824-12");
    expect(a).toContain("L.353-15-2");
    expect(a).not.toContain("L.732-3");
    expect(planApurement({ dette: 2400, duree: 24 }).avertissements).toEqual([]);
  });
});

describe("propriétés du plan d'apurement", () => {
  const centimes = fc.integer({ min: 1, max: 100_000_000 }); // 0,01 € à 1 000 000 €
  const entree = fc.oneof(
    fc.record({ dette: centimes, mensualite: centimes, duree: fc.constant(undefined) }),
    fc.record({ dette: centimes, mensualite: fc.constant(undefined), duree: fc.integer({ min: 1, max: 600 }) }),
    fc.record({ dette: centimes, mensualite: fc.constant(undefined), duree: fc.constant(undefined) }),
  );

  it("Σ échéances = dette au centime, aucune échéance au-dessus de la première, n lignes, reste dû décroissant jusqu'à 0 exactement", () => {
    let verifies = 0;
    fc.assert(
      fc.property(entree, (x) => {
        const dette = dec(x.dette).dividedBy(100);
        const mensualite = x.mensualite === undefined ? undefined : dec(x.mensualite).dividedBy(100);
        let p;
        try {
          p = planApurement({ dette, mensualite, duree: x.duree });
        } catch (e) {
          // Only a plan longer than 600 instalments may be refused.
          expect((e as ErreurLogsoc).code).toBe("TROP_D_ECHEANCES");
          expect(dette.dividedBy(mensualite!).ceil().toNumber()).toBeGreaterThan(MAX_ECHEANCES);
          return;
        }
        verifies++;
        const e = p.echeances;
        expect(e.length).toBe(p.nombreEcheances);
        expect(e.length).toBe(dette.dividedBy(p.mensualite).ceil().toNumber());
        expect(e.reduce((s, k) => s.plus(k.repriseDette), dec(0)).equals(dette)).toBe(true);
        expect(e.every((k) => k.repriseDette.lessThanOrEqualTo(e[0]!.repriseDette) && k.repriseDette.greaterThan(0))).toBe(true);
        expect(e.every((k) => k.repriseDette.decimalPlaces() <= 2)).toBe(true);
        e.forEach((k, i) => {
          if (i > 0) expect(k.resteDu.lessThan(e[i - 1]!.resteDu)).toBe(true);
        });
        expect(e[e.length - 1]!.resteDu.isZero()).toBe(true);
        if (x.duree !== undefined) expect(e.length).toBeLessThanOrEqual(x.duree);
        if (x.duree === undefined && x.mensualite === undefined) expect(e.length).toBeLessThanOrEqual(36);
      }),
      { numRuns: 4000 },
    );
    expect(verifies).toBeGreaterThan(1000);
  });

  it("les dates tombent le même jour chaque mois, ou le dernier jour du mois s'il est plus court", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }), fc.integer({ min: 1, max: 120 }), (d, n) => {
        const iso = d.toISOString().slice(0, 10) as DateISO;
        const jour = d.getUTCDate();
        const p = planApurement({ dette: n, duree: n, premiereEcheance: iso });
        p.echeances.forEach((k, i) => {
          const [a, m, j] = k.date!.split("-").map(Number) as [number, number, number];
          const attendu = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + i, 1));
          expect([a, m]).toEqual([attendu.getUTCFullYear(), attendu.getUTCMonth() + 1]);
          const dernier = new Date(Date.UTC(a, m, 0)).getUTCDate();
          expect(j).toBe(Math.min(jour, dernier));
        });
      }),
      { numRuns: 1000 },
    );
  });
});
