import { z } from "zod";
import { estDateISO, type DateISO } from "../date.ts";

/**
 * The shape every barème shares, whatever its values: identity, unit, and dated versions that each
 * carry their legal source and how far we trust them. The values themselves are checked by the
 * scale's own schema (see definitions.ts); this module knows nothing of any particular scale.
 */

/**
 * How a value was obtained (STATUTS keeps the order the schema's messages have always listed; the
 * strength order, DESIGN §7, is ORDRE_STATUTS below):
 * - `officiel`: read in the legal text, or in a maintained legal dataset that cites it (OpenFisca-France,
 *   Légifrance copies), or reproduced identically by several independent sources;
 * - `calcule`: derived from sourced values by a stated rule (the version's or the cell's note says which);
 * - `non_verifie`: found in a single or only secondary source (press, bailleur page…), not cross-checked;
 * - `estimation`: not sourced at all, computed as a guess (method stated); must be checked before use.
 */
export const STATUTS = ["officiel", "calcule", "non_verifie", "estimation"] as const;
export type Statut = (typeof STATUTS)[number];

export const LIBELLES_STATUT: Record<Statut, string> = {
  officiel: "officiel",
  calcule: "calculé",
  non_verifie: "non vérifié",
  estimation: "estimation",
};

/**
 * The statuses from the strongest to the weakest, as DESIGN.md §7 orders them: a value no one could
 * cross-check (`non_verifie`) weighs less than an estimate whose method is stated.
 */
export const ORDRE_STATUTS = ["officiel", "calcule", "estimation", "non_verifie"] as const satisfies readonly Statut[];

/** The weaker of two statuses (`non_verifie` is the weakest, DESIGN §7): the status of a result built on both. */
export function statutLePlusFaible(a: Statut, b: Statut): Statut {
  return ORDRE_STATUTS.indexOf(a) >= ORDRE_STATUTS.indexOf(b) ? a : b;
}

const texte = (libelle: string) => z.string({ error: `${libelle} doit être un texte.` }).trim().min(1, { error: `${libelle} ne peut pas être vide.` });

export const schemaStatut = z.enum(STATUTS, { error: `Le statut doit être l'un de : ${STATUTS.join(", ")}.` });

export const schemaDateEffet = z
  .string({ error: "La date d'effet doit être une date AAAA-MM-JJ." })
  .refine(estDateISO, { error: "La date d'effet doit être une date valide au format AAAA-MM-JJ." })
  .transform((s) => s as DateISO);

export const schemaSource = z.strictObject({
  /** The text that fixes the value: décret, arrêté, loi, or the publication for a statistic. */
  texte: texte("Le texte source"),
  /** The legal reference: code and article(s) the text applies. */
  reference: texte("La référence juridique"),
  /** https only: a link an adviser clicks must not run script (`javascript:`) nor travel in clear. */
  url: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain, error: "L'adresse de la source doit être un lien https:// valide (https://www.legifrance.gouv.fr/…)." })
    .max(2000, { error: "L'adresse de la source ne peut pas dépasser 2 000 caractères." })
    .optional(),
  /** Where the value was read or cross-checked when it is not the text itself. */
  autresSources: z.array(texte("Une autre source")).optional(),
});
export type Source = z.output<typeof schemaSource>;

/** A status that differs from the version's for one value or a whole group (`cle` is a key prefix). */
export const schemaStatutCellule = z.strictObject({
  cle: texte("La clé de la cellule"),
  statut: schemaStatut,
  note: texte("La note qui justifie ce statut"),
});
export type StatutCellule = z.output<typeof schemaStatutCellule>;

/** A value of a barème: a scalar, null when a value is known to exist but could not be sourced, or a group. */
export type ValeurBareme = number | string | boolean | null | { readonly [cle: string]: ValeurBareme };

/** The release date of LogSoc 0.1.0, the first to ship the bundled data: when LogSoc learned every bundled version that states no other date (DESIGN §8). */
export const PUBLICATION_INTEGREE = "2026-11-26";

/** When LogSoc learned a bundled version: the date of the release that first shipped it (AAAA-MM-JJ). */
const schemaPublieLeIntegree = z
  .string({ error: "« publieLe » doit être une date AAAA-MM-JJ." })
  .refine(estDateISO, { error: "« publieLe » doit être une date valide au format AAAA-MM-JJ." });

/**
 * A version's fields. `integree`: a version of the bundled data, which may state `publieLe` (the release
 * that first shipped it, PUBLICATION_INTEGREE otherwise); a published version never does, the Worker sets it.
 */
export function schemaVersion<V extends z.ZodType>(valeurs: V, options: { integree?: boolean } = {}) {
  return z
    .strictObject({
      dateEffet: schemaDateEffet,
      ...(options.integree ? { publieLe: schemaPublieLeIntegree.optional() } : {}),
      valeurs,
      source: schemaSource,
      statut: schemaStatut,
      /** Required when the version's status is `calcule`: the rule that derives its values. */
      regleCalcul: texte("La règle de calcul").optional(),
      statutsCellules: z.array(schemaStatutCellule).optional(),
      /** What was cross-checked, and against what. */
      recoupements: z.array(texte("Un recoupement")).optional(),
      /** What could not be found or cross-checked for this version. */
      lacunes: z.array(texte("Une lacune")).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.statut === "calcule" && v.regleCalcul === undefined) {
        ctx.addIssue({ code: "custom", path: ["regleCalcul"], message: "Une version au statut « calcule » doit indiquer sa règle de calcul." });
      }
      for (const [i, c] of (v.statutsCellules ?? []).entries()) {
        if (!cheminExiste((v as unknown as { valeurs: unknown }).valeurs, c.cle)) {
          ctx.addIssue({ code: "custom", path: ["statutsCellules", i, "cle"], message: `La clé « ${c.cle} » ne désigne aucune valeur de cette version.` });
        }
      }
    });
}

export function schemaBareme<V extends z.ZodType>(valeurs: V) {
  return z
    .strictObject({
      id: z.string().regex(/^[a-z][a-z0-9_]*$/, { error: "L'identifiant d'un barème s'écrit en minuscules, chiffres et « _ »." }),
      libelle: texte("Le libellé"),
      unite: texte("L'unité"),
      description: texte("La description"),
      /** The key BAREME returns when no key is given, for scales that have one main value. */
      clePrincipale: texte("La clé principale").optional(),
      /** Rules that go with the values (how they combine, definitions), in French. */
      regles: z.array(texte("Une règle")).optional(),
      /** What is known to be missing for this scale as a whole. */
      lacunes: z.array(texte("Une lacune")).optional(),
      versions: z.array(schemaVersion(valeurs, { integree: true })).min(1, { error: "Un barème doit avoir au moins une version." }),
    })
    .superRefine((b, ctx) => {
      b.versions.forEach((v, i) => {
        const precedente = b.versions[i - 1];
        if (precedente && v.dateEffet <= precedente.dateEffet) {
          ctx.addIssue({
            code: "custom",
            path: ["versions", i, "dateEffet"],
            message: `Les dates d'effet doivent être strictement croissantes : ${v.dateEffet} suit ${precedente.dateEffet}.`,
          });
        }
        if (b.clePrincipale !== undefined && !cheminExiste((v as unknown as { valeurs: unknown }).valeurs, b.clePrincipale)) {
          ctx.addIssue({ code: "custom", path: ["clePrincipale"], message: `La clé principale « ${b.clePrincipale} » manque dans la version du ${v.dateEffet}.` });
        }
      });
    });
}

export interface VersionBareme<V = ValeurBareme> {
  dateEffet: DateISO;
  /** Bundled data only: the release that first shipped this version (PUBLICATION_INTEGREE when absent). */
  publieLe?: string;
  valeurs: V;
  source: Source;
  statut: Statut;
  regleCalcul?: string;
  statutsCellules?: StatutCellule[];
  recoupements?: string[];
  lacunes?: string[];
}

export interface Bareme<V = ValeurBareme> {
  id: string;
  libelle: string;
  unite: string;
  description: string;
  clePrincipale?: string;
  regles?: string[];
  lacunes?: string[];
  versions: VersionBareme<V>[];
}

function cheminExiste(valeurs: unknown, cle: string): boolean {
  let courant: unknown = valeurs;
  for (const segment of cle.split(".")) {
    if (courant === null || typeof courant !== "object" || !Object.hasOwn(courant, segment)) return false;
    courant = (courant as Record<string, unknown>)[segment];
  }
  return true;
}
