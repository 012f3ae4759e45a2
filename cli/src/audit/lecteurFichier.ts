import { inflateRawSync } from "node:zlib";
import { ClasseurIllisible, lecteurEnMemoire, type LecteurClasseur } from "#shared/audit/lecteur.ts";
import { lireContenuXlsx } from "#shared/audit/ooxml.ts";

/**
 * The CLI's adapter of the audit's reader: unzips an .xlsx file (node:zlib) and hands its parts to the
 * shared SpreadsheetML reader. Entries are inflated only when asked for. Reading never writes anything.
 */

interface Entree {
  methode: number;
  debut: number;
  tailleCompressee: number;
}

function entreesZip(b: Buffer): Map<string, Entree> {
  if (b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0) {
    throw new ClasseurIllisible("Ce fichier est au format Excel 97-2003 (.xls) ou protégé par un mot de passe : ouvrez-le et enregistrez-le au format .xlsx sans mot de passe.");
  }
  if (b.length < 22 || b.readUInt32LE(0) !== 0x04034b50) {
    throw new ClasseurIllisible("Ce fichier n'est pas un classeur Excel (.xlsx) : ce n'est pas une archive zip.");
  }
  let fin = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      fin = i;
      break;
    }
  }
  if (fin < 0) throw new ClasseurIllisible("Classeur endommagé : l'archive est tronquée (fin du répertoire zip introuvable).");
  const nombre = b.readUInt16LE(fin + 10);
  let p = b.readUInt32LE(fin + 16);
  const entrees = new Map<string, Entree>();
  for (let n = 0; n < nombre; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw new ClasseurIllisible("Classeur endommagé : répertoire de l'archive zip corrompu.");
    const methode = b.readUInt16LE(p + 10);
    const tailleCompressee = b.readUInt32LE(p + 20);
    const longNom = b.readUInt16LE(p + 28);
    const longExtra = b.readUInt16LE(p + 30);
    const longCommentaire = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const nom = b.toString("utf8", p + 46, p + 46 + longNom);
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) throw new ClasseurIllisible(`Classeur endommagé : l'entrée « ${nom} » de l'archive est introuvable.`);
    const debut = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (tailleCompressee === 0xffffffff || debut + tailleCompressee > b.length) throw new ClasseurIllisible(`Classeur endommagé : l'entrée « ${nom} » de l'archive est tronquée.`);
    entrees.set(nom, { methode, debut, tailleCompressee });
    p += 46 + longNom + longExtra + longCommentaire;
  }
  return entrees;
}

/** Reads a workbook from its bytes; throws ClasseurIllisible (French message) when it cannot. */
export function lireClasseurXlsx(octets: Uint8Array): LecteurClasseur {
  const b = Buffer.from(octets.buffer, octets.byteOffset, octets.byteLength);
  const entrees = entreesZip(b);
  const lire = (chemin: string): string | undefined => {
    const e = entrees.get(chemin) ?? [...entrees].find(([n]) => n.toLowerCase() === chemin.toLowerCase())?.[1];
    if (!e) return undefined;
    const donnees = b.subarray(e.debut, e.debut + e.tailleCompressee);
    try {
      if (e.methode === 0) return donnees.toString("utf8");
      if (e.methode === 8) return inflateRawSync(donnees).toString("utf8");
    } catch {
      throw new ClasseurIllisible(`Classeur endommagé : l'entrée « ${chemin} » de l'archive ne se décompresse pas.`);
    }
    throw new ClasseurIllisible(`Classeur illisible : l'entrée « ${chemin} » utilise une compression non prise en charge (méthode ${e.methode}).`);
  };
  try {
    return lecteurEnMemoire(lireContenuXlsx(lire));
  } catch (e) {
    if (e instanceof ClasseurIllisible) throw e;
    throw new ClasseurIllisible(`Classeur illisible : ${e instanceof Error ? e.message : String(e)}`);
  }
}
