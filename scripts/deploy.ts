/**
 * `npm run deploy`: the production deployment, step by step (docs/deploiement.md). Checks first what a
 * first deployment often lacks (database_id, origin), then builds the add-in for the production origin,
 * applies the D1 migrations to the remote database and deploys the Worker with its files.
 *
 * Environment:
 *   LOGSOC_ORIGIN   the Worker's public origin (https://logsoc.<compte>.workers.dev or your domain): written
 *                   into the production manifest (dist/addin/manifest.xml). Required.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { envWrangler, RACINE } from "./start.ts";

function arreter(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function executer(titre: string, commande: string, args: string[], env: NodeJS.ProcessEnv): void {
  process.stdout.write(`\n▶ ${titre}\n`);
  const r = spawnSync(commande, args, { cwd: RACINE, env, stdio: "inherit" });
  if (r.status !== 0) arreter(`Échec de « ${commande} ${args.join(" ")} » (code ${r.status ?? r.signal}) : rien de plus n'a été fait.`);
}

const origine = process.env.LOGSOC_ORIGIN?.trim() ?? "";
if (!/^https:\/\/[^/]+$/.test(origine)) {
  arreter("LOGSOC_ORIGIN manque ou n'est pas une origine https (https://logsoc.<compte>.workers.dev, sans / final) : LOGSOC_ORIGIN=https://… npm run deploy");
}
const config = readFileSync(join(RACINE, "wrangler.toml"), "utf8");
if (/database_id\s*=\s*"0{8}-0{4}-0{4}-0{4}-0{12}"/.test(config)) {
  arreter("wrangler.toml n'a pas encore l'identifiant de la base D1 : npx wrangler d1 create logsoc, puis reportez database_id dans wrangler.toml (docs/deploiement.md, étape 2).");
}
const env = { ...envWrangler(), LOGSOC_ORIGIN: origine };
executer(`Construction du complément pour ${origine}`, "npm", ["run", "build"], env);
executer("Migrations de la base D1 de production", "wrangler", ["d1", "migrations", "apply", "DB", "--remote"], { ...env, CI: "1" });
executer("Déploiement du Worker et des fichiers du complément", "wrangler", ["deploy"], env);
process.stdout.write(`\nLogSoc est déployé : ${origine}/ (accueil et référence de l'API), ${origine}/manifest.xml (manifeste à distribuer).\n`);
