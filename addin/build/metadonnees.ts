import { FONCTIONS } from "#shared/fonctions/registre.ts";
import { formeResultat, type DefinitionFonction } from "#shared/fonctions/types.ts";
import type { DefinitionArgument } from "#shared/fonctions/arguments.ts";
import { violationsNommage } from "./nommage.ts";

/**
 * functions.json, generated from the function registry (shared/fonctions/): the registry entry is the one
 * source of a function's name, French texts and arguments, for Excel as for the CLI and the API.
 */
export interface Metadonnees {
  /** functions.json as written to dist/addin, byte for byte. */
  json: string;
  /** Excel ids, in the order functions.js associates them. */
  ids: string[];
}

export class ErreurMetadonnees extends Error {
  readonly erreurs: readonly string[];
  constructor(erreurs: readonly string[]) {
    super(`Métadonnées des fonctions personnalisées invalides, ${erreurs.length} erreur(s) :\n${erreurs.map((e) => `  - ${e}`).join("\n")}`);
    this.name = "ErreurMetadonnees";
    this.erreurs = erreurs;
  }
}

/** Excel's limits on custom-function metadata (Microsoft's "custom functions naming" and JSON metadata pages). */
const LONGUEUR_MAX_NOM = 128;

// Amounts and counts are `matrix` so that Excel passes a number or a whole range unchanged and the engine
// does the coercion (ranges summed, blanks ignored, a text cell named in the error). Every argument is
// `any`: Excel hands over the cell as it is, the engine checks it and says what is wrong in French.
function parametre(a: DefinitionArgument): Record<string, unknown> {
  const plage = a.type === "montant" || a.type === "nombre" || a.type === "entier";
  return {
    description: a.description,
    ...(plage ? { dimensionality: "matrix" } : {}),
    name: a.nom,
    ...(a.optionnel ? { optional: true } : {}),
    type: "any",
  };
}

// A result is `any` (no type): where Excel supports data types it receives a formatted number
// ({ type: "Double", basicValue, numberFormat }), elsewhere the plain number.
function resultat(f: DefinitionFonction): Record<string, unknown> {
  return formeResultat(f).type === "tableau" ? { dimensionality: "matrix" } : {};
}

function verifier(fonctions: readonly DefinitionFonction[]): void {
  const erreurs: string[] = [];
  const vus = new Set<string>();
  for (const f of fonctions) {
    erreurs.push(...violationsNommage(f.nom).map((v) => `${f.nom} : ${v}`));
    if (vus.has(f.nom)) erreurs.push(`${f.nom} : nom en double`);
    vus.add(f.nom);
    if (f.nom.length > LONGUEUR_MAX_NOM) erreurs.push(`${f.nom} : plus de ${LONGUEUR_MAX_NOM} caractères`);
    const args = new Set<string>();
    let facultatif = false;
    for (const a of f.arguments) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(a.nom)) erreurs.push(`${f.nom}.${a.nom} : nom d'argument invalide (lettres, chiffres, _)`);
      if (args.has(a.nom)) erreurs.push(`${f.nom}.${a.nom} : argument en double`);
      args.add(a.nom);
      // Excel fills optional arguments from the end: a required one after an optional one could never be given alone.
      if (facultatif && !a.optionnel) erreurs.push(`${f.nom}.${a.nom} : argument obligatoire après un argument facultatif`);
      facultatif ||= a.optionnel;
    }
    if (f.description.trim() === "") erreurs.push(`${f.nom} : description vide`);
  }
  if (fonctions.length === 0) erreurs.push("aucune fonction dans le registre");
  if (erreurs.length > 0) throw new ErreurMetadonnees(erreurs);
}

/** functions.json for `fonctions` (the registry by default); fails on any name Excel would refuse. */
export function genererMetadonnees(fonctions: readonly DefinitionFonction[] = FONCTIONS): Metadonnees {
  verifier(fonctions);
  const metadonnees = {
    // Lets a function return a formatted number (CustomFunctionsRuntime 1.4); arguments may then be
    // data types too, which the registry's coercion reduces to their plain value.
    allowCustomDataForDataTypeAny: true,
    functions: fonctions.map((f) => ({
      description: f.description,
      id: f.nom,
      name: f.nom,
      // The calling cell's address (CustomFunctionsRuntime 1.1): the task pane shows the last error of the
      // cell the adviser selects, in full.
      options: { requiresAddress: true },
      parameters: f.arguments.map(parametre),
      result: resultat(f),
    })),
  };
  return { json: `${JSON.stringify(metadonnees, null, 2)}\n`, ids: fonctions.map((f) => f.nom) };
}
