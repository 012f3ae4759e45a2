import { evaluer } from "#shared/fonctions/registre.ts";
import { estCelluleDate, type Cellule, type ContexteCalcul, type Resultat } from "#shared/fonctions/types.ts";
import type { ValeurBrute } from "#shared/fonctions/arguments.ts";
import { estErreurLogsoc, type ErreurExcel } from "#shared/errors.ts";
import { versSerieExcel } from "#shared/date.ts";

/** What Excel accepts back from a custom function: a scalar or a rectangular matrix of scalars. */
export type ValeurExcel = number | string | boolean;
export type ResultatExcel = ValeurExcel | ValeurExcel[][];

/** The part of the custom-functions runtime the adapters use, so tests can pass a fake. */
export interface RuntimeFonctions {
  Error: new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error;
}

// CustomFunctions.ErrorCode is a string enum whose values are these literals: passing the literal does not
// depend on the enum object being present at run time. Excel shows the message for #VALUE! and #N/A.
const CODES_EXCEL: Record<ErreurExcel, `${CustomFunctions.ErrorCode}`> = {
  "#VALUE!": "#VALUE!",
  "#NUM!": "#NUM!",
  "#DIV/0!": "#DIV/0!",
  "#N/A": "#N/A",
};

/** One engine cell as Excel stores it: dates become serial numbers, empty cells an empty string. */
export function celluleVersExcel(c: Cellule): ValeurExcel {
  if (c === null) return "";
  if (estCelluleDate(c)) return versSerieExcel(c.date);
  return c;
}

/** Converts a result; a table is checked rectangular, since Excel rejects ragged spills. */
export function resultatVersExcel(r: Resultat): ResultatExcel {
  if (!Array.isArray(r)) return r;
  const largeur = r[0]?.length ?? 0;
  return r.map((ligne, i) => {
    if (ligne.length !== largeur) {
      throw new Error(`ligne ${i + 1} de ${ligne.length} cellules au lieu de ${largeur}`);
    }
    return ligne.map(celluleVersExcel);
  });
}

/**
 * Maps any failure to one Excel error for the whole cell (never an error inside a returned array,
 * which would turn the whole spill into #VALUE!). Domain errors keep their code and French message;
 * anything else is a LogSoc defect, reported as #VALUE! with a French message saying so.
 */
export function versErreurExcel(e: unknown, runtime: RuntimeFonctions): CustomFunctions.Error {
  if (estErreurLogsoc(e)) {
    return new runtime.Error(CODES_EXCEL[e.erreurExcel] as CustomFunctions.ErrorCode, e.message);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new runtime.Error("#VALUE!" as CustomFunctions.ErrorCode, `Erreur interne de LogSoc (${detail}). Merci de la signaler.`);
}

/** Where an adapter finds the runtime and the calculation context (barèmes cached by the task pane). */
export interface Environnement {
  runtime(): RuntimeFonctions;
  contexte(): Partial<ContexteCalcul>;
}

/**
 * The one path from a custom function to the engine: raw Excel values in (null for an omitted argument,
 * `any[][]` for a range, serial numbers for dates), Excel values out, Excel errors thrown.
 */
export function appeler(env: Environnement, nom: string, valeurs: readonly unknown[]): ResultatExcel {
  try {
    return resultatVersExcel(evaluer(nom, valeurs as readonly ValeurBrute[], env.contexte()));
  } catch (e) {
    throw versErreurExcel(e, env.runtime());
  }
}
