/** Bindings the Worker receives (wrangler.toml, secrets, .dev.vars). */
export interface Env {
  /** Barème publications after release (append-only table `publications_baremes`). */
  DB: D1Database;
  /** Bearer token that authorises `POST /v1/baremes/{id}/versions`; publishing is refused while unset or shorter than 32 characters. */
  LOGSOC_ADMIN_TOKEN?: string;
  /** Comma-separated browser origins allowed besides the Worker's own (the add-in during development). */
  ORIGINES_ADDIN?: string;
  /** The built add-in (dist/addin), served through the Worker so that its answers carry the security headers. */
  ASSETS?: Fetcher;
}

export type AppEnv = { Bindings: Env };
