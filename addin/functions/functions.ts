import { appeler, type Environnement, type ResultatExcel } from "./excel.ts";
import { sourceCatalogue } from "../commun/cacheBaremes.ts";
import { stockageParDefaut } from "../commun/stockage.ts";

// Thin adapters: each JSDoc block is what custom-functions-metadata turns into functions.json (the
// description and argument texts must stay identical to the registry's, shared/fonctions/; a test checks it).
// Excel hands custom functions untyped cell values, hence `any`.
// Amount and count arguments are `any[][]` so that Excel passes a number or a whole range unchanged and
// the engine does the coercion (ranges summed, blanks ignored, a text cell named in the error).
// Ids are a public API: never rename one, add optional arguments only at the end.

// Barème functions use the bundled data with the versions the task pane last fetched from the Worker
// layered over it (shared runtime: same page, same localStorage), re-read when the pane updates them.
const catalogue = sourceCatalogue(stockageParDefaut());

const environnement: Environnement = {
  runtime: () => CustomFunctions,
  contexte: () => ({ baremes: catalogue() }),
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

/**
 * Calcule le montant forfaitaire mensuel du RSA du foyer à la date choisie, majoré pour isolement si demandé, diminué si demandé du forfait logement dans la limite de l'aide au logement perçue (CASF L.262-2, L.262-9, R.262-1, R.262-9, R.262-10).
 * @customfunction RSA_FORFAITAIRE
 * @param couple VRAI pour un couple, FAUX pour une personne seule.
 * @param [enfants] Nombre d'enfants ou de personnes à charge du foyer.
 * @param [date] Date à laquelle le barème s'applique (date Excel ou AAAA-MM-JJ).
 * @param [forfait_logement] FAUX : pas de forfait logement ; VRAI : forfait entier (logé gratuitement, propriétaire sans emprunt, ou aide au logement au moins égale au forfait) ; un montant : l'aide au logement mensuelle perçue, le forfait étant déduit dans la limite de cette aide (CASF R.262-10).
 * @param [isolement_majore] VRAI pour un parent isolé ou une femme enceinte isolée pendant la période de majoration (CASF L.262-9) : le RSA majoré (128,412 % du montant d'une personne seule, +42,804 % par enfant) remplace le montant ordinaire.
 * @param [personnes_25_plus] Parmi les enfants ou personnes à charge, nombre de personnes de 25 ans ou plus (un ascendant, par exemple) : elles ouvrent +30 %, jamais les +40 % dus à partir du 3e enfant ou de la 3e personne de moins de 25 ans (CASF R.262-1).
 */
export function rsaForfaitaire(couple: any, enfants?: any[][], date?: any, forfait_logement?: any, isolement_majore?: any, personnes_25_plus?: any[][]): number {
  return appeler(environnement, "RSA_FORFAITAIRE", [couple, enfants, date, forfait_logement, isolement_majore, personnes_25_plus]) as number;
}

/**
 * Calcule la part saisissable d'une rémunération mensuelle nette selon le barème en vigueur, en laissant au débiteur au moins le RSA d'une personne seule (C. trav. R.3252-2 à R.3252-5).
 * @customfunction QUOTITE_SAISISSABLE
 * @param remuneration_mensuelle_nette Rémunération mensuelle nette (après cotisations et prélèvement à la source), en euros.
 * @param [personnes_a_charge] Nombre de personnes à la charge du débiteur (conjoint, enfants, ascendants au sens de R.3252-3).
 * @param [date] Date à laquelle le barème s'applique (date Excel ou AAAA-MM-JJ).
 */
export function quotiteSaisissable(remuneration_mensuelle_nette: any[][], personnes_a_charge?: any[][], date?: any): number {
  return appeler(environnement, "QUOTITE_SAISISSABLE", [remuneration_mensuelle_nette, personnes_a_charge, date]) as number;
}

/**
 * Calcule la capacité de remboursement mensuelle selon la méthode Banque de France : quotité saisissable, plafonnée aux ressources moins le plus élevé du RSA du foyer (majoré pour isolement si demandé) et des charges.
 * @customfunction CAPACITE_REMBOURSEMENT
 * @param ressources Ressources mensuelles du foyer, en euros (nombre ou plage).
 * @param charges Charges courantes mensuelles du foyer, en euros (nombre ou plage).
 * @param [couple] VRAI pour un couple : le conjoint compte comme personne à charge pour la quotité saisissable, sauf si ses ressources propres, indiquées par ressources_conjoint, atteignent le RSA d'une personne seule.
 * @param [enfants] Nombre d'enfants ou de personnes à charge du foyer.
 * @param [date] Date à laquelle le barème s'applique (date Excel ou AAAA-MM-JJ).
 * @param [isolement_majore] VRAI pour un parent isolé ou une femme enceinte isolée pendant la période de majoration (CASF L.262-9) : le minimum laissé au foyer est alors le RSA majoré (C. consommation L.731-2, R.731-1).
 * @param [ressources_conjoint] Ressources mensuelles propres du conjoint, en euros : il ne compte comme personne à charge que si elles sont inférieures au RSA d'une personne seule (C. trav. R.3252-3). Omis : le conjoint compte comme personne à charge (comportement antérieur).
 * @param [personnes_25_plus] Parmi les enfants ou personnes à charge, nombre de personnes de 25 ans ou plus (un ascendant, par exemple) : elles ouvrent +30 %, jamais les +40 % dus à partir du 3e enfant ou de la 3e personne de moins de 25 ans (CASF R.262-1).
 */
export function capaciteRemboursement(ressources: any[][], charges: any[][], couple?: any, enfants?: any[][], date?: any, isolement_majore?: any, ressources_conjoint?: any[][], personnes_25_plus?: any[][]): number {
  return appeler(environnement, "CAPACITE_REMBOURSEMENT", [ressources, charges, couple, enfants, date, isolement_majore, ressources_conjoint, personnes_25_plus]) as number;
}

/**
 * Donne le plafond annuel de ressources (revenu fiscal de référence N-2) d'un logement social selon le financement, la catégorie de ménage et la zone.
 * @customfunction PLAFOND_RESSOURCES
 * @param financement Financement du logement : PLAI, PLUS ou PLS.
 * @param categorie Catégorie de ménage de 1 à 6 ; 7 et plus : catégorie 6 plus une personne par unité au-delà de 6.
 * @param zone PARIS (Paris et communes limitrophes), IDF (reste de l'Île-de-France) ou AUTRES (autres régions).
 * @param [date] Date à laquelle le barème s'applique (date Excel ou AAAA-MM-JJ).
 */
export function plafondRessources(financement: any, categorie: any[][], zone: any, date?: any): number {
  return appeler(environnement, "PLAFOND_RESSOURCES", [financement, categorie, zone, date]) as number;
}

/**
 * Renvoie une valeur d'un barème en vigueur à la date choisie, désignée par sa clé (par ex. « montant » ou « PLUS.AUTRES.cat3 »).
 * @customfunction BAREME
 * @param identifiant Identifiant du barème, par ex. rsa_montant_forfaitaire, saisie_remuneration, plafonds_ressources_hlm, smic.
 * @param [date] Date à laquelle le barème s'applique (date Excel ou AAAA-MM-JJ).
 * @param [cle] Chemin de la valeur dans le barème, noms séparés par des points (majuscules indifférentes).
 */
export function bareme(identifiant: any, date?: any, cle?: any): any {
  return appeler(environnement, "BAREME", [identifiant, date, cle]);
}

/** Excel id → implementation; the metadata test checks it matches the ids generated from the JSDoc. */
export const ASSOCIATIONS: Readonly<Record<string, (...args: any[]) => ResultatExcel>> = {
  RESTE_A_VIVRE: resteAVivre,
  TAUX_EFFORT: tauxEffort,
  PLAN_APUREMENT: planApurement,
  UC: uc,
  RSA_FORFAITAIRE: rsaForfaitaire,
  QUOTITE_SAISISSABLE: quotiteSaisissable,
  CAPACITE_REMBOURSEMENT: capaciteRemboursement,
  PLAFOND_RESSOURCES: plafondRessources,
  BAREME: bareme,
};

/** Registers every function with Excel; without the custom-functions runtime (a plain browser) it does nothing. */
export function associer(runtime: Pick<typeof CustomFunctions, "associate"> | undefined = globalThis.CustomFunctions): boolean {
  if (runtime === undefined || typeof runtime.associate !== "function") return false;
  for (const [id, fonction] of Object.entries(ASSOCIATIONS)) runtime.associate(id, fonction);
  return true;
}
