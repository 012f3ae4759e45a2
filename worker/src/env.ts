/** Bindings the Worker receives (wrangler.toml, secrets, .dev.vars). */
export interface Env {
  /** Published barème versions (append-only table `versions_baremes`). */
  DB: D1Database;
  /** Bearer token that authorises `POST /v1/baremes/{id}/versions`; publishing is refused while unset. */
  LOGSOC_ADMIN_TOKEN?: string;
  /** Comma-separated browser origins allowed besides the Worker's own (the add-in during development). */
  ORIGINES_ADDIN?: string;
}

export type AppEnv = { Bindings: Env };
