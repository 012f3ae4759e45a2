import { z } from "zod";
import { ErreurLogsoc } from "../errors.ts";
import { composantes, estDateISO, type DateISO } from "../date.ts";
import type { Bareme, VersionBareme } from "./schema.ts";
import { DEFINITIONS, IDS_BAREMES, idBareme, schemaBaremeDe, schemaVersionDe, type IdBareme, type ValeursDe } from "./definitions.ts";

/**
 * The catalogue: bundled, sourced data, with the versions published after release (stored by the
 * Worker, cached by the task pane) layered over it. Lookups always take a date and return the version
 * in force that day; every version keeps where it came from.
 */

export type OrigineVersion = "integree" | "publiee";

export interface VersionEnCatalogue<V = unknown> extends VersionBareme<V> {
  /** `integree`: shipped with this release; `publiee`: published later through the API. */
  origine: OrigineVersion;
  publiePar?: string;
  publieLe?: string;
}

export interface BaremeEnCatalogue<V = unknown> extends Omit<Bareme<V>, "versions"> {
  /** Sorted by date d'effet, strictly increasing. */
  versions: readonly VersionEnCatalogue<V>[];
}

/** A version published after release: the scale's id, the version as its schema (`schemaVersionDe`) accepts it, and who published it when. */
export interface VersionPubliee {
  bareme: string;
  version: unknown;
  publiePar?: string;
  publieLe?: string;
}

export interface OptionsCatalogue {
  /**
   * A published version dated like an existing one: `erreur` (default) refuses it, which is what the Worker
   * wants before storing; `garder_integree` keeps the bundled version, for a task-pane cache that a newer
   * release has caught up with.
   */
  siConflit?: "erreur" | "garder_integree";
}

export interface CatalogueBaremes {
  liste(): readonly BaremeEnCatalogue[];
  bareme<K extends IdBareme>(id: K): BaremeEnCatalogue<ValeursDe<K>>;
  bareme(id: string): BaremeEnCatalogue;
  versions<K extends IdBareme>(id: K): readonly VersionEnCatalogue<ValeursDe<K>>[];
  versions(id: string): readonly VersionEnCatalogue[];
  /** The latest version whose date d'effet is on or before `date` (AAAA-MM-JJ). */
  enVigueur<K extends IdBareme>(id: K, date: string): VersionEnCatalogue<ValeursDe<K>>;
  enVigueur(id: string, date: string): VersionEnCatalogue;
  /** The version already dated `dateEffet` for that scale, if any: publishing another one there is a conflict (HTTP 409). */
  versionExistante(id: string, dateEffet: string): VersionEnCatalogue | null;
}

/** « 2025-04-01 » → « 01/04/2025 », as French readers write a date. */
export function dateFr(d: string): string {
  if (!estDateISO(d)) return d;
  const { annee, mois, jour } = composantes(d);
  return `${String(jour).padStart(2, "0")}/${String(mois).padStart(2, "0")}/${annee}`;
}

function figer<T>(valeur: T): T {
  if (valeur !== null && typeof valeur === "object" && !Object.isFrozen(valeur)) {
    for (const v of Object.values(valeur)) figer(v);
    Object.freeze(valeur);
  }
  return valeur;
}

const ERREURS_FR = z.locales.fr().localeError;

function cheminLisible(chemin: readonly PropertyKey[]): string {
  return chemin.length === 0 ? "(racine)" : chemin.map(String).join(".");
}

/** Every bundled scale, parsed with its schema once at load: a data error stops the program here, not in a family's file. */
function baremesIntegres(): Map<string, BaremeEnCatalogue> {
  const integres = new Map<string, BaremeEnCatalogue>();
  for (const id of IDS_BAREMES) {
    const donnees = DEFINITIONS[id].donnees;
    const r = schemaBaremeDe(id).safeParse(donnees, { error: ERREURS_FR });
    if (!r.success) {
      const i = r.error.issues[0]!;
      throw new Error(`Données du barème ${id} invalides : ${cheminLisible(i.path)} : ${i.message}`);
    }
    if (r.data.id !== id) throw new Error(`Le fichier du barème ${id} porte l'identifiant ${r.data.id}.`);
    const b = r.data as Bareme;
    integres.set(id, { ...b, versions: b.versions.map((v) => ({ ...v, origine: "integree" as const })) });
  }
  return integres;
}

// Parsed on first use: a computation that needs no barème (reste à vivre, taux d'effort) never pays for it.
let integres: Map<string, BaremeEnCatalogue> | undefined;
function INTEGRES(): Map<string, BaremeEnCatalogue> {
  integres ??= figer(baremesIntegres());
  return integres;
}

/** Validates one published version against its scale's schema; errors are French and name the failing field. */
export function validerVersionPubliee(p: VersionPubliee): { bareme: IdBareme; version: VersionEnCatalogue } {
  const id = idBareme(p.bareme);
  const r = schemaVersionDe(id).safeParse(p.version, { error: ERREURS_FR });
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ErreurLogsoc("ENTREE_INVALIDE", `Version publiée du barème ${id} invalide : ${cheminLisible(i.path)} : ${i.message}`, ["version", ...i.path.map((x) => (typeof x === "number" ? x : String(x)))]);
  }
  const version: VersionEnCatalogue = { ...(r.data as VersionBareme), origine: "publiee" };
  if (p.publiePar !== undefined) version.publiePar = p.publiePar;
  if (p.publieLe !== undefined) version.publieLe = p.publieLe;
  return { bareme: id, version };
}

function dateValide(date: string, argument: string): DateISO {
  if (!estDateISO(date)) {
    throw new ErreurLogsoc("DATE_INVALIDE", `« ${date} » n'est pas une date valide (format attendu AAAA-MM-JJ) pour ${argument}.`, [argument]);
  }
  return date;
}

/**
 * A catalogue of the bundled scales with `versionsPubliees` layered over them. A published version
 * applies from its date d'effet like any other; one dated like an existing version is a conflict.
 */
export function creerCatalogue(versionsPubliees: readonly VersionPubliee[] = [], options: OptionsCatalogue = {}): CatalogueBaremes {
  let etat: { parId: Map<string, BaremeEnCatalogue>; liste: BaremeEnCatalogue[] } | undefined;
  const charger = () => (etat ??= construire(versionsPubliees, options));
  // Published versions are checked now, so that a bad one is refused where it is given, not at first use.
  if (versionsPubliees.length > 0) charger();

  function bareme(id: string): BaremeEnCatalogue {
    return charger().parId.get(idBareme(id))!;
  }

  return {
    liste: () => charger().liste,
    bareme,
    versions: (id: string) => bareme(id).versions,
    enVigueur(id: string, date: string): VersionEnCatalogue {
      const b = bareme(id);
      const jour = dateValide(date, "date");
      let retenue: VersionEnCatalogue | undefined;
      for (const v of b.versions) {
        if (v.dateEffet <= jour) retenue = v;
        else break;
      }
      if (!retenue) {
        throw new ErreurLogsoc(
          "BAREME_NON_EN_VIGUEUR",
          `Le barème « ${b.libelle} » (${b.id}) n'a aucune version en vigueur le ${dateFr(jour)} : sa première version enregistrée s'applique à partir du ${dateFr(b.versions[0]!.dateEffet)}.`,
          ["date"],
        );
      }
      return retenue;
    },
    versionExistante(id: string, dateEffet: string): VersionEnCatalogue | null {
      return bareme(id).versions.find((v) => v.dateEffet === dateEffet) ?? null;
    },
  } as CatalogueBaremes;
}

function construire(versionsPubliees: readonly VersionPubliee[], options: OptionsCatalogue): { parId: Map<string, BaremeEnCatalogue>; liste: BaremeEnCatalogue[] } {
  const siConflit = options.siConflit ?? "erreur";
  const parId = new Map<string, BaremeEnCatalogue>(INTEGRES());
  if (versionsPubliees.length > 0) {
    const ajouts = new Map<IdBareme, VersionEnCatalogue[]>();
    for (const p of versionsPubliees) {
      const { bareme, version } = validerVersionPubliee(p);
      const existantes = [...parId.get(bareme)!.versions, ...(ajouts.get(bareme) ?? [])];
      const doublon = existantes.find((v) => v.dateEffet === version.dateEffet);
      if (doublon) {
        if (siConflit === "garder_integree" && doublon.origine === "integree") continue;
        throw new ErreurLogsoc(
          "ENTREE_INVALIDE",
          `Le barème ${bareme} a déjà une version (${doublon.origine === "integree" ? "intégrée" : "publiée"}) au ${dateFr(version.dateEffet)} : une version publiée ne remplace jamais une version existante.`,
          ["version", "dateEffet"],
        );
      }
      ajouts.set(bareme, [...(ajouts.get(bareme) ?? []), version]);
    }
    for (const [id, versions] of ajouts) {
      const b = parId.get(id)!;
      const toutes = [...b.versions, ...versions].sort((a, c) => (a.dateEffet < c.dateEffet ? -1 : 1));
      parId.set(id, figer({ ...b, versions: toutes }));
    }
  }
  return { parId, liste: IDS_BAREMES.map((id) => parId.get(id)!) };
}

/** The catalogue of the bundled data only: what every computation uses unless an adapter supplies another. */
export const CATALOGUE: CatalogueBaremes = creerCatalogue();

/** The version of scale `id` in force on `date` in the bundled catalogue. */
export function baremeAt<K extends IdBareme>(id: K, date: string): VersionEnCatalogue<ValeursDe<K>>;
export function baremeAt(id: string, date: string): VersionEnCatalogue;
export function baremeAt(id: string, date: string): VersionEnCatalogue {
  return CATALOGUE.enVigueur(id, date);
}
