/**
 * The closed set of domain errors. Each code has a French message written for the adviser and one
 * Excel error, so every adapter (custom function, CLI, API) reports the same failure the same way.
 *
 * Which Excel error (docs/excel.md, « Erreurs ») : only #VALUE! and #N/A carry a message in Excel, so
 * every error whose reason the adviser needs (a limit, a plan that does not fit) is #VALUE!; #DIV/0! is
 * kept where a user expects it (ressources at 0 in a ratio), #N/A for a barème value not available.
 * A message starts with what is wrong and stays under 250 characters (Excel on Mac cuts near 255).
 */
export const CODES_ERREUR = {
  ENTREE_INVALIDE: "#VALUE!",
  TEXTE_DANS_PLAGE: "#VALUE!",
  ARGUMENT_MANQUANT: "#VALUE!",
  DATE_INVALIDE: "#VALUE!",
  METHODE_INCONNUE: "#VALUE!",
  CODE_INCONNU: "#VALUE!",
  HORS_LIMITES: "#VALUE!",
  DUREE_INSUFFISANTE: "#VALUE!",
  TROP_D_ECHEANCES: "#VALUE!",
  DIVISION_PAR_ZERO: "#DIV/0!",
  BAREME_INCONNU: "#N/A",
  BAREME_NON_EN_VIGUEUR: "#N/A",
  CLE_INCONNUE: "#N/A",
} as const;

export type CodeErreur = keyof typeof CODES_ERREUR;
export type ErreurExcel = (typeof CODES_ERREUR)[CodeErreur];

export class ErreurLogsoc extends Error {
  readonly code: CodeErreur;
  /** Where the bad value sits: an argument name, then an index for a range cell. */
  readonly chemin: readonly (string | number)[];

  constructor(code: CodeErreur, message: string, chemin: readonly (string | number)[] = []) {
    super(message);
    this.name = "ErreurLogsoc";
    this.code = code;
    this.chemin = chemin;
  }

  get erreurExcel(): ErreurExcel {
    return CODES_ERREUR[this.code];
  }
}

export function estErreurLogsoc(e: unknown): e is ErreurLogsoc {
  return e instanceof ErreurLogsoc;
}
