import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./env.ts";
import { egauxEnTempsConstant } from "./auth.ts";
import { ApiError } from "./problem.ts";

/** Where office.js comes from: Microsoft's CDN (the npm copy is unsupported). */
export const ORIGINE_OFFICE_JS = "https://appsforoffice.microsoft.com";

/**
 * Headers on every answer (API, landing page, add-in files): a Content-Security-Policy that lets Office
 * load office.js from its CDN and everything else from this origin only, no inline script; no MIME
 * sniffing; no referrer sent to other origins. No X-Frame-Options nor frame-ancestors: Office shows the
 * task pane in a frame of its own origin. Cross-origin isolation headers are left out: the add-in reads
 * the API with CORS during development, and Office opens dialogs with window.open.
 */
export function entetesSecurite(): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ORIGINE_OFFICE_JS],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
    xContentTypeOptions: "nosniff",
    referrerPolicy: "strict-origin-when-cross-origin",
    xFrameOptions: false,
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    originAgentCluster: false,
  });
}

/** Query parameters a client might put a token in. */
const NOMS_JETON = /^(token|jeton|access_token|auth|authorization|bearer|api_?key|secret|logsoc_admin_token|admin_token)$/i;

/**
 * A token in the URL ends up in proxies' logs, browser history and Referer headers: the request is refused
 * (401) before anything else, and nothing of it is logged. A parameter named like a token is refused, and
 * so is any value equal to the configured secret, whatever its name.
 */
export function jetonHorsUrl(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    const debut = url.indexOf("?");
    if (debut >= 0 && debut < url.length - 1) {
      const secret = c.env.LOGSOC_ADMIN_TOKEN ?? "";
      for (const [nom, valeur] of new URLSearchParams(url.slice(debut + 1))) {
        if (NOMS_JETON.test(nom) || (secret !== "" && valeur.length === secret.length && (await egauxEnTempsConstant(valeur, secret)))) {
          throw new ApiError(
            "AUTHENTIFICATION_REQUISE",
            "Un jeton ne se passe jamais dans l'adresse (elle reste dans les journaux et l'historique) : envoyez-le dans l'en-tête « Authorization: Bearer <jeton> ». Considérez ce jeton comme divulgué et changez-le.",
            [{ parametre: nom.slice(0, 40), detail: "Jeton refusé dans l'adresse." }],
            { "www-authenticate": 'Bearer realm="logsoc"' },
          );
        }
      }
    }
    await next();
  };
}
