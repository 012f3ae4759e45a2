import type { DateISO } from "../date.ts";
import type { CatalogueBaremes } from "../baremes/catalogue.ts";
import { resoudreFormule } from "../modeles/formules.ts";
import type { Cellule } from "../modeles/spec.ts";
import { normaliserFormule } from "./formules.ts";
import type { SpecModele } from "../modeles/spec.ts";
import type { RoleExercice } from "../exercices/enonce.ts";
import type { Disposition } from "./dispositions.ts";
import { indexSpec, type IndexSpec } from "./profils/commun.ts";
import type { ProfilModele } from "./profils/types.ts";

/**
 * The template a dossier was made from, rebuilt from its metadata (layout, barème date, options,
 * exercise role), cached: rebuilding a template costs more than checking a dossier, and a cohort's
 * dossiers share a few templates.
 */
export interface Prepare {
  base: SpecModele;
  /** The template as the workbook should be: the exercise question when the metadata say so. */
  actif: SpecModele;
  indexBase: IndexSpec;
  indexActif: IndexSpec;
  profil: ProfilModele;
  /** Cells (cle!ref) the trainee answers in an exercise question. */
  reponses: ReadonlySet<string>;
  /** Expected formulas with the sheet names a workbook gave them (by those names, then by cell). */
  formules: Map<string, Map<Cellule, FormuleAttendue>>;
}

const CACHE = new WeakMap<CatalogueBaremes, Map<string, Prepare>>();
const CACHE_MAX = 64;

export function preparer(d: Disposition, dateBaremes: DateISO, options: Readonly<Record<string, string | number>>, role: RoleExercice | null, catalogue: CatalogueBaremes): Prepare {
  let parCle = CACHE.get(catalogue);
  if (!parCle) CACHE.set(catalogue, (parCle = new Map()));
  const cle = JSON.stringify([d.type, d.numero, d.figee, dateBaremes, options, role]);
  const deja = parCle.get(cle);
  if (deja) return deja;
  const base = d.construire({
    date: dateBaremes,
    catalogue,
    ...(options.candidats !== undefined ? { candidats: Number(options.candidats) } : {}),
    ...(options.zone !== undefined ? { zone: String(options.zone) as never } : {}),
  });
  const ids = role === "enonce" ? d.profil.reponses(base) : [];
  const actif = role === "enonce" ? d.enonce(base, ids, ids.filter((id) => id.endsWith(".sousPlafond"))) : base;
  const indexActif = indexSpec(actif);
  const reponses = new Set(
    ids.map((id) => {
      const t = indexActif.parId.get(id)!;
      return `${t.feuille.cle}!${t.cellule.ref}`;
    }),
  );
  const p: Prepare = { base, actif, indexBase: indexSpec(base), indexActif, profil: d.profil, reponses, formules: new Map() };
  if (parCle.size >= CACHE_MAX) parCle.delete(parCle.keys().next().value!);
  parCle.set(cle, p);
  return p;
}

export interface FormuleAttendue {
  texte: string;
  /** normaliserFormule(texte), computed once: most dossiers of a cohort share their template. */
  normalisee: string;
}

/** The template's formula of a cell with the workbook's sheet names, resolved once per set of names. */
export function formulesResolues(p: Prepare, noms: Readonly<Record<string, string>>): (c: Cellule) => FormuleAttendue {
  const cleNoms = JSON.stringify(noms);
  let resolues = p.formules.get(cleNoms);
  if (!resolues) {
    if (p.formules.size >= 8) p.formules.clear();
    p.formules.set(cleNoms, (resolues = new Map()));
  }
  const r = resolues;
  return (c) => {
    let f = r.get(c);
    if (f === undefined) {
      const texte = resoudreFormule(c.formule!, noms);
      r.set(c, (f = { texte, normalisee: normaliserFormule(texte) }));
    }
    return f;
  };
}
