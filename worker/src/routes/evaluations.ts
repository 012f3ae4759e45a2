import type { Hono } from "hono";
import { z } from "zod";
import { aujourdhui, type DateISO } from "../../../shared/date.ts";
import { erreurDepuisZod } from "../../../shared/schemas.ts";
import { EvaluationSchema, evaluerBudget, OPTIONS_ANALYSE } from "../../../shared/evaluation.ts";
import type { AppEnv } from "../env.ts";
import { catalogue } from "../catalogue.ts";
import { jsonPrive, lireCorpsJson } from "../http.ts";
import { ApiError, pointeur } from "../problem.ts";

/** At most this many failing fields are listed: enough to fix a form, never a copy of a huge body. */
const ERREURS_MAX = 20;

/** A whole budget → every indicator, with the method and the barème versions used. Nothing is kept. */
export function routesEvaluations(app: Hono<AppEnv>): void {
  app.post("/v1/evaluations", async (c) => {
    const r = EvaluationSchema.safeParse(await lireCorpsJson(c), OPTIONS_ANALYSE);
    if (!r.success) {
      const premiere = erreurDepuisZod(r.error);
      const erreurs = r.error.issues.slice(0, ERREURS_MAX).map((i) => {
        const chemin = i.code === "unrecognized_keys" ? [...i.path, i.keys[0]!] : i.path;
        return { pointer: pointeur(chemin.map((p) => (typeof p === "number" ? p : String(p)))), detail: erreurDepuisZod(new z.ZodError([i])).message };
      });
      throw new ApiError(premiere.code, premiere.message, erreurs);
    }
    const date = (r.data.date ?? aujourdhui()) as DateISO;
    return jsonPrive(c, evaluerBudget(r.data, date, await catalogue(c.env)));
  });
}
