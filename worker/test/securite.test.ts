import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app.ts";
import { LONGUEUR_MIN_JETON } from "../src/auth.ts";
import { appeler, BASE, poster, probleme } from "./outils.ts";

const JETON = "jeton-de-test-0123456789abcdef-0123456789";

let journal: string[];
beforeEach(() => {
  journal = [];
  for (const m of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      journal.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
  }
});
afterEach(() => vi.restoreAllMocks());

function verifierEntetes(r: Response): void {
  const csp = r.headers.get("content-security-policy") ?? "";
  // Office loads office.js from its CDN; everything else comes from this origin; no inline script.
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("frame-ancestors"); // Office frames the task pane
  expect(r.headers.get("x-content-type-options")).toBe("nosniff");
  expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(r.headers.get("x-frame-options")).toBeNull();
}

/** An ASSETS binding standing in for dist/addin: the task pane page, a script, nothing else. */
const ASSETS = {
  async fetch(requete: Request | string): Promise<Response> {
    const chemin = new URL(typeof requete === "string" ? requete : requete.url).pathname;
    if (chemin === "/taskpane.html") return new Response("<!doctype html><title>LogSoc</title>", { headers: { "content-type": "text/html" } });
    if (chemin === "/taskpane.js") return new Response("console.log(1)", { headers: { "content-type": "text/javascript" } });
    return new Response("absent", { status: 404 });
  },
} as unknown as Fetcher;

describe("en-têtes de sécurité sur toutes les réponses", () => {
  it("JSON, problème, page d'accueil HTML, feuille de style", async () => {
    for (const chemin of ["/v1/sante", "/v1/baremes/smic?date=2025-06-01", "/v1/baremes/inconnu", "/", "/accueil.css"]) {
      const r = await appeler(chemin);
      verifierEntetes(r);
    }
    const accueil = await appeler("/");
    expect(accueil.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("fichiers du complément (ASSETS) : page HTML et script portent les mêmes en-têtes ; fichier absent → 404 problem", async () => {
    const app = createApp();
    for (const chemin of ["/taskpane.html", "/taskpane.js"]) {
      const r = await app.fetch(new Request(`${BASE}${chemin}`), { ...env, ASSETS });
      expect(r.status, chemin).toBe(200);
      verifierEntetes(r);
    }
    const absent = await app.fetch(new Request(`${BASE}/rien.js`), { ...env, ASSETS });
    await probleme(absent, 404, "RESSOURCE_INTROUVABLE");
    verifierEntetes(absent);
    // /v1/* never reaches the files, even with a file of that name.
    expect((await app.fetch(new Request(`${BASE}/v1/sante`), { ...env, ASSETS })).headers.get("content-type")).toMatch(/json/);
  });
});

describe("jeton d'administration", () => {
  it("un jeton dans la chaîne de requête → 401, rien n'est écrit ni journalisé", async () => {
    const n = (await env.DB.prepare("SELECT COUNT(*) AS n FROM publications_baremes").first<{ n: number }>())!.n;
    for (const requete of [`?token=${JETON}`, `?jeton=${JETON}`, `?access_token=abc`, `?x=${JETON}`]) {
      const r = await poster(`/v1/baremes/smic/versions${requete}`, { publiePar: "X", retire: true, remplace: "2026-01-01", motif: "x" }, { authorization: `Bearer ${JETON}` });
      const p = await probleme(r, 401, "AUTHENTIFICATION_REQUISE");
      expect(p.instance).toBe("/v1/baremes/smic/versions");
      expect(JSON.stringify(p)).not.toContain(JETON);
    }
    // Also on a read: the URL would keep the secret just the same.
    await probleme(await appeler(`/v1/baremes?jeton=${JETON}`), 401, "AUTHENTIFICATION_REQUISE");
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM publications_baremes").first<{ n: number }>())!.n).toBe(n);
    expect(journal.join("\n")).not.toContain(JETON);
    expect(journal.join("\n")).not.toContain("abc");
  });

  it(`LOGSOC_ADMIN_TOKEN de moins de ${LONGUEUR_MIN_JETON} caractères : publication refusée (403), une ligne de journal claire sans le jeton`, async () => {
    const faible = "court-123";
    const app = createApp();
    const publier = () =>
      app.fetch(new Request(`${BASE}/v1/baremes/smic/versions`, { method: "POST", headers: { authorization: `Bearer ${faible}`, "content-type": "application/json" }, body: "{}" }), { ...env, LOGSOC_ADMIN_TOKEN: faible });
    const p = await probleme(await publier(), 403, "ACCES_REFUSE");
    expect(p.detail).toContain("désactivée");
    await publier();
    expect(journal).toHaveLength(1); // once per isolate, not per request
    expect(journal[0]).toContain(`trop court (9 caractères, ${LONGUEUR_MIN_JETON} au moins)`);
    expect(journal[0]).toContain("openssl rand -hex 32");
    expect(journal[0]).not.toContain(faible);
  });
});

describe("page d'accueil", () => {
  it("en français, sans script ni CDN tiers, liens vers le volet, le manifeste et l'OpenAPI, chaque opération décrite", async () => {
    const r = await appeler("/");
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/style=/i);
    for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) expect(m[1], m[1]).toMatch(/^\/|^#/);
    for (const lien of ['href="/taskpane.html"', 'href="/manifest.xml"', 'href="/v1/openapi.json"', 'href="/accueil.css"']) expect(html).toContain(lien);
    const doc = (await (await appeler("/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    for (const ops of Object.values(doc.paths)) for (const op of Object.values(ops)) expect(html).toContain(`id="${op.operationId}"`);
    expect(html).toContain("Référence de l'API");
    expect(r.headers.get("etag")).toMatch(/^"/);
  });
});
