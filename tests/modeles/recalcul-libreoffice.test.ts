import { beforeAll, describe, expect, it } from "vitest";
import type { DateISO } from "#shared/date.ts";
import { versSerieExcel } from "#shared/date.ts";
import { estErreurLogsoc, type CodeErreur } from "#shared/errors.ts";
import { planApurement, MAX_ECHEANCES, type PlanApurement, type PlanApurementEntree } from "#shared/planApurement.ts";
import { construireModele } from "#shared/modeles/index.ts";
import { avecSaisies, celluleParId, type SpecModele, type ValeursSaisies } from "#shared/modeles/spec.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { indicateursEvaluation, saisiesEvaluation, type SaisieEvaluation } from "#shared/modeles/evaluation.ts";
import { validerEvaluation } from "#shared/evaluation.ts";
import { evaluer } from "#shared/fonctions/registre.ts";
import type { ValeurBrute } from "#shared/fonctions/arguments.ts";
import { LETTRES_CANDIDATS, saisiesCal } from "#shared/modeles/cal.ts";
import { indicateursCandidat, type SaisieCal } from "#shared/cal.ts";
import { bilanGrille, saisiesCompetences } from "#shared/modeles/competences.ts";
import { PREMIERE_LIGNE_ECHEANCIER } from "#shared/modeles/apurement.ts";
import { contexteBaremes } from "#shared/modeles/sources.ts";
import { METHODES_RAV } from "#shared/resteAVivre.ts";
import type { StatutCompetence } from "#shared/grilleCompetences.ts";
import { REFERENTIEL } from "#shared/referentiel/index.ts";
import { libreOfficeDisponible, recalculer } from "../libreoffice/recalcul.ts";
import { lireClasseurXlsx } from "#shared/audit/fichierXlsx.ts";
import type { LecteurClasseur, ValeurLue } from "#shared/audit/lecteur.ts";
import { DATES_MODELES, ficheGeneree, foyerEvaluation, grilleGeneree, Hasard, planGenere } from "./generateurs.ts";

/**
 * Two independent computations must agree: the templates' native formulas, recalculated by a real
 * spreadsheet engine (LibreOffice headless), and the LogSoc engine. Every generated case is written
 * into its template, all files are recalculated in one batch (two soffice processes side by side),
 * then every indicator is compared: amounts to the cent, ratios to 0.0001. A failure names the case,
 * the cell (with its workbook name when it has one) and both values.
 */

// Generated cases, besides the hand-worked ones; LibreOffice takes about half a second per file.
const NOMBRE_FOYERS = 50;
const NOMBRE_PLANS = 50;
const NOMBRE_FICHES = 17; // 51 candidates
const NOMBRE_GRILLES = 6;

const modeles = new Map<string, SpecModele>();
function modele(type: string, date: DateISO): SpecModele {
  const cle = `${type}|${date}`;
  if (!modeles.has(cle)) modeles.set(cle, construireModele(type, { date }));
  return modeles.get(cle)!;
}

interface Cas<T> {
  nom: string;
  fichier: string;
  spec: SpecModele;
  donnees: T;
}

const fichiers = new Map<string, Uint8Array>();
const classeurs = new Map<string, LecteurClasseur>();

async function preparer<T>(nom: string, fichier: string, spec: SpecModele, saisies: ValeursSaisies, donnees: T): Promise<Cas<T>> {
  fichiers.set(fichier, await ecrireXlsx(avecSaisies(spec, saisies)));
  return { nom, fichier, spec, donnees };
}

// ——— Hand-worked cases (arithmetic in the comments; checked against the engine and LibreOffice) ———

/**
 * Single person, 26/11/2026 (RSA 651,69 € since 2026-04-01; saisie barème 2026).
 * Ressources 1 250 + aide 250 = 1 500 ; charges 550 + 50 + 80 + 19,95 + 700 = 1 399,95.
 * RAV = 100,05 ; per day and person 100,05 / 1 / 30 = 3,335 → 3,34 (half-up: an exact tie) ; UC = 1.
 * Taux d'effort = (550 + 50 − 250) / (1 500 − 250) = 350 / 1 250 = 0,28.
 * QS: 18 000 € a year: 4 480/20 = 224 ; 4 250/10 = 425 ; 4 270/5 = 854 ; 4 230/4 = 1 057,5 ;
 * 770/3 = 256,67 → 2 817,17 / 12 = 234,76 (floor 1 500 − 651,69 = 848,31 does not bind).
 * Capacité = min(234,76 ; 1 500 − max(651,69 ; 1 399,95) = 100,05) = 100,05.
 */
const FOYER_SEUL: SaisieEvaluation = {
  date: "2026-11-26" as DateISO,
  personnes14Plus: 1,
  enfantsMoins14: 0,
  couple: false,
  ressources: { salaires: 1250, aideLogement: 250 },
  charges: { loyer: 550, chargesLocatives: 50, energie: 80, eau: 19.95, transport: 700 },
  dettes: [{ creancier: "Bailleur", nature: "Loyer", montant: 1200 }],
};
const ATTENDU_SEUL = { rav: [100.05, 3.34, 100.05, 3.34], taux: 0.28, qs: 234.76, rsa: 651.69, capacite: 100.05 };

/**
 * Couple and two children under 14, 15/06/2025 (RSA 646,52 €; saisie barème 2025). UC = 1 + 0,5 + 2 × 0,3 = 2,1.
 * Ressources 2 100 + 148,52 + aide 312 = 2 560,52 ; charges 680 + 95 + 120 + 18,50 + 45 + 160 + 90 + 130 = 1 338,50.
 * RAV = 1 222,02 ; / 4 / 30 = 10,1835 → 10,18 ; / 2,1 = 581,9143 → 581,91 ; / 2,1 / 30 = 19,397 → 19,40.
 * Taux d'effort = (680 + 95 − 312) / (2 560,52 − 312) = 463 / 2 248,52 = 0,20591 → 0,2059.
 * RSA of the foyer (4 persons, couple): 646,52 × 2,1 = 1 357,692 → 1 357,69.
 * QS with 3 dependants (conjoint + 2 children): thresholds + 3 × 1 720 = 9 600 / 13 820 / 18 050 /
 * 22 250 / 26 460 / 30 760 ; 12 × 2 560,52 = 30 726,24 ; 480 + 422 + 846 + 1 050 + 1 403,33 +
 * 4 266,24 × 2/3 = 2 844,16 → 7 045,49 / 12 = 587,12. Capacité = min(587,12 ; 2 560,52 − 1 357,69) = 587,12.
 */
const FAMILLE: SaisieEvaluation = {
  date: "2025-06-15" as DateISO,
  personnes14Plus: 2,
  enfantsMoins14: 2,
  couple: true,
  ressources: { salaires: 2100, prestationsFamiliales: 148.52, aideLogement: 312 },
  charges: { loyer: 680, chargesLocatives: 95, energie: 120, assuranceHabitation: 18.5, telephoneInternet: 45, transport: 160, mutuelle: 90, gardeCantine: 130 },
  dettes: [],
};
const ATTENDU_FAMILLE = { rav: [1222.02, 10.18, 581.91, 19.4], taux: 0.2059, qs: 587.12, rsa: 1357.69, capacite: 587.12 };

/**
 * Three persons 14+ (a couple and a teenager), 26/11/2026, charges above resources: RAV = 1 000 − 1 100,05
 * = −100,05 ; UC = 1 + 0,5 + 0,5 = 2. Per day and person −100,05 / 3 / 30 = −1,1117 → −1,11 ; per UC
 * −50,025 → −50,03 and per day and UC −1,6675 → −1,67 (ties rounded away from zero, like the engine's
 * half-up on the amount). Taux d'effort 400 / 1 000 = 0,4.
 * RSA of the foyer (3 persons, couple): 651,69 × 1,8 = 1 173,042 → 1 173,04 > 1 000: capacité 0.
 * QS with 2 dependants: thresholds + 2 × 1 740 = 7 960 / 12 210…; 12 000 a year: 7 960 / 20 = 398 ;
 * 4 040 / 10 = 404 → 802 / 12 = 66,83.
 */
const DEFICIT: SaisieEvaluation = {
  date: "2026-11-26" as DateISO,
  personnes14Plus: 3,
  enfantsMoins14: 0,
  couple: true,
  ressources: { salaires: 1000 },
  charges: { loyer: 400, energie: 700.05 },
  dettes: [],
};
const ATTENDU_DEFICIT = { rav: [-100.05, -1.11, -50.03, -1.67], taux: 0.4, qs: 66.83, rsa: 1173.04, capacite: 0 };

/**
 * Parent isolé with one child in the majoration period (CASF L.262-9), 26/11/2026 (issue 13).
 * RSA majoré = 651,69 × (1,28412 + 0,42804 × 1) = 651,69 × 1,71216 = 1 115,7976 → 1 115,80
 * (the ordinary amount, 651,69 × 1,5 = 977,54, would leave 222,46).
 * RAV = 1 200 − 400 = 800 ; 800 / 2 / 30 = 13,33 ; UC = 1 + 0,3 = 1,3 → 615,38 ; / 30 = 20,51.
 * Taux d'effort = 400 / 1 200 = 0,3333. QS, one dependant: thresholds + 1 740 → 6 220 / 10 470 / 14 740;
 * 14 400 a year: 6 220 / 20 = 311 ; 4 250 / 10 = 425 ; 3 930 / 5 = 786 → 1 522 / 12 = 126,83.
 * Capacité = min(126,83 ; 1 200 − max(1 115,80 ; 400) = 84,20) = 84,20: the majorated floor binds.
 */
const ISOLE: SaisieEvaluation = {
  date: "2026-11-26" as DateISO,
  personnes14Plus: 1,
  enfantsMoins14: 1,
  couple: false,
  isolementMajore: true,
  ressources: { salaires: 1200 },
  charges: { loyer: 400 },
  dettes: [],
};
const ATTENDU_ISOLE = { rav: [800, 13.33, 615.38, 20.51], taux: 0.3333, qs: 126.83, rsa: 1115.8, capacite: 84.2 };

interface PlanMain {
  entree: PlanApurementEntree;
  /** Instalments, dates (ISO) and reste dû, or the number of months the error announces. */
  echeances?: number[];
  dates?: string[];
  restes?: number[];
  moisNecessaires?: number;
  avertissements?: [boolean, boolean, boolean];
}

const PLANS_MAIN: PlanMain[] = [
  // 1 000 € over 3 months: ROUNDUP(100 000 c / 3) = 33 334 c ; 3 × 33 334 ≥ 100 000 → 3 instalments,
  // the last = 100 000 − 2 × 33 334 = 33 332 c. Dates from 31/01: 28/02 (shorter month), 31/03.
  {
    entree: { dette: 1000, duree: 3, premiereEcheance: "2025-01-31" as DateISO, loyerResiduel: 123.45 },
    echeances: [333.34, 333.34, 333.32],
    dates: ["2025-01-31", "2025-02-28", "2025-03-31"],
    restes: [666.66, 333.32, 0],
    avertissements: [false, false, false],
  },
  // 100,20 € over 3 months: 10 020 c / 3 = 3 340 c exactly (100,2 / 3 in binary is 33,400000000000006:
  // rounding up in euros would give 33,41).
  { entree: { dette: 100.2, duree: 3 }, echeances: [33.4, 33.4, 33.4], restes: [66.8, 33.4, 0], avertissements: [false, false, false] },
  // 500 € at 60 € a month needs ceil(500 / 60) = 9 months, more than the 8 allowed: an error that says 9.
  { entree: { dette: 500, mensualite: 60, duree: 8 }, moisNecessaires: 9 },
  // CAF default: 36,01 € → ROUNDUP(3 601 / 36) = 101 c ; 35 × 101 = 3 535 < 3 601 ≤ 36 × 101 → 36
  // instalments, the last 3 601 − 3 535 = 66 c. 36 months: not beyond the CAF plan, beyond a protocole (24).
  { entree: { dette: 36.01 }, echeances: [...Array.from({ length: 35 }, () => 1.01), 0.66], avertissements: [false, true, false] },
  // 2 500 € at 50 €: 50 months, beyond the CAF plan (36) and a protocole (24), within 84 months.
  // From 29/02/2024: 29/03/2024 … 28/02/2025 (13th), 29/03/2025 (14th).
  {
    entree: { dette: 2500, mensualite: 50, premiereEcheance: "2024-02-29" as DateISO },
    echeances: Array.from({ length: 50 }, () => 50),
    dates: Array.from({ length: 14 }, (_, k) => ["2024-02-29", "2024-03-29", "2024-04-29", "2024-05-29", "2024-06-29", "2024-07-29", "2024-08-29", "2024-09-29", "2024-10-29", "2024-11-29", "2024-12-29", "2025-01-29", "2025-02-28", "2025-03-29"][k]!),
    avertissements: [true, true, false],
  },
];

// ——— Comparison helpers ———

const ERREUR_EXCEL: Partial<Record<CodeErreur, string>> = { DIVISION_PAR_ZERO: "#DIV/0!", HORS_LIMITES: "#N/A" };

function lire(cas: Cas<unknown>, id: string): { valeur: ValeurLue; ou: string } {
  const { feuille, cellule } = celluleParId(cas.spec, id);
  const classeur = classeurs.get(cas.fichier);
  if (!classeur) throw new Error(`${cas.fichier} n'a pas été recalculé.`);
  const nom = cas.spec.noms.find((n) => n.feuille === feuille.cle && n.ref === cellule.ref);
  return { valeur: classeur.cellule(feuille.nom, cellule.ref)?.valeur ?? null, ou: `${feuille.nom}!${cellule.ref}${nom ? ` (${nom.nom})` : ` [${id}]`}` };
}

function lireRef(cas: Cas<unknown>, feuille: string, ref: string): ValeurLue {
  return classeurs.get(cas.fichier)?.cellule(feuille, ref)?.valeur ?? null;
}

const texte = (v: ValeurLue) => JSON.stringify(v);

type Attendu = number | string | boolean | { erreur: string } | null;

/** Compares one cell; amounts to the cent (tolerance 0.005), ratios to 0.0001 (0.00005), texts exactly. */
function verifier(ecarts: string[], cas: Cas<unknown>, id: string, attendu: Attendu, tolerance = 0.005): void {
  const { valeur, ou } = lire(cas, id);
  verifierValeur(ecarts, `${cas.nom}, ${ou}`, valeur, attendu, tolerance);
}

function verifierValeur(ecarts: string[], ou: string, valeur: ValeurLue, attendu: Attendu, tolerance = 0.005): void {
  let egal: boolean;
  if (typeof attendu === "number") egal = typeof valeur === "number" && Math.abs(valeur - attendu) < tolerance;
  else if (attendu !== null && typeof attendu === "object") egal = typeof valeur === "object" && valeur !== null && "erreur" in valeur && valeur.erreur === attendu.erreur;
  else if (attendu === null) egal = valeur === null || valeur === "";
  else egal = valeur === attendu;
  if (!egal) ecarts.push(`${ou} : LibreOffice ${texte(valeur)}, moteur ${texte(attendu)}`);
}

function montantOuErreur(valeur: number | null, erreur: { code: CodeErreur } | undefined): Attendu {
  if (erreur) return { erreur: ERREUR_EXCEL[erreur.code] ?? `(${erreur.code})` };
  return valeur;
}

// ——— The cases ———

const foyers: Cas<SaisieEvaluation>[] = [];
const plans: Cas<PlanApurementEntree & { main?: PlanMain }>[] = [];

/** Who signs the first hand-worked plan: the block printed after its last instalment names them. */
const SIGNATAIRES: ValeursSaisies = {
  "signature.lieu": "Lyon",
  "signature.date": { date: "2026-12-03" as DateISO },
  "signature.locataire": "Mme Ana Lopes",
  "signature.bailleur": "M. Jo Petit, chargé de recouvrement",
};

/**
 * The signature block in column A right after the last instalment, line by line (null: a blank line),
 * as the printed plan must read it; the date in French (dd/mm/yyyy) whatever the machine's locale.
 */
function blocSignature(signe: boolean): (string | null)[] {
  return [
    null,
    "ENGAGEMENT ET SIGNATURES",
    "Le locataire s'engage à verser chaque mois,",
    "en plus du loyer courant, l'échéance de reprise",
    "de dette de l'échéancier ci-dessus, jusqu'à",
    "l'apurement complet de la dette. Tout retard",
    "est signalé sans délai au bailleur.",
    signe ? "Fait à Lyon, le 03/12/2026" : "Fait à ………………, le …… / …… / ……",
    null,
    signe ? "Le locataire : Mme Ana Lopes" : "Le locataire : ",
    "Signature :",
    null,
    null,
    signe ? "Pour le bailleur : M. Jo Petit, chargé de recouvrement" : "Pour le bailleur : ",
    "Signature :",
    null,
  ];
}
const fiches: Cas<SaisieCal>[] = [];
const grilles: Cas<Record<string, StatutCompetence | null>>[] = [];
/** Inputs the engine refuses (text typed where a number is expected, impossible composition): the template must say why. */
const erronees: Cas<{ message: string; refus: () => unknown; cellulesNA: string[] }>[] = [];

beforeAll(async () => {
  if (!(await libreOfficeDisponible())) {
    throw new Error("LibreOffice (soffice) est introuvable : installez le paquet Debian libreoffice-calc-nogui (voir .ci/run) ou indiquez son chemin dans SOFFICE.");
  }
  const h = new Hasard(20261126);
  const toutFoyers = [FOYER_SEUL, FAMILLE, DEFICIT, ISOLE, ...Array.from({ length: NOMBRE_FOYERS }, (_, i) => foyerEvaluation(h, DATES_MODELES[i % DATES_MODELES.length]!))];
  for (const [i, f] of toutFoyers.entries()) {
    const nom = i < 4 ? `foyer calculé à la main n°${i + 1}` : `foyer généré n°${i - 3}`;
    foyers.push(await preparer(nom, `evaluation-${i}.xlsx`, modele("evaluation", f.date), saisiesEvaluation(f), f));
  }
  const datePlans = "2026-11-26" as DateISO;
  const toutPlans = [...PLANS_MAIN.map((p) => ({ ...p.entree, main: p })), ...Array.from({ length: NOMBRE_PLANS }, () => planGenere(h))];
  for (const [i, p] of toutPlans.entries()) {
    const saisies: ValeursSaisies = {
      "plan.dette": Number(p.dette),
      "plan.mensualite": p.mensualite === undefined || p.mensualite === null ? null : Number(p.mensualite),
      "plan.duree": p.duree ?? null,
      "plan.premiereEcheance": p.premiereEcheance ? { date: p.premiereEcheance } : null,
      "plan.loyerResiduel": p.loyerResiduel === undefined || p.loyerResiduel === null ? null : Number(p.loyerResiduel),
    };
    if (i === 0) Object.assign(saisies, SIGNATAIRES);
    const nom = i < PLANS_MAIN.length ? `plan calculé à la main n°${i + 1}` : `plan généré n°${i - PLANS_MAIN.length + 1}`;
    plans.push(await preparer(nom, `apurement-${i}.xlsx`, modele("apurement", datePlans), saisies, p));
  }
  const toutFiches = [...FICHES_MAIN, ...Array.from({ length: NOMBRE_FICHES }, (_, i) => ficheGeneree(h, DATES_MODELES[i % DATES_MODELES.length]!))];
  for (const [i, f] of toutFiches.entries()) {
    const nom = i < FICHES_MAIN.length ? `fiche calculée à la main n°${i + 1}` : `fiche générée n°${i - FICHES_MAIN.length + 1}`;
    fiches.push(await preparer(nom, `cal-${i}.xlsx`, modele("cal", f.date), saisiesCal(f), f));
  }
  const toutGrilles = [GRILLE_COMPLETE, GRILLE_SAUF_UNE, ...Array.from({ length: NOMBRE_GRILLES }, () => grilleGeneree(h))];
  for (const [i, g] of toutGrilles.entries()) {
    const nom = i < 2 ? `grille écrite à la main n°${i + 1}` : `grille générée n°${i - 1}`;
    grilles.push(await preparer(nom, `competences-${i}.xlsx`, modele("competences", datePlans), saisiesCompetences(g), g));
  }
  const apurement = modele("apurement", datePlans);
  const erreursPlan: [ValeursSaisies, string, unknown[]][] = [
    [{ "plan.dette": "mille" }, "La dette doit être un montant supérieur à 0 €.", ["mille"]],
    [{ "plan.dette": 1200, "plan.duree": "douze" }, "La durée doit être un nombre entier de mois entre 1 et 600.", [1200, "", "douze"]],
    [{ "plan.dette": 1200, "plan.duree": 12.5 }, "La durée doit être un nombre entier de mois entre 1 et 600.", [1200, "", 12.5]],
    [{ "plan.dette": 1200, "plan.mensualite": "cent" }, "La mensualité doit être un montant supérieur à 0 €.", [1200, "cent"]],
    [{ "plan.dette": 1200, "plan.mensualite": 100, "plan.loyerResiduel": "rien" }, "Le loyer résiduel doit être un montant positif ou nul.", [1200, 100, "", "", "rien"]],
  ];
  for (const [i, [saisies, message, args]] of erreursPlan.entries()) {
    erronees.push(await preparer(`plan saisi de travers n°${i + 1}`, `erreur-plan-${i}.xlsx`, apurement, saisies, { message, refus: () => evaluer("PLAN_APUREMENT", args as ValeurBrute[]), cellulesNA: ["plan.mensualiteRetenue", "plan.nombreEcheances", "plan.totalRembourse"] }));
  }
  const evaluation = modele("evaluation", datePlans);
  const budget = (foyer: Record<string, unknown>) => () => validerEvaluation({ foyer, ressources: [{ type: "salaire", montant: 1500 }], charges: [] });
  erronees.push(
    await preparer("évaluation saisie de travers n°1", "erreur-evaluation-0.xlsx", evaluation, { "foyer.personnes14Plus": "deux", "ressources.salaires": 1500 }, {
      message: "Le nombre de personnes de 14 ans ou plus doit être un entier de 1 à 30.",
      refus: budget({ personnes14Plus: "deux" }),
      cellulesNA: ["resultats.ravJourPersonne", "resultats.ravUc", "resultats.capaciteRemboursement"],
    }),
    await preparer("évaluation saisie de travers n°2", "erreur-evaluation-1.xlsx", evaluation, { "foyer.couple": "Oui", "ressources.salaires": 1500 }, {
      message: "Un couple compte au moins deux personnes de 14 ans ou plus : vérifiez la composition.",
      refus: budget({ personnes14Plus: 1, couple: true }),
      cellulesNA: ["resultats.capaciteRemboursement", "resultats.rsaFoyer"],
    }),
  );
  const recalcules = await recalculer(fichiers, 2);
  for (const [nom, octets] of recalcules) classeurs.set(nom, lireClasseurXlsx(octets));
}, 900_000);

// ——— CALEOL hand-worked fiches ———

/**
 * PLUS, autres régions, 26/11/2026 (PLUS 2026: cat3 37 584, cat4 45 374, cat6 60 156, +6 710 per person).
 * Dwelling: 420 + 30 + 80 + forfait 45 (eau et chauffage individuels) = 575 € of housing expense.
 * A: 2 persons 14+ and 2 children, 2 dependants: 4 persons, not a single adult → cat 4, plafond 45 374;
 *    RFR 45 374 ≤ 45 374 → within. Taux d'effort (575 − 175) / 2 300 = 0,173913 → 0,1739.
 *    RAV 2 300 + 175 − 575 − 600 = 1 300 ; per day and person (the method chosen) 1 300 / 4 / 30 = 10,83.
 * B: 1 adult + 1 child, 1 dependant: a single adult with one dependant → cat 3, plafond 37 584 ; RFR 37 585 → above.
 * C: 2 adults + 5 children, 5 dependants: 7 persons → cat 7 = 60 156 + 6 710 = 66 866.
 */
const FICHE_PLUS: SaisieCal = {
  date: "2026-11-26" as DateISO,
  methode: "jour_personne",
  logement: { financement: "PLUS", zone: "AUTRES", loyer: 420, annexes: 30, charges: 80, eauChauffageIndividuels: true, forfaitCharges: 45 },
  candidats: [
    { dateDepot: "2024-11-27" as DateISO, personnes14Plus: 2, enfantsMoins14: 2, personnesACharge: 2, jeuneMenage: false, titulairesCmi: 0, rfr: 45374, ressources: 2300, aideLogement: 175, autresCharges: 600 },
    { dateDepot: "2026-10-26" as DateISO, personnes14Plus: 1, enfantsMoins14: 1, personnesACharge: 1, jeuneMenage: false, titulairesCmi: 0, rfr: 37585, ressources: 1500, aideLogement: 300, autresCharges: 400 },
    { dateDepot: "2019-01-31" as DateISO, personnes14Plus: 2, enfantsMoins14: 5, personnesACharge: 5, jeuneMenage: false, titulairesCmi: 0, rfr: 50000, ressources: 3200, aideLogement: 400, autresCharges: 900 },
  ],
};
/**
 * PLS, Paris et communes limitrophes, 26/11/2026: the PLS table, every cell PLUS × 1,3 rounded to the euro.
 * A: jeune ménage (2 persons, no dependant) → cat 3: 52 740 × 1,3 = 68 562.
 * B: 2 adults + 5 children → cat 7: 109 595 + 12 212 = 121 807 (84 304 × 1,3 = 109 595,2 ; 9 394 × 1,3 = 12 212,2).
 * C: one person holding the CMI invalidité → cat 2: 40 233 × 1,3 = 52 302,9 → 52 303.
 */
const FICHE_PLS: SaisieCal = {
  date: "2026-11-26" as DateISO,
  methode: "mensuel",
  logement: { financement: "PLS", zone: "PARIS", loyer: 900, annexes: 0, charges: 150, eauChauffageIndividuels: false, forfaitCharges: 60 },
  candidats: [
    { dateDepot: "2026-01-15" as DateISO, personnes14Plus: 2, enfantsMoins14: 0, personnesACharge: 0, jeuneMenage: true, titulairesCmi: 0, rfr: 68562, ressources: 3800, aideLogement: 0, autresCharges: 700 },
    { dateDepot: "2022-05-01" as DateISO, personnes14Plus: 2, enfantsMoins14: 5, personnesACharge: 5, jeuneMenage: false, titulairesCmi: 0, rfr: 121808, ressources: 5200, aideLogement: 0, autresCharges: 1500 },
    { dateDepot: "2025-12-01" as DateISO, personnes14Plus: 1, enfantsMoins14: 0, personnesACharge: 0, jeuneMenage: false, titulairesCmi: 1, rfr: 20000, ressources: 1400, aideLogement: 0, autresCharges: 300 },
  ],
};
const FICHES_MAIN = [FICHE_PLUS, FICHE_PLS];
const PLAFONDS_MAIN = [
  [45374, 37584, 66866],
  [68562, 121807, 52303],
];
const CATEGORIES_MAIN = [
  [4, 3, 7],
  [3, 7, 2],
];

const TOUTES = REFERENTIEL.domaines.flatMap((d) => d.activites.flatMap((a) => a.competences.map((c) => c.id)));
const GRILLE_COMPLETE = Object.fromEntries(TOUTES.map((id) => [id, "Acquis"])) as Record<string, StatutCompetence | null>;
const GRILLE_SAUF_UNE = { ...GRILLE_COMPLETE, "A01-C01": "En cours" } as Record<string, StatutCompetence | null>;

// ——— The comparisons ———

describe("modèles recalculés par LibreOffice et comparés au moteur", () => {
  it(`évaluation économique : ${NOMBRE_FOYERS + 4} foyers, chaque indicateur au centime (ratios à 0,0001)`, () => {
    const ecarts: string[] = [];
    for (const cas of foyers) {
      const f = cas.donnees;
      const r = indicateursEvaluation(f, contexteBaremes(f.date));
      verifier(ecarts, cas, "resultats.totalRessources", r.ressources.total);
      verifier(ecarts, cas, "resultats.totalCharges", r.charges.total);
      verifier(ecarts, cas, "resultats.totalDettes", r.totalDettes.toNumber());
      verifier(ecarts, cas, "foyer.personnes", r.foyer.personnes, 0.5);
      verifier(ecarts, cas, "foyer.uc", r.foyer.unitesConsommation, 0.00005);
      verifier(ecarts, cas, "foyer.personnesACharge", r.capaciteRemboursement.personnesACharge - (f.couple ? 1 : 0), 0.5);
      const ids = { mensuel: "ravMensuel", jour_personne: "ravJourPersonne", uc: "ravUc", jour_uc: "ravJourUc" } as const;
      for (const m of METHODES_RAV) verifier(ecarts, cas, `resultats.${ids[m]}`, r.resteAVivre.find((x) => x.methode === m)!.valeur);
      verifier(ecarts, cas, "resultats.tauxEffort", montantOuErreur(r.tauxEffort.valeur, r.tauxEffort.erreur), 0.00005);
      verifier(ecarts, cas, "resultats.capaciteRemboursement", montantOuErreur(r.capaciteRemboursement.valeur, r.capaciteRemboursement.erreur));
      verifier(ecarts, cas, "resultats.quotiteSaisissable", montantOuErreur(r.capaciteRemboursement.quotiteSaisissable, r.capaciteRemboursement.erreur));
      verifier(ecarts, cas, "resultats.rsaFoyer", montantOuErreur(r.capaciteRemboursement.rsaForfaitaireFoyer, r.capaciteRemboursement.erreur));
      verifier(ecarts, cas, "foyer.controle", "");
      verifier(ecarts, cas, "evaluation.alerteBaremes", "");
    }
    expect(ecarts).toEqual([]);
  });

  it("évaluation : quatre foyers calculés à la main (demi-centimes exacts, arrondis loin de zéro, reste à vivre négatif, RSA majoré pour isolement)", () => {
    const ecarts: string[] = [];
    for (const [cas, attendu] of [
      [foyers[0]!, ATTENDU_SEUL],
      [foyers[1]!, ATTENDU_FAMILLE],
      [foyers[2]!, ATTENDU_DEFICIT],
      [foyers[3]!, ATTENDU_ISOLE],
    ] as const) {
      const r = indicateursEvaluation(cas.donnees, contexteBaremes(cas.donnees.date));
      expect(r.resteAVivre.map((x) => x.valeur)).toEqual(attendu.rav);
      expect([r.tauxEffort.valeur, r.capaciteRemboursement.quotiteSaisissable, r.capaciteRemboursement.rsaForfaitaireFoyer, r.capaciteRemboursement.valeur]).toEqual([attendu.taux, attendu.qs, attendu.rsa, attendu.capacite]);
      ["ravMensuel", "ravJourPersonne", "ravUc", "ravJourUc"].forEach((id, i) => verifier(ecarts, cas, `resultats.${id}`, attendu.rav[i]!));
      verifier(ecarts, cas, "resultats.tauxEffort", attendu.taux, 0.00005);
      verifier(ecarts, cas, "resultats.quotiteSaisissable", attendu.qs);
      verifier(ecarts, cas, "resultats.rsaFoyer", attendu.rsa);
      verifier(ecarts, cas, "resultats.capaciteRemboursement", attendu.capacite);
    }
    expect(ecarts).toEqual([]);
  });

  it(`plan d'apurement : ${NOMBRE_PLANS + PLANS_MAIN.length} plans, chaque ligne de l'échéancier (${MAX_ECHEANCES} lignes) au centime, dates et avertissements`, () => {
    const ecarts: string[] = [];
    for (const cas of plans) {
      const feuille = celluleParId(cas.spec, "plan.mensualiteRetenue").feuille.nom;
      let plan: PlanApurement | null = null;
      let erreur: unknown = null;
      try {
        plan = planApurement(cas.donnees);
      } catch (e) {
        if (!estErreurLogsoc(e)) throw e;
        erreur = e;
      }
      if (plan === null) {
        const message = lire(cas, "plan.erreur").valeur;
        if (typeof message !== "string" || message === "") ecarts.push(`${cas.nom} : le moteur refuse le plan (${(erreur as Error).message}) mais le modèle n'affiche aucune erreur`);
        verifier(ecarts, cas, "plan.mensualiteRetenue", { erreur: "#N/A" });
        verifier(ecarts, cas, "plan.nombreEcheances", { erreur: "#N/A" });
        const besoin = /il faut (\d+) mois|il faudrait (\d+) échéances/.exec((erreur as Error).message);
        if (besoin) {
          const n = besoin[1] ?? besoin[2];
          if (typeof message !== "string" || !message.includes(` ${n} `)) ecarts.push(`${cas.nom} : le modèle n'annonce pas les ${n} mois nécessaires (« ${String(message)} »)`);
        }
        for (let k = 1; k <= 3; k++) verifierValeur(ecarts, `${cas.nom}, ${feuille}!A${PREMIERE_LIGNE_ECHEANCIER + k - 1}`, lireRef(cas, feuille, `A${PREMIERE_LIGNE_ECHEANCIER + k - 1}`), null);
        continue;
      }
      verifier(ecarts, cas, "plan.erreur", "");
      verifier(ecarts, cas, "plan.detteRetenue", plan.dette.toNumber());
      verifier(ecarts, cas, "plan.mensualiteRetenue", plan.mensualite.toNumber());
      verifier(ecarts, cas, "plan.nombreEcheances", plan.nombreEcheances, 0.5);
      verifier(ecarts, cas, "plan.derniereEcheance", plan.echeances.at(-1)!.repriseDette.toNumber());
      verifier(ecarts, cas, "plan.totalRembourse", plan.totalRembourse.toNumber());
      verifier(ecarts, cas, "plan.controle", "La somme des échéances est égale à la dette.");
      const warn = (motif: RegExp) => plan!.avertissements.some((a) => motif.test(a));
      const drapeaux = [warn(/R\.824-12/), warn(/cohésion sociale/), warn(/surendettement/)];
      ["plan.avertissementCaf", "plan.avertissementProtocole", "plan.avertissementSurendettement"].forEach((id, i) => {
        const v = lire(cas, id).valeur;
        const alerte = typeof v === "string" && v.startsWith("Au-delà");
        if (alerte !== drapeaux[i]) ecarts.push(`${cas.nom}, ${lire(cas, id).ou} : LibreOffice « ${String(v)} », moteur ${drapeaux[i] ? "avertit" : "n'avertit pas"}`);
      });
      const bloc = blocSignature(cas === plans[0]);
      for (let k = 1; k <= MAX_ECHEANCES + bloc.length; k++) {
        const r = PREMIERE_LIGNE_ECHEANCIER + k - 1;
        const e = plan.echeances[k - 1];
        const ligneBloc = k > plan.nombreEcheances && k - plan.nombreEcheances <= bloc.length ? bloc[k - plan.nombreEcheances - 1]! : null;
        if (k > MAX_ECHEANCES) {
          verifierValeur(ecarts, `${cas.nom}, ${feuille}!A${r} (bloc de signatures)`, lireRef(cas, feuille, `A${r}`), ligneBloc);
          continue;
        }
        const cellule = (col: string) => ({ ou: `${cas.nom}, ${feuille}!${col}${r} (échéance ${k})`, valeur: lireRef(cas, feuille, `${col}${r}`) });
        const attendus: [string, Attendu][] = e
          ? [
              ["A", e.numero],
              ["B", e.date === null ? null : versSerieExcel(e.date)],
              ["C", e.repriseDette.toNumber()],
              ["D", e.loyerResiduel === null ? null : e.loyerResiduel.toNumber()],
              ["E", e.totalAVerser === null ? null : e.totalAVerser.toNumber()],
              ["F", e.resteDu.toNumber()],
            ]
          : ["A", "B", "C", "D", "E", "F"].map((c) => [c, c === "A" ? ligneBloc : null]);
        for (const [col, attendu] of attendus) {
          const { ou, valeur } = cellule(col);
          verifierValeur(ecarts, ou, valeur, attendu);
        }
      }
      const main = cas.donnees.main;
      if (main) {
        expect(plan.echeances.map((x) => x.repriseDette.toNumber())).toEqual(main.echeances);
        if (main.dates) expect(plan.echeances.slice(0, main.dates.length).map((x) => x.date)).toEqual(main.dates);
        if (main.restes) expect(plan.echeances.map((x) => x.resteDu.toNumber())).toEqual(main.restes);
        expect(drapeaux).toEqual(main.avertissements);
      }
    }
    const refuses = PLANS_MAIN.filter((p) => p.moisNecessaires !== undefined);
    for (const p of refuses) expect(() => planApurement(p.entree)).toThrow(`il faut ${p.moisNecessaires} mois`);
    expect(ecarts).toEqual([]);
  });

  it(`fiche CALEOL : ${(NOMBRE_FICHES + 2) * 3} candidats, catégorie, plafond, éligibilité, taux d'effort, reste à vivre`, () => {
    const ecarts: string[] = [];
    for (const [i, cas] of fiches.entries()) {
      const s = cas.donnees;
      s.candidats.forEach((c, k) => {
        const r = indicateursCandidat(s, c, contexteBaremes(s.date));
        const id = (x: string) => `candidat${LETTRES_CANDIDATS[k]}.${x}`;
        const erreur = (v: unknown) => (estErreurLogsoc(v) ? { erreur: ERREUR_EXCEL[v.code] ?? `(${v.code})` } : null);
        verifier(ecarts, cas, id("anciennete"), r.anciennete, 0.5);
        verifier(ecarts, cas, id("categorie"), erreur(r.categorie) ?? (r.categorie as number), 0.5);
        verifier(ecarts, cas, id("plafond"), erreur(r.plafond) ?? (r.plafond as { toNumber(): number }).toNumber(), 0.5);
        verifier(ecarts, cas, id("partPlafond"), erreur(r.partPlafond) ?? (r.partPlafond as { toNumber(): number }).toNumber(), 0.00005);
        verifier(ecarts, cas, id("sousPlafond"), erreur(r.sousPlafond) ?? (r.sousPlafond ? "Oui" : "Non"));
        verifier(ecarts, cas, id("tauxEffort"), erreur(r.tauxEffort) ?? (r.tauxEffort as { toNumber(): number }).toNumber(), 0.00005);
        verifier(ecarts, cas, id("ravMensuel"), r.ravMensuel.toNumber());
        verifier(ecarts, cas, id("ravMethode"), r.ravMethode.toNumber());
        if (i < FICHES_MAIN.length) {
          expect(r.categorie).toBe(CATEGORIES_MAIN[i]![k]);
          expect((r.plafond as { toNumber(): number }).toNumber()).toBe(PLAFONDS_MAIN[i]![k]);
        }
      });
    }
    const a = indicateursCandidat(FICHE_PLUS, FICHE_PLUS.candidats[0]!, contexteBaremes(FICHE_PLUS.date));
    expect([a.sousPlafond, (a.tauxEffort as { toNumber(): number }).toNumber(), a.ravMensuel.toNumber(), a.ravMethode.toNumber(), a.anciennete]).toEqual([true, 0.1739, 1300, 10.83, 23]);
    expect(indicateursCandidat(FICHE_PLUS, FICHE_PLUS.candidats[1]!, contexteBaremes(FICHE_PLUS.date)).sousPlafond).toBe(false);
    expect(ecarts).toEqual([]);
  });

  it(`grille de compétences : ${NOMBRE_GRILLES + 2} grilles, un domaine validé seulement si toutes ses compétences sont acquises`, () => {
    const ecarts: string[] = [];
    for (const cas of grilles) {
      const b = bilanGrille(cas.donnees);
      for (const d of b.domaines) {
        const seg = d.domaine.toLowerCase();
        verifier(ecarts, cas, `synthese.${seg}.competences`, d.competences, 0.5);
        verifier(ecarts, cas, `synthese.${seg}.acquises`, d.acquises, 0.5);
        verifier(ecarts, cas, `synthese.${seg}.enCours`, d.enCours, 0.5);
        verifier(ecarts, cas, `synthese.${seg}.nonAcquises`, d.nonAcquises, 0.5);
        verifier(ecarts, cas, `synthese.${seg}.validation`, d.valide ? "Domaine validé" : "Non validé");
      }
      verifier(ecarts, cas, "synthese.competencesAcquises", b.competencesAcquises, 0.5);
      verifier(ecarts, cas, "synthese.domainesValides", b.domainesValides, 0.5);
      const certification = lire(cas, "synthese.certification").valeur;
      const complete = typeof certification === "string" && certification.startsWith("Certification complète");
      if (complete !== b.certificationComplete) ecarts.push(`${cas.nom} : certification « ${String(certification)} », moteur ${b.certificationComplete ? "complète" : "incomplète"}`);
    }
    expect(bilanGrille(GRILLE_COMPLETE).certificationComplete).toBe(true);
    const sauf = bilanGrille(GRILLE_SAUF_UNE);
    expect(sauf.domaines.map((d) => d.valide)).toEqual([false, true, true, true]);
    expect(sauf.domainesValides).toBe(3);
    expect(ecarts).toEqual([]);
  });

  it("saisies refusées par le moteur (texte au lieu d'un nombre, composition impossible) : le modèle affiche le motif, jamais #VALUE!", () => {
    const ecarts: string[] = [];
    for (const cas of erronees) {
      expect(cas.donnees.refus, cas.nom).toThrow();
      const id = cas.spec.id === "apurement" ? "plan.erreur" : "foyer.controle";
      verifier(ecarts, cas, id, cas.donnees.message);
      for (const na of cas.donnees.cellulesNA) verifier(ecarts, cas, na, { erreur: "#N/A" });
    }
    expect(erronees).toHaveLength(7);
    expect(ecarts).toEqual([]);
  });
});
