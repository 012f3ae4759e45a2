import { depuisSerieExcel, versSerieExcel, type DateISO } from "../date.ts";
import { dateFr } from "../baremes/catalogue.ts";
import { formatEuros } from "../format.ts";
import type { Cellule, Validation } from "../modeles/spec.ts";
import { estErreurExcel, estVide, type ValeurLue } from "./lecteur.ts";
import { estErreurAttendue, type Attendu } from "./attendus.ts";

/**
 * The dossier's inputs as the audit reads them: by the template's stable ids, typed the way the
 * template's formulas read them (a blank amount counts as 0 in a SUM; a text where a number is expected
 * is no number). `verifierSaisie` checks a value against the template's validation rule.
 */
export interface Saisies {
  /** What the input cell shows (undefined: a formula typed in an input and never computed). */
  brut(id: string): ValeurLue | undefined;
  /** A number, or null when the cell is empty or holds something else. */
  nombre(id: string): number | null;
  /** Trimmed text (a number is turned into its text), or null when empty. */
  texte(id: string): string | null;
  /** A date typed as an Excel serial date, or null. */
  date(id: string): DateISO | null;
  /** « Oui » → true, « Non » → false, anything else → null. */
  ouiNon(id: string): boolean | null;
  /** Whether the cell holds anything. */
  renseigne(id: string): boolean;
}

export function saisiesDepuis(lire: (id: string) => ValeurLue | undefined): Saisies {
  const nombre = (id: string) => {
    const v = lire(id);
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  return {
    brut: lire,
    nombre,
    texte(id) {
      const v = lire(id);
      if (typeof v === "string") return v.trim() === "" ? null : v.trim();
      if (typeof v === "number") return String(v);
      if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
      return null;
    },
    date(id) {
      const n = nombre(id);
      if (n === null) return null;
      try {
        return depuisSerieExcel(n);
      } catch {
        return null;
      }
    },
    ouiNon(id) {
      const v = lire(id);
      if (typeof v === "boolean") return v;
      if (typeof v !== "string") return null;
      const t = v.trim().toLowerCase();
      return t === "oui" ? true : t === "non" ? false : null;
    },
    renseigne: (id) => !estVide(lire(id)),
  };
}

/** The value as a French reader reads it in a message. */
export function valeurLisible(v: ValeurLue | undefined, format?: string): string {
  if (v === undefined) return "(non calculée)";
  if (v === null || (typeof v === "string" && v.trim() === "")) return "(vide)";
  if (estErreurExcel(v)) return v.erreur;
  if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
  if (typeof v === "string") return `« ${v} »`;
  if (format !== undefined && /yy/.test(format) && Number.isInteger(v) && v >= 61 && v < 2_958_466) return dateFr(depuisSerieExcel(v));
  if (format !== undefined && format.includes("%")) return `${(v * 100).toFixed(2).replace(".", ",")} %`;
  if (format !== undefined && format.includes("€")) return formatEuros(v);
  return String(v).replace(".", ",");
}

/** What a rule accepts, in French (the expected side of a finding). */
export function descriptionRegle(v: Validation): string {
  switch (v.type) {
    case "liste":
      return `une valeur de la liste : ${v.valeurs.join(", ")}`;
    case "decimal":
      return v.max === undefined ? `un nombre supérieur ou égal à ${String(v.min).replace(".", ",")}` : `un nombre de ${String(v.min).replace(".", ",")} à ${String(v.max).replace(".", ",")}`;
    case "entier":
      return `un nombre entier de ${v.min} à ${v.max}`;
    case "date":
      return `une date du ${dateFr(v.min)} au ${dateFr(v.max)}`;
    case "texte":
      return `un texte de ${v.longueurMax} caractères au plus`;
  }
}

/** Null when the value meets the cell's rule (an empty cell always does), else the French reason. */
export function verifierSaisie(cellule: Cellule, v: ValeurLue | undefined): string | null {
  const regle = cellule.validation;
  if (regle === undefined || v === undefined || estVide(v)) return null;
  if (estErreurExcel(v)) return `la cellule affiche l'erreur ${v.erreur}`;
  switch (regle.type) {
    case "liste": {
      const t = typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : null;
      return t !== null && regle.valeurs.includes(t) ? null : `${valeurLisible(v)} n'est pas dans la liste (${regle.valeurs.join(", ")})`;
    }
    case "decimal":
    case "entier": {
      if (typeof v !== "number") return `${valeurLisible(v)} n'est pas un nombre`;
      if (regle.type === "entier" && !Number.isInteger(v)) return `${valeurLisible(v)} n'est pas un nombre entier`;
      if (v < regle.min) return v < 0 && regle.min >= 0 ? `${valeurLisible(v, cellule.format)} est négatif` : `${valeurLisible(v, cellule.format)} est inférieur au minimum (${String(regle.min).replace(".", ",")})`;
      if (regle.max !== undefined && v > regle.max) return `${valeurLisible(v, cellule.format)} dépasse le maximum (${String(regle.max).replace(".", ",")})`;
      return null;
    }
    case "date": {
      if (typeof v !== "number") return `${valeurLisible(v)} n'est pas une date`;
      if (v < versSerieExcel(regle.min as DateISO) || v >= versSerieExcel(regle.max as DateISO) + 1) return `la date est hors de la période admise (${dateFr(regle.min)} – ${dateFr(regle.max)})`;
      return null;
    }
    case "texte": {
      const t = typeof v === "string" ? v : String(v);
      return t.length > regle.longueurMax ? `le texte compte ${t.length} caractères (${regle.longueurMax} au plus)` : null;
    }
  }
}

/** An expected value as a French reader reads it. */
export function attenduLisible(a: Attendu, format?: string): string {
  if (a.valeur === null) return "(vide)";
  if (estErreurAttendue(a.valeur)) return `aucun résultat (${a.valeur.erreur})`;
  if (a.nature === "ratio" && typeof a.valeur === "number") return `${(a.valeur * 100).toFixed(2).replace(".", ",")} %`;
  if (a.nature === "montant" && typeof a.valeur === "number") return format !== undefined && !format.includes(".00") && Number.isInteger(a.valeur) ? `${String(a.valeur).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")} €` : formatEuros(a.valeur);
  if (a.nature === "date" && typeof a.valeur === "number") return dateFr(depuisSerieExcel(a.valeur));
  return typeof a.valeur === "string" ? a.valeur : String(a.valeur).replace(".", ",");
}
