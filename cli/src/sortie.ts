import { estErreurLogsoc } from "#shared/errors.ts";
import { estCelluleDate } from "#shared/fonctions/types.ts";

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface Sorties {
  out(texte: string): void;
  err(texte: string): void;
}

export const EXIT_OK = 0;
export const EXIT_ERREUR_INTERNE = 1;
export const EXIT_ERREUR = 2;

/** JSON with dates as ISO strings; a table prints one row per line so a plan stays readable. */
export function versJson(valeur: unknown): string {
  const remplacer = (_k: string, v: unknown) => (estCelluleDate(v) ? v.date : v);
  if (Array.isArray(valeur) && valeur.every(Array.isArray)) {
    return `[\n${valeur.map((ligne) => `  ${JSON.stringify(ligne, remplacer)}`).join(",\n")}\n]`;
  }
  return JSON.stringify(valeur, remplacer, 2);
}

/** Domain errors start with their Excel code so scripts can tell #DIV/0! from #VALUE!. */
export function signalerErreur(e: unknown, s: Sorties): number {
  if (estErreurLogsoc(e)) {
    s.err(`${e.erreurExcel} ${e.message}\n`);
    return EXIT_ERREUR;
  }
  s.err(`Erreur interne : ${e instanceof Error ? e.message : String(e)}\n`);
  return EXIT_ERREUR_INTERNE;
}
