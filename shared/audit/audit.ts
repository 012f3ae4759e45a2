import { depuisSerieExcel, estDateISO, versSerieExcel, type DateISO } from "../date.ts";
import { CATALOGUE, dateFr, type CatalogueBaremes } from "../baremes/catalogue.ts";
import { LIBELLES_STATUT } from "../baremes/schema.ts";
import { estErreurLogsoc } from "../errors.ts";
import { formatEuros } from "../format.ts";
import { trouverCompetence } from "../referentiel/index.ts";
import { construireModele, DESCRIPTIONS_MODELES, estTypeModele } from "../modeles/index.ts";
import { refAbsolue, resoudreFormule } from "../modeles/formules.ts";
import type { SpecModele, TypeModele, ValeurCellule } from "../modeles/spec.ts";
import { CLES_META_EXERCICE, estTypeExercice, ROLES_EXERCICE, specEnonce, type RoleExercice, type TypeExercice } from "../exercices/enonce.ts";
import { comparerConstats, type Constat, type GenreConstat, type ValeurConstat } from "./constats.ts";
import { memesFormules, referenceNom } from "./formules.ts";
import { estErreurExcel, estVide, type CelluleLue, type LecteurClasseur, type ValeurLue } from "./lecteur.ts";
import { lireMetas, type MetaLue } from "./metadonnees.ts";
import { attenduLisible, saisiesDepuis, valeurLisible, verifierSaisie, descriptionRegle } from "./saisies.ts";
import { indexSpec } from "./profils/commun.ts";
import { PROFILS } from "./profils/index.ts";
import { estErreurAttendue, type Attendu, type ProfilModele } from "./profils/types.ts";

/**
 * The dossier audit (issue 7): given a workbook made from a LogSoc template, rebuild the template from
 * its metadata (type, version, barème date, options), then check
 * - the metadata and the workbook names;
 * - every formula of the template is still there, unchanged (not replaced by a typed value);
 * - the « Barèmes » sheet holds the official values for its date, and that date covers the dossier's;
 * - every input meets the template's rule and the inputs are consistent (possible composition…);
 * - every figure the file shows equals what the engine computes from the file's own inputs.
 * And which skills of the referential the dossier evidences. Nothing is written: the audit only reads.
 */

/** How the Barèmes sheet writes a status that is not `officiel` (alone, or followed by its note in parentheses). */
const NON_OFFICIELS = [LIBELLES_STATUT.calcule, LIBELLES_STATUT.non_verifie, LIBELLES_STATUT.estimation];

export interface OptionsAudit {
  /** The catalogue the barèmes are checked against (the task pane passes the one with published versions). */
  catalogue?: CatalogueBaremes;
}

export type StatutControle = "ok" | "erreur" | "non_verifie";

/** One line of the report: one check, its outcome, where to look. */
export interface Controle {
  libelle: string;
  statut: StatutControle;
  feuille: string | null;
  cellule: string | null;
  attendu?: ValeurConstat;
  trouve?: ValeurConstat;
  /** French: what was checked, or what is wrong. */
  detail: string;
  /** Findings behind an « erreur ». */
  constats: number;
}

export interface CompetenceDossier {
  id: string;
  libelle: string;
  activite: { numero: number; intitule: string };
  attestee: boolean;
  /** Why it is or is not evidenced, in French. */
  motif: string;
}

/** A workbook may hold several dossiers (the add-in inserts templates side by side): one report each. */
export interface RapportClasseur {
  /** False when the workbook was not made from a LogSoc template (no metadata sheet). */
  classeurLogsoc: boolean;
  dossiers: RapportAudit[];
  /** Findings over all dossiers. */
  constats: number;
  conforme: boolean;
}

/** The audit of one dossier: the sheets one template made, found through its metadata sheet. */
export interface RapportAudit {
  /** The dossier's metadata sheet (null when the workbook has none). */
  feuilleMeta: string | null;
  modele: { type: TypeModele; titre: string; version: string; dateBaremes: DateISO; options: Readonly<Record<string, string | number>> } | null;
  exercice: { type: TypeExercice; graine: number; role: RoleExercice } | null;
  controles: Controle[];
  constats: Constat[];
  /** Skills the dossier practises (exercise or template type) and whether it evidences each. */
  competences: CompetenceDossier[];
  /** Computed cells whose value the file does not hold (never opened in a spreadsheet): checked by their formula only. */
  valeursNonCalculees: number;
  notes: string[];
  conforme: boolean;
}

// ——— Preparation, cached: rebuilding a template costs more than checking a dossier ——————————————

interface Prepare {
  base: SpecModele;
  /** The template as the workbook should be: the exercise question when the metadata say so. */
  actif: SpecModele;
  profil: ProfilModele;
  /** Cells (cle!ref) the trainee answers in an exercise question. */
  reponses: ReadonlySet<string>;
  /** Expected formulas with the sheet names a workbook gave them, by those names. */
  formules: Map<string, Map<string, string>>;
}

const CACHE = new WeakMap<CatalogueBaremes, Map<string, Prepare>>();
const CACHE_MAX = 64;

function preparer(type: TypeModele, dateBaremes: DateISO, options: Record<string, string | number>, role: RoleExercice | null, catalogue: CatalogueBaremes): Prepare {
  let parCle = CACHE.get(catalogue);
  if (!parCle) CACHE.set(catalogue, (parCle = new Map()));
  const cle = JSON.stringify([type, dateBaremes, options, role]);
  const deja = parCle.get(cle);
  if (deja) return deja;
  const profil = PROFILS[type];
  const base = construireModele(type, {
    date: dateBaremes,
    catalogue,
    ...(options.candidats !== undefined ? { candidats: Number(options.candidats) } : {}),
    ...(options.zone !== undefined ? { zone: String(options.zone) as never } : {}),
  });
  const ids = role === "enonce" ? profil.reponses(base) : [];
  const actif = role === "enonce" ? specEnonce(base, ids, ids.filter((id) => id.endsWith(".sousPlafond"))) : base;
  const index = indexSpec(actif);
  const reponses = new Set(ids.map((id) => {
    const t = index.parId.get(id)!;
    return `${t.feuille.cle}!${t.cellule.ref}`;
  }));
  const p = { base, actif, profil, reponses, formules: new Map() };
  if (parCle.size >= CACHE_MAX) parCle.delete(parCle.keys().next().value!);
  parCle.set(cle, p);
  return p;
}

// ——— Helpers ——————————————————————————————————————————————————————————————————————————————————

const TOLERANCE = { montant: 0.01, ratio: 0.0001, nombre: 0, date: 0, texte: 0 } as const;
const EPSILON = 1e-9;

function enConstat(v: ValeurLue | undefined): ValeurConstat {
  if (v === undefined || v === null) return null;
  if (estErreurExcel(v)) return v.erreur;
  return v;
}

function valeurCellule(v: ValeurCellule, noms: Readonly<Record<string, string>>): number | string | boolean {
  if (typeof v !== "object") return v;
  return "date" in v ? versSerieExcel(v.date) : (noms[v.nomFeuille] ?? v.nomFeuille);
}

function memeConstante(attendu: number | string | boolean, trouve: ValeurLue | undefined): boolean {
  if (typeof attendu === "number") return typeof trouve === "number" && Math.abs(trouve - attendu) <= EPSILON * Math.max(1, Math.abs(attendu));
  if (typeof attendu === "string") return typeof trouve === "string" && trouve.replace(/\s+/g, " ").trim() === attendu.replace(/\s+/g, " ").trim();
  return trouve === attendu;
}

function formatDe(spec: SpecModele, cle: string, ref: string): string | undefined {
  return indexSpec(spec).parPosition.get(`${cle}!${ref}`)?.cellule.format;
}

/** Whether what the cell shows matches the expected value, within the tolerance of its nature. */
function conforme(a: Attendu, v: ValeurLue): boolean {
  const att = a.valeur;
  if (att === null) return estVide(v);
  if (estErreurAttendue(att)) return estErreurExcel(v);
  if (typeof att === "number") {
    if (typeof v !== "number") return false;
    const tolerance = TOLERANCE[a.nature];
    if (a.nature === "date") return Math.floor(v) === att;
    return Math.abs(v - att) <= tolerance + EPSILON * Math.max(1, Math.abs(att));
  }
  return typeof v === "string" && v.trim().toLowerCase() === att.trim().toLowerCase();
}

function nombreMeta(v: ValeurLue | undefined): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(v)) return Number(v.replace(",", "."));
  return null;
}

// ——— The audit ————————————————————————————————————————————————————————————————————————————————

export function auditerClasseur(lecteur: LecteurClasseur, options: OptionsAudit = {}): RapportClasseur {
  const metas = lireMetas(lecteur);
  const dossiers = metas.length === 0 ? [auditerDossier(lecteur, null, options)] : metas.map((m) => auditerDossier(lecteur, m, options));
  const constats = dossiers.reduce((n, d) => n + d.constats.length, 0);
  return { classeurLogsoc: metas.length > 0, dossiers, constats, conforme: constats === 0 };
}

/** Audits the dossier whose metadata sheet is `meta` (null: the workbook is no LogSoc dossier). */
export function auditerDossier(lecteur: LecteurClasseur, meta: MetaLue | null, options: OptionsAudit = {}): RapportAudit {
  const catalogue = options.catalogue ?? CATALOGUE;
  const constats: Constat[] = [];
  const controles: Controle[] = [];
  const notes: string[] = [];
  const ordreFeuilles = lecteur.feuilles().map((f) => f.nom);
  const rapportSansModele = (message: string, meta: MetaLue | null, cellule: string | null = null): RapportAudit => {
    const c: Constat = { genre: "metadonnees", feuille: meta?.feuille ?? null, cellule, attendu: null, trouve: null, message };
    return {
      feuilleMeta: meta?.feuille ?? null,
      modele: null,
      exercice: null,
      controles: [{ libelle: "Classeur issu d'un modèle LogSoc", statut: "erreur", feuille: c.feuille, cellule, detail: message, constats: 1 }],
      constats: [c],
      competences: [],
      valeursNonCalculees: 0,
      notes: ["Les calculs n'ont pas pu être contrôlés : le contrôle s'appuie sur le modèle dont le classeur est issu."],
      conforme: false,
    };
  };

  // ——— Metadata ———
  if (meta === null) {
    return rapportSansModele(
      "Ce classeur n'a pas été créé à partir d'un modèle LogSoc : la feuille masquée de métadonnées « LogSoc_meta » est absente. Créez le dossier avec « logsoc modele » ou depuis le volet LogSoc, puis recopiez-y les saisies.",
      null,
    );
  }
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
  const profil = PROFILS[type];
  const versionLue = ligne("version")?.valeur;
  const version = typeof versionLue === "string" ? versionLue.trim() : typeof versionLue === "number" ? String(versionLue) : "";
  if (!profil.versions.includes(version)) {
    return rapportSansModele(
      version === ""
        ? "Métadonnées altérées : la version du modèle (ligne « version » de la feuille LogSoc_meta) est absente."
        : `Version de modèle inconnue : « ${version} » pour le modèle ${type} (versions connues : ${profil.versions.join(", ")}). Mettez LogSoc à jour ou recréez le dossier avec le modèle actuel.`,
      meta,
      ligne("version")?.ref ?? null,
    );
  }
  const serieBaremes = nombreMeta(ligne("date_baremes")?.valeur);
  let dateBaremes: DateISO | null = null;
  if (serieBaremes !== null) {
    try {
      dateBaremes = depuisSerieExcel(serieBaremes);
    } catch {
      dateBaremes = null;
    }
  } else {
    const t = ligne("date_baremes")?.valeur;
    if (typeof t === "string" && estDateISO(t.trim())) dateBaremes = t.trim() as DateISO;
  }
  if (dateBaremes === null) {
    return rapportSansModele("Métadonnées altérées : la date des barèmes (ligne « date_baremes » de la feuille LogSoc_meta) est absente ou n'est pas une date.", meta, ligne("date_baremes")?.ref ?? null);
  }
  const optionsModele: Record<string, string | number> = {};
  for (const [cle, l] of meta.lignes) {
    if (!cle.startsWith("option.")) continue;
    const v = l.valeur;
    if (typeof v === "string" || typeof v === "number") optionsModele[cle.slice("option.".length)] = typeof v === "string" ? v.trim() : v;
  }

  // Exercise workbooks carry a few more rows.
  let exercice: RapportAudit["exercice"] = null;
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
    p = preparer(type, dateBaremes, optionsModele, exercice?.role ?? null, catalogue);
  } catch (e) {
    const raison = estErreurLogsoc(e) ? e.message : e instanceof Error ? e.message : String(e);
    return rapportSansModele(`Le modèle ne peut pas être reconstruit à partir des métadonnées (barèmes du ${dateFr(dateBaremes)}, options ${JSON.stringify(optionsModele)}) : ${raison}`, meta, ligne("date_baremes")?.ref ?? null);
  }
  const { base, actif, reponses } = p;
  const modele = { type, titre: DESCRIPTIONS_MODELES[type].titre, version, dateBaremes, options: optionsModele };

  const ajouter = (c: Constat) => constats.push(c);
  const nbAvant = () => constats.length;

  // ——— Sheets: the names they really got are in the metadata ———
  const debutMeta = nbAvant();
  const noms: Record<string, string> = {};
  const presentes = new Set(ordreFeuilles);
  const feuillesAbsentes = new Set<string>();
  for (const f of actif.feuilles) {
    const l = ligne(`feuille.${f.cle}`);
    const nom = f.cle === "meta" ? meta.feuille : typeof l?.valeur === "string" && l.valeur !== "" ? l.valeur : f.nom;
    noms[f.cle] = nom;
    if (!presentes.has(nom)) {
      feuillesAbsentes.add(f.cle);
      ajouter({ genre: "metadonnees", feuille: meta.feuille, cellule: l?.ref ?? null, attendu: nom, trouve: null, message: `La feuille « ${nom} » du modèle est absente du classeur : elle a été supprimée ou renommée.` });
    }
  }
  const generateur = ligne("generateur")?.valeur;
  if (generateur !== "LogSoc") {
    ajouter({ genre: "metadonnees", feuille: meta.feuille, cellule: ligne("generateur")?.ref ?? null, attendu: "LogSoc", trouve: enConstat(generateur), message: "Métadonnées altérées : la ligne « generateur » ne vaut plus « LogSoc »." });
  }
  const feuilleMeta = actif.feuilles.find((f) => f.cle === "meta");
  for (const c of feuilleMeta?.cellules ?? []) {
    if (c.valeur === undefined || !/^B\d+$/.test(c.ref)) continue;
    const attendu = valeurCellule(c.valeur, noms);
    const lu = lecteur.cellule(meta.feuille, c.ref)?.valeur;
    if (!memeConstante(attendu, lu)) {
      const cleLigne = feuilleMeta!.cellules.find((x) => x.ref === `A${c.ref.slice(1)}`)?.valeur;
      ajouter({ genre: "metadonnees", feuille: meta.feuille, cellule: c.ref, attendu, trouve: enConstat(lu), message: `Métadonnées altérées : la ligne « ${String(cleLigne)} » vaut ${valeurLisible(lu, c.format)} au lieu de ${valeurLisible(attendu, c.format)}.` });
    }
  }
  const nomsClasseur = new Map([...lecteur.nomsDefinis()].map(([n, r]) => [n.toUpperCase(), r]));
  for (const n of actif.noms) {
    const nomFeuille = noms[n.feuille]!;
    const attendu = `'${nomFeuille.replace(/'/g, "''")}'!${refAbsolue(n.ref)}`;
    const designe = (texte: string | undefined) => {
      const r = texte === undefined ? null : referenceNom(texte);
      return r !== null && r.feuille.toLowerCase() === nomFeuille.toLowerCase() && r.ref === n.ref;
    };
    // A second dossier in the same workbook gets its names on its own sheet (the add-in's renderer).
    const local = [...lecteur.nomsDeFeuille(nomFeuille)].find(([x]) => x.toUpperCase() === n.nom)?.[1];
    const global = nomsClasseur.get(n.nom);
    if (designe(global) || designe(local)) continue;
    const lu = local ?? global;
    ajouter(
      lu === undefined
        ? { genre: "metadonnees", feuille: nomFeuille, cellule: n.ref, attendu, trouve: null, message: `Le nom défini ${n.nom} (${n.description.replace(/\.$/, "")}) est absent du classeur.` }
        : { genre: "metadonnees", feuille: nomFeuille, cellule: n.ref, attendu, trouve: lu, message: `Le nom défini ${n.nom} désigne ${lu} au lieu de ${attendu} : les classeurs et partenaires qui s'y fient lisent une autre cellule.` },
    );
  }
  controles.push({
    libelle: `Classeur LogSoc : ${modele.titre}, version ${version}, barèmes du ${dateFr(dateBaremes)}${exercice ? ` (exercice, graine ${exercice.graine}, ${exercice.role === "enonce" ? "énoncé" : "corrigé"})` : ""}`,
    statut: constats.length > debutMeta ? "erreur" : "ok",
    feuille: meta.feuille,
    cellule: "B3",
    detail: constats.length > debutMeta ? "Métadonnées, feuilles ou noms définis altérés." : "Métadonnées, feuilles et noms définis conformes au modèle.",
    constats: constats.length - debutMeta,
  });

  const lire = (cle: string, ref: string): CelluleLue | undefined => (feuillesAbsentes.has(cle) ? undefined : lecteur.cellule(noms[cle]!, ref));

  // ——— Formulas ———
  const cleNoms = JSON.stringify(noms);
  let resolues = p.formules.get(cleNoms);
  if (!resolues) {
    if (p.formules.size >= 8) p.formules.clear();
    p.formules.set(cleNoms, (resolues = new Map()));
  }
  const formuleAttendue = (cle: string, formule: string) => {
    let r = resolues!.get(cle);
    if (r === undefined) resolues!.set(cle, (r = resoudreFormule(formule, noms)));
    return r;
  };
  const celluleConstat = new Map<string, GenreConstat[]>();
  const marquer = (cle: string, ref: string, g: GenreConstat) => {
    const k = `${cle}!${ref}`;
    celluleConstat.set(k, [...(celluleConstat.get(k) ?? []), g]);
  };
  for (const f of actif.feuilles) {
    if (f.cle === "meta" || feuillesAbsentes.has(f.cle)) continue;
    const debut = nbAvant();
    let n = 0;
    let premiere: string | null = null;
    for (const c of f.cellules) {
      if (c.formule === undefined || reponses.has(`${f.cle}!${c.ref}`)) continue;
      n++;
      const attendue = formuleAttendue(`${f.cle}!${c.ref}`, c.formule);
      const lu = lire(f.cle, c.ref);
      if (lu?.formule === undefined) {
        premiere ??= c.ref;
        marquer(f.cle, c.ref, "formule_remplacee");
        ajouter({
          genre: "formule_remplacee",
          feuille: noms[f.cle]!,
          cellule: c.ref,
          ...(c.id !== undefined ? { id: c.id } : {}),
          attendu: `=${attendue}`,
          trouve: enConstat(lu?.valeur),
          message:
            lu === undefined || estVide(lu.valeur)
              ? `La formule du modèle a été effacée (=${attendue}).`
              : `Valeur saisie à la place de la formule du modèle : la cellule affiche ${valeurLisible(lu.valeur, c.format)} mais ne se recalcule plus quand les saisies changent (formule attendue : =${attendue}).`,
        });
      } else if (!memesFormules(lu.formule, attendue)) {
        premiere ??= c.ref;
        marquer(f.cle, c.ref, "formule_modifiee");
        ajouter({
          genre: "formule_modifiee",
          feuille: noms[f.cle]!,
          cellule: c.ref,
          ...(c.id !== undefined ? { id: c.id } : {}),
          attendu: `=${attendue}`,
          trouve: `=${lu.formule}`,
          message: `Formule modifiée : =${lu.formule} au lieu de la formule du modèle =${attendue}.`,
        });
      }
    }
    if (n === 0) continue;
    const k = constats.length - debut;
    controles.push({
      libelle: `Formules de la feuille « ${noms[f.cle]} »`,
      statut: k > 0 ? "erreur" : "ok",
      feuille: noms[f.cle]!,
      cellule: premiere,
      detail: k > 0 ? `${k} formule(s) sur ${n} remplacée(s) ou modifiée(s).` : `${n} formule(s) identique(s) au modèle.`,
      constats: k,
    });
  }

  // ——— Barèmes: the official values on the workbook's date ———
  const feuilleBaremes = actif.feuilles.find((f) => f.cle === "baremes");
  if (feuilleBaremes && !feuillesAbsentes.has("baremes")) {
    const debut = nbAvant();
    let premiere: string | null = null;
    let n = 0;
    for (const c of feuilleBaremes.cellules) {
      if (c.valeur === undefined) continue;
      n++;
      const attendu = valeurCellule(c.valeur, noms);
      const lu = lire("baremes", c.ref);
      if (memeConstante(attendu, lu?.valeur)) continue;
      premiere ??= c.ref;
      const dateEnTete = c.id === "baremes.date" || c.id === "baremes.debut" || c.id === "baremes.fin";
      const libelle = feuilleBaremes.cellules.find((x) => x.ref === `A${c.ref.replace(/^[A-Z]+/, "")}`)?.valeur;
      ajouter({
        genre: dateEnTete ? "bareme_date" : "bareme_valeur",
        feuille: noms.baremes!,
        cellule: c.ref,
        ...(c.id !== undefined ? { id: c.id } : {}),
        attendu,
        trouve: enConstat(lu?.valeur),
        message: dateEnTete
          ? `La feuille Barèmes indique ${valeurLisible(lu?.valeur, c.format)} au lieu de ${valeurLisible(attendu, c.format)} (${typeof libelle === "string" ? libelle.toLowerCase() : "date"}) : elle ne correspond plus à la date des barèmes du classeur (${dateFr(dateBaremes)}).`
          : typeof attendu === "number"
            ? `Valeur de barème modifiée${typeof libelle === "string" ? ` (« ${libelle} »)` : ""} : ${valeurLisible(lu?.valeur, c.format)} au lieu de la valeur officielle en vigueur le ${dateFr(dateBaremes)}, ${valeurLisible(attendu, c.format)}.`
            : `Texte de la feuille Barèmes modifié : ${valeurLisible(lu?.valeur)} au lieu de ${valeurLisible(attendu)} (date d'effet, statut et source doivent rester ceux du barème officiel).`,
      });
    }
    const k = constats.length - debut;
    controles.push({
      // « officielles » only when every status on the sheet says so (DESIGN §2.8: never an estimate presented as official).
      libelle: feuilleBaremes.cellules.some((c) => typeof c.valeur === "string" && NON_OFFICIELS.some((l) => c.valeur === l || (c.valeur as string).startsWith(`${l} (`)))
        ? `Barèmes : valeurs en vigueur le ${dateFr(dateBaremes)}, dont des valeurs non officielles (voir leur statut)`
        : `Barèmes : valeurs officielles en vigueur le ${dateFr(dateBaremes)}`,
      statut: k > 0 ? "erreur" : "ok",
      feuille: noms.baremes!,
      cellule: premiere ?? "B2",
      detail: k > 0 ? `${k} valeur(s) de la feuille Barèmes diffèrent du barème officiel.` : `${n} valeur(s), dates d'effet et sources conformes au catalogue des barèmes.`,
      constats: k,
    });
  }

  // ——— Inputs ———
  const parIdBase = indexSpec(base).parId;
  const lireId = (id: string): ValeurLue | undefined => {
    const t = parIdBase.get(id);
    if (!t) return null;
    const lu = lire(t.feuille.cle, t.cellule.ref);
    return lu === undefined ? null : lu.valeur;
  };
  const saisies = saisiesDepuis(lireId);
  const debutSaisies = nbAvant();
  let nbSaisies = 0;
  let premiereSaisie: string | null = null;
  {
    for (const f of base.feuilles) {
      if (feuillesAbsentes.has(f.cle)) continue;
      for (const c of f.cellules) {
        if (!c.saisie) continue;
        const lu = lire(f.cle, c.ref);
        if (lu !== undefined && !estVide(lu.valeur)) nbSaisies++;
        const raison = verifierSaisie(c, lu?.valeur);
        if (raison === null) continue;
        premiereSaisie ??= c.ref;
        marquer(f.cle, c.ref, "saisie_hors_limites");
        ajouter({
          genre: "saisie_hors_limites",
          feuille: noms[f.cle]!,
          cellule: c.ref,
          ...(c.id !== undefined ? { id: c.id } : {}),
          attendu: descriptionRegle(c.validation!),
          trouve: enConstat(lu?.valeur),
          message: `Saisie hors limites : ${raison} ; attendu : ${descriptionRegle(c.validation!)}.`,
        });
      }
    }
  }

  // ——— Recomputation by the engine ———
  const recalcul = p.profil.recalculer(saisies, { spec: base, dateBaremes, catalogue });
  for (const inc of recalcul.incoherences) {
    const t = parIdBase.get(inc.id);
    if (!t) continue;
    const k = `${t.feuille.cle}!${t.cellule.ref}`;
    if (celluleConstat.get(k)?.includes("saisie_hors_limites")) continue;
    marquer(t.feuille.cle, t.cellule.ref, "saisie_hors_limites");
    premiereSaisie ??= t.cellule.ref;
    ajouter({ genre: "saisie_hors_limites", feuille: noms[t.feuille.cle]!, cellule: t.cellule.ref, id: inc.id, attendu: inc.attendu, trouve: enConstat(lireId(inc.id)), message: `Saisie incohérente : ${inc.message}` });
  }
  {
    const k = constats.length - debutSaisies;
    controles.push({
      libelle: "Saisies dans les limites du modèle et cohérentes",
      statut: k > 0 ? "erreur" : "ok",
      feuille: noms[base.feuilles[0]!.cle]!,
      cellule: premiereSaisie,
      detail: k > 0 ? `${k} saisie(s) hors limites ou incohérente(s).` : `${nbSaisies} saisie(s) renseignée(s), toutes conformes.`,
      constats: k,
    });
  }

  // ——— Dates: the barèmes must be those in force on the dossier's date ———
  const periode = (id: string): ValeurCellule | undefined => indexSpec(actif).parId.get(id)?.cellule.valeur;
  const debutPeriode = periode("baremes.debut");
  const finPeriode = periode("baremes.fin");
  for (const id of p.profil.datesDossier) {
    const t = parIdBase.get(id);
    const date = saisies.date(id);
    if (!t || date === null || typeof debutPeriode !== "object" || !("date" in debutPeriode)) continue;
    const fin = typeof finPeriode === "object" && "date" in finPeriode ? finPeriode.date : null;
    const libelle = `${indexSpec(base).parPosition.get(`${t.feuille.cle}!A${t.cellule.ref.slice(1)}`)?.cellule.valeur ?? "Date du dossier"}`;
    const couverte = date >= debutPeriode.date && (fin === null || date <= fin);
    const attendu = fin === null ? `à partir du ${dateFr(debutPeriode.date)}` : `du ${dateFr(debutPeriode.date)} au ${dateFr(fin)}`;
    if (!couverte) {
      ajouter({
        genre: "bareme_date",
        feuille: noms[t.feuille.cle]!,
        cellule: t.cellule.ref,
        id,
        attendu,
        trouve: dateFr(date),
        message: `${libelle} (${dateFr(date)}) hors de la période des barèmes du classeur (valeurs en vigueur ${attendu}, barèmes du ${dateFr(dateBaremes)}) : les plafonds, le RSA ou la saisie en vigueur ce jour-là peuvent différer. Régénérez le modèle à cette date (logsoc modele … --date AAAA-MM-JJ).`,
      });
    }
    controles.push({
      libelle: `${libelle} couverte par les barèmes du classeur`,
      statut: couverte ? "ok" : "erreur",
      feuille: noms[t.feuille.cle]!,
      cellule: t.cellule.ref,
      attendu,
      trouve: dateFr(date),
      detail: couverte ? `Le ${dateFr(date)} tombe dans la période des barèmes (${attendu}).` : `Le ${dateFr(date)} est hors de la période des barèmes (${attendu}).`,
      constats: couverte ? 0 : 1,
    });
  }

  // ——— Values ———
  const indexActif = indexSpec(actif);
  let nonCalculees = 0;
  const verifies = new Map<string, { ok: boolean; attendu: Attendu }>();
  const groupes = new Map<string, { n: number; ko: number; nonVerifies: number; premiere: string | null; feuille: string }>();
  for (const a of recalcul.attendus) {
    if (feuillesAbsentes.has(a.cle)) continue;
    const k = `${a.cle}!${a.ref}`;
    const c = indexActif.parPosition.get(k)?.cellule;
    // Blanked in an exercise question: nothing to check there.
    if (!c || (c.formule === undefined && !reponses.has(k))) continue;
    const lu = lire(a.cle, a.ref);
    const format = formatDe(actif, a.cle, a.ref);
    const valeur = lu === undefined ? null : lu.valeur;
    const nomFeuille = noms[a.cle]!;
    let statut: StatutControle;
    if (valeur === undefined) {
      nonCalculees++;
      statut = "non_verifie";
    } else if (conforme(a, valeur)) statut = "ok";
    else {
      statut = "erreur";
      marquer(a.cle, a.ref, "valeur_erronee");
      const reponse = reponses.has(k);
      const ecart = typeof a.valeur === "number" && typeof valeur === "number" && (a.nature === "montant" || a.nature === "ratio") ? Math.abs(valeur - a.valeur) : null;
      const lisibleEcart = ecart === null ? "" : a.nature === "montant" ? ` (écart : ${formatEuros(ecart)})` : ` (écart : ${(ecart * 100).toFixed(2).replace(".", ",")} point(s))`;
      ajouter({
        genre: "valeur_erronee",
        feuille: nomFeuille,
        cellule: a.ref,
        ...(a.id !== undefined ? { id: a.id } : {}),
        attendu: a.valeur === null ? null : estErreurAttendue(a.valeur) ? `erreur : ${a.valeur.erreur}` : a.valeur,
        trouve: enConstat(valeur),
        message:
          reponse && estVide(valeur)
            ? `${a.libelle} : réponse attendue (${attenduLisible(a, format)}), la cellule est vide.`
            : `${a.libelle} : la cellule affiche ${valeurLisible(valeur, format)}, le calcul à partir des saisies donne ${attenduLisible(a, format)}${lisibleEcart}.`,
      });
    }
    if (a.id !== undefined) {
      verifies.set(a.id, { ok: statut === "ok", attendu: a });
      if (statut === "non_verifie") verifies.delete(a.id);
    }
    if (a.groupe !== undefined) {
      const g = groupes.get(a.groupe) ?? { n: 0, ko: 0, nonVerifies: 0, premiere: null, feuille: nomFeuille };
      g.n++;
      if (statut === "erreur") {
        g.ko++;
        g.premiere ??= a.ref;
      }
      if (statut === "non_verifie") g.nonVerifies++;
      groupes.set(a.groupe, g);
      continue;
    }
    controles.push({
      libelle: a.libelle,
      statut,
      feuille: nomFeuille,
      cellule: a.ref,
      attendu: a.valeur === null ? null : estErreurAttendue(a.valeur) ? "aucun résultat" : a.valeur,
      trouve: enConstat(valeur),
      detail:
        statut === "ok"
          ? `Conforme au calcul : ${attenduLisible(a, format)}.`
          : statut === "non_verifie"
            ? "Valeur non enregistrée dans le fichier (jamais recalculé) : formule vérifiée, valeur non comparée."
            : `Attendu ${attenduLisible(a, format)}, trouvé ${valeurLisible(valeur, format)}.`,
      constats: statut === "erreur" ? 1 : 0,
    });
  }
  for (const [groupe, g] of groupes) {
    controles.push({
      libelle: groupe,
      statut: g.ko > 0 ? "erreur" : g.nonVerifies === g.n ? "non_verifie" : "ok",
      feuille: g.feuille,
      cellule: g.premiere,
      detail: g.ko > 0 ? `${g.ko} valeur(s) sur ${g.n} différente(s) du calcul.` : g.nonVerifies === g.n ? "Valeurs non enregistrées dans le fichier : formules vérifiées, valeurs non comparées." : `${g.n} valeur(s) conformes au calcul.`,
      constats: g.ko,
    });
  }
  if (nonCalculees > 0) {
    notes.push(
      `${nonCalculees} cellule(s) calculée(s) n'ont pas de valeur enregistrée : le fichier n'a jamais été ouvert et enregistré dans un tableur. Leurs formules ont été vérifiées, pas leurs valeurs. Ouvrez-le dans Excel ou LibreOffice, enregistrez-le, puis relancez le contrôle.`,
    );
  }

  // ——— Skills evidenced ———
  const saisiesValides = !constats.some((c) => c.genre === "saisie_hors_limites");
  const competences: CompetenceDossier[] = p.profil.competences(base).map(({ competence, ids }) => {
    const s = trouverCompetence(competence);
    const resultats = ids.map((id) => verifies.get(id));
    const faux = ids.filter((id, i) => {
      const t = parIdBase.get(id)!;
      return resultats[i]?.ok === false || (celluleConstat.get(`${t.feuille.cle}!${t.cellule.ref}`) ?? []).some((g) => g !== "saisie_hors_limites");
    });
    const manquants = ids.filter((_, i) => resultats[i] === undefined);
    const calcules = resultats.some((r) => r !== undefined && r.attendu.valeur !== null && !estErreurAttendue(r.attendu.valeur));
    let attestee = false;
    let motif: string;
    if (faux.length > 0) motif = `Résultat(s) erroné(s) ou altéré(s) : ${faux.map((id) => verifies.get(id)?.attendu.libelle ?? id).join(", ")}.`;
    else if (manquants.length > 0) motif = "Valeurs non vérifiables (fichier jamais recalculé ou feuille absente).";
    else if (!saisiesValides) motif = "Des saisies sont hors limites ou incohérentes.";
    else if (!calcules) motif = "Aucun résultat calculé pour ces données.";
    else {
      attestee = true;
      const libelles = ids.map((id) => verifies.get(id)!.attendu.libelle).filter((l, i, t) => t.indexOf(l) === i);
      motif = libelles.length <= 4 ? `Résultats exacts : ${libelles.join(", ")}.` : `${libelles.length} résultats exacts (${libelles.slice(0, 3).join(", ")}…).`;
    }
    return { id: s.competence.id, libelle: s.competence.libelle, activite: { numero: s.activite.numero, intitule: s.activite.intitule }, attestee, motif };
  });

  constats.sort(comparerConstats(ordreFeuilles));
  return {
    feuilleMeta: meta.feuille,
    modele,
    exercice,
    controles,
    constats,
    competences,
    valeursNonCalculees: nonCalculees,
    notes,
    conforme: constats.length === 0,
  };
}
