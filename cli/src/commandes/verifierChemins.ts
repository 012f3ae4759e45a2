import { readdir, stat } from "node:fs/promises";
import { join, sep } from "node:path";

/**
 * What `logsoc verifier` is given (DESIGN.md §5.2): files, folders (searched recursively for .xlsx) and
 * patterns (`dossiers/*.xlsx`, `cohorte/**\/*.xlsx`), expanded here for the shells that pass them
 * quoted (Windows). Files in a folder come in name order; a file named twice is checked once. Excel's
 * lock files (`~$dossier.xlsx`) are not dossiers. Symbolic links to folders are not followed (no loop).
 */

export interface Developpement {
  fichiers: string[];
  /** Patterns that match nothing, with the French reason (each counts as a file that cannot be read). */
  sansCorrespondance: { chemin: string; erreur: string }[];
}

const JOKER = /[*?[]/;
const estClasseur = (nom: string) => /\.xlsx$/i.test(nom) && !nom.startsWith("~$");
const parNom = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function parcourirDossier(dossier: string, sortie: string[]): Promise<void> {
  const entrees = (await readdir(dossier, { withFileTypes: true })).sort((a, b) => parNom(a.name, b.name));
  for (const e of entrees) {
    const chemin = join(dossier, e.name);
    if (e.isDirectory()) await parcourirDossier(chemin, sortie);
    else if ((e.isFile() || e.isSymbolicLink()) && estClasseur(e.name)) sortie.push(chemin);
  }
}

/** `*` any characters but `/`, `?` one, `[abc]` one of; the rest literally. */
function segmentRegex(segment: string): RegExp {
  let r = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") r += "[^/\\\\]*";
    else if (c === "?") r += "[^/\\\\]";
    else if (c === "[") {
      const fin = segment.indexOf("]", i + 1);
      if (fin === -1) r += "\\[";
      else {
        r += `[${segment.slice(i + 1, fin).replace(/\\/g, "\\\\").replace(/^!/, "^")}]`;
        i = fin;
      }
    } else r += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${r}$`);
}

async function estDossier(chemin: string): Promise<boolean> {
  try {
    return (await stat(chemin)).isDirectory();
  } catch {
    return false;
  }
}

async function developperMotif(base: string, segments: readonly string[], sortie: string[]): Promise<void> {
  if (segments.length === 0) {
    if (!(await estDossier(base))) sortie.push(base);
    return;
  }
  const [segment, ...reste] = segments as [string, ...string[]];
  if (segment === "**") {
    await developperMotif(base, reste, sortie);
    let entrees;
    try {
      entrees = (await readdir(base, { withFileTypes: true })).sort((a, b) => parNom(a.name, b.name));
    } catch {
      return;
    }
    for (const e of entrees) if (e.isDirectory()) await developperMotif(join(base, e.name), segments, sortie);
    return;
  }
  if (!JOKER.test(segment)) {
    const chemin = join(base, segment);
    if (reste.length === 0 ? await existe(chemin) : await estDossier(chemin)) await developperMotif(chemin, reste, sortie);
    return;
  }
  const motif = segmentRegex(segment);
  let entrees;
  try {
    entrees = (await readdir(base, { withFileTypes: true })).sort((a, b) => parNom(a.name, b.name));
  } catch {
    return;
  }
  for (const e of entrees) {
    if (!motif.test(e.name) || e.name.startsWith("~$")) continue;
    if (reste.length === 0 ? !e.isDirectory() : e.isDirectory()) await developperMotif(join(base, e.name), reste, sortie);
  }
}

async function existe(chemin: string): Promise<boolean> {
  try {
    await stat(chemin);
    return true;
  } catch {
    return false;
  }
}

export async function developperChemins(chemins: readonly string[]): Promise<Developpement> {
  const fichiers: string[] = [];
  const sansCorrespondance: Developpement["sansCorrespondance"] = [];
  for (const chemin of chemins) {
    if (JOKER.test(chemin)) {
      const segments = chemin.split(/[/\\]/);
      const premier = segments.findIndex((s) => JOKER.test(s));
      const base = segments.slice(0, premier).join(sep) || (chemin.startsWith("/") ? sep : ".");
      const trouves: string[] = [];
      await developperMotif(chemin.startsWith("/") && premier === 0 ? sep : base, segments.slice(premier), trouves);
      if (trouves.length === 0) sansCorrespondance.push({ chemin, erreur: `Aucun fichier ne correspond au motif « ${chemin} ».` });
      fichiers.push(...trouves.map((t) => (base === "." && !chemin.startsWith(".") ? t.replace(/^\.[/\\]/, "") : t)));
    } else if (await estDossier(chemin)) {
      const trouves: string[] = [];
      await parcourirDossier(chemin, trouves);
      if (trouves.length === 0) sansCorrespondance.push({ chemin, erreur: `Le dossier « ${chemin} » ne contient aucun fichier .xlsx.` });
      fichiers.push(...trouves);
    } else fichiers.push(chemin);
  }
  return { fichiers: [...new Set(fichiers)], sansCorrespondance };
}
