import { spawnSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Global set-up of every test run: the real programs some suites drive (Chromium for the task pane,
 * LibreOffice to recalculate workbooks, poppler and xmllint for print and manifest checks) are looked
 * for before any test starts. Missing ones are installed with apt-get when that is possible (root on
 * Debian or Ubuntu); otherwise the run stops at once with one French line giving the command to run.
 * Only the suites selected for this run count: `npx vitest run shared/money.test.ts` needs nothing.
 */

export interface Outil {
  nom: string;
  /** Programs tried in order (an absolute path, or a name searched in PATH). */
  commandes: (env: NodeJS.ProcessEnv) => string[];
  /** Environment variable that names the program for the tests, set when it was found under another name. */
  variable?: string;
  paquet: string;
  /** A test needs the program when its source, or a local module it imports, contains this. */
  signe: RegExp;
}

export const OUTILS: readonly Outil[] = [
  {
    nom: "Chromium",
    commandes: (env) => [env.CHROMIUM_PATH ?? "/usr/bin/chromium", "chromium", "chromium-browser"],
    variable: "CHROMIUM_PATH",
    paquet: "chromium",
    signe: /["'`]playwright-core["'`]/,
  },
  {
    nom: "LibreOffice",
    commandes: (env) => [env.SOFFICE ?? "soffice", "soffice", "libreoffice"],
    variable: "SOFFICE",
    paquet: "libreoffice-calc-nogui",
    signe: /["'`]soffice["'`]/,
  },
  { nom: "pdfinfo et pdftoppm", commandes: () => ["pdfinfo"], paquet: "poppler-utils", signe: /["'`]pdf(?:info|toppm)["'`]/ },
  { nom: "xmllint", commandes: () => ["xmllint"], paquet: "libxml2-utils", signe: /["'`]xmllint["'`]/ },
  { nom: "time", commandes: () => ["/usr/bin/time"], paquet: "time", signe: /["'`]\/usr\/bin\/time["'`]/ },
];

function executable(chemin: string): boolean {
  try {
    accessSync(chemin, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The full path of a program, as the shell would find it; null when absent. */
export function trouver(commande: string, chemin = process.env.PATH ?? ""): string | null {
  if (isAbsolute(commande)) return executable(commande) ? commande : null;
  for (const dossier of chemin.split(delimiter)) {
    if (dossier && executable(join(dossier, commande))) return join(dossier, commande);
  }
  return null;
}

const IMPORT_LOCAL = /\bfrom\s+["'](\.{1,2}\/[^"']+)["']/g;

/** A test file's text and that of the local modules it imports, transitively (#shared and packages excluded). */
export function texteAvecImports(fichier: string, vus = new Set<string>()): string {
  // This folder names every program without needing any.
  if (vus.has(fichier) || resolve(dirname(fichier)) === import.meta.dirname) return "";
  vus.add(fichier);
  let texte: string;
  try {
    texte = readFileSync(fichier, "utf8");
  } catch {
    return "";
  }
  const parties = [texte];
  for (const [, relatif] of texte.matchAll(IMPORT_LOCAL)) parties.push(texteAvecImports(resolve(dirname(fichier), relatif!), vus));
  return parties.join("\n");
}

/** The programs the given test files need. */
export function outilsRequis(fichiers: readonly string[], outils: readonly Outil[] = OUTILS): Outil[] {
  const textes = fichiers.map((f) => texteAvecImports(f));
  return outils.filter((o) => textes.some((t) => o.signe.test(t)));
}

/** Where each needed program is, or null for the missing ones. */
export function localiser(outils: readonly Outil[], env: NodeJS.ProcessEnv = process.env): Map<Outil, string | null> {
  return new Map(outils.map((o) => [o, o.commandes(env).map((c) => trouver(c, env.PATH)).find((p) => p !== null) ?? null]));
}

/** The one line that tells the user what to run; `root` drops the sudo. */
export function consigne(manquants: readonly Outil[], aptDisponible: boolean, root: boolean): string {
  const noms = manquants.map((o) => o.nom).join(", ");
  const paquets = manquants.map((o) => o.paquet).join(" ");
  if (!aptDisponible) {
    const variables = manquants.flatMap((o) => (o.variable ? [o.variable] : []));
    const chemins = variables.length > 0 ? ` ou indiquez leur chemin (${variables.join(", ")})` : "";
    return `Tests arrêtés : ${noms} introuvable(s). Installez-les (paquets Debian : ${paquets})${chemins}, puis relancez npm test.`;
  }
  return `Tests arrêtés : ${noms} introuvable(s). Lancez « ${root ? "" : "sudo "}apt-get install -y --no-install-recommends ${paquets} », puis relancez npm test.`;
}

function installer(paquets: readonly string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const options = { stdio: ["ignore", "ignore", "inherit"] as ("ignore" | "inherit")[], env };
  if (spawnSync("apt-get", ["update", "-qq"], options).status !== 0) return false;
  return spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...paquets], options).status === 0;
}

function arreter(ligne: string): never {
  process.stderr.write(`${ligne}\n`);
  process.exit(1);
}

/** The test files of this run, across the selected projects and the file filters of the command line. */
async function fichiersDeLaSession(projet: TestProject): Promise<string[]> {
  const vitest = projet.vitest;
  // The command line's file filters are kept by Vitest in a field it does not document: without them, every file counts.
  const filtres = (vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const specs = await vitest.getRelevantTestSpecifications(filtres);
  return [...new Set(specs.map((s) => s.moduleId))];
}

export default async function preparerOutils(projet: TestProject): Promise<void> {
  const requis = outilsRequis(await fichiersDeLaSession(projet));
  let trouves = localiser(requis);
  let manquants = requis.filter((o) => trouves.get(o) === null);
  const root = process.getuid?.() === 0;
  const apt = trouver("apt-get") !== null;
  if (manquants.length > 0 && root && apt) {
    process.stderr.write(`Installation de ${manquants.map((o) => o.nom).join(", ")} pour les tests (apt-get install ${manquants.map((o) => o.paquet).join(" ")})…\n`);
    installer(manquants.map((o) => o.paquet));
    trouves = localiser(requis);
    manquants = requis.filter((o) => trouves.get(o) === null);
  }
  if (manquants.length > 0) arreter(consigne(manquants, apt, root));
  // A program found under another name than the tests' default: tell the tests (workers inherit the environment).
  for (const o of requis) {
    const chemin = trouves.get(o);
    if (o.variable && chemin && chemin !== trouver(o.commandes(process.env)[0]!)) process.env[o.variable] = chemin;
  }
}
