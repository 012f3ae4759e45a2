import type { Context } from "hono";
import { z } from "zod";
import { CODES_ERREUR, type CodeErreur, type ErreurLogsoc } from "../../shared/errors.ts";
import { erreurDepuisZod } from "../../shared/schemas.ts";
import type { RefusPublication } from "../../shared/baremes/publication.ts";

/**
 * RFC 9457 problem details. The set of codes is closed: the engine's domain codes (shared/errors.ts),
 * plus the few that only HTTP has. Each code has one status and one French title.
 */
export const CODES_HTTP = {
  JSON_INVALIDE: { status: 400, titre: "Le corps de la requête n'est pas un JSON valide" },
  CORPS_TROP_VOLUMINEUX: { status: 413, titre: "Le corps de la requête est trop volumineux" },
  TYPE_DE_CONTENU_NON_PRIS_EN_CHARGE: { status: 415, titre: "Type de contenu non pris en charge" },
  RESSOURCE_INTROUVABLE: { status: 404, titre: "Ressource introuvable" },
  METHODE_NON_AUTORISEE: { status: 405, titre: "Méthode non autorisée sur cette ressource" },
  AUTHENTIFICATION_REQUISE: { status: 401, titre: "Authentification requise" },
  ACCES_REFUSE: { status: 403, titre: "Accès refusé" },
  VERSION_EXISTANTE: { status: 409, titre: "Une version de ce barème existe déjà à cette date" },
  VERSION_INTROUVABLE: { status: 404, titre: "Version de barème à remplacer introuvable" },
  PUBLICATION_CONCURRENTE: { status: 409, titre: "Une autre publication de ce barème est passée entre-temps" },
  VARIATION_SUSPECTE: { status: 422, titre: "Variation de plus de 25 % à confirmer" },
  DATE_EFFET_INVALIDE: { status: 422, titre: "Date d'effet invraisemblable" },
  SOURCE_INVALIDE: { status: 400, titre: "Source de la version invalide" },
  ERREUR_INTERNE: { status: 500, titre: "Erreur interne du service" },
} as const satisfies Record<string, { status: number; titre: string }>;

export type CodeHttp = keyof typeof CODES_HTTP;
export type CodeProbleme = CodeErreur | CodeHttp;

/** Domain errors: bad shape or value → 400, well-formed but impossible to compute → 422, unknown reference → 404. */
const DOMAINE: Record<CodeErreur, { status: number; titre: string }> = {
  ENTREE_INVALIDE: { status: 400, titre: "Donnée invalide" },
  TEXTE_DANS_PLAGE: { status: 400, titre: "Texte dans une plage de nombres" },
  ARGUMENT_MANQUANT: { status: 400, titre: "Argument obligatoire manquant" },
  DATE_INVALIDE: { status: 400, titre: "Date invalide" },
  METHODE_INCONNUE: { status: 400, titre: "Méthode de calcul inconnue" },
  CODE_INCONNU: { status: 400, titre: "Code inconnu" },
  HORS_LIMITES: { status: 422, titre: "Valeur hors des limites admises" },
  DUREE_INSUFFISANTE: { status: 422, titre: "Durée insuffisante pour rembourser la dette" },
  TROP_D_ECHEANCES: { status: 422, titre: "Trop d'échéances" },
  DIVISION_PAR_ZERO: { status: 422, titre: "Division par zéro" },
  BAREME_INCONNU: { status: 404, titre: "Barème inconnu" },
  BAREME_NON_EN_VIGUEUR: { status: 404, titre: "Aucune version du barème en vigueur à cette date" },
  CLE_INCONNUE: { status: 404, titre: "Clé de barème inconnue" },
};

export function definitionProbleme(code: CodeProbleme): { status: number; titre: string } {
  return code in CODES_HTTP ? CODES_HTTP[code as CodeHttp] : DOMAINE[code as CodeErreur];
}

export const CODES_PROBLEME: readonly CodeProbleme[] = [...(Object.keys(CODES_ERREUR) as CodeErreur[]), ...(Object.keys(CODES_HTTP) as CodeHttp[])];

/** One failing field: a JSON Pointer into the body, or the name of a path or query parameter. */
export interface ErreurChamp {
  pointer?: string;
  parametre?: string;
  detail: string;
}

/** The problem+json body (RFC 9457), as the API sends it and OpenAPI documents it. */
export const ProblemeSchema = z.object({
  type: z.string().describe("URI du type de problème : urn:logsoc:probleme:<code>."),
  title: z.string().describe("Intitulé du problème, en français, fixe pour un code."),
  status: z.number().int(),
  detail: z.string().describe("Explication en français de ce cas précis."),
  instance: z.string().describe("Chemin de la requête (sans la chaîne de requête)."),
  code: z.enum(CODES_PROBLEME as [CodeProbleme, ...CodeProbleme[]]),
  errors: z
    .array(
      z.object({
        pointer: z.string().optional().describe("Pointeur JSON (RFC 6901) vers le champ fautif du corps."),
        parametre: z.string().optional().describe("Paramètre de chemin ou de requête fautif."),
        detail: z.string(),
      }),
    )
    .optional(),
  incident: z.string().optional().describe("Numéro d'incident d'une erreur interne, à communiquer au support."),
});
export type Probleme = z.output<typeof ProblemeSchema>;

/** An error a handler throws; `onError` turns it into problem+json. Its text never quotes secrets. */
export class ApiError extends Error {
  readonly code: CodeProbleme;
  readonly erreurs: ErreurChamp[] | undefined;
  readonly entetes: Record<string, string>;

  constructor(code: CodeProbleme, detail: string, erreurs?: ErreurChamp[], entetes: Record<string, string> = {}) {
    super(detail);
    this.name = "ApiError";
    this.code = code;
    this.erreurs = erreurs;
    this.entetes = entetes;
  }
}

function echapperPointeur(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointeur(chemin: readonly (string | number)[]): string {
  return chemin.map((s) => `/${echapperPointeur(s)}`).join("");
}

/**
 * Where an engine error points: the body for compute routes (a JSON Pointer), or a named parameter
 * (`date` of a query string, `id` of a path).
 */
export function depuisErreurLogsoc(e: ErreurLogsoc, lieu: "corps" | "parametre" = "corps"): ApiError {
  const champ: ErreurChamp =
    lieu === "corps" ? { pointer: pointeur(e.chemin), detail: e.message } : { parametre: String(e.chemin[0] ?? ""), detail: e.message };
  const erreurs = e.chemin.length > 0 ? [champ] : undefined;
  return new ApiError(e.code, e.message, erreurs);
}

/** At most this many failing fields are listed: enough to fix a request, never a copy of a huge body. */
const ERREURS_MAX = 20;

/**
 * The one place a zod failure becomes a problem: the engine's French message and code for the first
 * issue (shared/schemas.ts), and every failing field (up to 20) with its JSON Pointer or parameter name.
 */
export function depuisZod(erreur: z.ZodError, lieu: "corps" | "parametre" = "corps"): ApiError {
  const premiere = erreurDepuisZod(erreur);
  const erreurs = erreur.issues.slice(0, ERREURS_MAX).map((i): ErreurChamp => {
    const chemin = (i.code === "unrecognized_keys" ? [...i.path, i.keys[0]!] : i.path).map((p) => (typeof p === "number" ? p : String(p)));
    const detail = erreurDepuisZod({ issues: [i] } as z.ZodError).message;
    return lieu === "corps" ? { pointer: pointeur(chemin), detail } : { parametre: String(chemin[0] ?? ""), detail };
  });
  return new ApiError(premiere.code, premiere.message, erreurs);
}

/** A refused publication (shared/baremes/publication.ts): its own code, every failing field. */
export function depuisRefus(r: RefusPublication): ApiError {
  return new ApiError(r.code, r.message, r.champs.map((c) => ({ pointer: pointeur(c.chemin), detail: c.detail })));
}

export const TYPE_PROBLEME = (code: CodeProbleme) => `urn:logsoc:probleme:${code}`;

export function reponseProbleme(c: Context, erreur: ApiError, incident?: string): Response {
  const { status, titre } = definitionProbleme(erreur.code);
  const corps: Probleme = {
    type: TYPE_PROBLEME(erreur.code),
    title: titre,
    status,
    detail: erreur.message,
    instance: new URL(c.req.url).pathname,
    code: erreur.code,
    ...(erreur.erreurs ? { errors: erreur.erreurs } : {}),
    ...(incident ? { incident } : {}),
  };
  return new Response(JSON.stringify(corps), {
    status,
    headers: { "content-type": "application/problem+json; charset=utf-8", "cache-control": "no-store", ...erreur.entetes },
  });
}
