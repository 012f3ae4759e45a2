import { dec, type DecimalInput, type Montant } from "../money.ts";
import { statutLePlusFaible, type Statut } from "../baremes/schema.ts";
import type { VersionBareme } from "../baremes/schema.ts";
import { statutDeCle } from "../baremes/cle.ts";
import { dateFr } from "../baremes/catalogue.ts";
import type { BaremeEtape, Etape, Operation } from "./types.ts";
import { operandes } from "./verification.ts";

/**
 * The step recorder the engine functions take. The engine computes every figure as it always did and
 * hands each one, with the operation that produced it, to the recorder: the explanation is a record of
 * the computation, not a second one. Without an explanation asked for, the functions get SANS_TRACE,
 * which records nothing and costs one call.
 *
 * A reference (Ref) is the index of a step; SANS_TRACE returns -1, never read.
 */
export type Ref = number;

export interface DetailEtape {
  reference?: string;
  /** The engine computed this figure in cents (exact integer arithmetic): the step shows euros. */
  centimes?: boolean;
}

export interface Trace {
  readonly actif: boolean;
  /** A value given by the user. When the caller has linked `argument` to an earlier step, that step is reused. */
  entree(libelle: string, valeur: DecimalInput, unite: string, argument?: string, detail?: DetailEtape): Ref;
  constante(libelle: string, valeur: DecimalInput, unite: string, reference: string): Ref;
  bareme(libelle: string, valeur: Montant | number | string | boolean, unite: string, bareme: BaremeEtape, reference?: string): Ref;
  calcul(libelle: string, formule: string, valeur: DecimalInput, unite: string, operation: Operation, detail?: DetailEtape): Ref;
  /** The same recorder where the named arguments are the given earlier steps (a function called by another). */
  avec(liaisons: Readonly<Record<string, Ref>>): Trace;
  /** The last step recorded (-1 when none, or when nothing is recorded). */
  derniere(): Ref;
  /** Names a step (« mensualite »), for a caller that explains an intermediate figure of the function. */
  marquer(nom: string, ref: Ref): void;
}

class TraceNulle implements Trace {
  readonly actif = false;
  entree(): Ref {
    return -1;
  }
  constante(): Ref {
    return -1;
  }
  bareme(): Ref {
    return -1;
  }
  calcul(): Ref {
    return -1;
  }
  avec(): Trace {
    return this;
  }
  derniere(): Ref {
    return -1;
  }
  marquer(): void {}
}

export const SANS_TRACE: Trace = new TraceNulle();

/** JSON numbers: a Decimal with more digits than a double holds becomes the nearest double. */
function nombre(v: DecimalInput, detail?: DetailEtape): number {
  return detail?.centimes ? dec(v).dividedBy(100).toNumber() : dec(v).toNumber();
}

export class Traceur implements Trace {
  readonly actif = true;
  readonly etapes: Etape[];
  private readonly liaisons: Readonly<Record<string, Ref>>;
  /** Inputs already recorded, by argument name: a function called twice on the same input cites it once. */
  private readonly entrees: Map<string, Ref>;
  readonly marques: Map<string, Ref>;
  /** Barème values and constants already written: a value read twice (the RSA for one person…) is cited once. */
  private readonly lues: Map<string, Ref>;

  constructor(etapes: Etape[] = [], liaisons: Readonly<Record<string, Ref>> = {}, entrees = new Map<string, Ref>(), marques = new Map<string, Ref>(), lues = new Map<string, Ref>()) {
    this.etapes = etapes;
    this.liaisons = liaisons;
    this.entrees = entrees;
    this.marques = marques;
    this.lues = lues;
  }

  private unique(cle: string, ajouter: () => Ref): Ref {
    const deja = this.lues.get(cle);
    if (deja !== undefined) return deja;
    const ref = ajouter();
    this.lues.set(cle, ref);
    return ref;
  }

  private ajouter(e: Etape): Ref {
    this.etapes.push(e);
    return this.etapes.length - 1;
  }

  entree(libelle: string, valeur: DecimalInput, unite: string, argument?: string, detail?: DetailEtape): Ref {
    if (argument !== undefined && Object.hasOwn(this.liaisons, argument)) return this.liaisons[argument]!;
    const v = nombre(valeur, detail);
    const deja = argument === undefined ? undefined : this.entrees.get(argument);
    if (deja !== undefined && this.etapes[deja]!.valeur === v) return deja;
    const ref = this.ajouter({ libelle, formule: "donnée saisie", valeur: v, unite, operation: argument === undefined ? { type: "entree" } : { type: "entree", argument } });
    if (argument !== undefined) this.entrees.set(argument, ref);
    return ref;
  }

  constante(libelle: string, valeur: DecimalInput, unite: string, reference: string): Ref {
    return this.unique(`constante|${libelle}|${nombre(valeur)}|${unite}`, () => this.ajouterConstante(libelle, valeur, unite, reference));
  }

  private ajouterConstante(libelle: string, valeur: DecimalInput, unite: string, reference: string): Ref {
    return this.ajouter({ libelle, formule: "valeur fixée par la méthode", valeur: nombre(valeur), unite, reference, operation: { type: "constante" } });
  }

  bareme(libelle: string, valeur: Montant | number | string | boolean, unite: string, bareme: BaremeEtape, reference?: string): Ref {
    return this.unique(`bareme|${bareme.id}|${bareme.version}|${bareme.cle}`, () => this.ajouterBareme(libelle, valeur, unite, bareme, reference));
  }

  private ajouterBareme(libelle: string, valeur: Montant | number | string | boolean, unite: string, bareme: BaremeEtape, reference?: string): Ref {
    return this.ajouter({
      libelle,
      formule: `barème ${bareme.id}, clé ${bareme.cle}, version du ${dateFr(bareme.version)}`,
      // A Decimal becomes its number; a text or yes/no value read by BAREME stays as it is.
      valeur: typeof valeur === "object" ? valeur.toNumber() : valeur,
      unite,
      ...(reference !== undefined ? { reference } : {}),
      bareme,
      operation: { type: "bareme" },
    });
  }

  calcul(libelle: string, formule: string, valeur: DecimalInput, unite: string, operation: Operation, detail: DetailEtape = {}): Ref {
    return this.ajouter({ libelle, formule, valeur: nombre(valeur, detail), unite, ...(detail.reference !== undefined ? { reference: detail.reference } : {}), operation });
  }

  avec(liaisons: Readonly<Record<string, Ref>>): Trace {
    return new Traceur(this.etapes, { ...this.liaisons, ...liaisons }, this.entrees, this.marques, this.lues);
  }

  derniere(): Ref {
    return this.etapes.length - 1;
  }

  marquer(nom: string, ref: Ref): void {
    this.marques.set(nom, ref);
  }
}

/** What a step says of a barème value: its version, key, status (the cell's when it has its own) and source. */
export function baremeEtape(id: string, version: Pick<VersionBareme<unknown>, "dateEffet" | "statut" | "statutsCellules" | "source">, cle: string): BaremeEtape {
  return {
    id,
    version: version.dateEffet,
    cle,
    statut: statutDeCle(version, cle),
    source: `${version.source.texte} (${version.source.reference})`,
  };
}

/** The weakest status among the barème values the steps read; `officiel` when they read none. */
export function statutDesEtapes(etapes: readonly Etape[]): Statut {
  return etapes.reduce<Statut>((s, e) => (e.bareme ? statutLePlusFaible(s, e.bareme.statut) : s), "officiel");
}

/**
 * The explanation of an intermediate figure: the step `derniere` and only the steps it depends on, in
 * their order, renumbered (the operations' indices follow).
 */
export function extraire(etapes: readonly Etape[], derniere: Ref): Etape[] {
  const gardees = new Set<number>();
  const visiter = (i: number) => {
    if (gardees.has(i)) return;
    gardees.add(i);
    for (const j of operandes(etapes[i]!.operation)) visiter(j);
  };
  visiter(derniere);
  const ordre = [...gardees].sort((a, b) => a - b);
  const nouvel = new Map(ordre.map((ancien, i) => [ancien, i]));
  return ordre.map((i) => ({ ...etapes[i]!, operation: renumeroter(etapes[i]!.operation, (j) => nouvel.get(j)!) }));
}

function renumeroter(o: Operation, f: (i: number) => number): Operation {
  switch (o.type) {
    case "entree":
    case "constante":
    case "bareme":
      return o;
    case "somme":
    case "minimum":
    case "maximum":
      return { ...o, termes: o.termes.map(f) };
    case "produit":
      return { ...o, facteurs: o.facteurs.map(f) };
    case "difference":
      return { ...o, de: f(o.de), moins: f(o.moins) };
    case "quotient":
      return { ...o, dividende: f(o.dividende), diviseur: f(o.diviseur) };
    case "arrondi":
    case "reprise":
      return { ...o, de: f(o.de) };
  }
}

export type { Montant };
