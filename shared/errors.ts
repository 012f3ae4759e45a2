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

/** Marks an ErreurLogsoc across copies of this module (the task pane's two scripts each bundle one). */
const MARQUE = Symbol.for("logsoc.ErreurLogsoc");

export class ErreurLogsoc extends Error {
  /** `instanceof` holds for an ErreurLogsoc of another bundle too: the pane's outils.js throws them to taskpane.js and back. */
  static override [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[MARQUE] === true;
  }

  readonly code: CodeErreur;
  /** Where the bad value sits: an argument name, then an index for a range cell. */
  readonly chemin: readonly (string | number)[];

  constructor(code: CodeErreur, message: string, chemin: readonly (string | number)[] = []) {
    super(message);
    this.name = "ErreurLogsoc";
    Object.defineProperty(this, MARQUE, { value: true });
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

/**
 * Excel shows a custom function's message with #VALUE! and #N/A only, and Excel on Mac cuts it near 255
 * characters: messages are written reason first, and what Excel receives is cut here, at a word, to 250.
 * The full message goes to the task pane, the CLI and the API.
 */
export const LONGUEUR_MAX_MESSAGE = 250;

export function messageExcel(message: string): string {
  if (message.length <= LONGUEUR_MAX_MESSAGE) return message;
  const coupe = message.slice(0, LONGUEUR_MAX_MESSAGE - 1);
  const espace = coupe.lastIndexOf(" ");
  return `${(espace > LONGUEUR_MAX_MESSAGE / 2 ? coupe.slice(0, espace) : coupe).replace(/[\s,;:]+$/, "")}…`;
}
