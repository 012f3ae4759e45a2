import type { LecteurClasseur, ValeurLue } from "./lecteur.ts";

/**
 * The hidden metadata sheet every LogSoc template carries (shared/modeles/constructeur.ts, feuilleMeta):
 * a title in A1, then one key per row in column A and its value in column B, from row 3 on. The add-in
 * may have had to rename it (« LogSoc_meta (2) »), so it is recognised by its layout, not only its name.
 */

export const NOM_FEUILLE_META = "LogSoc_meta";

export interface LigneMeta {
  valeur: ValeurLue | undefined;
  /** A1 reference of the value cell. */
  ref: string;
}

export interface MetaLue {
  feuille: string;
  lignes: ReadonlyMap<string, LigneMeta>;
}

const PREMIERE_LIGNE = 3;
const LIGNES_MAX = 500;

function lignesMeta(lecteur: LecteurClasseur, feuille: string): Map<string, LigneMeta> {
  const lignes = new Map<string, LigneMeta>();
  const cellules = lecteur.cellules(feuille);
  for (let l = PREMIERE_LIGNE; l < PREMIERE_LIGNE + LIGNES_MAX; l++) {
    const cle = cellules.get(`A${l}`)?.valeur;
    if (typeof cle !== "string" || cle.trim() === "") break;
    lignes.set(cle.trim(), { valeur: cellules.get(`B${l}`)?.valeur ?? null, ref: `B${l}` });
  }
  return lignes;
}

/**
 * Every metadata sheet of the workbook, in sheet order: one per dossier (the add-in can insert several
 * templates into one workbook). Empty when the workbook was not made from a LogSoc template.
 */
export function lireMetas(lecteur: LecteurClasseur): MetaLue[] {
  const metas: MetaLue[] = [];
  for (const { nom } of lecteur.feuilles()) {
    const parNom = nom === NOM_FEUILLE_META || nom.startsWith(`${NOM_FEUILLE_META} (`);
    if (!parNom) {
      // A renamed sheet is recognised by its title and rows.
      const a1 = lecteur.cellule(nom, "A1")?.valeur;
      if (typeof a1 !== "string" || !a1.startsWith("LogSoc")) continue;
    }
    const lignes = lignesMeta(lecteur, nom);
    if (parNom || (lignes.has("modele") && lignes.has("version"))) metas.push({ feuille: nom, lignes });
  }
  return metas;
}
