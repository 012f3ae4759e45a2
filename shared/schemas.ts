import { z } from "zod";
import { D, type Montant } from "./money.ts";
import { ErreurLogsoc, type CodeErreur } from "./errors.ts";
import { estDateISO } from "./date.ts";
import { METHODES_RAV } from "./resteAVivre.ts";
import { MAX_ECHEANCES } from "./planApurement.ts";

/**
 * Zod schemas for the public arguments (Excel names, also the API body keys). Messages are French
 * because they reach the adviser unchanged; `params.code` picks the domain error code.
 */
export const MONTANT_MAX = 1_000_000_000;

export function montant(libelle: string) {
  return z
    .number({ error: `${libelle} doit être un nombre.` })
    .min(0, { error: `${libelle} ne peut pas être négatif.` })
    .max(MONTANT_MAX, { error: `${libelle} dépasse la limite de 1 milliard d'euros.` });
}

/**
 * An amount as the function registry hands it to the engine: a Decimal straight from the cell or the
 * range sum, never through a binary double. The 1 milliard limit is this schema's; a rule of the
 * calculation itself (a dette above 0 €) belongs to the engine alone.
 */
export function decimal(libelle: string) {
  return z
    .instanceof(D, { error: `${libelle} doit être un nombre.` })
    .refine((x: Montant) => x.abs().lte(MONTANT_MAX), { error: `${libelle} dépasse la limite de 1 milliard d'euros.`, params: { code: "HORS_LIMITES" } });
}

/** A Decimal amount that cannot be negative (ressources, charges…). */
export function montantExact(libelle: string) {
  return decimal(libelle).refine((x: Montant) => !x.isNegative() || x.isZero(), { error: `${libelle} ne peut pas être négatif.`, params: { code: "HORS_LIMITES" } });
}

export function entier(libelle: string, min: number, max: number) {
  return z
    .number({ error: `${libelle} doit être un nombre.` })
    .int({ error: `${libelle} doit être un nombre entier.` })
    .min(min, { error: `${libelle} doit être au moins ${min}.` })
    .max(max, { error: `${libelle} ne peut pas dépasser ${max}.` });
}

export const dateIso = (libelle: string) =>
  z.string({ error: `${libelle} doit être une date AAAA-MM-JJ.` }).refine(estDateISO, {
    error: `${libelle} doit être une date valide au format AAAA-MM-JJ.`,
    params: { code: "DATE_INVALIDE" },
  });

export const methodeRav = z.enum(METHODES_RAV, {
  error: `La méthode doit être l'une de : ${METHODES_RAV.join(", ")}.`,
});

export const personnes14Plus = entier("Le nombre de personnes de 14 ans ou plus", 1, 30);
export const enfantsMoins14 = entier("Le nombre d'enfants de moins de 14 ans", 0, 30);

export const ResteAVivreArgs = z.strictObject({
  ressources: montantExact("Les ressources"),
  charges: montantExact("Les charges"),
  personnes_14_plus: personnes14Plus.default(1),
  enfants_moins_14: enfantsMoins14.default(0),
  methode: methodeRav.default("mensuel"),
});

export const TauxEffortArgs = z.strictObject({
  loyer: montantExact("Le loyer"),
  charges: montantExact("Les charges"),
  aide_logement: montantExact("L'aide au logement"),
  // ≤ 0 is the engine's rule, reported as a division by zero, the error Excel users expect.
  ressources: decimal("Les ressources"),
});

// The dette and the mensualité above 0 €: a rule of the plan, owned by the engine (planApurement), which
// every caller goes through; here only their type and the 1 milliard limit. The durée's bounds are the
// engine's constant, stated here too so that the API describes them.
export const PlanApurementArgs = z.strictObject({
  dette: decimal("La dette"),
  mensualite: decimal("La mensualité").optional(),
  duree: entier("La durée (en mois)", 1, MAX_ECHEANCES).optional(),
  premiere_echeance: dateIso("La date de première échéance").optional(),
  loyer_residuel: montantExact("Le loyer résiduel").optional(),
});

export const UnitesConsommationArgs = z.strictObject({
  personnes_14_plus: personnes14Plus,
  enfants_moins_14: enfantsMoins14.default(0),
});

const CODES_PAR_ZOD: Partial<Record<string, CodeErreur>> = {
  too_small: "HORS_LIMITES",
  too_big: "HORS_LIMITES",
  not_multiple_of: "HORS_LIMITES",
  invalid_value: "CODE_INCONNU",
  unrecognized_keys: "ENTREE_INVALIDE",
};

const NOMS_INCONNUS = (keys: readonly PropertyKey[]) => keys.map(String).join(", ");

/** Converts the first zod issue into the domain error every adapter knows how to report. */
export function erreurDepuisZod(error: z.ZodError): ErreurLogsoc {
  const issue = error.issues[0]!;
  const chemin = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
  // Needs `reportInput: true`: without it zod leaves `input` undefined for every issue.
  // An instanceof check (a Decimal amount) reports a missing value as a custom issue, not invalid_type.
  if ((issue.code === "invalid_type" || issue.code === "custom") && "input" in issue && issue.input === undefined) {
    return new ErreurLogsoc("ARGUMENT_MANQUANT", `L'argument obligatoire « ${chemin.join(".")} » est manquant.`, chemin);
  }
  if (issue.code === "unrecognized_keys") {
    return new ErreurLogsoc("ENTREE_INVALIDE", `Argument(s) inconnu(s) : ${NOMS_INCONNUS(issue.keys)}.`, issue.keys.map(String));
  }
  const params = (issue as { params?: { code?: CodeErreur } }).params;
  let code: CodeErreur = params?.code ?? CODES_PAR_ZOD[issue.code] ?? "ENTREE_INVALIDE";
  if (code === "CODE_INCONNU" && chemin[chemin.length - 1] === "methode") code = "METHODE_INCONNUE";
  return new ErreurLogsoc(code, issue.message, chemin);
}

/** Parses with a schema; failures become an ErreurLogsoc. Null values mean "omitted", as a blank cell does. */
export function valider<S extends z.ZodType>(schema: S, valeurs: Record<string, unknown>): z.output<S> {
  const sansVides: Record<string, unknown> = {};
  for (const k in valeurs) if (valeurs[k] !== null && valeurs[k] !== undefined) sansVides[k] = valeurs[k];
  const r = schema.safeParse(sansVides, { reportInput: true });
  if (!r.success) throw erreurDepuisZod(r.error);
  return r.data;
}
