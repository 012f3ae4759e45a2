import { enConstat, memeConstante, valeurCellule } from "../comparaison.ts";
import type { ContexteDossier } from "../contexte.ts";
import { estVide } from "../lecteur.ts";
import type { Recalcul } from "../profils/types.ts";
import { descriptionRegle, saisiesDepuis, verifierSaisie, type Saisies } from "../saisies.ts";

export interface Saisi {
  saisies: Saisies;
  /** Every input still as the template delivered it. */
  aCompleter: boolean;
  /** The engine's figures from the inputs (null for a dossier to be filled in). */
  recalcul: Recalcul | null;
}

/**
 * Phase 5, the inputs: each meets its cell's rule, and the engine finds them consistent (a possible
 * composition, a plan that can be made…). A dossier whose inputs are all still the template's
 * defaults is « à compléter »: nothing to recompute, and no engine complaint about a blank dossier.
 */
export function verifierSaisies(ctx: ContexteDossier): Saisi {
  const { base, profil, indexBase } = ctx.p;
  const saisies = saisiesDepuis((id) => ctx.lireId(id));
  const debut = ctx.constats.length;
  let renseignees = 0;
  let modifiees = 0;
  let premiere: string | null = null;
  for (const f of base.feuilles) {
    if (ctx.feuillesAbsentes.has(f.cle)) continue;
    for (const c of f.cellules) {
      if (!c.saisie) continue;
      const lu = ctx.lire(f.cle, c.ref);
      const vide = lu === undefined || estVide(lu.valeur);
      if (!vide) renseignees++;
      if (c.valeur === undefined ? !vide : !memeConstante(valeurCellule(c.valeur, ctx.noms), lu?.valeur)) modifiees++;
      const raison = verifierSaisie(c, lu?.valeur);
      if (raison === null) continue;
      premiere ??= c.ref;
      ctx.marquer(f.cle, c.ref, "saisie_hors_limites");
      ctx.ajouter({
        genre: "saisie_hors_limites",
        feuille: ctx.noms[f.cle]!,
        cellule: c.ref,
        ...(c.id !== undefined ? { id: c.id } : {}),
        attendu: descriptionRegle(c.validation!),
        trouve: enConstat(lu?.valeur),
        message: `Saisie hors limites : ${raison} ; attendu : ${descriptionRegle(c.validation!)}.`,
      });
    }
  }
  // An exercise question's inputs are the trainee's answers: each missing one is reported (phase 6).
  const aCompleter = modifiees === 0 && ctx.exercice?.role !== "enonce";
  const recalcul = aCompleter ? null : profil.recalculer(saisies, { spec: base, dateBaremes: ctx.dateBaremes, catalogue: ctx.catalogue });
  for (const inc of recalcul?.incoherences ?? []) {
    const t = indexBase.parId.get(inc.id);
    if (!t || ctx.genresDe(t.feuille.cle, t.cellule.ref).includes("saisie_hors_limites")) continue;
    ctx.marquer(t.feuille.cle, t.cellule.ref, "saisie_hors_limites");
    premiere ??= t.cellule.ref;
    ctx.ajouter({ genre: "saisie_hors_limites", feuille: ctx.noms[t.feuille.cle]!, cellule: t.cellule.ref, id: inc.id, attendu: inc.attendu, trouve: enConstat(ctx.lireId(inc.id)), message: `Saisie incohérente : ${inc.message}` });
  }
  const k = ctx.constats.length - debut;
  ctx.controle(debut, {
    libelle: "Saisies dans les limites du modèle et cohérentes",
    feuille: ctx.noms[base.feuilles[0]!.cle]!,
    cellule: premiere,
    ...(aCompleter && k === 0 ? { statut: "non_verifie" as const } : {}),
    detail: k > 0 ? `${k} saisie(s) hors limites ou incohérente(s).` : aCompleter ? "Dossier à compléter : aucune saisie n'a été faite (le modèle est tel qu'il a été fourni)." : `${renseignees} saisie(s) renseignée(s), toutes conformes.`,
  });
  if (aCompleter) {
    ctx.notes.push("Dossier à compléter : les saisies sont celles du modèle vierge. Les formules, les barèmes et les métadonnées ont été contrôlés ; les résultats le seront une fois le dossier rempli.");
  }
  return { saisies, aCompleter, recalcul };
}
