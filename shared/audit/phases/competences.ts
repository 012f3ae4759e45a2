import { trouverCompetence } from "../../referentiel/index.ts";
import { estErreurAttendue } from "../attendus.ts";
import type { ContexteDossier } from "../contexte.ts";
import type { CompetenceDossier } from "../rapport.ts";
import type { Verifies } from "./valeurs.ts";

/**
 * Phase 7, the skills: a skill of the referential is evidenced when every result that shows it is
 * right, computed from valid inputs, and neither replaced nor altered.
 */
export function competencesAttestees(ctx: ContexteDossier, verifies: Verifies | null): CompetenceDossier[] {
  const { base, profil, indexBase } = ctx.p;
  const saisiesValides = !ctx.constats.some((c) => c.genre === "saisie_hors_limites");
  return profil.competences(base).map(({ competence, ids }) => {
    const s = trouverCompetence(competence);
    const resultats = ids.map((id) => verifies?.get(id));
    const faux = ids.filter((id, i) => {
      const t = indexBase.parId.get(id)!;
      return resultats[i]?.ok === false || ctx.genresDe(t.feuille.cle, t.cellule.ref).some((g) => g !== "saisie_hors_limites");
    });
    const manquants = ids.filter((_, i) => resultats[i] === undefined);
    const calcules = resultats.some((r) => r !== undefined && r.attendu.valeur !== null && !estErreurAttendue(r.attendu.valeur));
    let attestee = false;
    let motif: string;
    if (faux.length > 0) motif = `Résultat(s) erroné(s) ou altéré(s) : ${faux.map((id) => verifies?.get(id)?.attendu.libelle ?? id).join(", ")}.`;
    else if (verifies === null) motif = "Dossier à compléter : aucune saisie.";
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
}
