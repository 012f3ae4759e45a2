import { estIdBareme, type CatalogueBaremes, type VersionPubliee } from "#shared/baremes/index.ts";
import type { DateISO } from "#shared/date.ts";
import { catalogueAvecCache, ecrireCache, lireCache, type CacheBaremes } from "../commun/cacheBaremes.ts";
import type { Stockage } from "../commun/stockage.ts";

/** Where the barèmes shown come from, and how fresh they are. */
export interface EtatBaremes {
  mode: "en-ligne" | "hors-ligne";
  catalogue: CatalogueBaremes;
  /** When the versions used were received from the Worker (null: only the bundled data). */
  recuLe: string | null;
  /** Published versions in use (from the Worker now, or from the cache when offline). */
  publiees: number;
  /** Cached versions this release no longer accepts, left out. */
  ecartees: number;
  /** Why the Worker could not be used, in French (offline only). */
  raison?: string;
}

export type Recuperer = (url: string, init?: RequestInit) => Promise<Response>;

interface ResumeBareme {
  id: string;
  datesEffet: string[];
}
interface VersionRecue {
  origine?: string;
  publiePar?: string;
  publieLe?: string;
  [champ: string]: unknown;
}
/** One entry of a scale's history (`historique`): a version, a correction or a withdrawal, and when it was learned. */
interface PublicationRecue {
  nature?: string;
  origine?: string;
  publiePar?: string;
  publieLe?: string;
  version?: unknown;
  remplace?: VersionPubliee["remplace"];
  motif?: string;
}

/** The publications made on the Worker, as the catalogue replays them: with the history, corrections and withdrawals too. */
function publicationsRecues(id: string, recues: VersionRecue[] | undefined, historique: PublicationRecue[] | undefined): VersionPubliee[] {
  const sortie: VersionPubliee[] = [];
  if (Array.isArray(historique)) {
    for (const p of historique) {
      if (p.origine !== "publiee") continue;
      sortie.push({
        bareme: id,
        ...(p.version !== undefined ? { version: p.version } : {}),
        ...(p.publiePar !== undefined ? { publiePar: p.publiePar } : {}),
        ...(p.publieLe !== undefined ? { publieLe: p.publieLe } : {}),
        ...(p.remplace !== undefined ? { remplace: p.remplace } : {}),
        ...(p.motif !== undefined ? { motif: p.motif } : {}),
        ...(p.nature === "retrait" ? { retire: true } : {}),
      });
    }
    return sortie;
  }
  // A Worker without history: the versions it knows today.
  for (const v of recues ?? []) {
    if (v.origine !== "publiee") continue;
    const { origine: _o, publiePar, publieLe, ...version } = v;
    sortie.push({ bareme: id, version, ...(publiePar !== undefined ? { publiePar } : {}), ...(publieLe !== undefined ? { publieLe } : {}) });
  }
  return sortie;
}

/** The bundled barèmes plus whatever the pane cached last time: what applies before (or without) the Worker. */
export function etatHorsLigne(stockage: Stockage, raison?: string): EtatBaremes {
  const cache = lireCache(stockage);
  const { catalogue, ecartees } = catalogueAvecCache(cache);
  return { mode: "hors-ligne", catalogue, recuLe: cache?.recuLe ?? null, publiees: (cache?.versions.length ?? 0) - ecartees, ecartees, ...(raison ? { raison } : {}) };
}

class ErreurReseau extends Error {}

async function lireJson(recuperer: Recuperer, url: string, signal: AbortSignal | undefined): Promise<unknown> {
  let r: Response;
  try {
    r = await recuperer(url, { headers: { accept: "application/json" }, ...(signal ? { signal } : {}) });
  } catch {
    throw new ErreurReseau("le service LogSoc ne répond pas");
  }
  if (!r.ok) throw new ErreurReseau(`le service LogSoc a répondu ${r.status}`);
  try {
    return await r.json();
  } catch {
    throw new ErreurReseau("la réponse du service LogSoc est illisible");
  }
}

/**
 * Asks the Worker (same origin: `/v1/baremes`) which versions exist. Only scales with a date the
 * bundled data does not have get their versions fetched; the published ones are cached for the custom
 * functions and layered over the bundled data. Any failure leaves the cache untouched and reports
 * the pane offline, with the bundled (and previously cached) barèmes.
 */
export async function chargerBaremes(options: { recuperer: Recuperer; stockage: Stockage; base?: string; signal?: AbortSignal; maintenant?: () => Date }): Promise<EtatBaremes> {
  const { recuperer, stockage, base = "", signal } = options;
  try {
    const liste = (await lireJson(recuperer, `${base}/v1/baremes`, signal)) as { baremes?: ResumeBareme[] };
    if (!Array.isArray(liste.baremes)) throw new ErreurReseau("la réponse du service LogSoc est illisible");
    // Every scale is asked for its history: a correction of a bundled version adds no new date d'effet.
    const aCharger = liste.baremes.filter((b) => typeof b.id === "string" && estIdBareme(b.id));
    const versions: VersionPubliee[] = [];
    for (const reponse of await Promise.all(aCharger.map((b) => lireJson(recuperer, `${base}/v1/baremes/${encodeURIComponent(b.id)}/versions`, signal)))) {
      const { id, versions: recues, historique } = reponse as { id?: string; versions?: VersionRecue[]; historique?: PublicationRecue[] };
      if (typeof id !== "string" || (!Array.isArray(recues) && !Array.isArray(historique))) throw new ErreurReseau("la réponse du service LogSoc est illisible");
      versions.push(...publicationsRecues(id, recues, historique));
    }
    const cache: CacheBaremes = { recuLe: (options.maintenant?.() ?? new Date()).toISOString(), versions };
    const { catalogue, ecartees } = catalogueAvecCache(cache);
    ecrireCache(stockage, cache);
    return { mode: "en-ligne", catalogue, recuLe: cache.recuLe, publiees: versions.length - ecartees, ecartees };
  } catch (e) {
    if (e instanceof ErreurReseau) return etatHorsLigne(stockage, e.message);
    throw e;
  }
}

/** "Barèmes du …": the latest date d'effet already reached, across every scale. */
export function dateDesBaremes(catalogue: CatalogueBaremes, aujourdhui: DateISO): DateISO | null {
  let plusRecente: DateISO | null = null;
  for (const b of catalogue.liste()) {
    for (const v of b.versions) if (v.dateEffet <= aujourdhui && (plusRecente === null || v.dateEffet > plusRecente)) plusRecente = v.dateEffet;
  }
  return plusRecente;
}
