import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { convertir } from "../libreoffice/recalcul.ts";

const executer = promisify(execFile);

/**
 * Prints workbooks the way an adviser's « Exporter en PDF » does, with LibreOffice headless (DESIGN.md §6
 * « Paper-ready »: the page budgets are measured on this export). A private profile recalculates on
 * load (exceljs writes no cached results) and keeps this run away from any other soffice. Hidden sheets
 * are not exported. Several files go through one soffice call: its start-up dominates.
 */

export interface Impression {
  /** The PDF bytes. */
  pdf: Uint8Array;
  pages: number;
  /** Width × height of page 1 in points (A4 portrait: 595 × 842). */
  format: { largeur: number; hauteur: number };
}

/** Exports every file (name → .xlsx bytes) to PDF; returns each file's PDF and its page count. */
export async function imprimer(fichiers: ReadonlyMap<string, Uint8Array>): Promise<Map<string, Impression>> {
  const racine = await mkdtemp(join(tmpdir(), "logsoc-pdf-"));
  try {
    const noms = [...fichiers.keys()];
    for (const nom of noms) {
      if (!/^[\w.-]+\.xlsx$/.test(nom)) throw new Error(`Nom de fichier inattendu : ${nom}`);
    }
    const sortie = await convertir(racine, noms, fichiers, "pdf");
    const produits = new Set(await readdir(sortie));
    const resultat = new Map<string, Impression>();
    for (const nom of fichiers.keys()) {
      const pdf = nom.replace(/\.xlsx$/, ".pdf");
      if (!produits.has(pdf)) throw new Error(`LibreOffice n'a pas produit ${pdf}.`);
      const chemin = join(sortie, pdf);
      const { stdout } = await executer("pdfinfo", [chemin]);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
      const taille = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(stdout);
      resultat.set(nom, { pdf: new Uint8Array(await readFile(chemin)), pages, format: { largeur: Number(taille?.[1]), hauteur: Number(taille?.[2]) } });
    }
    return resultat;
  } finally {
    await rm(racine, { recursive: true, force: true });
  }
}

/** Page `page` of a PDF as a PNG at `dpi` (pdftoppm), for visual snapshots. */
export async function pageEnPng(pdf: Uint8Array, page = 1, dpi = 60): Promise<Uint8Array> {
  const dossier = await mkdtemp(join(tmpdir(), "logsoc-png-"));
  try {
    await writeFile(join(dossier, "f.pdf"), pdf);
    await executer("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", join(dossier, "f.pdf"), join(dossier, "p")]);
    return new Uint8Array(await readFile(join(dossier, "p.png")));
  } finally {
    await rm(dossier, { recursive: true, force: true });
  }
}

/** Pages of each sheet: the footer of every page names its sheet (« titre : Feuille »). */
export async function pagesParFeuille(pdf: Uint8Array, feuilles: readonly string[]): Promise<Map<string, number>> {
  const dossier = await mkdtemp(join(tmpdir(), "logsoc-txt-"));
  try {
    await writeFile(join(dossier, "f.pdf"), pdf);
    const { stdout } = await executer("pdftotext", ["-layout", join(dossier, "f.pdf"), "-"], { maxBuffer: 64 * 1024 * 1024 });
    const compte = new Map(feuilles.map((f) => [f, 0]));
    // Longest names first: « Barèmes » must not claim a page of « Barèmes (2) ».
    const parLongueur = [...feuilles].sort((a, b) => b.length - a.length);
    for (const page of stdout.split("\f").filter((p) => p.trim() !== "")) {
      const pied = page.trimEnd().split("\n").slice(-3).join("\n");
      const f = parLongueur.find((n) => pied.includes(` : ${n}`));
      if (f === undefined) throw new Error(`Page sans pied de page LogSoc : ${pied.trim().slice(0, 120)}`);
      compte.set(f, compte.get(f)! + 1);
    }
    return compte;
  } finally {
    await rm(dossier, { recursive: true, force: true });
  }
}

/**
 * A page as a coarse map of where ink is (DESIGN.md §6 visual snapshots): the page in grey levels
 * (pdftoppm PGM), cut into `colonnes` × `lignes` tiles, each the share of its pixels darker than
 * mid-grey. Compared loosely, it sees a layout regression (a column pushed to another page, a blank
 * page, a shrunk fiche) and ignores anti-aliasing and font differences.
 */
export async function empreintePage(pdf: Uint8Array, page = 1, dpi = 30, colonnes = 8, lignes = 12): Promise<{ largeur: number; hauteur: number; encre: number[][] }> {
  const dossier = await mkdtemp(join(tmpdir(), "logsoc-pgm-"));
  try {
    await writeFile(join(dossier, "f.pdf"), pdf);
    await executer("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", join(dossier, "f.pdf"), join(dossier, "p")]);
    const octets = new Uint8Array(await readFile(join(dossier, "p.pgm")));
    // Binary PGM: « P5 <largeur> <hauteur> <max> » then one byte per pixel.
    const entete = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(new TextDecoder("latin1").decode(octets.subarray(0, 64)));
    if (!entete) throw new Error("Image PGM illisible.");
    const [largeur, hauteur] = [Number(entete[1]), Number(entete[2])];
    const pixels = octets.subarray(entete[0].length);
    const encre = Array.from({ length: lignes }, (_, j) =>
      Array.from({ length: colonnes }, (_, i) => {
        const [x0, x1] = [Math.floor((i * largeur) / colonnes), Math.floor(((i + 1) * largeur) / colonnes)];
        const [y0, y1] = [Math.floor((j * hauteur) / lignes), Math.floor(((j + 1) * hauteur) / lignes)];
        let sombres = 0;
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (pixels[y * largeur + x]! < 128) sombres++;
        return Math.round((1000 * sombres) / ((x1 - x0) * (y1 - y0))) / 1000;
      }),
    );
    return { largeur, hauteur, encre };
  } finally {
    await rm(dossier, { recursive: true, force: true });
  }
}
