import { ClasseurIllisible } from "./lecteur.ts";

/**
 * Limits on every workbook the audit reads (DESIGN.md §9): files come from anyone. Each is checked
 * before the work it bounds (the zip directory's declared sizes) and again while it is done (bytes
 * counted while inflating, cells while parsing, the clock), so a file that lies is stopped as soon as
 * it goes past. A file over a limit is refused with a French message naming the limit; the batch goes on.
 * The figures leave a wide margin over any real dossier (a 600-instalment plan: 0,5 Mo of XML, 4 000 cells).
 */
export const LIMITES = {
  /** Bytes of the .xlsx file itself. */
  tailleFichier: 20 * 1024 * 1024,
  /** Bytes inflated over the whole workbook (every part read, counted while inflating). */
  tailleDecompressee: 200 * 1024 * 1024,
  /** Bytes of one part once inflated (a 600-instalment plan's sheet: 0,5 Mo). */
  taillePartie: 20 * 1024 * 1024,
  /** Inflated / compressed, for parts over `seuilTaux` bytes. */
  tauxCompression: 100,
  seuilTaux: 1024 * 1024,
  /** Entries of the zip archive. */
  entrees: 10_000,
  feuilles: 1_000,
  /** `<c>` elements over all sheets (empty styled cells included: they cost parsing). */
  cellules: 200_000,
  textesPartages: 200_000,
  /** Characters of one text (Excel's own limit for a cell). */
  texte: 32_767,
  /** Characters of one formula (Excel's own limit). */
  formule: 8_192,
  nomsDefinis: 10_000,
  /** LogSoc dossiers (metadata sheets) in one workbook. */
  dossiers: 50,
  /** Milliseconds to read and audit one file. */
  duree: 10_000,
} as const;

export type Limites = { -readonly [K in keyof typeof LIMITES]: number };

const mo = (octets: number) => `${Math.round(octets / (1024 * 1024)).toLocaleString("fr-FR")} Mo`;
const n = (x: number) => x.toLocaleString("fr-FR").replace(/\u202f|\u00a0/g, " ");

/** The file goes past a limit: exit 2, French message naming the limit. */
export class LimiteDepassee extends ClasseurIllisible {
  readonly limite: keyof Limites;
  constructor(limite: keyof Limites, message: string) {
    super(message);
    this.name = "LimiteDepassee";
    this.limite = limite;
  }
}

/** What one file may still use; counted as the reading goes. */
export class Budget {
  readonly limites: Limites;
  private readonly fin: number;
  private decompresse = 0;
  private cellules = 0;
  private appels = 0;

  constructor(limites: Partial<Limites> = {}, maintenant: number = Date.now()) {
    this.limites = { ...LIMITES, ...limites };
    this.fin = maintenant + this.limites.duree;
  }

  verifierTailleFichier(octets: number): void {
    if (octets > this.limites.tailleFichier) {
      throw new LimiteDepassee("tailleFichier", `Fichier refusé : il pèse ${mo(octets)}, au-delà de la limite de ${mo(this.limites.tailleFichier)} par fichier (un dossier LogSoc pèse moins de 1 Mo).`);
    }
  }

  /** Bytes just inflated from part `partie`, `compresses` bytes in the archive. */
  decompression(partie: string, produits: number, compresses: number): void {
    this.decompresse += produits;
    if (this.decompresse > this.limites.tailleDecompressee) {
      throw new LimiteDepassee("tailleDecompressee", `Fichier refusé : son contenu décompressé dépasse la limite de ${mo(this.limites.tailleDecompressee)} (archive piégée ou classeur démesuré).`);
    }
  }

  partie(partie: string, taille: number, compresses: number): void {
    if (taille > this.limites.taillePartie) {
      throw new LimiteDepassee("taillePartie", `Fichier refusé : la partie « ${partie} » dépasse, décompressée, la limite de ${mo(this.limites.taillePartie)} par partie.`);
    }
    if (taille > this.limites.seuilTaux && taille > this.limites.tauxCompression * Math.max(1, compresses)) {
      throw new LimiteDepassee(
        "tauxCompression",
        `Fichier refusé : la partie « ${partie} » se décompresse plus de ${this.limites.tauxCompression} fois (taux de compression limité à ${this.limites.tauxCompression} : archive piégée, « zip bomb »).`,
      );
    }
  }

  compter(limite: "entrees" | "feuilles" | "textesPartages" | "nomsDefinis" | "dossiers", nombre: number): void {
    const max = this.limites[limite];
    if (nombre <= max) return;
    const quoi = { entrees: "entrées dans l'archive zip", feuilles: "feuilles", textesPartages: "textes partagés", nomsDefinis: "noms définis", dossiers: "dossiers LogSoc (feuilles de métadonnées)" }[limite];
    throw new LimiteDepassee(limite, `Fichier refusé : plus de ${n(max)} ${quoi} (limite du contrôle ; ce classeur en compte ${nombre > max + 1 ? n(nombre) : "davantage"}).`);
  }

  cellule(): void {
    if (++this.cellules > this.limites.cellules) {
      throw new LimiteDepassee("cellules", `Fichier refusé : plus de ${n(this.limites.cellules)} cellules (limite du contrôle ; un dossier LogSoc en compte quelques milliers).`);
    }
  }

  texte(longueur: number, ou: string): void {
    if (longueur > this.limites.texte) {
      throw new LimiteDepassee("texte", `Fichier refusé : un texte de ${n(longueur)} caractères (${ou}) dépasse la limite de ${n(this.limites.texte)} caractères par cellule (limite d'Excel).`);
    }
  }

  formule(longueur: number, ou: string): void {
    if (longueur > this.limites.formule) {
      throw new LimiteDepassee("formule", `Fichier refusé : une formule de ${n(longueur)} caractères (${ou}) dépasse la limite de ${n(this.limites.formule)} caractères (limite d'Excel).`);
    }
  }

  /** Cheap enough to call in every loop: reads the clock once in 1 024 calls. */
  temps(): void {
    if ((++this.appels & 1023) !== 0) return;
    this.tempsMaintenant();
  }

  tempsMaintenant(): void {
    if (Date.now() > this.fin) {
      throw new LimiteDepassee("duree", `Fichier refusé : sa lecture et son contrôle dépassent la limite de ${n(this.limites.duree / 1000)} secondes par fichier.`);
    }
  }
}
