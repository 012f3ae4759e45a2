import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../worker/src/app.ts";

const RACINE = resolve(import.meta.dirname, "../..");
const BIN = join(RACINE, "node_modules", ".bin");
const dossier = mkdtempSync(join(tmpdir(), "logsoc-deploiement-"));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

/** Workers refuse a bundle over 3 MB gzipped on the free plan; LogSoc keeps a margin: 1 MB. */
const TAILLE_MAX_GZIP = 1024 * 1024;
/** Cloudflare's limit for parsing and running a Worker's global scope is 1 s of CPU. */
const DEMARRAGE_MAX_MS = 1000;

describe("prêt à déployer : wrangler deploy --dry-run", () => {
  it(`le paquet du Worker fait moins de 1 Mo compressé, et son démarrage ne génère rien de lourd`, async () => {
    mkdirSync(join(RACINE, "dist", "addin"), { recursive: true });
    const sortie = join(dossier, "paquet");
    const env = {
      ...process.env,
      PATH: `${BIN}:${process.env.PATH ?? ""}`,
      WRANGLER_SEND_METRICS: "false",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      XDG_CONFIG_HOME: join(RACINE, ".wrangler", "config"),
    };
    await promisify(execFile)(join(BIN, "wrangler"), ["deploy", "--dry-run", "--outdir", sortie], { cwd: RACINE, env, timeout: 120_000 });
    const paquet = readFileSync(join(sortie, "index.js"));
    const gzip = gzipSync(paquet).byteLength;
    console.log(`paquet du Worker : ${(paquet.byteLength / 1024).toFixed(0)} Kio, ${(gzip / 1024).toFixed(0)} Kio compressé (gzip)`);
    expect(gzip).toBeLessThan(TAILLE_MAX_GZIP);

    // The bundle's global scope, run in a fresh Node process: CPU time of the import, then of a first request.
    const sonde = join(dossier, "sonde.mjs");
    writeFileSync(
      sonde,
      `const a = process.cpuUsage();
const m = await import(${JSON.stringify(join(sortie, "index.js"))});
const b = process.cpuUsage(a);
const r = await m.default.fetch(new Request("https://logsoc.test/v1/sante"), {});
console.log(JSON.stringify({ demarrageMs: (b.user + b.system) / 1000, statut: r.status }));`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [sonde], { timeout: 60_000 });
    const { demarrageMs, statut } = JSON.parse(stdout.trim().split("\n").at(-1)!) as { demarrageMs: number; statut: number };
    console.log(`démarrage du paquet (analyse + portée globale) : ${demarrageMs.toFixed(0)} ms de CPU`);
    expect(statut).toBe(200);
    expect(demarrageMs).toBeLessThan(DEMARRAGE_MAX_MS);
  }, 180_000);

  it("createApp() ne génère rien : les schémas JSON de l'OpenAPI ne sont calculés qu'à la première demande du document", async () => {
    const app = createApp();
    const composants = app.openAPIRegistry.definitions.filter((d) => d.type === "component" && d.componentType === "schemas") as { name: string; component: object }[];
    expect(composants.length).toBeGreaterThan(10);
    expect(composants.every((d) => Object.keys(d.component).length === 0)).toBe(true);
    await app.request("https://logsoc.test/v1/openapi.json", {}, {} as never);
    expect(composants.every((d) => Object.keys(d.component).length > 0)).toBe(true);
  });
});
