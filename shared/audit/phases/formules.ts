import { enConstat } from "../comparaison.ts";
import type { ContexteDossier } from "../contexte.ts";
import { normaliserFormule } from "../formules.ts";
import { formulesResolues } from "../preparation.ts";
import { valeurLisible } from "../saisies.ts";
import { estVide } from "../lecteur.ts";

/** Phase 3, the formulas: every formula of the template is still there, unchanged, not replaced by a typed value. */
export function verifierFormules(ctx: ContexteDossier): void {
  const { actif, reponses } = ctx.p;
  const formuleAttendue = formulesResolues(ctx.p, ctx.noms);
  for (const f of actif.feuilles) {
    if (f.cle === "meta" || ctx.feuillesAbsentes.has(f.cle)) continue;
    const debut = ctx.constats.length;
    const feuille = ctx.noms[f.cle]!;
    let n = 0;
    let premiere: string | null = null;
    for (const c of f.cellules) {
      if (c.formule === undefined || (reponses.size > 0 && reponses.has(`${f.cle}!${c.ref}`))) continue;
      n++;
      const { texte: attendue, normalisee } = formuleAttendue(c);
      const lu = ctx.lire(f.cle, c.ref);
      const id = c.id !== undefined ? { id: c.id } : {};
      if (lu?.formule === undefined) {
        premiere ??= c.ref;
        ctx.marquer(f.cle, c.ref, "formule_remplacee");
        ctx.ajouter({
          genre: "formule_remplacee",
          feuille,
          cellule: c.ref,
          ...id,
          attendu: `=${attendue}`,
          trouve: enConstat(lu?.valeur),
          message:
            lu === undefined || estVide(lu.valeur)
              ? `La formule du modèle a été effacée (=${attendue}).`
              : `Valeur saisie à la place de la formule du modèle : la cellule affiche ${valeurLisible(lu.valeur, c.format)} mais ne se recalcule plus quand les saisies changent (formule attendue : =${attendue}).`,
        });
      } else if (lu.formule !== attendue && normaliserFormule(lu.formule) !== normalisee) {
        premiere ??= c.ref;
        ctx.marquer(f.cle, c.ref, "formule_modifiee");
        ctx.ajouter({ genre: "formule_modifiee", feuille, cellule: c.ref, ...id, attendu: `=${attendue}`, trouve: `=${lu.formule}`, message: `Formule modifiée : =${lu.formule} au lieu de la formule du modèle =${attendue}.` });
      }
    }
    if (n === 0) continue;
    const k = ctx.constats.length - debut;
    ctx.controle(debut, {
      libelle: `Formules de la feuille « ${feuille} »`,
      feuille,
      cellule: premiere,
      detail: k > 0 ? `${k} formule(s) sur ${n} remplacée(s) ou modifiée(s).` : `${n} formule(s) identique(s) au modèle.`,
    });
  }
}
