import { createDeflateRaw } from "node:zlib";
import { deflateSync, strToU8 } from "fflate";

/**
 * Hostile workbooks (issue 11, DESIGN.md §9), built byte by byte: zip bombs in each kind of part,
 * archives whose directory lies about sizes, XML entity expansion, 30 000 sheets, a long formula shared
 * by 10 000 cells, 200 000 rows, terminal escape codes, truncated, encrypted, .xls and .ods files.
 * A small zip writer of our own, because the point is to write what a honest writer never would.
 */

export interface EntreeZip {
  nom: string;
  /** The bytes as stored (deflated when `methode` is 8). */
  donnees: Uint8Array;
  methode: 0 | 8;
  /** Uncompressed size written in the headers (may lie). */
  taille: number;
  drapeaux?: number;
}

function ecrire16(o: number[], x: number) {
  o.push(x & 0xff, (x >>> 8) & 0xff);
}
function ecrire32(o: number[], x: number) {
  o.push(x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, (x >>> 24) & 0xff);
}

/** A zip archive exactly as described (CRCs left at 0: the audit's reader does not rely on them). */
export function zipBrut(entrees: readonly EntreeZip[]): Uint8Array {
  const morceaux: Uint8Array[] = [];
  const central: number[] = [];
  let position = 0;
  for (const e of entrees) {
    const nom = strToU8(e.nom);
    const h: number[] = [];
    ecrire32(h, 0x04034b50);
    ecrire16(h, 20);
    ecrire16(h, e.drapeaux ?? 0);
    ecrire16(h, e.methode);
    ecrire32(h, 0);
    ecrire32(h, 0);
    ecrire32(h, e.donnees.length);
    ecrire32(h, e.taille);
    ecrire16(h, nom.length);
    ecrire16(h, 0);
    morceaux.push(new Uint8Array(h), nom, e.donnees);
    ecrire32(central, 0x02014b50);
    ecrire16(central, 20);
    ecrire16(central, 20);
    ecrire16(central, e.drapeaux ?? 0);
    ecrire16(central, e.methode);
    ecrire32(central, 0);
    ecrire32(central, 0);
    ecrire32(central, e.donnees.length);
    ecrire32(central, e.taille);
    ecrire16(central, nom.length);
    for (let k = 0; k < 4; k++) ecrire16(central, 0);
    ecrire32(central, 0);
    ecrire32(central, position);
    for (const b of nom) central.push(b);
    position += h.length + nom.length + e.donnees.length;
  }
  const fin: number[] = [];
  ecrire32(fin, 0x06054b50);
  ecrire16(fin, 0);
  ecrire16(fin, 0);
  ecrire16(fin, entrees.length);
  ecrire16(fin, entrees.length);
  ecrire32(fin, central.length);
  ecrire32(fin, position);
  ecrire16(fin, 0);
  morceaux.push(new Uint8Array(central), new Uint8Array(fin));
  const total = morceaux.reduce((n, m) => n + m.length, 0);
  const sortie = new Uint8Array(total);
  let o = 0;
  for (const m of morceaux) {
    sortie.set(m, o);
    o += m.length;
  }
  return sortie;
}

/** A part stored as written (no compression). */
export function partieStockee(nom: string, texte: string): EntreeZip {
  const brut = strToU8(texte);
  return { nom, donnees: brut, methode: 0, taille: brut.length };
}

/** A part deflated as written. */
export function partie(nom: string, texte: string): EntreeZip {
  const brut = strToU8(texte);
  return { nom, donnees: deflateSync(brut, { level: 9 }), methode: 8, taille: brut.length };
}

/**
 * A part made of `debut`, then `motif` repeated `fois` times, then `fin`, deflated as a stream by the
 * native zlib (never held whole: a 500 Mo bomb costs a few seconds and little memory to build).
 */
export async function partieRepetee(nom: string, debut: string, motif: string, fois: number, fin: string): Promise<EntreeZip> {
  const d = createDeflateRaw({ level: 9, memLevel: 9 });
  const comprime: Buffer[] = [];
  d.on("data", (b: Buffer) => comprime.push(b));
  const termine = new Promise<void>((ok, ko) => {
    d.on("end", ok);
    d.on("error", ko);
  });
  const parBloc = Math.max(1, Math.floor(1_048_576 / motif.length));
  const bloc = Buffer.from(motif.repeat(parBloc));
  const ecrire = (b: Buffer) => (d.write(b) ? Promise.resolve() : new Promise<void>((ok) => d.once("drain", ok)));
  await ecrire(Buffer.from(debut));
  let restant = fois;
  for (; restant >= parBloc; restant -= parBloc) await ecrire(bloc);
  if (restant > 0) await ecrire(Buffer.from(motif.repeat(restant)));
  await ecrire(Buffer.from(fin));
  d.end();
  await termine;
  return { nom, donnees: new Uint8Array(Buffer.concat(comprime)), methode: 8, taille: Buffer.byteLength(debut) + Buffer.byteLength(motif) * fois + Buffer.byteLength(fin) };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const DEBUT_FEUILLE = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
export const FIN_FEUILLE = "</sheetData></worksheet>";
const RELS_RACINE =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';

export function classeurXml(feuilles: number, avant = ""): string {
  const s: string[] = [];
  for (let i = 1; i <= feuilles; i++) s.push(`<sheet name="F${i}" sheetId="${i}" r:id="rId${i}"/>`);
  return `<?xml version="1.0"?>${avant}<workbook ${NS}><sheets>${s.join("")}</sheets></workbook>`;
}

export function liensXml(feuilles: number, partages = false): string {
  const r: string[] = [];
  for (let i = 1; i <= feuilles; i++) r.push(`<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`);
  if (partages) r.push('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>');
  return `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.join("")}</Relationships>`;
}

/** A one-sheet workbook whose parts can be replaced. */
export async function classeur(promesses: { feuille?: EntreeZip | Promise<EntreeZip>; classeur?: EntreeZip | Promise<EntreeZip>; partages?: EntreeZip | Promise<EntreeZip> } = {}): Promise<Uint8Array> {
  const parties = { feuille: await promesses.feuille, classeur: await promesses.classeur, partages: await promesses.partages };
  return zipBrut([
    partie("_rels/.rels", RELS_RACINE),
    parties.classeur ?? partie("xl/workbook.xml", classeurXml(1)),
    partie("xl/_rels/workbook.xml.rels", liensXml(1, parties.partages !== undefined)),
    ...(parties.partages ? [parties.partages] : []),
    parties.feuille ?? partie("xl/worksheets/sheet1.xml", `${DEBUT_FEUILLE}<row r="1"><c r="A1"><v>1</v></c></row>${FIN_FEUILLE}`),
  ]);
}

export interface FichierHostile {
  nom: string;
  octets: () => Uint8Array | Promise<Uint8Array>;
  /** What the refusal must name (French). */
  raison: RegExp;
  description: string;
}

const Mo = 1024 * 1024;

export const CORPUS: readonly FichierHostile[] = [
  {
    nom: "bombe-feuille-50mo.xlsx",
    description: "une feuille dont le XML se décompresse en 50 Mo (quelques dizaines de Ko compressés)",
    octets: () => classeur({ feuille: partieRepetee("xl/worksheets/sheet1.xml", DEBUT_FEUILLE, "<row><c><v>1</v></c></row>", Math.floor((50 * Mo) / 26), FIN_FEUILLE) }),
    raison: /limite de 20 Mo par partie|taux de compression/,
  },
  {
    nom: "bombe-feuille-500mo.xlsx",
    description: "une feuille dont le XML se décompresse en 500 Mo (taille déclarée exacte)",
    octets: () => classeur({ feuille: partieRepetee("xl/worksheets/sheet1.xml", DEBUT_FEUILLE, "<row><c><v>1</v></c></row>", Math.floor((500 * Mo) / 26), FIN_FEUILLE) }),
    raison: /limite de 20 Mo par partie|taux de compression/,
  },
  {
    nom: "bombe-textes-partages.xlsx",
    description: "des textes partagés qui se décompressent en 300 Mo",
    octets: () => classeur({ partages: partieRepetee("xl/sharedStrings.xml", `<?xml version="1.0"?><sst ${NS}>`, "<si><t>a</t></si>", Math.floor((300 * Mo) / 17), "</sst>") }),
    raison: /limite de 20 Mo par partie|taux de compression/,
  },
  {
    nom: "bombe-classeur.xlsx",
    description: "un xl/workbook.xml de 100 Mo d'espaces",
    octets: () => classeur({ classeur: partieRepetee("xl/workbook.xml", "<?xml version=\"1.0\"?>", " ", 100 * Mo, classeurXml(1).replace('<?xml version="1.0"?>', "")) }),
    raison: /limite de 20 Mo par partie|taux de compression/,
  },
  {
    nom: "tailles-mensongeres.xlsx",
    description: "une feuille de 40 Mo déclarée de 2 000 octets dans le répertoire zip",
    octets: async () => {
      const f = await partieRepetee("xl/worksheets/sheet1.xml", DEBUT_FEUILLE, "<row><c><v>1</v></c></row>", Math.floor((40 * Mo) / 26), FIN_FEUILLE);
      return classeur({ feuille: { ...f, taille: 2000 } });
    },
    raison: /plus d'octets que l'archive n'en déclare/,
  },
  {
    nom: "expansion-entites.xlsx",
    description: "un classeur qui déclare des entités imbriquées (« billion laughs »)",
    octets: () => {
      let dtd = '<!DOCTYPE workbook [<!ENTITY a0 "hahahahahahahahahaha">';
      for (let i = 1; i < 10; i++) dtd += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
      dtd += "]>";
      return classeur({ classeur: partie("xl/workbook.xml", classeurXml(1, dtd).replace('<sheet name="F1"', '<sheet name="&a9;"')) });
    },
    raison: /déclaration de type de document/,
  },
  {
    nom: "30000-feuilles.xlsx",
    description: "30 000 feuilles, chacune sa partie",
    octets: () =>
      zipBrut([
        partie("_rels/.rels", RELS_RACINE),
        partie("xl/workbook.xml", classeurXml(30_000)),
        partie("xl/_rels/workbook.xml.rels", liensXml(30_000)),
        ...Array.from({ length: 30_000 }, (_, i) => partieStockee(`xl/worksheets/sheet${i + 1}.xml`, `${DEBUT_FEUILLE}${FIN_FEUILLE}`)),
      ]),
    raison: /plus de 10 000 entrées dans l'archive zip/,
  },
  {
    nom: "30000-feuilles-une-partie.xlsx",
    description: "30 000 feuilles qui désignent toutes la même partie",
    octets: () =>
      zipBrut([
        partie("_rels/.rels", RELS_RACINE),
        partie("xl/workbook.xml", classeurXml(30_000).replace(/r:id="rId\d+"/g, 'r:id="rId1"')),
        partie("xl/_rels/workbook.xml.rels", liensXml(1)),
        partie("xl/worksheets/sheet1.xml", `${DEBUT_FEUILLE}<row r="1"><c r="A1"><v>1</v></c></row>${FIN_FEUILLE}`),
      ]),
    raison: /plus de 1 000 feuilles/,
  },
  {
    nom: "formule-partagee-100000.xlsx",
    description: "une formule de 100 000 caractères partagée par 10 000 cellules",
    octets: () => {
      const formule = `SUM(${Array.from({ length: 20_000 }, (_, i) => `B${i + 1}`).join("+")})`.slice(0, 100_000);
      const lignes = [`<row r="1"><c r="A1"><f t="shared" ref="A1:A10000" si="0">${formule}</f><v>0</v></c></row>`];
      for (let r = 2; r <= 10_000; r++) lignes.push(`<row r="${r}"><c r="A${r}"><f t="shared" si="0"/><v>0</v></c></row>`);
      return classeur({ feuille: partie("xl/worksheets/sheet1.xml", `${DEBUT_FEUILLE}${lignes.join("")}${FIN_FEUILLE}`) });
    },
    raison: /formule de 100[  ]000 caractères .* limite de 8[  ]192 caractères/,
  },
  {
    nom: "200000-lignes.xlsx",
    description: "une feuille de 200 000 lignes de deux cellules, toutes différentes (peu compressible)",
    octets: () => {
      const lignes: string[] = [];
      for (let r = 1; r <= 200_000; r++) lignes.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${(r * 7919) % 100_003}</v></c></row>`);
      return classeur({ feuille: partie("xl/worksheets/sheet1.xml", `${DEBUT_FEUILLE}${lignes.join("")}${FIN_FEUILLE}`) });
    },
    raison: /plus de 200[  ]000 cellules/,
  },
  {
    nom: "texte-geant.xlsx",
    description: "une cellule de 500 000 caractères (texte pseudo-aléatoire, peu compressible)",
    octets: () => {
      let x = 12345;
      const texte = Array.from({ length: 500_000 }, () => String.fromCharCode(97 + ((x = (x * 1103515245 + 12345) % 2147483648) % 26))).join("");
      return classeur({ feuille: partie("xl/worksheets/sheet1.xml", `${DEBUT_FEUILLE}<row r="1"><c r="A1" t="inlineStr"><is><t>${texte}</t></is></c></row>${FIN_FEUILLE}`) });
    },
    raison: /limite de 32[  ]767 caractères par cellule/,
  },
  {
    nom: "tronque.xlsx",
    description: "un classeur coupé en deux",
    octets: async () => (await classeur()).subarray(0, 300),
    raison: /tronquée/,
  },
  {
    nom: "chiffre.xlsx",
    description: "un classeur protégé par un mot de passe (conteneur OLE, comme Excel l'écrit)",
    octets: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
    raison: /protégé par un mot de passe/,
  },
  {
    nom: "entree-chiffree.xlsx",
    description: "une archive zip dont la feuille est chiffrée (ZipCrypto)",
    octets: () => {
      const f = partie("xl/worksheets/sheet1.xml", `${DEBUT_FEUILLE}${FIN_FEUILLE}`);
      return classeur({ feuille: { ...f, drapeaux: 1 } });
    },
    raison: /chiffrée/,
  },
  {
    nom: "ancien-format.xls",
    description: "un classeur Excel 97-2003",
    octets: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00, 0x00, 0x00, ...new Array(500).fill(0)]),
    raison: /Excel 97-2003 \(\.xls\)/,
  },
  {
    nom: "opendocument.ods",
    description: "un classeur OpenDocument",
    octets: () =>
      zipBrut([
        { nom: "mimetype", donnees: strToU8("application/vnd.oasis.opendocument.spreadsheet"), methode: 0, taille: 46 },
        partie("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
      ]),
    raison: /OpenDocument \(\.ods\)/,
  },
  {
    nom: "trop-gros.xlsx",
    description: "un fichier de 21 Mo",
    octets: () => {
      const o = new Uint8Array(21 * Mo);
      o.set([0x50, 0x4b, 0x03, 0x04]);
      return o;
    },
    raison: /limite de 20 Mo par fichier/,
  },
];
