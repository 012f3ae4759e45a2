import type { Context } from "hono";
import type { AppEnv, Env } from "./env.ts";
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
 * While the secret is not configured, or too short to be safe, every token is refused.
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
  if (!jetonAdminUtilisable(c.env)) {
    throw new ApiError("ACCES_REFUSE", "La publication de barèmes est désactivée sur ce service : son jeton d'administration n'est pas configuré ou est trop court (voir les journaux du Worker).", undefined, {
      "www-authenticate": 'Bearer realm="logsoc", error="invalid_token"',
    });
  }
  if (!valide) {
    throw new ApiError("ACCES_REFUSE", "Ce jeton ne permet pas de publier de version de barème.", undefined, {
      "www-authenticate": 'Bearer realm="logsoc", error="invalid_token"',
    });
  }
}

/** Shortest LOGSOC_ADMIN_TOKEN accepted: 32 characters (`openssl rand -hex 32` gives 64). */
export const LONGUEUR_MIN_JETON = 32;

let avertiPour: string | undefined;

/** Whether the configured secret may authorise publishing; a weak one is refused with one log line per isolate (never its value). */
export function jetonAdminUtilisable(env: Env): boolean {
  const secret = env.LOGSOC_ADMIN_TOKEN ?? "";
  if (secret.length >= LONGUEUR_MIN_JETON) return true;
  const empreinte = String(secret.length);
  if (avertiPour !== empreinte) {
    avertiPour = empreinte;
    console.error(
      JSON.stringify({
        niveau: "erreur",
        message:
          secret === ""
            ? "Publication de barèmes désactivée : LOGSOC_ADMIN_TOKEN n'est pas défini (wrangler secret put LOGSOC_ADMIN_TOKEN)."
            : `Publication de barèmes refusée : LOGSOC_ADMIN_TOKEN est trop court (${secret.length} caractères, ${LONGUEUR_MIN_JETON} au moins). Générez-en un avec « openssl rand -hex 32 » puis « wrangler secret put LOGSOC_ADMIN_TOKEN ».`,
      }),
    );
  }
  return false;
}
