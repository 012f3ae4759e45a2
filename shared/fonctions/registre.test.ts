import { describe, expect, it } from "vitest";
import { evaluer, evaluerObjet } from "#shared/fonctions/registre.ts";
import { erreur } from "../test/erreur.ts";

describe("arguments comme Excel les passe", () => {
  it("plage avec cellules vides : ressources [[1 200], [vide], [300,50]] = 1 500,50 ; charges 1 000 → 500,50", () => {
    expect(evaluer("RESTE_A_VIVRE", [[[1200], [null], [300.5]], [[1000], [""]]])).toBe(500.5);
  });

  it("somme exacte d'une plage : 0,1 + 0,2 − 0,3 = 0 et non 5,55e-17", () => {
    expect(evaluer("RESTE_A_VIVRE", [[[0.1], [0.2]], 0.3])).toBe(0);
  });

  it("cellule de texte dans une plage : #VALUE! qui nomme la ligne et la colonne", () => {
    const e = erreur(() => evaluer("RESTE_A_VIVRE", [[[1200, 50], [300, "env. 400"]], 900]));
    expect(e.erreurExcel).toBe("#VALUE!");
    expect(e.code).toBe("TEXTE_DANS_PLAGE");
    expect(e.message).toContain("ligne 2, colonne 2");
    expect(e.message).toContain("ressources");
    expect(e.chemin).toEqual(["ressources", 1, 1]);
  });

  it("tableau plat (CLI, API) : la position est le numéro de cellule", () => {
    expect(erreur(() => evaluer("TAUX_EFFORT", [600, [10, "x"], 0, 1500])).message).toContain("cellule n°2");
  });

  it("arguments facultatifs omis (null) : 1 personne, méthode mensuelle", () => {
    expect(evaluer("RESTE_A_VIVRE", [1500, 1000, null, null, null])).toBe(500);
  });

  it("nombres écrits à la française", () => {
    expect(evaluer("TAUX_EFFORT", ["650,00", "120", "280", "1 800"])).toBe(0.2722);
  });

  it("méthode inconnue : #VALUE! listant les méthodes", () => {
    const e = erreur(() => evaluer("RESTE_A_VIVRE", [1500, 1000, 1, 0, "par_mois"]));
    expect(e.code).toBe("METHODE_INCONNUE");
    expect(e.message).toContain("jour_uc");
  });

  it("argument obligatoire manquant et montant négatif", () => {
    expect(erreur(() => evaluer("TAUX_EFFORT", [650, 120, 280])).code).toBe("ARGUMENT_MANQUANT");
    const e = erreur(() => evaluer("RESTE_A_VIVRE", [-1, 0]));
    expect(e.code).toBe("HORS_LIMITES");
    expect(e.erreurExcel).toBe("#VALUE!");
  });

  it("composition impossible : 0 personne de 14 ans ou plus, 2,5 enfants", () => {
    expect(erreur(() => evaluer("UNITES_CONSOMMATION", [0])).code).toBe("HORS_LIMITES");
    expect(erreur(() => evaluer("UNITES_CONSOMMATION", [1, 2.5])).message).toMatch(/entier/);
  });

  it("PLAN_APUREMENT : en-tête puis une ligne par échéance, date série Excel 45322 = 31/01/2024", () => {
    const t = evaluer("PLAN_APUREMENT", [1000, null, 3, 45322, 420]) as unknown[][];
    expect(t[0]).toEqual(["N°", "Échéance", "Reprise de dette", "Loyer résiduel", "Total à verser", "Reste dû"]);
    expect(t.slice(1)).toEqual([
      [1, { date: "2024-01-31" }, 333.34, 420, 753.34, 666.66],
      [2, { date: "2024-02-29" }, 333.34, 420, 753.34, 333.32],
      [3, { date: "2024-03-31" }, 333.32, 420, 753.32, 0],
    ]);
  });

  it("appel nommé (API) : mêmes résultats, arguments inconnus refusés", () => {
    expect(evaluerObjet("TAUX_EFFORT", { loyer: 650, charges: 120, aide_logement: 280, ressources: 1800 })).toBe(0.2722);
    expect(erreur(() => evaluerObjet("TAUX_EFFORT", { loyer: 650, charge: 120, aide_logement: 0, ressources: 1 })).message).toContain("charge");
  });

  it("trop d'arguments, fonction inconnue", () => {
    expect(erreur(() => evaluer("UNITES_CONSOMMATION", [1, 0, 3])).message).toContain("au plus 2");
    expect(erreur(() => evaluer("INCONNUE", [])).message).toContain("RESTE_A_VIVRE");
  });

  it("le préfixe LOGSOC. est accepté", () => {
    expect(evaluer("logsoc.uc", [2, 2])).toBe(2.1);
  });
});

describe("somme de plage exacte (propriété)", () => {
  it("la somme d'une plage de montants au centime ou non égale la somme décimale exacte", async () => {
    const { default: fc } = await import("fast-check");
    const { dec, somme, arrondiCentime } = await import("#shared/money.ts");
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(null)), { maxLength: 30 }),
        (cellules) => {
          const nombres = cellules.filter((x): x is number => x !== null);
          const attendu = arrondiCentime(somme(nombres.map((x) => dec(x))));
          const r = evaluer("RESTE_A_VIVRE", [cellules.map((x) => [x]), 0]);
          expect(r).toBe(attendu.toNumber());
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("plage entièrement vide", () => {
  it("vaut 0, comme SOMME : charges [[vide],[vide]] → RAV = ressources", () => {
    expect(evaluer("RESTE_A_VIVRE", [1500, [[null], [""]]])).toBe(1500);
  });
});

describe("somme de plage au-delà de 2^53 centimes", () => {
  it("90 000 milliards + 90 000 milliards + 0,01 − 90 000 milliards − 90 000 milliards = 0,01 € : aucun centime perdu", () => {
    // 1,8e16 centimes + 1 dépasse 2^53 : une somme en nombres flottants perdrait le centime.
    expect(evaluer("RESTE_A_VIVRE", [[9e13, 9e13, 0.01, -9e13, -9e13], 0])).toBe(0.01);
  });
});
