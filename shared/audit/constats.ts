import type { Etape } from "../explication/types.ts";
import { etapeEnLignes } from "../explication/texte.ts";

/**
 * What the audit reports. A finding (constat) belongs to a closed set of kinds; each names the sheet
 * and the cell, what the template and the engine expect there, what the file shows, and says it in
 * French for the adviser, the trainer or the jury.
 */

/** In the order reports list them: the workbook's structure first, then its inputs, then its figures. */
export const GENRES_CONSTAT = [
  "metadonnees",
  "formule_remplacee",
  "formule_modifiee",
  "bareme_date",
  "bareme_valeur",
  "saisie_hors_limites",
  "valeur_erronee",
] as const;

export type GenreConstat = (typeof GENRES_CONSTAT)[number];

export const LIBELLES_GENRE: Record<GenreConstat, string> = {
  metadonnees: "Métadonnées absentes ou altérées",
  formule_remplacee: "Résultat remplacé par une valeur saisie",
  formule_modifiee: "Formule modifiée",
  bareme_date: "Barèmes d'une autre date",
  bareme_valeur: "Valeur de barème différente de la valeur officielle",
  saisie_hors_limites: "Saisie hors limites ou incohérente",
  valeur_erronee: "Valeur erronée",
};

/** A value as a finding carries it: what a cell shows (an Excel error as its code), or null for an empty cell. */
export type ValeurConstat = number | string | boolean | null;

export interface Constat {
  genre: GenreConstat;
  /** Sheet name as it is in the workbook (null when the finding is about the whole workbook). */
  feuille: string | null;
  /** A1 reference (null when the finding is about the whole workbook or a whole sheet). */
  cellule: string | null;
  /** The template's identifier of the cell, when it has one (`resultats.ravMensuel`). */
  id?: string;
  attendu: ValeurConstat;
  trouve: ValeurConstat;
  message: string;
  /**
   * « valeur_erronee » of an indicator the engine explains (DESIGN §7): how the expected value is
   * reached from the dossier's inputs, the last step giving `attendu`.
   */
  etapes?: Etape[];
}

/** Ordering used by every report: by sheet order, then row, then column, then kind. */
export function comparerConstats(ordreFeuilles: readonly string[]) {
  const rang = (f: string | null) => (f === null ? -1 : ordreFeuilles.indexOf(f));
  const pos = (c: string | null) => {
    if (c === null) return [0, 0];
    const m = /^([A-Z]+)(\d+)$/.exec(c);
    if (!m) return [0, 0];
    return [Number(m[2]), [...m[1]!].reduce((n, x) => n * 26 + x.charCodeAt(0) - 64, 0)];
  };
  return (a: Constat, b: Constat): number => {
    const f = rang(a.feuille) - rang(b.feuille);
    if (f !== 0) return f;
    const [la, ca] = pos(a.cellule);
    const [lb, cb] = pos(b.cellule);
    return la! - lb! || ca! - cb! || GENRES_CONSTAT.indexOf(a.genre) - GENRES_CONSTAT.indexOf(b.genre);
  };
}

/** The steps of a finding's expected value as French text, one line each (reports, task pane). */
export function etapesEnTexte(etapes: readonly Etape[]): string {
  const citees = new Set<string>();
  return etapes.flatMap((e, i) => etapeEnLignes(e, i, etapes, citees)).join("\n");
}
