import type { Hono } from "hono";
import { evaluerObjet } from "../../../shared/fonctions/registre.ts";
import type { AppEnv } from "../env.ts";
import { jsonPrive, lireCorpsJson } from "../http.ts";
import { ApiError } from "../problem.ts";
import { resultatJson, valeursBrutes } from "../resultat.ts";
import { catalogue } from "../catalogue.ts";

/** URL slug → LOGSOC function (DESIGN §5.1, §5.3). */
export const CALCULS = {
  "reste-a-vivre": "RESTE_A_VIVRE",
  "taux-effort": "TAUX_EFFORT",
  "plan-apurement": "PLAN_APUREMENT",
  "capacite-remboursement": "CAPACITE_REMBOURSEMENT",
} as const;

export type SlugCalcul = keyof typeof CALCULS;

/** The computations that read barèmes: they see the versions published in D1, the others need no query. */
const AVEC_BAREMES: ReadonlySet<SlugCalcul> = new Set(["capacite-remboursement"]);

function estSlug(s: string): s is SlugCalcul {
  return Object.hasOwn(CALCULS, s);
}

/**
 * Stateless compute: the body's keys are the Excel argument names, the answer is `{"resultat": …}`.
 * The engine's registry does the coercion and validation, exactly as for a custom function.
 */
export function routesCalculs(app: Hono<AppEnv>): void {
  app.post("/v1/calculs/:nom", async (c) => {
    const nom = c.req.param("nom");
    if (!estSlug(nom)) {
      throw new ApiError("RESSOURCE_INTROUVABLE", `Calcul inconnu « ${nom.slice(0, 60)} ». Calculs disponibles : ${Object.keys(CALCULS).join(", ")}.`);
    }
    const corps = valeursBrutes(await lireCorpsJson(c));
    const ctx = AVEC_BAREMES.has(nom) ? { baremes: await catalogue(c.env) } : {};
    return jsonPrive(c, { resultat: resultatJson(evaluerObjet(CALCULS[nom], corps, ctx)) });
  });
}
