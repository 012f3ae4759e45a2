import { centimesEntiers, D, dec, type Montant } from "../money.ts";
import { ErreurLogsoc } from "../errors.ts";
import { depuisSerieExcel, parseDateISO, type DateISO } from "../date.ts";

/**
 * What a spreadsheet cell or a CLI/API argument can hold: a scalar, or a range as nested arrays
 * (Excel passes `number[][]`; the CLI and the API also accept a flat JSON array).
 */
export type ValeurBrute = number | string | boolean | null | undefined | DonneeExcel | readonly ValeurBrute[];

/**
 * A cell value as Excel's data types hand it over (CustomFunctionsRuntime 1.4 with
 * `allowCustomDataForDataTypeAny`): a formatted number, a text, an empty cell, an entity…
 */
export interface DonneeExcel {
  readonly type: string;
  readonly basicValue?: unknown;
}

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

function estDonneeExcel(v: unknown): v is DonneeExcel {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { type?: unknown }).type === "string";
}

/**
 * The plain value behind a data-type cell: the number of a formatted number (another LOGSOC result, say),
 * nothing for an empty cell. Entities and other structured values are refused by name.
 */
function valeurSimple(v: ValeurBrute, argument: string): ValeurBrute {
  if (!estDonneeExcel(v)) return v;
  if (v.type === "Empty") return null;
  const b = v.basicValue;
  if (typeof b === "number" || typeof b === "string" || typeof b === "boolean") return b;
  throw new ErreurLogsoc("ENTREE_INVALIDE", `« ${argument} » reçoit une donnée structurée d'Excel (${v.type}) : indiquez un nombre, un texte ou une date.`, [argument]);
}

/** A one-cell range ([[x]], as some Excel builds pass a reference) is its cell for a scalar argument. */
function celluleUnique(v: ValeurBrute): ValeurBrute {
  let x = v;
  while (Array.isArray(x) && x.length === 1) x = (x as readonly ValeurBrute[])[0];
  return x;
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
  const visiter = (brut: ValeurBrute, indices: number[]): void => {
    if (Array.isArray(brut)) {
      brut.forEach((y, i) => visiter(y, [...indices, i]));
      return;
    }
    const x = valeurSimple(brut, argument);
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

/**
 * A text longer than any code, key or barème id is refused here, before any message quotes it: an error
 * message must fit in what Excel shows (250 characters), reason first.
 */
export const LONGUEUR_MAX_TEXTE = 100;

function texteBorne(v: string, argument: string): string {
  const t = v.trim();
  if (t.length > LONGUEUR_MAX_TEXTE) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", `« ${argument} » est trop long (${t.length} caractères, ${LONGUEUR_MAX_TEXTE} au plus) : « ${apercu(t)} ».`, [argument]);
  }
  return t;
}

function enDate(v: ValeurBrute, argument: string): DateISO | null {
  if (estVide(v)) return null;
  if (typeof v === "number") return depuisSerieExcel(v, argument);
  if (typeof v === "string") {
    const t = v.trim();
    if (t.length > 10) throw new ErreurLogsoc("DATE_INVALIDE", `« ${argument} » attend une date (date Excel ou AAAA-MM-JJ) ; « ${apercu(t)} » n'en est pas une.`, [argument]);
    return parseDateISO(t, argument);
  }
  throw new ErreurLogsoc("DATE_INVALIDE", `« ${argument} » attend une date (date Excel ou AAAA-MM-JJ).`, [argument]);
}

function enTexte(v: ValeurBrute, argument: string): string | null {
  if (estVide(v)) return null;
  if (typeof v === "string") return texteBorne(v, argument);
  if (typeof v === "number") return String(v);
  throw new ErreurLogsoc("ENTREE_INVALIDE", `« ${argument} » attend un texte.`, [argument]);
}

/** Amounts stay Decimals from the cell (or the range sum) to the engine; counts are plain numbers. */
export type ValeurArgument = Montant | number | boolean | string | null;

/**
 * Where 0 is not a meaningful value, it means "blank": a reference to an empty cell arrives as 0 on
 * some Excel desktop builds and as null on the web, and both must give the same result. So for dates
 * (no one means 30/12/1899), texts (méthode, codes) and optional counts (whose 0 is the default or
 * impossible), 0, null, [[0]] and [[null]] are all an omitted argument.
 */
function zeroVautVide(def: DefinitionArgument): boolean {
  return def.type === "date" || def.type === "texte" || (def.type === "entier" && def.optionnel);
}

/**
 * Turns a raw cell value into the value the function's zod schema checks: amounts become Decimals
 * (ranges summed exactly, never through a binary double), counts numbers, booleans, ISO dates, texts;
 * a blank becomes null.
 */
export function coercer(def: DefinitionArgument, brut: ValeurBrute): ValeurArgument {
  const scalaire = def.type === "booleen" || def.type === "date" || def.type === "texte";
  const v = valeurSimple(scalaire ? celluleUnique(brut) : brut, def.nom);
  const r = coercerSelonType(def, v);
  if (zeroVautVide(def) && (r === 0 || (r instanceof D && r.isZero()))) return null;
  return r;
}

function coercerSelonType(def: DefinitionArgument, v: ValeurBrute): ValeurArgument {
  switch (def.type) {
    case "montant":
    case "nombre":
      return enNombre(v, def.nom);
    case "entier": {
      // A single numeric cell is by far the common case: it stays a number (no Decimal round trip).
      if (typeof v === "number" && Number.isFinite(v)) return v;
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
      // 0 is checked before the conversion: serial 0 is not a date Excel can show.
      return v === 0 ? null : enDate(v, def.nom);
    case "texte":
      return v === 0 ? null : enTexte(v, def.nom);
  }
}
