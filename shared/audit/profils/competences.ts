import { bilanGrille, STATUTS_COMPETENCE, type StatutCompetence } from "../../grilleCompetences.ts";
import { toutesLesCompetences } from "../../referentiel/index.ts";
import { segmentCompetence } from "../../modeles/competences.ts";
import { attenduId } from "./commun.ts";
import type { Attendu, ProfilModele } from "./types.ts";

/** The grid's summary recomputed by bilanGrille: counts per domain and the domains validated. */
export const PROFIL_COMPETENCES: ProfilModele = {
  type: "competences",
  datesDossier: [],

  recalculer(s, { spec }) {
    const statuts: Record<string, StatutCompetence | null> = {};
    for (const { competence } of toutesLesCompetences()) {
      const t = s.texte(`competence.${segmentCompetence(competence.id)}.statut`);
      // COUNTIFS compares without regard to case, as the spreadsheet does.
      statuts[competence.id] = STATUTS_COMPETENCE.find((x) => x.toLowerCase() === t?.toLowerCase()) ?? null;
    }
    const bilan = bilanGrille(statuts);
    const attendus: Attendu[] = [];
    for (const d of bilan.domaines) {
      const seg = d.domaine.toLowerCase();
      const libelle = (x: string) => `Domaine ${d.domaine} : ${x}`;
      attendus.push(
        attenduId(spec, `synthese.${seg}.competences`, "nombre", d.competences, libelle("compétences")),
        attenduId(spec, `synthese.${seg}.acquises`, "nombre", d.acquises, libelle("compétences acquises")),
        attenduId(spec, `synthese.${seg}.enCours`, "nombre", d.enCours, libelle("compétences en cours")),
        attenduId(spec, `synthese.${seg}.nonAcquises`, "nombre", d.nonAcquises, libelle("compétences non acquises ou non évaluées")),
        attenduId(spec, `synthese.${seg}.validation`, "texte", d.valide ? "Domaine validé" : "Non validé", libelle("validation")),
      );
    }
    attendus.push(
      attenduId(spec, "synthese.competencesAcquises", "nombre", bilan.competencesAcquises, "Compétences acquises"),
      attenduId(spec, "synthese.domainesValides", "nombre", bilan.domainesValides, "Domaines validés"),
    );
    return { attendus, incoherences: [] };
  },

  // The grid records the skills; it is no computation that would evidence one.
  competences: () => [],
  reponses: () => [],
};
