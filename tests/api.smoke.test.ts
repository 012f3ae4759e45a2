// Smoke test over real HTTP: `npm start` exactly as a user runs it (build, local D1 migrations,
// wrangler dev), on a free port and a throw-away D1 state, then stopped by its process group.
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portLibre } from "../scripts/portLibre.ts";

const RACINE = resolve(import.meta.dirname, "..");
const ASSETS = join(RACINE, "dist", "addin");
const JETON = `smoke-${process.pid}-${Date.now()}`;
const FICHIER_TEMOIN = `temoin-${JETON}.txt`;
const LEURRE = join(ASSETS, "v1", "sante");

/** Polls until `predicat` holds; a deadline only bounds the wait, the assertions come after. */
async function attendre(predicat: () => Promise<boolean>, delaiMs: number): Promise<void> {
  const fin = Date.now() + delaiMs;
  while (Date.now() < fin) {
    if (await predicat().catch(() => false)) return;
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

/** wrangler and workerd command lines that mention the test's port. */
function processusDuPort(): string[] {
  return execFileSync("ps", ["-eo", "args"])
    .toString()
    .split("\n")
    .filter((l) => /wrangler|workerd/.test(l) && (l.includes(`--port ${port}`) || l.includes(`=localhost:${port}`)));
}

let serveur: ChildProcess;
let base: string;
let sortie = "";
let etat: string;
let port: number;

beforeAll(async () => {
  port = await portLibre();
  base = `http://localhost:${port}`;
  etat = mkdtempSync(join(tmpdir(), "logsoc-smoke-"));
  serveur = spawn("npm", ["start"], {
    cwd: RACINE,
    env: { ...process.env, PORT: String(port), LOGSOC_ETAT: etat },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, stopped as a whole below
  });
  serveur.stdout!.on("data", (d: Buffer) => (sortie += d.toString()));
  serveur.stderr!.on("data", (d: Buffer) => (sortie += d.toString()));
  await attendre(async () => sortie.includes("LogSoc est servi sur"), 240_000);
}, 300_000);

afterAll(async () => {
  if (serveur?.pid !== undefined && serveur.exitCode === null && serveur.signalCode === null) {
    const fini = new Promise((ok) => serveur.once("exit", ok));
    process.kill(-serveur.pid, "SIGINT");
    await fini;
  }
  rmSync(join(ASSETS, FICHIER_TEMOIN), { force: true });
  rmSync(LEURRE, { force: true });
  try {
    rmdirSync(join(ASSETS, "v1")); // only if the test's decoy was all it held
  } catch {
    // not empty or already gone
  }
  rmSync(etat, { recursive: true, force: true });
}, 60_000);

describe("npm start (wrangler dev, HTTP réel)", () => {
  it("affiche l'URL et la marche à suivre pour charger le complément", () => {
    expect(sortie).toContain(`LogSoc est servi sur ${base}`);
    expect(sortie).toContain("Charger le complément dans Excel");
    // The landing page (API reference) and the task pane, as addresses a reader can open.
    expect(sortie).toContain(`Accueil        ${base}/ `);
    expect(sortie).toContain(`Volet          ${base}/taskpane.html`);
  });

  it("GET / : la page d'accueil en français, avec sa CSP", async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-security-policy")).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(await r.text()).toContain("Référence de l'API");
  });

  it("GET /v1/sante → 200", async () => {
    const r = await fetch(`${base}/v1/sante`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ statut: "ok" });
  });

  it("POST /v1/calculs/taux-effort : (650 + 120 − 280) / 1800 = 0,27222… → 0,2722", async () => {
    const r = await fetch(`${base}/v1/calculs/taux-effort`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ loyer: 650, charges: 120, aide_logement: 280, ressources: 1800 }),
    });
    expect(await r.json()).toEqual({ resultat: 0.2722, statut: "officiel" }) // no barème read: officiel (DESIGN §7);
  });

  it("barème RSA au 15/06/2025 : 646,52 € (décret n° 2025-293), ETag puis 304", async () => {
    const r = await fetch(`${base}/v1/baremes/rsa_montant_forfaitaire?date=2025-06-15`);
    expect(((await r.json()) as { version: { valeurs: { montant: number } } }).version.valeurs.montant).toBe(646.52);
    const etag = r.headers.get("etag")!;
    const r304 = await fetch(`${base}/v1/baremes/rsa_montant_forfaitaire?date=2025-06-15`, { headers: { "if-none-match": etag } });
    expect(r304.status).toBe(304);
  });

  it("le complément construit par npm start (npm run build) est servi tel quel", async () => {
    const r = await fetch(`${base}/taskpane.html`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(readFileSync(join(ASSETS, "taskpane.html"), "utf8"));
  });

  it("erreur au format problem+json (RFC 9457), en français", async () => {
    const r = await fetch(`${base}/v1/calculs/plan-apurement`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(((await r.json()) as { title: string }).title).toBe("Le corps de la requête n'est pas un JSON valide");
  });

  it("sert les fichiers de dist/addin depuis la même origine, mais /v1/* reste à l'API (run_worker_first)", async () => {
    expect(existsSync(LEURRE)).toBe(false);
    mkdirSync(join(ASSETS, "v1"), { recursive: true });
    writeFileSync(LEURRE, "fichier statique qui ne doit jamais masquer l'API");
    writeFileSync(join(ASSETS, FICHIER_TEMOIN), JETON);
    // wrangler dev reloads the assets when the directory changes.
    await attendre(async () => (await (await fetch(`${base}/${FICHIER_TEMOIN}`)).text()) === JETON, 60_000);
    const r = await fetch(`${base}/${FICHIER_TEMOIN}`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(JETON);
    const api = await fetch(`${base}/v1/sante`);
    expect(await api.json()).toEqual({ statut: "ok" });
  });

  it("un chemin inconnu hors /v1 retombe sur le Worker : 404 problem+json", async () => {
    const r = await fetch(`${base}/pas-de-fichier-${JETON}.js`);
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("Ctrl+C sur le groupe de processus arrête wrangler et workerd", async () => {
    const fini = new Promise<number | null>((ok) => serveur.once("exit", (code) => ok(code)));
    process.kill(-serveur.pid!, "SIGINT");
    await fini;
    // scripts/start.ts kills what is left of wrangler's process group before exiting.
    await attendre(async () => processusDuPort().length === 0, 10_000);
    expect(processusDuPort()).toEqual([]);
    await expect(fetch(`${base}/v1/sante`)).rejects.toThrow();
  });
});
