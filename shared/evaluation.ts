import { formatEuros } from "./format.ts";
import { z } from "zod";
import { arrondiCentime, dec, somme, ZERO, type Montant } from "./money.ts";
import { CODES_ERREUR, estErreurLogsoc, type CodeErreur } from "./errors.ts";
import { type DateISO } from "./date.ts";
import { nombrePersonnes, unitesConsommation, type Foyer } from "./foyer.ts";
import { LIBELLES_METHODE_RAV, METHODES_RAV, resteAVivre, type MethodeRav } from "./resteAVivre.ts";
import { tauxEffort } from "./tauxEffort.ts";
import { planApurement, type ModePlan } from "./planApurement.ts";
import { capaciteRemboursement, personnesAChargeCapaciteAu } from "./capaciteRemboursement.ts";
import { quotiteSaisissable } from "./quotiteSaisissable.ts";
import { forfaitLogementRsaDepuis, rsaForfaitaire, type CompositionRsa } from "./rsa.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import { schemaSource, schemaStatut } from "./baremes/schema.ts";
import { dateIso, enfantsMoins14, entier, erreurDepuisZod, montant, personnes14Plus } from "./schemas.ts";

/**
 * Évaluation économique de la famille (referential activities 4, 12 and 20): a whole monthly budget,
 * foyer, ressources and charges by type, dettes, turned into every indicator with the method and the
 * barème versions used. Each indicator is the engine's own function; this module only adds them up.
 */

export const TYPES_RESSOURCE = [
  "salaire",
  "revenu_independant",
  "indemnites_chomage",
  "indemnites_journalieres",
  "pension_retraite",
  "pension_invalidite",
  "rsa",
  "prime_activite",
  "aah",
  "prestations_familiales",
  "aide_logement",
  "pension_alimentaire_recue",
  "bourse",
  "autre",
] as const;
export type TypeRessource = (typeof TYPES_RESSOURCE)[number];

export const TYPES_CHARGE = [
  "loyer",
  "charges_locatives",
  "forfait_charges_individuelles",
  "energie",
  "eau",
  "assurance_habitation",
  "assurances_autres",
  "telephone_internet",
  "transport",
  "alimentation",
  "sante_mutuelle",
  "scolarite_garde",
  "impots_taxes",
  "pension_alimentaire_versee",
  "remboursement_credit",
  "autre",
] as const;
export type TypeCharge = (typeof TYPES_CHARGE)[number];

/**
 * The housing expense of the taux d'effort (arrêté du 10 mars 2011): loyer principal and annexes,
 * charges récupérables, and the forfait for water and heating when they are individual.
 */
export const CHARGES_LOGEMENT: readonly TypeCharge[] = ["loyer", "charges_locatives", "forfait_charges_individuelles"];

export const TYPES_DETTE = ["loyer", "energie", "eau", "credit", "fiscale", "autre"] as const;
export type TypeDette = (typeof TYPES_DETTE)[number];

export const LIGNES_MAX = 100;

const libelle = z
  .string({ error: "Le libellé doit être un texte." })
  .trim()
  .max(200, { error: "Le libellé ne peut pas dépasser 200 caractères." })
  .optional();

const LigneRessource = z.strictObject(
  {
    type: z.enum(TYPES_RESSOURCE, { error: `Le type de ressource doit être l'un de : ${TYPES_RESSOURCE.join(", ")}.` }),
    libelle,
    montant: montant("Le montant mensuel de la ressource"),
  },
  { error: "Chaque ressource est un objet { type, montant, libelle? }." },
);

const LigneCharge = z.strictObject(
  {
    type: z.enum(TYPES_CHARGE, { error: `Le type de charge doit être l'un de : ${TYPES_CHARGE.join(", ")}.` }),
    libelle,
    montant: montant("Le montant mensuel de la charge"),
  },
  { error: "Chaque charge est un objet { type, montant, libelle? }." },
);

const LigneDette = z.strictObject(
  {
    type: z.enum(TYPES_DETTE, { error: `Le type de dette doit être l'un de : ${TYPES_DETTE.join(", ")}.` }).default("loyer"),
    libelle,
    montant: montant("Le montant de la dette").refine((x) => x > 0, { error: "Le montant de la dette doit être supérieur à 0 €.", params: { code: "HORS_LIMITES" } }),
    mensualite: montant("La mensualité").refine((x) => x > 0, { error: "La mensualité doit être supérieure à 0 €.", params: { code: "HORS_LIMITES" } }).optional(),
  },
  { error: "Chaque dette est un objet { montant, mensualite?, type?, libelle? }." },
);

const lignes = <T extends z.ZodType>(ligne: T, quoi: string) =>
  z.array(ligne, { error: `${quoi} doivent être une liste.` }).max(LIGNES_MAX, { error: `${quoi} : au plus ${LIGNES_MAX} lignes.` });

export const EvaluationSchema = z
  .strictObject({
    /** The day the barèmes are read at (AAAA-MM-JJ); today when omitted. */
    date: dateIso("La date de l'évaluation").optional(),
    foyer: z.strictObject(
      {
        personnes14Plus,
        enfantsMoins14: enfantsMoins14.default(0),
        /** A couple (the applicant and a conjoint): the RSA of the foyer and the dependants of the saisie depend on it. */
        couple: z.boolean({ error: "« couple » doit valoir true ou false." }).default(false),
        /** Parent isolé or isolated pregnant woman during the majoration period (CASF L.262-9): the RSA floor is the majorated amount. */
        isolementMajore: z.boolean({ error: "« isolementMajore » doit valoir true ou false." }).default(false),
        /** Among the persons other than the applicant and the conjoint, those aged 25 or more (CASF R.262-1: +30 %, never +40 %). */
        personnes25Plus: entier("Le nombre de personnes à charge de 25 ans ou plus", 0, 30).optional(),
        /** The conjoint's own monthly resources: the conjoint is a dependant for the saisie only below the RSA for one person (C. trav. R.3252-3). */
        ressourcesConjoint: montant("Le montant des ressources du conjoint").optional(),
      },
      { error: "Le foyer est un objet { personnes14Plus, enfantsMoins14?, couple?, isolementMajore?, personnes25Plus?, ressourcesConjoint? }." },
    ),
    ressources: lignes(LigneRessource, "Les ressources"),
    charges: lignes(LigneCharge, "Les charges"),
    dettes: lignes(LigneDette, "Les dettes").default([]),
  })
  .superRefine((e, ctx) => {
    if (e.foyer.couple && e.foyer.personnes14Plus < 2) {
      ctx.addIssue({ code: "custom", path: ["foyer", "couple"], message: "Un couple compte au moins deux personnes de 14 ans ou plus.", params: { code: "HORS_LIMITES" } });
    }
    if (e.foyer.couple && e.foyer.isolementMajore) {
      ctx.addIssue({ code: "custom", path: ["foyer", "isolementMajore"], message: "Le RSA majoré pour isolement (CASF L.262-9) concerne une personne isolée, pas un couple.", params: { code: "ENTREE_INVALIDE" } });
    }
    const autres = e.foyer.personnes14Plus + e.foyer.enfantsMoins14 - (e.foyer.couple ? 2 : 1);
    if ((e.foyer.personnes25Plus ?? 0) > Math.max(0, autres)) {
      ctx.addIssue({ code: "custom", path: ["foyer", "personnes25Plus"], message: `Les personnes à charge de 25 ans ou plus ne peuvent pas dépasser les ${Math.max(0, autres)} personne(s) du foyer autres que le demandeur et son conjoint.`, params: { code: "HORS_LIMITES" } });
    }
    if (!e.foyer.couple && e.foyer.ressourcesConjoint !== undefined) {
      ctx.addIssue({ code: "custom", path: ["foyer", "ressourcesConjoint"], message: "Les ressources du conjoint ne s'indiquent que pour un couple.", params: { code: "ENTREE_INVALIDE" } });
    }
  });

export type EntreeEvaluation = z.input<typeof EvaluationSchema>;
export type Evaluation = z.output<typeof EvaluationSchema>;

/** An indicator that could not be computed for this budget, with the engine's reason. */
const ErreurIndicateurSchema = z.object({ code: z.enum(Object.keys(CODES_ERREUR) as [CodeErreur, ...CodeErreur[]]), message: z.string() });
export type ErreurIndicateur = z.output<typeof ErreurIndicateurSchema>;

const BaremeUtiliseSchema = z.object({
  id: z.string(),
  libelle: z.string(),
  dateEffet: z.string(),
  statut: schemaStatut,
  source: schemaSource,
  origine: z.enum(["integree", "publiee"]),
});
export type BaremeUtilise = z.output<typeof BaremeUtiliseSchema>;

const euros = z.number();

/** The answer, as a schema so that the API documents exactly what it returns. Amounts in euros, rounded to the cent. */
export const ResultatEvaluationSchema = z.object({
  date: z.string().describe("Date à laquelle les barèmes ont été lus (AAAA-MM-JJ)."),
  foyer: z.object({
    personnes14Plus: z.number(),
    enfantsMoins14: z.number(),
    couple: z.boolean(),
    personnes: z.number(),
    unitesConsommation: z.number(),
    isolementMajore: z.boolean().describe("RSA majoré pour isolement (CASF L.262-9) : parent isolé ou femme enceinte isolée pendant la période de majoration."),
  }),
  ressources: z.object({ total: euros, parType: z.partialRecord(z.enum(TYPES_RESSOURCE), euros), aideLogement: euros }),
  charges: z.object({ total: euros, parType: z.partialRecord(z.enum(TYPES_CHARGE), euros), logement: euros.describe("Loyer, charges récupérables et forfait eau/chauffage individuels.") }),
  resteAVivre: z.array(z.object({ methode: z.enum(METHODES_RAV), libelle: z.string(), valeur: euros })),
  tauxEffort: z.object({
    methode: z.string(),
    valeur: z.number().nullable().describe("Fraction arrondie à 4 décimales (0,2368 = 23,68 %) ; null si le calcul est impossible (voir erreur)."),
    depenseLogement: euros,
    aideLogement: euros,
    ressourcesRetenues: euros.describe("Ressources hors aide au logement : le dénominateur du taux d'effort."),
    erreur: ErreurIndicateurSchema.optional(),
  }),
  capaciteRemboursement: z.object({
    methode: z.string(),
    valeur: euros.nullable(),
    quotiteSaisissable: euros.nullable(),
    rsaForfaitaireFoyer: euros.nullable().describe("Minimum laissé au foyer : montant forfaitaire du RSA du foyer, majoré pour isolement le cas échéant, sans forfait logement (C. consommation L.731-2)."),
    personnesACharge: z.number(),
    erreur: ErreurIndicateurSchema.optional(),
  }),
  rsa: z
    .object({
      montantForfaitaire: euros.nullable().describe("Montant forfaitaire du RSA du foyer (majoré pour isolement le cas échéant)."),
      forfaitLogement: euros.nullable().describe("Forfait logement du foyer (CASF R.262-9)."),
      forfaitLogementDeduit: euros.nullable().describe("Forfait logement déduit dans la limite de l'aide au logement perçue (ressources de type aide_logement), CASF R.262-10 ; 0 sans aide : un foyer logé gratuitement ou propriétaire sans emprunt le doit en entier (voir forfaitLogement)."),
      montantApresForfaitLogement: euros.nullable(),
      isolementMajore: z.boolean(),
      erreur: ErreurIndicateurSchema.optional(),
    })
    .describe("RSA forfaitaire du foyer, le forfait logement plafonné à l'aide au logement perçue."),
  dettes: z.object({
    total: euros,
    mensualites: euros,
    resteAVivreApresMensualites: euros,
    lignes: z.array(
      z.object({
        type: z.enum(TYPES_DETTE),
        libelle: z.string().optional(),
        montant: euros,
        plan: z.object({ mode: z.enum(["mensualite", "duree", "defaut_caf"]), mensualite: euros, nombreEcheances: z.number(), avertissements: z.array(z.string()) }).nullable(),
        erreur: ErreurIndicateurSchema.optional(),
      }),
    ),
  }),
  baremes: z.array(BaremeUtiliseSchema).describe("Versions de barème utilisées (capacité de remboursement), avec leur source et leur statut."),
  avertissements: z.array(z.string()),
});
export type ResultatEvaluation = z.output<typeof ResultatEvaluationSchema>;

export const METHODE_TAUX_EFFORT =
  "Arrêté du 10 mars 2011 (CCH R.441-3-1) : (loyer + charges récupérables + forfait eau/chauffage individuels − aide au logement) / ressources mensuelles ; l'aide au logement, déjà déduite de la dépense, n'est pas comptée dans les ressources.";
export const METHODE_CAPACITE =
  "Méthode Banque de France (C. consommation L.731-1, L.731-2, R.731-1) : minimum de la quotité saisissable des ressources et des ressources diminuées du plus élevé du RSA du foyer (majoré pour isolement le cas échéant) et des charges, jamais négatif ; les enfants et personnes à charge comptent comme personnes à charge, le conjoint aussi sauf si ses ressources propres indiquées atteignent le RSA d'une personne seule (C. trav. R.3252-3).";

function totalParType<T extends string>(ls: readonly { type: T; montant: number }[]): { total: Montant; parType: Map<T, Montant> } {
  const parType = new Map<T, Montant>();
  for (const l of ls) parType.set(l.type, (parType.get(l.type) ?? ZERO).plus(dec(l.montant)));
  return { total: somme(ls.map((l) => l.montant)), parType };
}

function enCentimes<T extends string>(m: Map<T, Montant>): Partial<Record<T, number>> {
  return Object.fromEntries([...m].map(([k, v]) => [k, arrondiCentime(v).toNumber()])) as Partial<Record<T, number>>;
}

/** Runs one indicator; a domain error becomes the indicator's `erreur`, any other error is a defect and propagates. */
function indicateur<T>(f: () => T): { ok: T } | { erreur: ErreurIndicateur } {
  try {
    return { ok: f() };
  } catch (e) {
    if (estErreurLogsoc(e)) return { erreur: { code: e.code, message: e.message } };
    throw e;
  }
}

/**
 * How budgets are parsed: `reportInput` lets erreurDepuisZod tell a missing field from a wrong one,
 * and zod's own messages (for what our schemas leave generic) are French.
 */
export const OPTIONS_ANALYSE = { reportInput: true, error: z.locales.fr().localeError } as const;

/** Validates a raw budget; the first failing field becomes a domain error (the API reports them all itself). */
export function validerEvaluation(brut: unknown): Evaluation {
  const r = EvaluationSchema.safeParse(brut, OPTIONS_ANALYSE);
  if (!r.success) throw erreurDepuisZod(r.error);
  return r.data;
}

/**
 * Every indicator of a budget on `date`:
 * - reste à vivre by the four methods, on all ressources and all charges;
 * - taux d'effort on the housing charges, the aide au logement subtracted from the expense and left out
 *   of the ressources (counting it twice would understate the effort);
 * - capacité de remboursement on all ressources and charges, with its components;
 * - for each dette, the plan d'apurement its mensualité gives (or the CAF default plan of 36 months),
 *   and what is left to live on once every mensualité is paid.
 */
export function evaluerBudget(e: Evaluation, date: DateISO, catalogue: CatalogueBaremes = CATALOGUE): ResultatEvaluation {
  const foyer: Foyer = { personnes14Plus: e.foyer.personnes14Plus, enfantsMoins14: e.foyer.enfantsMoins14 };
  const avertissements: string[] = [];

  const res = totalParType(e.ressources);
  const chg = totalParType(e.charges);
  const aide = res.parType.get("aide_logement") ?? ZERO;
  const depenseLogement = somme(CHARGES_LOGEMENT.map((t) => chg.parType.get(t) ?? ZERO));
  const ressourcesRetenues = res.total.minus(aide);

  const rav = METHODES_RAV.map((methode) => ({ methode, libelle: LIBELLES_METHODE_RAV[methode], valeur: resteAVivre(res.total, chg.total, foyer, methode, { date, catalogue }).toNumber() }));

  if (depenseLogement.isZero()) avertissements.push("Aucun loyer ni charge locative n'est renseigné : le taux d'effort ne mesure alors aucune dépense de logement.");
  const te = indicateur(() => tauxEffort(depenseLogement, ZERO, aide, ressourcesRetenues).toNumber());

  // The RSA foyer: the applicant, the conjoint if any, and every other person counted as a child.
  const composition: CompositionRsa = {
    couple: e.foyer.couple,
    enfants: nombrePersonnes(foyer) - (e.foyer.couple ? 2 : 1),
    ...(e.foyer.personnes25Plus !== undefined ? { personnes25Plus: e.foyer.personnes25Plus } : {}),
  };
  const isolementMajore = e.foyer.isolementMajore;
  const ressourcesConjoint = e.foyer.ressourcesConjoint;
  const entreeCapacite = { ...composition, isolementMajore, ...(ressourcesConjoint !== undefined ? { ressourcesConjoint } : {}) };
  const baremes: BaremeUtilise[] = [];
  const idsBaremes = ["rsa_montant_forfaitaire", ...(isolementMajore ? (["rsa_majoration_isolement"] as const) : []), "saisie_remuneration"] as const;
  const cap = indicateur(() => {
    const valeur = capaciteRemboursement({ ressources: res.total, charges: chg.total, ...entreeCapacite }, date, catalogue).toNumber();
    const personnesACharge = personnesAChargeCapaciteAu(entreeCapacite, date, catalogue);
    const qs = quotiteSaisissable(res.total, personnesACharge, date, catalogue).toNumber();
    const rsa = rsaForfaitaire(composition, date, { catalogue, isolementMajore }).toNumber();
    for (const id of idsBaremes) {
      const b = catalogue.bareme(id);
      const v = catalogue.enVigueur(id, date);
      baremes.push({ id, libelle: b.libelle, dateEffet: v.dateEffet, statut: v.statut, source: v.source, origine: v.origine });
      if (v.statut === "estimation" || v.statut === "non_verifie") {
        avertissements.push(`Le barème « ${b.libelle} » en vigueur le ${date} a le statut « ${v.statut === "estimation" ? "estimation" : "non vérifié"} » : vérifiez-le avant de vous fonder sur la capacité de remboursement.`);
      }
    }
    return { valeur, qs, rsa, personnesACharge };
  });
  // The RSA the foyer would be counted: the forfait logement deducted within the limit of the aid received (CASF R.262-10).
  const rsaFoyer = indicateur(() => {
    const montantForfaitaire = rsaForfaitaire(composition, date, { catalogue, isolementMajore });
    const apres = rsaForfaitaire(composition, date, { catalogue, isolementMajore, forfaitLogement: aide });
    const forfait = forfaitLogementRsaDepuis(catalogue.enVigueur("rsa_montant_forfaitaire", date).valeurs, composition);
    return { montantForfaitaire: montantForfaitaire.toNumber(), forfaitLogement: forfait.toNumber(), forfaitLogementDeduit: montantForfaitaire.minus(apres).toNumber(), montantApresForfaitLogement: apres.toNumber() };
  });

  const lignesDettes = e.dettes.map((d) => {
    const plan = indicateur(() => planApurement({ dette: d.montant, mensualite: d.mensualite ?? null }, { date, catalogue }));
    return {
      type: d.type,
      ...(d.libelle !== undefined && d.libelle !== "" ? { libelle: d.libelle } : {}),
      montant: arrondiCentime(d.montant).toNumber(),
      plan: "ok" in plan ? { mode: plan.ok.mode, mensualite: plan.ok.mensualite.toNumber(), nombreEcheances: plan.ok.nombreEcheances, avertissements: plan.ok.avertissements } : null,
      ...("erreur" in plan ? { erreur: plan.erreur } : {}),
    };
  });
  const mensualites = somme(lignesDettes.map((l) => l.plan?.mensualite ?? 0));
  const ravApres = resteAVivre(res.total, chg.total.plus(mensualites), foyer, "mensuel", { date, catalogue });
  if ("ok" in cap && mensualites.greaterThan(cap.ok.valeur)) {
    avertissements.push(
      `Les mensualités des dettes (${formatEuros(mensualites)}) dépassent la capacité de remboursement (${formatEuros(cap.ok.valeur)}).`,
    );
  }

  return {
    date,
    foyer: { ...foyer, couple: e.foyer.couple, personnes: nombrePersonnes(foyer), unitesConsommation: unitesConsommation(foyer, date, catalogue).toNumber(), isolementMajore },
    ressources: { total: arrondiCentime(res.total).toNumber(), parType: enCentimes(res.parType), aideLogement: arrondiCentime(aide).toNumber() },
    charges: { total: arrondiCentime(chg.total).toNumber(), parType: enCentimes(chg.parType), logement: arrondiCentime(depenseLogement).toNumber() },
    resteAVivre: rav,
    tauxEffort: {
      methode: METHODE_TAUX_EFFORT,
      valeur: "ok" in te ? te.ok : null,
      depenseLogement: arrondiCentime(depenseLogement).toNumber(),
      aideLogement: arrondiCentime(aide).toNumber(),
      ressourcesRetenues: arrondiCentime(ressourcesRetenues).toNumber(),
      ...("erreur" in te ? { erreur: te.erreur } : {}),
    },
    capaciteRemboursement: {
      methode: METHODE_CAPACITE,
      valeur: "ok" in cap ? cap.ok.valeur : null,
      quotiteSaisissable: "ok" in cap ? cap.ok.qs : null,
      rsaForfaitaireFoyer: "ok" in cap ? cap.ok.rsa : null,
      personnesACharge: "ok" in cap ? cap.ok.personnesACharge : composition.enfants + (e.foyer.couple ? 1 : 0),
      ...("erreur" in cap ? { erreur: cap.erreur } : {}),
    },
    rsa:
      "ok" in rsaFoyer
        ? { ...rsaFoyer.ok, isolementMajore }
        : { montantForfaitaire: null, forfaitLogement: null, forfaitLogementDeduit: null, montantApresForfaitLogement: null, isolementMajore, erreur: rsaFoyer.erreur },
    dettes: {
      total: arrondiCentime(somme(e.dettes.map((d) => d.montant))).toNumber(),
      mensualites: arrondiCentime(mensualites).toNumber(),
      resteAVivreApresMensualites: ravApres.toNumber(),
      lignes: lignesDettes,
    },
    baremes,
    avertissements,
  };
}
