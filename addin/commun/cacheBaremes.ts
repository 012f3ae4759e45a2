import { CATALOGUE, creerCatalogue, validerVersionPubliee, type CatalogueBaremes, type VersionPubliee } from "#shared/baremes/index.ts";
import type { Stockage } from "./stockage.ts";

/** Storage key of the barème versions fetched from the Worker (bump the suffix if the shape changes). */
export const CLE_CACHE = "logsoc.baremes.v1";
/** A short stamp rewritten with the cache, which the custom functions compare at each call instead of the whole cache. */
export const CLE_ESTAMPILLE = "logsoc.baremes.v1.estampille";

/** What the task pane stores after a successful fetch: the published versions and when they were received. */
export interface CacheBaremes {
  /** ISO date-time of the fetch. */
  recuLe: string;
  versions: VersionPubliee[];
}

/** Parses a stored cache; anything unreadable counts as no cache (the bundled barèmes then apply). */
export function lireCacheTexte(texte: string | null): CacheBaremes | null {
  if (texte === null || texte === "") return null;
  try {
    const v = JSON.parse(texte) as Partial<CacheBaremes>;
    if (typeof v.recuLe !== "string" || !Array.isArray(v.versions)) return null;
    return { recuLe: v.recuLe, versions: v.versions.filter((x): x is VersionPubliee => typeof x === "object" && x !== null && typeof x.bareme === "string") };
  } catch {
    return null;
  }
}

export function lireCache(stockage: Stockage): CacheBaremes | null {
  return lireCacheTexte(stockage.lire(CLE_CACHE));
}

export function ecrireCache(stockage: Stockage, cache: CacheBaremes): void {
  const texte = JSON.stringify(cache);
  stockage.ecrire(CLE_CACHE, texte);
  stockage.ecrire(CLE_ESTAMPILLE, `${cache.recuLe} ${texte.length}`);
}

/**
 * The bundled catalogue with the cached versions layered over it. A cached version this release no
 * longer accepts (its scale's schema changed, or the scale was removed) is left out rather than
 * breaking every barème; a cached version that a newer release now ships is superseded by the bundled one.
 */
export function catalogueAvecCache(cache: CacheBaremes | null): { catalogue: CatalogueBaremes; ecartees: number } {
  if (cache === null || cache.versions.length === 0) return { catalogue: CATALOGUE, ecartees: 0 };
  const valides = cache.versions.filter((p) => {
    // A withdrawal has no version to check: the catalogue checks what it withdraws.
    if (p.retire === true) return p.remplace !== undefined && typeof p.motif === "string";
    try {
      validerVersionPubliee(p);
      return true;
    } catch {
      return false;
    }
  });
  try {
    return { catalogue: creerCatalogue(valides, { siConflit: "garder_integree" }), ecartees: cache.versions.length - valides.length };
  } catch {
    // Two cached versions at the same date: the cache contradicts itself, trust only the bundled data.
    return { catalogue: CATALOGUE, ecartees: cache.versions.length };
  }
}

/**
 * The catalogue the custom functions use. Each call reads only the short stamp; the cache itself is
 * re-read and re-validated when the stamp changed, so a version the pane has just fetched applies at
 * the next recalculation without a formula ever waiting.
 */
export function sourceCatalogue(stockage: Stockage): () => CatalogueBaremes {
  let derniere: string | null = null;
  let courant: CatalogueBaremes = CATALOGUE;
  return () => {
    let estampille: string | null;
    try {
      estampille = stockage.lire(CLE_ESTAMPILLE);
    } catch {
      return courant;
    }
    if (estampille !== derniere) {
      derniere = estampille;
      courant = catalogueAvecCache(estampille === null ? null : lireCache(stockage)).catalogue;
    }
    return courant;
  };
}
