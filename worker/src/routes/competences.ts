import type { Hono } from "hono";
import { referentielPublic } from "../../../shared/referentiel/index.ts";
import type { AppEnv } from "../env.ts";
import { jsonPublic } from "../http.ts";

/** The referential only changes with a release: a day of caching, revalidated by ETag. */
export const MAX_AGE_COMPETENCES = 86_400;

const REFERENTIEL_PUBLIC = referentielPublic();

export function routesCompetences(app: Hono<AppEnv>): void {
  app.get("/v1/competences", (c) => jsonPublic(c, REFERENTIEL_PUBLIC, MAX_AGE_COMPETENCES));
}
