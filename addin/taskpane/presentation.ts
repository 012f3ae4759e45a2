import { LIBELLES_STATUT, clesFeuilles, noteDeCle, statutDeCle, type CatalogueBaremes, type Statut, type VersionBareme } from "#shared/baremes/index.ts";
import { libelleCle } from "#shared/baremes/libelles.ts";
import type { DateISO } from "#shared/date.ts";
import { estErreurLogsoc } from "#shared/errors.ts";

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

/** Statuses a reader must be told about: a value LogSoc could not take from the official text. */
export function statutAVerifier(s: Statut): boolean {
  return s === "estimation" || s === "non_verifie";
}

/** Values of one barème version in force that are estimates or unverified, grouped as the data declares them. */
export interface ValeursAVerifier {
  bareme: string;
  libelleBareme: string;
  dateEffet: DateISO;
  groupes: { statut: Statut; libelles: string[]; note: string }[];
}

/**
 * For every barème, the version in force on `date` and its values that are not official enough to be
 * presented as such: what the pane lists under « Statut des barèmes », since a custom function can only
 * return a plain number.
 */
export function valeursAVerifier(catalogue: CatalogueBaremes, date: DateISO): ValeursAVerifier[] {
  const resultat: ValeursAVerifier[] = [];
  for (const b of catalogue.liste()) {
    let v;
    try {
      v = catalogue.enVigueur(b.id, date);
    } catch (e) {
      if (estErreurLogsoc(e)) continue;
      throw e;
    }
    const groupes = new Map<string, { statut: Statut; libelles: string[]; note: string }>();
    for (const l of lignesBareme(v)) {
      // Descriptive texts (who uses a repère, since when) and values no source gives are no figure to compute with.
      if (!statutAVerifier(l.statut) || l.valeur === null || (typeof l.valeur === "string" && !/^\d+\/\d+$/.test(l.valeur))) continue;
      const note = l.note || (v.lacunes ?? []).join(" ");
      const cle = `${l.statut}\u0000${note}`;
      const g = groupes.get(cle) ?? { statut: l.statut, libelles: [], note };
      g.libelles.push(libelleCle(b.id, l.cle));
      groupes.set(cle, g);
    }
    if (groupes.size > 0) resultat.push({ bareme: b.id, libelleBareme: b.libelle, dateEffet: v.dateEffet, groupes: [...groupes.values()] });
  }
  return resultat;
}

/** « A, B, C et 18 autres valeurs » : long lists of labels stay one readable line. */
export function resumeLibelles(libelles: readonly string[], max = 3): string {
  if (libelles.length <= max) return libelles.length <= 1 ? libelles.join("") : `${libelles.slice(0, -1).join(" ; ")} et ${libelles.at(-1)}`;
  const reste = libelles.length - max;
  return `${libelles.slice(0, max).join(" ; ")} et ${reste} autre${reste > 1 ? "s" : ""} valeur${reste > 1 ? "s" : ""}`;
}
