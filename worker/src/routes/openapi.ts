import { etagFort, jsonPublic } from "../http.ts";
import { declarer, documentOpenApi, entetesEtag, nonModifie, problemes, PUBLIC, type Application } from "../openapi.ts";

export function routesOpenApi(app: Application): void {
  /** One document per origin it is served from (its `servers`); built on first request. */
  const DOCUMENTS = new Map<string, Record<string, unknown>>();
  app.use("/v1/openapi.json", etagFort());
  declarer(
    app,
    {
      method: "get",
      path: "/v1/openapi.json",
      operationId: "openapi",
      tags: ["Service"],
      summary: "Cette description OpenAPI 3.1, générée des déclarations de routes",
      security: PUBLIC,
      responses: {
        "200": { description: "Description OpenAPI", headers: entetesEtag, content: { "application/json": { schema: { type: "object" } } } },
        "304": nonModifie,
        ...problemes("METHODE_NON_AUTORISEE"),
      },
    },
    (c) => {
      const origine = new URL(c.req.url).origin;
      let doc = DOCUMENTS.get(origine);
      if (doc === undefined) {
        doc = documentOpenApi(app, origine);
        if (DOCUMENTS.size < 8) DOCUMENTS.set(origine, doc);
      }
      return jsonPublic(c, doc, 3600);
    },
  );
}
