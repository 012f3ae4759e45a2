import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { existsSync as existe, readdirSync } from "node:fs";
import { createContext, runInContext, runInNewContext } from "node:vm";
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
    // The second script, fetched on demand, is named with its hash too (Office caches it as hard).
    const outils = /<meta name="logsoc-outils" content="(outils\.js)\?v=[0-9a-f]{10}">/.exec(html);
    expect(outils?.[1] !== undefined && existe(join(dossier, outils[1]))).toBe(true);
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    // No inline script (the Content-Security-Policy refuses them): the « navigateur trop ancien » notice is the style sheet's.
    expect(html.match(/<script\b[^>]*>/g)!.every((t) => /\bsrc="/.test(t))).toBe(true);
    expect(html).toContain('id="navigateur-ancien"');
  });

  it("keeps the task pane's JavaScript under 150 KB gzipped", () => {
    expect(resultat.tailles.map((t) => t.fichier.split("/").at(-1))).toEqual(["taskpane.js", "outils.js", "functions.js"]);
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

/**
 * The oldest webview the README lists as supported: Safari 14 (WKWebView of Excel 2021 for Mac and of
 * Microsoft 365 on macOS 10.15). Its JavaScript is ES2021 without the later additions checked below.
 * Every script the build emits is checked, whatever its name.
 */
describe("bundles for Safari 14", () => {
  type Noeud = { type: string; [k: string]: unknown };
  function noeuds(racine: Noeud): Noeud[] {
    const tous: Noeud[] = [];
    const pile: unknown[] = [racine];
    while (pile.length > 0) {
      const n = pile.pop();
      if (Array.isArray(n)) pile.push(...n);
      else if (n !== null && typeof n === "object" && typeof (n as Noeud).type === "string") {
        tous.push(n as Noeud);
        for (const [cle, v] of Object.entries(n)) if (cle !== "type" && typeof v === "object") pile.push(v);
      }
    }
    return tous;
  }

  /** Regex syntax Safari 14 cannot compile: lookbehind (16.4), the d (15) and v (17) flags. */
  function regexTropRecente(motif: string, drapeaux: string): boolean {
    return /\(\?<[=!]/.test(motif) || /[dv]/.test(drapeaux);
  }

  it("the build emits these scripts, each checked below", () => {
    expect(readdirSync(dossier).filter((f) => f.endsWith(".js")).sort()).toEqual(["functions.js", "outils.js", "taskpane.js"]);
  });

  for (const fichier of ["functions.js", "taskpane.js", "outils.js"]) {
    it(`${fichier}: ES2021 syntax only, no regular expression Safari 14 cannot compile`, async () => {
      const { parse } = await import("acorn");
      // ES2022 syntax (class fields and static blocks, private #names, top-level await…) does not parse as ES2021.
      const ast = parse(lire(fichier), { ecmaVersion: 2021, sourceType: "script" }) as unknown as Noeud;
      const fautifs: string[] = [];
      for (const n of noeuds(ast)) {
        const regex = n.regex as { pattern: string; flags: string } | undefined;
        if (regex !== undefined && regexTropRecente(regex.pattern, regex.flags)) fautifs.push(`/${regex.pattern}/${regex.flags}`);
        const appel = (n.type === "CallExpression" || n.type === "NewExpression") && (n.callee as Noeud).type === "Identifier" && (n.callee as { name: string }).name === "RegExp";
        if (appel) {
          const [motif, drapeaux] = n.arguments as Noeud[];
          const texte = (a: Noeud | undefined) =>
            a === undefined ? "" : a.type === "Literal" ? String(a.value) : a.type === "TemplateLiteral" ? (a.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join("") : "";
          if (regexTropRecente(texte(motif), texte(drapeaux))) fautifs.push(`RegExp(${texte(motif)})`);
        }
      }
      expect(fautifs).toEqual([]);
    });
  }

  /** A JavaScript context with only what Safari 14 has: the later built-ins removed, lookbehind refused. */
  function contexteSafari14(associees: Record<string, (...a: unknown[]) => unknown>) {
    const CustomFunctions = { associate: (id: string, f: (...a: unknown[]) => unknown) => (associees[id] = f), Error: class {} };
    const contexte = createContext({ CustomFunctions, URL });
    runInContext(
      `delete Object.hasOwn; delete Array.prototype.at; delete String.prototype.at; delete Array.prototype.findLast;
       delete Array.prototype.findLastIndex; delete Array.prototype.toSorted; delete Array.prototype.toReversed;
       delete Array.prototype.with; delete Object.groupBy; delete Promise.withResolvers; delete globalThis.structuredClone;
       RegExp = new Proxy(RegExp, { construct(cible, args) {
         if (/\\(\\?<[=!]/.test(String(args[0]))) throw new SyntaxError("Invalid regular expression: invalid group specifier name");
         return Reflect.construct(cible, args);
       }, apply(cible, ceci, args) {
         if (/\\(\\?<[=!]/.test(String(args[0]))) throw new SyntaxError("Invalid regular expression: invalid group specifier name");
         return Reflect.apply(cible, ceci, args);
       } });`,
      contexte,
    );
    return contexte;
  }

  function executerSafari14(fichier: string): Record<string, (...a: unknown[]) => unknown> {
    const associees: Record<string, (...a: unknown[]) => unknown> = {};
    runInContext(lire(fichier), contexteSafari14(associees));
    return associees;
  }

  it("functions.js registers and computes without Object.hasOwn, .at() and later built-ins", () => {
    const f = executerSafari14("functions.js");
    expect(Object.keys(f)).toHaveLength(9);
    expect(f.TAUX_EFFORT!([[650]], [[120]], [[280]], [[1800]])).toBe(0.2722);
    // BAREME walks the barème's keys (Object.hasOwn in the engine): SMIC horaire brut au 01/12/2024, 11,88 €.
    expect(f.BAREME!("smic", "2024-12-01", null)).toBe(11.88);
    expect((f.PLAN_APUREMENT!([[1000]], null, [[3]], null, null) as unknown[][]).at(-1)).toEqual([3, "", 333.32, "", "", 0]);
  });

  it("taskpane.js loads there too (its module-level regular expressions compile) and registers the functions", () => {
    expect(Object.keys(executerSafari14("taskpane.js"))).toHaveLength(9);
  });

  it("outils.js loads after taskpane.js there and hands the pane its features", () => {
    const contexte = contexteSafari14({});
    runInContext(lire("taskpane.js"), contexte);
    runInContext(lire("outils.js"), contexte);
    const outils = runInContext("LogsocOutils", contexte) as Record<string, unknown>;
    expect(Object.keys(outils).sort()).toEqual(["construireModele", "controlerClasseur", "expliquerSelection", "insererExercice", "insererModele"]);
    const construire = outils.construireModele as (t: string, o: object) => { feuilles: unknown[] };
    expect(construire("evaluation", { date: "2025-01-15" }).feuilles.length).toBeGreaterThan(0);
    // A refusal is an ErreurLogsoc that taskpane.js's copy of the class recognises (the pane shows its message).
    expect(runInContext(`(() => { try { LogsocOutils.construireModele("inconnu", { date: "2025-01-15" }); } catch (e) { return e.name + " " + e.code; } })()`, contexte)).toBe("ErreurLogsoc CODE_INCONNU");
  });
});
