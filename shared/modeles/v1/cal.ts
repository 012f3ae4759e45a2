import { composantes, type DateISO } from "../../date.ts";
import { arrondi, dec, somme, type Montant } from "../../money.ts";
import { estErreurLogsoc, ErreurLogsoc } from "../../errors.ts";
import { METHODES_RAV, resteAVivre, type MethodeRav } from "../../resteAVivre.ts";
import { tauxEffort } from "../../tauxEffort.ts";
import { unitesConsommation } from "../../foyer.ts";
import { categorieMenage, PERSONNES_MAX } from "../../categorieMenage.ts";
import { CATEGORIE_MAX, plafondRessources } from "../../plafondsRessources.ts";
import { FINANCEMENTS, LIBELLES_ZONE, ZONES, type Financement, type Zone } from "../../baremes/valeurs.ts";
import type { Statut } from "../../baremes/schema.ts";
import { statutLePlusFaible } from "./statuts.ts";
import { noteDeCle, statutDeCle } from "../../baremes/cle.ts";
import { assembler, ConstructeurFeuille, entier, liste, VALIDATIONS } from "./constructeur.ts";
import { feuilleBaremes, REFS_BAREMES, type TableauBareme } from "./feuilleBaremes.ts";
import { lettreColonne } from "../formules.ts";
import type { SpecModele, ValeursSaisies } from "../spec.ts";
import { LIBELLES_STATUT, periodeBaremes, sourceDe, versionEnVigueur, type ContexteBaremes } from "./sources.ts";

/**
 * Fiche synthétique CALEOL (DESIGN.md §6, ../shared/reference/cal.md §2): the dwelling and up to three
 * candidates side by side. What the fiche holds is what the commission needs and the law allows:
 * composition (for the catégorie and the fit of the typologie), resources against the plafond,
 * taux d'effort and reste à vivre, seniority of the demande, priorities, objective strengths and
 * points of vigilance, proposed rank and decision. No field records a criterion prohibited by
 * art. 225-1 code pénal (origine, nom, état de santé, opinions…): the séjour appears only as
 * « condition de séjour vérifiée », health only as a need for an adapted dwelling, and the candidates
 * are « Candidat A, B, C » identified by the numéro unique of their demande.
 */

export const VERSION_CAL = "1.0.0";
export const CANDIDATS_MAX = 3;
export const LETTRES_CANDIDATS = ["A", "B", "C"] as const;

/** Short names of the reste-à-vivre methods for the fiche's list (each maps to an engine method). */
export const METHODES_FICHE: Record<MethodeRav, string> = {
  mensuel: "Mensuel",
  jour_personne: "Par jour et par personne",
  uc: "Par unité de consommation",
  jour_uc: "Par jour et par unité de consommation",
};

export const DECISIONS = [
  "a) Attribution",
  "b) Attribution par ordre de priorité",
  "c) Attribution sous condition suspensive",
  "d) Non-attribution",
  "e) Rejet pour irrecevabilité",
] as const;

/** Decisions that must state their motif (CCH L.441-2-2, R.441-3 c to e). */
export const DECISIONS_MOTIVEES = DECISIONS.slice(2);

export const LISTES_CAL = {
  typologie: ["T1", "T2", "T3", "T4", "T5", "T6 et plus"],
  reservataire: ["État (contingent préfectoral)", "Action Logement", "Collectivité territoriale", "Bailleur (non réservé)"],
  sejour: ["Oui", "À vérifier"],
  logementActuel: ["Locataire du parc social", "Locataire du parc privé", "Hébergé chez des tiers", "Structure d'hébergement", "Hôtel", "Sans logement", "Propriétaire", "Autre"],
  motif: [
    "Sans logement",
    "Logement trop petit",
    "Logement trop cher",
    "Logement indécent ou insalubre",
    "Procédure d'expulsion",
    "Violences familiales",
    "Rapprochement du travail",
    "Logement inadapté",
    "Décohabitation",
    "Autre",
  ],
  adaptation: ["Aucun", "Accessibilité PMR", "Rez-de-chaussée ou ascenseur", "Autre adaptation"],
  prioritaire: [
    "Non",
    "Handicap (a)",
    "Mal logé ou défavorisé",
    "Hébergement temporaire",
    "Reprise d'activité",
    "Habitat indigne",
    "Violences conjugales",
    "Menace d'expulsion",
    "Dépourvu de logement",
    "Sortie de l'ASE",
    "Autre catégorie",
  ],
  accompagnement: ["Aucun", "ASLL", "AVDL", "Autre"],
  rang: ["1", "2", "3"],
} as const;

/** Rows of the fiche. Candidate rows hold one column per candidate (B, C, D). */
const R = {
  commission: 5,
  date: 6,
  methode: 7,
  reference: 11,
  commune: 12,
  qpv: 13,
  typologie: 14,
  surface: 15,
  etage: 16,
  ascenseur: 17,
  pmr: 18,
  financement: 19,
  zone: 20,
  loyer: 21,
  annexes: 22,
  charges: 23,
  individuels: 24,
  forfait: 25,
  depense: 26,
  reservataire: 27,
  disponibilite: 28,
  entete: 31,
  numero: 32,
  mutation: 33,
  depot: 34,
  anciennete: 35,
  personnes14Plus: 37,
  enfantsMoins14: 38,
  personnesACharge: 39,
  jeuneMenage: 40,
  cmi: 41,
  personnes: 42,
  uc: 43,
  categorie: 44,
  controle: 45,
  rfr: 47,
  anneeRevenus: 48,
  plafond: 49,
  partPlafond: 50,
  sousPlafond: 51,
  sejour: 52,
  ressources: 53,
  aide: 54,
  autresCharges: 55,
  tauxEffort: 56,
  ravMensuel: 57,
  ravMethode: 58,
  logementActuel: 60,
  motif: 61,
  adaptation: 62,
  rapprochement: 63,
  dalo: 64,
  prioritaire: 65,
  accord: 66,
  quartile: 67,
  cotation: 68,
  accompagnement: 69,
  pointsForts: 71,
  vigilance: 72,
  rang: 73,
  decision: 74,
  motifDecision: 75,
  controleDecision: 76,
  // Intermediate values, one column per candidate.
  calculs: 79,
  pValide: 80,
  eValide: 81,
  pacValide: 82,
  cmiValide: 83,
  ligneGrille: 84,
  plafondBase: 85,
  rav1: 86,
} as const;

function tableauPlafonds(ctx: ContexteBaremes): TableauBareme {
  const v = versionEnVigueur(ctx, "plafonds_ressources_hlm");
  const valeurs = v.valeurs as Record<Financement, Record<Zone, Record<string, number>>>;
  const cles = ["cat1", "cat2", "cat3", "cat4", "cat5", "cat6", "parPersonneSupplementaire"];
  const lignes = FINANCEMENTS.flatMap((fin) =>
    ZONES.map((zone) => {
      const chemins = cles.map((k) => `${fin}.${zone}.${k}`);
      const statut = chemins.map((c) => statutDeCle(v, c)).reduce<Statut>((a, b) => statutLePlusFaible(a, b), "officiel");
      const faible = chemins.find((c) => statutDeCle(v, c) === statut)!;
      const note = noteDeCle(v, faible);
      return {
        cle: `${fin}|${LIBELLES_ZONE[zone]}`,
        libelle: `${fin}, ${LIBELLES_ZONE[zone]}`,
        valeurs: cles.map((k) => valeurs[fin][zone][k]!),
        statut: note === undefined ? LIBELLES_STATUT[statut] : `${LIBELLES_STATUT[statut]} (${note})`,
      };
    }),
  );
  return {
    id: "plafonds",
    titre: "Plafonds de ressources du logement social (revenu fiscal de référence N-2, € par an)",
    entetes: ["Catégorie 1", "Catégorie 2", "Catégorie 3", "Catégorie 4", "Catégorie 5", "Catégorie 6", "Par personne en plus"],
    lignes,
    format: "montantEntier",
    dateEffet: v.dateEffet,
    source: `${sourceDe(v)}. PLS : plafond PLUS × 1,3 arrondi à l'euro (arrêté du 29 juillet 1987, art. 1), calculé ainsi par la fiche pour toute catégorie.`,
  };
}

export interface OptionsCal {
  /** 1 to 3 candidates side by side. */
  candidats: number;
  /** Default zone of the dwelling. */
  zone: Zone;
}

export function modeleCal(ctx: ContexteBaremes, options: OptionsCal = { candidats: CANDIDATS_MAX, zone: "AUTRES" }): SpecModele {
  const n = options.candidats;
  if (!Number.isInteger(n) || n < 1 || n > CANDIDATS_MAX) {
    throw new ErreurLogsoc("HORS_LIMITES", `Le nombre de candidats doit être un entier de 1 à ${CANDIDATS_MAX} (reçu : ${n}).`, ["candidats"]);
  }
  if (!ZONES.includes(options.zone)) {
    throw new ErreurLogsoc("CODE_INCONNU", `Zone inconnue « ${options.zone} » : ${ZONES.join(", ")} attendue.`, ["zone"]);
  }
  const plafonds = tableauPlafonds(ctx);
  const bar = feuilleBaremes(ctx.date, periodeBaremes(ctx, ["plafonds_ressources_hlm"]), [], [plafonds]);
  const grille = bar.tableaux.get("plafonds")!;

  const f = new ConstructeurFeuille("fiche", "Fiche CALEOL");
  f.colonnes = [58, ...Array.from({ length: n }, () => 30), 3, 60];
  const derniere = lettreColonne(1 + n);
  const note = lettreColonne(3 + n);
  f.texte("A1", "Fiche synthétique de candidatures : commission d'attribution des logements (CALEOL)", "titre");
  f.fusionner(`A1:${note}1`);
  f.texte(
    "A2",
    "Seules les données nécessaires à la décision figurent ici : aucun critère prohibé par l'article 225-1 du code pénal. Les candidats sont désignés par le numéro unique de leur demande. Appréciations : des faits objectifs, sans jugement.",
    "sousTitre",
  );
  f.fusionner(`A2:${note}2`);

  const section = (ligne: number, titre: string) => {
    f.texte(`A${ligne}`, titre, "section");
    f.fusionner(`A${ligne}:${derniere}${ligne}`);
  };
  section(4, "Séance");
  f.texte(`A${R.commission}`, "Commission d'attribution");
  f.saisie(`B${R.commission}`, "seance.commission", VALIDATIONS.texteCourt, { style: "saisieTexte" });
  f.texte(`A${R.date}`, "Date de la commission");
  f.saisie(`B${R.date}`, "seance.date", VALIDATIONS.date, { valeur: { date: ctx.date }, format: "date" });
  f.formule(
    `${note}${R.date}`,
    `IF(AND(ISNUMBER(B${R.date}),OR(B${R.date}<{baremes}!${REFS_BAREMES.debut},AND(ISNUMBER({baremes}!${REFS_BAREMES.fin}),B${R.date}>{baremes}!${REFS_BAREMES.fin}))),"Les plafonds de ce classeur ne sont pas ceux en vigueur à la date de la commission : régénérez le modèle à cette date.","")`,
    { style: "alerte", id: "seance.alerteBaremes" },
  );
  f.texte(`A${R.methode}`, "Méthode de reste à vivre retenue");
  f.saisie(`B${R.methode}`, "seance.methodeRav", liste(Object.values(METHODES_FICHE)), { valeur: METHODES_FICHE.jour_personne });
  f.texte(`${note}${R.methode}`, "Il n'existe pas de définition légale du reste à vivre : la méthode est indiquée avec le résultat.", "note");

  // ——— Logement ———
  section(10, "Logement proposé");
  const logement = (ligne: number, libelle: string, id: string, validation: Parameters<typeof f.saisie>[2], opts: Parameters<typeof f.saisie>[3] = {}) => {
    f.texte(`A${ligne}`, libelle);
    f.saisie(`B${ligne}`, `logement.${id}`, validation, opts);
  };
  logement(R.reference, "Référence du logement (RPLS ou interne)", "reference", VALIDATIONS.texteCourt, { style: "saisieTexte" });
  logement(R.commune, "Commune du logement", "commune", VALIDATIONS.texteCourt, { style: "saisieTexte" });
  logement(R.qpv, "Situé en quartier prioritaire de la politique de la ville (QPV)", "qpv", VALIDATIONS.ouiNon);
  logement(R.typologie, "Typologie", "typologie", liste(LISTES_CAL.typologie));
  logement(R.surface, "Surface habitable (m²)", "surface", { type: "decimal", min: 0, max: 1000, message: "Saisissez une surface en m²." }, { format: "uc" });
  logement(R.etage, "Étage (0 pour le rez-de-chaussée)", "etage", entier(-5, 100, "Saisissez un étage entier."), { format: "entier" });
  logement(R.ascenseur, "Ascenseur", "ascenseur", VALIDATIONS.ouiNon);
  logement(R.pmr, "Logement adapté aux personnes à mobilité réduite", "pmr", VALIDATIONS.ouiNon);
  logement(R.financement, "Financement du logement (plafond applicable)", "financement", liste(FINANCEMENTS));
  logement(R.zone, "Zone des plafonds de ressources", "zone", liste(ZONES.map((z) => LIBELLES_ZONE[z])), { valeur: LIBELLES_ZONE[options.zone] });
  logement(R.loyer, "Loyer principal mensuel", "loyer", VALIDATIONS.montant, { format: "montant" });
  logement(R.annexes, "Loyer des annexes (parking, cellier…)", "annexes", VALIDATIONS.montant, { format: "montant" });
  logement(R.charges, "Charges récupérables mensuelles (provisions)", "charges", VALIDATIONS.montant, { format: "montant" });
  logement(R.individuels, "Eau et chauffage individuels", "eauChauffageIndividuels", VALIDATIONS.ouiNon, { valeur: "Non" });
  logement(R.forfait, "Forfait charges du bailleur (eau et chauffage individuels)", "forfaitCharges", VALIDATIONS.montant, {
    format: "montant",
    aide: "Arrêté du 10 mars 2011 : forfait fixé par le bailleur selon la taille du logement et du foyer, ajouté quand l'eau et le chauffage sont individuels.",
  });
  f.texte(`A${R.depense}`, "Dépense de logement retenue pour le taux d'effort", "libelleTotal");
  f.formule(`B${R.depense}`, `B${R.loyer}+B${R.annexes}+B${R.charges}+IF(B${R.individuels}="Oui",B${R.forfait},0)`, {
    style: "resultat",
    format: "montant",
    id: "logement.depense",
  });
  f.texte(`${note}${R.depense}`, "Loyer principal + annexes + charges récupérables (+ forfait si eau et chauffage individuels), arrêté du 10 mars 2011.", "note");
  logement(R.reservataire, "Réservataire (contingent)", "reservataire", liste(LISTES_CAL.reservataire));
  logement(R.disponibilite, "Date de disponibilité", "disponibilite", VALIDATIONS.date, { format: "date" });

  // ——— Candidats ———
  section(30, "Candidatures");
  f.texte(`A${R.entete}`, "Critère", "entete");
  const sousSection = (ligne: number, titre: string) => {
    f.texte(`A${ligne}`, titre, "entete");
    for (let i = 0; i < n; i++) f.cellule(`${lettreColonne(2 + i)}${ligne}`, { style: "entete" });
  };
  sousSection(36, "Composition du ménage");
  sousSection(46, "Ressources, plafond et solvabilité");
  sousSection(59, "Situation et priorités");
  sousSection(70, "Appréciation et décision");
  const libelles: [number, string][] = [
    [R.numero, "Numéro unique de la demande"],
    [R.mutation, "Demande de mutation (déjà locataire du parc social)"],
    [R.depot, "Date de dépôt de la demande"],
    [R.anciennete, "Ancienneté de la demande (mois révolus à la date de la commission)"],
    [R.personnes14Plus, "Personnes de 14 ans ou plus (demandeur compris)"],
    [R.enfantsMoins14, "Enfants de moins de 14 ans"],
    [R.personnesACharge, "Personnes à charge (au sens fiscal)"],
    [R.jeuneMenage, "Jeune ménage (arrêté du 29 juillet 1987, art. 2)"],
    [R.cmi, "Titulaires de la carte mobilité inclusion « invalidité »"],
    [R.personnes, "Nombre de personnes du ménage"],
    [R.uc, "Unités de consommation (échelle OCDE modifiée)"],
    [R.categorie, "Catégorie de ménage (plafonds de ressources)"],
    [R.controle, "Contrôle de la composition"],
    [R.rfr, "Revenu fiscal de référence N-2 du ménage (€ par an)"],
    [R.anneeRevenus, "Année des revenus retenus (N-2)"],
    [R.plafond, "Plafond de ressources applicable (€ par an)"],
    [R.partPlafond, "Revenu fiscal de référence / plafond"],
    [R.sousPlafond, "Ressources dans le plafond"],
    [R.sejour, "Condition de séjour vérifiée"],
    [R.ressources, "Ressources mensuelles du ménage (hors aide au logement)"],
    [R.aide, "Aide au logement estimée pour ce logement (mensuelle)"],
    [R.autresCharges, "Autres charges mensuelles (énergie, assurances, transports, crédits…)"],
    [R.tauxEffort, "Taux d'effort (arrêté du 10 mars 2011)"],
    [R.ravMensuel, "Reste à vivre mensuel"],
    [R.ravMethode, "Reste à vivre selon la méthode retenue"],
    [R.logementActuel, "Situation de logement actuelle"],
    [R.motif, "Motif principal de la demande"],
    [R.adaptation, "Besoin d'adaptation du logement"],
    [R.rapprochement, "Rapprochement du lieu de travail"],
    [R.dalo, "Reconnu prioritaire et urgent (DALO)"],
    [R.prioritaire, "Public prioritaire (CCH L.441-1)"],
    [R.accord, "Accord collectif ou PDALHPD"],
    [R.quartile, "Demandeur du premier quartile de ressources"],
    [R.cotation, "Cotation de la demande (points, s'il en existe une)"],
    [R.accompagnement, "Accompagnement social en place"],
    [R.pointsForts, "Points forts (faits objectifs)"],
    [R.vigilance, "Points de vigilance (faits objectifs)"],
    [R.rang, "Proposition de rang"],
    [R.decision, "Décision de la commission"],
    [R.motifDecision, "Motif de la décision"],
    [R.controleDecision, "Contrôle de la décision"],
  ];
  for (const [ligne, texte] of libelles) f.texte(`A${ligne}`, texte);
  f.texte(`${note}${R.partPlafond}`, "Comparaison avec le plafond du financement, de la zone et de la catégorie (Barèmes).", "note");
  f.texte(`${note}${R.sejour}`, "Seule la vérification de la condition de séjour figure sur la fiche (CCH R.441-1).", "note");
  f.texte(`${note}${R.adaptation}`, "Indiquer le besoin d'adaptation du logement, jamais sa cause.", "note");
  f.texte(`${note}${R.vigilance}`, "Un refus se fonde sur le taux d'effort ou le reste à vivre calculés, jamais sur le seul niveau de ressources.", "note");
  f.texte(`${note}${R.motifDecision}`, "Obligatoire pour une décision c, d ou e (CCH L.441-2-2).", "note");
  f.texte(`A${R.calculs}`, "Calculs intermédiaires (ne pas modifier)", "note");
  const libellesCalcul: [number, string][] = [
    [R.pValide, "Personnes de 14 ans ou plus retenues"],
    [R.eValide, "Enfants de moins de 14 ans retenus"],
    [R.pacValide, "Personnes à charge retenues"],
    [R.cmiValide, "Titulaires de la carte retenus"],
    [R.ligneGrille, "Ligne de la grille des plafonds"],
    [R.plafondBase, "Plafond avant majoration PLS"],
  ];
  for (const [ligne, texte] of libellesCalcul) f.texte(`A${ligne}`, texte, "note");
  METHODES_RAV.forEach((m, i) => f.texte(`A${R.rav1 + i}`, `Reste à vivre : ${METHODES_FICHE[m].toLowerCase()}`, "note"));

  const listeMethodes = `{${Object.values(METHODES_FICHE)
    .map((m) => `"${m}"`)
    .join(",")}}`;
  for (let i = 0; i < n; i++) {
    const c = lettreColonne(2 + i);
    const lettre = LETTRES_CANDIDATS[i]!;
    const id = (x: string) => `candidat${lettre}.${x}`;
    const cel = (ligne: number) => `${c}${ligne}`;
    const vide = `${cel(R.personnes14Plus)}=""`;
    f.texte(`${c}${R.entete}`, `Candidat ${lettre}`, "entete");
    f.saisie(cel(R.numero), id("numeroUnique"), VALIDATIONS.texteCourt, { style: "saisieTexte" });
    f.saisie(cel(R.mutation), id("mutation"), VALIDATIONS.ouiNon);
    f.saisie(cel(R.depot), id("dateDepot"), VALIDATIONS.date, { format: "date" });
    f.formule(
      cel(R.anciennete),
      `IF(OR(NOT(ISNUMBER(${cel(R.depot)})),NOT(ISNUMBER($B$${R.date}))),"",(YEAR($B$${R.date})-YEAR(${cel(R.depot)}))*12+MONTH($B$${R.date})-MONTH(${cel(R.depot)})-IF(DAY($B$${R.date})<DAY(${cel(R.depot)}),1,0))`,
      { format: "entier", id: id("anciennete") },
    );
    f.saisie(cel(R.personnes14Plus), id("personnes14Plus"), entier(1, PERSONNES_MAX, `Saisissez un nombre entier de 1 à ${PERSONNES_MAX}.`), { format: "entier" });
    f.saisie(cel(R.enfantsMoins14), id("enfantsMoins14"), entier(0, PERSONNES_MAX, `Saisissez un nombre entier de 0 à ${PERSONNES_MAX}.`), { format: "entier" });
    f.saisie(cel(R.personnesACharge), id("personnesACharge"), entier(0, PERSONNES_MAX, `Saisissez un nombre entier de 0 à ${PERSONNES_MAX}.`), {
      format: "entier",
      aide: "Enfants et personnes réputées à charge (CGI art. 194, 196, 196 A bis, 196 B).",
    });
    f.saisie(cel(R.jeuneMenage), id("jeuneMenage"), VALIDATIONS.ouiNon, { valeur: "Non", aide: "Couple sans personne à charge au sens de l'arrêté du 29 juillet 1987 (art. 2)." });
    f.saisie(cel(R.cmi), id("titulairesCmi"), entier(0, PERSONNES_MAX, `Saisissez un nombre entier de 0 à ${PERSONNES_MAX}.`), {
      valeur: 0,
      format: "entier",
      aide: "Sert uniquement à la catégorie de ménage : une personne titulaire au moins relève la catégorie d'un cran.",
    });
    // Composition checked like the engine (categorieMenage); NA() marks a value the engine would refuse.
    const p = cel(R.pValide);
    const e = cel(R.eValide);
    const pac = cel(R.pacValide);
    const cmi = cel(R.cmiValide);
    // The value if it is a whole number in [min, max], else NA(); INT is only reached for a number (INT("deux") is #VALUE!).
    const entierEntre = (x: string, min: string, max: string) => `IF(ISNUMBER(${x}),IF(AND(${x}>=${min},${x}<=${max},${x}=INT(${x})),${x},NA()),NA())`;
    f.formule(p, entierEntre(cel(R.personnes14Plus), "1", String(PERSONNES_MAX)), { id: id("calcul.personnes14Plus") });
    f.formule(e, `IF(${cel(R.enfantsMoins14)}="",0,${entierEntre(cel(R.enfantsMoins14), "0", String(PERSONNES_MAX))})`, { id: id("calcul.enfantsMoins14") });
    f.formule(pac, `IF(${cel(R.personnesACharge)}="",0,${entierEntre(cel(R.personnesACharge), "0", `${p}+${e}-1`)})`, { id: id("calcul.personnesACharge") });
    f.formule(cmi, `IF(${cel(R.cmi)}="",0,${entierEntre(cel(R.cmi), "0", `${p}+${e}`)})`, { id: id("calcul.titulairesCmi") });
    f.formule(cel(R.personnes), `IF(${vide},"",${p}+${e})`, { format: "entier", id: id("personnes") });
    f.formule(cel(R.uc), `IF(${vide},"",(10+5*(${p}-1)+3*${e})/10)`, { format: "uc", id: id("uc") });
    const jeune = `${cel(R.jeuneMenage)}="Oui"`;
    f.formule(
      cel(R.categorie),
      `IF(${vide},"",IF(${cel(R.controle)}<>"",NA(),${p}+${e}+IF(OR(AND(${pac}>=1,${p}+${e}-${pac}=1),${jeune},${cmi}>=1),1,0)))`,
      { style: "resultat", format: "entier", id: id("categorie") },
    );
    f.formule(
      cel(R.controle),
      [
        `IF(${vide},"",IF(ISNA(${p}),"Personnes de 14 ans ou plus : un entier de 1 à ${PERSONNES_MAX} est attendu.",`,
        `IF(ISNA(${e}),"Enfants de moins de 14 ans : un entier de 0 à ${PERSONNES_MAX} est attendu.",`,
        `IF(${p}+${e}>${PERSONNES_MAX},"Le ménage compte plus de ${PERSONNES_MAX} personnes.",`,
        `IF(ISNA(${pac}),"Personnes à charge : au plus le nombre de personnes moins une.",`,
        `IF(ISNA(${cmi}),"Titulaires de la carte : au plus le nombre de personnes.",`,
        `IF(AND(${jeune},OR(${p}+${e}<>2,${pac}<>0)),"Un jeune ménage est un couple sans personne à charge : 2 personnes, aucune à charge.","")))))))`,
      ].join(""),
      { style: "alerte", id: id("controle") },
    );

    // Resources against the plafond.
    f.saisie(cel(R.rfr), id("rfr"), VALIDATIONS.montant, { format: "montantEntier" });
    f.formule(cel(R.anneeRevenus), `IF(ISNUMBER($B$${R.date}),YEAR($B$${R.date})-2,"")`, { format: "entier", id: id("anneeRevenus") });
    const fin = `$B$${R.financement}`;
    const base = `IF(${fin}="PLS","PLUS",${fin})`;
    f.formule(cel(R.ligneGrille), `MATCH(${base}&"|"&$B$${R.zone},{baremes}!${grille.cles},0)`, { id: id("calcul.ligneGrille") });
    const ligneG = cel(R.ligneGrille);
    const cat = cel(R.categorie);
    f.formule(
      cel(R.plafondBase),
      `IF(${cat}<=6,INDEX({baremes}!${grille.valeurs},${ligneG},${cat}),INDEX({baremes}!${grille.valeurs},${ligneG},6)+(${cat}-6)*INDEX({baremes}!${grille.valeurs},${ligneG},7))`,
      { id: id("calcul.plafondBase") },
    );
    f.formule(cel(R.plafond), `IF(${vide},"",IF(${cat}>${CATEGORIE_MAX},NA(),IF(${fin}="PLS",ROUND(${cel(R.plafondBase)}*13/10,0),${cel(R.plafondBase)})))`, {
      style: "resultat",
      format: "montantEntier",
      id: id("plafond"),
    });
    f.formule(cel(R.partPlafond), `IF(OR(${vide},NOT(ISNUMBER(${cel(R.rfr)}))),"",ROUND(${cel(R.rfr)}/${cel(R.plafond)},4))`, { format: "taux", id: id("partPlafond") });
    f.formule(cel(R.sousPlafond), `IF(OR(${vide},NOT(ISNUMBER(${cel(R.rfr)}))),"",IF(${cel(R.rfr)}<=${cel(R.plafond)},"Oui","Non"))`, {
      style: "resultat",
      id: id("sousPlafond"),
    });
    f.saisie(cel(R.sejour), id("sejourVerifie"), liste(LISTES_CAL.sejour));
    f.saisie(cel(R.ressources), id("ressources"), VALIDATIONS.montant, { format: "montant" });
    f.saisie(cel(R.aide), id("aideLogement"), VALIDATIONS.montant, { format: "montant" });
    f.saisie(cel(R.autresCharges), id("autresCharges"), VALIDATIONS.montant, { format: "montant" });
    const dep = `$B$${R.depense}`;
    const res = cel(R.ressources);
    const aide = cel(R.aide);
    f.formule(cel(R.tauxEffort), `IF(${vide},"",IF(AND(${res}>0,${aide}>${dep}),NA(),ROUND((${dep}-${aide})/${res},4)))`, {
      style: "resultat",
      format: "taux",
      id: id("tauxEffort"),
    });
    const rav = `(${res}+${aide}-${dep}-${cel(R.autresCharges)})`;
    const formulesRav: Record<MethodeRav, string> = {
      mensuel: `ROUND(${rav},2)`,
      jour_personne: `ROUND(${rav}/(${p}+${e})/30,2)`,
      uc: `ROUND(${rav}/((10+5*(${p}-1)+3*${e})/10),2)`,
      jour_uc: `ROUND(${rav}/((10+5*(${p}-1)+3*${e})/10)/30,2)`,
    };
    METHODES_RAV.forEach((m, k) => f.formule(`${c}${R.rav1 + k}`, formulesRav[m], { format: "montant", id: id(`calcul.rav${k + 1}`) }));
    f.formule(cel(R.ravMensuel), `IF(${vide},"",${c}${R.rav1})`, { format: "montant", id: id("ravMensuel") });
    f.formule(cel(R.ravMethode), `IF(${vide},"",INDEX(${c}${R.rav1}:${c}${R.rav1 + 3},MATCH($B$${R.methode},${listeMethodes},0)))`, {
      style: "resultat",
      format: "montant",
      id: id("ravMethode"),
    });

    f.saisie(cel(R.logementActuel), id("logementActuel"), liste(LISTES_CAL.logementActuel));
    f.saisie(cel(R.motif), id("motif"), liste(LISTES_CAL.motif));
    f.saisie(cel(R.adaptation), id("besoinAdaptation"), liste(LISTES_CAL.adaptation));
    f.saisie(cel(R.rapprochement), id("rapprochementTravail"), VALIDATIONS.ouiNon);
    f.saisie(cel(R.dalo), id("dalo"), VALIDATIONS.ouiNon);
    f.saisie(cel(R.prioritaire), id("publicPrioritaire"), liste(LISTES_CAL.prioritaire));
    f.saisie(cel(R.accord), id("accordCollectif"), VALIDATIONS.ouiNon);
    f.saisie(cel(R.quartile), id("premierQuartile"), VALIDATIONS.ouiNon);
    f.saisie(cel(R.cotation), id("cotation"), { type: "decimal", min: 0, message: "Saisissez un nombre de points positif ou nul." });
    f.saisie(cel(R.accompagnement), id("accompagnement"), liste(LISTES_CAL.accompagnement));
    f.saisie(cel(R.pointsForts), id("pointsForts"), VALIDATIONS.texteLong, { style: "saisieTexte" });
    f.saisie(cel(R.vigilance), id("pointsVigilance"), VALIDATIONS.texteLong, { style: "saisieTexte" });
    f.saisie(cel(R.rang), id("rang"), liste(LISTES_CAL.rang));
    f.saisie(cel(R.decision), id("decision"), liste(DECISIONS));
    f.saisie(cel(R.motifDecision), id("motifDecision"), VALIDATIONS.texteLong, { style: "saisieTexte" });
    f.formule(
      cel(R.controleDecision),
      `IF(AND(OR(${DECISIONS_MOTIVEES.map((d) => `${cel(R.decision)}="${d}"`).join(",")}),TRIM(${cel(R.motifDecision)})=""),"Motif obligatoire pour cette décision.",IF(AND(${cel(R.decision)}="e) Rejet pour irrecevabilité",${cel(R.sousPlafond)}="Oui",${cel(R.sejour)}="Oui"),"Irrecevabilité : ressources dans le plafond et séjour vérifié, précisez le motif.",""))`,
      { style: "alerte", id: id("controleDecision") },
    );
  }

  const fiche = f.construire();
  return assembler(
    { id: "cal", version: VERSION_CAL, titre: "Fiche synthétique CALEOL", dateBaremes: ctx.date, options: { candidats: n, zone: options.zone } },
    [fiche, bar.feuille],
    LETTRES_CANDIDATS.slice(0, n).flatMap((lettre, i) => {
      const c = lettreColonne(2 + i);
      return [
        { nom: `CATEGORIE_${lettre}`, feuille: "fiche", ref: `${c}${R.categorie}`, description: `Catégorie de ménage du candidat ${lettre}.` },
        { nom: `PLAFOND_${lettre}`, feuille: "fiche", ref: `${c}${R.plafond}`, description: `Plafond de ressources applicable au candidat ${lettre}.` },
        { nom: `SOUS_PLAFOND_${lettre}`, feuille: "fiche", ref: `${c}${R.sousPlafond}`, description: `Ressources du candidat ${lettre} dans le plafond (Oui/Non).` },
        { nom: `TAUX_EFFORT_${lettre}`, feuille: "fiche", ref: `${c}${R.tauxEffort}`, description: `Taux d'effort du candidat ${lettre}.` },
        { nom: `RAV_${lettre}`, feuille: "fiche", ref: `${c}${R.ravMethode}`, description: `Reste à vivre du candidat ${lettre} selon la méthode retenue.` },
      ];
    }),
  );
}

// ——— The same fiche computed by the engine (tests, audit) ———————————————————————————————————————

export interface SaisieLogement {
  financement: Financement;
  zone: Zone;
  loyer: number;
  annexes: number;
  charges: number;
  eauChauffageIndividuels: boolean;
  forfaitCharges: number;
}

export interface SaisieCandidat {
  dateDepot: DateISO;
  personnes14Plus: number;
  enfantsMoins14: number;
  personnesACharge: number;
  jeuneMenage: boolean;
  titulairesCmi: number;
  rfr: number;
  ressources: number;
  aideLogement: number;
  autresCharges: number;
}

export interface SaisieCal {
  date: DateISO;
  methode: MethodeRav;
  logement: SaisieLogement;
  candidats: readonly SaisieCandidat[];
}

export function saisiesCal(s: SaisieCal): ValeursSaisies {
  const v: Record<string, ValeursSaisies[string]> = {
    "seance.date": { date: s.date },
    "seance.methodeRav": METHODES_FICHE[s.methode],
    "logement.financement": s.logement.financement,
    "logement.zone": LIBELLES_ZONE[s.logement.zone],
    "logement.loyer": s.logement.loyer,
    "logement.annexes": s.logement.annexes,
    "logement.charges": s.logement.charges,
    "logement.eauChauffageIndividuels": s.logement.eauChauffageIndividuels ? "Oui" : "Non",
    "logement.forfaitCharges": s.logement.forfaitCharges,
  };
  s.candidats.forEach((c, i) => {
    const id = (x: string) => `candidat${LETTRES_CANDIDATS[i]}.${x}`;
    v[id("dateDepot")] = { date: c.dateDepot };
    v[id("personnes14Plus")] = c.personnes14Plus;
    v[id("enfantsMoins14")] = c.enfantsMoins14;
    v[id("personnesACharge")] = c.personnesACharge;
    v[id("jeuneMenage")] = c.jeuneMenage ? "Oui" : "Non";
    v[id("titulairesCmi")] = c.titulairesCmi;
    v[id("rfr")] = c.rfr;
    v[id("ressources")] = c.ressources;
    v[id("aideLogement")] = c.aideLogement;
    v[id("autresCharges")] = c.autresCharges;
  });
  return v;
}

/** Completed months from the filing of the demande to the commission (a day short of a month does not count). */
export function ancienneteMois(depot: DateISO, date: DateISO): number {
  const a = composantes(depot);
  const b = composantes(date);
  return (b.annee - a.annee) * 12 + (b.mois - a.mois) - (b.jour < a.jour ? 1 : 0);
}

export interface IndicateursCandidat {
  anciennete: number;
  categorie: number | ErreurLogsoc;
  plafond: Montant | ErreurLogsoc;
  partPlafond: Montant | ErreurLogsoc;
  sousPlafond: boolean | ErreurLogsoc;
  tauxEffort: Montant | ErreurLogsoc;
  ravMensuel: Montant;
  ravMethode: Montant;
}

function ou<T>(f: () => T): T | ErreurLogsoc {
  try {
    return f();
  } catch (e) {
    if (estErreurLogsoc(e)) return e;
    throw e;
  }
}

/** A candidate's figures by the engine: catégorie, plafond and eligibility, taux d'effort, reste à vivre. */
export function indicateursCandidat(s: SaisieCal, c: SaisieCandidat, ctx: ContexteBaremes): IndicateursCandidat {
  const l = s.logement;
  const forfait = l.eauChauffageIndividuels ? l.forfaitCharges : 0;
  const personnes = c.personnes14Plus + c.enfantsMoins14;
  const categorie = ou(() => categorieMenage({ personnes, personnesACharge: c.personnesACharge, jeuneMenage: c.jeuneMenage, personnesEnSituationDeHandicap: c.titulairesCmi }));
  const plafond = typeof categorie === "number" ? ou(() => plafondRessources(l.financement, categorie, l.zone, s.date, ctx.catalogue)) : categorie;
  const foyer = { personnes14Plus: c.personnes14Plus, enfantsMoins14: c.enfantsMoins14 };
  const ressourcesRav = dec(c.ressources).plus(c.aideLogement);
  const chargesRav = somme([l.loyer, l.annexes, l.charges, forfait, c.autresCharges]);
  return {
    anciennete: ancienneteMois(c.dateDepot, s.date),
    categorie,
    plafond,
    partPlafond: plafond instanceof ErreurLogsoc ? plafond : arrondi(dec(c.rfr).dividedBy(plafond), 4),
    sousPlafond: plafond instanceof ErreurLogsoc ? plafond : dec(c.rfr).lessThanOrEqualTo(plafond),
    tauxEffort: ou(() => tauxEffort(dec(l.loyer).plus(l.annexes), dec(l.charges).plus(forfait), c.aideLogement, c.ressources)),
    ravMensuel: resteAVivre(ressourcesRav, chargesRav, foyer, "mensuel"),
    ravMethode: resteAVivre(ressourcesRav, chargesRav, foyer, s.methode),
  };
}
