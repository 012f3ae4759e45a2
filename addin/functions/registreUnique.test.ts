// One source per custom function: a function added to the registry, and nowhere else, appears in
// Excel's metadata, is registered and computes in Excel, and is listed and evaluated by `logsoc calc`.
// The fixture is appended to the registry's list of calculation functions by mocking that module, so
// what is tested is the real wiring of registre.ts, the build's metadata, functions.ts and the CLI.
import { describe, expect, it, vi } from "vitest";
import type { DefinitionFonction } from "#shared/fonctions/types.ts";

vi.mock("#shared/fonctions/calculs.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("#shared/fonctions/calculs.ts")>();
  const { valider } = await import("#shared/schemas.ts");
  const { z } = await import("zod");
  const { decimal } = await import("#shared/schemas.ts");
  const SURFACE_PAR_PERSONNE: DefinitionFonction = {
    nom: "SURFACE_PAR_PERSONNE",
    description: "Donne la surface habitable par occupant du logement, en mètres carrés.",
    arguments: [
      { nom: "surface", description: "Surface habitable du logement, en mètres carrés.", type: "montant", optionnel: false },
      { nom: "occupants", description: "Nombre d'occupants du logement.", type: "entier", optionnel: true, defaut: "1" },
    ],
    resultat: { type: "nombre", format: "decimal" },
    calculer(brut) {
      const a = valider(z.strictObject({ surface: decimal("La surface"), occupants: z.number().int().min(1).default(1) }), brut);
      return a.surface.dividedBy(a.occupants).toDecimalPlaces(2).toNumber();
    },
  };
  return { ...original, FONCTIONS_CALCUL: [...original.FONCTIONS_CALCUL, SURFACE_PAR_PERSONNE] };
});

const { genererMetadonnees } = await import("../build/metadonnees.ts");
const { ASSOCIATIONS } = await import("./functions.ts");
const { calc } = await import("../../cli/src/commandes/calc.ts");

function executerCli(args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = calc(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe("a function added to the registry only", () => {
  it("is declared in functions.json with its French texts and its arguments", () => {
    const { functions } = JSON.parse(genererMetadonnees().json) as { functions: { id: string; description: string; parameters: { name: string; optional?: boolean; dimensionality?: string }[] }[] };
    const f = functions.find((x) => x.id === "SURFACE_PAR_PERSONNE");
    expect(f?.description).toBe("Donne la surface habitable par occupant du logement, en mètres carrés.");
    expect(f?.parameters).toEqual([
      { description: "Surface habitable du logement, en mètres carrés.", dimensionality: "matrix", name: "surface", type: "any" },
      { description: "Nombre d'occupants du logement.", dimensionality: "matrix", name: "occupants", optional: true, type: "any" },
    ]);
  });

  it("is registered with Excel and computes there: 65 m² for 3 occupants = 21,67 m²", () => {
    expect(ASSOCIATIONS.SURFACE_PAR_PERSONNE!([[65]], [[3]], { address: "Feuil1!B2" })).toBe(21.67);
  });

  it("is listed by `logsoc calc --help` and evaluated by `logsoc calc`", () => {
    expect(executerCli(["--help"]).out).toContain("SURFACE_PAR_PERSONNE(surface; [occupants])");
    expect(executerCli(["SURFACE_PAR_PERSONNE", "65", "3"])).toEqual({ code: 0, out: "21.67\n", err: "" });
  });
});
