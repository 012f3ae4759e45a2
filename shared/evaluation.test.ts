import { describe, expect, it } from "vitest";
import { evaluerBudget, ResultatEvaluationSchema, validerEvaluation, type EntreeEvaluation } from "./evaluation.ts";
import type { DateISO } from "./date.ts";

const JUIN_2025 = "2025-06-01" as DateISO;

// Couple and two children under 14, June 2025 (RSA 646,52 € since 2025-04-01; saisie barème 2025).
const FAMILLE: EntreeEvaluation = {
  foyer: { personnes14Plus: 2, enfantsMoins14: 2, couple: true },
  ressources: [
    { type: "salaire", libelle: "Salaire M.", montant: 1500 },
    { type: "salaire", libelle: "Salaire Mme (temps partiel)", montant: 420.5 },
    { type: "prestations_familiales", montant: 148.52 },
    { type: "aide_logement", libelle: "APL", montant: 280 },
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
  dettes: [
    { type: "loyer", libelle: "Arriéré de loyer", montant: 1800, mensualite: 100 },
    { type: "energie", montant: 350 },
  ],
};

describe("evaluerBudget : une famille, calculée à la main", () => {
  const r = evaluerBudget(validerEvaluation(FAMILLE), JUIN_2025);

  it("totaux : ressources 1500 + 420,50 + 148,52 + 280 = 2 349,02 ; charges 650 + 120 + 95,40 + 18,60 + 45 + 600 + 80 = 1 609", () => {
    expect(r.ressources).toEqual({ total: 2349.02, parType: { salaire: 1920.5, prestations_familiales: 148.52, aide_logement: 280 }, aideLogement: 280 });
    expect(r.charges.total).toBe(1609);
    expect(r.charges.logement).toBe(770); // loyer 650 + charges locatives 120
    expect(r.foyer).toEqual({ personnes14Plus: 2, enfantsMoins14: 2, couple: true, personnes: 4, unitesConsommation: 2.1, isolementMajore: false });
  });

  it("reste à vivre : 740,02 € ; /4/30 = 6,1668… ; /2,1 = 352,3904… ; /2,1/30 = 11,7463…", () => {
    expect(r.resteAVivre.map((x) => [x.methode, x.valeur])).toEqual([
      ["mensuel", 740.02],
      ["jour_personne", 6.17],
      ["uc", 352.39],
      ["jour_uc", 11.75],
    ]);
  });

  it("taux d'effort : (770 − 280) / (2 349,02 − 280) = 490 / 2 069,02 = 0,23682… → 0,2368 (l'APL n'est pas comptée deux fois)", () => {
    expect(r.tauxEffort).toMatchObject({ valeur: 0.2368, depenseLogement: 770, aideLogement: 280, ressourcesRetenues: 2069.02 });
    // Counting the APL in the resources as well would give 490 / 2 349,02 = 0,2086: an understated effort.
    expect(r.tauxEffort.valeur).not.toBe(0.2086);
  });

  it("capacité de remboursement : min(QS 446,12 ; 2 349,02 − max(1 357,69 ; 1 609) = 740,02) = 446,12", () => {
    // 3 dependants (conjoint + 2 children): thresholds 2025 + 3 × 1 720 → 9600 / 13820 / 18050 / 22250 / 26460 / 30760.
    // Annual 28 188,24: 480 + 422 + 846 + 1050 + 4210/3 (1 403,333…) + 1 728,24 × 2/3 (1 152,16) = 5 353,4933… → /12 = 446,1244…
    // RSA of the foyer: 646,52 × (1 + 0,5 + 0,3 + 0,3) = 1 357,692 → 1 357,69.
    expect(r.capaciteRemboursement).toMatchObject({ valeur: 446.12, quotiteSaisissable: 446.12, rsaForfaitaireFoyer: 1357.69, personnesACharge: 3 });
    expect(r.baremes.map((b) => [b.id, b.dateEffet, b.origine])).toEqual([
      ["rsa_montant_forfaitaire", "2025-04-01", "integree"],
      ["saisie_remuneration", "2025-01-01", "integree"],
    ]);
  });

  it("dettes : 1 800 € à 100 €/mois = 18 mois ; 350 € au plan CAF = 350/36 → 9,73 € sur 36 mois ; reste à vivre 740,02 − 109,73 = 630,29", () => {
    expect(r.dettes.total).toBe(2150);
    expect(r.dettes.lignes.map((l) => [l.type, l.plan?.mode, l.plan?.mensualite, l.plan?.nombreEcheances])).toEqual([
      ["loyer", "mensualite", 100, 18],
      ["energie", "defaut_caf", 9.73, 36],
    ]);
    expect(r.dettes.mensualites).toBe(109.73);
    expect(r.dettes.resteAVivreApresMensualites).toBe(630.29);
    expect(r.avertissements).toEqual([]);
  });

  it("la réponse suit exactement son schéma documenté (aucun champ en plus ni en moins)", () => {
    expect(ResultatEvaluationSchema.parse(r)).toEqual(r);
  });
});

describe("evaluerBudget : cas limites", () => {
  it("sans aide au logement, le dénominateur est l'ensemble des ressources : 600 / 2 000 = 0,3", () => {
    const r = evaluerBudget(validerEvaluation({ foyer: { personnes14Plus: 1 }, ressources: [{ type: "salaire", montant: 2000 }], charges: [{ type: "loyer", montant: 600 }] }), JUIN_2025);
    expect(r.tauxEffort.valeur).toBe(0.3);
  });

  it("une aide au logement supérieure au loyer : le taux d'effort n'est pas calculé, les autres indicateurs le sont", () => {
    const r = evaluerBudget(
      validerEvaluation({ foyer: { personnes14Plus: 1 }, ressources: [{ type: "salaire", montant: 1000 }, { type: "aide_logement", montant: 400 }], charges: [{ type: "loyer", montant: 300 }] }),
      JUIN_2025,
    );
    expect(r.tauxEffort.valeur).toBeNull();
    expect(r.tauxEffort.erreur?.code).toBe("HORS_LIMITES");
    expect(r.resteAVivre[0]!.valeur).toBe(1100); // 1000 + 400 − 300
  });

  it("mensualités supérieures à la capacité de remboursement : un avertissement le dit", () => {
    // Single, 1 000 € and 900 € of charges: 1000 − max(646,52 ; 900) = 100 ; QS: 12 000/yr → 222 + 422 + 3340/5 = 1 312 → 109,33 ; capacity 100.
    const r = evaluerBudget(
      validerEvaluation({
        foyer: { personnes14Plus: 1 },
        ressources: [{ type: "salaire", montant: 1000 }],
        charges: [{ type: "loyer", montant: 500 }, { type: "alimentation", montant: 400 }],
        dettes: [{ montant: 3000, mensualite: 200 }],
      }),
      JUIN_2025,
    );
    expect(r.capaciteRemboursement.valeur).toBe(100);
    expect(r.avertissements).toEqual(["Les mensualités des dettes (200,00 €) dépassent la capacité de remboursement (100,00 €)."]);
  });

  it("refuse un couple d'une seule personne de 14 ans ou plus, en nommant le champ", () => {
    expect(() => validerEvaluation({ foyer: { personnes14Plus: 1, couple: true }, ressources: [], charges: [] })).toThrow(
      expect.objectContaining({ code: "HORS_LIMITES", chemin: ["foyer", "couple"] }),
    );
  });

  it("refuse un type de ressource inconnu, en nommant la ligne", () => {
    expect(() => validerEvaluation({ foyer: { personnes14Plus: 1 }, ressources: [{ type: "loto", montant: 5 }], charges: [] })).toThrow(
      expect.objectContaining({ chemin: ["ressources", 0, "type"] }),
    );
  });
});

describe("evaluerBudget : parent isolé en RSA majoré, aide au logement inférieure au forfait (issue 13)", () => {
  const JUIN_2026 = "2026-06-01" as DateISO;
  const r = evaluerBudget(
    validerEvaluation({
      foyer: { personnes14Plus: 1, enfantsMoins14: 1, isolementMajore: true },
      ressources: [
        { type: "salaire", montant: 1100 },
        { type: "aide_logement", montant: 100 },
      ],
      charges: [
        { type: "loyer", montant: 500 },
        { type: "alimentation", montant: 200 },
      ],
    }),
    JUIN_2026,
  );

  it("capacité : plancher du RSA majoré 651,69 × 1,71216 = 1 115,7975… → 1 115,80 ; 1 200 − 1 115,80 = 84,20 < QS 126,83", () => {
    // QS (1 personne à charge, seuils 2026 + 1 740) sur 14 400 €/an : 311 + 425 + 786 = 1 522 → /12 = 126,8333…
    expect(r.capaciteRemboursement).toMatchObject({ valeur: 84.2, quotiteSaisissable: 126.83, rsaForfaitaireFoyer: 1115.8, personnesACharge: 1 });
    expect(r.foyer.isolementMajore).toBe(true);
    expect(r.baremes.map((b) => [b.id, b.dateEffet])).toEqual([
      ["rsa_montant_forfaitaire", "2026-04-01"],
      ["rsa_majoration_isolement", "2009-06-01"],
      ["saisie_remuneration", "2026-01-01"],
    ]);
  });

  it("RSA du foyer : forfait logement 2 personnes 651,69 × 1,5 × 16 % = 156,4056 → 156,41, déduit dans la limite de l'aide de 100 € : 1 115,80 − 100 = 1 015,80", () => {
    expect(r.rsa).toEqual({ montantForfaitaire: 1115.8, forfaitLogement: 156.41, forfaitLogementDeduit: 100, montantApresForfaitLogement: 1015.8, isolementMajore: true });
  });

  it("un couple en isolement majoré, des ressources de conjoint sans couple : refusés, chemin du champ donné", () => {
    const base = { ressources: [], charges: [] };
    expect(() => validerEvaluation({ ...base, foyer: { personnes14Plus: 2, couple: true, isolementMajore: true } })).toThrow(/personne isolée/);
    expect(() => validerEvaluation({ ...base, foyer: { personnes14Plus: 1, ressourcesConjoint: 800 } })).toThrow(/que pour un couple/);
    expect(() => validerEvaluation({ ...base, foyer: { personnes14Plus: 1, enfantsMoins14: 1, personnes25Plus: 2 } })).toThrow(/25 ans ou plus/);
  });

  it("conjoint dont les ressources propres atteignent le RSA d'une personne : pas à charge pour la quotité (famille de référence en 2025 : 2 au lieu de 3)", () => {
    const e = validerEvaluation({ ...FAMILLE, foyer: { personnes14Plus: 2, enfantsMoins14: 2, couple: true, ressourcesConjoint: 700 } });
    expect(evaluerBudget(e, JUIN_2025).capaciteRemboursement.personnesACharge).toBe(2);
  });

  it("le résultat reste conforme au schéma publié par l'API", () => {
    expect(ResultatEvaluationSchema.safeParse(r).success).toBe(true);
  });
});
