import { describe, expect, it } from "vitest";
import { poster, probleme } from "./outils.ts";

// The family of shared/evaluation.test.ts, where every figure is worked out by hand.
const FAMILLE = {
  date: "2025-06-01",
  foyer: { personnes14Plus: 2, enfantsMoins14: 2, couple: true },
  ressources: [
    { type: "salaire", montant: 1500 },
    { type: "salaire", montant: 420.5 },
    { type: "prestations_familiales", montant: 148.52 },
    { type: "aide_logement", montant: 280 },
  ],
  charges: [
    { type: "loyer", montant: 650 },
    { type: "charges_locatives", montant: 120 },
    { type: "energie", montant: 95.4 },
    { type: "assurance_habitation", montant: 18.6 },
    { type: "telephone_internet", montant: 45 },
    { type: "alimentation", montant: 600 },
    { type: "transport", montant: 80 },
  ],
  dettes: [{ montant: 1800, mensualite: 100 }],
};

interface Reponse {
  date: string;
  resteAVivre: { methode: string; valeur: number }[];
  tauxEffort: { valeur: number; methode: string };
  capaciteRemboursement: { valeur: number; methode: string };
  dettes: { mensualites: number; resteAVivreApresMensualites: number };
  baremes: { id: string; dateEffet: string; source: { texte: string } }[];
}

describe("POST /v1/evaluations", () => {
  it("budget complet → tous les indicateurs, avec la méthode et les barèmes utilisés", async () => {
    const r = await poster("/v1/evaluations", FAMILLE);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const e = (await r.json()) as Reponse;
    expect(e.date).toBe("2025-06-01");
    // 2 349,02 − 1 609 = 740,02 ; /4/30 = 6,17 ; /2,1 = 352,39 ; /2,1/30 = 11,75
    expect(e.resteAVivre.map((x) => x.valeur)).toEqual([740.02, 6.17, 352.39, 11.75]);
    // (650 + 120 − 280) / (2 349,02 − 280) = 490 / 2 069,02 = 0,2368
    expect(e.tauxEffort.valeur).toBe(0.2368);
    expect(e.tauxEffort.methode).toContain("10 mars 2011");
    // min(QS 446,12 ; 740,02): see shared/evaluation.test.ts for the bands
    expect(e.capaciteRemboursement.valeur).toBe(446.12);
    expect(e.capaciteRemboursement.methode).toContain("Banque de France");
    // one plan at 100 €/month: 740,02 − 100 = 640,02
    expect(e.dettes).toMatchObject({ mensualites: 100, resteAVivreApresMensualites: 640.02 });
    expect(e.baremes.map((b) => [b.id, b.dateEffet])).toEqual([
      ["rsa_montant_forfaitaire", "2025-04-01"],
      ["saisie_remuneration", "2025-01-01"],
    ]);
    expect(e.baremes[0]!.source.texte).toContain("2025-293");
    // Both versions are « officiel » in shared/baremes/donnees (RSA : décret 2025-293 ; saisie : décret 2024-1231).
    expect((e as unknown as { statut: string }).statut).toBe("officiel");
  });

  it("sans date : les barèmes du jour, et la date retenue est dite", async () => {
    const { date: _d, ...sansDate } = FAMILLE;
    const e = (await (await poster("/v1/evaluations", sansDate)).json()) as Reponse;
    expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("entrées invalides → 400 avec chaque champ fautif", async () => {
    const p = await probleme(
      await poster("/v1/evaluations", {
        foyer: { personnes14Plus: 0 },
        ressources: [{ type: "loto", montant: 10 }, { type: "salaire", montant: -5 }],
        charges: "beaucoup",
        animal: "chat",
      }),
      422,
      "HORS_LIMITES",
    );
    expect(p.errors?.map((e) => e.pointer)).toEqual(expect.arrayContaining(["/foyer/personnes14Plus", "/ressources/0/type", "/ressources/1/montant", "/charges", "/animal"]));
  });

  it("foyer absent → 400 ARGUMENT_MANQUANT sur /foyer", async () => {
    const p = await probleme(await poster("/v1/evaluations", { ressources: [], charges: [] }), 400, "ARGUMENT_MANQUANT");
    expect(p.errors?.[0]?.pointer).toBe("/foyer");
  });
});
