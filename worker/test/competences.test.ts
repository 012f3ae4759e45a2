import { describe, expect, it } from "vitest";
import { appeler, probleme } from "./outils.ts";

interface ReferentielRecu {
  domaines: { id: string; intitule: string; activites: { id: string; numero: number; intitule: string; competences: { id: string; libelle: string }[] }[] }[];
}

describe("GET /v1/competences", () => {
  it("sert le référentiel RS 3474 au format de DESIGN §5.2 : 4 domaines, activités numérotées 1 à 24", async () => {
    const r = await appeler("/v1/competences");
    expect(r.status).toBe(200);
    const corps = (await r.json()) as ReferentielRecu;
    expect(corps.domaines.map((d) => d.id)).toEqual(["D1", "D2", "D3", "D4"]);
    const activites = corps.domaines.flatMap((d) => d.activites);
    expect(activites.map((a) => a.numero)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(Object.keys(activites[0]!)).toEqual(["id", "numero", "intitule", "competences"]);
    expect(Object.keys(activites[0]!.competences[0]!)).toEqual(["id", "libelle"]);
  });

  it("ETag fort, Cache-Control public ; If-None-Match identique (ou faible, ou *) → 304 sans corps", async () => {
    const r = await appeler("/v1/competences");
    const etag = r.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/); // strong: no W/ prefix
    expect(r.headers.get("cache-control")).toBe("public, max-age=86400");
    for (const inm of [etag, `W/${etag}`, `"autre", ${etag}`, "*"]) {
      const r304 = await appeler("/v1/competences", { headers: { "if-none-match": inm } });
      expect(r304.status).toBe(304);
      expect(r304.headers.get("etag")).toBe(etag);
      expect(await r304.text()).toBe("");
    }
    const r200 = await appeler("/v1/competences", { headers: { "if-none-match": '"perime"' } });
    expect(r200.status).toBe(200);
  });

  it("CORS : l'origine du complément reçoit Access-Control-Allow-Origin, une autre non", async () => {
    const ok = await appeler("/v1/competences", { headers: { origin: "https://localhost:8787" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://localhost:8787");
    expect(ok.headers.get("vary")).toContain("Origin");
    const meme = await appeler("/v1/competences", { headers: { origin: "http://logsoc.test" } });
    expect(meme.headers.get("access-control-allow-origin")).toBe("http://logsoc.test");
    const autre = await appeler("/v1/competences", { headers: { origin: "https://exemple.invalid" } });
    expect(autre.headers.get("access-control-allow-origin")).toBeNull();
    expect(autre.status).toBe(200);
  });

  it("les erreurs aussi portent l'en-tête CORS, pour que le complément lise le message français", async () => {
    const r = await appeler("/v1/baremes/inconnu", { headers: { origin: "https://localhost:8787" } });
    await probleme(r, 404, "BAREME_INCONNU");
    expect(r.headers.get("access-control-allow-origin")).toBe("https://localhost:8787");
  });

  it("pré-vol CORS d'une origine autorisée → 204 avec méthodes et en-têtes", async () => {
    const r = await appeler("/v1/calculs/taux-effort", {
      method: "OPTIONS",
      headers: { origin: "https://localhost:8787", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get("access-control-allow-origin")).toBe("https://localhost:8787");
    expect(r.headers.get("access-control-allow-methods")).toContain("POST");
    expect(r.headers.get("access-control-allow-headers")).toContain("Content-Type");
    expect(r.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("HEAD répond comme GET, sans corps ; POST → 405", async () => {
    const h = await appeler("/v1/competences", { method: "HEAD" });
    expect(h.status).toBe(200);
    expect(h.headers.get("etag")).toMatch(/^"/);
    const p = await appeler("/v1/competences", { method: "POST", body: "{}" });
    await probleme(p, 405, "METHODE_NON_AUTORISEE");
    expect(p.headers.get("allow")).toBe("GET, HEAD");
  });
});
