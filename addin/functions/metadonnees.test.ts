import { beforeAll, describe, expect, it } from "vitest";
import { ErreurMetadonnees, genererMetadonnees, type Metadonnees } from "../build/metadonnees.ts";
import { estReferenceCellule, violationsNommage } from "../build/nommage.ts";
import { FONCTIONS } from "#shared/fonctions/registre.ts";
import type { DefinitionFonction } from "#shared/fonctions/types.ts";
import { ASSOCIATIONS } from "./functions.ts";

interface Parametre {
  name: string;
  description: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fonction {
  id: string;
  name: string;
  description: string;
  parameters: Parametre[];
  options?: { requiresAddress?: boolean };
  result: { dimensionality?: string; type?: string };
}

let metadonnees: Metadonnees;
let fonctions: Fonction[];

beforeAll(() => {
  metadonnees = genererMetadonnees();
  fonctions = (JSON.parse(metadonnees.json) as { functions: Fonction[] }).functions;
});

describe("functions.json generated from the registry", () => {
  it("matches the reviewed golden file (update with `npx vitest run -u` after a deliberate change, and bump <Version>)", async () => {
    await expect(metadonnees.json).toMatchFileSnapshot("./functions.attendu.json");
  });

  it("declares every registry function, in the registry's order, under its Excel name", () => {
    expect(fonctions.map((f) => f.id)).toEqual(FONCTIONS.map((f) => f.nom));
    for (const f of fonctions) expect(f.name).toBe(f.id);
  });

  it("uses the registry's one-sentence French descriptions word for word", () => {
    for (const def of FONCTIONS) {
      const f = fonctions.find((x) => x.id === def.nom)!;
      expect(f.description, def.nom).toBe(def.description);
      // One sentence: ends with a full stop, and no full stop inside is followed by a capitalised word
      // ("C. trav. R.3252-2" is an abbreviation and an article number, not a new sentence).
      expect(f.description, def.nom).toMatch(/\.$/);
      expect(f.description.slice(0, -1), `${def.nom} : une seule phrase`).not.toMatch(/\.\s+[A-ZÀ-Ý][a-zà-ÿ]/);
      expect(
        f.parameters.map((p) => ({ nom: p.name, description: p.description, optionnel: p.optional === true })),
        def.nom,
      ).toEqual(def.arguments.map((a) => ({ nom: a.nom, description: a.description, optionnel: a.optionnel })));
    }
  });

  it("lets amounts and counts be a number or a range, and hands every value to the engine untyped", () => {
    for (const def of FONCTIONS) {
      const f = fonctions.find((x) => x.id === def.nom)!;
      def.arguments.forEach((a, i) => {
        const p = f.parameters[i]!;
        expect(p.type, `${def.nom}.${a.nom}`).toBe("any");
        const plage = a.type === "montant" || a.type === "nombre" || a.type === "entier";
        expect(p.dimensionality === "matrix", `${def.nom}.${a.nom}`).toBe(plage);
      });
    }
  });

  it("returns PLAN_APUREMENT as a dynamic array and the other functions as one value of any type (a formatted number where Excel supports it)", () => {
    for (const f of fonctions) {
      expect(f.result, f.id).toEqual(f.id === "PLAN_APUREMENT" ? { dimensionality: "matrix" } : {});
    }
  });

  it("lets functions return formatted numbers (CustomFunctionsRuntime 1.4), data types reduced to their value by the coercion", () => {
    expect(JSON.parse(metadonnees.json)).toHaveProperty("allowCustomDataForDataTypeAny", true);
  });

  it("asks Excel for the calling cell's address, so the task pane can show that cell's last error", () => {
    for (const f of fonctions) expect(f.options, f.id).toEqual({ requiresAddress: true });
  });

  it("associates one implementation with each generated id, in the same order", () => {
    expect(Object.keys(ASSOCIATIONS)).toEqual(metadonnees.ids);
    expect(metadonnees.ids).toEqual(fonctions.map((f) => f.id));
  });
});

describe("Microsoft's naming rules for every id and name", () => {
  it("every LOGSOC id and name: a letter first, 3 characters or more, letters/digits/_/., no cell reference, no Excel 4.0 macro", () => {
    for (const f of fonctions) {
      for (const nom of [f.id, f.name]) {
        expect(nom.length, nom).toBeGreaterThanOrEqual(3);
        expect(nom, nom).toMatch(/^[A-Za-z][A-Za-z0-9_.]*$/);
        expect(violationsNommage(nom), nom).toEqual([]);
      }
    }
  });

  it("names the function of unités de consommation UNITES_CONSOMMATION (DESIGN §5.1), never UC", () => {
    expect(fonctions.map((f) => f.id)).toContain("UNITES_CONSOMMATION");
    expect(fonctions.map((f) => f.id)).not.toContain("UC");
  });

  it.each([
    ["UC", /moins de 3 caractères/],
    ["RAV1", /référence de cellule/],
    ["XFD1048576", /référence de cellule/],
    ["R1C1", /référence de cellule/],
    ["EVALUATE", /macro Excel 4\.0/],
    ["GET.CELL", /macro Excel 4\.0/],
    ["1ABC", /commence pas par une lettre/],
    ["RESTE-A-VIVRE", /caractères autres/],
  ])("refuses %s", (nom, raison) => {
    expect(violationsNommage(nom).join(" ; ")).toMatch(raison);
  });

  it("tells a cell reference from a name: XFE1 and RAV0 are past Excel's grid, RESTE_A_VIVRE has letters after the digits", () => {
    expect(estReferenceCellule("XFE1")).toBe(false); // column 16 385 > XFD
    expect(estReferenceCellule("RAV0")).toBe(false); // row 0 does not exist
    expect(estReferenceCellule("A1048577")).toBe(false);
    expect(estReferenceCellule("TAUX_EFFORT")).toBe(false);
    expect(estReferenceCellule("rc")).toBe(true);
  });
});

describe("a registry Excel would refuse fails the build", () => {
  const fonction = (nom: string, args: DefinitionFonction["arguments"] = []): DefinitionFonction => ({
    nom,
    description: "Fonction de test.",
    arguments: args,
    calculer: () => 0,
  });

  it("refuses the old name UC and a cell-reference name, naming each", () => {
    try {
      genererMetadonnees([fonction("UC"), fonction("RAV1")]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ErreurMetadonnees);
      expect((e as ErreurMetadonnees).erreurs).toEqual(["UC : moins de 3 caractères", "RAV1 : se lit comme une référence de cellule"]);
    }
  });

  it("refuses a required argument after an optional one, and an empty registry", () => {
    const args = [
      { nom: "a", description: "A.", type: "montant", optionnel: true },
      { nom: "b", description: "B.", type: "montant", optionnel: false },
    ] as const;
    expect(() => genererMetadonnees([fonction("ESSAI", args)])).toThrow(/obligatoire après un argument facultatif/);
    expect(() => genererMetadonnees([])).toThrow(/aucune fonction/);
  });
});
