import { z } from "zod";
import { D, dec } from "../money.ts";
import { schemaBareme } from "./schema.ts";

/**
 * The schema of each scale's values. The bundled data is parsed with them at load, and the Worker
 * validates a published version's values with the same schema, so a version can never hold a value
 * the engine does not expect.
 */

const nombre = z.number().refine(Number.isFinite, { error: "Nombre fini attendu." });

/** A euro amount to the cent: never more than two decimals, which a float could otherwise hide. */
const montantCentimes = nombre.refine((x) => x >= 0 && dec(x).decimalPlaces() <= 2, { error: "Montant en euros attendu, positif, au centime près." });
/** A euro amount with no cents: annual thresholds and ceilings are whole euros. */
const montantEuros = z.number().int({ error: "Montant en euros entiers attendu." }).min(0, { error: "Montant positif attendu." });
/** A rate as a fraction: 0.12 is 12 %. */
const taux = nombre.refine((x) => x > 0 && x <= 1, { error: "Taux attendu entre 0 (exclu) et 1 (0,12 = 12 %)." });
const entierPositif = z.number().int({ error: "Nombre entier attendu." }).positive({ error: "Nombre strictement positif attendu." });
const texte = z.string().trim().min(1, { error: "Texte non vide attendu." });

/** A legal fraction written as in the text, kept exact: "1/20", "1/3", "2/3", "1/1" (totalité). */
export const FRACTION = /^([1-9]\d*)\/([1-9]\d*)$/;
const fraction = z.string().refine(
  (s) => {
    const m = FRACTION.exec(s);
    return m !== null && Number(m[1]) <= Number(m[2]);
  },
  { error: "Fraction attendue sous la forme « 1/20 », entre 0 et 1." },
);

function croissants(valeurs: readonly number[]): boolean {
  return valeurs.every((v, i) => i === 0 || v > valeurs[i - 1]!);
}

// ——— RSA ———————————————————————————————————————————————————————————————————————————————————————

export const schemaValeursRsa = z.strictObject({
  /** Montant forfaitaire for one person, € per month. */
  montant: montantCentimes.refine((x) => x > 0, { error: "Le montant doit être strictement positif." }),
  /** Increase of the montant forfaitaire for each person of the foyer beyond the first (CASF R.262-1). */
  majorations: z.strictObject({
    deuxiemePersonne: taux,
    troisiemePersonne: taux,
    quatriemePersonneCouple: taux,
    quatriemePersonneIsole: taux,
    personneSupplementaire: taux,
  }),
  /** Forfait logement rates, applied to the montant for 1, 2 and 3 persons respectively (CASF R.262-9, R.262-10). */
  forfaitLogement: z.strictObject({
    unePersonne: taux,
    deuxPersonnes: taux,
    troisPersonnesOuPlus: taux,
  }),
});
export type ValeursRsa = z.output<typeof schemaValeursRsa>;

/** A coefficient applied to the montant forfaitaire for one person: 1.28412 is 128,412 %. */
const coefficient = nombre.refine((x) => x > 0 && x <= 10, { error: "Coefficient attendu, strictement positif (1,28412 = 128,412 %)." });

export const schemaValeursRsaMajore = z.strictObject({
  /** Montant forfaitaire majoré (CASF L.262-9) for an isolated person without child, in units of the 1-person montant (R.262-1). */
  coefficientBase: coefficient,
  /** Added for each child (person under 25) in the applicant's charge, same unit. */
  coefficientParEnfant: coefficient,
});
export type ValeursRsaMajore = z.output<typeof schemaValeursRsaMajore>;

// ——— Saisie sur rémunération ———————————————————————————————————————————————————————————————————

export const schemaValeursSaisie = z
  .strictObject({
    /** Annual net thresholds s1…s6 (C. trav. R.3252-2). */
    seuilsAnnuels: z.strictObject({ s1: montantEuros, s2: montantEuros, s3: montantEuros, s4: montantEuros, s5: montantEuros, s6: montantEuros }),
    /** Fraction seizable on each band: t1 up to s1, tk from s(k−1) to sk, t7 above s6. */
    fractions: z.strictObject({ t1: fraction, t2: fraction, t3: fraction, t4: fraction, t5: fraction, t6: fraction, t7: fraction }),
    /** Added to every threshold per dependant, € per year (R.3252-3). */
    majorationParPersonneACharge: montantEuros,
  })
  .refine((v) => croissants(Object.values(v.seuilsAnnuels)), { error: "Les seuils annuels doivent être strictement croissants.", path: ["seuilsAnnuels"] });
export type ValeursSaisie = z.output<typeof schemaValeursSaisie>;

// ——— Plafonds de ressources HLM ——————————————————————————————————————————————————————————————————

export const FINANCEMENTS = ["PLAI", "PLUS", "PLS"] as const;
export type Financement = (typeof FINANCEMENTS)[number];
export const ZONES = ["PARIS", "IDF", "AUTRES"] as const;
export type Zone = (typeof ZONES)[number];

export const LIBELLES_ZONE: Record<Zone, string> = {
  PARIS: "Paris et communes limitrophes",
  IDF: "Île-de-France hors Paris et communes limitrophes",
  AUTRES: "Autres régions",
};

const grillePlafonds = z
  .strictObject({
    cat1: montantEuros,
    cat2: montantEuros,
    cat3: montantEuros,
    cat4: montantEuros,
    cat5: montantEuros,
    cat6: montantEuros,
    parPersonneSupplementaire: montantEuros,
  })
  .refine((g) => croissants([g.cat1, g.cat2, g.cat3, g.cat4, g.cat5, g.cat6]), {
    error: "Les plafonds doivent croître strictement de la catégorie 1 à la catégorie 6.",
  });
export type GrillePlafonds = z.output<typeof grillePlafonds>;

const parZone = z.strictObject({ PARIS: grillePlafonds, IDF: grillePlafonds, AUTRES: grillePlafonds });

/** Arrêté du 29 juillet 1987, art. 1: PLS ceilings are annexe I (PLUS) raised by 30 %; rounded to the euro, half up, as published tables do. */
export function plafondPlsDepuisPlus(plafondPlus: number): number {
  return dec(plafondPlus).times("1.3").toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
}

export const schemaValeursPlafonds = z.strictObject({ PLAI: parZone, PLUS: parZone, PLS: parZone }).superRefine((v, ctx) => {
  for (const zone of ZONES) {
    for (const [cle, plus] of Object.entries(v.PLUS[zone]) as [keyof GrillePlafonds, number][]) {
      const attendu = plafondPlsDepuisPlus(plus);
      if (v.PLS[zone][cle] !== attendu) {
        ctx.addIssue({
          code: "custom",
          path: ["PLS", zone, cle],
          message: `PLS ${zone} ${cle} doit valoir PLUS × 1,3 arrondi à l'euro, soit ${attendu} (et non ${v.PLS[zone][cle]}).`,
        });
      }
    }
  }
});
export type ValeursPlafonds = z.output<typeof schemaValeursPlafonds>;

// ——— APL : forfait charges ———————————————————————————————————————————————————————————————————————

export const schemaValeursForfaitCharges = z.strictObject({
  isoleOuCoupleSansPersonneACharge: montantCentimes,
  majorationParPersonneACharge: montantCentimes,
  colocataireIsole: montantCentimes,
  /** Départements d'outre-mer; null where the reference notes give no value. */
  dom: z.strictObject({ base: montantCentimes, majorationParPersonneACharge: montantCentimes }).nullable(),
});
export type ValeursForfaitCharges = z.output<typeof schemaValeursForfaitCharges>;

// ——— SMIC ——————————————————————————————————————————————————————————————————————————————————————

export const schemaValeursSmic = z.strictObject({
  horaireBrut: montantCentimes,
  mensuelBrut: montantCentimes,
  /** Not fixed by any text (it depends on contribution rates); null where no source gives it. */
  mensuelNet: montantCentimes.nullable(),
});
export type ValeursSmic = z.output<typeof schemaValeursSmic>;

// ——— Seuil de pauvreté ————————————————————————————————————————————————————————————————————————

export const schemaValeursSeuilPauvrete = z.strictObject({
  anneeRevenus: z.number().int().min(1970).max(2100),
  seuilMensuelParUc: montantEuros,
  niveauVieMedianAnnuel: montantEuros,
});
export type ValeursSeuilPauvrete = z.output<typeof schemaValeursSeuilPauvrete>;

// ——— Échelle OCDE modifiée ———————————————————————————————————————————————————————————————————————

export const schemaValeursEchelleOcde = z.strictObject({
  premierAdulte: nombre,
  autrePersonne14Plus: nombre,
  enfantMoins14: nombre,
  ageSeuil: entierPositif,
});
export type ValeursEchelleOcde = z.output<typeof schemaValeursEchelleOcde>;

// ——— Durées de référence des plans d'apurement ————————————————————————————————————————————————————

export const schemaValeursDureesApurement = z.strictObject({
  planCafMois: entierPositif,
  procedureSimplifieeDetteMax: montantEuros,
  procedureSimplifieeDureeMaxMois: entierPositif,
  protocoleMois: entierPositif,
  protocoleProlongationMois: entierPositif,
  protocoleTotalMaxMois: entierPositif,
  delaisJudiciairesMaxMois: entierPositif,
  surendettementMaxMois: entierPositif,
});
export type ValeursDureesApurement = z.output<typeof schemaValeursDureesApurement>;

// ——— Repères (taux d'effort, reste à vivre) —————————————————————————————————————————————————————————

/** A repère is a threshold someone uses, never a rule: who uses it, what it is, since when, and its figures. */
const repere = z
  .object({
    utilisateur: texte,
    nature: texte,
    unite: texte,
    depuis: texte,
    definition: texte.optional(),
  })
  .catchall(z.union([nombre, texte]))
  .refine((r) => Object.values(r).some((x) => typeof x === "number"), { error: "Un repère doit comporter au moins une valeur chiffrée." });

export const schemaValeursReperes = z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), repere).refine((r) => Object.keys(r).length > 0, {
  error: "Au moins un repère est attendu.",
});
export type ValeursReperes = z.output<typeof schemaValeursReperes>;

/** The input shape of a whole data file for a scale whose values follow schema `S`. */
export type DonneesBareme<S extends z.ZodType> = z.input<ReturnType<typeof schemaBareme<S>>>;
