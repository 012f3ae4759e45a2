/**
 * `npm start`: builds the add-in if a build script exists, applies the local D1 migrations and runs
 * `wrangler dev` on http://localhost:8787 (PORT overrides), with every call-out of wrangler switched off,
 * so a fresh clone needs neither a Cloudflare account nor the network.
 *
 * wrangler runs in its own process group: killing only its npx process would leave workerd behind,
 * so SIGINT/SIGTERM received here are forwarded to the whole group.
 *
 * Environment:
 *   PORT                      port to listen on (8787)
 *   HTTPS=1                   serve HTTPS (Office requires it to sideload); uses the office-addin-dev-certs
 *                             certificate when installed, wrangler's self-signed one otherwise
 *   LOGSOC_ETAT               directory of the local D1 state (.wrangler/state)
 *   LOGSOC_SANS_CONSTRUCTION=1  skip `npm run build` (the API benchmark and tests do not need the add-in)
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { get as httpGet } from "node:http";
import { get as httpsGet } from "node:https";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const RACINE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(RACINE, "node_modules", ".bin");

/** The variables that keep wrangler from phoning home (metrics, cf request data) and from writing in ~/.config. */
export function envWrangler(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    PATH: `${BIN}:${base.PATH ?? ""}`,
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_HIDE_BANNER: "true",
    XDG_CONFIG_HOME: join(RACINE, ".wrangler", "config"),
    // wrangler dev's local observability keeps every request's trace, full URL included: a token mistakenly
    // put in a publishing request's query string would stay on disk. LogSoc's own log lines suffice locally.
    X_LOCAL_OBSERVABILITY: "false",
  };
}

function etape(titre: string): void {
  process.stdout.write(`\n▶ ${titre}\n`);
}

function executer(commande: string, args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(commande, args, { cwd: RACINE, env, stdio: "inherit" });
  if (r.status !== 0) {
    process.stderr.write(`Échec de « ${commande} ${args.join(" ")} » (code ${r.status ?? r.signal}).\n`);
    process.exit(r.status ?? 1);
  }
}

function certificatsDev(): { cle: string; certificat: string } | null {
  const dossier = join(homedir(), ".office-addin-dev-certs");
  const cle = join(dossier, "localhost.key");
  const certificat = join(dossier, "localhost.crt");
  return existsSync(cle) && existsSync(certificat) ? { cle, certificat } : null;
}

/** One GET; the development certificate may not be trusted by Node, and this only checks that the server answers. */
function repond(url: string): Promise<boolean> {
  return new Promise((ok) => {
    const module = url.startsWith("https:") ? httpsGet : httpGet;
    const req = module(url, { rejectUnauthorized: false, timeout: 2000 }, (r) => {
      r.resume();
      ok(r.statusCode === 200);
    });
    req.on("error", () => ok(false));
    req.on("timeout", () => req.destroy());
  });
}

async function attendrePret(url: string, processus: ChildProcess, delaiMs: number): Promise<boolean> {
  const fin = Date.now() + delaiMs;
  while (Date.now() < fin) {
    if (processus.exitCode !== null || processus.signalCode !== null) return false;
    if (await repond(url)) return true;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return false;
}

function consignesChargement(url: string, https: boolean, port: number): string {
  const local = https && port === 8787;
  return `
LogSoc est servi sur ${url}
  Accueil        ${url}/  (présentation et référence de l'API, lisible dans un navigateur)
  API            ${url}/v1/sante · ${url}/v1/baremes · ${url}/v1/openapi.json
  Volet          ${url}/taskpane.html  (le complément, fichiers de dist/addin)

Charger le complément dans Excel (sideload) avec manifest.xml, qui pointe vers https://localhost:8787 :
  • Excel sur le web : Insertion › Compléments › Mes compléments › Charger mon complément, puis choisir manifest.xml.
  • Excel Windows/Mac : npx office-addin-debugging start manifest.xml desktop
    (ou copier manifest.xml dans un dossier partagé déclaré comme catalogue de compléments approuvé).
${local ? "" : "  Office exige HTTPS sur le port du manifeste : relancez avec HTTPS=1 npm start, sans PORT (8787).\n"}${https ? "  Certificat de développement reconnu par Office : npx office-addin-dev-certs install (une fois).\n" : ""}  (dist/addin/manifest.xml est le manifeste de production, pour le Worker déployé.)

Publier une version de barème en local : mettez LOGSOC_ADMIN_TOKEN=… dans .dev.vars, puis relancez.
Arrêt : Ctrl+C.
`;
}

export async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? "8787");
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`PORT invalide : « ${process.env.PORT} ».\n`);
    process.exit(2);
  }
  const https = process.env.HTTPS === "1" || process.env.HTTPS === "true";
  const etat = process.env.LOGSOC_ETAT ? resolve(process.env.LOGSOC_ETAT) : null;
  const env = envWrangler();
  mkdirSync(env.XDG_CONFIG_HOME!, { recursive: true });

  if (process.env.LOGSOC_SANS_CONSTRUCTION !== "1") {
    etape("Construction du complément (npm run build, s'il existe)");
    executer("npm", ["run", "build", "--if-present"], env);
  }
  // wrangler refuses to start when the assets directory is missing (before the first build).
  mkdirSync(join(RACINE, "dist", "addin"), { recursive: true });

  etape("Migrations D1 locales");
  // CI=1 answers wrangler's confirmation prompt, which would otherwise wait for a keypress.
  executer("wrangler", ["d1", "migrations", "apply", "DB", "--local", ...(etat ? ["--persist-to", etat] : [])], { ...env, CI: "1" });

  etape(`wrangler dev sur le port ${port}`);
  const args = ["dev", "--local", "--port", String(port), "--ip", "localhost", "--show-interactive-dev-session=false", ...(etat ? ["--persist-to", etat] : [])];
  if (https) {
    const certs = certificatsDev();
    args.push("--local-protocol", "https", ...(certs ? ["--https-key-path", certs.cle, "--https-cert-path", certs.certificat] : []));
  }
  // Own process group (detached), stdin closed: a background group reading the terminal would be stopped.
  const wrangler = spawn("wrangler", args, { cwd: RACINE, env, stdio: ["ignore", "inherit", "inherit"], detached: true });

  let arret = false;
  const arreter = () => {
    if (arret || wrangler.pid === undefined) return;
    arret = true;
    try {
      process.kill(-wrangler.pid, "SIGINT");
    } catch {
      return;
    }
    // workerd normally exits within a second; never leave it behind.
    setTimeout(() => {
      try {
        process.kill(-wrangler.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, arreter);

  const url = `${https ? "https" : "http"}://localhost:${port}`;
  if (await attendrePret(`${url}/v1/sante`, wrangler, 120_000)) process.stdout.write(consignesChargement(url, https, port));

  const code = await new Promise<number>((ok) => wrangler.on("exit", (c, s) => ok(c ?? (s ? 0 : 1))));
  // Whatever stopped wrangler, no process of its group survives us.
  try {
    process.kill(-wrangler.pid!, "SIGKILL");
  } catch {
    // group already empty
  }
  process.exit(arret ? 0 : code);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
