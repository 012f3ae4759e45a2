import { referentielPublic } from "../../../shared/referentiel/index.ts";
import { ReferentielSchema } from "../../../shared/referentiel/schema.ts";
import { etagFort, jsonPublic } from "../http.ts";
import { composant, declarer, entetesEtag, nonModifie, problemes, PUBLIC, type Application } from "../openapi.ts";

/** The referential only changes with a release: a day of caching, revalidated by ETag. */
export const MAX_AGE_COMPETENCES = 86_400;

// Built on first request, not at start-up.
let referentiel: ReturnType<typeof referentielPublic> | undefined;

export function routesCompetences(app: Application): void {
  const schema = composant(app, "Referentiel", ReferentielSchema, "output");
  app.use("/v1/competences", etagFort());
  declarer(
    app,
    {
      method: "get",
      path: "/v1/competences",
      operationId: "competences",
      tags: ["Référentiel"],
      summary: "Référentiel de compétences RS 3474 (Accompagnement social des habitants)",
      security: PUBLIC,
      responses: { "200": { description: "Référentiel", headers: entetesEtag, content: { "application/json": { schema } } }, "304": nonModifie, ...problemes("METHODE_NON_AUTORISEE") },
    },
    (c) => jsonPublic(c, (referentiel ??= referentielPublic()), MAX_AGE_COMPETENCES),
  );
}
