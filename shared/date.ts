import { ErreurLogsoc } from "./errors.ts";

/** A calendar day as `AAAA-MM-JJ`. Days have no time zone: a due date is the same day in Paris and in Nouméa. */
export type DateISO = string & { readonly __dateIso: unique symbol };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function estBissextile(annee: number): boolean {
  return (annee % 4 === 0 && annee % 100 !== 0) || annee % 400 === 0;
}

export function joursDansMois(annee: number, mois: number): number {
  return [31, estBissextile(annee) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mois - 1]!;
}

export function composantes(d: DateISO): { annee: number; mois: number; jour: number } {
  const m = ISO.exec(d)!;
  return { annee: Number(m[1]), mois: Number(m[2]), jour: Number(m[3]) };
}

export function dateISO(annee: number, mois: number, jour: number): DateISO {
  return `${String(annee).padStart(4, "0")}-${String(mois).padStart(2, "0")}-${String(jour).padStart(2, "0")}` as DateISO;
}

export function estDateISO(s: string): s is DateISO {
  const m = ISO.exec(s);
  if (!m) return false;
  const annee = Number(m[1]);
  const mois = Number(m[2]);
  const jour = Number(m[3]);
  return annee >= 1900 && mois >= 1 && mois <= 12 && jour >= 1 && jour <= joursDansMois(annee, mois);
}

export function parseDateISO(s: string, argument = "date"): DateISO {
  if (!estDateISO(s)) {
    throw new ErreurLogsoc("DATE_INVALIDE", `« ${s} » n'est pas une date valide (format attendu AAAA-MM-JJ) pour ${argument}.`, [argument]);
  }
  return s;
}

/**
 * The same day `n` months later, or that month's last day when it is shorter
 * (31 January + 1 month = 28 or 29 February), always counted from the original day, never chained.
 */
export function ajouterMois(d: DateISO, n: number): DateISO {
  const { annee, mois, jour } = composantes(d);
  const total = annee * 12 + (mois - 1) + n;
  const a = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return dateISO(a, m, Math.min(jour, joursDansMois(a, m)));
}

// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the fictitious 1900-02-29
// inherited from Lotus 1-2-3, so from serial 61 on, day 0 is 1899-12-30.
const JOUR_MS = 86_400_000;
const EPOQUE_EXCEL = Date.UTC(1899, 11, 30);

export function depuisSerieExcel(serie: number, argument = "date"): DateISO {
  if (!Number.isFinite(serie) || serie < 61 || serie >= 2_958_466) {
    throw new ErreurLogsoc("DATE_INVALIDE", `${serie} n'est pas une date Excel prise en charge (à partir du 1er mars 1900) pour ${argument}.`, [argument]);
  }
  const d = new Date(EPOQUE_EXCEL + Math.floor(serie) * JOUR_MS);
  return dateISO(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function versSerieExcel(d: DateISO): number {
  const { annee, mois, jour } = composantes(d);
  return Math.round((Date.UTC(annee, mois - 1, jour) - EPOQUE_EXCEL) / JOUR_MS);
}

/** Today in France, which decides which barème is in force. */
let formatParis: Intl.DateTimeFormat | undefined;

export function aujourdhui(maintenant: Date = new Date()): DateISO {
  // Building a DateTimeFormat costs tens of microseconds: build it once.
  formatParis ??= new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });
  const parts = formatParis.formatToParts(maintenant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return dateISO(get("year"), get("month"), get("day"));
}
