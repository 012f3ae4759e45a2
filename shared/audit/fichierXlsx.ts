import { strFromU8, unzipSync, type FlateError, type UnzipFileInfo } from "fflate";
import { ClasseurIllisible, lecteurEnMemoire, type LecteurClasseur } from "./lecteur.ts";
import { lireContenuXlsx, type LirePartie } from "./ooxml.ts";

/**
 * An .xlsx file's bytes → the audit's reader: fflate unzips (pure JS: Node, browsers, workerd), ./ooxml.ts
 * reads the SpreadsheetML. Used by the CLI (`logsoc verifier`), the bench and the LibreOffice test
 * harness. A part is inflated only when asked for. Reading never writes anything.
 */

const CODE_ZIP_INVALIDE = 13; // fflate: no end of central directory
const CODE_FIN_INATTENDUE = 0; // fflate: the deflate stream stops early

/** The package's parts, by name; throws ClasseurIllisible (French message) when the bytes are no zip archive. */
export function ouvrirPaquetXlsx(octets: Uint8Array): LirePartie {
  const debut = (...magique: number[]) => octets.length >= 8 && magique.every((o, i) => octets[i] === o);
  if (debut(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ClasseurIllisible("Ce fichier est au format Excel 97-2003 (.xls) ou protégé par un mot de passe : ouvrez-le et enregistrez-le au format .xlsx sans mot de passe.");
  }
  if (octets.length < 22 || !debut(0x50, 0x4b, 0x03, 0x04)) {
    throw new ClasseurIllisible("Ce fichier n'est pas un classeur Excel (.xlsx) : ce n'est pas une archive zip.");
  }
  // First pass over the central directory: names only, nothing inflated.
  const entrees = new Map<string, UnzipFileInfo>();
  let coherent = true;
  try {
    unzipSync(octets, {
      filter: (f) => {
        if (f.name === "" || f.size > octets.length) coherent = false;
        entrees.set(f.name, f);
        return false;
      },
    });
  } catch (e) {
    if ((e as FlateError).code === CODE_ZIP_INVALIDE) throw new ClasseurIllisible("Classeur endommagé : l'archive est tronquée (fin du répertoire zip introuvable).");
    coherent = false;
  }
  if (!coherent) throw new ClasseurIllisible("Classeur endommagé : répertoire de l'archive zip corrompu.");

  return (chemin) => {
    const nom = entrees.has(chemin) ? chemin : [...entrees.keys()].find((n) => n.toLowerCase() === chemin.toLowerCase());
    if (nom === undefined) return undefined;
    const info = entrees.get(nom)!;
    if (info.compression !== 0 && info.compression !== 8) {
      throw new ClasseurIllisible(`Classeur illisible : l'entrée « ${chemin} » utilise une compression non prise en charge (méthode ${info.compression}).`);
    }
    let donnees: Uint8Array | undefined;
    try {
      donnees = unzipSync(octets, { filter: (f) => f.name === nom })[nom];
    } catch (e) {
      if ((e as FlateError).code === CODE_FIN_INATTENDUE) donnees = undefined;
      else throw new ClasseurIllisible(`Classeur endommagé : l'entrée « ${chemin} » de l'archive ne se décompresse pas.`);
    }
    if (donnees === undefined || donnees.length !== info.originalSize) throw new ClasseurIllisible(`Classeur endommagé : l'entrée « ${chemin} » de l'archive est tronquée.`);
    return strFromU8(donnees);
  };
}

/** Reads a workbook from its bytes; throws ClasseurIllisible (French message) when it cannot. */
export function lireClasseurXlsx(octets: Uint8Array): LecteurClasseur {
  const lire = ouvrirPaquetXlsx(octets);
  try {
    return lecteurEnMemoire(lireContenuXlsx(lire));
  } catch (e) {
    if (e instanceof ClasseurIllisible) throw e;
    throw new ClasseurIllisible(`Classeur illisible : ${e instanceof Error ? e.message : String(e)}`);
  }
}
