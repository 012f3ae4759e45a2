import { FONCTIONS } from "#shared/fonctions/registre.ts";
import type { DefinitionFonction } from "#shared/fonctions/types.ts";
import { appeler, type Environnement, type ResultatExcel } from "./excel.ts";
import { sourceCatalogue } from "../commun/cacheBaremes.ts";
import { stockageParDefaut } from "../commun/stockage.ts";

// Every custom function is generated from its registry entry (shared/fonctions/): functions.json by
// addin/build/metadonnees.ts, the implementation here. Ids are a public API: never rename one, add
// optional arguments only at the end.

// Barème functions use the bundled data with the versions the task pane last fetched from the Worker
// layered over it (shared runtime: same page, same localStorage), re-read when the pane updates them.
const catalogue = sourceCatalogue(stockageParDefaut());

/** Formatted numbers need CustomFunctionsRuntime 1.4; older Excel gets the plain numbers. */
export function formatsDisponibles(office: unknown = (globalThis as { Office?: unknown }).Office): boolean {
  try {
    const exigences = (office as { context?: { requirements?: { isSetSupported?(nom: string, version?: string): boolean } } } | undefined)?.context?.requirements;
    return exigences?.isSetSupported?.("CustomFunctionsRuntime", "1.4") === true;
  } catch {
    return false;
  }
}

export const ENVIRONNEMENT: Environnement = {
  runtime: () => CustomFunctions,
  contexte: () => ({ baremes: catalogue() }),
  formats: () => formatsDisponibles(),
};

export type FonctionExcel = (...args: any[]) => ResultatExcel;

/** Excel id → implementation, one per registry entry; Excel passes the cell values, then the invocation. */
export function implementations(fonctions: readonly DefinitionFonction[] = FONCTIONS, env: Environnement = ENVIRONNEMENT): Record<string, FonctionExcel> {
  return Object.fromEntries(fonctions.map((f) => [f.nom, (...args: unknown[]) => appeler(env, f, args)]));
}

export const ASSOCIATIONS: Readonly<Record<string, FonctionExcel>> = implementations();

const DEJA_ASSOCIE = Symbol.for("logsoc.fonctionsAssociees");

/**
 * Registers every function with Excel; without the custom-functions runtime (a plain browser) it does
 * nothing. Idempotent: functions.js (a classic script right after office.js) registers first, and any
 * later call, from the same or another bundle of the page, finds it done.
 */
export function associer(
  runtime: Pick<typeof CustomFunctions, "associate"> | undefined = globalThis.CustomFunctions,
  associations: Readonly<Record<string, FonctionExcel>> = ASSOCIATIONS,
): boolean {
  if (runtime === undefined || typeof runtime.associate !== "function") return false;
  const marque = runtime as unknown as Record<symbol, boolean | undefined>;
  if (marque[DEJA_ASSOCIE] === true) return true;
  for (const [id, fonction] of Object.entries(associations)) runtime.associate(id, fonction);
  try {
    marque[DEJA_ASSOCIE] = true;
  } catch {
    // A frozen runtime object: registering twice is harmless for Excel, only wasteful.
  }
  return true;
}
