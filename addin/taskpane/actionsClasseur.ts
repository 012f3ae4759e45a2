import { estDateISO, type DateISO } from "#shared/date.ts";
import { dateFr, LIBELLES_ZONE, ZONES, type CatalogueBaremes, type Zone } from "#shared/baremes/index.ts";
import { CANDIDATS_MAX } from "#shared/modeles/cal.ts";
import { DESCRIPTIONS_MODELES, estTypeModele, type OptionsModele, type SpecModele, type TypeModele } from "#shared/modeles/index.ts";
import { estTypeExercice, type RoleExercice, type TypeExercice } from "#shared/exercices/enonce.ts";
import { GRAINE_MAX } from "#shared/exercices/prng.ts";
import type { CompetenceExercee } from "#shared/exercices/index.ts";
import type { ResultatInsertionModele } from "../src/modeles/rendu.ts";
import type { ResultatControle } from "../src/audit/controle.ts";

/**
 * What the task pane's workbook actions (templates, dossier check, exercises) read from their forms and
 * say back, kept apart from the DOM and from office.js so that it can be tested in Node. Every message
 * is French; a bad entry gives `{ erreur }` and nothing is sent to Excel.
 */

export type Lecture<T> = T | { erreur: string };

export function estErreur<T extends object>(x: Lecture<T>): x is { erreur: string } {
  return "erreur" in x;
}

/** The raw values of the « Modèles » form. */
export interface SaisieModele {
  type: string;
  date: string;
  zone: string;
  candidats: string;
}

export interface DemandeModele {
  type: TypeModele;
  options: OptionsModele;
}

export function lireDate(texte: string, quoi: string): Lecture<{ date: DateISO }> {
  const t = texte.trim();
  if (t === "") return { erreur: `Indiquez ${quoi}.` };
  // Excel counts days from 1 March 1900 reliably (its 29 February 1900 does not exist).
  if (!estDateISO(t) || t < "1900-03-01" || t > "9999-12-31") return { erreur: `${quoi[0]!.toUpperCase()}${quoi.slice(1)} n'est pas une date valide.` };
  return { date: t };
}

/** Options of construireModele from the form: zone and candidates only for the CALEOL sheet. */
export function lireDemandeModele(s: SaisieModele, catalogue: CatalogueBaremes): Lecture<DemandeModele> {
  if (!estTypeModele(s.type)) return { erreur: "Choisissez un modèle." };
  const d = lireDate(s.date, "la date des barèmes");
  if (estErreur(d)) return d;
  const options: OptionsModele = { date: d.date, catalogue };
  if (s.type === "cal") {
    if (!(ZONES as readonly string[]).includes(s.zone)) return { erreur: "Choisissez la zone du logement." };
    const n = Number(s.candidats);
    if (!/^\d+$/.test(s.candidats.trim()) || n < 1 || n > CANDIDATS_MAX) return { erreur: `Le nombre de candidats doit être un entier de 1 à ${CANDIDATS_MAX}.` };
    options.zone = s.zone as Zone;
    options.candidats = n;
  }
  return { type: s.type, options };
}

/** The raw values of the « Exercices » form. */
export interface SaisieExercice {
  type: string;
  graine: string;
  date: string;
  role: string;
}

export interface DemandeExercice {
  type: TypeExercice;
  graine: number;
  date: DateISO;
  role: RoleExercice;
  catalogue: CatalogueBaremes;
}

export function lireDemandeExercice(s: SaisieExercice, catalogue: CatalogueBaremes): Lecture<DemandeExercice> {
  if (!estTypeExercice(s.type)) return { erreur: "Choisissez un type d'exercice." };
  const g = s.graine.trim();
  if (!/^\d{1,16}$/.test(g) || !Number.isSafeInteger(Number(g))) {
    return { erreur: `Le numéro de cas (graine) doit être un nombre entier de 0 à ${GRAINE_MAX.toLocaleString("fr-FR")}${g === "" ? "" : ` (saisi : « ${g} »)`}.` };
  }
  const d = lireDate(s.date, "la date du cas");
  if (estErreur(d)) return d;
  if (s.role !== "enonce" && s.role !== "corrige") return { erreur: "Choisissez l'énoncé ou le corrigé." };
  return { type: s.type, graine: Number(g), date: d.date, role: s.role, catalogue };
}

/** « Évaluation », « Barèmes » et « LogSoc_meta » (masquée) : the sheets an insertion created, in the template's order. */
export function feuillesCreees(r: Pick<ResultatInsertionModele, "feuilles" | "masquees">): string {
  const noms = Object.values(r.feuilles).map((nom) => `« ${nom} »${r.masquees.includes(nom) ? " (masquée)" : ""}`);
  return noms.length <= 1 ? noms.join("") : `${noms.slice(0, -1).join(", ")} et ${noms.at(-1)}`;
}

/** When the workbook already had the template's names (a second dossier), they were added to the new sheet. */
function nomsLocaux(r: Pick<ResultatInsertionModele, "noms">): string | null {
  const locaux = r.noms.filter((n) => n.portee === "feuille");
  if (locaux.length === 0) return null;
  const feuilles = [...new Set(locaux.map((n) => n.feuille))];
  return `Le classeur contenait déjà ${locaux.length > 1 ? "ces noms définis" : "ce nom défini"} (${locaux.map((n) => n.nom).join(", ")}) : ${locaux.length > 1 ? "ils sont propres" : "il est propre"} à la feuille ${feuilles.map((f) => `« ${f} »`).join(", ")}.`;
}

type Insertion = Pick<ResultatInsertionModele, "feuilles" | "noms" | "masquees">;

export function messageModele(spec: Pick<SpecModele, "id" | "titre" | "dateBaremes" | "options">, r: Insertion): string[] {
  const zone = LIBELLES_ZONE[spec.options.zone as Zone];
  const cal = spec.id === "cal" ? `, ${spec.options.candidats} candidat(s), zone « ${zone ?? spec.options.zone} »` : "";
  return [
    `Modèle « ${DESCRIPTIONS_MODELES[spec.id].titre} » inséré (barèmes en vigueur le ${dateFr(spec.dateBaremes)}${cal}) : feuilles créées ${feuillesCreees(r)}.`,
    nomsLocaux(r),
  ].filter((l): l is string => l !== null);
}

export function messageExercice(d: Pick<DemandeExercice, "type" | "graine" | "date" | "role">, r: Insertion): string[] {
  return [
    `Exercice « ${DESCRIPTIONS_MODELES[d.type].titre} », cas n° ${d.graine} du ${dateFr(d.date)}, ${d.role === "enonce" ? "énoncé" : "corrigé"} inséré : feuilles créées ${feuillesCreees(r)}.`,
    nomsLocaux(r),
  ].filter((l): l is string => l !== null);
}

/** « Activité 13 — … : libellé » for each skill the exercise practises. */
export function lignesCompetences(competences: readonly CompetenceExercee[]): string[] {
  return competences.map((c) => `${c.id} (activité ${c.activite.numero}) : ${c.libelle}`);
}

/**
 * The count line under the check's message. A workbook with no LogSoc dossier is audited as one
 * dossier whose finding is the missing metadata: no dossier was checked, one finding.
 */
export function resumeControle(r: Pick<ResultatControle, "dossiers" | "constats"> & { rapport: Pick<ResultatControle["rapport"], "classeurLogsoc"> }): string {
  if (!r.rapport.classeurLogsoc) return `Dossiers contrôlés : 0 · anomalies : ${r.constats}`;
  return `Dossiers contrôlés : ${r.dossiers} · anomalies : ${r.constats}`;
}

/** An error thrown while Excel worked, in French: ours already are, Excel's get a French lead. */
export function messageErreur(action: string, e: unknown): string {
  const texte = e instanceof Error ? e.message : String(e);
  return `${action} a échoué : ${texte}`;
}
