import { OpenAPIHono } from "@hono/zod-openapi";
import { estErreurLogsoc } from "../../shared/errors.ts";
import { FONCTIONS } from "../../shared/fonctions/registre.ts";
import type { DefinitionFonction } from "../../shared/fonctions/types.ts";
import type { AppEnv } from "./env.ts";
import { cors, limiteCorps } from "./http.ts";
import { ApiError, depuisErreurLogsoc, depuisZod, reponseProbleme } from "./problem.ts";
import { entetesSecurite, jetonHorsUrl } from "./securite.ts";
import { enregistrerComposantsCommuns, type Application } from "./openapi.ts";
import { routesSante } from "./routes/sante.ts";
import { routesCalculs } from "./routes/calculs.ts";
import { routesCompetences } from "./routes/competences.ts";
import { routesBaremes } from "./routes/baremes.ts";
import { routesEvaluations } from "./routes/evaluations.ts";
import { routesOpenApi } from "./routes/openapi.ts";
import { routesModeles } from "./routes/modeles.ts";
import { routesAccueil } from "./routes/accueil.ts";

/** Every route of the API with the methods it answers; any other method gets a 405 problem. */
const METHODES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["/v1/sante", ["GET", "HEAD"]],
  ["/v1/competences", ["GET", "HEAD"]],
  ["/v1/calculs/:nom", ["POST"]],
  ["/v1/evaluations", ["POST"]],
  ["/v1/openapi.json", ["GET", "HEAD"]],
  ["/v1/baremes", ["GET", "HEAD"]],
  ["/v1/baremes/:id", ["GET", "HEAD"]],
  ["/v1/baremes/:id/versions", ["GET", "HEAD", "POST"]],
  ["/v1/modeles/:fichier", ["GET", "HEAD"]],
];

/**
 * Unexpected failure: the log line carries the error's class and stack frames, never its message
 * (which may quote input), nor the URL's query string, the headers or the body.
 */
function journaliserErreurInterne(e: unknown, incident: string, methode: string, route: string): void {
  const nom = e instanceof Error ? e.name : typeof e;
  const pile = e instanceof Error && typeof e.stack === "string" ? e.stack.split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 8).map((l) => l.trim()) : [];
  console.error(JSON.stringify({ niveau: "erreur", message: "erreur interne", incident, methode, route, erreur: nom, pile }));
}

/**
 * The Worker's application. `fonctions`: the registry whose functions get a compute route (a test passes
 * a fixture registry). Nothing heavy runs here: JSON Schemas, the OpenAPI document, the landing page and
 * workbooks are all built on first request.
 */
export function createApp(fonctions: readonly DefinitionFonction[] = FONCTIONS): Application {
  const app: Application = new OpenAPIHono<AppEnv>({
    defaultHook: (r) => {
      if (!r.success) throw depuisZod(r.error, r.target === "json" ? "corps" : "parametre");
    },
  });
  app.use("*", entetesSecurite());
  app.use("*", jetonHorsUrl());
  app.use("*", cors());
  app.on("POST", "/v1/*", limiteCorps());
  enregistrerComposantsCommuns(app);

  routesSante(app);
  routesCompetences(app);
  routesCalculs(app, fonctions);
  routesEvaluations(app);
  routesOpenApi(app);
  routesBaremes(app);
  routesModeles(app);
  routesAccueil(app);

  for (const [chemin, methodes] of METHODES) {
    app.all(chemin, (c) => {
      throw new ApiError("METHODE_NON_AUTORISEE", `La méthode ${c.req.method} n'est pas acceptée ici ; méthodes acceptées : ${methodes.join(", ")}.`, undefined, {
        allow: methodes.join(", "),
      });
    });
  }

  // Outside /v1 and the landing page: the add-in's files, through the Worker so that they carry its headers.
  app.notFound(async (c) => {
    const chemin = new URL(c.req.url).pathname;
    if (!chemin.startsWith("/v1/") && c.env.ASSETS && (c.req.method === "GET" || c.req.method === "HEAD")) {
      const r = await c.env.ASSETS.fetch(c.req.raw);
      if (r.status !== 404) return new Response(r.body, r);
    }
    return reponseProbleme(c, new ApiError("RESSOURCE_INTROUVABLE", `Aucune ressource à l'adresse ${chemin.slice(0, 200)}.`));
  });

  app.onError((e, c) => {
    if (e instanceof ApiError) return reponseProbleme(c, e);
    if (estErreurLogsoc(e)) return reponseProbleme(c, depuisErreurLogsoc(e));
    const incident = crypto.randomUUID();
    journaliserErreurInterne(e, incident, c.req.method, c.req.routePath);
    return reponseProbleme(
      c,
      new ApiError("ERREUR_INTERNE", "Le service a rencontré une erreur inattendue. Réessayez ; si l'erreur persiste, signalez-la avec le numéro d'incident."),
      incident,
    );
  });

  return app;
}
