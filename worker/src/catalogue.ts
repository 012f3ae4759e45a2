import { creerCatalogue, validerVersionPubliee, type CatalogueBaremes, type VersionPubliee } from "../../shared/baremes/index.ts";
import type { Env } from "./env.ts";

interface LigneVersion {
  numero: number;
  bareme: string;
  version: string;
  publie_par: string;
  publie_le: string;
}

/**
 * The catalogue of one isolate, keyed by the highest version number in D1. The table is append-only,
 * so that number identifies its whole content: a tiny query tells whether a version was published
 * since (by any isolate), and the catalogue is rebuilt only then. That query runs at most every
 * VERIFICATION_MS per isolate: a version published through another isolate shows there within that
 * delay, far less than the max-age the barème answers already allow caches; one published through
 * this isolate shows at once (`oublierCatalogue`).
 */
export const VERIFICATION_MS = 10_000;

let enCache: { numero: number; catalogue: CatalogueBaremes; verifieLe: number } | null = null;

async function lignes(db: D1Database): Promise<LigneVersion[]> {
  const r = await db.prepare("SELECT numero, bareme, version, publie_par, publie_le FROM versions_baremes ORDER BY numero").all<LigneVersion>();
  return r.results;
}

/**
 * A stored version that no longer passes its scale's schema (the schema changed in a later release) is
 * left out with a log line, rather than making every barème request fail. A stored version dated like a
 * bundled one (a later release bundled the same version) gives way to the bundled, sourced data.
 */
function versionsValides(ls: readonly LigneVersion[]): VersionPubliee[] {
  const valides: VersionPubliee[] = [];
  for (const l of ls) {
    const p: VersionPubliee = { bareme: l.bareme, version: JSON.parse(l.version) as unknown, publiePar: l.publie_par, publieLe: l.publie_le };
    try {
      validerVersionPubliee(p);
      valides.push(p);
    } catch {
      console.error(JSON.stringify({ niveau: "erreur", message: "version publiée ignorée : elle ne respecte plus le schéma du barème", bareme: l.bareme, numero: l.numero }));
    }
  }
  return valides;
}

export async function catalogue(env: Env): Promise<CatalogueBaremes> {
  const maintenant = Date.now();
  if (enCache !== null && maintenant - enCache.verifieLe < VERIFICATION_MS) return enCache.catalogue;
  const max = await env.DB.prepare("SELECT COALESCE(MAX(numero), 0) AS numero FROM versions_baremes").first<{ numero: number }>();
  const numero = max?.numero ?? 0;
  if (enCache !== null && enCache.numero === numero) {
    enCache.verifieLe = maintenant;
    return enCache.catalogue;
  }
  const cat = numero === 0 ? creerCatalogue() : creerCatalogue(versionsValides(await lignes(env.DB)), { siConflit: "garder_integree" });
  enCache = { numero, catalogue: cat, verifieLe: maintenant };
  return cat;
}

/** After a publication through this isolate: the next request reads D1 again. */
export function oublierCatalogue(): void {
  enCache = null;
}
