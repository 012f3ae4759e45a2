import { strToU8, unzipSync, zipSync } from "fflate";
import { lireContenuXlsx, partiesFeuilles } from "#shared/audit/ooxml.ts";
import { ouvrirPaquetXlsx } from "#shared/audit/fichierXlsx.ts";
import type { CelluleLue, ContenuClasseur, FeuilleLue } from "#shared/audit/lecteur.ts";
import { decomposerRef, indexColonne, lettreColonne } from "#shared/modeles/formules.ts";

/**
 * Tools the audit tests use to tamper with workbooks the way people do: at the file level (a cached
 * value, a formula or an input changed in the sheet's XML, as a careless edit or a manual-calculation
 * save leaves them), and in memory (a row deleted with Excel's reference adjustment).
 */

/** Every entry of a zip archive. */
export function entreesZip(octets: Uint8Array): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(octets)).map(([nom, donnees]) => [nom, Buffer.from(donnees)]));
}

/** A zip archive of these entries, deflated, in order. */
export function ecrireZip(entrees: ReadonlyMap<string, Buffer | string>): Uint8Array {
  return zipSync(Object.fromEntries([...entrees].map(([nom, contenu]) => [nom, typeof contenu === "string" ? strToU8(contenu) : new Uint8Array(contenu)])));
}

/** Rewrites one sheet's XML. */
export function modifierFeuille(octets: Uint8Array, nomFeuille: string, modifier: (xml: string) => string): Uint8Array {
  const entrees = entreesZip(octets);
  const chemin = partiesFeuilles(ouvrirPaquetXlsx(octets)).get(nomFeuille);
  if (chemin === undefined) throw new Error(`feuille absente : ${nomFeuille}`);
  const avant = entrees.get(chemin)!.toString("utf8");
  const apres = modifier(avant);
  if (apres === avant) throw new Error(`modification sans effet sur la feuille ${nomFeuille}`);
  entrees.set(chemin, Buffer.from(apres, "utf8"));
  return ecrireZip(entrees);
}

const echapper = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The `<c>` element of a cell (throws when the sheet has none at that reference). */
export function elementCellule(xml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"(?: [^>]*)?(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
  if (!m) throw new Error(`cellule ${ref} absente du XML`);
  return m[0];
}

/** Replaces a cell: `{ valeur }` a typed constant, `{ formule, valeur }` a formula with its cached result. */
export function remplacerCellule(xml: string, ref: string, nouveau: { valeur: number | string | null; formule?: string }): string {
  const ancien = elementCellule(xml, ref);
  const style = / s="(\d+)"/.exec(ancien)?.[1];
  const s = style === undefined ? "" : ` s="${style}"`;
  const f = nouveau.formule === undefined ? "" : `<f>${echapper(nouveau.formule)}</f>`;
  const v = nouveau.valeur;
  const element =
    v === null
      ? f === ""
        ? `<c r="${ref}"${s}/>`
        : `<c r="${ref}"${s}>${f}</c>`
      : typeof v === "number"
        ? `<c r="${ref}"${s} t="n">${f}<v>${v}</v></c>`
        : f === ""
          ? `<c r="${ref}"${s} t="inlineStr"><is><t>${echapper(v)}</t></is></c>`
          : `<c r="${ref}"${s} t="str">${f}<v>${echapper(v)}</v></c>`;
  return xml.replace(ancien, element);
}

/** Changes only the cached value of a formula cell, keeping its formula. */
export function remplacerValeurCachee(xml: string, ref: string, valeur: number): string {
  const ancien = elementCellule(xml, ref);
  if (!ancien.includes("<f")) throw new Error(`${ref} n'est pas une formule`);
  return xml.replace(ancien, ancien.replace(/<v>[\s\S]*?<\/v>/, `<v>${valeur}</v>`).replace(/ t="[^"]*"/, ' t="n"'));
}

type FeuilleMutable = FeuilleLue & { cellules: Map<string, CelluleLue>; noms: Map<string, string> };

/** A workbook's contents, mutable, for in-memory tampering. */
export function contenuMutable(octets: Uint8Array): { feuilles: FeuilleMutable[]; noms: Map<string, string> } {
  const c = lireContenuXlsx(ouvrirPaquetXlsx(octets));
  return {
    feuilles: c.feuilles.map((f) => ({ nom: f.nom, visibilite: f.visibilite, cellules: new Map(f.cellules), noms: new Map(f.noms ?? []) })),
    noms: new Map(c.noms),
  };
}

/** Shifts the references of a formula as Excel does when row `ligne` of `feuille` is deleted. */
function ajusterFormule(formule: string, feuilleDeLaFormule: string, feuille: string, ligne: number): string {
  const morceaux = formule.split(/("(?:[^"]|"")*")/);
  return morceaux
    .map((m, i) =>
      i % 2 === 1
        ? m
        : m.replace(/((?:'(?:[^']|'')+'|[^\s'!,()=<>&+\-*/^:;]+)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![\w(])/g, (tout, prefixe: string | undefined, d1, c1, d2, l1, d3, c2, d4, l2) => {
            const cible = prefixe === undefined ? feuilleDeLaFormule : prefixe.slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'");
            if (cible !== feuille) return tout;
            const a = Number(l1);
            const b = l2 === undefined ? a : Number(l2);
            if (l2 === undefined) {
              if (a === ligne) return `${prefixe ?? ""}#REF!`;
              return `${prefixe ?? ""}${d1}${c1}${d2}${a > ligne ? a - 1 : a}`;
            }
            const na = a > ligne ? a - 1 : a;
            const nb = b >= ligne ? b - 1 : b;
            if (nb < na) return `${prefixe ?? ""}#REF!`;
            return `${prefixe ?? ""}${d1}${c1}${d2}${na}:${d3}${c2}${d4}${nb}`;
          }),
    )
    .join("");
}

/** Deletes a row as Excel does: cells below move up, every formula of the workbook follows them. */
export function supprimerLigne(contenu: { feuilles: FeuilleMutable[]; noms: Map<string, string> }, feuille: string, ligne: number): void {
  for (const f of contenu.feuilles) {
    const nouvelles = new Map<string, CelluleLue>();
    for (const [ref, c] of f.cellules) {
      const { colonne, ligne: l } = decomposerRef(ref);
      if (f.nom === feuille && l === ligne) continue;
      const cible = f.nom === feuille && l > ligne ? `${lettreColonne(colonne)}${l - 1}` : ref;
      nouvelles.set(cible, c.formule === undefined ? c : { ...c, formule: ajusterFormule(c.formule, f.nom, feuille, ligne) });
    }
    f.cellules = nouvelles;
  }
  for (const [nom, r] of contenu.noms) contenu.noms.set(nom, ajusterFormule(r, "", feuille, ligne));
}

export function feuille(contenu: { feuilles: FeuilleMutable[] }, nom: string): FeuilleMutable {
  const f = contenu.feuilles.find((x) => x.nom === nom);
  if (!f) throw new Error(`feuille absente : ${nom}`);
  return f;
}

export { indexColonne };
