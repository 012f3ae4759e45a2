import type { Context } from "hono";
import { z } from "zod";
import { aujourdhui, parseDateISO, type DateISO } from "../../../shared/date.ts";
import { ErreurLogsoc, estErreurLogsoc } from "../../../shared/errors.ts";
import { IDS_BAREMES, type CatalogueBaremes } from "../../../shared/baremes/index.ts";
import { ZONES, type Zone } from "../../../shared/baremes/valeurs.ts";
import { TYPES_MODELES, construireModele, estTypeModele } from "../../../shared/modeles/index.ts";
import { modeleXlsx, nomFichierModele, TYPE_MIME_XLSX } from "../../../shared/modeles/xlsx.ts";
import type { AppEnv } from "../env.ts";
import { catalogue } from "../catalogue.ts";
import { empreinte } from "../http.ts";
import { ApiError } from "../problem.ts";
import { declarer, entetesEtag, nonModifie, problemes, PUBLIC, type Application } from "../openapi.ts";

/** A template only changes with the barèmes in force: same caching as the barème answers. */
export const MAX_AGE_MODELES = 300;

/** Query errors name the query parameter, as the barème routes do. */
function enParametre<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!estErreurLogsoc(e)) throw e;
    throw new ApiError(e.code, e.message, [{ parametre: String(e.chemin[0] ?? ""), detail: e.message }]);
  }
}

function lireCandidats(brut: string | undefined): number | undefined {
  if (brut === undefined || brut === "") return undefined;
  if (!/^\d{1,2}$/.test(brut)) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", `« candidats » doit être un nombre entier de 1 à 3 (reçu : « ${brut.slice(0, 20)} »).`, ["candidats"]);
  }
  return Number(brut);
}

function lireZone(brut: string | undefined): Zone | undefined {
  if (brut === undefined || brut === "") return undefined;
  const z = brut.toUpperCase();
  if (!(ZONES as readonly string[]).includes(z)) {
    throw new ErreurLogsoc("CODE_INCONNU", `Zone inconnue « ${brut.slice(0, 20)} » : ${ZONES.join(", ")} attendu.`, ["zone"]);
  }
  return z as Zone;
}

/**
 * The barème versions in force on `date`, one per scale (date d'effet and publication), and the day the
 * set starts to apply: every day from that one to `date` has exactly the same set, hence the same
 * workbook. A scale with no version yet that day is part of the key too ("absent").
 */
export function jeuDeVersions(cat: CatalogueBaremes, date: DateISO): { cle: string; debut: DateISO } {
  let debut: DateISO | null = null;
  const parties: string[] = [];
  for (const id of IDS_BAREMES) {
    let v: { dateEffet: DateISO; publieLe?: string } | null = null;
    for (const x of cat.versions(id)) {
      if (x.dateEffet <= date) v = x;
      else break;
    }
    parties.push(v === null ? `${id}:absent` : `${id}:${v.dateEffet}:${v.publieLe ?? ""}`);
    if (v !== null && (debut === null || v.dateEffet > debut)) debut = v.dateEffet;
  }
  return { cle: parties.join("|"), debut: debut ?? date };
}

interface Classeur {
  octets: Uint8Array;
  etag: string;
}

/** The isolate's recent workbooks (a few tens of kilobytes each), oldest dropped first. */
const MEMOIRE = new Map<string, Classeur>();
const MEMOIRE_MAX = 24;

function retenir(cle: string, c: Classeur): void {
  MEMOIRE.delete(cle);
  if (MEMOIRE.size >= MEMOIRE_MAX) MEMOIRE.delete(MEMOIRE.keys().next().value!);
  MEMOIRE.set(cle, c);
}

/** Forgets the isolate's workbooks (tests: to reach the Cache API behind it). */
export function oublierClasseurs(): void {
  MEMOIRE.clear();
}

/** The Cache API of the data centre, when the runtime has one (not on workers.dev, where it stores nothing). */
function cacheDuSite(): Cache | null {
  return typeof caches !== "undefined" && "default" in caches ? (caches as unknown as { default: Cache }).default : null;
}

/** Counts where workbooks came from, for the tests and the benchmark (`X-Logsoc-Cache`). */
export type OrigineClasseur = "memoire" | "cache" | "genere";

async function classeur(c: Context<AppEnv>, type: string, date: DateISO, zone: Zone | undefined, candidats: number | undefined): Promise<Classeur & { origine: OrigineClasseur }> {
  const cat = await catalogue(c.env);
  const jeu = jeuDeVersions(cat, date);
  const cle = await empreinte(new TextEncoder().encode(`${type}|${zone ?? ""}|${candidats ?? ""}|${jeu.cle}`));
  const enMemoire = MEMOIRE.get(cle);
  if (enMemoire) {
    retenir(cle, enMemoire);
    return { ...enMemoire, origine: "memoire" };
  }
  const site = cacheDuSite();
  const requeteCache = new Request(`https://cache.logsoc.invalid/modeles/${cle}`);
  const trouve = site ? await site.match(requeteCache) : undefined;
  if (trouve) {
    const c2 = { octets: new Uint8Array(await trouve.arrayBuffer()), etag: trouve.headers.get("etag") ?? `"${cle}"` };
    retenir(cle, c2);
    return { ...c2, origine: "cache" };
  }
  let octets: Uint8Array;
  try {
    // Built for the first day of the set: the same workbook for every day it covers.
    octets = (await modeleXlsx(type, { date: jeu.debut, catalogue: cat, zone, candidats })).octets;
  } catch (e) {
    // Bad options (candidats out of range, no barème in force that day) are the caller's: a 4xx naming the
    // parameter, with the day asked in the message (the spec alone, rebuilt for it, says which barème lacks).
    return enParametre(() => {
      if (estErreurLogsoc(e)) construireModele(type, { date, catalogue: cat, zone, candidats });
      throw e;
    });
  }
  const nouveau = { octets, etag: `"${await empreinte(octets)}"` };
  retenir(cle, nouveau);
  if (site) {
    const stocke = new Response(octets as Uint8Array<ArrayBuffer>, { headers: { etag: nouveau.etag, "cache-control": `public, max-age=${MAX_AGE_MODELES}` } });
    const ecriture = site.put(requeteCache, stocke);
    let ctx: { waitUntil(p: Promise<unknown>): void } | undefined;
    try {
      ctx = c.executionCtx;
    } catch {
      ctx = undefined; // called without an execution context (a test's app.fetch): wait for the write instead
    }
    if (ctx) ctx.waitUntil(ecriture);
    else await ecriture;
  }
  return { ...nouveau, origine: "genere" };
}

/**
 * GET /v1/modeles/{type}.xlsx?date=&zone=&candidats= — a blank workbook template (DESIGN §6) built with
 * the barèmes in force that day, published versions included. The date is first resolved to the set of
 * versions in force: every date with the same set gets the same workbook, from the isolate's memory or
 * the Cache API, so only the first request of a set pays for building it.
 */
export function routesModeles(app: Application): void {
  declarer(
    app,
    {
      method: "get",
      path: "/v1/modeles/{type}.xlsx",
      operationId: "modeleClasseur",
      tags: ["Modèles"],
      summary: "Modèle de classeur vierge (.xlsx) avec les barèmes en vigueur à une date",
      description:
        "Évaluation économique de la famille, fiche synthétique CALEOL, plan d'apurement ou grille de compétences, en formules natives (Excel 2016+, LibreOffice), avec une feuille « Barèmes » (valeurs, date d'effet, source, statut). Toutes les dates où les mêmes versions de barèmes sont en vigueur reçoivent le même classeur (même ETag), daté du premier jour de cette période.",
      security: PUBLIC,
      request: {
        params: z.object({ type: z.enum(TYPES_MODELES).describe("Le modèle.") }),
        query: z.object({
          date: z.string().optional().describe("AAAA-MM-JJ ; aujourd'hui (heure de Paris) si absente."),
          zone: z.enum(ZONES).optional().describe("Fiche CALEOL : zone du logement."),
          candidats: z.string().optional().describe("Fiche CALEOL : nombre de candidats, de 1 à 3."),
        }),
      },
      responses: {
        "200": {
          description: "Classeur",
          headers: { ...entetesEtag, "Content-Disposition": { description: "Nom de fichier proposé.", schema: { type: "string" } } },
          content: { [TYPE_MIME_XLSX]: { schema: { type: "string", format: "binary" } } },
        },
        "304": nonModifie,
        ...problemes("RESSOURCE_INTROUVABLE", "DATE_INVALIDE", "CODE_INCONNU", "ENTREE_INVALIDE", "HORS_LIMITES", "BAREME_NON_EN_VIGUEUR"),
      },
    },
    async (c) => {
      const fichier = c.req.param("fichier")!;
      const type = fichier.endsWith(".xlsx") ? fichier.slice(0, -".xlsx".length) : "";
      if (!estTypeModele(type)) {
        throw new ApiError("RESSOURCE_INTROUVABLE", `Aucun modèle « ${fichier.slice(0, 60)} » : ${TYPES_MODELES.map((t) => `${t}.xlsx`).join(", ")} attendu.`);
      }
      const date = enParametre(() => {
        const d = c.req.query("date");
        return d === undefined || d === "" ? aujourdhui() : parseDateISO(d, "date");
      });
      const zone = enParametre(() => lireZone(c.req.query("zone")));
      const candidats = enParametre(() => lireCandidats(c.req.query("candidats")));
      const { octets, etag, origine } = await classeur(c, type, date, zone, candidats);
      const entetes = {
        etag,
        "cache-control": `public, max-age=${MAX_AGE_MODELES}`,
        "x-logsoc-cache": origine,
      };
      const inm = c.req.header("if-none-match");
      if (inm !== undefined && (inm.trim() === "*" || inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag))) return c.body(null, 304, entetes);
      return c.body(octets as Uint8Array<ArrayBuffer>, 200, {
        ...entetes,
        "content-type": TYPE_MIME_XLSX,
        "content-disposition": `attachment; filename="${nomFichierModele({ id: type, dateBaremes: date })}"`,
      });
    },
  );
}
