import { z } from "zod";
import { ErreurLogsoc } from "../errors.ts";
import { composantes, estDateISO, type DateISO } from "../date.ts";
import { PUBLICATION_INTEGREE, type Bareme, type VersionBareme } from "./schema.ts";
import { DEFINITIONS, IDS_BAREMES, idBareme, schemaBaremeDe, schemaVersionDe, type IdBareme, type ValeursDe } from "./definitions.ts";

/**
 * The catalogue: bundled, sourced data, with the versions published after release (stored by the
 * Worker, cached by the task pane) layered over it. Two times (DESIGN §8): a lookup takes the date the
 * law is applied (`dateEffet` ≤ date) and, optionally, the instant the answer is wanted "as known then"
 * (`connuLe`): only the publications made by that instant count, corrections and withdrawals included.
 * Nothing is ever changed in place: a correction is a new publication that `remplace` an earlier version.
 */

export type OrigineVersion = "integree" | "publiee";

/** Which version a correction or a withdrawal replaces: its date d'effet and when it was published. */
export interface ReferenceVersion {
  dateEffet: DateISO;
  publieLe: string;
}

export interface VersionEnCatalogue<V = unknown> extends VersionBareme<V> {
  /** `integree`: shipped with a release; `publiee`: published later through the API. */
  origine: OrigineVersion;
  publiePar?: string;
  /**
   * When LogSoc learned this version: the release date (AAAA-MM-JJ) for a bundled version, the
   * publication instant (ISO 8601, UTC) for a published one. Absent only for a published version given
   * without it (a test, an old task-pane cache): it then counts as always known.
   */
  publieLe?: string;
  /** A correction: the version it replaces, and why. */
  remplace?: ReferenceVersion;
  motif?: string;
}

export interface BaremeEnCatalogue<V = unknown> extends Omit<Bareme<V>, "versions"> {
  /** Sorted by date d'effet, strictly increasing: the versions known at the instant asked (all by default). */
  versions: readonly VersionEnCatalogue<V>[];
}

/** What a later publication did to a version: replaced it by a correction, or withdrew it. */
export interface Remplacement {
  nature: "correction" | "retrait";
  publieLe?: string;
  publiePar?: string;
  motif: string;
  /** The correcting version's date d'effet (a correction may also move the date). */
  dateEffet?: DateISO;
}

/** One publication of a scale's history, in the order LogSoc learned them. */
export interface Publication<V = unknown> {
  nature: "version" | "correction" | "retrait";
  origine: OrigineVersion;
  publieLe?: string;
  publiePar?: string;
  /** Absent for a withdrawal. */
  version?: VersionEnCatalogue<V>;
  /** Corrections and withdrawals: the version concerned and why. */
  remplace?: ReferenceVersion;
  motif?: string;
  /** Set when a later publication corrected or withdrew this version. */
  remplaceePar?: Remplacement;
}

/**
 * A publication made after release: the scale's id, the version as its schema (`schemaVersionDe`)
 * accepts it, who published it when; a correction also names the version it `remplace` (its date
 * d'effet, or its date d'effet and publication instant) with a `motif`; a withdrawal has `retire: true`
 * and no version.
 */
export interface VersionPubliee {
  bareme: string;
  version?: unknown;
  publiePar?: string;
  publieLe?: string;
  remplace?: string | ReferenceVersion;
  motif?: string;
  retire?: boolean;
}

export interface OptionsCatalogue {
  /**
   * A published version dated like an existing one: `erreur` (default) refuses it, which is what the Worker
   * wants before storing; `garder_integree` keeps the bundled version, for a task-pane cache that a newer
   * release has caught up with (a correction whose target a newer release no longer has is skipped too).
   */
  siConflit?: "erreur" | "garder_integree";
}

export interface CatalogueBaremes {
  /** Every scale with its versions as known at `connuLe` (an instant or a date, see `instantConnaissance`; default: everything). */
  liste(connuLe?: string): readonly BaremeEnCatalogue[];
  bareme<K extends IdBareme>(id: K, connuLe?: string): BaremeEnCatalogue<ValeursDe<K>>;
  bareme(id: string, connuLe?: string): BaremeEnCatalogue;
  versions<K extends IdBareme>(id: K, connuLe?: string): readonly VersionEnCatalogue<ValeursDe<K>>[];
  versions(id: string, connuLe?: string): readonly VersionEnCatalogue[];
  /** The latest version whose date d'effet is on or before `date` (AAAA-MM-JJ), among those known at `connuLe`. */
  enVigueur<K extends IdBareme>(id: K, date: string, connuLe?: string): VersionEnCatalogue<ValeursDe<K>>;
  enVigueur(id: string, date: string, connuLe?: string): VersionEnCatalogue;
  /** The version known today at exactly `dateEffet`, if any: publishing another one there without `remplace` is a conflict (HTTP 409). */
  versionExistante(id: string, dateEffet: string): VersionEnCatalogue | null;
  /** The version in force just before `dateEffet` (strictly), as known today, leaving out `sauf`: what a new version is compared with. */
  versionPrecedente(id: string, dateEffet: string, sauf?: ReferenceVersion): VersionEnCatalogue | null;
  /** Every publication of the scale, bundled ones first, in the order LogSoc learned them, with who replaced what. */
  historique(id: string): readonly Publication[];
}

/** « 2025-04-01 » → « 01/04/2025 », as French readers write a date. */
export function dateFr(d: string): string {
  if (!estDateISO(d)) return d;
  const { annee, mois, jour } = composantes(d);
  return `${String(jour).padStart(2, "0")}/${String(mois).padStart(2, "0")}/${annee}`;
}

/** « 2026-12-01T14:05:09.123Z » → « 01/12/2026 14:05 UTC »; a plain date → « 01/12/2026 ». */
export function instantFr(s: string): string {
  if (estDateISO(s)) return dateFr(s);
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(s);
  return m ? `${dateFr(m[1]!)} ${m[2]} UTC` : s;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant as a comparable ISO string (UTC, milliseconds). A date alone means, for `connu_le`, the end
 * of that day (« connu le 15/03/2026 » includes what was published that day); for a bundled version's
 * `publieLe`, its start. Anything else is DATE_INVALIDE naming `argument`.
 */
export function instantConnaissance(s: string, argument = "connu_le", jour: "debut" | "fin" = "fin"): string {
  if (estDateISO(s)) return `${s}T${jour === "fin" ? "23:59:59.999" : "00:00:00.000"}Z`;
  const d = INSTANT.test(s) ? new Date(s) : null;
  if (d === null || Number.isNaN(d.getTime()) || !estDateISO(s.slice(0, 10))) {
    throw new ErreurLogsoc("DATE_INVALIDE", `« ${s.slice(0, 40)} » n'est pas une date (AAAA-MM-JJ) ni un instant ISO 8601 (AAAA-MM-JJTHH:MM:SSZ) valide pour ${argument}.`, [argument]);
  }
  return d.toISOString();
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
    integres.set(id, { ...b, versions: b.versions.map((v) => ({ ...v, origine: "integree" as const, publieLe: v.publieLe ?? PUBLICATION_INTEGREE })) });
  }
  return integres;
}

// Parsed on first use: a computation that needs no barème (reste à vivre, taux d'effort) never pays for it.
let integres: Map<string, BaremeEnCatalogue> | undefined;
function INTEGRES(): Map<string, BaremeEnCatalogue> {
  integres ??= figer(baremesIntegres());
  return integres;
}

const METADONNEES_PUBLICATION = ["origine", "publiePar", "publieLe", "remplace", "motif"] as const;

/**
 * Validates one published version against its scale's schema; errors are French and name the failing field.
 * Publication metadata found inside `version` (a copy of an API answer) is set aside, not refused.
 */
export function validerVersionPubliee(p: VersionPubliee): { bareme: IdBareme; version: VersionEnCatalogue } {
  const id = idBareme(p.bareme);
  let brute = p.version;
  if (brute !== null && typeof brute === "object" && !Array.isArray(brute)) {
    const copie = { ...(brute as Record<string, unknown>) };
    for (const cle of METADONNEES_PUBLICATION) delete copie[cle];
    brute = copie;
  }
  const r = schemaVersionDe(id).safeParse(brute, { error: ERREURS_FR });
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

/** The instant a version or publication became known, comparable as a string; "" (always known) when unstated. */
function connueDepuis(publieLe: string | undefined, origine: OrigineVersion): string {
  if (publieLe === undefined) return "";
  try {
    return instantConnaissance(publieLe, "publieLe", origine === "integree" ? "debut" : "fin");
  } catch {
    return "";
  }
}

function memeVersion(v: VersionEnCatalogue, ref: ReferenceVersion): boolean {
  return v.dateEffet === ref.dateEffet && (v.publieLe ?? "") === ref.publieLe;
}

function reference(v: VersionEnCatalogue): ReferenceVersion {
  return { dateEffet: v.dateEffet, publieLe: v.publieLe ?? "" };
}

/** One scale's publications, in the order they were learned: bundled versions first, then published ones. */
interface Evenement {
  nature: "version" | "correction" | "retrait";
  connueDepuis: string;
  version?: VersionEnCatalogue;
  remplace?: string | ReferenceVersion;
  motif?: string;
  publiePar?: string;
  publieLe?: string;
  origine: OrigineVersion;
}

interface Etat {
  /** Known versions, sorted by date d'effet. */
  versions: VersionEnCatalogue[];
  historique: Publication[];
}

function conflit(id: string, existante: VersionEnCatalogue, dateEffet: string): ErreurLogsoc {
  return new ErreurLogsoc(
    "ENTREE_INVALIDE",
    `Le barème ${id} a déjà une version (${existante.origine === "integree" ? "intégrée" : "publiée"}) au ${dateFr(dateEffet)} : une version publiée ne remplace jamais une version existante sans le dire (« remplace » et « motif »).`,
    ["version", "dateEffet"],
  );
}

/**
 * Applies a scale's publications in the order they were learned, up to `jusqua` (an instant; all when
 * undefined). `strict`: a conflict or an unknown target is an error (the Worker checking before it
 * stores, or a fresh load); otherwise it is skipped (a view at an earlier instant cannot be stricter).
 */
function appliquer(id: string, evenements: readonly Evenement[], jusqua: string | undefined, strict: boolean, siConflit: "erreur" | "garder_integree"): Etat {
  const versions: VersionEnCatalogue[] = [];
  const historique: Publication[] = [];
  const publicationDe = new Map<VersionEnCatalogue, Publication>();
  const trouver = (ref: string | ReferenceVersion) =>
    versions.findIndex((v) => (typeof ref === "string" ? v.dateEffet === ref : memeVersion(v, ref)));
  for (const e of evenements) {
    if (jusqua !== undefined && e.connueDepuis > jusqua) continue;
    const pub: Publication = { nature: e.nature, origine: e.origine };
    if (e.publieLe !== undefined) pub.publieLe = e.publieLe;
    if (e.publiePar !== undefined) pub.publiePar = e.publiePar;
    let indexCible = -1;
    if (e.remplace !== undefined) {
      indexCible = trouver(e.remplace);
      if (indexCible < 0) {
        if (!strict || siConflit === "garder_integree") continue;
        const quand = typeof e.remplace === "string" ? "" : ` publiée le ${instantFr(e.remplace.publieLe)}`;
        const date = typeof e.remplace === "string" ? e.remplace : e.remplace.dateEffet;
        throw new ErreurLogsoc("ENTREE_INVALIDE", `Le barème ${id} n'a pas de version au ${dateFr(date)}${quand} à remplacer.`, ["remplace"]);
      }
      const cible = versions[indexCible]!;
      pub.remplace = reference(cible);
      pub.motif = e.motif ?? "";
    }
    if (e.version !== undefined) {
      const existante = versions.findIndex((v, i) => i !== indexCible && v.dateEffet === e.version!.dateEffet);
      if (existante >= 0) {
        if (strict && !(siConflit === "garder_integree" && versions[existante]!.origine === "integree")) throw conflit(id, versions[existante]!, e.version.dateEffet);
        continue;
      }
    }
    if (indexCible >= 0) {
      const cible = versions[indexCible]!;
      const remplacement: Remplacement = { nature: e.nature === "retrait" ? "retrait" : "correction", motif: e.motif ?? "" };
      if (e.publieLe !== undefined) remplacement.publieLe = e.publieLe;
      if (e.publiePar !== undefined) remplacement.publiePar = e.publiePar;
      if (e.version !== undefined) remplacement.dateEffet = e.version.dateEffet;
      const pubCible = publicationDe.get(cible);
      if (pubCible) pubCible.remplaceePar = remplacement;
      versions.splice(indexCible, 1);
    }
    if (e.version !== undefined) {
      const v: VersionEnCatalogue = pub.remplace ? { ...e.version, remplace: pub.remplace, motif: pub.motif! } : e.version;
      pub.version = v;
      publicationDe.set(v, pub);
      const i = versions.findIndex((x) => x.dateEffet > v.dateEffet);
      versions.splice(i < 0 ? versions.length : i, 0, v);
    }
    historique.push(pub);
  }
  return { versions, historique };
}

/**
 * A catalogue of the bundled scales with `publications` layered over them, applied in the order LogSoc
 * learned them (by `publieLe`, then in the order given). A version applies from its date d'effet; one
 * dated like a known version is a conflict unless it says which version it `remplace`.
 */
export function creerCatalogue(publications: readonly VersionPubliee[] = [], options: OptionsCatalogue = {}): CatalogueBaremes {
  const siConflit = options.siConflit ?? "erreur";
  let etat: { evenements: Map<string, Evenement[]>; tout: Map<string, { bareme: BaremeEnCatalogue; historique: readonly Publication[] }> } | undefined;
  const vues = new Map<string, Map<string, BaremeEnCatalogue>>();

  function charger() {
    if (etat) return etat;
    const evenements = new Map<string, Evenement[]>();
    for (const [id, b] of INTEGRES()) {
      evenements.set(
        id,
        b.versions.map((v) => ({ nature: "version" as const, connueDepuis: connueDepuis(v.publieLe, "integree"), version: v, origine: "integree" as const, publieLe: v.publieLe! })),
      );
    }
    const publiees = publications.map((p, ordre) => ({ ...evenementPublie(p), ordre }));
    publiees.sort((a, b) => (a.evenement.connueDepuis < b.evenement.connueDepuis ? -1 : a.evenement.connueDepuis > b.evenement.connueDepuis ? 1 : a.ordre - b.ordre));
    for (const { bareme, evenement } of publiees) evenements.get(bareme)!.push(evenement);
    const tout = new Map<string, { bareme: BaremeEnCatalogue; historique: readonly Publication[] }>();
    for (const [id, evs] of evenements) {
      const { versions, historique } = appliquer(id, evs, undefined, true, siConflit);
      tout.set(id, { bareme: figer({ ...INTEGRES().get(id)!, versions }), historique: figer(historique) });
    }
    etat = { evenements, tout };
    return etat;
  }
  // Publications are checked now, so that a bad one is refused where it is given, not at first use.
  if (publications.length > 0) charger();

  function bareme(id: string, connuLe?: string): BaremeEnCatalogue {
    const cle = idBareme(id);
    const e = charger();
    if (connuLe === undefined) return e.tout.get(cle)!.bareme;
    const instant = instantConnaissance(connuLe);
    let vue = vues.get(instant);
    if (!vue) {
      // Views at past instants are few (an audit asks one per dossier): keep the recent ones.
      if (vues.size >= 64) vues.delete(vues.keys().next().value!);
      vue = new Map();
      vues.set(instant, vue);
    }
    let b = vue.get(cle);
    if (!b) {
      const { versions } = appliquer(cle, e.evenements.get(cle)!, instant, false, siConflit);
      b = figer({ ...INTEGRES().get(cle)!, versions });
      vue.set(cle, b);
    }
    return b;
  }

  return {
    liste: (connuLe?: string) => IDS_BAREMES.map((id) => bareme(id, connuLe)),
    bareme,
    versions: (id: string, connuLe?: string) => bareme(id, connuLe).versions,
    enVigueur(id: string, date: string, connuLe?: string): VersionEnCatalogue {
      const b = bareme(id, connuLe);
      const jour = dateValide(date, "date");
      let retenue: VersionEnCatalogue | undefined;
      for (const v of b.versions) {
        if (v.dateEffet <= jour) retenue = v;
        else break;
      }
      if (!retenue) {
        const connue = connuLe === undefined ? "" : ` connue le ${instantFr(connuLe)}`;
        const premiere = b.versions[0];
        throw new ErreurLogsoc(
          "BAREME_NON_EN_VIGUEUR",
          premiere
            ? `Le barème « ${b.libelle} » (${b.id}) n'a aucune version${connue} en vigueur le ${dateFr(jour)} : sa première version${connue || " enregistrée"} s'applique à partir du ${dateFr(premiere.dateEffet)}.`
            : `Le barème « ${b.libelle} » (${b.id}) n'avait aucune version connue le ${instantFr(connuLe!)} : LogSoc connaît ses données intégrées depuis le ${dateFr(PUBLICATION_INTEGREE)}.`,
          [connuLe !== undefined && !premiere ? "connu_le" : "date"],
        );
      }
      return retenue;
    },
    versionExistante(id: string, dateEffet: string): VersionEnCatalogue | null {
      return bareme(id).versions.find((v) => v.dateEffet === dateEffet) ?? null;
    },
    versionPrecedente(id: string, dateEffet: string, sauf?: ReferenceVersion): VersionEnCatalogue | null {
      let retenue: VersionEnCatalogue | null = null;
      for (const v of bareme(id).versions) {
        if (v.dateEffet >= dateEffet) break;
        if (sauf === undefined || !memeVersion(v, sauf)) retenue = v;
      }
      return retenue;
    },
    historique: (id: string) => charger().tout.get(idBareme(id))!.historique,
  } as CatalogueBaremes;
}

function evenementPublie(p: VersionPubliee): { bareme: IdBareme; evenement: Evenement } {
  const bareme = idBareme(p.bareme);
  const base = { connueDepuis: connueDepuis(p.publieLe, "publiee"), origine: "publiee" as const, ...(p.publiePar !== undefined ? { publiePar: p.publiePar } : {}), ...(p.publieLe !== undefined ? { publieLe: p.publieLe } : {}) };
  if (p.remplace !== undefined && (p.motif === undefined || p.motif.trim() === "")) {
    throw new ErreurLogsoc("ARGUMENT_MANQUANT", `Une correction ou un retrait du barème ${bareme} doit donner son motif.`, ["motif"]);
  }
  if (p.retire === true) {
    if (p.remplace === undefined) throw new ErreurLogsoc("ARGUMENT_MANQUANT", `Un retrait du barème ${bareme} doit dire quelle version il retire (« remplace »).`, ["remplace"]);
    return { bareme, evenement: { ...base, nature: "retrait", remplace: p.remplace, motif: p.motif! } };
  }
  const { version } = validerVersionPubliee({ ...p, bareme });
  const evenement: Evenement = { ...base, nature: p.remplace === undefined ? "version" : "correction", version };
  if (p.remplace !== undefined) {
    evenement.remplace = p.remplace;
    evenement.motif = p.motif!;
  }
  return { bareme, evenement };
}

/** The catalogue of the bundled data only: what every computation uses unless an adapter supplies another. */
export const CATALOGUE: CatalogueBaremes = creerCatalogue();

/** The version of scale `id` in force on `date` in the bundled catalogue (as known at `connuLe`, everything by default). */
export function baremeAt<K extends IdBareme>(id: K, date: string, connuLe?: string): VersionEnCatalogue<ValeursDe<K>>;
export function baremeAt(id: string, date: string, connuLe?: string): VersionEnCatalogue;
export function baremeAt(id: string, date: string, connuLe?: string): VersionEnCatalogue {
  return CATALOGUE.enVigueur(id, date, connuLe);
}
