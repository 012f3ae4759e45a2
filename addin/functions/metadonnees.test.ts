import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErreurMetadonnees, genererMetadonnees, type Metadonnees } from "../build/metadonnees.ts";
import { FONCTIONS } from "#shared/fonctions/registre.ts";
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
  result: { dimensionality?: string; type?: string };
}

let metadonnees: Metadonnees;
let fonctions: Fonction[];

beforeAll(async () => {
  metadonnees = await genererMetadonnees();
  fonctions = (JSON.parse(metadonnees.json) as { functions: Fonction[] }).functions;
});

describe("functions.json generated from the JSDoc", () => {
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

  it("returns PLAN_APUREMENT as a dynamic array and the other functions as one value", () => {
    for (const f of fonctions) expect(f.result.dimensionality === "matrix", f.id).toBe(f.id === "PLAN_APUREMENT");
  });

  it("does not let data-type entities reach the engine", () => {
    expect(JSON.parse(metadonnees.json)).not.toHaveProperty("allowCustomDataForDataTypeAny");
  });

  it("associates each generated id with the function that carries its JSDoc", () => {
    expect(Object.keys(ASSOCIATIONS)).toEqual(metadonnees.associations.map((a) => a.id));
    for (const a of metadonnees.associations) expect(ASSOCIATIONS[a.id]!.name, a.id).toBe(a.functionName);
  });
});

describe("generator errors fail the build", () => {
  const dossier = mkdtempSync(join(tmpdir(), "logsoc-cfm-"));
  afterAll(() => rmSync(dossier, { recursive: true, force: true }));

  it("rejects a Date parameter, which Excel cannot pass", async () => {
    const source = join(dossier, "date.ts");
    writeFileSync(source, "/**\n * Jour.\n * @customfunction JOUR\n * @param d Une date.\n */\nexport function jour(d: Date): number {\n  return d.getDate();\n}\n");
    await expect(genererMetadonnees(source)).rejects.toBeInstanceOf(ErreurMetadonnees);
  });

  it("rejects a file without any custom function", async () => {
    const source = join(dossier, "vide.ts");
    writeFileSync(source, "export const x = 1;\n");
    await expect(genererMetadonnees(source)).rejects.toThrow(/aucune fonction @customfunction/);
  });
});
