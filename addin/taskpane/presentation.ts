import { LIBELLES_STATUT, clesFeuilles, noteDeCle, statutDeCle, type Statut, type VersionBareme } from "#shared/baremes/index.ts";
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

/** Flattens a version's values into rows, each with its own status and note (shared/baremes/cle.ts rules). */
export function lignesBareme(version: Pick<VersionBareme<unknown>, "valeurs" | "statut" | "statutsCellules">): LigneBareme[] {
  if (version.valeurs === null || typeof version.valeurs !== "object") {
    return [{ cle: "valeur", valeur: version.valeurs as LigneBareme["valeur"], statut: version.statut, note: "" }];
  }
  return clesFeuilles(version.valeurs).map((cle) => {
    const valeur = cle.split(".").reduce<unknown>((v, segment) => (v as Record<string, unknown>)[segment], version.valeurs) as LigneBareme["valeur"];
    const note = noteDeCle(version, cle) ?? (valeur === null ? "Valeur non disponible : aucune source ne la donne." : "");
    return { cle, valeur, statut: statutDeCle(version, cle), note };
  });
}

const MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** "1er janvier 2026", "15 mars 2026". */
export function dateLongue(d: DateISO): string {
  const { annee, mois, jour } = composantes(d);
  return `${jour === 1 ? "1er" : jour} ${MOIS[mois - 1]} ${annee}`;
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
