import { Hono } from "hono";
import { estErreurLogsoc } from "../../shared/errors.ts";
import type { AppEnv } from "./env.ts";
import { cors } from "./http.ts";
import { ApiError, depuisErreurLogsoc, reponseProbleme } from "./problem.ts";
import { routesSante } from "./routes/sante.ts";
import { routesCalculs } from "./routes/calculs.ts";
import { routesCompetences } from "./routes/competences.ts";
import { routesBaremes } from "./routes/baremes.ts";
import { routesEvaluations } from "./routes/evaluations.ts";
import { routesOpenApi } from "./routes/openapi.ts";
import { routesModeles } from "./routes/modeles.ts";

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

/** A short random id shown in a 500 answer and in its log line, so the two can be matched. */
function nouvelIncident(): string {
  return crypto.randomUUID();
}

/**
 * Unexpected failure: the log line carries the error's class and stack frames, never its message
 * (which may quote input), nor the URL's query string, the headers or the body.
 */
function journaliserErreurInterne(e: unknown, incident: string, methode: string, route: string): void {
  const nom = e instanceof Error ? e.name : typeof e;
  const pile = e instanceof Error && typeof e.stack === "string" ? e.stack.split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 8).map((l) => l.trim()) : [];
  console.error(JSON.stringify({ niveau: "erreur", message: "erreur interne", incident, methode, route, erreur: nom, pile }));
}

export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", cors());

  routesSante(app);
  routesCompetences(app);
  routesCalculs(app);
  routesEvaluations(app);
  routesOpenApi(app);
  routesBaremes(app);
  routesModeles(app);

  for (const [chemin, methodes] of METHODES) {
    app.all(chemin, (c) => {
      throw new ApiError("METHODE_NON_AUTORISEE", `La méthode ${c.req.method} n'est pas acceptée ici ; méthodes acceptées : ${methodes.join(", ")}.`, undefined, {
        allow: methodes.join(", "),
      });
    });
  }

  app.notFound((c) => reponseProbleme(c, new ApiError("RESSOURCE_INTROUVABLE", `Aucune ressource à l'adresse ${new URL(c.req.url).pathname.slice(0, 200)}.`)));

  app.onError((e, c) => {
    if (e instanceof ApiError) return reponseProbleme(c, e);
    if (estErreurLogsoc(e)) return reponseProbleme(c, depuisErreurLogsoc(e));
    const incident = nouvelIncident();
    journaliserErreurInterne(e, incident, c.req.method, c.req.routePath);
    return reponseProbleme(
      c,
      new ApiError("ERREUR_INTERNE", "Le service a rencontré une erreur inattendue. Réessayez ; si l'erreur persiste, signalez-la avec le numéro d'incident."),
      incident,
    );
  });

  return app;
}
