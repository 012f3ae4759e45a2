import { ClasseurIllisible, lecteurEnMemoire, type LecteurClasseur } from "./lecteur.ts";
import { Budget } from "./limites.ts";
import { lireContenuXlsx, type LirePartie } from "./ooxml.ts";
import { lireArchive } from "./zip.ts";

/**
 * An .xlsx file's bytes → the audit's reader: ./zip.ts unzips (central directory read once, parts
 * inflated on demand and counted), ./ooxml.ts reads the SpreadsheetML, both within the limits of the
 * `Budget` (./limites.ts). Used by the CLI (`logsoc verifier`), the bench and the test harnesses.
 * Reading never writes anything.
 */

/** The package's parts, by name; throws ClasseurIllisible (French message) when the bytes are no .xlsx. */
export function ouvrirPaquetXlsx(octets: Uint8Array, budget: Budget = new Budget()): LirePartie {
  budget.verifierTailleFichier(octets.length);
  const debut = (...magique: number[]) => octets.length >= 8 && magique.every((o, i) => octets[i] === o);
  if (debut(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ClasseurIllisible("Ce fichier est au format Excel 97-2003 (.xls) ou protégé par un mot de passe : ouvrez-le et enregistrez-le au format .xlsx sans mot de passe.");
  }
  if (octets.length < 22 || !debut(0x50, 0x4b, 0x03, 0x04)) {
    throw new ClasseurIllisible("Ce fichier n'est pas un classeur Excel (.xlsx) : ce n'est pas une archive zip.");
  }
  const archive = lireArchive(octets, budget);
  const type = archive.noms().includes("mimetype") ? archive.texte("mimetype") : undefined;
  if (type !== undefined && type.startsWith("application/vnd.oasis.opendocument")) {
    throw new ClasseurIllisible("Ce fichier est un classeur OpenDocument (.ods) : ouvrez-le et enregistrez-le au format Excel (.xlsx), puis relancez le contrôle.");
  }
  return archive.texte;
}

/** Reads a workbook from its bytes; throws ClasseurIllisible (French message) when it cannot. */
export function lireClasseurXlsx(octets: Uint8Array, budget: Budget = new Budget()): LecteurClasseur {
  const lire = ouvrirPaquetXlsx(octets, budget);
  try {
    return lecteurEnMemoire(lireContenuXlsx(lire, budget));
  } catch (e) {
    if (e instanceof ClasseurIllisible) throw e;
    // A limit of the JavaScript engine itself (a string too long…): its message is not for users.
    throw new ClasseurIllisible(`Classeur illisible : le fichier n'a pas pu être lu (${e instanceof RangeError ? "taille hors des limites du lecteur" : "structure inattendue"}).`);
  }
}
