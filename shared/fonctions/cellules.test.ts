// What a cell can hand a LOGSOC function, whatever the Excel build: an empty cell arrives as 0 on some
// desktop builds, as null on the web, as [[0]] or [[null]] through a one-cell range; a formatted number
// (another LOGSOC result, on Excel with data types) as { type: "Double", basicValue }.
import { describe, expect, it } from "vitest";
import { D } from "../money.ts";
import type { DateISO } from "../date.ts";
import { coercer } from "./arguments.ts";
import { evaluer } from "./registre.ts";
import { erreur } from "../test/erreur.ts";

const VIDES = [0, null, [[0]], [[null]]] as const;
const JUIN_2025 = { aujourdhui: "2025-06-01" as DateISO };

describe.each(VIDES.map((v) => [JSON.stringify(v), v] as const))("une cellule vide donnée comme %s", (_nom, vide) => {
  it("date de première échéance : le plan n'a pas de dates, comme sans l'argument (1 000 € sur 3 mois)", () => {
    const sans = evaluer("PLAN_APUREMENT", [1000, null, 3]) as unknown[][];
    expect(evaluer("PLAN_APUREMENT", [1000, null, 3, vide])).toEqual(sans);
    expect(sans.slice(1).map((l) => l[1])).toEqual([null, null, null]);
  });

  it("méthode : mensuel, le défaut (1 500 − 1 000 = 500)", () => {
    expect(evaluer("RESTE_A_VIVRE", [1500, 1000, 2, 1, vide])).toBe(500);
  });

  it("nombre facultatif de personnes de 14 ans ou plus : 1, le défaut (500 € pour 1 personne, 30 jours → 16,67 €/jour)", () => {
    expect(evaluer("RESTE_A_VIVRE", [1500, 1000, vide, null, "jour_personne"])).toBe(16.67);
  });

  it("durée facultative : le plan CAF de 36 mois, comme sans l'argument (3 600 € → 36 × 100 €)", () => {
    const plan = evaluer("PLAN_APUREMENT", [3600, null, vide]) as unknown[][];
    expect(plan).toHaveLength(37);
    expect(plan[1]![2]).toBe(100);
  });

  it("date d'un barème : aujourd'hui (SMIC horaire brut au 01/06/2025 : 11,88 €, décret 2024-951)", () => {
    expect(evaluer("BAREME", ["smic", vide], JUIN_2025)).toBe(11.88);
  });

  it("clé d'un barème : sa valeur principale (SMIC horaire brut 11,88 €)", () => {
    expect(evaluer("BAREME", ["smic", "2025-06-01", vide])).toBe(11.88);
  });
});

describe("où 0 a un sens, il le garde", () => {
  it("un loyer résiduel de 0 € s'affiche 0, pas une colonne vide", () => {
    const plan = evaluer("PLAN_APUREMENT", [1000, null, 2, null, 0]) as unknown[][];
    expect(plan[1]!.slice(3, 5)).toEqual([0, 500]);
    const sans = evaluer("PLAN_APUREMENT", [1000, null, 2, null, null]) as unknown[][];
    expect(sans[1]!.slice(3, 5)).toEqual([null, null]);
  });

  it("0 enfant reste 0 enfant ; des charges de 0 € restent 0 €", () => {
    expect(evaluer("UNITES_CONSOMMATION", [2, 0])).toBe(1.5);
    expect(evaluer("RESTE_A_VIVRE", [1500, 0])).toBe(1500);
  });

  it("une personne de 14 ans ou plus obligatoire à 0 reste une erreur qui le dit", () => {
    expect(erreur(() => evaluer("UNITES_CONSOMMATION", [0])).message).toMatch(/au moins 1/);
  });
});

describe("données typées d'Excel (nombres mis en forme)", () => {
  it("un résultat LOGSOC mis en forme repris dans une autre formule vaut son nombre : 1 200 € − 450 € = 750", () => {
    expect(evaluer("RESTE_A_VIVRE", [{ type: "Double", basicValue: 1200, numberFormat: "0.00" } as never, [[{ type: "Double", basicValue: 450 }]]])).toBe(750);
  });

  it("une cellule vide typée (Empty) est vide ; du texte typé est lu comme du texte", () => {
    expect(evaluer("RESTE_A_VIVRE", [1500, 1000, { type: "Empty" }, null, { type: "String", basicValue: "mensuel" }])).toBe(500);
  });

  it("une entité (donnée structurée) est refusée en nommant l'argument", () => {
    const e = erreur(() => evaluer("TAUX_EFFORT", [{ type: "Entity", text: "Logement" } as never, 0, 0, 1000]));
    expect(e.code).toBe("ENTREE_INVALIDE");
    expect(e.message).toBe("« loyer » reçoit une donnée structurée d'Excel (Entity) : indiquez un nombre, un texte ou une date.");
  });
});

describe("les montants restent des Decimal de la cellule au moteur", () => {
  const ressources = { nom: "ressources", description: "", type: "montant", optionnel: false } as const;

  it("un montant écrit en texte garde tous ses chiffres (un double n'en garde que 17 : 123456789.12345679)", () => {
    const v = coercer(ressources, "123456789,123456789");
    expect(v).toBeInstanceOf(D);
    expect((v as InstanceType<typeof D>).toString()).toBe("123456789.123456789");
  });

  it("la somme d'une plage est exacte et reste un Decimal : 0,1 + 0,2 = 0,3", () => {
    expect((coercer(ressources, [[0.1], [0.2]]) as InstanceType<typeof D>).toString()).toBe("0.3");
  });

  it("au demi-centime près : 1,004 999 999 999 999 999 999 € de ressources donne 1,00 € (par un double, 1.005, on aurait 1,01 €)", () => {
    expect(String(Number("1.004999999999999999999"))).toBe("1.005");
    expect(evaluer("RESTE_A_VIVRE", ["1,004999999999999999999", 0])).toBe(1);
  });
});

describe("une règle, un seul endroit", () => {
  it("dette négative ou nulle : le même message du moteur (la dette doit être supérieure à 0 €)", () => {
    for (const dette of [-5, 0]) {
      const e = erreur(() => evaluer("PLAN_APUREMENT", [dette]));
      expect(e.code).toBe("HORS_LIMITES");
      expect(e.message).toMatch(/^La dette doit être supérieure à 0 €/);
    }
  });
});
