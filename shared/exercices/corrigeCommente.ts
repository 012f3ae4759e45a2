import { ConstructeurFeuille } from "../modeles/constructeur.ts";
import type { Feuille } from "../modeles/spec.ts";
import { dateFr } from "../baremes/catalogue.ts";
import { LIBELLES_STATUT } from "../baremes/schema.ts";
import { calculLisible, valeurLisible } from "../explication/texte.ts";
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

type Etape = Explication["etapes"][number];

function cle(e: Etape): string {
  return `${e.libelle}|${e.formule}|${String(e.valeur)}`;
}

/**
 * The line of a step on the sheet. The case's data and the method's constants are not written: they are
 * in the dossier and in the calculations that use them. A barème value names its scale (version, status
 * and source at the end of the sheet); a rounding is written on the line of the figure it rounds.
 */
function ligneEtape(e: Etape, etapes: readonly Etape[], arrondi?: Etape): string | null {
  const valeur = valeurLisible(e.valeur, e.unite);
  const suite = arrondi === undefined ? "" : `, arrondi : ${valeurLisible(arrondi.valeur, arrondi.unite)}`;
  switch (e.operation.type) {
    case "entree":
    case "constante":
      return null;
    case "bareme":
      return `${e.libelle} : ${valeur} (barème ${e.bareme!.id})`;
    case "reprise":
      return `${e.libelle} = ${valeur} (${e.formule})${suite}`;
    default:
      return `${e.libelle} = ${e.formule} = ${calculLisible(e.operation, etapes)} = ${valeur}${suite}`;
  }
}

export function feuilleCorrigeCommente(titre: string, cas: CasExercice, resultats: readonly ResultatCommente[], explications: ReadonlyMap<string, Explication>): Feuille {
  const f = new ConstructeurFeuille(CLE_CORRIGE_COMMENTE, "Corrigé commenté");
  f.colonnes = [100];
  let l = 1;
  const ligne = (texte: string, style: Parameters<typeof f.texte>[2] = "libelle") => f.texte(`A${l++}`, texte, style);
  ligne(`Corrigé commenté : ${titre}, cas n° ${cas.graine}`, "titre");
  ligne(
    "Pour chaque résultat à trouver : les étapes du calcul avec les nombres du cas et les valeurs de barème utilisées (versions, statuts et sources en fin de feuille). Une étape déjà détaillée pour un résultat précédent n'est pas répétée.",
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
    x.etapes.forEach((e, i) => {
      if (e.bareme) versions.set(`${e.bareme.id}@${e.bareme.version}`, e.bareme);
      const k = cle(e);
      if (ecrites.has(k)) return;
      ecrites.add(k);
      const suivante = x.etapes[i + 1];
      // A rounding of this very figure is written on its line (and the rounded step then counts as written).
      const arrondi = suivante?.operation.type === "arrondi" && suivante.operation.de === i ? suivante : undefined;
      if (arrondi) ecrites.add(cle(arrondi));
      const texte = ligneEtape(e, x.etapes, arrondi);
      if (texte === null) return;
      nouvelles++;
      ligne(texte);
    });
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
