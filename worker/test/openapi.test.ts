import { describe, expect, it } from "vitest";
import { appeler } from "./outils.ts";
import { FONCTIONS } from "../../shared/fonctions/registre.ts";
import { TYPES_RESSOURCE } from "../../shared/evaluation.ts";
import { IDS_BAREMES } from "../../shared/baremes/index.ts";
import { slugCalcul } from "../src/routes/calculs.ts";
import { CODES_PROBLEME } from "../src/problem.ts";

type Json = Record<string, unknown>;

async function document(): Promise<Json> {
  const r = await appeler("/v1/openapi.json");
  expect(r.status).toBe(200);
  return (await r.json()) as Json;
}

function refs(x: unknown, acc: string[] = []): string[] {
  if (Array.isArray(x)) x.forEach((y) => refs(y, acc));
  else if (x !== null && typeof x === "object") {
    for (const [k, v] of Object.entries(x)) {
      if (k === "$ref" && typeof v === "string") acc.push(v);
      else refs(v, acc);
    }
  }
  return acc;
}

describe("GET /v1/openapi.json", () => {
  it("OpenAPI 3.1, avec ETag, décrit toutes les routes", async () => {
    const r = await appeler("/v1/openapi.json");
    expect(r.headers.get("etag")).toMatch(/^"/);
    const doc = (await r.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.entries(doc.paths).flatMap(([chemin, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${chemin}`));
    expect(operations.sort()).toEqual(
      [
        "GET /v1/baremes",
        "GET /v1/baremes/{id}",
        "GET /v1/baremes/{id}/versions",
        "POST /v1/baremes/{id}/versions",
        "GET /v1/competences",
        "GET /v1/modeles/{type}.xlsx",
        "POST /v1/evaluations",
        "GET /v1/openapi.json",
        "GET /v1/sante",
        ...FONCTIONS.map((f) => `POST /v1/calculs/${slugCalcul(f.nom)}`),
      ].sort(),
    );
  });

  it("le corps de chaque calcul a pour propriétés les noms d'arguments de la fonction Excel, générés du schéma zod du moteur", async () => {
    const schemas = ((await document()).components as { schemas: Record<string, { properties: Json; required?: string[] }> }).schemas;
    for (const f of FONCTIONS) {
      const nom = f.nom;
      const s = schemas[`Arguments_${nom}`]!;
      expect(Object.keys(s.properties).sort()).toEqual(f.arguments.map((a) => a.nom).sort());
      expect((s.required ?? []).sort()).toEqual(f.arguments.filter((a) => !a.optionnel).map((a) => a.nom).sort());
    }
    // Bounds come from the engine: a plan has at most 600 instalments.
    expect((schemas.Arguments_PLAN_APUREMENT!.properties.duree as { anyOf: unknown[] }).anyOf[0]).toMatchObject({ type: "integer", minimum: 1, maximum: 600 });
  });

  it("budget, problème et publication : types et codes du moteur", async () => {
    const schemas = ((await document()).components as { schemas: Record<string, Json> }).schemas;
    const evaluation = schemas.Evaluation as { required: string[]; properties: { ressources: { items: { properties: { type: { enum: string[] } } } } } };
    expect(evaluation.required.sort()).toEqual(["charges", "foyer", "ressources"]);
    expect(evaluation.properties.ressources.items.properties.type.enum).toEqual([...TYPES_RESSOURCE]);
    const probleme = schemas.Probleme as { properties: { code: { enum: string[] } } };
    expect(probleme.properties.code.enum).toEqual([...CODES_PROBLEME]);
    const publication = schemas.Publication as { properties: { version: { anyOf: unknown[] } } };
    expect(publication.properties.version.anyOf).toHaveLength(IDS_BAREMES.length);
  });

  it("calculs : statut et ?expliquer=1 (étapes) documentés ; barèmes : connu_le et historique", async () => {
    const doc = (await document()) as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>; components: { schemas: Record<string, { properties: Json }> } };
    const taux = doc.paths["/v1/calculs/taux-effort"]!.post!;
    expect(taux.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(["query:expliquer"]);
    expect(Object.keys(doc.components.schemas.ResultatCalcul!.properties).sort()).toEqual(["etapes", "resultat", "statut"]);
    for (const chemin of ["/v1/baremes", "/v1/baremes/{id}", "/v1/baremes/{id}/versions"]) {
      expect(doc.paths[chemin]!.get!.parameters?.some((p) => p.name === "connu_le"), chemin).toBe(true);
    }
    expect(Object.keys(doc.components.schemas)).toContain("HistoriqueBareme");
  });

  it("chaque $ref désigne un schéma présent", async () => {
    const doc = await document();
    const schemas = (doc.components as { schemas: Json }).schemas;
    const cibles = [...new Set(refs(doc.paths))];
    expect(cibles.length).toBeGreaterThan(5);
    for (const c of cibles) expect(Object.keys(schemas)).toContain(c.replace("#/components/schemas/", ""));
  });
});
