import { DecodeUTF8, Inflate, strFromU8 } from "fflate";
import { ClasseurIllisible } from "./lecteur.ts";
import { Budget } from "./limites.ts";

/**
 * The zip archive of an .xlsx, read for untrusted files (DESIGN.md §9). The central directory is read
 * once, into a map; a part is inflated only when asked for, in small steps, its bytes counted as they
 * come out (the directory's sizes can lie), each step decoded to text at once so the inflated bytes are
 * never all held. fflate does the inflating (pure JS: Node, browsers, workerd).
 */

interface Entree {
  nom: string;
  methode: number;
  drapeaux: number;
  compresse: number;
  taille: number;
  /** Offset of the local header. */
  local: number;
}

const SIG_FIN = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/** Compressed bytes inflated per step: a step yields at most ~1 000 times more (deflate's ceiling). */
const PAS = 16 * 1024;

const endommage = (quoi: string) => new ClasseurIllisible(`Classeur endommagé : ${quoi}.`);

function u16(o: Uint8Array, i: number): number {
  return o[i]! | (o[i + 1]! << 8);
}
function u32(o: Uint8Array, i: number): number {
  return (o[i]! | (o[i + 1]! << 8) | (o[i + 2]! << 16) | (o[i + 3]! << 24)) >>> 0;
}

/** The end of central directory record: last signature in the final 64 Kio + 22 bytes. */
function trouverFin(o: Uint8Array): number {
  for (let i = o.length - 22; i >= Math.max(0, o.length - 65_557); i--) {
    if (u32(o, i) === SIG_FIN) return i;
  }
  throw endommage("l'archive est tronquée (fin du répertoire zip introuvable)");
}

/** The platform's own decoder (Node, browsers, workerd: much faster), else fflate's. */
interface DecodeurTexte {
  decode(o: Uint8Array, options?: { stream?: boolean }): string;
}
const TexteDecodeur = (globalThis as { TextDecoder?: new (encodage: string) => DecodeurTexte }).TextDecoder;

function decodeurUtf8(recevoir: (texte: string) => void): { push(o: Uint8Array, final?: boolean): void } {
  if (TexteDecodeur === undefined) return new DecodeUTF8(recevoir);
  const d = new TexteDecodeur("utf-8");
  return { push: (o, final) => recevoir(d.decode(o, { stream: !final })) };
}

export interface Archive {
  /** Names of the entries, as written. */
  noms(): readonly string[];
  /** The text of a part (UTF-8), or undefined when the archive has no such entry (name compared without case). */
  texte(nom: string): string | undefined;
}

export function lireArchive(octets: Uint8Array, budget: Budget): Archive {
  const fin = trouverFin(octets);
  const nombre = u16(octets, fin + 10);
  const tailleRepertoire = u32(octets, fin + 12);
  const debutRepertoire = u32(octets, fin + 16);
  if (nombre === 0xffff || debutRepertoire === 0xffffffff) {
    throw new ClasseurIllisible("Classeur illisible : archive au format ZIP64, qu'un classeur de dossier n'utilise jamais.");
  }
  budget.compter("entrees", nombre);
  if (debutRepertoire + tailleRepertoire > fin) throw endommage("répertoire de l'archive zip corrompu");
  const entrees = new Map<string, Entree>();
  const parNomMinuscule = new Map<string, Entree>();
  let i = debutRepertoire;
  for (let k = 0; k < nombre; k++) {
    if (i + 46 > fin || u32(octets, i) !== SIG_CENTRAL) throw endommage("répertoire de l'archive zip corrompu");
    const longueurNom = u16(octets, i + 28);
    const e: Entree = {
      nom: strFromU8(octets.subarray(i + 46, i + 46 + longueurNom)),
      drapeaux: u16(octets, i + 8),
      methode: u16(octets, i + 10),
      compresse: u32(octets, i + 20),
      taille: u32(octets, i + 24),
      local: u32(octets, i + 42),
    };
    if (e.nom === "" || e.local + 30 > octets.length) throw endommage("répertoire de l'archive zip corrompu");
    entrees.set(e.nom, e);
    if (!parNomMinuscule.has(e.nom.toLowerCase())) parNomMinuscule.set(e.nom.toLowerCase(), e);
    i += 46 + longueurNom + u16(octets, i + 30) + u16(octets, i + 32);
  }
  budget.temps();

  const texte = (chemin: string): string | undefined => {
    const e = entrees.get(chemin) ?? parNomMinuscule.get(chemin.toLowerCase());
    if (e === undefined) return undefined;
    if ((e.drapeaux & 1) !== 0) throw new ClasseurIllisible(`Classeur illisible : l'entrée « ${chemin} » est chiffrée (protégée par un mot de passe). Enregistrez le classeur sans mot de passe.`);
    if (e.methode !== 0 && e.methode !== 8) throw new ClasseurIllisible(`Classeur illisible : l'entrée « ${chemin} » utilise une compression non prise en charge (méthode ${e.methode}).`);
    if (u32(octets, e.local) !== SIG_LOCAL) throw endommage(`l'entrée « ${chemin} » de l'archive est introuvable`);
    const debut = e.local + 30 + u16(octets, e.local + 26) + u16(octets, e.local + 28);
    if (debut + e.compresse > octets.length) throw endommage(`l'entrée « ${chemin} » de l'archive est tronquée`);
    // Before inflating: what the directory declares.
    budget.partie(chemin, e.taille, e.compresse);
    const donnees = octets.subarray(debut, debut + e.compresse);
    const morceaux: string[] = [];
    const decodeur = decodeurUtf8((texte) => morceaux.push(texte));
    let produits = 0;
    const recevoir = (bloc: Uint8Array) => {
      produits += bloc.length;
      // While inflating: what really comes out (a directory can lie).
      if (produits > e.taille) throw new ClasseurIllisible(`Classeur refusé : l'entrée « ${chemin} » se décompresse en plus d'octets que l'archive n'en déclare (${e.taille.toLocaleString("fr-FR")}) : archive falsifiée.`);
      budget.partie(chemin, produits, e.compresse);
      budget.decompression(chemin, bloc.length, e.compresse);
      budget.temps();
      decodeur.push(bloc);
    };
    if (e.methode === 0) {
      recevoir(donnees);
    } else {
      let termine = false;
      const inflateur = new Inflate((bloc, final) => {
        recevoir(bloc);
        if (final) termine = true;
      });
      try {
        for (let o = 0; o < donnees.length; o += PAS) inflateur.push(donnees.subarray(o, o + PAS), o + PAS >= donnees.length);
        if (donnees.length === 0) inflateur.push(new Uint8Array(0), true);
      } catch (err) {
        if (err instanceof ClasseurIllisible) throw err;
        // fflate's code 0: the deflate stream stops before its end.
        if ((err as { code?: number }).code === 0) throw endommage(`l'entrée « ${chemin} » de l'archive est tronquée`);
        throw endommage(`l'entrée « ${chemin} » de l'archive ne se décompresse pas`);
      }
      if (!termine) throw endommage(`l'entrée « ${chemin} » de l'archive est tronquée`);
    }
    if (produits !== e.taille) throw endommage(`l'entrée « ${chemin} » de l'archive est tronquée`);
    decodeur.push(new Uint8Array(0), true);
    return morceaux.join("");
  };
  return { noms: () => [...entrees.keys()], texte };
}
