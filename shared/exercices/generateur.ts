import { ajouterMois, composantes, dateISO, joursDansMois, type DateISO } from "../date.ts";
import { dateFr, CATALOGUE, type CatalogueBaremes } from "../baremes/catalogue.ts";
import { LIBELLES_ZONE, type Financement, type Zone } from "../baremes/valeurs.ts";
import { formatEuros } from "../format.ts";
import { arrondiCentime, dec, somme, type DecimalInput } from "../money.ts";
import { rsaForfaitaire } from "../rsa.ts";
import { categorieMenage } from "../categorieMenage.ts";
import { plafondRessources } from "../plafondsRessources.ts";
import type { MethodeRav } from "../resteAVivre.ts";
import { CHARGES, RESSOURCES, saisiesEvaluation, type CleCharge, type CleRessource, type SaisieEvaluation } from "../modeles/evaluation.ts";
import { METHODES_FICHE, saisiesCal, type SaisieCal, type SaisieCandidat } from "../modeles/cal.ts";
import type { ValeursSaisies } from "../modeles/spec.ts";
import { aleatoire, type Aleatoire } from "./prng.ts";
import type { TypeExercice } from "./enonce.ts";

/** Generated amounts are inputs of the case: sums and shares of them are exact, then taken to the cent. */
const plus = (x: number, y: number): number => somme([x, y]).toNumber();
const partDe = (x: DecimalInput, part: DecimalInput): number => arrondiCentime(dec(x).times(dec(part))).toNumber();

/**
 * Realistic households for exercises, drawn from a seeded generator: the same seed and date always
 * give the same case. Amounts are in the ranges an adviser meets in social housing (HLM rents by
 * typology, SMIC-level wages, RSA from the engine for the household's composition, aides au logement
 * that never exceed the rent); they are plausible, not statistics. Every case is valid for the engine.
 */

export interface CasExercice {
  type: TypeExercice;
  graine: number;
  date: DateISO;
  /** Template options the case needs (CALEOL: number of candidates, zone). */
  options: { candidats?: number; zone?: Zone };
  /** The template's input cells, by id. */
  saisies: ValeursSaisies;
  /** The situation told in French, one paragraph per line. */
  situation: string[];
}

const euros = (x: number) => formatEuros(x);
/** « Aide au logement (APL, ALF, ALS) » → « aide au logement (APL, ALF, ALS) »: only the first letter. */
const initialeMinuscule = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** « 23 456 € » (whole euros, narrow no-break spaces as formatEuros writes them). */
const eurosEntiers = (x: number) => `${String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")} €`;

function liste(elements: readonly [string, number | undefined][]): string {
  const l = elements.filter(([, v]) => v !== undefined && v > 0).map(([t, v]) => `${t} ${euros(v!)}`);
  return l.length > 0 ? l.join(" ; ") : "aucune";
}

function decrireFoyer(p14: number, e: number, couple: boolean): string {
  const autres = p14 - (couple ? 2 : 1);
  const morceaux = [couple ? "couple" : "personne seule"];
  if (e > 0) morceaux.push(`${e} enfant${e > 1 ? "s" : ""} de moins de 14 ans`);
  if (autres > 0) morceaux.push(`${autres} autre${autres > 1 ? "s" : ""} personne${autres > 1 ? "s" : ""} de 14 ans ou plus`);
  const texte = morceaux.length === 1 ? morceaux[0]! : `${morceaux[0]} avec ${morceaux.slice(1).join(" et ")}`;
  return `${texte} (${p14 + e} personne${p14 + e > 1 ? "s" : ""})`;
}

/** HLM rents by number of rooms (T1…T5), € per month, before charges. */
const LOYERS: Record<number, [number, number]> = { 1: [260, 340], 2: [310, 420], 3: [380, 520], 4: [440, 610], 5: [500, 690] };

// ——— Évaluation économique ————————————————————————————————————————————————————————————————————

const LIBELLES_RESSOURCE = Object.fromEntries(RESSOURCES.map((r) => [r.cle, r.libelle])) as Record<CleRessource, string>;
const LIBELLES_CHARGE = Object.fromEntries(CHARGES.map((c) => [c.cle, c.libelle])) as Record<CleCharge, string>;

function casEvaluation(a: Aleatoire, graine: number, date: DateISO, catalogue: CatalogueBaremes): CasExercice {
  const situation = a.pondere([
    ["seul", 3],
    ["monoparental", 3],
    ["couple", 2],
    ["coupleEnfants", 4],
  ] as const);
  const couple = situation === "couple" || situation === "coupleEnfants";
  let p14 = couple ? 2 : 1;
  let e = 0;
  if (situation === "monoparental") {
    if (a.chance(0.3)) p14++;
    e = a.entier(p14 > 1 ? 0 : 1, 3);
  } else if (situation === "coupleEnfants") {
    if (a.chance(0.3)) p14++;
    e = a.entier(p14 > 2 ? 0 : 1, 4);
  }
  const personnes = p14 + e;
  const ressources: Partial<Record<CleRessource, number>> = {};
  const charges: Partial<Record<CleCharge, number>> = {};

  // Income of each adult of the couple (or the single adult).
  let revenusActivite = 0;
  let revenusRemplacement = 0;
  for (let i = 0; i < (couple ? 2 : 1); i++) {
    const activite = a.pondere([
      ["plein", 4],
      ["partiel", 3],
      ["chomage", 2],
      ["sans", 2],
      ["aah", 0.6],
      ["retraite", situation === "seul" ? 1.5 : 0.2],
    ] as const);
    if (activite === "plein") revenusActivite = plus(revenusActivite, a.montant(1_350, 2_150));
    else if (activite === "partiel") revenusActivite = plus(revenusActivite, a.montant(620, 1_250));
    else if (activite === "chomage") ressources.are = plus(ressources.are ?? 0, a.montant(640, 1_280));
    else if (activite === "aah") ressources.aah = plus(ressources.aah ?? 0, a.montant(850, 1_033.32));
    else if (activite === "retraite") ressources.pensions = plus(ressources.pensions ?? 0, a.montant(760, 1_550));
  }
  if (revenusActivite > 0) ressources.salaires = revenusActivite;
  revenusRemplacement = somme([ressources.are ?? 0, ressources.aah ?? 0, ressources.pensions ?? 0]).toNumber();
  const composition = { couple, enfants: personnes - (couple ? 2 : 1) };
  if (revenusActivite === 0 && revenusRemplacement < 600) {
    // RSA of the household from the engine, forfait logement deducted (the household receives an aide au logement).
    ressources.rsa = rsaForfaitaire(composition, date, { forfaitLogement: true, catalogue }).toNumber();
  } else if (revenusActivite > 0 && revenusActivite < 1_800) ressources.primeActivite = a.montant(70, 260);
  const enfants = e + (p14 - (couple ? 2 : 1));
  if (enfants >= 2) ressources.prestationsFamiliales = a.montant(140, 120 + 150 * enfants);
  else if (enfants === 1 && !couple && a.chance(0.6)) ressources.prestationsFamiliales = a.montant(120, 200);
  if (situation === "monoparental" && a.chance(0.4)) ressources.pensionAlimentaireRecue = a.montant(90, 350, 1);
  if (a.chance(0.1)) ressources.autres = a.montant(20, 150);

  const pieces = Math.min(5, Math.max(1, personnes));
  const [lmin, lmax] = LOYERS[pieces]!;
  charges.loyer = a.montant(lmin, lmax);
  charges.chargesLocatives = a.montant(45, 135);
  const revenus = somme(Object.values(ressources).map((x) => x ?? 0)).toNumber();
  if (revenus < 2_700) ressources.aideLogement = Math.min(a.montant(90, 430), partDe(plus(charges.loyer, charges.chargesLocatives), "0.8"));
  charges.energie = a.montant(45, 60 + 25 * personnes);
  if (a.chance(0.5)) charges.eau = a.montant(15, 15 + 8 * personnes);
  charges.assuranceHabitation = a.montant(11, 28);
  charges.telephoneInternet = a.montant(19, 75);
  if (a.chance(0.7)) charges.transport = a.montant(20, 95);
  if (a.chance(0.7)) charges.mutuelle = a.montant(20, 120);
  if (a.chance(0.15)) charges.impots = a.montant(15, 120);
  if (e > 0 && a.chance(0.7)) charges.gardeCantine = a.montant(15, 40 * e + 60);
  if (a.chance(0.05)) charges.pensionAlimentaireVersee = a.montant(100, 300, 1);
  if (a.chance(0.2)) charges.credits = a.montant(40, 280);
  if (a.chance(0.1)) charges.plansEnCours = a.montant(30, 150);
  if (a.chance(0.3)) charges.autres = a.montant(10, 90);

  const dettes: { creancier: string; nature: string; montant: number }[] = [];
  const possibles = [
    { creancier: "Bailleur", nature: "Arriéré de loyer", min: 150, max: 3_500 },
    { creancier: "Fournisseur d'énergie", nature: "Factures d'énergie", min: 80, max: 950 },
    { creancier: "Organisme de crédit", nature: "Crédit à la consommation", min: 300, max: 5_000 },
    { creancier: "Trésor public", nature: "Impôts", min: 60, max: 900 },
    { creancier: "Opérateur téléphonique", nature: "Factures impayées", min: 40, max: 400 },
  ];
  const nDettes = a.pondere([
    [0, 2],
    [1, 4],
    [2, 3],
    [3, 1],
  ] as const);
  for (let i = 0; i < nDettes; i++) {
    const d = possibles.splice(a.entier(0, possibles.length - 1), 1)[0]!;
    dettes.push({ creancier: d.creancier, nature: d.nature, montant: a.montant(d.min, d.max) });
  }

  // Issue 13: one single-parent case in two is in the RSA majoration period (decided by the seed, not by
  // a new draw, so that every other case of a seed stays the same).
  const isolementMajore = situation === "monoparental" && graine % 2 === 0;
  const s: SaisieEvaluation = { date, personnes14Plus: p14, enfantsMoins14: e, couple, isolementMajore, ressources, charges, dettes };
  return {
    type: "evaluation",
    graine,
    date,
    options: {},
    saisies: saisiesEvaluation(s),
    situation: [
      `Date de l'évaluation : ${dateFr(date)}.`,
      `Foyer : ${decrireFoyer(p14, e, couple)}.${isolementMajore ? " Parent isolé, dans la période de majoration du RSA (CASF L.262-9)." : ""}`,
      `Ressources mensuelles : ${liste(RESSOURCES.map((r) => [initialeMinuscule(LIBELLES_RESSOURCE[r.cle]), ressources[r.cle]]))}.`,
      `Charges mensuelles : ${liste(CHARGES.map((c) => [initialeMinuscule(LIBELLES_CHARGE[c.cle]), charges[c.cle]]))}.`,
      dettes.length === 0 ? "Dettes : aucune." : `Dettes : ${dettes.map((d) => `${initialeMinuscule(d.creancier)} (${initialeMinuscule(d.nature)}) ${euros(d.montant)}`).join(" ; ")}.`,
    ],
  };
}

// ——— Plan d'apurement ————————————————————————————————————————————————————————————————————————

function casApurement(a: Aleatoire, graine: number, date: DateISO): CasExercice {
  const dette = a.montant(180, 7_500);
  const mode = a.pondere([
    ["duree", 4],
    ["mensualite", 3.5],
    ["defaut", 1.5],
    ["mensualiteDuree", 1],
  ] as const);
  const saisies: Record<string, ValeursSaisies[string]> = { "plan.dette": dette, "signature.date": { date } };
  const situation = [`Date du plan : ${dateFr(date)}.`, `Dette locative à apurer : ${euros(dette)}.`];
  if (mode === "duree") {
    const duree = a.pondere([
      [a.entier(4, 11), 2],
      [a.choix([12, 18, 24, 30, 36]), 5],
      [a.entier(37, 60), 1],
    ] as const);
    saisies["plan.duree"] = duree;
    situation.push(`Le bailleur et le locataire conviennent d'un plan en ${duree} mois.`);
  } else if (mode === "mensualite" || mode === "mensualiteDuree") {
    const mensualite = a.montant(Math.max(15, dette / 60), Math.max(20, dette / 4), 1);
    saisies["plan.mensualite"] = mensualite;
    situation.push(`Le locataire peut verser ${euros(mensualite)} par mois en plus de son loyer.`);
    if (mode === "mensualiteDuree") {
      const duree = Math.ceil(dette / mensualite) + a.entier(0, 12);
      saisies["plan.duree"] = duree;
      situation.push(`Le plan ne doit pas dépasser ${duree} mois.`);
    }
  } else situation.push("Aucune mensualité ni durée n'a été convenue : le plan par défaut de la CAF s'applique.");
  const { annee, mois } = composantes(ajouterMois(date, 1));
  const jour = Math.min(a.choix([1, 5, 5, 10, 10, 15, 28, 30, 31]), joursDansMois(annee, mois));
  const premiere = dateISO(annee, mois, jour);
  saisies["plan.premiereEcheance"] = { date: premiere };
  situation.push(`Première échéance : ${dateFr(premiere)}.`);
  if (a.chance(0.65)) {
    const loyer = a.montant(40, 390);
    saisies["plan.loyerResiduel"] = loyer;
    situation.push(`Loyer résiduel (loyer + charges − aide au logement) : ${euros(loyer)} par mois.`);
  }
  return { type: "apurement", graine, date, options: {}, saisies, situation };
}

// ——— Fiche CALEOL ——————————————————————————————————————————————————————————————————————————————

const LOGEMENTS_ACTUELS = ["Locataire du parc privé", "Hébergé chez des tiers", "Locataire du parc social", "Structure d'hébergement", "Hôtel"] as const;
const MOTIFS = ["Logement trop petit", "Logement trop cher", "Sans logement", "Logement indécent ou insalubre", "Décohabitation", "Rapprochement du travail"] as const;

function casCal(a: Aleatoire, graine: number, date: DateISO, catalogue: CatalogueBaremes): CasExercice {
  const typologie = a.entier(2, 5);
  const financement: Financement = a.pondere([
    ["PLUS", 6],
    ["PLAI", 2.5],
    ["PLS", 1.5],
  ] as const);
  const zone: Zone = a.pondere([
    ["AUTRES", 6],
    ["IDF", 2.5],
    ["PARIS", 1.5],
  ] as const);
  const [lmin, lmax] = LOYERS[typologie]!;
  const coefficient = financement === "PLAI" ? 0.88 : financement === "PLS" ? 1.25 : 1;
  const loyer = partDe(a.montant(lmin, lmax), coefficient);
  const annexes = a.chance(0.3) ? a.montant(15, 45, 1) : 0;
  const charges = a.montant(40, 140);
  const individuels = a.chance(0.4);
  const forfait = individuels ? a.montant(25, 70) : 0;
  const depense = somme([loyer, annexes, charges, forfait]).toNumber();
  const methode: MethodeRav = a.pondere([
    ["jour_personne", 5],
    ["mensuel", 2],
    ["uc", 1.5],
    ["jour_uc", 1.5],
  ] as const);
  const n = a.entier(2, 3);
  const candidats: SaisieCandidat[] = [];
  const lignes: string[] = [];
  const autres: Record<string, ValeursSaisies[string]> = {};
  for (let i = 0; i < n; i++) {
    const lettre = "ABC"[i]!;
    const personnes = Math.max(1, typologie - 1 + a.entier(0, 2));
    const couple = personnes >= 2 && a.chance(0.55);
    const enfantsTotal = personnes - (couple ? 2 : 1);
    const ados = enfantsTotal > 0 && a.chance(0.3) ? a.entier(1, enfantsTotal) : 0;
    const p14 = (couple ? 2 : 1) + ados;
    const e = personnes - p14;
    const jeuneMenage = couple && enfantsTotal === 0 && a.chance(0.4);
    const cmi = a.chance(0.08) ? 1 : 0;
    const composition = { personnes, personnesACharge: enfantsTotal, jeuneMenage, personnesEnSituationDeHandicap: cmi };
    const plafond = plafondRessources(financement, categorieMenage(composition), zone, date, catalogue).toNumber();
    const rfr = Math.round(plafond * (0.4 + a.suivant() * 0.75));
    const ressources = partDe(dec(rfr).dividedBy(12), 0.95 + a.suivant() * 0.4);
    const aide = ressources < 2_400 ? Math.min(a.montant(60, 380), partDe(depense, "0.9")) : 0;
    const autresCharges = a.montant(120, 180 + 90 * personnes);
    const depot = ajouterMois(date, -a.entier(2, 84));
    const { annee, mois } = composantes(depot);
    const dateDepot = dateISO(annee, mois, Math.min(a.entier(1, 31), joursDansMois(annee, mois)));
    candidats.push({ dateDepot, personnes14Plus: p14, enfantsMoins14: e, personnesACharge: enfantsTotal, jeuneMenage, titulairesCmi: cmi, rfr, ressources, aideLogement: aide, autresCharges });
    const numero = `${String(a.entier(1, 95)).padStart(3, "0")}${String(annee % 100).padStart(2, "0")}${String(mois).padStart(2, "0")}${String(a.entier(0, 99_999)).padStart(5, "0")}`;
    autres[`candidat${lettre}.numeroUnique`] = numero;
    autres[`candidat${lettre}.sejourVerifie`] = "Oui";
    autres[`candidat${lettre}.logementActuel`] = a.choix(LOGEMENTS_ACTUELS);
    autres[`candidat${lettre}.motif`] = a.choix(MOTIFS);
    lignes.push(
      `Candidat ${lettre} (demande n° ${numero}, déposée le ${dateFr(dateDepot)}) : ${decrireFoyer(p14, e, couple)}, ${enfantsTotal} personne(s) à charge${jeuneMenage ? ", jeune ménage" : ""}${cmi > 0 ? ", une personne titulaire de la carte mobilité inclusion « invalidité »" : ""} ; revenu fiscal de référence N-2 ${eurosEntiers(rfr)} ; ressources mensuelles ${euros(ressources)} ; aide au logement estimée ${euros(aide)} ; autres charges ${euros(autresCharges)} par mois.`,
    );
  }
  const s: SaisieCal = { date, methode, logement: { financement, zone, loyer, annexes, charges, eauChauffageIndividuels: individuels, forfaitCharges: forfait }, candidats };
  const surface = a.entier(18 + 14 * typologie, 30 + 16 * typologie);
  return {
    type: "cal",
    graine,
    date,
    options: { candidats: n, zone },
    saisies: {
      ...saisiesCal(s),
      ...autres,
      "logement.typologie": `T${typologie}`,
      "logement.surface": surface,
      "logement.reservataire": "Bailleur (non réservé)",
    },
    situation: [
      `Commission du ${dateFr(date)}. Méthode de reste à vivre retenue : ${METHODES_FICHE[methode].toLowerCase()}.`,
      `Logement : T${typologie} de ${surface} m², financement ${financement}, zone « ${LIBELLES_ZONE[zone]} » ; loyer ${euros(loyer)}${annexes > 0 ? `, annexes ${euros(annexes)}` : ""}, charges récupérables ${euros(charges)}${individuels ? `, eau et chauffage individuels (forfait ${euros(forfait)})` : ", eau et chauffage collectifs"}.`,
      ...lignes,
    ],
  };
}

/** The case of an exercise: same type, seed and date → same case. */
export function genererCas(type: TypeExercice, graine: number, date: DateISO, catalogue: CatalogueBaremes = CATALOGUE): CasExercice {
  // The type is mixed into the seed: seed 1 of an évaluation and of a plan are unrelated cases.
  const a = aleatoire(graine);
  const decalage = { evaluation: 0, apurement: 1, cal: 2 }[type];
  for (let i = 0; i < decalage * 7; i++) a.suivant();
  switch (type) {
    case "evaluation":
      return casEvaluation(a, graine, date, catalogue);
    case "apurement":
      return casApurement(a, graine, date);
    case "cal":
      return casCal(a, graine, date, catalogue);
  }
}
