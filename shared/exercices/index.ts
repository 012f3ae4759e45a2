import { versSerieExcel, type DateISO } from "../date.ts";
import { CATALOGUE, type CatalogueBaremes } from "../baremes/catalogue.ts";
import { trouverCompetence } from "../referentiel/index.ts";
import { construireModele, DESCRIPTIONS_MODELES, avecSaisies } from "../modeles/index.ts";
import type { Feuille, SpecModele, ValeurCellule } from "../modeles/spec.ts";
import { PROFILS } from "../audit/profils/index.ts";
import { indexSpec } from "../audit/profils/commun.ts";
import { attenduLisible, saisiesDepuis } from "../audit/saisies.ts";
import type { Attendu } from "../audit/profils/types.ts";
import { avecMetaExercice, specEnonce, type RoleExercice, type TypeExercice } from "./enonce.ts";
import { genererCas, type CasExercice } from "./generateur.ts";
import { expliquerModele } from "../explication/modeles.ts";
import type { Explication } from "../explication/types.ts";
import { CLE_CORRIGE_COMMENTE, feuilleCorrigeCommente, feuilleDeTexte, type Ligne } from "./corrigeCommente.ts";

export { TYPES_EXERCICES, estTypeExercice, type TypeExercice, type RoleExercice } from "./enonce.ts";
export { genererCas, type CasExercice } from "./generateur.ts";
export { GRAINE_MAX } from "./prng.ts";

/**
 * Exercise workbooks for trainers (issue 7): a generated case written into a template twice, as the
 * question (données verrouillées, résultats à trouver) and as its corrigé (the template with all its
 * formulas). Both list the referential skills the exercise practises; the audit of a trainee's
 * workbook says which of them it evidences.
 */

export interface CompetenceExercee {
  id: string;
  libelle: string;
  activite: { numero: number; intitule: string };
}

export interface ReponseAttendue {
  id: string;
  libelle: string;
  /** Sheet name and A1 reference of the answer cell. */
  feuille: string;
  cellule: string;
  /** The engine's result, as a number or a text (Oui/Non), and as a French reader reads it. */
  valeur: number | string | null;
  lisible: string;
}

export interface Exercice {
  cas: CasExercice;
  enonce: SpecModele;
  corrige: SpecModele;
  competences: CompetenceExercee[];
  reponses: ReponseAttendue[];
  /** The engine's steps for each answer that is computed (by answer id), as the « Corrigé commenté » sheet shows them. */
  explications: Map<string, Explication>;
}

function valeurSaisie(v: ValeurCellule | undefined): number | string | boolean | null {
  if (v === undefined) return null;
  if (typeof v === "object") return "date" in v ? versSerieExcel(v.date) : v.nomFeuille;
  return v;
}

function feuilleConsignes(titre: string, role: RoleExercice, cas: CasExercice, reponses: readonly ReponseAttendue[], competences: readonly CompetenceExercee[]): Feuille {
  const lignes: Ligne[] = [];
  const ligne = (texte: string, style: NonNullable<Ligne>["style"] = "libelle") => lignes.push({ texte, style });
  ligne(`Exercice LogSoc : ${titre}, cas n° ${cas.graine}`, "titre");
  ligne(
    role === "enonce"
      ? "Énoncé : les données du cas sont verrouillées ; calculez les résultats et saisissez-les dans les cellules jaunes."
      : "Corrigé : le modèle complet, avec toutes ses formules, rempli avec les données du cas.",
    "sousTitre",
  );
  lignes.push(null);
  ligne("Situation", "section");
  for (const t of cas.situation) ligne(t);
  lignes.push(null);
  ligne(role === "enonce" ? "Travail demandé" : "Réponses attendues", "section");
  for (const r of reponses) ligne(role === "enonce" ? `${r.libelle} : feuille « ${r.feuille} », cellule ${r.cellule}.` : `${r.libelle} : ${r.lisible} (feuille « ${r.feuille} », cellule ${r.cellule}).`);
  ligne("Montants en euros au centime (écart toléré : 0,01 €) ; taux en pourcentage avec deux décimales (23,45 %) ; nombres entiers pour les catégories, durées et anciennetés.", "note");
  lignes.push(null);
  ligne("Compétences du référentiel RS 3474 exercées", "section");
  for (const c of competences) ligne(`${c.id} (activité ${c.activite.numero}, ${c.activite.intitule}) : ${c.libelle}`);
  lignes.push(null);
  ligne("Contrôle", "section");
  ligne("Contrôlez le classeur complété avec « logsoc verifier fichier.xlsx » ou le bouton « Contrôler ce classeur » du volet LogSoc : le rapport signale chaque résultat faux et dit quelles compétences le dossier atteste.");
  return feuilleDeTexte("consignes", "Consignes", lignes);
}

/** The question and the corrigé of an exercise; same type, seed and date → same workbooks. */
export function construireExercice(type: TypeExercice, graine: number, date: DateISO, catalogue: CatalogueBaremes = CATALOGUE): Exercice {
  const cas = genererCas(type, graine, date, catalogue);
  const base = construireModele(type, { date, catalogue, ...(cas.options.candidats !== undefined ? { candidats: cas.options.candidats } : {}), ...(cas.options.zone !== undefined ? { zone: cas.options.zone } : {}) });
  const rempli = avecSaisies(base, cas.saisies);
  const profil = PROFILS[type];
  const ids = profil.reponses(base);
  const index = indexSpec(rempli);
  const saisies = saisiesDepuis((id) => valeurSaisie(index.parId.get(id)?.cellule.valeur));
  const attendus = new Map<string, Attendu>(profil.recalculer(saisies, { spec: base, dateBaremes: date, catalogue }).attendus.filter((a) => a.id !== undefined).map((a) => [a.id!, a]));
  const nomFeuille = Object.fromEntries(base.feuilles.map((f) => [f.cle, f.nom]));
  const reponses: ReponseAttendue[] = ids.map((id) => {
    const a = attendus.get(id);
    if (!a) throw new Error(`Le recalcul du modèle ${type} ne donne pas la réponse « ${id} ».`);
    const format = index.parId.get(id)?.cellule.format;
    const valeur = a.valeur === null || typeof a.valeur === "number" || typeof a.valeur === "string" ? a.valeur : null;
    return { id, libelle: a.libelle, feuille: nomFeuille[a.cle]!, cellule: a.ref, valeur, lisible: attenduLisible(a, format) };
  });
  const competences = profil.competences(base).map(({ competence }) => {
    const s = trouverCompetence(competence);
    return { id: s.competence.id, libelle: s.competence.libelle, activite: { numero: s.activite.numero, intitule: s.activite.intitule } };
  });
  const titre = DESCRIPTIONS_MODELES[type].titre;
  const explicationsModele = expliquerModele(type, saisies, { dateBaremes: date, catalogue });
  const explications = new Map(ids.flatMap((id) => (explicationsModele.has(id) ? [[id, explicationsModele.get(id)!] as const] : [])));
  const assembler = (spec: SpecModele, role: RoleExercice): SpecModele => {
    const ajoutees = role === "corrige" ? ["consignes", CLE_CORRIGE_COMMENTE] : ["consignes"];
    const avecMeta = avecMetaExercice(spec, { type, graine, role, competences: competences.map((c) => c.id) }, ajoutees);
    const commentaire = role === "corrige" ? [feuilleCorrigeCommente(titre, cas, reponses, explications)] : [];
    return {
      ...avecMeta,
      titre: `${titre} : exercice n° ${graine} (${role === "enonce" ? "énoncé" : "corrigé"})`,
      feuilles: [feuilleConsignes(titre, role, cas, reponses, competences), ...commentaire, ...avecMeta.feuilles],
    };
  };
  return {
    cas,
    enonce: assembler(specEnonce(rempli, ids, ids.filter((id) => id.endsWith(".sousPlafond"))), "enonce"),
    corrige: assembler(rempli, "corrige"),
    competences,
    reponses,
    explications,
  };
}
