import { FONCTIONS } from "#shared/fonctions/registre.ts";
import type { DefinitionFonction } from "#shared/fonctions/types.ts";

/**
 * Reads a `=LOGSOC.…` formula as office.js gives it (`Range.formulas`: English syntax, commas between
 * arguments, dot decimals, TRUE/FALSE), to find the function and where each argument's value comes
 * from. Only what « Expliquer » can redo exactly is accepted: constants, cell or range references
 * (summed by the function as Excel passes them) and defined names. A computed argument (B4*12,
 * SOMME(…)) is refused with a French reason rather than guessed.
 */

export type ArgumentFormule =
  | { type: "omis" }
  | { type: "nombre"; valeur: number }
  | { type: "texte"; valeur: string }
  | { type: "booleen"; valeur: boolean }
  /** `feuille` null: the formula's own sheet. `adresse` without $ ("B4", "B4:C9"). */
  | { type: "reference"; feuille: string | null; adresse: string; texte: string }
  | { type: "nom"; nom: string };

export interface FormuleLogsoc {
  fonction: DefinitionFonction;
  arguments: { texte: string; argument: ArgumentFormule }[];
}

export type LectureFormule = { ok: true; formule: FormuleLogsoc } | { ok: false; raison: string } | { ok: false; raison: null };

const REF_CELLULE = String.raw`\$?[A-Z]{1,3}\$?\d{1,7}`;
const REFERENCE = new RegExp(String.raw`^(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\u024F][\w.\u00C0-\u024F]*))!)?(${REF_CELLULE}(?::${REF_CELLULE})?)$`);
const NOMBRE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?$/i;
const NOM_DEFINI = /^[A-Za-z_\\\u00C0-\u024F][\w.\u00C0-\u024F]*$/;
const EN_TETE = /^=\s*(?:_xldudf_)?LOGSOC\.([A-Za-z0-9_]+)\s*\(/i;

/** Splits `texte` at top-level commas: quotes ("…", '…'), parentheses and braces protect theirs. */
export function separerArguments(texte: string): string[] {
  const parties: string[] = [];
  let profondeur = 0;
  let courant = "";
  let guillemet: '"' | "'" | null = null;
  for (let i = 0; i < texte.length; i++) {
    const c = texte[i]!;
    courant += c;
    if (guillemet !== null) {
      if (c === guillemet) {
        // A doubled quote is an escaped one, inside the same literal.
        if (texte[i + 1] === guillemet) courant += texte[++i];
        else guillemet = null;
      }
      continue;
    }
    if (c === '"' || c === "'") guillemet = c;
    else if (c === "(" || c === "{") profondeur++;
    else if (c === ")" || c === "}") profondeur--;
    else if (c === "," && profondeur === 0) {
      parties.push(courant.slice(0, -1));
      courant = "";
    }
  }
  parties.push(courant);
  return parties.map((p) => p.trim());
}

function lireArgument(texte: string): ArgumentFormule | null {
  if (texte === "") return { type: "omis" };
  if (NOMBRE.test(texte)) return { type: "nombre", valeur: Number(texte) };
  const litteral = /^"((?:[^"]|"")*)"$/.exec(texte);
  if (litteral) return { type: "texte", valeur: litteral[1]!.replace(/""/g, '"') };
  if (/^(TRUE|VRAI)$/i.test(texte)) return { type: "booleen", valeur: true };
  if (/^(FALSE|FAUX)$/i.test(texte)) return { type: "booleen", valeur: false };
  const ref = REFERENCE.exec(texte);
  if (ref) {
    const feuille = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : (ref[2] ?? null);
    return { type: "reference", feuille, adresse: ref[3]!.replaceAll("$", "").toUpperCase(), texte };
  }
  if (NOM_DEFINI.test(texte)) return { type: "nom", nom: texte };
  return null;
}

/**
 * The LOGSOC function a cell's formula calls and its arguments, `{ ok: false, raison: null }` when the
 * formula is not a single LOGSOC call (then the cell may still be a template result), or a French reason
 * when it is one that cannot be explained as written.
 */
export function lireFormuleLogsoc(formule: unknown): LectureFormule {
  if (typeof formule !== "string") return { ok: false, raison: null };
  const f = formule.trim();
  const tete = EN_TETE.exec(f);
  if (!tete) return { ok: false, raison: null };
  const nom = tete[1]!.toUpperCase();
  const fonction = FONCTIONS.find((x) => x.nom === nom);
  if (fonction === undefined) return { ok: false, raison: `La fonction LOGSOC.${nom} n'existe pas. Fonctions disponibles : ${FONCTIONS.map((x) => x.nom).join(", ")}.` };
  const corps = f.slice(tete[0].length);
  // The call must be the whole formula: what is around it (=LOGSOC.UC(…)*2) is Excel's arithmetic, not the engine's.
  if (profondeurFinale(corps) !== 0) {
    return { ok: false, raison: `La formule combine LOGSOC.${nom} avec d'autres calculs : « Expliquer » détaille une formule qui n'est qu'un appel =LOGSOC.…(…). Placez l'appel seul dans une cellule.` };
  }
  const parties = separerArguments(corps.trimEnd().slice(0, -1));
  const textes = parties.length === 1 && parties[0] === "" ? [] : parties;
  if (textes.length > fonction.arguments.length) {
    return { ok: false, raison: `LOGSOC.${fonction.nom} accepte au plus ${fonction.arguments.length} arguments (${textes.length} dans la formule).` };
  }
  const args: FormuleLogsoc["arguments"] = [];
  for (const [i, texte] of textes.entries()) {
    const argument = lireArgument(texte);
    if (argument === null) {
      return {
        ok: false,
        raison: `L'argument ${fonction.arguments[i]!.nom} (${texte}) est un calcul : « Expliquer » part de valeurs, de cellules, de plages ou de noms définis. Placez ce calcul dans une cellule et désignez-la dans la formule.`,
      };
    }
    args.push({ texte, argument });
  }
  return { ok: true, formule: { fonction, arguments: args } };
}

/** Parenthesis depth at the end of the call's body: 0 when the closing parenthesis ends the formula. */
function profondeurFinale(corps: string): number {
  let p = 1;
  let guillemet: string | null = null;
  for (let i = 0; i < corps.length; i++) {
    const c = corps[i]!;
    if (guillemet !== null) {
      if (c === guillemet) guillemet = corps[i + 1] === guillemet ? (i++, guillemet) : null;
      continue;
    }
    if (c === '"' || c === "'") guillemet = c;
    else if (c === "(") p++;
    else if (c === ")") {
      p--;
      // The call closed before the end: something follows it.
      if (p === 0 && corps.slice(i + 1).trim() !== "") return -1;
    }
  }
  return p;
}
