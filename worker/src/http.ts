import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors as corsHono } from "hono/cors";
import { etag } from "hono/etag";
import { ApiError } from "./problem.ts";
import type { AppEnv } from "./env.ts";

/** Compute bodies are small (a budget, a few ranges); anything larger is refused before parsing. */
export const TAILLE_MAX_CORPS = 256 * 1024;

const TYPES_ACCEPTES = /^(application\/json|application\/[\w.+-]*\+json|text\/plain)\s*(;|$)/i;

function corpsTropVolumineux(): ApiError {
  return new ApiError("CORPS_TROP_VOLUMINEUX", `Le corps de la requête dépasse ${TAILLE_MAX_CORPS / 1024} Kio.`);
}

/** Hono's body limit: counts the bytes as they stream in, so a body without Content-Length cannot fill memory either. */
export function limiteCorps(): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: TAILLE_MAX_CORPS,
    onError: () => {
      throw corpsTropVolumineux();
    },
  });
}

/**
 * Reads a JSON object body. `text/plain` is accepted so that a browser can send it as a simple CORS
 * request (no preflight); a missing content type is accepted too. The body is never kept nor logged.
 */
export async function lireCorpsJson(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type");
  if (type !== undefined && type.trim() !== "" && !TYPES_ACCEPTES.test(type.trim())) {
    throw new ApiError("TYPE_DE_CONTENU_NON_PRIS_EN_CHARGE", "Envoyez le corps en JSON (Content-Type: application/json ou text/plain).");
  }
  const octets = new Uint8Array(await c.req.arrayBuffer());
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

/** JSON answer that no cache may keep: compute results concern a household. */
export function jsonPrive(c: Context<AppEnv>, corps: unknown, status: 200 | 201 = 200): Response {
  return c.json(corps, status, { "cache-control": "no-store" });
}

/** Public reference data: `Cache-Control`; the ETag and the 304 come from `etagFort` around the route. */
export function jsonPublic(c: Context<AppEnv>, corps: unknown, maxAge: number): Response {
  return c.body(JSON.stringify(corps), 200, { "content-type": "application/json; charset=utf-8", "cache-control": `public, max-age=${maxAge}` });
}

/** SHA-256 of the bytes, 18 bytes in base64url: short, strong, and the same for the same bytes in every isolate. */
export async function empreinte(octets: Uint8Array | ArrayBuffer): Promise<string> {
  const hash = await crypto.subtle.digest("SHA-256", octets);
  let b = "";
  for (const octet of new Uint8Array(hash).subarray(0, 18)) b += String.fromCharCode(octet);
  return btoa(b).replace(/\+/g, "-").replace(/\//g, "_");
}

/**
 * Hono's ETag middleware with a SHA-256 digest: a strong ETag of the exact bytes sent, and a 304 without
 * body when If-None-Match names it (weak comparison, RFC 9110 §13.1.2, so `W/"x"` matches `"x"`).
 */
export function etagFort(): MiddlewareHandler<AppEnv> {
  return etag({
    generateDigest: async (corps) => {
      const hash = await crypto.subtle.digest("SHA-256", corps);
      return hash.slice(0, 18);
    },
  });
}

/**
 * CORS for the add-in (Hono's middleware): simple requests and preflights from the Worker's own origin or
 * one listed in ORIGINES_ADDIN get Access-Control-Allow-Origin; no credentials are ever allowed.
 */
export function cors(): MiddlewareHandler<AppEnv> {
  return corsHono({
    origin: (origine, c) => (origine !== "" && origineAutorisee(origine, c.req.url, (c.env as AppEnv["Bindings"]).ORIGINES_ADDIN) ? origine : null),
    allowMethods: ["GET", "HEAD", "POST", "OPTIONS"],
    allowHeaders: ["Content-Type", "If-None-Match", "Authorization"],
    exposeHeaders: ["ETag", "Content-Type", "Content-Disposition"],
    maxAge: 86_400,
  });
}

export function origineAutorisee(origine: string, url: string, liste: string | undefined): boolean {
  if (origine === new URL(url).origin) return true;
  return (liste ?? "")
    .split(",")
    .map((o) => o.trim())
    .some((o) => o !== "" && o === origine);
}
