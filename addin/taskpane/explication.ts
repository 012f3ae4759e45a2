import type { CatalogueBaremes } from "#shared/baremes/index.ts";
import type { Statut } from "#shared/baremes/schema.ts";
import { estErreurLogsoc } from "#shared/errors.ts";
import { coercer, type ValeurArgument, type ValeurBrute } from "#shared/fonctions/arguments.ts";
import type { DefinitionFonction, Resultat } from "#shared/fonctions/types.ts";
import { auditerClasseur, type RapportAudit } from "#shared/audit/audit.ts";
import type { ValeurConstat } from "#shared/audit/constats.ts";
import type { LecteurClasseur } from "#shared/audit/lecteur.ts";
import { lireClasseurExcel, type ContexteLecture } from "../src/audit/lecteurExcel.ts";
import { lireFormuleLogsoc, type ArgumentFormule } from "./formuleLogsoc.ts";

/**
 * « Expliquer » (task pane): what the selected cell is and how its figure is reached. A `=LOGSOC.…`
 * formula: its arguments read from the workbook as Excel hands them to the function (ranges summed by
 * the same coercion), then the engine's steps. A result of a LogSoc template: the audit recomputes the
 * dossier from its inputs, says whether the cell agrees, and the engine's steps for that indicator.
 * Anything else: one French line saying what can be explained. Nothing is written to the workbook.
 */

/** One step as DESIGN §7 defines it (the explanation engine's `Etape` is assignable to it). */
export interface EtapeAffichee {
  libelle: string;
  formule: string;
  valeur: number | string | boolean;
  unite: string;
  reference?: string;
  bareme?: { id: string; version: string; cle: string; statut: Statut; source: string };
}

export interface ExplicationAffichee {
  resultat: Resultat;
  statut: Statut;
  etapes: readonly EtapeAffichee[];
}

/** The engine's explanation of one function call (positional raw values, as the custom function receives them). */
export type Expliqueur = (fonction: string, valeurs: readonly ValeurBrute[], ctx: { baremes: CatalogueBaremes }) => ExplicationAffichee;

/** The engine's explanation of one result of a template dossier, when it has one for that cell. */
export type ExpliqueurModele = (demande: { feuille: string; cellule: string; lecteur: LecteurClasseur; catalogue: CatalogueBaremes; dossier: RapportAudit }) => ExplicationAffichee | null;

export interface ArgumentLu {
  nom: string;
  /** As written in the formula ("B2:B7", "'Budget'!C4", "650"), or « (omis) ». */
  source: string;
  /** The value the function works with: a range summed, a date as AAAA-MM-JJ; null when blank or omitted. */
  valeur: ValeurArgument;
  type: DefinitionFonction["arguments"][number]["type"];
}

export type ResultatExplication =
  | { type: "formule"; cellule: string; fonction: string; arguments: ArgumentLu[]; explication: ExplicationAffichee; valeurCellule: unknown }
  /** The formula is a LOGSOC call whose inputs the engine refuses: its French reason, as the cell's error says. */
  | { type: "formule-refusee"; cellule: string; fonction: string; arguments: ArgumentLu[]; message: string }
  | {
      type: "modele";
      cellule: string;
      libelle: string;
      /** Workbook names that designate the cell (RAV_UC…), if any. */
      noms: string[];
      modele: string;
      conforme: boolean;
      attendu: ValeurConstat | undefined;
      trouve: ValeurConstat | undefined;
      detail: string;
      explication: ExplicationAffichee | null;
    }
  | { type: "message"; niveau: "info" | "attention"; message: string };

/** The slices of office.js « Expliquer » uses; Excel's own types are assignable to them (checked at compile time). */
export interface PlageValeurs {
  load(proprietes: string): unknown;
  isNullObject?: boolean;
  address: string;
  values: unknown[][];
  valueTypes: string[][];
  formulas: unknown[][];
}
interface NomDefiniLu {
  getRangeOrNullObject(): PlageValeurs;
}
interface NomsLus {
  getItemOrNullObject(nom: string): NomDefiniLu;
}
export interface ContexteExplication extends ContexteLecture {
  workbook: ContexteLecture["workbook"] & {
    getSelectedRange(): PlageValeurs;
    names: ContexteLecture["workbook"]["names"] & NomsLus;
    worksheets: ContexteLecture["workbook"]["worksheets"] & { getItem(nom: string): { getRange(adresse: string): PlageValeurs; names: NomsLus } };
  };
}

/** "'Budget d''octobre'!B4:C5" → { feuille: "Budget d'octobre", plage: "B4:C5" }. */
export function decouperAdresse(adresse: string): { feuille: string; plage: string } {
  const i = adresse.lastIndexOf("!");
  const feuille = adresse.slice(0, i);
  return { feuille: feuille.startsWith("'") ? feuille.slice(1, -1).replace(/''/g, "'") : feuille, plage: adresse.slice(i + 1).replaceAll("$", "") };
}

function sourceArgument(a: ArgumentFormule, texte: string): string {
  return a.type === "omis" ? "(omis)" : texte;
}

/** A cell error in a range the formula reads: Excel gives the function that error, so there is no figure to explain. */
function premiereErreur(p: PlageValeurs): string | null {
  for (const [i, ligne] of p.valueTypes.entries()) {
    for (const [j, t] of ligne.entries()) if (t === "Error") return String(p.values[i]![j]);
  }
  return null;
}

/** Excel passes a blank cell of a range as an empty value: the same as the custom function receives. */
function valeursBrutes(p: PlageValeurs): ValeurBrute {
  const m = p.values.map((ligne, i) => ligne.map((v, j) => (p.valueTypes[i]?.[j] === "Empty" ? null : (v as ValeurBrute))));
  return m.length === 1 && m[0]!.length === 1 ? m[0]![0]! : m;
}

async function expliquerFormule(
  context: ContexteExplication,
  cellule: string,
  feuilleCellule: string,
  fonction: DefinitionFonction,
  args: { texte: string; argument: ArgumentFormule }[],
  valeurCellule: unknown,
  dep: { expliquer: Expliqueur; catalogue: CatalogueBaremes },
): Promise<ResultatExplication> {
  const plages = args.map(({ argument: a }) => {
    if (a.type === "reference") {
      const p = context.workbook.worksheets.getItem(a.feuille ?? feuilleCellule).getRange(a.adresse);
      p.load("address,values,valueTypes");
      return p;
    }
    if (a.type === "nom") {
      // A name local to the formula's sheet hides a workbook name of the same spelling, as in Excel.
      const locale = context.workbook.worksheets.getItem(feuilleCellule).names.getItemOrNullObject(a.nom).getRangeOrNullObject();
      const globale = context.workbook.names.getItemOrNullObject(a.nom).getRangeOrNullObject();
      locale.load("address,values,valueTypes");
      globale.load("address,values,valueTypes");
      return { locale, globale };
    }
    return null;
  });
  await context.sync();

  const brutes: ValeurBrute[] = [];
  for (const [i, { texte, argument: a }] of args.entries()) {
    const def = fonction.arguments[i]!;
    const p = plages[i];
    if (a.type === "omis") brutes.push(undefined);
    else if (a.type === "nombre" || a.type === "texte" || a.type === "booleen") brutes.push(a.valeur);
    else {
      const plage = p === null || p === undefined ? null : "locale" in p ? (p.locale.isNullObject ? (p.globale.isNullObject ? null : p.globale) : p.locale) : p;
      if (plage === null) return { type: "message", niveau: "attention", message: `Le nom ${texte} (argument ${def.nom}) ne désigne aucune plage du classeur : la formule affiche #NOM?.` };
      const erreur = premiereErreur(plage);
      if (erreur !== null) {
        return { type: "message", niveau: "attention", message: `L'argument ${def.nom} (${texte}) contient l'erreur ${erreur} : corrigez d'abord cette cellule, la formule ne peut pas donner de résultat.` };
      }
      brutes.push(valeursBrutes(plage));
    }
  }

  const lus: ArgumentLu[] = [];
  try {
    for (const [i, def] of fonction.arguments.entries()) {
      const a = args[i];
      if (a === undefined) {
        lus.push({ nom: def.nom, source: "(omis)", valeur: null, type: def.type });
        continue;
      }
      lus.push({ nom: def.nom, source: sourceArgument(a.argument, a.texte), valeur: coercer(def, brutes[i]), type: def.type });
    }
    const explication = dep.expliquer(fonction.nom, brutes, { baremes: dep.catalogue });
    return { type: "formule", cellule, fonction: fonction.nom, arguments: lus, explication, valeurCellule };
  } catch (e) {
    if (!estErreurLogsoc(e)) throw e;
    return { type: "formule-refusee", cellule, fonction: fonction.nom, arguments: lus, message: e.message };
  }
}

const CE_QUI_S_EXPLIQUE =
  "« Expliquer » détaille une formule =LOGSOC.…(…) ou un résultat d'un modèle LogSoc (reste à vivre, taux d'effort, capacité de remboursement, taux d'effort d'un candidat de la fiche CALEOL, échéances d'un plan d'apurement…).";

/** Names of the workbook (and of the cell's sheet) whose reference is exactly that cell. */
function nomsDeLaCellule(noms: ReadonlyMap<string, string>, feuille: string, ref: string): string[] {
  const cible = `${feuille}!${ref}`.toLowerCase();
  return [...noms.entries()].filter(([, r]) => {
    const { feuille: f, plage } = decouperAdresse(r);
    return `${f}!${plage}`.toLowerCase() === cible;
  }).map(([n]) => n);
}

async function expliquerResultatModele(
  context: ContexteExplication,
  cellule: string,
  feuille: string,
  ref: string,
  dep: { catalogue: CatalogueBaremes; expliquerModele?: ExpliqueurModele },
): Promise<ResultatExplication> {
  const { lecteur } = await lireClasseurExcel(context);
  const rapport = auditerClasseur(lecteur, { catalogue: dep.catalogue });
  if (!rapport.classeurLogsoc) {
    return { type: "message", niveau: "info", message: `La cellule ${cellule} ne contient pas de formule =LOGSOC.… et ce classeur n'a pas été créé à partir d'un modèle LogSoc. ${CE_QUI_S_EXPLIQUE}` };
  }
  for (const d of rapport.dossiers) {
    const constat = d.constats.find((c) => c.genre === "valeur_erronee" && c.feuille === feuille && c.cellule === ref);
    const controle = d.controles.find((c) => c.feuille === feuille && c.cellule === ref && c.attendu !== undefined && !c.libelle.startsWith("Formules"));
    if (constat === undefined && controle === undefined) continue;
    const noms = nomsDeLaCellule(new Map([...lecteur.nomsDefinis(), ...lecteur.nomsDeFeuille(feuille)]), feuille, ref);
    const explication = dep.expliquerModele?.({ feuille, cellule: ref, lecteur, catalogue: dep.catalogue, dossier: d }) ?? null;
    return {
      type: "modele",
      cellule,
      libelle: controle?.libelle ?? constat!.message.split(" : ")[0]!,
      noms,
      modele: d.modele?.titre ?? "modèle LogSoc",
      conforme: constat === undefined && controle?.statut !== "erreur",
      attendu: constat?.attendu ?? controle?.attendu,
      trouve: constat?.trouve ?? controle?.trouve,
      detail: constat?.message ?? controle!.detail,
      explication,
    };
  }
  return { type: "message", niveau: "info", message: `La cellule ${cellule} n'est ni une formule =LOGSOC.… ni un résultat calculé du modèle. ${CE_QUI_S_EXPLIQUE}` };
}

/** Reads the selection (1 sync), then what it needs: the formula's ranges (1 sync) or the whole workbook for a template result (2 syncs). */
export async function expliquerSelection(context: ContexteExplication, dep: { expliquer: Expliqueur; expliquerModele?: ExpliqueurModele; catalogue: CatalogueBaremes }): Promise<ResultatExplication> {
  const selection = context.workbook.getSelectedRange();
  selection.load("address,formulas,values,valueTypes");
  await context.sync();
  const { feuille, plage } = decouperAdresse(selection.address);
  if (selection.formulas.length !== 1 || selection.formulas[0]!.length !== 1) {
    return { type: "message", niveau: "info", message: `Sélectionnez une seule cellule (sélection actuelle : ${plage}). ${CE_QUI_S_EXPLIQUE}` };
  }
  const cellule = selection.address.includes("!") ? `${feuille}!${plage}` : plage;
  const lecture = lireFormuleLogsoc(selection.formulas[0]![0]);
  if (lecture.ok) return expliquerFormule(context, cellule, feuille, lecture.formule.fonction, lecture.formule.arguments, selection.values[0]![0], dep);
  if (lecture.raison !== null) return { type: "message", niveau: "attention", message: lecture.raison };
  return expliquerResultatModele(context, cellule, feuille, plage, dep);
}
