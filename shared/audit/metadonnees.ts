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

/** The metadata sheet and its rows, or null when the workbook has none (not made from a LogSoc template). */
export function lireMeta(lecteur: LecteurClasseur): MetaLue | null {
  const feuilles = lecteur.feuilles().map((f) => f.nom);
  const candidates = [NOM_FEUILLE_META, ...feuilles.filter((n) => n !== NOM_FEUILLE_META && n.startsWith(NOM_FEUILLE_META))].filter((n) => feuilles.includes(n));
  for (const feuille of candidates) {
    const lignes = lignesMeta(lecteur, feuille);
    if (lignes.has("modele") || lignes.has("version")) return { feuille, lignes };
  }
  // A renamed sheet: recognised by its rows.
  for (const feuille of feuilles) {
    if (candidates.includes(feuille)) continue;
    const a1 = lecteur.cellule(feuille, "A1")?.valeur;
    if (typeof a1 !== "string" || !a1.startsWith("LogSoc")) continue;
    const lignes = lignesMeta(lecteur, feuille);
    if (lignes.has("modele") && lignes.has("version")) return { feuille, lignes };
  }
  return candidates.length > 0 ? { feuille: candidates[0]!, lignes: lignesMeta(lecteur, candidates[0]!) } : null;
}
