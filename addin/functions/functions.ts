/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands custom functions untyped cell values. */
import { appeler, type Environnement, type ResultatExcel } from "./excel.ts";

// Thin adapters: each JSDoc block is what custom-functions-metadata turns into functions.json (the
// description and argument texts must stay identical to shared/fonctions/calculs.ts, a test checks it).
// Amount and count arguments are `any[][]` so that Excel passes a number or a whole range unchanged and
// the engine does the coercion (ranges summed, blanks ignored, a text cell named in the error).
// Ids are a public API: never rename one, add optional arguments only at the end.

const environnement: Environnement = {
  runtime: () => CustomFunctions,
  contexte: () => ({}),
};

/**
 * Calcule le reste à vivre du foyer (ressources moins charges) selon la méthode choisie.
 * @customfunction RESTE_A_VIVRE
 * @param ressources Ressources mensuelles du foyer, en euros (nombre ou plage).
 * @param charges Charges mensuelles du foyer, en euros (nombre ou plage).
 * @param [personnes_14_plus] Nombre de personnes de 14 ans ou plus, demandeur compris.
 * @param [enfants_moins_14] Nombre d'enfants de moins de 14 ans.
 * @param [methode] Méthode : mensuel, jour_personne, uc ou jour_uc.
 */
export function resteAVivre(ressources: any[][], charges: any[][], personnes_14_plus?: any[][], enfants_moins_14?: any[][], methode?: any): number {
  return appeler(environnement, "RESTE_A_VIVRE", [ressources, charges, personnes_14_plus, enfants_moins_14, methode]) as number;
}

/**
 * Calcule le taux d'effort (loyer + charges − aide au logement) / ressources, selon l'arrêté du 10 mars 2011.
 * @customfunction TAUX_EFFORT
 * @param loyer Loyer principal et annexes, en euros par mois.
 * @param charges Charges récupérables (et forfait eau/chauffage individuels), en euros par mois.
 * @param aide_logement Aide au logement (APL, ALS, ALF), en euros par mois.
 * @param ressources Ressources mensuelles des personnes qui vivront au foyer, en euros.
 */
export function tauxEffort(loyer: any[][], charges: any[][], aide_logement: any[][], ressources: any[][]): number {
  return appeler(environnement, "TAUX_EFFORT", [loyer, charges, aide_logement, ressources]) as number;
}

/**
 * Établit l'échéancier d'un plan d'apurement de dette locative (par mensualité, par durée ou plan CAF de 36 mois).
 * @customfunction PLAN_APUREMENT
 * @param dette Montant de la dette locative, en euros.
 * @param [mensualite] Mensualité de reprise de dette, en euros.
 * @param [duree] Durée en mois (maximum si une mensualité est donnée).
 * @param [premiere_echeance] Date de la première échéance.
 * @param [loyer_residuel] Loyer résiduel mensuel (loyer + charges − aide) à verser en plus.
 */
export function planApurement(dette: any[][], mensualite?: any[][], duree?: any[][], premiere_echeance?: any, loyer_residuel?: any[][]): any[][] {
  return appeler(environnement, "PLAN_APUREMENT", [dette, mensualite, duree, premiere_echeance, loyer_residuel]) as any[][];
}

/**
 * Calcule le nombre d'unités de consommation du foyer (échelle OCDE modifiée, Insee).
 * @customfunction UC
 * @param personnes_14_plus Nombre de personnes de 14 ans ou plus, demandeur compris.
 * @param [enfants_moins_14] Nombre d'enfants de moins de 14 ans.
 */
export function uc(personnes_14_plus: any[][], enfants_moins_14?: any[][]): number {
  return appeler(environnement, "UC", [personnes_14_plus, enfants_moins_14]) as number;
}

/** Excel id → implementation; the metadata test checks it matches the ids generated from the JSDoc. */
export const ASSOCIATIONS: Readonly<Record<string, (...args: any[]) => ResultatExcel>> = {
  RESTE_A_VIVRE: resteAVivre,
  TAUX_EFFORT: tauxEffort,
  PLAN_APUREMENT: planApurement,
  UC: uc,
};

/** Registers every function with Excel; without the custom-functions runtime (a plain browser) it does nothing. */
export function associer(runtime: Pick<typeof CustomFunctions, "associate"> | undefined = globalThis.CustomFunctions): boolean {
  if (runtime === undefined || typeof runtime.associate !== "function") return false;
  for (const [id, fonction] of Object.entries(ASSOCIATIONS)) runtime.associate(id, fonction);
  return true;
}
