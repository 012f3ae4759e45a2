import { depuisSerieExcel, estDateISO, type DateISO } from "../../date.ts";
import { dateFr, type CatalogueBaremes } from "../../baremes/catalogue.ts";
import { estErreurLogsoc } from "../../errors.ts";
import { DESCRIPTIONS_MODELES, estTypeModele } from "../../modeles/index.ts";
import type { TypeModele } from "../../modeles/spec.ts";
import { CLES_META_EXERCICE, estTypeExercice, ROLES_EXERCICE, type RoleExercice } from "../../exercices/enonce.ts";
import { nombreMeta } from "../comparaison.ts";
import type { Constat } from "../constats.ts";
import { ContexteDossier } from "../contexte.ts";
import { dispositionDe, dispositions } from "../dispositions.ts";
import { catalogueConnuLe, instantGeneration } from "../connaissance.ts";
import type { LecteurClasseur } from "../lecteur.ts";
import type { MetaLue } from "../metadonnees.ts";
import { preparer, type Prepare } from "../preparation.ts";
import type { RapportAudit } from "../rapport.ts";
import { valeurLisible } from "../saisies.ts";

/**
 * Phase 1, the metadata: template type, version (→ layout, ./dispositions.ts), barème date, options,
 * exercise rows. From them the template is rebuilt; without them nothing else can be checked, and the
 * report says why (a « metadonnees » finding).
 */

/** The report of a dossier that cannot be checked against its template. */
export function rapportSansModele(message: string, meta: MetaLue | null, cellule: string | null = null): RapportAudit {
  const c: Constat = { genre: "metadonnees", feuille: meta?.feuille ?? null, cellule, attendu: null, trouve: null, message };
  return {
    feuilleMeta: meta?.feuille ?? null,
    modele: null,
    exercice: null,
    aCompleter: false,
    controles: [{ libelle: "Classeur issu d'un modèle LogSoc", statut: "erreur", feuille: c.feuille, cellule, detail: message, constats: 1 }],
    constats: [c],
    competences: [],
    valeursNonCalculees: 0,
    notes: ["Les calculs n'ont pas pu être contrôlés : le contrôle s'appuie sur le modèle dont le classeur est issu."],
    conforme: false,
  };
}

export const SANS_META =
  "Ce classeur n'a pas été créé à partir d'un modèle LogSoc : la feuille masquée de métadonnées « LogSoc_meta » est absente. Créez le dossier avec « logsoc modele » ou depuis le volet LogSoc, puis recopiez-y les saisies.";

function dateDesBaremes(meta: MetaLue): DateISO | null {
  const v = meta.lignes.get("date_baremes")?.valeur;
  const serie = nombreMeta(v);
  if (serie !== null) {
    try {
      return depuisSerieExcel(serie);
    } catch {
      return null;
    }
  }
  return typeof v === "string" && estDateISO(v.trim()) ? (v.trim() as DateISO) : null;
}

/** The dossier's context, or the report saying why its template cannot be rebuilt. */
export function lireEntete(lecteur: LecteurClasseur, meta: MetaLue, catalogue: CatalogueBaremes): ContexteDossier | RapportAudit {
  const ligne = (cle: string) => meta.lignes.get(cle);
  const typeLu = ligne("modele")?.valeur;
  if (typeof typeLu !== "string" || !estTypeModele(typeLu.trim())) {
    return rapportSansModele(
      typeLu === undefined || typeLu === null
        ? "Métadonnées altérées : le type de modèle (ligne « modele » de la feuille LogSoc_meta) est absent."
        : `Métadonnées altérées : type de modèle inconnu ${valeurLisible(typeLu)} (evaluation, cal, apurement ou competences attendu).`,
      meta,
      ligne("modele")?.ref ?? null,
    );
  }
  const type = typeLu.trim() as TypeModele;
  const versionLue = ligne("version")?.valeur;
  const version = typeof versionLue === "string" ? versionLue.trim() : typeof versionLue === "number" ? String(versionLue) : "";
  const disposition = dispositionDe(type, version);
  if (disposition === undefined) {
    return rapportSansModele(
      version === ""
        ? "Métadonnées altérées : la version du modèle (ligne « version » de la feuille LogSoc_meta) est absente."
        : `Version de modèle inconnue : « ${version} » pour le modèle ${type} (versions connues : ${dispositions(type).flatMap((d) => d.versions).join(", ")}). Mettez LogSoc à jour ou recréez le dossier avec le modèle actuel.`,
      meta,
      ligne("version")?.ref ?? null,
    );
  }
  const dateBaremes = dateDesBaremes(meta);
  if (dateBaremes === null) {
    return rapportSansModele("Métadonnées altérées : la date des barèmes (ligne « date_baremes » de la feuille LogSoc_meta) est absente ou n'est pas une date.", meta, ligne("date_baremes")?.ref ?? null);
  }
  const generation = instantGeneration(meta);
  if ("erreur" in generation) return rapportSansModele(generation.erreur, meta, generation.ref);
  // Recomputed with the barèmes as known when the dossier was generated (DESIGN §8).
  const catalogueAlors = generation.instant === null ? catalogue : catalogueConnuLe(catalogue, generation.instant);
  const options: Record<string, string | number> = {};
  for (const [cle, l] of meta.lignes) {
    const v = l.valeur;
    if (cle.startsWith("option.") && (typeof v === "string" || typeof v === "number")) options[cle.slice("option.".length)] = typeof v === "string" ? v.trim() : v;
  }

  // Exercise workbooks carry a few more rows.
  let exercice: ContexteDossier["exercice"] = null;
  const roleLu = ligne(CLES_META_EXERCICE.role)?.valeur;
  if (roleLu !== undefined && roleLu !== null) {
    const typeEx = ligne(CLES_META_EXERCICE.type)?.valeur;
    const graine = nombreMeta(ligne(CLES_META_EXERCICE.graine)?.valeur);
    if (typeof roleLu !== "string" || !(ROLES_EXERCICE as readonly string[]).includes(roleLu) || typeof typeEx !== "string" || !estTypeExercice(typeEx) || typeEx !== type || graine === null) {
      return rapportSansModele("Métadonnées altérées : les lignes « exercice.* » de la feuille LogSoc_meta sont incohérentes (type, rôle ou graine).", meta, ligne(CLES_META_EXERCICE.role)?.ref ?? null);
    }
    exercice = { type: typeEx, graine, role: roleLu as RoleExercice };
  }

  let p: Prepare;
  try {
    p = preparer(disposition, dateBaremes, options, exercice?.role ?? null, catalogueAlors);
  } catch (e) {
    const raison = estErreurLogsoc(e) || e instanceof Error ? e.message : String(e);
    return rapportSansModele(`Le modèle ne peut pas être reconstruit à partir des métadonnées (barèmes du ${dateFr(dateBaremes)}, options ${JSON.stringify(options)}) : ${raison}`, meta, ligne("date_baremes")?.ref ?? null);
  }
  const modele = { type, titre: DESCRIPTIONS_MODELES[type].titre, version, disposition: disposition.numero, dateBaremes, options };
  const ctx = new ContexteDossier(lecteur, meta, catalogueAlors, modele, exercice, p);
  if (catalogueAlors !== catalogue) ctx.connaissance = { instant: generation.instant!, aujourdhui: catalogue, disposition, options };
  return ctx;
}
