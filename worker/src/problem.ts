import type { Context } from "hono";
import { CODES_ERREUR, type CodeErreur, type ErreurLogsoc } from "../../shared/errors.ts";

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

export interface Probleme {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: CodeProbleme;
  errors?: ErreurChamp[];
  incident?: string;
}

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
