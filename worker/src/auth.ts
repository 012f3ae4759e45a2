import type { Context } from "hono";
import type { AppEnv } from "./env.ts";
import { ApiError } from "./problem.ts";

const encodeur = new TextEncoder();

async function condense(s: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", encodeur.encode(s));
}

/**
 * Compares two secrets in constant time: both are hashed first, so the comparison runs on two
 * 32-byte digests whatever the lengths, and timingSafeEqual never returns early.
 */
export async function egauxEnTempsConstant(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([condense(a), condense(b)]);
  return crypto.subtle.timingSafeEqual(ha, hb);
}

/**
 * Publishing requires `Authorization: Bearer <LOGSOC_ADMIN_TOKEN>`: none → 401, wrong → 403.
 * While the secret is not configured, every token is refused.
 */
export async function exigerJetonAdmin(c: Context<AppEnv>): Promise<void> {
  const entete = c.req.header("authorization");
  const m = entete === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(entete);
  if (m === null) {
    throw new ApiError(
      "AUTHENTIFICATION_REQUISE",
      "Publier une version de barème exige un jeton : en-tête « Authorization: Bearer <jeton> ».",
      undefined,
      { "www-authenticate": 'Bearer realm="logsoc"' },
    );
  }
  const secret = c.env.LOGSOC_ADMIN_TOKEN ?? "";
  const valide = await egauxEnTempsConstant(m[1]!, secret);
  if (!valide || secret === "") {
    throw new ApiError("ACCES_REFUSE", "Ce jeton ne permet pas de publier de version de barème.", undefined, {
      "www-authenticate": 'Bearer realm="logsoc", error="invalid_token"',
    });
  }
}
