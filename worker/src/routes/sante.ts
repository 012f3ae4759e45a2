import type { Hono } from "hono";
import type { AppEnv } from "../env.ts";

/** Liveness, and the baseline the API benchmark compares every route with. */
export function routesSante(app: Hono<AppEnv>): void {
  app.get("/v1/sante", (c) => c.json({ statut: "ok" }, 200, { "cache-control": "no-store" }));
}
