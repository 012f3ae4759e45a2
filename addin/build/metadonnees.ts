import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// custom-functions-metadata is CommonJS; its CLI exits 0 even when the JSDoc has errors, so the
// build calls the API and fails on `errors` itself.
const require = createRequire(import.meta.url);
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata/lib/generate.js") as {
  generateCustomFunctionsMetadata(input: string | string[], wantConsoleOutput?: boolean): Promise<{ metadataJson: string; associate: { functionName: string; id: string }[]; errors: string[] }>;
};

export const SOURCE_FONCTIONS = fileURLToPath(new URL("../functions/functions.ts", import.meta.url));

export interface Metadonnees {
  /** functions.json as written to dist/addin, byte for byte. */
  json: string;
  /** JavaScript function name → Excel id, as the generator read them from the JSDoc. */
  associations: { functionName: string; id: string }[];
}

export class ErreurMetadonnees extends Error {
  readonly erreurs: readonly string[];
  constructor(erreurs: readonly string[]) {
    super(`custom-functions-metadata a signalé ${erreurs.length} erreur(s) :\n${erreurs.map((e) => `  - ${e}`).join("\n")}`);
    this.name = "ErreurMetadonnees";
    this.erreurs = erreurs;
  }
}

/**
 * functions.json from the JSDoc of addin/functions/functions.ts. `allowCustomDataForDataTypeAny` is
 * dropped: with it, an `any` argument could receive an Excel data type (an entity object) instead of
 * its value, which the engine's coercion does not know.
 */
export async function genererMetadonnees(source: string = SOURCE_FONCTIONS): Promise<Metadonnees> {
  const r = await generateCustomFunctionsMetadata(source, false);
  if (r.errors.length > 0) throw new ErreurMetadonnees(r.errors);
  if (r.metadataJson === "") throw new ErreurMetadonnees([`aucune fonction @customfunction trouvée dans ${source}`]);
  const metadonnees = JSON.parse(r.metadataJson) as Record<string, unknown>;
  delete metadonnees.allowCustomDataForDataTypeAny;
  return {
    json: `${JSON.stringify(metadonnees, null, 2)}\n`,
    associations: r.associate.map(({ functionName, id }) => ({ functionName, id })),
  };
}
