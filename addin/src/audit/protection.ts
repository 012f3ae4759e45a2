/**
 * Putting back a template sheet's protection after outlining cells on it. office.js does not roll a batch
 * back, and re-protecting with the options read back from the sheet is reported to fail (office-js issue
 * tracker): so the options given back are only the known ones, the result is checked in a batch of its
 * own, and a sheet found unprotected is protected again once, with Excel's default options.
 */

/** Excel.WorksheetProtectionOptions that `protect()` accepts (ExcelApi 1.2), booleans all but selectionMode. */
const OPTIONS_BOOLEENNES = [
  "allowAutoFilter",
  "allowDeleteColumns",
  "allowDeleteRows",
  "allowEditObjects",
  "allowEditScenarios",
  "allowFormatCells",
  "allowFormatColumns",
  "allowFormatRows",
  "allowInsertColumns",
  "allowInsertHyperlinks",
  "allowInsertRows",
  "allowPivotTables",
  "allowSort",
] as const;
const MODES_SELECTION = ["Normal", "Unlocked", "None"];

/** The known options of what was read back, with their expected types; anything else is left out. */
export function optionsConnues(lues: unknown): Record<string, boolean | string> {
  const o: Record<string, boolean | string> = {};
  if (typeof lues !== "object" || lues === null) return o;
  const l = lues as Record<string, unknown>;
  for (const cle of OPTIONS_BOOLEENNES) if (typeof l[cle] === "boolean") o[cle] = l[cle];
  if (typeof l.selectionMode === "string" && MODES_SELECTION.includes(l.selectionMode)) o.selectionMode = l.selectionMode;
  return o;
}

export interface ProtectionVerifiable {
  protect(options?: Record<string, unknown>): void;
  load(proprietes: string): unknown;
  readonly protected: boolean;
}

/**
 * After the batch that unprotected, outlined and protected `feuilles`: reads whether each is protected
 * (one sync), protects again once those that are not, with default options, and reads again (one more
 * sync, only then). Returns the sheets left unprotected, for the adviser to protect by hand.
 */
export async function verifierProtections(feuilles: readonly string[], protection: (feuille: string) => ProtectionVerifiable, sync: () => Promise<unknown>): Promise<string[]> {
  const lire = async (noms: readonly string[]) => {
    const p = noms.map((n) => [n, protection(n)] as const);
    for (const [, x] of p) x.load("protected");
    await sync();
    return p.filter(([, x]) => !x.protected).map(([n]) => n);
  };
  const nonProtegees = await lire(feuilles);
  if (nonProtegees.length === 0) return [];
  for (const n of nonProtegees) protection(n).protect();
  try {
    await sync();
  } catch {
    // Read back below: what is still unprotected is reported.
  }
  return lire(nonProtegees);
}
