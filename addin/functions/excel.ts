import { REGISTRE, evaluerDefinition } from "#shared/fonctions/registre.ts";
import { estCelluleDate, formeResultat, type Cellule, type ContexteCalcul, type DefinitionFonction, type FormatNombre, type Resultat } from "#shared/fonctions/types.ts";
import type { ValeurBrute } from "#shared/fonctions/arguments.ts";
import { estErreurLogsoc, type ErreurExcel } from "#shared/errors.ts";
import { versSerieExcel } from "#shared/date.ts";
import { messageExcel } from "./messages.ts";
import { journalErreurs } from "./journalErreurs.ts";

/** A number Excel shows with a format and hands to formulas as the number (CustomFunctionsRuntime 1.4). */
export interface NombreFormate {
  type: "Double";
  basicValue: number;
  numberFormat: string;
}

/** What Excel accepts back from a custom function: a scalar or a rectangular matrix of scalars. */
export type ValeurExcel = number | string | boolean | NombreFormate;
export type ResultatExcel = ValeurExcel | ValeurExcel[][];

/** The part of the custom-functions runtime the adapters use, so tests can pass a fake. */
export interface RuntimeFonctions {
  Error: new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error;
}

/**
 * Excel number formats (invariant codes, as `numberFormat` takes them): what the adviser reads, while the
 * cell's value stays the plain number. Dates always read dd/mm/yyyy, whatever the user's locale.
 */
export const FORMATS_EXCEL: Record<FormatNombre | "date", string | null> = {
  euros: '#,##0.00 "€"',
  taux: "0.00%",
  entier: "0",
  decimal: null,
  date: "dd\\/mm\\/yyyy",
};

// CustomFunctions.ErrorCode is a string enum whose values are these literals: passing the literal does not
// depend on the enum object being present at run time.
const CODES_EXCEL: Record<ErreurExcel, `${CustomFunctions.ErrorCode}`> = {
  "#VALUE!": "#VALUE!",
  "#DIV/0!": "#DIV/0!",
  "#N/A": "#N/A",
};

function formate(n: number, format: FormatNombre | "date" | null, formats: boolean): ValeurExcel {
  const code = format === null ? null : FORMATS_EXCEL[format];
  return formats && code !== null ? { type: "Double", basicValue: n, numberFormat: code } : n;
}

/** One engine cell as Excel stores it: dates become serial numbers, empty cells an empty string. */
export function celluleVersExcel(c: Cellule, format: FormatNombre | null = null, formats = false): ValeurExcel {
  if (c === null) return "";
  if (estCelluleDate(c)) return formate(versSerieExcel(c.date), "date", formats);
  if (typeof c === "number") return formate(c, format, formats);
  return c;
}

/**
 * Converts a result; a table is checked rectangular, since Excel rejects ragged spills. With `formats`
 * (Excel supports formatted numbers), amounts, rates and dates carry their number format.
 */
export function resultatVersExcel(r: Resultat, f?: DefinitionFonction, formats = false): ResultatExcel {
  const forme = f === undefined ? { type: "valeur" as const } : formeResultat(f);
  if (!Array.isArray(r)) {
    return typeof r === "number" && forme.type === "nombre" ? formate(r, forme.format, formats) : r;
  }
  const colonnes = forme.type === "tableau" ? forme.colonnes : [];
  const largeur = r[0]?.length ?? 0;
  return r.map((ligne, i) => {
    if (ligne.length !== largeur) {
      throw new Error(`ligne ${i + 1} de ${ligne.length} cellules au lieu de ${largeur}`);
    }
    return ligne.map((c, j) => celluleVersExcel(c, colonnes[j] ?? null, formats));
  });
}

/**
 * Maps any failure to one Excel error for the whole cell (never an error inside a returned array,
 * which would turn the whole spill into #VALUE!). Domain errors keep their code and their French message
 * (cut to what every Excel shows, key information first); anything else is a LogSoc defect, reported as
 * #VALUE! with a French message saying so.
 */
export function versErreurExcel(e: unknown, runtime: RuntimeFonctions): CustomFunctions.Error {
  const { code, message } = erreurPourExcel(e);
  return new runtime.Error(CODES_EXCEL[code] as CustomFunctions.ErrorCode, message);
}

/** The Excel error and the full French message of a failure (the pane shows the full one). */
export function erreurPourExcel(e: unknown): { code: ErreurExcel; message: string; complet: string } {
  if (estErreurLogsoc(e)) return { code: e.erreurExcel, message: messageExcel(e.message), complet: e.message };
  const detail = e instanceof Error ? e.message : String(e);
  const complet = `Erreur interne de LogSoc (${detail}). Merci de la signaler.`;
  return { code: "#VALUE!", message: messageExcel(complet), complet };
}

/** Where an adapter finds the runtime and the calculation context (barèmes cached by the task pane). */
export interface Environnement {
  runtime(): RuntimeFonctions;
  contexte(): Partial<ContexteCalcul>;
  /** True where Excel shows formatted numbers from custom functions (CustomFunctionsRuntime 1.4). */
  formats?(): boolean;
}

/** What Excel adds after the declared arguments when the metadata asks for it (`requiresAddress`). */
interface Invocation {
  address?: string;
  functionName?: string;
  isInValuePreview?: boolean;
}

/**
 * The one path from a custom function to the engine: raw Excel values in (null for an omitted argument,
 * `any[][]` for a range, serial numbers for dates, then the invocation), Excel values out, Excel errors
 * thrown; the error of a cell is kept for the task pane, which shows it in full.
 */
export function appeler(env: Environnement, fonction: string | DefinitionFonction, valeurs: readonly unknown[]): ResultatExcel {
  const f = typeof fonction === "string" ? REGISTRE.trouver(fonction) : fonction;
  const invocation = valeurs.length > f.arguments.length ? (valeurs[f.arguments.length] as Invocation | undefined) : undefined;
  const adresse = invocation?.address;
  try {
    const r = resultatVersExcel(evaluerDefinition(f, valeurs.slice(0, f.arguments.length) as readonly ValeurBrute[], env.contexte()), f, env.formats?.() === true);
    if (adresse !== undefined) journalErreurs().effacer(adresse);
    return r;
  } catch (e) {
    const erreur = erreurPourExcel(e);
    if (adresse !== undefined && invocation?.isInValuePreview !== true) {
      journalErreurs().noter(adresse, { fonction: f.nom, code: erreur.code, message: erreur.complet });
    }
    throw versErreurExcel(e, env.runtime());
  }
}
