import { decomposerRef, lettreColonne } from "../../modeles/formules.ts";
import type { Cellule, Feuille, SpecModele } from "../../modeles/spec.ts";
import type { Attendu, NatureValeur, ValeurAttendue } from "./types.ts";

/** Index of a template's cells by id and by position, built once per spec. */
export interface IndexSpec {
  parId: ReadonlyMap<string, { feuille: Feuille; cellule: Cellule }>;
  parPosition: ReadonlyMap<string, { feuille: Feuille; cellule: Cellule }>;
  /** By sheet key, then A1 reference: no `cle!ref` text to build on the hot path. */
  parFeuille: ReadonlyMap<string, ReadonlyMap<string, Cellule>>;
}

const INDEX = new WeakMap<SpecModele, IndexSpec>();

export function indexSpec(spec: SpecModele): IndexSpec {
  let i = INDEX.get(spec);
  if (!i) {
    const parId = new Map<string, { feuille: Feuille; cellule: Cellule }>();
    const parPosition = new Map<string, { feuille: Feuille; cellule: Cellule }>();
    const parFeuille = new Map<string, Map<string, Cellule>>();
    for (const feuille of spec.feuilles) {
      const refs = new Map<string, Cellule>();
      parFeuille.set(feuille.cle, refs);
      for (const cellule of feuille.cellules) {
        refs.set(cellule.ref, cellule);
        if (cellule.id !== undefined) parId.set(cellule.id, { feuille, cellule });
        parPosition.set(`${feuille.cle}!${cellule.ref}`, { feuille, cellule });
      }
    }
    i = { parId, parPosition, parFeuille };
    INDEX.set(spec, i);
  }
  return i;
}

export function positionDe(spec: SpecModele, id: string): { cle: string; ref: string } {
  const t = indexSpec(spec).parId.get(id);
  if (!t) throw new Error(`Le modèle ${spec.id} n'a pas de cellule « ${id} ».`);
  return { cle: t.feuille.cle, ref: t.cellule.ref };
}

/** The label of a row: the text the template writes in column A of that row (« Reste à vivre mensuel du foyer »). */
export function libelleLigne(spec: SpecModele, cle: string, ref: string): string {
  const { ligne } = decomposerRef(ref);
  const v = indexSpec(spec).parPosition.get(`${cle}!A${ligne}`)?.cellule.valeur;
  return typeof v === "string" ? v : `${cle}!${ref}`;
}

/** The label of a column: the text of its header cell (« Candidat A »). */
export function libelleColonne(spec: SpecModele, cle: string, ref: string, ligneEntete: number): string | null {
  const { colonne } = decomposerRef(ref);
  const v = indexSpec(spec).parPosition.get(`${cle}!${lettreColonne(colonne)}${ligneEntete}`)?.cellule.valeur;
  return typeof v === "string" ? v : null;
}

/** Builds the expected value of an id'd cell, its label read from the template. */
export function attenduId(spec: SpecModele, id: string, nature: NatureValeur, valeur: ValeurAttendue, libelle?: string): Attendu {
  const { cle, ref } = positionDe(spec, id);
  return { cle, ref, id, nature, valeur, libelle: libelle ?? libelleLigne(spec, cle, ref) };
}
