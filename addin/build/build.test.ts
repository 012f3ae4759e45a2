import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITE_GZIP, RACINE, construire } from "./build.ts";
import { origines } from "./manifeste.ts";

const dossier = mkdtempSync(join(tmpdir(), "logsoc-build-"));
let resultat: Awaited<ReturnType<typeof construire>>;

beforeAll(async () => {
  resultat = await construire("https://logsoc.exemple.fr", dossier);
}, 120_000);
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

const lire = (f: string) => readFileSync(join(dossier, f), "utf8");

/** Runs a bundle in a JavaScript context without a page: no document, no localStorage, only the language and URL. */
function executerSansDom(fichier: string): Record<string, (...a: unknown[]) => unknown> {
  const associees: Record<string, (...a: unknown[]) => unknown> = {};
  class ErreurExcel {
    code: string;
    message?: string;
    constructor(code: string, message?: string) {
      this.code = code;
      this.message = message;
    }
  }
  const CustomFunctions = { associate: (id: string, f: (...a: unknown[]) => unknown) => (associees[id] = f), Error: ErreurExcel };
  runInNewContext(lire(fichier), { CustomFunctions, URL });
  return associees;
}

describe("npm run build", () => {
  it("writes every file the production manifest points to, all on the production origin", () => {
    const manifeste = lire("manifest.xml");
    expect(origines(manifeste)).toEqual(["https://logsoc.exemple.fr"]);
    const chemins = [...manifeste.matchAll(/"https:\/\/logsoc\.exemple\.fr(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(new Set(chemins)).toEqual(new Set(["/taskpane.html", "/functions.js", "/functions.json", "/aide.html", "/assets/icon-16.png", "/assets/icon-32.png", "/assets/icon-64.png", "/assets/icon-80.png"]));
    for (const c of chemins) expect(existsSync(join(dossier, c)), c).toBe(true);
  });

  it("ships the reviewed functions.json", () => {
    expect(lire("functions.json")).toBe(readFileSync(join(RACINE, "addin", "functions", "functions.attendu.json"), "utf8"));
  });

  it("has the page load its bundle and stylesheet by content hash, office.js from Microsoft's CDN", () => {
    const html = lire("taskpane.html");
    // Registration first: the bundle is a classic (neither module nor deferred) script, the first one after office.js.
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!.trim());
    expect(scripts.slice(0, 2)).toEqual(['src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"', expect.stringMatching(/^src="taskpane\.js\?v=[0-9a-f]{10}"$/)]);
    expect(html).toMatch(/href="taskpane\.css\?v=[0-9a-f]{10}"/);
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    // No inline script (the Content-Security-Policy refuses them): the « navigateur trop ancien » notice is the style sheet's.
    expect(html.match(/<script\b[^>]*>/g)!.every((t) => /\bsrc="/.test(t))).toBe(true);
    expect(html).toContain('id="navigateur-ancien"');
  });

  it("keeps the task pane's JavaScript under 150 KB gzipped", () => {
    expect(resultat.tailles.map((t) => t.fichier.split("/").at(-1))).toEqual(["taskpane.js", "functions.js"]);
    expect(resultat.totalGzip).toBe(resultat.tailles[0]!.gzip);
    expect(resultat.totalGzip).toBeLessThanOrEqual(LIMITE_GZIP);
  });

  it("registers all nine functions from functions.js without a page (no DOM, no localStorage), and they compute", () => {
    const f = executerSansDom("functions.js");
    expect(Object.keys(f)).toEqual(["RESTE_A_VIVRE", "TAUX_EFFORT", "PLAN_APUREMENT", "UNITES_CONSOMMATION", "RSA_FORFAITAIRE", "QUOTITE_SAISISSABLE", "CAPACITE_REMBOURSEMENT", "PLAFOND_RESSOURCES", "BAREME"]);
    expect(f.TAUX_EFFORT!([[650]], [[120]], [[280]], [[1800]])).toBe(0.2722);
    expect(f.BAREME!("smic", "2024-12-01", null)).toBe(11.88);
  });

  it("registers them from taskpane.js too, the shared runtime's bundle, which leaves the UI alone without a page", () => {
    expect(Object.keys(executerSansDom("taskpane.js"))).toHaveLength(9);
  });
});
