import { centimesEntiers, D, dec, type Montant } from "../money.ts";
import { ErreurLogsoc } from "../errors.ts";
import { depuisSerieExcel, parseDateISO, type DateISO } from "../date.ts";

/**
 * What a spreadsheet cell or a CLI/API argument can hold: a scalar, or a range as nested arrays
 * (Excel passes `number[][]`; the CLI and the API also accept a flat JSON array).
 */
export type ValeurBrute = number | string | boolean | null | undefined | readonly ValeurBrute[];

/** `booleen_ou_montant`: VRAI/FAUX, or an amount (a number or a range, summed), e.g. forfait_logement. */
export type TypeArgument = "montant" | "nombre" | "entier" | "booleen" | "booleen_ou_montant" | "date" | "texte";

export interface DefinitionArgument {
  /** Excel argument name, also the API body key. */
  nom: string;
  description: string;
  type: TypeArgument;
  optionnel: boolean;
  /** Shown in help: what an omitted argument means. */
  defaut?: string;
}

export function estVide(v: ValeurBrute): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const NOMBRE_FR = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** "1200.5", "1200,5" and "1 200,50" all mean the same amount to a French user. */
export function parseNombre(s: string): Montant | null {
  const t = s.trim().replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "");
  if (!NOMBRE_FR.test(t)) return null;
  return new D(t.replace(",", "."));
}

function position(indices: number[], deuxD: boolean): string {
  if (deuxD && indices.length === 2) return `ligne ${indices[0]! + 1}, colonne ${indices[1]! + 1}`;
  return `cellule n°${indices.map((i) => i + 1).join(".")}`;
}

function apercu(v: unknown): string {
  const s = String(v);
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

/**
 * Sums a range: blank cells are ignored, a text cell is an error that names its position, so the
 * adviser finds the offending cell instead of getting a silently wrong total.
 */
function sommePlage(v: readonly ValeurBrute[], argument: string): Montant {
  const deuxD = v.some((x) => Array.isArray(x));
  let total = dec(0);
  // Cells holding whole cents (the usual case) are summed as integers: the double nearest to c/100
  // stands for exactly c/100, so this is the same exact sum without a Decimal per cell.
  let centimes = 0;
  const visiter = (x: ValeurBrute, indices: number[]): void => {
    if (Array.isArray(x)) {
      x.forEach((y, i) => visiter(y, [...indices, i]));
      return;
    }
    if (estVide(x)) return;
    if (typeof x === "number") {
      if (!Number.isFinite(x)) throw new ErreurLogsoc("ENTREE_INVALIDE", `La ${position(indices, deuxD)} de « ${argument} » n'est pas un nombre fini.`, [argument, ...indices]);
      const c = centimesEntiers(x);
      if (c === null) total = total.plus(dec(x));
      else centimes += c;
      // Keep the integer sum exact: hand it to the decimal total before it nears 2^53.
      if (Math.abs(centimes) > 2 ** 50) {
        total = total.plus(new D(centimes).dividedBy(100));
        centimes = 0;
      }
      return;
    }
    throw new ErreurLogsoc(
      "TEXTE_DANS_PLAGE",
      `La ${position(indices, deuxD)} de « ${argument} » contient « ${apercu(x)} » : seuls des nombres sont acceptés (les cellules vides sont ignorées).`,
      [argument, ...indices],
    );
  };
  v.forEach((x, i) => visiter(x, [i]));
  // A range of blank cells sums to 0, as SOMME does: the adviser gave a range, not nothing.
  return centimes === 0 ? total : total.plus(new D(centimes).dividedBy(100));
}

function enNombre(v: ValeurBrute, argument: string): Montant | null {
  if (estVide(v)) return null;
  if (Array.isArray(v)) return sommePlage(v, argument);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new ErreurLogsoc("ENTREE_INVALIDE", `« ${argument} » n'est pas un nombre fini.`, [argument]);
    return dec(v);
  }
  if (typeof v === "string") {
    const n = parseNombre(v);
    if (n === null) throw new ErreurLogsoc("ENTREE_INVALIDE", `« ${argument} » attend un nombre ; « ${apercu(v)} » n'en est pas un.`, [argument]);
    return n;
  }
  throw new ErreurLogsoc("ENTREE_INVALIDE", `« ${argument} » attend un nombre, pas une valeur logique.`, [argument]);
}

function enBooleen(v: ValeurBrute, argument: string): boolean | null {
  if (estVide(v)) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "number" && (v === 0 || v === 1)) return v === 1;
  if (typeof v === "string") {
    const t = v.trim().toUpperCase();
    if (t === "VRAI" || t === "TRUE" || t === "1") return true;
    if (t === "FAUX" || t === "FALSE" || t === "0") return false;
  }
  throw new ErreurLogsoc("ENTREE_INVALIDE", `« ${argument} » attend VRAI ou FAUX ; « ${apercu(v)} » ne convient pas.`, [argument]);
}

function enDate(v: ValeurBrute, argument: string): DateISO | null {
  if (estVide(v)) return null;
  if (typeof v === "number") return depuisSerieExcel(v, argument);
  if (typeof v === "string") return parseDateISO(v.trim(), argument);
  throw new ErreurLogsoc("DATE_INVALIDE", `« ${argument} » attend une date (date Excel ou AAAA-MM-JJ).`, [argument]);
}

function enTexte(v: ValeurBrute, argument: string): string | null {
  if (estVide(v)) return null;
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  throw new ErreurLogsoc("ENTREE_INVALIDE", `« ${argument} » attend un texte.`, [argument]);
}

export type ValeurArgument = number | boolean | string | null;

/**
 * Turns a raw cell value into the plain JSON value the function's zod schema checks: amounts and
 * counts become numbers (ranges summed exactly), booleans, ISO dates, texts; a blank becomes null.
 */
export function coercer(def: DefinitionArgument, v: ValeurBrute): ValeurArgument {
  switch (def.type) {
    case "montant":
    case "nombre":
    case "entier": {
      // A single numeric cell is by far the common case: keep it a number, no decimal round trip.
      if (typeof v === "number" && Number.isFinite(v)) return v;
      if (typeof v === "string" && !estVide(v) && parseNombre(v) === null) {
        throw new ErreurLogsoc("ENTREE_INVALIDE", `« ${def.nom} » attend VRAI, FAUX ou un montant ; « ${apercu(v)} » ne convient pas.`, [def.nom]);
      }
      const n = enNombre(v, def.nom);
      return n === null ? null : n.toNumber();
    }
    case "booleen":
      return enBooleen(v, def.nom);
    case "booleen_ou_montant": {
      if (typeof v === "boolean") return v;
      if (typeof v === "string" && /^\s*(VRAI|FAUX|TRUE|FALSE)\s*$/i.test(v)) return enBooleen(v, def.nom);
      if (typeof v === "number" && Number.isFinite(v)) return v;
      if (typeof v === "string" && !estVide(v) && parseNombre(v) === null) {
        throw new ErreurLogsoc("ENTREE_INVALIDE", `« ${def.nom} » attend VRAI, FAUX ou un montant ; « ${apercu(v)} » ne convient pas.`, [def.nom]);
      }
      const n = enNombre(v, def.nom);
      return n === null ? null : n.toNumber();
    }
    case "date":
      return enDate(v, def.nom);
    case "texte":
      return enTexte(v, def.nom);
  }
}
