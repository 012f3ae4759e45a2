import type { Handler } from "hono";
import { OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "./env.ts";
import { definitionProbleme, ProblemeSchema, type CodeProbleme } from "./problem.ts";

/**
 * Routes are declared once, with @hono/zod-openapi: each declaration registers the route with Hono and
 * its description in the OpenAPI registry, so /v1/openapi.json is generated from the routes themselves.
 * Bodies and answers are described by the zod schemas the engine validates with (converted by zod's own
 * JSON Schema generator, draft 2020-12, OpenAPI 3.1's dialect); request validation stays with the engine,
 * whose French messages and codes the API answers with.
 */

export type Application = OpenAPIHono<AppEnv>;

export const TAGS = [
  { name: "Calculs", description: "Calculs sans état : les fonctions Excel LOGSOC, par le même code. Rien n'est conservé ni journalisé." },
  { name: "Barèmes", description: "Barèmes datés et sourcés ; versions publiées après la livraison, corrections et retraits (temps de connaissance)." },
  { name: "Modèles", description: "Modèles de classeur .xlsx en formules natives, avec les barèmes en vigueur à une date." },
  { name: "Référentiel", description: "Référentiel de compétences RS 3474." },
  { name: "Service", description: "État du service et description de l'API." },
] as const;

export type Tag = (typeof TAGS)[number]["name"];

/** A route of the API: its OpenAPI description, and the Hono handler(s). Path parameters are written `{id}` as in OpenAPI. */
export function declarer(app: Application, route: RouteConfig & { tags: Tag[] }, ...handlers: Handler<AppEnv>[]): void {
  app.openAPIRegistry.registerPath(route);
  const chemin = route.path.replace(/\{(\w+)\}\.xlsx$/, ":fichier").replace(/\{(\w+)\}/g, ":$1");
  app.on([route.method.toUpperCase()], [chemin], ...(handlers as [Handler<AppEnv>]));
}

/** Components whose JSON Schema is computed when the document is first asked for, never at start-up. */
const A_GENERER = new WeakMap<Application, (() => void)[]>();

/** A component registered now and computed on first use of the document (`generer`); returns its $ref. */
export function composantDiffere(app: Application, nom: string, generer: () => Record<string, unknown>): { $ref: string } {
  const place: Record<string, unknown> = {};
  app.openAPIRegistry.registerComponent("schemas", nom, place);
  A_GENERER.set(app, [...(A_GENERER.get(app) ?? []), () => Object.assign(place, generer())]);
  return { $ref: `#/components/schemas/${nom}` };
}

/** A JSON Schema of the engine's zod schema, registered as a component; returns its $ref. */
export function composant(app: Application, nom: string, schema: z.ZodType, io: "input" | "output"): { $ref: string } {
  return composantDiffere(app, nom, () => {
    const { $schema: _, ...js } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
    return js;
  });
}

export function enregistrerComposantsCommuns(app: Application): void {
  composant(app, "Probleme", ProblemeSchema, "output");
  app.openAPIRegistry.registerComponent("securitySchemes", "jetonAdmin", {
    type: "http",
    scheme: "bearer",
    description: "Secret LOGSOC_ADMIN_TOKEN du Worker (32 caractères au moins), dans l'en-tête Authorization, jamais dans l'adresse.",
  });
}

/** The problem answers of an operation, grouped by status, each listing its codes. */
export function problemes(...codes: CodeProbleme[]): NonNullable<RouteConfig["responses"]> {
  const parStatut = new Map<number, CodeProbleme[]>();
  for (const code of codes) {
    const { status } = definitionProbleme(code);
    parStatut.set(status, [...(parStatut.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...parStatut].map(([status, cs]) => [
      String(status),
      {
        description: cs.map((c) => `${c} : ${definitionProbleme(c).titre}`).join(" ; "),
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Probleme" } } },
      },
    ]),
  );
}

export const entetesEtag = {
  ETag: { description: "Empreinte forte de la représentation (If-None-Match → 304).", schema: { type: "string" as const } },
  "Cache-Control": { description: "Durée de mise en cache.", schema: { type: "string" as const } },
};

export const nonModifie = { description: "Non modifié : la représentation du client (If-None-Match) est à jour." };

export const PUBLIC: RouteConfig["security"] = [];

/** Generated from the routes' declarations; `origine` is the server the document describes. */
export function documentOpenApi(app: Application, origine: string): Record<string, unknown> {
  for (const generer of A_GENERER.get(app) ?? []) generer();
  A_GENERER.delete(app);
  return app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "API LogSoc",
      version: "1",
      description:
        "Barèmes sourcés et datés, référentiel de compétences et calculs budgétaires (reste à vivre, taux d'effort, plan d'apurement, capacité de remboursement…) pour les conseillers sociaux du logement social. Les erreurs suivent la RFC 9457 (application/problem+json), avec les champs fautifs.",
      license: { name: "LogSoc : tous droits réservés", url: `${origine}/#licence` },
      contact: { name: "Équipe LogSoc", url: `${origine}/` },
    },
    servers: [{ url: origine, description: "Ce service" }],
    tags: TAGS.map((t) => ({ ...t })),
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
  } as Parameters<Application["getOpenAPI31Document"]>[0]) as unknown as Record<string, unknown>;
}
