import { ENTETE_PLAN } from "../planApurement.ts";
import { MAX_ECHEANCES } from "../planApurement.ts";
import { assembler, ConstructeurFeuille, entier, VALIDATIONS } from "./constructeur.ts";
import { feuilleBaremes, marqueStatut, type LigneBareme } from "./feuilleBaremes.ts";
import { lettreColonne, refAbsolue } from "./formules.ts";
import type { SpecModele } from "./spec.ts";
import { ligneBareme, periodeBaremes, type ContexteBaremes } from "./sources.ts";

/**
 * Plan d'apurement (DESIGN.md §4): the same rules as `planApurement`, as native formulas.
 * Amounts are handled in whole cents (integers are exact in a spreadsheet, like in the engine):
 * instalment = ROUNDUP(dette in cents / durée) (or the mensualité typed, or the CAF 1/36), number of
 * instalments = ROUNDUP(dette / instalment), the last one is the remainder; dates by EDATE, which
 * keeps the first instalment's day or the month's last day, counted from the first date like the engine.
 */

export const VERSION_APUREMENT = "2.0.0";

/** Barème values the template needs (durées de référence), each with its source. */
export interface BaremesApurement {
  planCafMois: LigneBareme;
  protocoleMois: LigneBareme;
  protocoleTotalMaxMois: LigneBareme;
  delaisJudiciairesMaxMois: LigneBareme;
  surendettementMaxMois: LigneBareme;
}

/** First row of the schedule; rows run to PREMIERE_LIGNE + MAX_ECHEANCES − 1. */
export const PREMIERE_LIGNE_ECHEANCIER = 38;
/** First line of the signature block's text (column H), shown in column A after the last instalment. */
export const PREMIERE_LIGNE_SIGNATURE = 12;
/** Lines of the signature block printed after the last instalment. */
export const LIGNES_BLOC_SIGNATURE = 16;

export function baremesApurement(ctx: ContexteBaremes): BaremesApurement {
  const duree = (cle: keyof BaremesApurement, libelle: string) => ligneBareme(ctx, "durees_apurement", cle, { id: `apurement.${cle}`, libelle, unite: "mois", format: "entier" });
  return {
    planCafMois: duree("planCafMois", "Plan par défaut de la CAF : durée (CCH R.824-12)"),
    delaisJudiciairesMaxMois: duree("delaisJudiciairesMaxMois", "Délais de paiement accordés par le juge : durée maximale (loi 89-462, art. 24 V)"),
    protocoleMois: duree("protocoleMois", "Protocole de cohésion sociale : durée (CCH L.353-15-2, L.442-6-5)"),
    protocoleTotalMaxMois: duree("protocoleTotalMaxMois", "Protocole prolongé par avenant : durée totale maximale"),
    surendettementMaxMois: duree("surendettementMaxMois", "Plan de surendettement : durée maximale (C. consommation L.732-3)"),
  };
}

/** A reference duration's cell on the Barèmes sheet, as a formula reference. */
type RefBareme = (cle: keyof BaremesApurement) => string;

const PREMIERE = PREMIERE_LIGNE_ECHEANCIER;
const DERNIERE = PREMIERE + MAX_ECHEANCES - 1;

function titreEtParametres(f: ConstructeurFeuille): void {
  f.colonnes = [46, 16, 16, 16, 16, 16, 3, 34, 14];
  f.texte("A1", "Plan d'apurement de la dette locative", "titre");
  f.fusionner("A1:F1");
  f.texte("A2", "Les cellules jaunes sont à remplir ; les autres sont calculées. Montants en euros.", "sousTitre");
  f.fusionner("A2:F2");

  // ——— Paramètres ———
  f.texte("A4", "Paramètres du plan", "section");
  f.fusionner("A4:F4");
  f.texte("A5", "Dette locative à apurer");
  f.saisie("B5", "plan.dette", VALIDATIONS.montantPositif, { format: "montant", aide: "Montant total de la dette locative, en euros." });
  f.texte("A6", "Mensualité de reprise de dette (facultatif)");
  f.saisie("B6", "plan.mensualite", VALIDATIONS.montantPositif, { format: "montant", aide: "Laissez vide pour calculer la mensualité à partir de la durée." });
  f.texte("A7", "Durée en mois (facultatif ; durée maximale si une mensualité est saisie)");
  f.saisie("B7", "plan.duree", entier(1, MAX_ECHEANCES, `Saisissez un nombre entier de mois entre 1 et ${MAX_ECHEANCES}.`), {
    format: "entier",
    aide: "Sans mensualité ni durée : plan par défaut de la CAF, 1/36e de la dette pendant 36 mois.",
  });
  f.texte("A8", "Date de la première échéance (facultatif)");
  f.saisie("B8", "plan.premiereEcheance", VALIDATIONS.date, { format: "date", aide: "Les échéances suivantes tombent le même jour de chaque mois, ou le dernier jour d'un mois plus court." });
  f.texte("A9", "Loyer résiduel mensuel (loyer + charges − aide au logement, facultatif)");
  f.saisie("B9", "plan.loyerResiduel", VALIDATIONS.montant, { format: "montant", aide: "Ajoute la colonne « Total à verser » : échéance + loyer courant." });

}

/** Intermediate values, in whole cents (column H/I). */
function calculsIntermediaires(f: ConstructeurFeuille, b: RefBareme): void {
  f.texte("H4", "Calculs intermédiaires (ne pas modifier)", "note");
  f.texte("H5", "Dette en centimes", "note");
  f.formule("I5", "IF(ISNUMBER(B5),ROUND(ROUND(B5,2)*100,0),0)", { format: "entier", id: "plan.detteCentimes" });
  f.texte("H6", "Mensualité en centimes", "note");
  f.formule(
    "I6",
    `IF(I5<=0,0,IF(ISNUMBER(B6),ROUND(ROUND(B6,2)*100,0),ROUNDUP(I5/IF(AND(ISNUMBER(B7),B7>=1),B7,${b("planCafMois")}),0)))`,
    { format: "entier", id: "plan.mensualiteCentimes" },
  );
  f.texte("H7", "Échéances nécessaires", "note");
  f.formule("I7", "IF(I6<=0,0,ROUNDUP(I5/I6,0))", { format: "entier", id: "plan.echeancesNecessaires" });
  f.texte("H8", "Erreur de saisie", "note");
  f.formule(
    "I8",
    [
      // Nested IFs, never OR/AND over a typed value: OR(…, INT("douze")) would be #VALUE! instead of the message.
      'IF(OR(NOT(ISNUMBER(B5)),I5<=0),"La dette doit être un montant supérieur à 0 €.",',
      `IF(AND(B7<>"",NOT(ISNUMBER(B7))),"La durée doit être un nombre entier de mois entre 1 et ${MAX_ECHEANCES}.",`,
      `IF(AND(ISNUMBER(B7),OR(B7<>INT(B7),B7<1,B7>${MAX_ECHEANCES})),"La durée doit être un nombre entier de mois entre 1 et ${MAX_ECHEANCES}.",`,
      'IF(AND(B6<>"",NOT(ISNUMBER(B6))),"La mensualité doit être un montant supérieur à 0 €.",',
      'IF(AND(ISNUMBER(B6),ROUND(N(B6),2)<=0),"La mensualité doit être un montant supérieur à 0 €.",',
      'IF(AND(ISNUMBER(B6),ISNUMBER(B7),I7>B7),"Avec cette mensualité, il faut "&I7&" mois pour rembourser la dette : c\'est plus que la durée maximale de "&B7&" mois. Augmentez la mensualité ou la durée.",',
      `IF(I7>${MAX_ECHEANCES},"Avec cette mensualité, il faudrait "&I7&" échéances ; le plan est limité à ${MAX_ECHEANCES} échéances.",`,
      'IF(AND(B9<>"",OR(NOT(ISNUMBER(B9)),N(B9)<0)),"Le loyer résiduel doit être un montant positif ou nul.",""))))))))',
    ].join(""),
    { id: "plan.erreur" },
  );
  f.texte("H9", "Échéances du plan", "note");
  f.formule("I9", 'IF(I8="",I7,0)', { format: "entier", id: "plan.echeancesAffichees" });

}

function resultats(f: ConstructeurFeuille, b: RefBareme): void {
  const premiere = PREMIERE;
  const derniere = DERNIERE;
  f.texte("A11", "Plan calculé", "section");
  f.fusionner("A11:F11");
  f.texte("A12", "Mode de calcul");
  f.formule("B12", `IF(ISNUMBER(B6),"Mensualité saisie",IF(ISNUMBER(B7),"Durée saisie","Plan par défaut de la CAF ("&${b("planCafMois")}&" mois)"))`, { id: "plan.mode" });
  f.fusionner("B12:D12");
  f.texte("A13", "Dette retenue (au centime)");
  f.formule("B13", 'IF(I8="",I5/100,IF(B5="","",NA()))', { style: "resultat", format: "montant", id: "plan.detteRetenue" });
  f.texte("A14", "Mensualité de reprise de dette");
  f.formule("B14", 'IF(I8="",I6/100,IF(B5="","",NA()))', { style: "resultat", format: "montant", id: "plan.mensualiteRetenue" });
  f.texte("A15", "Nombre d'échéances (durée du plan, en mois)");
  f.formule("B15", 'IF(I8="",I7,IF(B5="","",NA()))', { style: "resultat", format: "entier", id: "plan.nombreEcheances" });
  f.texte("A16", "Dernière échéance (le solde)");
  f.formule("B16", 'IF(I8="",(I5-(I7-1)*I6)/100,IF(B5="","",NA()))', { style: "resultat", format: "montant", id: "plan.derniereEcheance" });
  f.texte("A17", "Total remboursé (somme de l'échéancier)");
  f.formule("B17", `IF(I8="",ROUND(SUM(C${premiere}:C${derniere}),2),IF(B5="","",NA()))`, { style: "resultat", format: "montant", id: "plan.totalRembourse" });
  f.texte("A18", "Contrôle");
  f.formule(
    "B18",
    `IF(I8<>"",I8,IF(ROUND(SUM(C${premiere}:C${derniere}),2)=I5/100,"La somme des échéances est égale à la dette.","La somme des échéances diffère de la dette : l'échéancier a été modifié."))`,
    { style: "alerte", id: "plan.controle" },
  );
  f.fusionner("B18:F18");

}

function reperesDeDuree(f: ConstructeurFeuille, b: RefBareme, baremes: BaremesApurement): void {
  f.texte("A20", "Durées de référence (avertissements)", "section");
  f.fusionner("A20:F20");
  f.texte("A21", "Repère", "entete");
  f.texte("B21", "Durée (mois)", "entete");
  f.texte("C21", "Situation du plan", "entete");
  f.fusionner("C21:F21");
  const repere = (ligne: number, id: string, libelle: string, duree: string, depassement: string) => {
    f.texte(`A${ligne}`, libelle);
    f.formule(`B${ligne}`, duree, { format: "entier" });
    f.formule(`C${ligne}`, `IF(I9=0,"",IF(I9>B${ligne},"${depassement}","Dans la durée de référence."))`, { style: "alerte", id });
    f.fusionner(`C${ligne}:F${ligne}`);
  };
  repere(
    22,
    "plan.avertissementCaf",
    "Plan par défaut de la CAF (CCH R.824-12) et délais du juge (loi 89-462, art. 24 V)",
    b("planCafMois"),
    "Au-delà du plan par défaut de la CAF et des délais qu'un juge peut accorder.",
  );
  repere(
    23,
    "plan.avertissementProtocole",
    "Protocole de cohésion sociale (CCH L.353-15-2, L.442-6-5), prolongeable par avenant",
    b("protocoleMois"),
    "Au-delà de la durée d'un protocole de cohésion sociale (prolongeable par avenant, voir la feuille Barèmes).",
  );
  repere(24, "plan.avertissementSurendettement", "Plan de surendettement (C. consommation L.732-3)", b("surendettementMaxMois"), "Au-delà des 7 ans d'un plan de surendettement.");

  // Honest figures (DESIGN.md §2.8): the reference durations, when one of them is not official.
  const marque = marqueStatut(Object.values(baremes));
  if (marque !== "") {
    f.texte("A25", marque, "alerte");
    f.fusionner("A25:F25");
  }

}

/** Who signs, and the signature block's lines (column H, shown after the last instalment), returned for the schedule. */
function signataires(f: ConstructeurFeuille): readonly { texte?: string; formule?: string }[] {
  // The block the tenant signs prints after the last instalment (rows below the schedule): here, who signs.
  f.texte("A26", "Signataires (le bloc de signatures s'imprime après la dernière échéance)", "section");
  f.fusionner("A26:F26");
  f.texte("A28", "Fait à");
  f.saisie("B28", "signature.lieu", VALIDATIONS.texteCourt, { style: "saisieTexte" });
  f.fusionner("B28:C28");
  f.texte("D28", "Le", "libelle");
  f.saisie("E28", "signature.date", VALIDATIONS.date, { format: "date" });
  f.texte("A30", "Le locataire", "libelleTotal");
  f.texte("D30", "Pour le bailleur", "libelleTotal");
  f.texte("A31", "Nom et prénom");
  f.saisie("B31", "signature.locataire", VALIDATIONS.texteCourt, { style: "saisieTexte" });
  f.fusionner("B31:C31");
  f.texte("D31", "Nom et qualité");
  f.saisie("E31", "signature.bailleur", VALIDATIONS.texteCourt, { style: "saisieTexte" });
  f.fusionner("E31:F31");

  // The signature block's lines (column H, not printed), shown in column A right after the last
  // instalment. Short lines: a formula cell beside a text stops it from overflowing.
  const SIGNATURE = PREMIERE_LIGNE_SIGNATURE;
  const dateTexte = `IF(DAY(E28)<10,"0","")&DAY(E28)&"/"&IF(MONTH(E28)<10,"0","")&MONTH(E28)&"/"&YEAR(E28)`;
  const lignesSignature: readonly { texte?: string; formule?: string }[] = [
    { formule: '""' },
    { texte: "ENGAGEMENT ET SIGNATURES" },
    { texte: "Le locataire s'engage à verser chaque mois," },
    { texte: "en plus du loyer courant, l'échéance de reprise" },
    { texte: "de dette de l'échéancier ci-dessus, jusqu'à" },
    { texte: "l'apurement complet de la dette. Tout retard" },
    { texte: "est signalé sans délai au bailleur." },
    { formule: `"Fait à "&IF(TRIM(B28)="","………………",B28)&", le "&IF(ISNUMBER(E28),${dateTexte},"…… / …… / ……")` },
    { formule: '""' },
    { formule: `"Le locataire : "&B31` },
    { texte: "Signature :" },
    { formule: '""' },
    { formule: '""' },
    { formule: `"Pour le bailleur : "&E31` },
    { texte: "Signature :" },
    { formule: '""' },
  ];
  f.texte(`H${SIGNATURE - 1}`, "Bloc de signatures (imprimé après la dernière échéance)", "note");
  lignesSignature.forEach((l, i) => {
    const ref = `H${SIGNATURE + i}`;
    if (l.texte !== undefined) f.texte(ref, l.texte, "note");
    else f.formule(ref, l.formule!, { style: "note" });
  });
  if (lignesSignature.length !== LIGNES_BLOC_SIGNATURE) throw new Error("Bloc de signatures : nombre de lignes inattendu.");
  return lignesSignature;
}

function echeancier(f: ConstructeurFeuille, lignesSignature: readonly unknown[]): void {
  const premiere = PREMIERE;
  const SIGNATURE = PREMIERE_LIGNE_SIGNATURE;
  const finSignature = SIGNATURE + lignesSignature.length - 1;
  f.texte("A36", "Échéancier", "section");
  f.fusionner("A36:F36");
  ENTETE_PLAN.forEach((t, i) => f.texte(`${lettreColonne(i + 1)}37`, t, "entete"));
  for (let k = 1; k <= MAX_ECHEANCES + lignesSignature.length; k++) {
    const r = premiere + k - 1;
    const dans = `${k}<=$I$9`;
    // Below a refused plan (a message in I8), no signature block: there is nothing to sign.
    const signature = `IF(AND(${k}-$I$9<=${lignesSignature.length},OR($I$8="",$B$5="")),INDEX($H$${SIGNATURE}:$H$${finSignature},${k}-$I$9)&"","")`;
    f.formule(`A${r}`, `IF(${dans},${k},${signature})`, { style: "ligne", format: "entier" });
    if (k > MAX_ECHEANCES) continue;
    f.formule(`B${r}`, `IF(AND(${dans},ISNUMBER($B$8)),EDATE($B$8,${k - 1}),"")`, { style: "ligne", format: "date" });
    f.formule(`C${r}`, `IF(${dans},IF(${k}<$I$9,$I$6,$I$5-($I$9-1)*$I$6)/100,"")`, { style: "ligne", format: "montant" });
    f.formule(`D${r}`, `IF(AND(${dans},ISNUMBER($B$9)),ROUND($B$9,2),"")`, { style: "ligne", format: "montant" });
    f.formule(`E${r}`, `IF(AND(${dans},ISNUMBER($B$9)),ROUND(C${r}+D${r},2),"")`, { style: "ligne", format: "montant" });
    f.formule(`F${r}`, `IF(${dans},($I$5-IF(${k}<$I$9,${k}*$I$6,$I$5))/100,"")`, { style: "ligne", format: "montant" });
  }
}

export function modeleApurement(ctx: ContexteBaremes): SpecModele {
  const dateBaremes = ctx.date;
  const baremes = baremesApurement(ctx);
  const bar = feuilleBaremes(dateBaremes, periodeBaremes(ctx, ["durees_apurement"]), [baremes.planCafMois, baremes.delaisJudiciairesMaxMois, baremes.protocoleMois, baremes.protocoleTotalMaxMois, baremes.surendettementMaxMois]);
  const b: RefBareme = (cle) => `{baremes}!${refAbsolue(bar.valeurs.get(baremes[cle].id)!)}`;

  const f = new ConstructeurFeuille("plan", "Plan d'apurement");
  titreEtParametres(f);
  calculsIntermediaires(f, b);
  resultats(f, b);
  reperesDeDuree(f, b, baremes);
  const lignesSignature = signataires(f);
  echeancier(f, lignesSignature);
  const premiere = PREMIERE;
  // Printed: the parameters, the instalments that exist and the signature block (not 600 blank rows).
  f.impression = {
    orientation: "portrait",
    derniereColonne: "F",
    derniereLigne: premiere - 1 + MAX_ECHEANCES + lignesSignature.length,
    titres: [premiere - 1, premiere - 1],
    echeancier: { premiereLigne: premiere, celluleNombre: "I9", lignesApres: lignesSignature.length },
  };
  const plan = f.construire();
  return assembler(
    { id: "apurement", version: VERSION_APUREMENT, titre: "Plan d'apurement de la dette locative", dateBaremes, options: {} },
    [plan, bar.feuille],
    [
      { nom: "DETTE", feuille: "plan", ref: "B13", description: "Dette locative apurée par le plan, au centime." },
      { nom: "MENSUALITE", feuille: "plan", ref: "B14", description: "Mensualité de reprise de dette (toutes les échéances sauf la dernière)." },
      { nom: "DUREE", feuille: "plan", ref: "B15", description: "Nombre d'échéances mensuelles du plan." },
      { nom: "TOTAL_REMBOURSE", feuille: "plan", ref: "B17", description: "Somme des échéances de l'échéancier (égale à la dette)." },
    ],
  );
}
