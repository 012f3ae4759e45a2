import { z } from "zod";
import { declarer, problemes, PUBLIC, composant, type Application } from "../openapi.ts";

/** Liveness, and the baseline the API benchmark compares every route with. */
export function routesSante(app: Application): void {
  const schema = composant(app, "Sante", z.object({ statut: z.literal("ok") }), "output");
  declarer(
    app,
    {
      method: "get",
      path: "/v1/sante",
      operationId: "sante",
      tags: ["Service"],
      summary: "État du service",
      security: PUBLIC,
      responses: { "200": { description: "En service", content: { "application/json": { schema } } }, ...problemes("METHODE_NON_AUTORISEE") },
    },
    (c) => c.json({ statut: "ok" }, 200, { "cache-control": "no-store" }),
  );
}
