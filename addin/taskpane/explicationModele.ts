import type { RapportAudit } from "#shared/audit/audit.ts";
import type { LecteurClasseur } from "#shared/audit/lecteur.ts";
import { lireMetas } from "#shared/audit/metadonnees.ts";
import { indexSpec } from "#shared/audit/profils/commun.ts";
import { saisiesDepuis } from "#shared/audit/saisies.ts";
import type { CatalogueBaremes } from "#shared/baremes/index.ts";
import { estErreurLogsoc } from "#shared/errors.ts";
import { expliquerIndicateur, type Explication } from "#shared/explication/index.ts";
import { construireModele, type SpecModele } from "#shared/modeles/index.ts";

/**
 * The engine's steps for one result cell of a template dossier: the dossier is found by the audit
 * (its metadata sheet gives the template, its barème date and options, and the names its sheets got),
 * the template rebuilt to know which result the cell holds, the inputs read by their ids as the audit
 * reads them, and the explanation asked to the engine (shared/explication). null: no steps for that cell
 * (a text, an input the engine refuses, a layout this release cannot map).
 */
export function expliquerCelluleModele(d: { feuille: string; cellule: string; lecteur: LecteurClasseur; catalogue: CatalogueBaremes; dossier: RapportAudit }): Explication | null {
  const m = d.dossier.modele;
  const meta = lireMetas(d.lecteur).find((x) => x.feuille === d.dossier.feuilleMeta);
  if (m === null || meta === undefined) return null;
  let spec: SpecModele;
  try {
    spec = construireModele(m.type, {
      date: m.dateBaremes,
      catalogue: d.catalogue,
      ...(m.options.candidats !== undefined ? { candidats: Number(m.options.candidats) } : {}),
      ...(m.options.zone !== undefined ? { zone: String(m.options.zone) as never } : {}),
    });
  } catch (e) {
    if (estErreurLogsoc(e)) return null;
    throw e;
  }
  // The sheets' names in this workbook (« Évaluation (2) » for a second dossier), as the metadata record them.
  const noms: Record<string, string> = {};
  for (const f of spec.feuilles) {
    const l = meta.lignes.get(`feuille.${f.cle}`)?.valeur;
    noms[f.cle] = f.cle === "meta" ? meta.feuille : typeof l === "string" && l !== "" ? l : f.nom;
  }
  const cle = Object.keys(noms).find((k) => noms[k] === d.feuille);
  const index = indexSpec(spec);
  const id = cle === undefined ? undefined : index.parPosition.get(`${cle}!${d.cellule}`)?.cellule.id;
  if (id === undefined) return null;
  const saisies = saisiesDepuis((i) => {
    const t = index.parId.get(i);
    if (t === undefined) return null;
    const c = d.lecteur.cellule(noms[t.feuille.cle]!, t.cellule.ref);
    return c === undefined ? null : c.valeur;
  });
  return expliquerIndicateur(m.type, id, saisies, { dateBaremes: m.dateBaremes, catalogue: d.catalogue });
}
