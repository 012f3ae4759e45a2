import { creerCatalogue, type CatalogueBaremes, type VersionPubliee } from "../../shared/baremes/index.ts";
import type { Env } from "./env.ts";

interface LignePublication {
  numero: number;
  bareme: string;
  nature: "version" | "correction" | "retrait";
  version: string | null;
  remplace_date_effet: string | null;
  remplace_publie_le: string | null;
  motif: string | null;
  publie_par: string;
  publie_le: string;
}

/**
 * The catalogue of one isolate, keyed by the highest publication number in D1. The table is append-only,
 * so that number identifies its whole content: a tiny query tells whether something was published since
 * (by any isolate), and the catalogue is rebuilt only then. That query runs at most every VERIFICATION_MS
 * per isolate: a publication through another isolate shows there within that delay, far less than the
 * max-age the barème answers already allow caches; one through this isolate shows at once (`oublierCatalogue`).
 */
export const VERIFICATION_MS = 10_000;

export interface CatalogueNumerote {
  catalogue: CatalogueBaremes;
  /** The highest publication number it includes: a publication is stored only if it is still the highest. */
  numero: number;
}

let enCache: (CatalogueNumerote & { verifieLe: number }) | null = null;

function publication(l: LignePublication): VersionPubliee {
  const p: VersionPubliee = { bareme: l.bareme, publiePar: l.publie_par, publieLe: l.publie_le };
  if (l.version !== null) p.version = JSON.parse(l.version) as unknown;
  if (l.remplace_date_effet !== null) p.remplace = { dateEffet: l.remplace_date_effet as never, publieLe: l.remplace_publie_le ?? "" };
  if (l.motif !== null) p.motif = l.motif;
  if (l.nature === "retrait") p.retire = true;
  return p;
}

/**
 * A stored publication that no longer fits (its scale's schema changed in a later release, or a later
 * release bundles the same version) is left out with a log line, rather than making every barème request
 * fail; the others still apply.
 */
function construire(ls: readonly LignePublication[]): CatalogueBaremes {
  const toutes = ls.map(publication);
  try {
    return creerCatalogue(toutes, { siConflit: "garder_integree" });
  } catch {
    const retenues: VersionPubliee[] = [];
    for (const [i, p] of toutes.entries()) {
      try {
        creerCatalogue([...retenues, p], { siConflit: "garder_integree" });
        retenues.push(p);
      } catch {
        console.error(JSON.stringify({ niveau: "erreur", message: "publication ignorée : elle ne s'applique plus au barème", bareme: p.bareme, numero: ls[i]!.numero }));
      }
    }
    return creerCatalogue(retenues, { siConflit: "garder_integree" });
  }
}

export async function catalogueNumerote(env: Env): Promise<CatalogueNumerote> {
  const maintenant = Date.now();
  if (enCache !== null && maintenant - enCache.verifieLe < VERIFICATION_MS) return enCache;
  const max = await env.DB.prepare("SELECT COALESCE(MAX(numero), 0) AS numero FROM publications_baremes").first<{ numero: number }>();
  const numero = max?.numero ?? 0;
  if (enCache !== null && enCache.numero === numero) {
    enCache.verifieLe = maintenant;
    return enCache;
  }
  let cat: CatalogueBaremes;
  if (numero === 0) cat = creerCatalogue();
  else {
    const r = await env.DB.prepare(
      "SELECT numero, bareme, nature, version, remplace_date_effet, remplace_publie_le, motif, publie_par, publie_le FROM publications_baremes WHERE numero <= ?1 ORDER BY numero",
    )
      .bind(numero)
      .all<LignePublication>();
    cat = construire(r.results);
  }
  enCache = { numero, catalogue: cat, verifieLe: maintenant };
  return enCache;
}

export async function catalogue(env: Env): Promise<CatalogueBaremes> {
  return (await catalogueNumerote(env)).catalogue;
}

/** After a publication through this isolate: the next request reads D1 again. */
export function oublierCatalogue(): void {
  enCache = null;
}

/** Stores a checked publication, unless another one was stored since `numero` (then false: the caller answers 409). */
export async function enregistrer(env: Env, p: VersionPubliee, numero: number): Promise<boolean> {
  const nature = p.retire ? "retrait" : p.remplace !== undefined ? "correction" : "version";
  const remplace = typeof p.remplace === "string" ? { dateEffet: p.remplace, publieLe: null } : (p.remplace ?? null);
  const dateEffet = p.version === undefined ? null : (p.version as { dateEffet: string }).dateEffet;
  const r = await env.DB.prepare(
    `INSERT INTO publications_baremes (bareme, nature, date_effet, version, remplace_date_effet, remplace_publie_le, motif, publie_par, publie_le)
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9
     WHERE (SELECT COALESCE(MAX(numero), 0) FROM publications_baremes) = ?10`,
  )
    .bind(p.bareme, nature, dateEffet, p.version === undefined ? null : JSON.stringify(p.version), remplace?.dateEffet ?? null, remplace?.publieLe ?? null, p.motif ?? null, p.publiePar ?? "", p.publieLe ?? "", numero)
    .run();
  oublierCatalogue();
  return r.meta.changes === 1;
}
