import { z } from "zod";
import { estDateISO, type DateISO } from "../date.ts";
import { decomposerPlage, estRefCellule, problemesFormule } from "./formules.ts";
import { NOMS_STYLES, STYLES, VALEURS_FORMATS, type NomStyle } from "./styles.ts";

/**
 * A workbook template as data (DESIGN.md §6): sheets of cells (labels, input cells with their default
 * value, native formulas), workbook-level names, number formats, validation lists, protection and
 * styles. Two renderers read it: the office.js one (add-in) and the .xlsx writer (CLI, API). The audit
 * reads it too: every input and every result carries a stable `id`.
 */

export const TYPES_MODELES = ["evaluation", "cal", "apurement", "competences"] as const;
export type TypeModele = (typeof TYPES_MODELES)[number];

/** A constant in a cell. `{ date }` is written as an Excel serial date; `{ nomFeuille }` as the name the sheet really got. */
export type ValeurCellule = string | number | boolean | { date: DateISO } | { nomFeuille: string };

export type Validation =
  | { type: "liste"; valeurs: readonly string[]; message: string }
  | { type: "decimal"; min: number; max?: number; message: string }
  | { type: "entier"; min: number; max: number; message: string }
  | { type: "date"; min: string; max: string; message: string }
  | { type: "texte"; longueurMax: number; message: string };

export interface Cellule {
  /** A1 reference in its sheet. */
  ref: string;
  valeur?: ValeurCellule;
  /** Native formula without `=` (see formules.ts); a cell has a value or a formula, not both. */
  formule?: string;
  style?: NomStyle;
  /** An Excel number format, one of FORMATS. */
  format?: string;
  /** Input cell: unlocked, styled as such, with a validation rule. */
  saisie?: boolean;
  /** Stable identifier of an input or a result, unique in the template (`foyer.personnes14Plus`). */
  id?: string;
  validation?: Validation;
  /** Shown to the adviser when the cell is selected (input message of the validation). */
  aide?: string;
}

/**
 * How a sheet prints (DESIGN.md §6 « Paper-ready »): A4, fitted to the page width, in the orientation
 * chosen for the sheet. Columns after `derniereColonne` (the « Calculs intermédiaires ») and rows after
 * `derniereLigne` stay out of the print area. The footer (template, barème date, page x/y) is built by
 * the renderers from the spec.
 */
export interface MiseEnPage {
  orientation: "portrait" | "paysage";
  /** Last printed column (letter). */
  derniereColonne: string;
  /** Last printed row; a plan d'apurement's renderer extends it to the instalments that exist. */
  derniereLigne: number;
  /** Rows repeated at the top of every page (a table's header), first and last. */
  titres?: readonly [number, number];
  /** A new page starts at each of these rows (before a section, never inside a block). */
  sauts?: readonly number[];
  /** Fit the sheet on this many pages tall as well (a fiche on one page); default: as many as needed. */
  pagesEnHauteur?: number;
  /**
   * A schedule of variable length (plan d'apurement): the print area ends `lignesApres` rows after the
   * last instalment that exists. `celluleNombre` holds the number of instalments (Excel's dynamic print
   * area reads it); the .xlsx writer computes it from the inputs with the engine (LibreOffice reads only
   * fixed print areas).
   */
  echeancier?: { premiereLigne: number; celluleNombre: string; lignesApres: number };
}

export interface Feuille {
  /** Key used by formulas (`{baremes}!C5`) and names; stable across renames. */
  cle: string;
  /** Preferred sheet name; the add-in appends « (2) »… when a sheet of that name already exists. */
  nom: string;
  visibilite: "visible" | "masquee";
  protegee: boolean;
  /** Column widths in characters, from column A. */
  colonnes: readonly number[];
  fusions: readonly string[];
  /** Rows kept visible when scrolling (freeze panes). */
  figerLignes?: number;
  /** Print layout; absent for hidden sheets (they are not printed). */
  impression?: MiseEnPage;
  cellules: readonly Cellule[];
}

export interface NomDefini {
  /** Workbook-level name (`RAV_MENSUEL`). */
  nom: string;
  feuille: string;
  ref: string;
  /** French, stored as the name's comment. */
  description: string;
}

export interface SpecModele {
  id: TypeModele;
  /** Semantic version of the template layout; the audit refuses versions it does not know. */
  version: string;
  titre: string;
  /** Date the barèmes were looked up for (in force that day). */
  dateBaremes: DateISO;
  /** Options the template was built with (recorded in the metadata sheet so it can be rebuilt). */
  options: Readonly<Record<string, string | number>>;
  feuilles: readonly Feuille[];
  noms: readonly NomDefini[];
}

const NOM_FEUILLE_INTERDIT = /[[\]:*?/\\]/;
const NOM_DEFINI = /^[A-Z_][A-Z0-9_]*$/;

const date = z.string().refine(estDateISO, { error: "date AAAA-MM-JJ attendue" });
const refCellule = z.string().refine(estRefCellule, { error: "référence de cellule A1 attendue" });
const message = z.string().min(1).max(255);

const ValidationSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("liste"),
    valeurs: z
      .array(z.string().min(1).refine((v) => !v.includes(","), { error: "une valeur de liste ne peut pas contenir de virgule" }))
      .min(1),
    message,
  }),
  z.strictObject({ type: z.literal("decimal"), min: z.number(), max: z.number().optional(), message }),
  z.strictObject({ type: z.literal("entier"), min: z.number().int(), max: z.number().int(), message }),
  z.strictObject({ type: z.literal("date"), min: date, max: date, message }),
  z.strictObject({ type: z.literal("texte"), longueurMax: z.number().int().min(1).max(32_767), message }),
]);

const ValeurSchema = z.union([
  z.string(),
  z.number().refine(Number.isFinite, { error: "nombre fini attendu" }),
  z.boolean(),
  z.strictObject({ date }),
  z.strictObject({ nomFeuille: z.string() }),
]);

const CelluleSchema = z.strictObject({
  ref: refCellule,
  valeur: ValeurSchema.optional(),
  formule: z.string().min(1).optional(),
  style: z.enum(NOMS_STYLES as [NomStyle, ...NomStyle[]]).optional(),
  format: z
    .string()
    .refine((f) => VALEURS_FORMATS.has(f), { error: "format de nombre inconnu (voir FORMATS)" })
    .optional(),
  saisie: z.boolean().optional(),
  id: z
    .string()
    .regex(/^[a-z][A-Za-z0-9]*(\.[a-z0-9][A-Za-z0-9]*)*$/, { error: "identifiant attendu : mots.séparés.par.des.points" })
    .optional(),
  validation: ValidationSchema.optional(),
  aide: z.string().min(1).max(255).optional(),
});

const FeuilleSchema = z.strictObject({
  cle: z.string().regex(/^[a-z][a-z0-9_]*$/),
  nom: z
    .string()
    .min(1)
    // Room for « (99) » when the add-in has to make the name unique.
    .max(26, { error: "nom de feuille trop long (26 caractères au plus, pour pouvoir ajouter « (2) »)" })
    .refine((n) => !NOM_FEUILLE_INTERDIT.test(n) && !n.startsWith("'") && !n.endsWith("'"), { error: "caractère interdit dans un nom de feuille" }),
  visibilite: z.enum(["visible", "masquee"]),
  protegee: z.boolean(),
  colonnes: z.array(z.number().positive().max(255)),
  fusions: z.array(z.string().regex(/^[A-Z]{1,3}[1-9]\d*:[A-Z]{1,3}[1-9]\d*$/)),
  figerLignes: z.number().int().min(1).optional(),
  impression: z
    .strictObject({
      orientation: z.enum(["portrait", "paysage"]),
      derniereColonne: z.string().regex(/^[A-Z]{1,3}$/),
      derniereLigne: z.number().int().min(1).max(1_048_576),
      titres: z.tuple([z.number().int().min(1), z.number().int().min(1)]).optional(),
      sauts: z.array(z.number().int().min(2)).optional(),
      pagesEnHauteur: z.number().int().min(1).max(100).optional(),
      echeancier: z.strictObject({ premiereLigne: z.number().int().min(2), celluleNombre: refCellule, lignesApres: z.number().int().min(0) }).optional(),
    })
    .optional(),
  cellules: z.array(CelluleSchema).min(1),
});

const NomDefiniSchema = z.strictObject({
  nom: z
    .string()
    .regex(NOM_DEFINI, { error: "nom défini attendu en majuscules : LETTRES_ET_CHIFFRES" })
    // « RAV1 » would be read as a cell of column RAV: a name must not look like a reference.
    .refine((n) => !estRefCellule(n) && !/^[RC]\d*$/.test(n) && !/^R\d+C\d+$/.test(n), { error: "un nom défini ne doit pas ressembler à une référence de cellule" }),
  feuille: z.string(),
  ref: refCellule,
  description: z.string().min(1).max(255),
});

export const SpecModeleSchema = z
  .strictObject({
    id: z.enum(TYPES_MODELES),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    titre: z.string().min(1),
    dateBaremes: date,
    options: z.record(z.string(), z.union([z.string(), z.number()])),
    feuilles: z.array(FeuilleSchema).min(1),
    noms: z.array(NomDefiniSchema),
  })
  .superRefine((spec, ctx) => {
    const cles = new Set(spec.feuilles.map((f) => f.cle));
    const probleme = (message: string, path: (string | number)[]) => ctx.addIssue({ code: "custom", message, path });

    const vusFeuilles = new Map<string, number>();
    const nomsVus = new Map<string, number>();
    spec.feuilles.forEach((f, i) => {
      if (vusFeuilles.has(f.cle)) probleme(`clé de feuille en double : ${f.cle}`, ["feuilles", i, "cle"]);
      vusFeuilles.set(f.cle, i);
      const n = f.nom.toLowerCase();
      if (nomsVus.has(n)) probleme(`nom de feuille en double : ${f.nom}`, ["feuilles", i, "nom"]);
      nomsVus.set(n, i);
    });
    if (!spec.feuilles.some((f) => f.visibilite === "visible")) probleme("au moins une feuille doit être visible", ["feuilles"]);
    spec.feuilles.forEach((f, i) => {
      const m = f.impression;
      if (m === undefined) return;
      if (m.titres && (m.titres[1] < m.titres[0] || m.titres[1] > m.derniereLigne)) probleme("lignes de titres hors de la zone d'impression", ["feuilles", i, "impression", "titres"]);
      if (m.sauts?.some((l) => l > m.derniereLigne)) probleme("saut de page hors de la zone d'impression", ["feuilles", i, "impression", "sauts"]);
    });

    const ids = new Set<string>();
    spec.feuilles.forEach((f, i) => {
      const refs = new Set<string>();
      f.cellules.forEach((c, j) => {
        const chemin = ["feuilles", i, "cellules", j];
        if (refs.has(c.ref)) probleme(`${f.cle}!${c.ref} : cellule définie deux fois`, [...chemin, "ref"]);
        refs.add(c.ref);
        if (c.id !== undefined) {
          if (ids.has(c.id)) probleme(`identifiant en double : ${c.id}`, [...chemin, "id"]);
          ids.add(c.id);
        }
        if (c.valeur !== undefined && c.formule !== undefined) probleme(`${f.cle}!${c.ref} : une valeur et une formule à la fois`, chemin);
        if (c.formule !== undefined) {
          for (const p of problemesFormule(c.formule, cles)) probleme(`${f.cle}!${c.ref} : ${p}`, [...chemin, "formule"]);
          if (c.saisie) probleme(`${f.cle}!${c.ref} : une cellule calculée ne peut pas être une saisie`, chemin);
        }
        if (typeof c.valeur === "object" && "nomFeuille" in c.valeur && !cles.has(c.valeur.nomFeuille)) {
          probleme(`${f.cle}!${c.ref} : feuille inconnue ${c.valeur.nomFeuille}`, [...chemin, "valeur"]);
        }
        const deverrouillee = c.style !== undefined && "deverrouillee" in STYLES[c.style];
        if (c.saisie) {
          if (!deverrouillee) probleme(`${f.cle}!${c.ref} : une saisie doit avoir un style de saisie`, [...chemin, "style"]);
          if (c.validation === undefined) probleme(`${f.cle}!${c.ref} : une saisie doit avoir une règle de validation`, [...chemin, "validation"]);
          if (c.id === undefined) probleme(`${f.cle}!${c.ref} : une saisie doit avoir un identifiant`, [...chemin, "id"]);
        } else {
          if (deverrouillee) probleme(`${f.cle}!${c.ref} : style de saisie sur une cellule qui n'est pas une saisie`, [...chemin, "style"]);
          if (c.validation !== undefined) probleme(`${f.cle}!${c.ref} : validation sur une cellule qui n'est pas une saisie`, [...chemin, "validation"]);
        }
        if (c.validation?.type === "liste") {
          const source = c.validation.valeurs.join(",");
          if (source.length > 255) probleme(`${f.cle}!${c.ref} : liste de validation trop longue (255 caractères au plus)`, [...chemin, "validation"]);
          if (typeof c.valeur === "string" && !c.validation.valeurs.includes(c.valeur)) {
            probleme(`${f.cle}!${c.ref} : valeur par défaut « ${c.valeur} » absente de la liste`, [...chemin, "valeur"]);
          }
        }
      });
      f.fusions.forEach((plage, k) => {
        const { debut, fin } = decomposerPlage(plage);
        if (fin.colonne < debut.colonne || fin.ligne < debut.ligne) probleme(`fusion à l'envers : ${plage}`, ["feuilles", i, "fusions", k]);
      });
    });

    const nomsDefinis = new Set<string>();
    spec.noms.forEach((n, i) => {
      if (nomsDefinis.has(n.nom)) probleme(`nom défini en double : ${n.nom}`, ["noms", i, "nom"]);
      nomsDefinis.add(n.nom);
      const f = spec.feuilles.find((x) => x.cle === n.feuille);
      if (!f) probleme(`nom ${n.nom} : feuille inconnue ${n.feuille}`, ["noms", i, "feuille"]);
      else if (!f.cellules.some((c) => c.ref === n.ref)) probleme(`nom ${n.nom} : ${n.feuille}!${n.ref} n'est pas une cellule du modèle`, ["noms", i, "ref"]);
    });
  });

/** Checks a spec (shape, formulas, names, inputs); throws with every problem listed. */
export function validerSpec(spec: SpecModele): SpecModele {
  const r = SpecModeleSchema.safeParse(spec);
  if (!r.success) {
    const lignes = r.error.issues.map((i) => `- ${i.path.join(".")} : ${i.message}`);
    throw new Error(`Spécification de modèle invalide (${spec.id ?? "?"}) :\n${lignes.join("\n")}`);
  }
  return spec;
}

/** Every cell of a spec with its sheet, in order. */
export function toutesLesCellules(spec: SpecModele): { feuille: Feuille; cellule: Cellule }[] {
  return spec.feuilles.flatMap((feuille) => feuille.cellules.map((cellule) => ({ feuille, cellule })));
}

/** Finds a cell by id; throws when the template has no such cell. */
export function celluleParId(spec: SpecModele, id: string): { feuille: Feuille; cellule: Cellule } {
  const t = toutesLesCellules(spec).find((x) => x.cellule.id === id);
  if (!t) throw new Error(`Le modèle ${spec.id} n'a pas de cellule « ${id} ».`);
  return t;
}

export type ValeursSaisies = Readonly<Record<string, ValeurCellule | null>>;

/**
 * The same template with some input cells filled (by id): how tests, exercises and the CLI put a
 * household into a template. `null` empties the cell. Only input cells can be filled.
 */
export function avecSaisies(spec: SpecModele, valeurs: ValeursSaisies): SpecModele {
  const restants = new Set(Object.keys(valeurs));
  const feuilles = spec.feuilles.map((f) => ({
    ...f,
    cellules: f.cellules.map((c) => {
      if (c.id === undefined || !(c.id in valeurs)) return c;
      restants.delete(c.id);
      if (!c.saisie) throw new Error(`« ${c.id} » (${f.nom}!${c.ref}) n'est pas une cellule de saisie.`);
      const v = valeurs[c.id];
      const { valeur: _ancienne, ...reste } = c;
      return v === null || v === undefined ? reste : { ...reste, valeur: v };
    }),
  }));
  if (restants.size > 0) throw new Error(`Cellule(s) inconnue(s) dans le modèle ${spec.id} : ${[...restants].join(", ")}.`);
  return { ...spec, feuilles };
}
