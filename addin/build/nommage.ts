/**
 * Microsoft's naming rules for custom functions ("Naming guidelines", custom functions docs): a name starts
 * with a letter, has at least three characters, uses only letters, digits, underscores and periods, and is
 * neither a cell reference (A1 or R1C1 style: RAV1 or R1C1 would be read as a cell) nor the name of an
 * Excel 4.0 macro function (Excel would call the macro instead).
 */

/** Excel 4.0 (XLM) macro function names that fit the allowed characters (Microsoft's XLM reference, excerpt). */
export const MACROS_EXCEL4 = new Set([
  "ABSREF", "ACTIVATE", "ACTIVATE.NEXT", "ACTIVATE.PREV", "ACTIVE.CELL", "ADD.BAR", "ADD.COMMAND", "ADD.MENU",
  "ADD.TOOLBAR", "ALERT", "APP.ACTIVATE", "ARGUMENT", "BEEP", "BREAK", "CALLER", "CANCEL.KEY", "CELL", "CHAR",
  "CLOSE", "COPY", "CREATE.OBJECT", "CUT", "DEREF", "DIRECTORY", "DOCUMENTS", "ECHO", "ELSE", "ELSE.IF",
  "END.IF", "ERROR", "EVALUATE", "EXEC", "EXECUTE", "FCLOSE", "FILE.CLOSE", "FILE.DELETE", "FILES", "FOPEN",
  "FOR", "FOR.CELL", "FORMULA", "FORMULA.ARRAY", "FORMULA.CONVERT", "FORMULA.FILL", "FPOS", "FREAD",
  "FREADLN", "FSIZE", "FWRITE", "FWRITELN", "GET.BAR", "GET.CELL", "GET.CHART.ITEM", "GET.DEF", "GET.DOCUMENT",
  "GET.FORMULA", "GET.NAME", "GET.NOTE", "GET.OBJECT", "GET.WINDOW", "GET.WORKBOOK", "GET.WORKSPACE", "GOTO",
  "HALT", "HELP", "IF", "INITIATE", "INPUT", "LAST.ERROR", "LINKS", "MESSAGE", "NAMES", "NEXT", "NOTE",
  "OPEN", "PASTE", "POKE", "PRINT", "REGISTER", "REGISTER.ID", "RELREF", "REQUEST", "RESTART", "RESULT",
  "RESUME", "RETURN", "RUN", "SAVE", "SELECTION", "SEND.KEYS", "SET.NAME", "SET.VALUE", "STEP", "TERMINATE",
  "TEXTREF", "UNREGISTER", "VOLATILE", "WAIT", "WHILE", "WINDOWS", "WORKBOOK.ACTIVATE", "WORKBOOK.SELECT",
]);

const DERNIERE_COLONNE = 16_384; // XFD
const DERNIERE_LIGNE = 1_048_576;

function numeroColonne(lettres: string): number {
  let n = 0;
  for (const c of lettres) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/** True when Excel would read `nom` as a cell reference (A1, XFD1048576, R1C1, R, C12…). */
export function estReferenceCellule(nom: string): boolean {
  const n = nom.toUpperCase();
  const a1 = /^([A-Z]{1,3})([0-9]+)$/.exec(n);
  if (a1 !== null) {
    const ligne = Number(a1[2]);
    return numeroColonne(a1[1]!) <= DERNIERE_COLONNE && ligne >= 1 && ligne <= DERNIERE_LIGNE;
  }
  return /^R[0-9]*C?[0-9]*$/.test(n) || /^C[0-9]*$/.test(n);
}

/** What is wrong with `nom` as a custom-function id and name, in French (empty when nothing is). */
export function violationsNommage(nom: string): string[] {
  const v: string[] = [];
  if (nom.length < 3) v.push("moins de 3 caractères");
  if (!/^[A-Za-z]/.test(nom)) v.push("ne commence pas par une lettre");
  if (!/^[A-Za-z0-9_.]*$/.test(nom)) v.push("caractères autres que lettres, chiffres, _ et .");
  if (estReferenceCellule(nom)) v.push("se lit comme une référence de cellule");
  if (MACROS_EXCEL4.has(nom.toUpperCase())) v.push("nom d'une fonction macro Excel 4.0");
  return v;
}
