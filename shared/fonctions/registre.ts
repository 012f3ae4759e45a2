import { ErreurLogsoc } from "../errors.ts";
import { aujourdhui } from "../date.ts";
import { coercer, type ValeurArgument, type ValeurBrute } from "./arguments.ts";
import { FONCTIONS_CALCUL } from "./calculs.ts";
import { FONCTIONS_BAREMES } from "./baremes.ts";
import { CATALOGUE } from "../baremes/catalogue.ts";
import type { ContexteCalcul, DefinitionFonction, Resultat } from "./types.ts";
import type { Trace } from "../explication/traceur.ts";

/** Every LOGSOC function, in the order Excel and `logsoc calc --help` list them. */
export const FONCTIONS: readonly DefinitionFonction[] = [...FONCTIONS_CALCUL, ...FONCTIONS_BAREMES];

/** Looks functions up by name or alias, as the CLI does (`logsoc calc UC` is UNITES_CONSOMMATION). */
export class Registre {
  readonly fonctions: readonly DefinitionFonction[];
  private readonly parNom: ReadonlyMap<string, DefinitionFonction>;

  constructor(fonctions: readonly DefinitionFonction[]) {
    this.fonctions = fonctions;
    const m = new Map<string, DefinitionFonction>();
    for (const f of fonctions) for (const n of [f.nom, ...(f.alias ?? [])]) {
      if (m.has(n)) throw new Error(`Nom de fonction LOGSOC en double : ${n}`);
      m.set(n, f);
    }
    this.parNom = m;
  }

  trouver(nom: string): DefinitionFonction {
    const f = this.parNom.get(nom) ?? this.parNom.get(nom.trim().toUpperCase().replace(/^LOGSOC\./, ""));
    if (!f) {
      throw new ErreurLogsoc("ENTREE_INVALIDE", `Fonction inconnue « ${nom} ». Fonctions disponibles : ${this.fonctions.map((x) => x.nom).join(", ")}.`, ["fonction"]);
    }
    return f;
  }
}

export const REGISTRE = new Registre(FONCTIONS);

export function trouverFonction(nom: string, registre: Registre = REGISTRE): DefinitionFonction {
  return registre.trouver(nom);
}

/** "Today" is read only by the functions that need it, so RAV and taux d'effort never pay for a clock. */
const CONTEXTE_PAR_DEFAUT: ContexteCalcul = {
  get aujourdhui() {
    return aujourdhui();
  },
  baremes: CATALOGUE,
};

function contexte(ctx?: Partial<ContexteCalcul>): ContexteCalcul {
  if (ctx === undefined) return CONTEXTE_PAR_DEFAUT;
  // Own properties shadow the defaults (a plain assignment would hit the getter-only `aujourdhui`);
  // an undefined field keeps its default.
  const c = Object.create(CONTEXTE_PAR_DEFAUT) as ContexteCalcul;
  for (const [cle, valeur] of Object.entries(ctx)) {
    if (valeur !== undefined) Object.defineProperty(c, cle, { value: valeur, enumerable: true });
  }
  return c;
}

/** Positional call, as Excel and the CLI make it: one raw value per argument, in order. */
export function evaluer(nom: string, valeurs: readonly ValeurBrute[], ctx?: Partial<ContexteCalcul>, registre: Registre = REGISTRE): Resultat {
  return evaluerDefinition(trouverFonction(nom, registre), valeurs, ctx);
}

/** Positional call of a definition already looked up (Excel's adapters hold theirs). */
export function evaluerDefinition(f: DefinitionFonction, valeurs: readonly ValeurBrute[], ctx?: Partial<ContexteCalcul>, trace?: Trace): Resultat {
  if (valeurs.length > f.arguments.length) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", `${f.nom} accepte au plus ${f.arguments.length} arguments (${valeurs.length} reçus).`, [f.nom]);
  }
  const args: Record<string, ValeurArgument> = {};
  for (let i = 0; i < f.arguments.length; i++) {
    const def = f.arguments[i]!;
    const v = coercer(def, valeurs[i]);
    if (v !== null) args[def.nom] = v;
  }
  return f.calculer(args, contexte(ctx), trace);
}

/** Named call, as the API makes it: keys are the Excel argument names; unknown keys are refused. */
export function evaluerObjet(nom: string, valeurs: Readonly<Record<string, ValeurBrute>>, ctx?: Partial<ContexteCalcul>, registre: Registre = REGISTRE): Resultat {
  return evaluerObjetAvec(trouverFonction(nom, registre), valeurs, ctx);
}

/** Named call of a given definition (the API routes hold theirs; a test registers a fixture function). */
export function evaluerObjetAvec(f: DefinitionFonction, valeurs: Readonly<Record<string, ValeurBrute>>, ctx?: Partial<ContexteCalcul>, trace?: Trace): Resultat {
  const inconnus = Object.keys(valeurs).filter((k) => !f.arguments.some((a) => a.nom === k));
  if (inconnus.length > 0) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", `Argument(s) inconnu(s) pour ${f.nom} : ${inconnus.join(", ")}. Attendus : ${f.arguments.map((a) => a.nom).join(", ")}.`, inconnus);
  }
  const args: Record<string, ValeurArgument> = {};
  for (const def of f.arguments) args[def.nom] = coercer(def, valeurs[def.nom]);
  return f.calculer(args, contexte(ctx), trace);
}
