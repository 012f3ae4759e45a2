import { ErreurLogsoc } from "../errors.ts";
import { CERTIFICATION, DOMAINES } from "./donnees.ts";
import { ReferentielSchema, type Activite, type Certification, type Competence, type Domaine, type Referentiel } from "./schema.ts";

export type { Activite, Certification, Competence, Domaine, Referentiel } from "./schema.ts";

function figer<T>(valeur: T): T {
  if (valeur !== null && typeof valeur === "object") {
    for (const v of Object.values(valeur)) figer(v);
    Object.freeze(valeur);
  }
  return valeur;
}

/** The referential, checked by its schema once at load and frozen: every adapter shares this object. */
export const REFERENTIEL: Readonly<Referentiel> = figer(ReferentielSchema.parse({ domaines: DOMAINES, certification: CERTIFICATION }));

export interface CompetenceSituee {
  competence: Competence;
  activite: Activite;
  domaine: Domaine;
}

/** Every skill in the order of the referential, with the activity and the domain it belongs to. */
export function toutesLesCompetences(r: Referentiel = REFERENTIEL): CompetenceSituee[] {
  return r.domaines.flatMap((domaine) => domaine.activites.flatMap((activite) => activite.competences.map((competence) => ({ competence, activite, domaine }))));
}

export function toutesLesActivites(r: Referentiel = REFERENTIEL): Activite[] {
  return r.domaines.flatMap((d) => d.activites);
}

const PAR_ID = new Map(toutesLesCompetences().map((s) => [s.competence.id, s]));

export function trouverCompetence(id: string): CompetenceSituee {
  const trouvee = PAR_ID.get(id.trim().toUpperCase());
  if (!trouvee) {
    throw new ErreurLogsoc("CODE_INCONNU", `Compétence inconnue « ${id} » : les identifiants vont de A01-C01 à ${[...PAR_ID.keys()].at(-1)}.`, ["competence"]);
  }
  return trouvee;
}

/** The public JSON of DESIGN.md §5.2 (CLI `competences --json`, API `GET /v1/competences`), metadata after the domaines. */
export function referentielPublic(r: Referentiel = REFERENTIEL): { domaines: Domaine[]; certification: Certification } {
  return {
    domaines: r.domaines.map((d) => ({
      id: d.id,
      intitule: d.intitule,
      activites: d.activites.map((a) => ({
        id: a.id,
        numero: a.numero,
        intitule: a.intitule,
        competences: a.competences.map((c) => ({ id: c.id, libelle: c.libelle })),
      })),
    })),
    certification: r.certification,
  };
}
