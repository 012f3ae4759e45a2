import type { DateISO } from "../date.ts";
import { instantConnaissance, type CatalogueBaremes } from "../baremes/catalogue.ts";
import { IDS_BAREMES } from "../baremes/definitions.ts";
import type { Cellule, Feuille, MiseEnPage, NomDefini, SpecModele, TypeModele, Validation, ValeurCellule } from "./spec.ts";
import { FORMATS, type NomFormat, type NomStyle } from "./styles.ts";

/** Helpers that keep the template modules readable: a sheet is built cell by cell, in reading order. */
export class ConstructeurFeuille {
  readonly cle: string;
  readonly nom: string;
  visibilite: Feuille["visibilite"] = "visible";
  protegee = true;
  colonnes: number[] = [];
  figerLignes: number | undefined;
  impression: MiseEnPage | undefined;
  private readonly cellules = new Map<string, Cellule>();
  private readonly fusions: string[] = [];

  constructor(cle: string, nom: string) {
    this.cle = cle;
    this.nom = nom;
  }

  cellule(ref: string, c: Omit<Cellule, "ref">): this {
    if (this.cellules.has(ref)) throw new Error(`${this.cle}!${ref} est déjà défini.`);
    this.cellules.set(ref, { ref, ...c });
    return this;
  }

  texte(ref: string, texte: string, style: NomStyle = "libelle"): this {
    return this.cellule(ref, { valeur: texte, style });
  }

  formule(ref: string, formule: string, options: { style?: NomStyle; format?: NomFormat; id?: string } = {}): this {
    const { style = "calcul", format, id } = options;
    return this.cellule(ref, { formule, style, ...(format ? { format: FORMATS[format] } : {}), ...(id ? { id } : {}) });
  }

  saisie(ref: string, id: string, validation: Validation, options: { valeur?: ValeurCellule; format?: NomFormat; aide?: string; style?: "saisie" | "saisieTexte" } = {}): this {
    const { valeur, aide, style = "saisie" } = options;
    // A text input keeps what is typed: « 0751224012345 » (a numéro unique) stays text, leading zero included.
    const format = options.format ?? (style === "saisieTexte" ? "texte" : undefined);
    return this.cellule(ref, {
      saisie: true,
      id,
      style,
      validation,
      ...(valeur !== undefined ? { valeur } : {}),
      ...(format ? { format: FORMATS[format] } : {}),
      ...(aide ? { aide } : {}),
    });
  }

  fusionner(plage: string): this {
    this.fusions.push(plage);
    return this;
  }

  construire(): Feuille {
    return {
      cle: this.cle,
      nom: this.nom,
      visibilite: this.visibilite,
      protegee: this.protegee,
      colonnes: this.colonnes,
      fusions: this.fusions,
      ...(this.figerLignes !== undefined ? { figerLignes: this.figerLignes } : {}),
      ...(this.impression !== undefined ? { impression: this.impression } : {}),
      cellules: [...this.cellules.values()],
    };
  }
}

/** Validation rules written once, with their French messages. */
export const VALIDATIONS = {
  montant: { type: "decimal", min: 0, max: 1_000_000_000, message: "Saisissez un montant en euros, positif ou nul." },
  montantPositif: { type: "decimal", min: 0.01, max: 1_000_000_000, message: "Saisissez un montant en euros supérieur à 0." },
  ouiNon: { type: "liste", valeurs: ["Oui", "Non"], message: "Choisissez Oui ou Non dans la liste." },
  date: { type: "date", min: "1900-03-01", max: "2199-12-31", message: "Saisissez une date (jj/mm/aaaa)." },
  texteCourt: { type: "texte", longueurMax: 100, message: "100 caractères au plus." },
  texteLong: { type: "texte", longueurMax: 500, message: "500 caractères au plus : des faits objectifs, sans jugement." },
} as const satisfies Record<string, Validation>;

export function entier(min: number, max: number, message: string): Validation {
  return { type: "entier", min, max, message };
}

export function liste(valeurs: readonly string[], message = "Choisissez une valeur dans la liste."): Validation {
  return { type: "liste", valeurs, message };
}

export interface EnteteModele {
  id: TypeModele;
  version: string;
  titre: string;
  dateBaremes: DateISO;
  options: Readonly<Record<string, string | number>>;
}

/**
 * The hidden metadata sheet (DESIGN.md §6), read by the audit: template id and version, barème date,
 * options, and the name each sheet really got. Keys in column A are machine keys; they never change.
 */
export function feuilleMeta(entete: EnteteModele, cles: readonly string[]): Feuille {
  const f = new ConstructeurFeuille("meta", "LogSoc_meta");
  f.visibilite = "masquee";
  f.colonnes = [24, 60];
  f.texte("A1", "LogSoc : métadonnées du modèle (ne pas modifier)", "titre");
  f.texte("A2", "cle", "entete").texte("B2", "valeur", "entete");
  let l = 3;
  const ligne = (cle: string, valeur: ValeurCellule, id?: string, format?: NomFormat) => {
    f.texte(`A${l}`, cle);
    f.cellule(`B${l}`, { valeur, style: "calcul", ...(id ? { id } : {}), ...(format ? { format: FORMATS[format] } : {}) });
    l++;
  };
  ligne("modele", entete.id, "meta.modele");
  ligne("version", entete.version, "meta.version");
  ligne("titre", entete.titre);
  ligne("date_baremes", { date: entete.dateBaremes }, "meta.dateBaremes", "date");
  ligne("generateur", "LogSoc");
  for (const [cle, valeur] of Object.entries(entete.options)) ligne(`option.${cle}`, valeur);
  for (const cle of cles) ligne(`feuille.${cle}`, { nomFeuille: cle });
  return f.construire();
}

/** Assembles a template: its sheets, then the metadata sheet, and the workbook names. */
export function assembler(entete: EnteteModele, feuilles: readonly Feuille[], noms: readonly NomDefini[]): SpecModele {
  const toutes = [...feuilles, feuilleMeta(entete, [...feuilles.map((f) => f.cle), "meta"])];
  return { ...entete, feuilles: toutes, noms };
}

/** The metadata row that records when, as far as barèmes go, a template was generated (DESIGN.md §8). */
export const CLE_GENERE_LE = "genere_le";

/**
 * The instant of the latest barème publication `catalogue` holds: what LogSoc knew of the barèmes when it
 * generated a template with it. The audit recomputes with the barèmes as known then. It is the knowledge
 * instant, not the wall clock: a catalogue that never heard of a correction published since cannot have
 * used it, and the same catalogue gives the same workbook to the byte (cached templates, exercises).
 */
const INSTANTS = new WeakMap<CatalogueBaremes, string>();

export function instantDesBaremes(catalogue: CatalogueBaremes): string {
  const connu = INSTANTS.get(catalogue);
  if (connu !== undefined) return connu;
  let dernier = "";
  for (const id of IDS_BAREMES) {
    for (const p of catalogue.historique(id)) {
      if (p.publieLe === undefined) continue;
      const t = instantConnaissance(p.publieLe, "publieLe", p.origine === "integree" ? "debut" : "fin");
      if (t > dernier) dernier = t;
    }
  }
  // A catalogue never changes once made: its publications are given at creation.
  INSTANTS.set(catalogue, dernier);
  return dernier;
}

/**
 * The template with its `genere_le` row appended to the metadata sheet (after every existing row, so the
 * rows of layout 1, which lacks it, keep their place).
 */
export function avecGenereLe(spec: SpecModele, catalogue: CatalogueBaremes): SpecModele {
  const instant = instantDesBaremes(catalogue);
  return {
    ...spec,
    feuilles: spec.feuilles.map((f) => {
      if (f.cle !== "meta") return f;
      const l = Math.max(...f.cellules.map((c) => Number(/\d+$/.exec(c.ref)![0]))) + 1;
      return { ...f, cellules: [...f.cellules, { ref: `A${l}`, valeur: CLE_GENERE_LE, style: "libelle" }, { ref: `B${l}`, valeur: instant, style: "calcul", id: "meta.genereLe" }] };
    }),
  };
}
