import { z } from "zod";
import { dec } from "../money.ts";
import { dateISO, composantes, estDateISO, type DateISO } from "../date.ts";
import { dateFr, instantFr, type CatalogueBaremes, type ReferenceVersion, type VersionEnCatalogue, type VersionPubliee } from "./catalogue.ts";
import { schemaVersionDe } from "./definitions.ts";

/**
 * The checks a publication passes before it is stored (DESIGN §8): the request's shape, the scale's
 * schema, a plausible date d'effet, an https source, and no numeric value moving more than 25 % from the
 * version it follows unless the publisher confirms. Each refusal has its own code and lists every
 * failing field, so a publisher fixes everything at once. Pure: the Worker stores what this returns.
 */

export type CodeRefus =
  | "ENTREE_INVALIDE"
  | "ARGUMENT_MANQUANT"
  | "SOURCE_INVALIDE"
  | "DATE_EFFET_INVALIDE"
  | "VARIATION_SUSPECTE"
  | "VERSION_EXISTANTE"
  | "VERSION_INTROUVABLE";

export interface ChampRefuse {
  /** Path in the request body (`["version", "valeurs", "montant"]`). */
  chemin: (string | number)[];
  detail: string;
}

export class RefusPublication extends Error {
  readonly code: CodeRefus;
  readonly champs: ChampRefuse[];
  constructor(code: CodeRefus, message: string, champs: ChampRefuse[]) {
    super(message);
    this.name = "RefusPublication";
    this.code = code;
    this.champs = champs;
  }
}

/** Variation beyond which a value needs `confirmer_variation` (DESIGN §8). */
export const VARIATION_MAX = "0.25";
/** No date d'effet before this day: LogSoc's scales start long after, so earlier is a typing error (1900). */
export const DATE_EFFET_MIN = "1990-01-01";
/** A date d'effet at most this many years after its publication: laws are not published further ahead. */
export const ANNEES_AVANCE_MAX = 2;
/** No scale holds a number this large (ceilings are tens of thousands of euros): 1e308 is a typing error. */
export const VALEUR_ABSOLUE_MAX = 10_000_000;

const ERREURS_FR = z.locales.fr().localeError;

const texte = (nom: string, max: number) =>
  z
    .string({ error: `« ${nom} » doit être un texte.` })
    .trim()
    .min(1, { error: `« ${nom} » ne peut pas être vide.` })
    .max(max, { error: `« ${nom} » ne peut pas dépasser ${max} caractères.` });

/** The body of `POST /v1/baremes/{id}/versions`. */
export const schemaDemandePublication = z.strictObject({
  publiePar: texte("publiePar", 200).describe("Qui publie (nom, service)."),
  version: z.unknown().optional().describe("La version, validée par le schéma du barème ; absente pour un retrait."),
  remplace: z
    .string({ error: "« remplace » doit être la date d'effet (AAAA-MM-JJ) de la version corrigée ou retirée." })
    .refine(estDateISO, { error: "« remplace » doit être une date valide AAAA-MM-JJ : la date d'effet de la version corrigée ou retirée." })
    .optional()
    .describe("Correction ou retrait : date d'effet de la version remplacée, telle que connue aujourd'hui."),
  motif: texte("motif", 1000).optional().describe("Obligatoire pour une correction ou un retrait : pourquoi."),
  retire: z.boolean({ error: "« retire » doit valoir true ou false." }).optional().describe("true : retire la version « remplace » sans la remplacer."),
  confirmer_variation: z.boolean({ error: "« confirmer_variation » doit valoir true ou false." }).optional().describe("true : accepte une variation de plus de 25 % par rapport à la version précédente."),
});
export type DemandePublication = z.output<typeof schemaDemandePublication>;

function chemin(p: readonly PropertyKey[]): (string | number)[] {
  return p.map((x) => (typeof x === "number" ? x : String(x)));
}

function champsZod(erreur: z.ZodError, prefixe: (string | number)[]): ChampRefuse[] {
  return erreur.issues.slice(0, 20).map((i) => {
    if (i.code === "unrecognized_keys") return { chemin: [...prefixe, ...chemin(i.path), i.keys[0]!], detail: `Champ inconnu : ${i.keys.join(", ")}.` };
    return { chemin: [...prefixe, ...chemin(i.path)], detail: i.message };
  });
}

function refus(code: CodeRefus, champs: ChampRefuse[], resume?: string): RefusPublication {
  const texteChamps = champs.map((c) => `${c.chemin.join(".") || "(corps)"} : ${c.detail}`).join(" ; ");
  return new RefusPublication(code, resume ?? texteChamps, champs);
}

/** Every numeric value of a version, with its key path under `valeurs`. */
function feuillesNumeriques(valeurs: unknown, prefixe: string[] = []): [string[], number][] {
  if (typeof valeurs === "number") return [[prefixe, valeurs]];
  if (valeurs === null || typeof valeurs !== "object") return [];
  return Object.entries(valeurs).flatMap(([k, v]) => feuillesNumeriques(v, [...prefixe, k]));
}

function valeurA(valeurs: unknown, cle: readonly string[]): unknown {
  let v = valeurs;
  for (const k of cle) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

function pourcentage(avant: number, apres: number): string {
  const p = dec(apres).minus(avant).dividedBy(Math.abs(avant)).times(100).toDecimalPlaces(1);
  return `${p.isPositive() ? "+" : ""}${p.toString().replace(".", ",")} %`;
}

function plusAnnees(d: DateISO, n: number): DateISO {
  const { annee, mois, jour } = composantes(d);
  return dateISO(annee + n, mois, mois === 2 && jour === 29 ? 28 : jour);
}

/**
 * Checks a publication request for scale `id` against the catalogue as known now, and returns what to
 * store. `publieLe` is the publication instant the Worker sets (ISO 8601, UTC).
 */
export function verifierPublication(cat: CatalogueBaremes, id: string, corps: unknown, publieLe: string): VersionPubliee {
  const lu = schemaDemandePublication.safeParse(corps, { error: ERREURS_FR, reportInput: true });
  if (!lu.success) {
    const manquant = lu.error.issues.some((i) => i.code === "invalid_type" && (i as { input?: unknown }).input === undefined);
    throw refus(manquant ? "ARGUMENT_MANQUANT" : "ENTREE_INVALIDE", champsZod(lu.error, []));
  }
  const d = lu.data;
  const bareme = cat.bareme(id);

  if (d.retire === true && d.version !== undefined) throw refus("ENTREE_INVALIDE", [{ chemin: ["version"], detail: "Un retrait (« retire »: true) ne porte pas de version : il retire la version « remplace »." }]);
  if (d.retire === true && d.remplace === undefined) throw refus("ARGUMENT_MANQUANT", [{ chemin: ["remplace"], detail: "Un retrait doit dire quelle version il retire : « remplace » (sa date d'effet)." }]);
  if (d.retire !== true && d.version === undefined) throw refus("ARGUMENT_MANQUANT", [{ chemin: ["version"], detail: "« version » est obligatoire (sauf pour un retrait, « retire »: true)." }]);
  if (d.remplace !== undefined && d.motif === undefined) throw refus("ARGUMENT_MANQUANT", [{ chemin: ["motif"], detail: "Une correction ou un retrait doit donner son « motif »." }]);
  if (d.remplace === undefined && d.motif !== undefined) throw refus("ENTREE_INVALIDE", [{ chemin: ["motif"], detail: "« motif » accompagne une correction ou un retrait : indiquez aussi « remplace »." }]);

  let cible: VersionEnCatalogue | null = null;
  if (d.remplace !== undefined) {
    cible = cat.versionExistante(bareme.id, d.remplace);
    if (cible === null) {
      throw refus("VERSION_INTROUVABLE", [{ chemin: ["remplace"], detail: `Le barème ${bareme.id} n'a pas de version au ${dateFr(d.remplace)} à ${d.retire ? "retirer" : "corriger"}.` }]);
    }
  }
  const remplace: ReferenceVersion | undefined = cible ? { dateEffet: cible.dateEffet, publieLe: cible.publieLe ?? "" } : undefined;
  const base: VersionPubliee = { bareme: bareme.id, publiePar: d.publiePar, publieLe, ...(remplace ? { remplace, motif: d.motif! } : {}) };
  if (d.retire === true) return { ...base, retire: true };

  const v = schemaVersionDe(bareme.id).safeParse(d.version, { error: ERREURS_FR });
  if (!v.success) {
    const champs = champsZod(v.error, ["version"]);
    const source = champs.every((c) => c.chemin[1] === "source");
    throw refus(source ? "SOURCE_INVALIDE" : "ENTREE_INVALIDE", champs);
  }
  const version = v.data as { dateEffet: DateISO; valeurs: unknown };

  const trop = feuillesNumeriques(version.valeurs).filter(([, x]) => Math.abs(x) > VALEUR_ABSOLUE_MAX);
  if (trop.length > 0) {
    throw refus(
      "ENTREE_INVALIDE",
      trop.map(([cle, x]) => ({ chemin: ["version", "valeurs", ...cle], detail: `${x} dépasse ${VALEUR_ABSOLUE_MAX.toLocaleString("fr-FR")} en valeur absolue : aucun barème ne porte une telle valeur.` })),
    );
  }

  const jourPublication = publieLe.slice(0, 10) as DateISO;
  const limite = plusAnnees(jourPublication, ANNEES_AVANCE_MAX);
  if (version.dateEffet < DATE_EFFET_MIN || version.dateEffet > limite) {
    const detail =
      version.dateEffet < DATE_EFFET_MIN
        ? `La date d'effet ${dateFr(version.dateEffet)} précède le ${dateFr(DATE_EFFET_MIN)} : vérifiez l'année.`
        : `La date d'effet ${dateFr(version.dateEffet)} tombe plus de ${ANNEES_AVANCE_MAX} ans après la publication (${instantFr(publieLe)}), au-delà du ${dateFr(limite)}.`;
    throw refus("DATE_EFFET_INVALIDE", [{ chemin: ["version", "dateEffet"], detail }]);
  }

  const existante = cat.versionExistante(bareme.id, version.dateEffet);
  if (existante !== null && existante !== cible) {
    const quelle = existante.origine === "integree" ? "intégrée à l'application" : "publiée";
    throw refus(
      "VERSION_EXISTANTE",
      [{ chemin: ["version", "dateEffet"], detail: `Date d'effet déjà utilisée : ${version.dateEffet}.` }],
      `Le barème ${bareme.id} a déjà une version ${quelle} au ${dateFr(version.dateEffet)} : pour la corriger, publiez avec « remplace »: "${version.dateEffet}" et un « motif ».`,
    );
  }

  if (d.confirmer_variation !== true) {
    // The version in force just before; for a scale's earliest date, the one that follows.
    const reference = cat.versionPrecedente(bareme.id, version.dateEffet, remplace) ?? cat.versions(bareme.id).find((x) => x.dateEffet > version.dateEffet && x !== cible) ?? null;
    if (reference !== null) {
      const suspects: ChampRefuse[] = [];
      for (const [cle, apres] of feuillesNumeriques(version.valeurs)) {
        const avant = valeurA(reference.valeurs, cle);
        if (typeof avant !== "number") continue;
        const ecart = avant === 0 ? (apres === 0 ? dec(0) : dec(Infinity)) : dec(apres).minus(avant).abs().dividedBy(Math.abs(avant));
        if (ecart.greaterThan(VARIATION_MAX)) {
          suspects.push({
            chemin: ["version", "valeurs", ...cle],
            detail: `${apres} contre ${avant} dans la version du ${dateFr(reference.dateEffet)}${avant === 0 ? "" : ` (${pourcentage(avant, apres)})`}.`,
          });
        }
      }
      if (suspects.length > 0) {
        throw refus(
          "VARIATION_SUSPECTE",
          suspects,
          `${suspects.length === 1 ? "Une valeur varie" : `${suspects.length} valeurs varient`} de plus de 25 % par rapport à la version du ${dateFr(reference.dateEffet)} : ${suspects.map((s) => `${s.chemin.slice(2).join(".")} ${s.detail}`).join(" ; ")} Si c'est voulu, renvoyez la demande avec « confirmer_variation »: true.`,
        );
      }
    }
  }
  return { ...base, version: v.data };
}
