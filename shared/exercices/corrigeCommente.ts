import { ConstructeurFeuille } from "../modeles/constructeur.ts";
import type { Feuille } from "../modeles/spec.ts";
import { dateFr } from "../baremes/catalogue.ts";
import { LIBELLES_STATUT } from "../baremes/schema.ts";
import { etapeCompacte } from "../explication/texte.ts";
import type { Explication } from "../explication/types.ts";
import type { CasExercice } from "./generateur.ts";

/**
 * The « Corrigé commenté » sheet of an exercise's corrigé (issue 12): for each result to find, the
 * engine's steps with the case's numbers, then the barème values used and their sources. A step already
 * written for an earlier result (the totals, the UC…) is not written again, so that the sheet stays short
 * enough to print with the corrigé.
 */

export const CLE_CORRIGE_COMMENTE = "commentaire";

export interface ResultatCommente {
  id: string;
  libelle: string;
  /** The expected value as a French reader reads it. */
  lisible: string;
  feuille: string;
  cellule: string;
}

/** Why a result has no steps to show: what the trainee does instead of a calculation. */
const SANS_CALCUL: readonly [RegExp, string][] = [
  [/\.anciennete$/, "nombre de mois entiers entre la date de dépôt de la demande et la date de la séance (un mois commencé ne compte pas)."],
  [/\.sousPlafond$/, "« Oui » si le revenu fiscal de référence ne dépasse pas le plafond de ressources, « Non » sinon."],
];

function cle(e: Explication["etapes"][number]): string {
  return `${e.libelle}|${e.formule}|${String(e.valeur)}`;
}

export function feuilleCorrigeCommente(titre: string, cas: CasExercice, resultats: readonly ResultatCommente[], explications: ReadonlyMap<string, Explication>): Feuille {
  const f = new ConstructeurFeuille(CLE_CORRIGE_COMMENTE, "Corrigé commenté");
  f.colonnes = [100];
  let l = 1;
  const ligne = (texte: string, style: Parameters<typeof f.texte>[2] = "libelle") => f.texte(`A${l++}`, texte, style);
  ligne(`Corrigé commenté : ${titre}, cas n° ${cas.graine}`, "titre");
  ligne(
    "Pour chaque résultat à trouver : les étapes du calcul avec les nombres du cas et les valeurs de barème utilisées (sources en fin de feuille). Une étape déjà détaillée pour un résultat précédent n'est pas répétée.",
    "sousTitre",
  );
  const ecrites = new Set<string>();
  const versions = new Map<string, { id: string; version: string; statut: string; source: string }>();
  for (const r of resultats) {
    l++;
    ligne(`${r.libelle} : ${r.lisible} (feuille « ${r.feuille} », cellule ${r.cellule})`, "section");
    const x = explications.get(r.id);
    if (x === undefined) {
      const raison = SANS_CALCUL.find(([motif]) => motif.test(r.id))?.[1];
      ligne(raison ? `Pas de calcul : ${raison}` : "Pas d'étape de calcul pour ce résultat avec les données du cas.", "note");
      continue;
    }
    let nouvelles = 0;
    for (const e of x.etapes) {
      if (e.bareme) versions.set(`${e.bareme.id}@${e.bareme.version}`, e.bareme);
      const k = cle(e);
      if (ecrites.has(k)) continue;
      ecrites.add(k);
      nouvelles++;
      ligne(etapeCompacte(e, x.etapes));
    }
    if (nouvelles === 0) ligne("Même calcul qu'au résultat précédent.", "note");
  }
  if (versions.size > 0) {
    l++;
    ligne("Sources des barèmes utilisés", "section");
    for (const v of versions.values()) ligne(`${v.id}, version du ${dateFr(v.version)} (${LIBELLES_STATUT[v.statut as keyof typeof LIBELLES_STATUT]}) : ${v.source}`, "note");
  }
  f.impression = { orientation: "portrait", derniereColonne: "A", derniereLigne: l - 1 };
  return f.construire();
}
