import { depuisSerieExcel, versSerieExcel, type DateISO } from "../../date.ts";
import { CATALOGUE, type CatalogueBaremes, type VersionEnCatalogue } from "../../baremes/catalogue.ts";
import type { Statut } from "../../baremes/schema.ts";
import { noteDeCle, statutDeCle, valeurParCle } from "../../baremes/cle.ts";
import { FRACTION } from "../../baremes/valeurs.ts";
import type { IdBareme } from "../../baremes/definitions.ts";
import type { LigneBareme, PeriodeBaremes } from "./feuilleBaremes.ts";
import type { NomFormat } from "../styles.ts";

/** The statuses as layout 1 writes them on the « Barèmes » sheet (frozen: the audit compares these texts). */
export const LIBELLES_STATUT: Record<Statut, string> = {
  officiel: "officiel",
  calcule: "calculé",
  non_verifie: "non vérifié",
  estimation: "estimation",
};

/**
 * Reads the barème values a template uses from the catalogue (bundled data, plus the versions the
 * task pane or the Worker layered over it), at the template's date: value, date d'effet, source and
 * status of each, exactly as the engine functions would read them that day.
 */
export interface ContexteBaremes {
  date: DateISO;
  catalogue: CatalogueBaremes;
}

export function contexteBaremes(date: DateISO, catalogue: CatalogueBaremes = CATALOGUE): ContexteBaremes {
  return { date, catalogue };
}

export function versionEnVigueur(ctx: ContexteBaremes, bareme: IdBareme): VersionEnCatalogue {
  return ctx.catalogue.enVigueur(bareme, ctx.date);
}

/** « Décret n° … (C. trav. R.3252-2 …) » : the text and the legal reference of a version. */
export function sourceDe(v: VersionEnCatalogue): string {
  return `${v.source.texte} ; ${v.source.reference}`;
}

/** The status in French, with the note that justifies it when the value has its own status. */
export function statutDe(v: VersionEnCatalogue, cle: string): string {
  const statut = LIBELLES_STATUT[statutDeCle(v, cle)];
  const note = noteDeCle(v, cle);
  return note === undefined ? statut : `${statut} (${note})`;
}

/** A legal fraction « 1/3 » as a number. */
export function valeurFraction(s: string): number {
  const m = FRACTION.exec(s);
  if (!m) throw new Error(`Fraction mal formée : ${s}`);
  return Number(m[1]) / Number(m[2]);
}

export function denominateurFraction(s: string): number {
  const m = FRACTION.exec(s);
  if (!m) throw new Error(`Fraction mal formée : ${s}`);
  return Number(m[2]);
}

/** One value of a barème as a line of the « Barèmes » sheet. */
export function ligneBareme(
  ctx: ContexteBaremes,
  bareme: IdBareme,
  cle: string,
  ligne: { id: string; libelle: string; unite: string; format: NomFormat },
): LigneBareme {
  const v = versionEnVigueur(ctx, bareme);
  const { valeur } = valeurParCle(v.valeurs, cle, { bareme, dateEffet: v.dateEffet });
  const nombre = typeof valeur === "string" && FRACTION.test(valeur) ? valeurFraction(valeur) : valeur;
  if (typeof nombre !== "number") throw new Error(`La valeur ${bareme}.${cle} n'est pas un nombre.`);
  return { ...ligne, valeur: nombre, dateEffet: v.dateEffet, statut: statutDe(v, cle), source: sourceDe(v) };
}

/**
 * The period over which every barème used keeps the values shown: from the latest date d'effet among
 * them to the day before the earliest next version known in the catalogue.
 */
export function periodeBaremes(ctx: ContexteBaremes, baremes: readonly IdBareme[]): PeriodeBaremes {
  let debut = "0000-00-00" as DateISO;
  let prochain: DateISO | null = null;
  for (const id of baremes) {
    const v = versionEnVigueur(ctx, id);
    if (v.dateEffet > debut) debut = v.dateEffet;
    const suivante = ctx.catalogue.versions(id).find((x) => x.dateEffet > v.dateEffet);
    if (suivante && (prochain === null || suivante.dateEffet < prochain)) prochain = suivante.dateEffet;
  }
  return { debut, fin: prochain === null ? null : depuisSerieExcel(versSerieExcel(prochain) - 1) };
}
