import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const executer = promisify(execFile);

/**
 * Recalculates workbooks with LibreOffice headless, the independent spreadsheet engine the templates
 * are checked against (DESIGN.md §2.6). exceljs writes formulas without results; LibreOffice must be
 * told to recalculate on load, or it keeps the (absent) cached values: a private profile sets
 * `OOXMLRecalcMode` to 0 (« always »). The private profile also keeps this run away from any other
 * soffice process on the machine. Several files go through one soffice call: its start-up dominates.
 */

const REGISTRE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export const SOFFICE = process.env.SOFFICE ?? "soffice";

export async function libreOfficeDisponible(): Promise<boolean> {
  try {
    await executer(SOFFICE, ["--version"], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Recalculates every file (name → bytes) and returns the recalculated bytes under the same names.
 * `lots` soffice processes run side by side, each with its own profile, on a share of the files.
 */
export async function recalculer(fichiers: ReadonlyMap<string, Uint8Array>, lots = 1): Promise<Map<string, Uint8Array>> {
  const racine = await mkdtemp(join(tmpdir(), "logsoc-lo-"));
  try {
    const noms = [...fichiers.keys()];
    for (const nom of noms) {
      if (!/^[\w.-]+\.xlsx$/.test(nom)) throw new Error(`Nom de fichier inattendu : ${nom}`);
    }
    const parLot = Math.ceil(noms.length / lots);
    const groupes = Array.from({ length: lots }, (_, i) => noms.slice(i * parLot, (i + 1) * parLot)).filter((g) => g.length > 0);
    await Promise.all(groupes.map((g, i) => recalculerLot(join(racine, `lot${i}`), g, fichiers)));
    const resultat = new Map<string, Uint8Array>();
    for (const [i, g] of groupes.entries()) {
      const sortie = join(racine, `lot${i}`, "sortie");
      const produits = new Set(await readdir(sortie));
      for (const nom of g) {
        if (!produits.has(nom)) throw new Error(`LibreOffice n'a pas produit ${nom}.`);
        resultat.set(nom, new Uint8Array(await readFile(join(sortie, nom))));
      }
    }
    return resultat;
  } finally {
    await rm(racine, { recursive: true, force: true });
  }
}

function recalculerLot(dossier: string, noms: readonly string[], fichiers: ReadonlyMap<string, Uint8Array>): Promise<string> {
  return convertir(dossier, noms, fichiers, "xlsx:Calc MS Excel 2007 XML");
}

/**
 * One soffice call, with a private profile that recalculates on load, converting the named files into
 * `dossier/sortie` with the `--convert-to` filter given (recalculated .xlsx, or a PDF export). Returns that folder.
 */
export async function convertir(dossier: string, noms: readonly string[], fichiers: ReadonlyMap<string, Uint8Array>, filtre: string): Promise<string> {
  const profil = join(dossier, "profil");
  const entree = join(dossier, "entree");
  const sortie = join(dossier, "sortie");
  await mkdir(join(profil, "user"), { recursive: true });
  await mkdir(entree, { recursive: true });
  await mkdir(sortie, { recursive: true });
  await writeFile(join(profil, "user", "registrymodifications.xcu"), REGISTRE);
  for (const nom of noms) await writeFile(join(entree, nom), fichiers.get(nom)!);
  await executer(
    SOFFICE,
    [
      `-env:UserInstallation=${pathToFileURL(profil).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      filtre,
      "--outdir",
      sortie,
      ...noms.map((n) => join(entree, n)),
    ],
    { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
  );
  return sortie;
}
