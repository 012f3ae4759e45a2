import { z } from "zod";
import { dateIso, entier, montant } from "./schemas.ts";
import { FINANCEMENTS, ZONES } from "./baremes/valeurs.ts";
import { ENFANTS_MAX } from "./rsa.ts";
import { PERSONNES_A_CHARGE_MAX } from "./quotiteSaisissable.ts";
import { CATEGORIE_MAX } from "./plafondsRessources.ts";

/**
 * Zod schemas for the barème functions' public arguments (Excel names, also the API body keys),
 * alongside those of shared/schemas.ts. An omitted `date` means today, filled in by the function.
 */

const couple = z.boolean({ error: "« couple » doit valoir VRAI ou FAUX." });
const enfants = entier("Le nombre d'enfants", 0, ENFANTS_MAX);
const date = dateIso("La date");

/** Codes are case-insensitive for the adviser ("plus", "Paris"), checked against the closed list. */
function code<const T extends readonly [string, ...string[]]>(codes: T, libelle: string) {
  return z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z.enum(codes, { error: `${libelle} doit être l'un de : ${codes.join(", ")}.` }),
  );
}

const isolementMajore = z.boolean({ error: "« isolement_majore » doit valoir VRAI ou FAUX." }).default(false);
/** Among the dependants, those aged 25 or more; checked against `enfants` by the engine. */
const personnes25Plus = entier("Le nombre de personnes à charge de 25 ans ou plus", 0, ENFANTS_MAX).optional();

/** FAUX, VRAI (whole forfait) or the monthly housing aid received (the forfait capped at it, CASF R.262-10). */
const forfaitLogement = z
  .union([z.boolean(), montant("Le montant de l'aide au logement perçue (forfait_logement)")], {
    error: "« forfait_logement » doit valoir VRAI, FAUX ou le montant mensuel de l'aide au logement perçue.",
  })
  .default(false);

export const RsaForfaitaireArgs = z.strictObject({
  couple,
  enfants: enfants.default(0),
  date: date.optional(),
  forfait_logement: forfaitLogement,
  isolement_majore: isolementMajore,
  personnes_25_plus: personnes25Plus,
});

export const QuotiteSaisissableArgs = z.strictObject({
  remuneration_mensuelle_nette: montant("La rémunération mensuelle nette"),
  personnes_a_charge: entier("Le nombre de personnes à charge", 0, PERSONNES_A_CHARGE_MAX).default(0),
  date: date.optional(),
});

export const CapaciteRemboursementArgs = z.strictObject({
  ressources: montant("Les ressources"),
  charges: montant("Les charges"),
  couple: couple.default(false),
  enfants: enfants.default(0),
  date: date.optional(),
  isolement_majore: isolementMajore,
  ressources_conjoint: montant("Le montant des ressources du conjoint").optional(),
  personnes_25_plus: personnes25Plus,
});

export const PlafondRessourcesArgs = z.strictObject({
  financement: code(FINANCEMENTS, "Le financement"),
  categorie: entier("La catégorie de ménage", 1, CATEGORIE_MAX),
  zone: code(ZONES, "La zone"),
  date: date.optional(),
});

export const BaremeArgs = z.strictObject({
  identifiant: z.string({ error: "L'identifiant du barème doit être un texte." }).trim().min(1, { error: "L'identifiant du barème est vide." }),
  date: date.optional(),
  cle: z.string({ error: "La clé doit être un texte." }).trim().min(1, { error: "La clé est vide." }).optional(),
});
