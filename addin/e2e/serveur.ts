/**
 * Test fixture: the add-in built into a temporary folder, served with the API by `wrangler dev` (the local
 * Worker, as `npm start` runs it) on a free port, with a throw-away D1 state and a publishing token; and a
 * headless Chromium (Debian's, never a downloaded build) on a fresh profile.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { construire } from "../build/build.ts";
import { envWrangler } from "../../scripts/start.ts";
import { portLibre } from "../../scripts/portLibre.ts";

export const RACINE = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const WRANGLER = join(RACINE, "node_modules", ".bin", "wrangler");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Polls until `predicat` holds or the deadline passes; callers assert afterwards. */
export async function attendre(predicat: () => Promise<boolean>, delaiMs: number): Promise<boolean> {
  const fin = Date.now() + delaiMs;
  while (Date.now() < fin) {
    if (await predicat().catch(() => false)) return true;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  return false;
}

export interface ServeurLocal {
  base: string;
  jeton: string;
  journal(): string;
  arreter(): Promise<void>;
}

export async function demarrerServeur(): Promise<ServeurLocal> {
  const dossier = mkdtempSync(join(tmpdir(), "logsoc-volet-"));
  const assets = join(dossier, "addin");
  const etat = join(dossier, "etat");
  await construire("https://logsoc.exemple.fr", assets);
  // CI=1 answers the migrations prompt, which would otherwise wait for a keypress.
  const env = { ...envWrangler(), CI: "1" };
  const migrations = spawnSync(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", etat], { cwd: RACINE, env, encoding: "utf8" });
  if (migrations.status !== 0) throw new Error(`migrations D1 : ${migrations.stderr}`);

  const port = await portLibre();
  const jeton = `jeton-volet-${process.pid}-0123456789abcdef`;
  const args = ["dev", "--local", "--port", String(port), "--ip", "localhost", "--persist-to", etat, "--assets", assets, "--var", `LOGSOC_ADMIN_TOKEN:${jeton}`, "--show-interactive-dev-session=false"];
  // Own process group, so stopping it also stops workerd.
  const wrangler: ChildProcess = spawn(WRANGLER, args, { cwd: RACINE, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let journal = "";
  wrangler.stdout!.on("data", (d: Buffer) => (journal += d.toString()));
  wrangler.stderr!.on("data", (d: Buffer) => (journal += d.toString()));
  const base = `http://localhost:${port}`;
  const pret = await attendre(async () => (await fetch(`${base}/v1/sante`)).ok && (await fetch(`${base}/taskpane.html`)).ok, 180_000);

  const arreter = async () => {
    if (wrangler.pid !== undefined && wrangler.exitCode === null && wrangler.signalCode === null) {
      const fini = new Promise((ok) => wrangler.once("exit", ok));
      try {
        process.kill(-wrangler.pid, "SIGINT");
      } catch {
        // already gone
      }
      await fini;
    }
    rmSync(dossier, { recursive: true, force: true });
  };
  if (!pret) {
    await arreter();
    throw new Error(`wrangler dev n'a pas démarré :\n${journal}`);
  }
  return { base, jeton, journal: () => journal, arreter };
}

/** `locale`: the browser's language and formats (an adviser's Excel may run in English). */
export async function lancerChromium(locale = "fr-FR"): Promise<{ contexte: BrowserContext; fermer(): Promise<void> }> {
  const profil = mkdtempSync(join(tmpdir(), "logsoc-chromium-"));
  const contexte = await chromium.launchPersistentContext(profil, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    timezoneId: "Europe/Paris",
    args: [`--lang=${locale}`, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  return {
    contexte,
    async fermer() {
      await contexte.close();
      rmSync(profil, { recursive: true, force: true });
    },
  };
}
