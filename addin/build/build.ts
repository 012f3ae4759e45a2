/**
 * `npm run build`: writes dist/addin, everything the Worker serves for the add-in:
 *   functions.json   custom-function metadata generated from the JSDoc (fails on any generator error)
 *   taskpane.js      the shared-runtime page's one bundle, a classic script right after office.js: registers the
 *                    custom functions first, then runs the task pane once the page is read
 *   outils.js        the pane's second classic script (templates, audit, exercises, explanations), fetched on the
 *                    first click that needs it (addin/taskpane/chargeurOutils.ts); named with its hash in the page
 *   functions.js     the custom functions alone (classic script), for the manifest's CustomFunctions <Script>
 *   taskpane.html, taskpane.css, aide.html, assets/*.png
 *   manifest.xml     the production manifest: every https://localhost:8787 URL rewritten to LOGSOC_ORIGIN
 *   _headers         CORS headers of these files for Office's origins (Workers static assets apply it)
 * and prints the gzipped size of the JavaScript the task pane loads when it opens (taskpane.js), failing above
 * 150 KB (office.js, loaded from Microsoft's CDN, excluded; outils.js, loaded on demand, reported).
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { FONCTIONS } from "#shared/fonctions/registre.ts";
import { pageAide } from "./aide.ts";
import { fichierEntetes } from "./entetes.ts";
import { genererMetadonnees } from "./metadonnees.ts";
import { ORIGINE_PRODUCTION_PAR_DEFAUT, manifesteProduction } from "./manifeste.ts";
import { empreinteMetadonnees, lireVersions } from "./versions.ts";

export const RACINE = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SORTIE = join(RACINE, "dist", "addin");
const ADDIN = join(RACINE, "addin");
/** Task-pane JavaScript budget, gzipped, office.js excluded. */
export const LIMITE_GZIP = 150 * 1024;
/** Office webviews: WebView2 (Chromium), WKWebView on Mac (Safari 14+). Older ones get the HTML's message. */
const CIBLE = ["es2020", "chrome90", "safari14"];

async function paquet(sortie: string, entree: string, nomGlobal: string, fichier: string): Promise<void> {
  await build({
    configFile: false,
    root: RACINE,
    logLevel: "warn",
    publicDir: false,
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      outDir: sortie,
      emptyOutDir: false,
      target: CIBLE,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: join(ADDIN, entree), formats: ["iife"], name: nomGlobal, fileName: () => fichier },
    },
  });
}

function ko(octets: number): string {
  return `${(octets / 1024).toFixed(1).replace(".", ",")} Ko`;
}

function empreinteCourte(contenu: Buffer | string): string {
  return createHash("sha256").update(contenu).digest("hex").slice(0, 10);
}

export interface Taille {
  fichier: string;
  brut: number;
  gzip: number;
}

export function tailleGzip(chemin: string): Taille {
  const contenu = readFileSync(chemin);
  return { fichier: relative(process.cwd(), chemin), brut: contenu.length, gzip: gzipSync(contenu, { level: 9 }).length };
}

/** Builds the add-in into `sortie` (dist/addin by default; tests build elsewhere so as not to touch a running server's files). */
export async function construire(origine: string, sortie: string = SORTIE): Promise<{ tailles: Taille[]; totalGzip: number }> {
  // Empty the folder rather than delete it: a running `wrangler dev` watches it and must never find it missing.
  mkdirSync(sortie, { recursive: true });
  for (const entree of readdirSync(sortie)) rmSync(join(sortie, entree), { recursive: true, force: true });
  mkdirSync(join(sortie, "assets"), { recursive: true });

  const metadonnees = genererMetadonnees();
  writeFileSync(join(sortie, "functions.json"), metadonnees.json);
  const versions = lireVersions();
  const derniere = versions.at(-1);
  if (derniere === undefined || derniere.functionsJson !== empreinteMetadonnees(metadonnees.json)) {
    process.stderr.write(
      "Attention : functions.json a changé depuis la dernière <Version> du manifeste. Augmentez <Version> dans manifest.xml\n" +
        "et ajoutez-la avec la nouvelle empreinte à addin/versions-manifeste.json (npm test le vérifie), sinon Excel garde l'ancienne version en cache.\n",
    );
  }

  await paquet(sortie, "functions/entree.ts", "LogsocFonctions", "functions.js");
  await paquet(sortie, "taskpane/taskpane.ts", "LogsocVolet", "taskpane.js");
  await paquet(sortie, "taskpane/outils.ts", "LogsocOutils", "outils.js");

  // Office caches add-in files hard: the page asks for each bundle by its content hash.
  let html = readFileSync(join(ADDIN, "taskpane", "taskpane.html"), "utf8");
  for (const f of ["taskpane.js", "outils.js", "taskpane.css"]) {
    const source = f.endsWith(".js") ? join(sortie, f) : join(ADDIN, "taskpane", f);
    const marques = [`src="${f}"`, `href="${f}"`, `content="${f}"`].filter((m) => html.includes(m));
    if (marques.length === 0) throw new Error(`taskpane.html ne référence pas ${f}.`);
    const v = empreinteCourte(readFileSync(source));
    for (const m of marques) html = html.replace(m, m.replace(`${f}"`, `${f}?v=${v}"`));
  }
  writeFileSync(join(sortie, "taskpane.html"), html);
  copyFileSync(join(ADDIN, "taskpane", "taskpane.css"), join(sortie, "taskpane.css"));
  writeFileSync(join(sortie, "aide.html"), pageAide(FONCTIONS));
  for (const icone of readdirSync(join(ADDIN, "assets")).filter((f) => f.endsWith(".png"))) {
    copyFileSync(join(ADDIN, "assets", icone), join(sortie, "assets", icone));
  }
  writeFileSync(join(sortie, "_headers"), fichierEntetes());
  writeFileSync(join(sortie, "manifest.xml"), manifesteProduction(readFileSync(join(RACINE, "manifest.xml"), "utf8"), origine));

  // The pane page loads taskpane.js when it opens (office.js excluded); outils.js on the first click that needs it
  // and functions.js (the manifest's <Script>) are reported for information.
  const volet = tailleGzip(join(sortie, "taskpane.js"));
  return { tailles: [volet, tailleGzip(join(sortie, "outils.js")), tailleGzip(join(sortie, "functions.js"))], totalGzip: volet.gzip };
}

async function main(): Promise<number> {
  const origine = process.env.LOGSOC_ORIGIN?.trim() || ORIGINE_PRODUCTION_PAR_DEFAUT;
  const { tailles, totalGzip } = await construire(origine);
  const out = process.stdout;
  out.write(`Complément construit dans ${relative(process.cwd(), SORTIE) || "."}\n`);
  out.write(`  manifeste de production : origine ${origine}${process.env.LOGSOC_ORIGIN ? "" : " (par défaut ; LOGSOC_ORIGIN pour la changer)"}\n`);
  for (const t of tailles) out.write(`  ${t.fichier.padEnd(26)} ${ko(t.brut).padStart(10)}   gzip ${ko(t.gzip).padStart(9)}\n`);
  out.write(`JavaScript du volet à l'ouverture (taskpane.js ; office.js exclu, outils.js chargé au premier usage) : ${ko(totalGzip)} gzip, limite ${ko(LIMITE_GZIP)}\n`);
  if (totalGzip > LIMITE_GZIP) {
    process.stderr.write(`Échec : le JavaScript du volet dépasse la limite de ${ko(LIMITE_GZIP)} gzip (${ko(totalGzip)}).\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main();
  } catch (e) {
    process.stderr.write(`Échec de la construction du complément : ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
