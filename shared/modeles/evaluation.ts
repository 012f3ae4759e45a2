import type { DateISO } from "../date.ts";
import { somme, type Montant } from "../money.ts";
import { LIBELLES_METHODE_RAV, type MethodeRav } from "../resteAVivre.ts";
import { ENFANTS_MAX } from "../rsa.ts";
import { evaluerBudget, validerEvaluation, type EntreeEvaluation, type ResultatEvaluation, type TypeCharge, type TypeRessource } from "../evaluation.ts";
import { assembler, ConstructeurFeuille, entier, VALIDATIONS } from "./constructeur.ts";
import { feuilleBaremes, marqueStatut, REFS_BAREMES, type LigneBareme } from "./feuilleBaremes.ts";
import { refAbsolue } from "./formules.ts";
import type { SpecModele, ValeursSaisies } from "./spec.ts";
import { denominateurFraction, formuleUc, ligneBareme, lignesEchelleOcde, periodeBaremes, versionEnVigueur, type ContexteBaremes } from "./sources.ts";

/**
 * Évaluation économique de la famille (DESIGN.md §6): foyer, ressources and charges by type, dettes,
 * and the indicators of DESIGN.md §4 as native formulas: reste à vivre by every method, taux d'effort,
 * capacité de remboursement, with the barème values they use.
 *
 * Rounding follows the engine: RAV = ROUND(…, 2) of the exact quotient (half away from zero, which is
 * the engine's half-up on amounts of either sign); taux d'effort = ROUND(…, 4). The capacité de
 * remboursement is computed in whole cents, where a spreadsheet's arithmetic is exact, and rounded
 * once at the end like the engine: every amount is taken to the cent, the barème's thresholds and
 * fractions come from the « Barèmes » sheet, and the one division (by the fractions' common
 * denominator × 12) is the last operation before ROUND.
 */

export const VERSION_EVALUATION = "2.0.0";

export const RESSOURCES = [
  { cle: "salaires", libelle: "Salaires et revenus d'activité (nets)" },
  { cle: "are", libelle: "Allocation d'aide au retour à l'emploi (ARE)" },
  { cle: "rsa", libelle: "Revenu de solidarité active (RSA)" },
  { cle: "primeActivite", libelle: "Prime d'activité" },
  { cle: "aah", libelle: "Allocation aux adultes handicapés (AAH)" },
  { cle: "prestationsFamiliales", libelle: "Prestations familiales (AF, PAJE, ASF, CF…)" },
  { cle: "pensions", libelle: "Pensions de retraite ou d'invalidité" },
  { cle: "pensionAlimentaireRecue", libelle: "Pension alimentaire reçue" },
  { cle: "aideLogement", libelle: "Aide au logement (APL, ALF, ALS)" },
  { cle: "autres", libelle: "Autres ressources" },
] as const;

export const CHARGES = [
  { cle: "loyer", libelle: "Loyer (hors charges)" },
  { cle: "chargesLocatives", libelle: "Charges locatives récupérables" },
  { cle: "energie", libelle: "Énergie (électricité, gaz, chauffage)" },
  { cle: "eau", libelle: "Eau" },
  { cle: "assuranceHabitation", libelle: "Assurance habitation" },
  { cle: "telephoneInternet", libelle: "Téléphone et internet" },
  { cle: "transport", libelle: "Transports" },
  { cle: "mutuelle", libelle: "Mutuelle et assurances santé" },
  { cle: "impots", libelle: "Impôts et taxes" },
  { cle: "gardeCantine", libelle: "Garde d'enfants et cantine" },
  { cle: "pensionAlimentaireVersee", libelle: "Pension alimentaire versée" },
  { cle: "credits", libelle: "Remboursements de crédits" },
  { cle: "plansEnCours", libelle: "Plans d'apurement ou de surendettement en cours" },
  { cle: "autres", libelle: "Autres charges" },
] as const;

export type CleRessource = (typeof RESSOURCES)[number]["cle"];
export type CleCharge = (typeof CHARGES)[number]["cle"];

export const LIGNES_DETTES = 10;

/** Where each input and result sits on the « Évaluation » sheet. */
const L = {
  date: 3,
  personnes14Plus: 7,
  enfantsMoins14: 8,
  couple: 9,
  personnesACharge: 10,
  personnes: 11,
  uc: 12,
  controleFoyer: 13,
  isolement: 14,
  premiereRessource: 17,
  totalRessources: 17 + RESSOURCES.length,
  premiereCharge: 17 + RESSOURCES.length + 4,
  totalCharges: 17 + RESSOURCES.length + 4 + CHARGES.length,
} as const;
const PREMIERE_DETTE = L.totalCharges + 4;
const TOTAL_DETTES = PREMIERE_DETTE + LIGNES_DETTES;
const INDICATEURS = TOTAL_DETTES + 3;
const LIGNE_TAUX = INDICATEURS + 6;
const LIGNE_CAPACITE = INDICATEURS + 7;

const ligneRessource = (cle: CleRessource) => L.premiereRessource + RESSOURCES.findIndex((r) => r.cle === cle);
const ligneCharge = (cle: CleCharge) => L.premiereCharge + CHARGES.findIndex((c) => c.cle === cle);

/** Barème values the évaluation needs. */
export interface BaremesEvaluation {
  lignes: LigneBareme[];
  /** Least common multiple of the saisie fractions' denominators (1/20 … 2/3 → 60). */
  denominateurCommun: number;
}

const MAJORATIONS_RSA = [
  ["deuxiemePersonne", "RSA : majoration pour la 2e personne du foyer"],
  ["troisiemePersonne", "RSA : majoration pour la 3e personne"],
  ["quatriemePersonneCouple", "RSA : majoration pour la 4e personne (couple)"],
  ["quatriemePersonneIsole", "RSA : majoration pour la 4e personne (personne isolée)"],
  ["personneSupplementaire", "RSA : majoration par personne supplémentaire"],
] as const;

function pgcd(a: number, b: number): number {
  return b === 0 ? a : pgcd(b, a % b);
}

export function baremesEvaluation(ctx: ContexteBaremes): BaremesEvaluation {
  const lignes: LigneBareme[] = [
    ligneBareme(ctx, "rsa_montant_forfaitaire", "montant", { id: "rsa.montant", libelle: "RSA : montant forfaitaire pour une personne seule (CASF L.262-2)", unite: "€ par mois", format: "montant" }),
    ...MAJORATIONS_RSA.map(([cle, libelle]) => ligneBareme(ctx, "rsa_montant_forfaitaire", `majorations.${cle}`, { id: `rsa.${cle}`, libelle, unite: "fraction", format: "taux" })),
  ];
  lignes.push(
    ligneBareme(ctx, "rsa_majoration_isolement", "coefficientBase", { id: "rsa.majoreBase", libelle: "RSA majoré pour isolement : coefficient de base (CASF L.262-9, R.262-1)", unite: "coefficient", format: "ratio" }),
    ligneBareme(ctx, "rsa_majoration_isolement", "coefficientParEnfant", { id: "rsa.majoreParEnfant", libelle: "RSA majoré pour isolement : supplément par enfant à charge", unite: "coefficient", format: "ratio" }),
  );
  const saisie = versionEnVigueur(ctx, "saisie_remuneration").valeurs as { fractions: Record<string, string> };
  for (let k = 1; k <= 6; k++) {
    lignes.push(ligneBareme(ctx, "saisie_remuneration", `seuilsAnnuels.s${k}`, { id: `saisie.s${k}`, libelle: `Saisie sur rémunération : seuil annuel de la tranche ${k} (C. trav. R.3252-2)`, unite: "€ par an", format: "montantEntier" }));
  }
  for (let k = 1; k <= 7; k++) {
    lignes.push(ligneBareme(ctx, "saisie_remuneration", `fractions.t${k}`, { id: `saisie.t${k}`, libelle: `Saisie sur rémunération : fraction saisissable de la tranche ${k}`, unite: "fraction", format: "fraction" }));
  }
  lignes.push(
    ligneBareme(ctx, "saisie_remuneration", "majorationParPersonneACharge", { id: "saisie.majoration", libelle: "Saisie sur rémunération : majoration des seuils par personne à charge (R.3252-3)", unite: "€ par an", format: "montantEntier" }),
  );
  const denominateurCommun = Object.values(saisie.fractions)
    .map(denominateurFraction)
    .reduce((ppcm, d) => (ppcm * d) / pgcd(ppcm, d), 1);
  const reperes = versionEnVigueur(ctx, "reperes_reste_a_vivre").valeurs as Record<string, unknown>;
  if ("ushSeuilAlerte" in reperes) {
    lignes.push(
      ligneBareme(ctx, "reperes_reste_a_vivre", "ushSeuilAlerte.minimum", { id: "repere.ushMin", libelle: "Repère USH : seuil d'alerte du reste à vivre, bas de la fourchette", unite: "€ par jour et par personne", format: "montant" }),
      ligneBareme(ctx, "reperes_reste_a_vivre", "ushSeuilAlerte.maximum", { id: "repere.ushMax", libelle: "Repère USH : seuil d'alerte du reste à vivre, haut de la fourchette", unite: "€ par jour et par personne", format: "montant" }),
    );
  }
  return { lignes, denominateurCommun };
}

/** A barème value's cell on the Barèmes sheet (by its line id), as a formula reference. */
type RefBareme = (id: string) => string;

/** Title, date of the evaluation and the barèmes' date. */
function enTete(f: ConstructeurFeuille, ctx: ContexteBaremes): void {
  f.colonnes = [52, 16, 64, 3, 34, 16];
  f.texte("A1", "Évaluation économique de la famille", "titre");
  f.fusionner("A1:C1");
  f.texte("A2", "Les cellules jaunes sont à remplir (montants mensuels en euros, au centime) ; les autres sont calculées.", "sousTitre");
  f.fusionner("A2:C2");
  f.texte(`A${L.date}`, "Date de l'évaluation");
  f.saisie(`B${L.date}`, "evaluation.date", VALIDATIONS.date, { valeur: { date: ctx.date }, format: "date" });
  f.formule(
    `C${L.date}`,
    `IF(AND(ISNUMBER(B${L.date}),OR(B${L.date}<{baremes}!${REFS_BAREMES.debut},AND(ISNUMBER({baremes}!${REFS_BAREMES.fin}),B${L.date}>{baremes}!${REFS_BAREMES.fin}))),"Les barèmes de ce classeur ne sont pas ceux en vigueur à la date de l'évaluation : régénérez le modèle à cette date.","")`,
    { style: "alerte", id: "evaluation.alerteBaremes" },
  );
  f.texte("A4", "Barèmes en vigueur au");
  f.formule("B4", `{baremes}!${REFS_BAREMES.date}`, { format: "date" });
}

function foyer(f: ConstructeurFeuille, b: RefBareme): void {
  // ——— Foyer ———
  f.texte("A6", "Foyer", "section");
  f.fusionner("A6:C6");
  f.texte(`A${L.personnes14Plus}`, "Personnes de 14 ans ou plus (demandeur compris)");
  f.saisie(`B${L.personnes14Plus}`, "foyer.personnes14Plus", entier(1, 30, "Saisissez un nombre entier de 1 à 30."), { valeur: 1, format: "entier" });
  f.texte(`A${L.enfantsMoins14}`, "Enfants de moins de 14 ans");
  f.saisie(`B${L.enfantsMoins14}`, "foyer.enfantsMoins14", entier(0, 30, "Saisissez un nombre entier de 0 à 30."), { valeur: 0, format: "entier" });
  f.texte(`A${L.couple}`, "Couple (marié, pacsé ou en concubinage)");
  f.saisie(`B${L.couple}`, "foyer.couple", VALIDATIONS.ouiNon, { valeur: "Non" });
  f.texte(`A${L.personnesACharge}`, "Personnes à charge (toutes sauf le demandeur et son conjoint)");
  f.formule(`B${L.personnesACharge}`, "F10", { format: "entier", id: "foyer.personnesACharge" });
  f.texte(`C${L.personnesACharge}`, "Composition du foyer pour le RSA et pour les seuils de la quotité saisissable (capacité de remboursement).", "note");
  f.texte(`A${L.personnes}`, "Nombre de personnes du foyer");
  f.formule(`B${L.personnes}`, "F7+F8", { format: "entier", id: "foyer.personnes" });
  f.texte(`A${L.uc}`, "Unités de consommation (échelle OCDE modifiée, Insee)");
  // The OCDE scale is read from its barème (in force on the template's date).
  f.formule(`B${L.uc}`, formuleUc(b, "F7", "F8"), { format: "uc", id: "foyer.uc" });
  f.texte(`C${L.uc}`, "Poids de l'échelle OCDE modifiée (feuille Barèmes) : premier adulte, autre personne de 14 ans ou plus, enfant de moins de 14 ans.", "note");
  f.texte(`A${L.controleFoyer}`, "Contrôle de la composition");
  f.formule(
    `B${L.controleFoyer}`,
    [
      `IF(ISNA(F7),"Le nombre de personnes de 14 ans ou plus doit être un entier de 1 à 30.",`,
      `IF(ISNA(F8),"Le nombre d'enfants de moins de 14 ans doit être un entier de 0 à 30.",`,
      `IF(AND(F9,F7<2),"Un couple compte au moins deux personnes de 14 ans ou plus : vérifiez la composition.",`,
      `IF(AND(F9,F36),"Le RSA majoré pour isolement (CASF L.262-9) concerne une personne isolée, pas un couple.",`,
      `IF(ISNA(F10),"Le foyer compte plus de ${ENFANTS_MAX} personnes à charge.","")))))`,
    ].join(""),
    { style: "alerte", id: "foyer.controle" },
  );
  f.fusionner(`B${L.controleFoyer}:C${L.controleFoyer}`);
  f.texte(`A${L.isolement}`, "Parent isolé ou femme enceinte isolée pendant la période de majoration (RSA majoré)");
  f.saisie(`B${L.isolement}`, "foyer.isolementMajore", VALIDATIONS.ouiNon, {
    valeur: "Non",
    aide: "CASF L.262-9 : le minimum laissé au foyer (capacité de remboursement) est alors le RSA majoré, 128,412 % du montant d'une personne seule + 42,804 % par enfant.",
  });
  f.texte(`C${L.isolement}`, "Oui : le RSA du foyer retenu pour la capacité de remboursement est le montant majoré (C. consommation R.731-1).", "note");
}

/** The three input tables: ressources, charges, dettes, each with its total. */
function ressourcesChargesDettes(f: ConstructeurFeuille): void {
  // ——— Ressources ———
  const tableau = (ligneSection: number, titre: string, entetes: readonly [string, string, string]) => {
    f.texte(`A${ligneSection}`, titre, "section");
    f.fusionner(`A${ligneSection}:C${ligneSection}`);
    entetes.forEach((t, i) => f.texte(`${"ABC"[i]}${ligneSection + 1}`, t, "entete"));
  };
  tableau(L.premiereRessource - 2, "Ressources mensuelles du foyer", ["Nature", "Montant mensuel", "Précisions"]);
  for (const r of RESSOURCES) {
    const l = ligneRessource(r.cle);
    f.texte(`A${l}`, r.libelle);
    f.saisie(`B${l}`, `ressources.${r.cle}`, VALIDATIONS.montant, { format: "montant" });
    f.saisie(`C${l}`, `ressources.${r.cle}Precisions`, VALIDATIONS.texteCourt, { style: "saisieTexte" });
  }
  f.texte(`A${L.totalRessources}`, "Total des ressources", "libelleTotal");
  f.formule(`B${L.totalRessources}`, `SUM(B${L.premiereRessource}:B${L.totalRessources - 1})`, { style: "resultat", format: "montant", id: "resultats.totalRessources" });

  // ——— Charges ———
  tableau(L.premiereCharge - 2, "Charges mensuelles du foyer", ["Nature", "Montant mensuel", "Précisions"]);
  for (const c of CHARGES) {
    const l = ligneCharge(c.cle);
    f.texte(`A${l}`, c.libelle);
    f.saisie(`B${l}`, `charges.${c.cle}`, VALIDATIONS.montant, { format: "montant" });
    f.saisie(`C${l}`, `charges.${c.cle}Precisions`, VALIDATIONS.texteCourt, { style: "saisieTexte" });
  }
  f.texte(`A${L.totalCharges}`, "Total des charges", "libelleTotal");
  f.formule(`B${L.totalCharges}`, `SUM(B${L.premiereCharge}:B${L.totalCharges - 1})`, { style: "resultat", format: "montant", id: "resultats.totalCharges" });

  // ——— Dettes ———
  tableau(PREMIERE_DETTE - 2, "Dettes", ["Créancier", "Montant dû", "Nature de la dette (loyer, énergie, crédit…)"]);
  for (let i = 1; i <= LIGNES_DETTES; i++) {
    const l = PREMIERE_DETTE + i - 1;
    f.saisie(`A${l}`, `dettes.l${i}.creancier`, VALIDATIONS.texteCourt, { style: "saisieTexte" });
    f.saisie(`B${l}`, `dettes.l${i}.montant`, VALIDATIONS.montant, { format: "montant" });
    f.saisie(`C${l}`, `dettes.l${i}.nature`, VALIDATIONS.texteCourt, { style: "saisieTexte" });
  }
  f.texte(`A${TOTAL_DETTES}`, "Total des dettes", "libelleTotal");
  f.formule(`B${TOTAL_DETTES}`, `SUM(B${PREMIERE_DETTE}:B${TOTAL_DETTES - 1})`, { style: "resultat", format: "montant", id: "resultats.totalDettes" });
}

/** Reste à vivre by the four methods and taux d'effort. */
function indicateurs(f: ConstructeurFeuille, b: RefBareme, valeursBaremes: ReadonlyMap<string, string>): void {
  const bar = { valeurs: valeursBaremes };
  // ——— Indicateurs ———
  const I = INDICATEURS;
  const TR = `B${L.totalRessources}`;
  const TC = `B${L.totalCharges}`;
  const AL = `B${ligneRessource("aideLogement")}`;
  const LOYER = `B${ligneCharge("loyer")}`;
  const CHL = `B${ligneCharge("chargesLocatives")}`;
  f.texte(`A${I}`, "Indicateurs", "section");
  f.fusionner(`A${I}:C${I}`);
  f.texte(`A${I + 1}`, "Indicateur", "entete");
  f.texte(`B${I + 1}`, "Valeur", "entete");
  f.texte(`C${I + 1}`, "Méthode et source", "entete");
  const rav = `(${TR}-${TC})`;
  const lignesRav: [MethodeRav, string, string][] = [
    ["mensuel", `ROUND(${rav},2)`, "Ressources − charges."],
    ["jour_personne", `ROUND(${rav}/B${L.personnes}/30,2)`, "Reste à vivre mensuel / nombre de personnes / 30."],
    ["uc", `ROUND(${rav}/B${L.uc},2)`, "Reste à vivre mensuel / unités de consommation."],
    ["jour_uc", `ROUND(${rav}/B${L.uc}/30,2)`, "Reste à vivre mensuel / unités de consommation / 30."],
  ];
  const idRav: Record<MethodeRav, string> = { mensuel: "ravMensuel", jour_personne: "ravJourPersonne", uc: "ravUc", jour_uc: "ravJourUc" };
  lignesRav.forEach(([methode, formule, note], i) => {
    const l = I + 2 + i;
    f.texte(`A${l}`, LIBELLES_METHODE_RAV[methode]);
    f.formule(`B${l}`, formule, { style: "resultat", format: "montant", id: `resultats.${idRav[methode]}` });
    const repere =
      methode === "jour_personne" && bar.valeurs.has("repere.ushMin")
        ? `IF(B${l}<${b("repere.ushMin")},"${note} Sous le seuil d'alerte cité par l'USH (voir Barèmes).",IF(B${l}<${b("repere.ushMax")},"${note} Dans la fourchette d'alerte citée par l'USH (voir Barèmes).","${note}"))`
        : `"${note} Aucune définition légale : la méthode est toujours indiquée."`;
    f.formule(`C${l}`, repere, { style: "note" });
  });
  const lTaux = LIGNE_TAUX;
  f.texte(`A${lTaux}`, "Taux d'effort (arrêté du 10 mars 2011)");
  // Same order of checks as the engine: no resources (besides the aide) is a division by zero, then an
  // aide larger than the rent and charges is refused (#N/A and a message).
  // Blank is clean: nothing typed yet (no resources, no charges) shows nothing, not #DIV/0!.
  f.formule(`B${lTaux}`, `IF(AND(${TR}=0,${TC}=0),"",IF(AND(${TR}-${AL}>0,${AL}>${LOYER}+${CHL}),NA(),ROUND((${LOYER}+${CHL}-${AL})/(${TR}-${AL}),4)))`, { style: "resultat", format: "taux", id: "resultats.tauxEffort" });
  f.formule(
    `C${lTaux}`,
    `IF(AND(${TR}=0,${TC}=0),"Saisissez les ressources et les charges du foyer.",IF(${TR}-${AL}<=0,"Aucune ressource hors aide au logement : taux d'effort non calculable.",IF(${AL}>${LOYER}+${CHL},"L'aide au logement dépasse le loyer et les charges locatives : vérifiez la saisie.","(Loyer + charges locatives − aide au logement) / (ressources − aide au logement) : l'aide, déduite du loyer, n'est pas comptée une seconde fois dans les ressources.")))`,
    { style: "note", id: "resultats.tauxEffortNote" },
  );
}

function calculsIntermediaires(f: ConstructeurFeuille, b: RefBareme): void {
  const TR = `B${L.totalRessources}`;
  const TC = `B${L.totalCharges}`;
  // Intermediate values (columns E/F), in whole cents where the barème applies.
  f.texte("E6", "Calculs intermédiaires (ne pas modifier)", "note");
  const calc = (ligne: number, libelle: string, formule: string, id: string) => {
    f.texte(`E${ligne}`, libelle, "note");
    f.formule(`F${ligne}`, formule, { id: `calcul.${id}` });
  };
  // A typed text must give NA() (and the control's message), never #VALUE!: INT("deux") is only reached for a number.
  const entierEntre = (x: string, min: number, max: number) => `IF(ISNUMBER(${x}),IF(AND(${x}>=${min},${x}<=${max},${x}=INT(${x})),${x},NA()),NA())`;
  calc(7, "Personnes de 14 ans ou plus retenues", entierEntre(`B${L.personnes14Plus}`, 1, 30), "personnes14Plus");
  calc(8, "Enfants de moins de 14 ans retenus", `IF(B${L.enfantsMoins14}="",0,${entierEntre(`B${L.enfantsMoins14}`, 0, 30)})`, "enfantsMoins14");
  calc(9, "Couple", `B${L.couple}="Oui"`, "couple");
  calc(10, "Personnes à charge retenues", `IF(OR(AND(F9,F7<2),AND(F9,F36),F7+F8-IF(F9,2,1)>${ENFANTS_MAX}),NA(),F7+F8-IF(F9,2,1))`, "personnesACharge");
  calc(12, "Ressources en centimes", `ROUND(${TR}*100,0)`, "ressourcesCentimes");
  calc(13, "Charges en centimes", `ROUND(${TC}*100,0)`, "chargesCentimes");
  calc(14, "Personnes du foyer RSA", "IF(F9,2,1)+F10", "personnesRsa");
  calc(
    15,
    "Coefficient du RSA × 10",
    `ROUND(10*(1+IF(F14>=2,${b("rsa.deuxiemePersonne")},0)+IF(F14>=3,${b("rsa.troisiemePersonne")},0)+IF(F14>=4,IF(F9,${b("rsa.quatriemePersonneCouple")},${b("rsa.quatriemePersonneIsole")}),0)+MAX(0,F14-4)*${b("rsa.personneSupplementaire")}),0)`,
    "coefficientRsa",
  );
  // Majorated amount (isolement): cents × coefficient in hundred-thousandths, integers until the one division.
  calc(
    16,
    "RSA du foyer en centimes",
    `IF(F36,ROUND(ROUND(${b("rsa.montant")}*100,0)*(ROUND(${b("rsa.majoreBase")}*100000,0)+ROUND(${b("rsa.majoreParEnfant")}*100000,0)*F10)/100000,0),ROUND(ROUND(${b("rsa.montant")}*100,0)*F15/10,0))`,
    "rsaFoyerCentimes",
  );
  calc(17, "RSA d'une personne en centimes", `ROUND(${b("rsa.montant")}*100,0)`, "rsaUnePersonneCentimes");
  calc(18, "Ressources annuelles en centimes", "12*F12", "ressourcesAnnuellesCentimes");
  calc(19, "Majoration des seuils en centimes", `ROUND(${b("saisie.majoration")}*100,0)*(IF(F9,1,0)+F10)`, "majorationSeuilsCentimes");
  // Seuils s1…s6 raised by the majoration, in cents (rows 20–25), and weights of the fractions (rows 26–32).
  for (let k = 1; k <= 6; k++) calc(19 + k, `Seuil ${k} majoré en centimes`, `ROUND(${b(`saisie.s${k}`)}*100,0)+F19`, `seuil${k}Centimes`);
  for (let k = 1; k <= 7; k++) calc(25 + k, `Poids de la fraction ${k}`, `ROUND(${b(`saisie.t${k}`)}*${b("saisie.denominateur")},0)`, `poids${k}`);
  const tranches = [
    "F26*MIN(F18,F20)",
    ...[2, 3, 4, 5, 6].map((k) => `F${24 + k + 1}*MAX(0,MIN(F18,F${19 + k})-F${18 + k})`),
    "F32*MAX(0,F18-F25)",
  ];
  calc(33, "Barème annuel × dénominateur, en centimes", tranches.join("+"), "baremeAnnuelPondere");
  calc(34, "Quotité saisissable en centimes (exacte)", `MIN(F33/(${b("saisie.denominateur")}*12),MAX(0,F12-F17))`, "quotiteCentimes");
  calc(35, "Capacité de remboursement en centimes", "ROUND(MAX(0,MIN(F34,F12-MAX(F16,F13))),0)", "capaciteCentimes");
  calc(36, "RSA majoré pour isolement", `B${L.isolement}="Oui"`, "isolementMajore");
}

/** Capacité de remboursement and its parts, with the status mark; returns the last printed row. */
function capaciteDeRemboursement(f: ConstructeurFeuille, baremes: BaremesEvaluation): number {
  const I = INDICATEURS;
  const lCap = LIGNE_CAPACITE;
  f.texte(`A${lCap}`, "Capacité de remboursement (méthode Banque de France)");
  f.formule(`B${lCap}`, "F35/100", { style: "resultat", format: "montant", id: "resultats.capaciteRemboursement" });
  f.texte(
    `C${lCap}`,
    "min(quotité saisissable des ressources, ressources − max(RSA du foyer, charges)), au moins 0 (C. consommation L.731-1, L.731-2, R.731-1). Charges retenues : le total des charges ; personnes à charge pour la quotité : conjoint (couple) et personnes à charge.",
    "note",
  );
  f.texte(`A${lCap + 1}`, "Montant forfaitaire du RSA du foyer (dépenses courantes minimales)");
  f.formule(`B${lCap + 1}`, "F16/100", { style: "calcul", format: "montant", id: "resultats.rsaFoyer" });
  f.texte(`C${lCap + 1}`, "Montant forfaitaire × coefficient du foyer (CASF R.262-1), ou montant majoré pour isolement (L.262-9), sans forfait logement.", "note");
  f.texte(`A${lCap + 2}`, "Quotité saisissable des ressources");
  f.formule(`B${lCap + 2}`, "ROUND(F34,0)/100", { style: "calcul", format: "montant", id: "resultats.quotiteSaisissable" });
  f.texte(`C${lCap + 2}`, "Barème annuel / 12, seuils majorés par personne à charge ; le RSA d'une personne reste insaisissable (C. trav. R.3252-2 à R.3252-5).", "note");
  f.texte(`A${lCap + 3}`, "Dépenses courantes retenues");
  f.formule(`B${lCap + 3}`, "MAX(F16,F13)/100", { style: "calcul", format: "montant", id: "resultats.depensesCourantes" });
  f.texte(`C${lCap + 3}`, "Le plus élevé du RSA du foyer et du total des charges.", "note");

  // Honest figures (DESIGN.md §2.8): beside the results computed from barème values, which of them are
  // not official and why. The capacité, the RSA du foyer, the quotité and the dépenses courantes use the
  // RSA and saisie barèmes.
  const marque = marqueStatut(baremes.lignes.filter((l) => l.id.startsWith("rsa.") || l.id.startsWith("saisie.")));
  let derniere = lCap + 3;
  if (marque !== "") {
    for (let k = 0; k <= 3; k++) f.texte(`D${lCap + k}`, "⚠", "alerte");
    f.texte(`A${lCap + 4}`, "⚠ Statut des barèmes utilisés", "alerte");
    f.texte(`B${lCap + 4}`, marque, "alerte");
    f.fusionner(`B${lCap + 4}:C${lCap + 4}`);
    derniere = lCap + 4;
  }
  return derniere;
}

export function modeleEvaluation(ctx: ContexteBaremes): SpecModele {
  const baremes = baremesEvaluation(ctx);
  const lignesBaremes: LigneBareme[] = [
    ...baremes.lignes,
    ...lignesEchelleOcde(ctx),
    {
      id: "saisie.denominateur",
      libelle: "Dénominateur commun des fractions de saisie (calcul exact en centimes)",
      valeur: baremes.denominateurCommun,
      unite: "nombre",
      format: "entier",
      dateEffet: versionEnVigueur(ctx, "saisie_remuneration").dateEffet,
      statut: "calculé (plus petit multiple commun des dénominateurs des fractions)",
      source: "Fractions du barème ci-dessus",
    },
  ];
  const bar = feuilleBaremes(ctx.date, periodeBaremes(ctx, ["rsa_montant_forfaitaire", "rsa_majoration_isolement", "saisie_remuneration", "reperes_reste_a_vivre", "echelle_ocde_modifiee"]), lignesBaremes);
  const b: RefBareme = (id) => {
    const r = bar.valeurs.get(id);
    if (r === undefined) throw new Error(`Valeur de barème absente : ${id}`);
    return `{baremes}!${refAbsolue(r)}`;
  };

  const f = new ConstructeurFeuille("evaluation", "Évaluation");
  enTete(f, ctx);
  foyer(f, b);
  ressourcesChargesDettes(f);
  indicateurs(f, b, bar.valeurs);
  calculsIntermediaires(f, b);
  const derniere = capaciteDeRemboursement(f, baremes);
  const I = INDICATEURS;
  const lTaux = LIGNE_TAUX;
  const lCap = LIGNE_CAPACITE;

  // Foyer, ressources and charges on page 1; dettes and indicateurs on page 2; helpers (E:F) not printed.
  f.impression = { orientation: "portrait", derniereColonne: "D", derniereLigne: derniere, sauts: [PREMIERE_DETTE - 2] };
  const evaluation = f.construire();
  const nom = (n: string, ref: string, description: string) => ({ nom: n, feuille: "evaluation", ref, description });
  return assembler(
    { id: "evaluation", version: VERSION_EVALUATION, titre: "Évaluation économique de la famille", dateBaremes: ctx.date, options: {} },
    [evaluation, bar.feuille],
    [
      nom("TOTAL_RESSOURCES", `B${L.totalRessources}`, "Total des ressources mensuelles du foyer."),
      nom("TOTAL_CHARGES", `B${L.totalCharges}`, "Total des charges mensuelles du foyer."),
      nom("TOTAL_DETTES", `B${TOTAL_DETTES}`, "Total des dettes déclarées."),
      nom("RAV_MENSUEL", `B${I + 2}`, LIBELLES_METHODE_RAV.mensuel),
      nom("RAV_JOUR_PERSONNE", `B${I + 3}`, LIBELLES_METHODE_RAV.jour_personne),
      nom("RAV_UC", `B${I + 4}`, LIBELLES_METHODE_RAV.uc),
      nom("RAV_JOUR_UC", `B${I + 5}`, LIBELLES_METHODE_RAV.jour_uc),
      nom("TAUX_EFFORT", `B${lTaux}`, "Taux d'effort (arrêté du 10 mars 2011), aide au logement exclue des ressources."),
      nom("CAPACITE_REMBOURSEMENT", `B${lCap}`, "Capacité de remboursement mensuelle (méthode Banque de France)."),
      nom("UC", `B${L.uc}`, "Unités de consommation du foyer (échelle OCDE modifiée)."),
    ],
  );
}

// ——— The same évaluation computed by the engine (tests, audit, exercises) ———————————————————————

/** Each line of the template is one line type of the engine's budget (shared/evaluation.ts). */
export const TYPE_RESSOURCE: Record<CleRessource, TypeRessource> = {
  salaires: "salaire",
  are: "indemnites_chomage",
  rsa: "rsa",
  primeActivite: "prime_activite",
  aah: "aah",
  prestationsFamiliales: "prestations_familiales",
  pensions: "pension_retraite",
  pensionAlimentaireRecue: "pension_alimentaire_recue",
  aideLogement: "aide_logement",
  autres: "autre",
};

export const TYPE_CHARGE: Record<CleCharge, TypeCharge> = {
  loyer: "loyer",
  chargesLocatives: "charges_locatives",
  energie: "energie",
  eau: "eau",
  assuranceHabitation: "assurance_habitation",
  telephoneInternet: "telephone_internet",
  transport: "transport",
  mutuelle: "sante_mutuelle",
  impots: "impots_taxes",
  gardeCantine: "scolarite_garde",
  pensionAlimentaireVersee: "pension_alimentaire_versee",
  credits: "remboursement_credit",
  plansEnCours: "remboursement_credit",
  autres: "autre",
};

export interface SaisieEvaluation {
  date: DateISO;
  personnes14Plus: number;
  enfantsMoins14: number;
  couple: boolean;
  /** Parent isolé or isolated pregnant woman during the majoration period (CASF L.262-9). */
  isolementMajore?: boolean;
  ressources: Partial<Record<CleRessource, number>>;
  charges: Partial<Record<CleCharge, number>>;
  dettes: readonly { creancier: string; nature: string; montant: number }[];
}

/** The template's input cells for a household. */
export function saisiesEvaluation(s: SaisieEvaluation): ValeursSaisies {
  if (s.dettes.length > LIGNES_DETTES) throw new Error(`Le modèle accepte ${LIGNES_DETTES} dettes au plus.`);
  const v: Record<string, ValeursSaisies[string]> = {
    "evaluation.date": { date: s.date },
    "foyer.personnes14Plus": s.personnes14Plus,
    "foyer.enfantsMoins14": s.enfantsMoins14,
    "foyer.couple": s.couple ? "Oui" : "Non",
    "foyer.isolementMajore": s.isolementMajore ? "Oui" : "Non",
  };
  for (const r of RESSOURCES) v[`ressources.${r.cle}`] = s.ressources[r.cle] ?? null;
  for (const c of CHARGES) v[`charges.${c.cle}`] = s.charges[c.cle] ?? null;
  s.dettes.forEach((d, i) => {
    v[`dettes.l${i + 1}.creancier`] = d.creancier;
    v[`dettes.l${i + 1}.montant`] = d.montant;
    v[`dettes.l${i + 1}.nature`] = d.nature;
  });
  return v;
}

/** The same household as the engine's budget (the body of POST /v1/evaluations). */
export function budgetEvaluation(s: SaisieEvaluation): EntreeEvaluation {
  const montants = <K extends string, T>(valeurs: Partial<Record<K, number>>, types: Record<K, T>) =>
    (Object.keys(types) as K[]).filter((k) => valeurs[k] !== undefined).map((k) => ({ type: types[k], montant: valeurs[k]! }));
  return {
    date: s.date,
    foyer: { personnes14Plus: s.personnes14Plus, enfantsMoins14: s.enfantsMoins14, couple: s.couple, isolementMajore: s.isolementMajore ?? false },
    ressources: montants(s.ressources, TYPE_RESSOURCE),
    charges: montants(s.charges, TYPE_CHARGE),
    dettes: s.dettes.map((d) => ({ type: "autre" as const, libelle: `${d.creancier} : ${d.nature}`, montant: d.montant })),
  };
}

/**
 * Every indicator of the évaluation by the engine (`evaluerBudget`, the code path of POST
 * /v1/evaluations), from the same inputs as the template: what its formulas must show, and what the
 * audit recomputes. Totals are also given unrounded, as the template's SUM keeps them.
 */
export function indicateursEvaluation(s: SaisieEvaluation, ctx: ContexteBaremes): ResultatEvaluation & { totalDettes: Montant } {
  const r = evaluerBudget(validerEvaluation(budgetEvaluation(s)), s.date, ctx.catalogue);
  return { ...r, totalDettes: somme(s.dettes.map((d) => d.montant)) };
}
