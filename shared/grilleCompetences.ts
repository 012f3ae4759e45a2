import { REFERENTIEL, toutesLesCompetences, type Referentiel } from "./referentiel/index.ts";

/**
 * Grille de compétences (RS 3474): each skill is Acquis, En cours or Non acquis. A domain is validated
 * only when every one of its skills is acquired; each validated domain is a partial certification,
 * and the certification is complete when every domain is validated (referential: « certification
 * partielle par domaine »).
 */

export const STATUTS_COMPETENCE = ["Acquis", "En cours", "Non acquis"] as const;
export type StatutCompetence = (typeof STATUTS_COMPETENCE)[number];

export interface BilanDomaine {
  domaine: string;
  intitule: string;
  competences: number;
  acquises: number;
  enCours: number;
  /** Not acquired or not assessed yet. */
  nonAcquises: number;
  valide: boolean;
}

export interface BilanGrille {
  domaines: BilanDomaine[];
  competencesAcquises: number;
  domainesValides: number;
  certificationComplete: boolean;
}

/** Statuses by skill id (A01-C01…); a skill absent or null is not assessed yet. */
export function bilanGrille(statuts: Readonly<Record<string, StatutCompetence | null | undefined>>, r: Referentiel = REFERENTIEL): BilanGrille {
  const connues = new Set(toutesLesCompetences(r).map((s) => s.competence.id));
  const inconnues = Object.keys(statuts).filter((id) => !connues.has(id));
  if (inconnues.length > 0) throw new RangeError(`Compétence(s) inconnue(s) dans la grille : ${inconnues.join(", ")}.`);
  const domaines = r.domaines.map((d) => {
    const ids = d.activites.flatMap((a) => a.competences.map((c) => c.id));
    const acquises = ids.filter((id) => statuts[id] === "Acquis").length;
    const enCours = ids.filter((id) => statuts[id] === "En cours").length;
    return { domaine: d.id, intitule: d.intitule, competences: ids.length, acquises, enCours, nonAcquises: ids.length - acquises - enCours, valide: acquises === ids.length };
  });
  const domainesValides = domaines.filter((d) => d.valide).length;
  return {
    domaines,
    competencesAcquises: domaines.reduce((s, d) => s + d.acquises, 0),
    domainesValides,
    certificationComplete: domainesValides === domaines.length,
  };
}
