import { inflateRawSync } from "node:zlib";

/**
 * Reads the cached values of a workbook written by a spreadsheet engine (here LibreOffice after a
 * recalculation). A deliberately small reader of the OOXML we need: exceljs drops formula results
 * equal to 0 or "" when it reads, which would hide exactly the blank rows and zero amounts we check.
 */

export type ValeurLue = number | string | boolean | { erreur: string } | null;

export interface CelluleLue {
  valeur: ValeurLue;
  formule?: string;
}

export type ClasseurLu = Map<string, Map<string, CelluleLue>>;

/** Entries of a zip archive (stored or deflated), by name. */
export function lireZip(octets: Uint8Array): Map<string, Buffer> {
  const b = Buffer.from(octets.buffer, octets.byteOffset, octets.byteLength);
  let fin = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      fin = i;
      break;
    }
  }
  if (fin < 0) throw new Error("Archive zip illisible : fin du répertoire central introuvable.");
  const nombre = b.readUInt16LE(fin + 10);
  let p = b.readUInt32LE(fin + 16);
  const entrees = new Map<string, Buffer>();
  for (let n = 0; n < nombre; n++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error("Archive zip illisible : répertoire central corrompu.");
    const methode = b.readUInt16LE(p + 10);
    const taille = b.readUInt32LE(p + 20);
    const longNom = b.readUInt16LE(p + 28);
    const longExtra = b.readUInt16LE(p + 30);
    const longCommentaire = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const nom = b.toString("utf8", p + 46, p + 46 + longNom);
    const debut = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const donnees = b.subarray(debut, debut + taille);
    entrees.set(nom, methode === 8 ? inflateRawSync(donnees) : Buffer.from(donnees));
    p += 46 + longNom + longExtra + longCommentaire;
  }
  return entrees;
}

function decoder(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    }
  });
}

function attribut(balise: string, nom: string): string | undefined {
  const m = new RegExp(`\\s${nom}="([^"]*)"`).exec(balise);
  return m ? decoder(m[1]!) : undefined;
}

function textes(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => decoder(m[1] ?? "")).join("");
}

/** Every sheet's cells, by sheet name then A1 reference. */
export function lireClasseur(octets: Uint8Array): ClasseurLu {
  const zip = lireZip(octets);
  const lire = (nom: string) => {
    const e = zip.get(nom);
    if (!e) throw new Error(`Partie absente du classeur : ${nom}`);
    return e.toString("utf8");
  };
  const partages = zip.has("xl/sharedStrings.xml") ? [...lire("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textes(m[1]!)) : [];
  const liens = new Map<string, string>();
  for (const m of lire("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\s[^>]*>/g)) {
    const cible = attribut(m[0], "Target")!;
    liens.set(attribut(m[0], "Id")!, cible.startsWith("/") ? cible.slice(1) : `xl/${cible}`);
  }
  const classeur: ClasseurLu = new Map();
  for (const m of lire("xl/workbook.xml").matchAll(/<sheet\s[^>]*>/g)) {
    const nom = attribut(m[0], "name")!;
    const id = attribut(m[0], "r:id")!;
    const cellules = new Map<string, CelluleLue>();
    const xml = lire(liens.get(id)!);
    for (const c of xml.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributs = ` ${c[1]!}`;
      const ref = attribut(attributs, "r")!;
      const t = attribut(attributs, "t") ?? "n";
      const contenu = c[2] ?? "";
      const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(contenu);
      const v = /<v>([\s\S]*?)<\/v>|<v\/>/.exec(contenu);
      const brut = v ? decoder(v[1] ?? "") : null;
      let valeur: ValeurLue = null;
      if (t === "s") valeur = brut === null ? null : partages[Number(brut)]!;
      else if (t === "str") valeur = brut ?? "";
      else if (t === "inlineStr") valeur = textes(contenu);
      else if (t === "b") valeur = brut === "1";
      else if (t === "e") valeur = { erreur: brut ?? "" };
      else valeur = brut === null || brut === "" ? null : Number(brut);
      cellules.set(ref, f ? { valeur, formule: decoder(f[1]!) } : { valeur });
    }
    classeur.set(nom, cellules);
  }
  return classeur;
}

/** The value of one cell (null when empty or absent). */
export function valeur(classeur: ClasseurLu, feuille: string, ref: string): ValeurLue {
  const f = classeur.get(feuille);
  if (!f) throw new Error(`Feuille absente : ${feuille}`);
  return f.get(ref)?.valeur ?? null;
}
