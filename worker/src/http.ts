import type { Context, MiddlewareHandler } from "hono";
import { ApiError } from "./problem.ts";
import type { AppEnv } from "./env.ts";

/** Compute bodies are small (a budget, a few ranges); anything larger is refused before parsing. */
export const TAILLE_MAX_CORPS = 256 * 1024;

const TYPES_ACCEPTES = /^(application\/json|application\/[\w.+-]*\+json|text\/plain)\s*(;|$)/i;

/**
 * Reads a JSON object body. `text/plain` is accepted so that a browser can send it as a simple CORS
 * request (no preflight); a missing content type is accepted too. The body is never kept nor logged.
 */
export async function lireCorpsJson(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type");
  if (type !== undefined && type.trim() !== "" && !TYPES_ACCEPTES.test(type.trim())) {
    throw new ApiError("TYPE_DE_CONTENU_NON_PRIS_EN_CHARGE", "Envoyez le corps en JSON (Content-Type: application/json ou text/plain).");
  }
  const annonce = Number(c.req.header("content-length") ?? "0");
  if (annonce > TAILLE_MAX_CORPS) throw corpsTropVolumineux();
  const octets = await lireAuPlus(c.req.raw.body, TAILLE_MAX_CORPS);
  let texte: string;
  try {
    texte = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(octets);
  } catch {
    throw new ApiError("JSON_INVALIDE", "Le corps de la requête n'est pas du texte UTF-8 valide.");
  }
  if (texte.trim() === "") throw new ApiError("JSON_INVALIDE", "Le corps de la requête est vide : un objet JSON est attendu.");
  let valeur: unknown;
  try {
    valeur = JSON.parse(texte);
  } catch {
    // The parser's own message quotes the input: it is deliberately not passed on.
    throw new ApiError("JSON_INVALIDE", "Le corps de la requête n'est pas un JSON valide.");
  }
  if (typeof valeur !== "object" || valeur === null || Array.isArray(valeur)) {
    throw new ApiError("JSON_INVALIDE", "Le corps de la requête doit être un objet JSON ({ … }).", [{ pointer: "", detail: "Un objet JSON est attendu." }]);
  }
  return valeur as Record<string, unknown>;
}

/** Reads a body chunk by chunk and stops as soon as it exceeds `max` bytes: a body without Content-Length cannot fill memory. */
async function lireAuPlus(flux: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (flux === null) return new Uint8Array(0);
  const morceaux: Uint8Array[] = [];
  let total = 0;
  const lecteur = flux.getReader();
  for (;;) {
    const { done, value } = await lecteur.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await lecteur.cancel();
      throw corpsTropVolumineux();
    }
    morceaux.push(value);
  }
  const octets = new Uint8Array(total);
  let position = 0;
  for (const m of morceaux) {
    octets.set(m, position);
    position += m.byteLength;
  }
  return octets;
}

function corpsTropVolumineux(): ApiError {
  return new ApiError("CORPS_TROP_VOLUMINEUX", `Le corps de la requête dépasse ${TAILLE_MAX_CORPS / 1024} Kio.`);
}

/** JSON answer that no cache may keep: compute results concern a household. */
export function jsonPrive(c: Context<AppEnv>, corps: unknown, status: 200 | 201 = 200): Response {
  return c.json(corps, status, { "cache-control": "no-store" });
}

async function empreinte(texte: string): Promise<string> {
  const hash = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(texte));
  let b = "";
  for (const octet of new Uint8Array(hash).subarray(0, 18)) b += String.fromCharCode(octet);
  return btoa(b).replace(/\+/g, "-").replace(/\//g, "_");
}

/** Reference representations are few and repeat: their ETags are remembered (bounded, oldest dropped first). */
const ETAGS = new Map<string, string>();
const ETAGS_MAX = 256;

async function etagDe(texte: string): Promise<string> {
  const connu = ETAGS.get(texte);
  if (connu !== undefined) return connu;
  const etag = `"${await empreinte(texte)}"`;
  if (ETAGS.size >= ETAGS_MAX) ETAGS.delete(ETAGS.keys().next().value!);
  ETAGS.set(texte, etag);
  return etag;
}

/** RFC 9110 §13.1.2: If-None-Match uses the weak comparison, so `W/"x"` (what a compressing proxy sends back) matches `"x"`. */
export function correspond(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === opaque;
  });
}

/**
 * Public reference data: a strong ETag computed from the exact bytes sent, `Cache-Control`, and a
 * 304 without body when the client already has this representation.
 */
export async function jsonPublic(c: Context<AppEnv>, corps: unknown, maxAge: number): Promise<Response> {
  const texte = JSON.stringify(corps);
  const etag = await etagDe(texte);
  const entetes = { etag, "cache-control": `public, max-age=${maxAge}` };
  if (correspond(c.req.header("if-none-match"), etag)) return c.body(null, 304, entetes);
  return c.body(texte, 200, { ...entetes, "content-type": "application/json; charset=utf-8" });
}

/**
 * CORS for the add-in: simple requests (GET, or POST with a text/plain body) get
 * Access-Control-Allow-Origin when the origin is the Worker's own or listed in ORIGINES_ADDIN;
 * preflights get the methods and headers the API uses. No credentials are ever allowed.
 */
export function cors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origine = c.req.header("origin");
    const autorisee = origine !== undefined && origineAutorisee(origine, c.req.url, c.env.ORIGINES_ADDIN);
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method") !== undefined) {
      const entetes: Record<string, string> = { vary: "Origin", "cache-control": "public, max-age=86400" };
      if (autorisee) {
        entetes["access-control-allow-origin"] = origine;
        entetes["access-control-allow-methods"] = "GET, HEAD, POST, OPTIONS";
        entetes["access-control-allow-headers"] = "Content-Type, If-None-Match";
        entetes["access-control-max-age"] = "86400";
      }
      return c.body(null, 204, entetes);
    }
    await next();
    c.res.headers.append("vary", "Origin");
    if (autorisee) {
      c.res.headers.set("access-control-allow-origin", origine);
      c.res.headers.set("access-control-expose-headers", "ETag, Content-Type");
    }
  };
}

export function origineAutorisee(origine: string, url: string, liste: string | undefined): boolean {
  if (origine === new URL(url).origin) return true;
  return (liste ?? "")
    .split(",")
    .map((o) => o.trim())
    .some((o) => o !== "" && o === origine);
}
