import { versSerieExcel } from "../date.ts";
import type { ValeurCellule } from "../modeles/spec.ts";
import { estErreurAttendue, type Attendu } from "./attendus.ts";
import type { ValeurConstat } from "./constats.ts";
import { estErreurExcel, estVide, type ValeurLue } from "./lecteur.ts";

/** How what a cell shows is compared with what the template or the engine expects. */

const TOLERANCE = { montant: 0.01, ratio: 0.0001, nombre: 0, date: 0, texte: 0 } as const;
const EPSILON = 1e-9;

export function enConstat(v: ValeurLue | undefined): ValeurConstat {
  if (v === undefined || v === null) return null;
  if (estErreurExcel(v)) return v.erreur;
  return v;
}

/** A template constant as the workbook holds it (a date as its serial number, a sheet key as the sheet's name). */
export function valeurCellule(v: ValeurCellule, noms: Readonly<Record<string, string>>): number | string | boolean {
  if (typeof v !== "object") return v;
  return "date" in v ? versSerieExcel(v.date) : (noms[v.nomFeuille] ?? v.nomFeuille);
}

export function memeConstante(attendu: number | string | boolean, trouve: ValeurLue | undefined): boolean {
  if (typeof attendu === "number") return typeof trouve === "number" && Math.abs(trouve - attendu) <= EPSILON * Math.max(1, Math.abs(attendu));
  if (typeof attendu === "string") return typeof trouve === "string" && (trouve === attendu || trouve.replace(/\s+/g, " ").trim() === attendu.replace(/\s+/g, " ").trim());
  return trouve === attendu;
}

/** Whether what the cell shows matches the expected value, within the tolerance of its nature. */
export function conforme(a: Attendu, v: ValeurLue): boolean {
  const att = a.valeur;
  if (att === null) return estVide(v);
  if (estErreurAttendue(att)) return estErreurExcel(v);
  if (typeof att === "number") {
    if (typeof v !== "number") return false;
    if (a.nature === "date") return Math.floor(v) === att;
    return Math.abs(v - att) <= TOLERANCE[a.nature] + EPSILON * Math.max(1, Math.abs(att));
  }
  return typeof v === "string" && v.trim().toLowerCase() === att.trim().toLowerCase();
}

export function nombreMeta(v: ValeurLue | undefined): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(v)) return Number(v.replace(",", "."));
  return null;
}
