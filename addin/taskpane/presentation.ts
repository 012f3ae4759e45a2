import { LIBELLES_STATUT, type Statut, type ValeurBareme, type VersionBareme } from "#shared/baremes/schema.ts";
import { composantes, type DateISO } from "#shared/date.ts";

/** One value of a barème version as the pane and the inserted table show it. */
export interface LigneBareme {
  /** Dotted path in the version's values ("majorations.deuxiemePersonne"). */
  cle: string;
  /** null: a value known to exist that could not be sourced. */
  valeur: number | string | boolean | null;
  statut: Statut;
  note: string;
}

/**
 * Flattens a version's values into rows, each with its own status: the version's, or that of the
 * most specific `statutsCellules` entry whose key is the row's key or one of its prefixes.
 */
export function lignesBareme(version: Pick<VersionBareme, "valeurs" | "statut" | "statutsCellules">): LigneBareme[] {
  const lignes: LigneBareme[] = [];
  const statutDe = (cle: string): { statut: Statut; note: string } => {
    let meilleur: { statut: Statut; note: string; longueur: number } | null = null;
    for (const s of version.statutsCellules ?? []) {
      if ((cle === s.cle || cle.startsWith(`${s.cle}.`)) && (meilleur === null || s.cle.length > meilleur.longueur)) {
        meilleur = { statut: s.statut, note: s.note, longueur: s.cle.length };
      }
    }
    return meilleur ?? { statut: version.statut, note: "" };
  };
  const parcourir = (v: ValeurBareme, chemin: string): void => {
    if (v !== null && typeof v === "object") {
      for (const [k, sous] of Object.entries(v)) parcourir(sous, chemin === "" ? k : `${chemin}.${k}`);
      return;
    }
    const { statut, note } = statutDe(chemin);
    lignes.push({ cle: chemin === "" ? "valeur" : chemin, valeur: v, statut, note: v === null && note === "" ? "Valeur non relevée." : note });
  };
  parcourir(version.valeurs as ValeurBareme, "");
  return lignes;
}

const MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** "1er janvier 2026", "15 mars 2026". */
export function dateLongue(d: DateISO): string {
  const { annee, mois, jour } = composantes(d);
  return `${jour === 1 ? "1er" : jour} ${MOIS[mois - 1]} ${annee}`;
}

/** "01/01/2026". */
export function dateCourte(d: DateISO): string {
  const { annee, mois, jour } = composantes(d);
  return `${String(jour).padStart(2, "0")}/${String(mois).padStart(2, "0")}/${annee}`;
}

/** A value as a French reader expects it: decimal comma, thin-space thousands, oui/non. */
export function formatValeur(v: LigneBareme["valeur"]): string {
  if (v === null) return "—";
  if (typeof v === "boolean") return v ? "oui" : "non";
  if (typeof v === "string") return v;
  const [ent, frac] = String(Math.abs(v)).split(".") as [string, string | undefined];
  const groupes = ent.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${v < 0 ? "−" : ""}${groupes}${frac === undefined ? "" : `,${frac}`}`;
}

export function libelleStatut(s: Statut): string {
  return LIBELLES_STATUT[s];
}
