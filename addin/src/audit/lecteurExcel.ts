import { lecteurEnMemoire, type CelluleLue, type ContenuClasseur, type LecteurClasseur, type ValeurLue, type VisibiliteFeuille } from "#shared/audit/lecteur.ts";
import { Budget } from "#shared/audit/limites.ts";
import { indexColonne } from "#shared/modeles/formules.ts";

/**
 * The add-in's adapter of the audit's reader: reads the open workbook through office.js in two
 * `context.sync()` calls whatever its size — one for the sheet list (with protection) and the
 * workbook names, one for every sheet's used range (values, formulas, value types) and its local
 * names. Nothing is written. The workbook may come from anyone: the limits of a file checked by
 * `logsoc verifier` apply where they can (DESIGN.md §9): number of sheets before the ranges are loaded,
 * then cells, formula and text lengths, and the time (a LimiteDepassee, French message, names the limit).
 */

/** The slices of Excel's objects the reader uses; Excel's own types are assignable to them (checked at compile time). */
export interface NomLu {
  name: string;
  type: string;
  formula: unknown;
}

export interface CollectionNomsLue {
  load(proprietes: string): unknown;
  items: NomLu[];
}

export interface PlageLue {
  load(proprietes: string): unknown;
  isNullObject: boolean;
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  valueTypes: string[][];
}

export interface FeuilleLueExcel {
  name: string;
  visibility: string;
  protection: { protected: boolean; options: unknown };
  getUsedRangeOrNullObject(valuesOnly?: boolean): PlageLue;
  names: CollectionNomsLue;
}

export interface ContexteLecture {
  workbook: {
    worksheets: { load(proprietes: string): unknown; items: FeuilleLueExcel[] };
    names: CollectionNomsLue;
  };
  sync(): Promise<unknown>;
}

export interface ClasseurLuExcel {
  lecteur: LecteurClasseur;
  /** Sheets protected when read, with their protection options (to restore them after formatting). */
  protections: ReadonlyMap<string, unknown>;
}

const VISIBILITE: Record<string, VisibiliteFeuille> = { Visible: "visible", Hidden: "masquee", VeryHidden: "tres_masquee" };

/** "'Plan d''apurement'!A1:I637" → top-left corner (column, row). */
export function coinSuperieurGauche(adresse: string): { colonne: number; ligne: number } {
  const plage = adresse.slice(adresse.lastIndexOf("!") + 1);
  const m = /^\$?([A-Z]{1,3})\$?(\d+)/.exec(plage);
  if (!m) throw new Error(`Adresse de plage inattendue : ${adresse}`);
  return { colonne: indexColonne(m[1]!), ligne: Number(m[2]) };
}

function valeur(v: unknown, type: string | undefined): ValeurLue {
  if (type === "Error") return { erreur: String(v) };
  if (type === "Empty") return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v;
  return v === null || v === undefined ? null : String(v);
}

function nomsDe(c: CollectionNomsLue): Map<string, string> {
  const noms = new Map<string, string>();
  for (const n of c.items) {
    if (n.type !== "Range" || typeof n.formula !== "string") continue;
    noms.set(n.name, n.formula.replace(/^=/, ""));
  }
  return noms;
}

function lettres(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export async function lireClasseurExcel(context: ContexteLecture, budget: Budget = new Budget()): Promise<ClasseurLuExcel> {
  const classeur = context.workbook;
  classeur.worksheets.load("items/name,items/visibility,items/protection/protected,items/protection/options");
  classeur.names.load("items/name,items/type,items/formula");
  await context.sync();

  const feuilles = classeur.worksheets.items;
  budget.compter("feuilles", feuilles.length);
  budget.compter("nomsDefinis", classeur.names.items.length);
  const plages = feuilles.map((ws) => {
    const plage = ws.getUsedRangeOrNullObject(true);
    plage.load("address,values,formulas,valueTypes");
    ws.names.load("items/name,items/type,items/formula");
    return plage;
  });
  await context.sync();

  const protections = new Map<string, unknown>();
  const contenu: ContenuClasseur = {
    noms: nomsDe(classeur.names),
    feuilles: feuilles.map((ws, i) => {
      if (ws.protection.protected) protections.set(ws.name, ws.protection.options);
      const cellules = new Map<string, CelluleLue>();
      const plage = plages[i]!;
      if (!plage.isNullObject) {
        const { colonne, ligne } = coinSuperieurGauche(plage.address);
        const valeurs = plage.values;
        const types = plage.valueTypes;
        plage.formulas.forEach((rang, r) =>
          rang.forEach((f, c) => {
            budget.cellule();
            budget.temps();
            const type = types[r]?.[c];
            const v = valeurs[r]?.[c];
            const ref = `${lettres(colonne + c)}${ligne + r}`;
            if (typeof v === "string" && v.length > budget.limites.texte) budget.texte(v.length, `feuille « ${ws.name} », ${ref}`);
            if (typeof f === "string" && f.startsWith("=")) {
              if (f.length - 1 > budget.limites.formule) budget.formule(f.length - 1, `feuille « ${ws.name} », ${ref}`);
              cellules.set(ref, { valeur: type === "Empty" ? "" : valeur(v, type), formule: f.slice(1) });
            } else if (type !== "Empty" && !(typeof v === "string" && v === "")) {
              cellules.set(ref, { valeur: valeur(v, type) });
            }
          }),
        );
      }
      return { nom: ws.name, visibilite: VISIBILITE[ws.visibility] ?? "visible", cellules, noms: nomsDe(ws.names) };
    }),
  };
  return { lecteur: lecteurEnMemoire(contenu), protections };
}
