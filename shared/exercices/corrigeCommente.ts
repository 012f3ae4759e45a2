import { ConstructeurFeuille } from "../modeles/constructeur.ts";
import type { Feuille } from "../modeles/spec.ts";
import { dateFr } from "../baremes/catalogue.ts";
import { LIBELLES_STATUT, statutLePlusFaible, type Statut } from "../baremes/schema.ts";
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
 * The line of a step on the sheet: its name, the calculation with the case's numbers, its value. The
 * case's data, the method's constants and the barème values are not written as lines: the data are in
 * the dossier, and every number appears in the calculation that uses it; the barème values are listed
 * at the end with their versions, statuses and sources. A rounding is written on the line of the figure
 * it rounds.
 */
function ligneEtape(e: Etape, etapes: readonly Etape[], arrondi?: Etape): string | null {
  const valeur = valeurLisible(e.valeur, e.unite);
  const suite = arrondi === undefined ? "" : `, arrondi : ${valeurLisible(arrondi.valeur, arrondi.unite)}`;
  switch (e.operation.type) {
    case "entree":
    case "constante":
    case "bareme":
      return null;
    case "reprise":
      return `${e.libelle} = ${valeur} (${e.formule})${suite}`;
    default:
      return `${e.libelle} = ${calculLisible(e.operation, etapes)} = ${valeur}${suite}`;
  }
}

interface VersionCitee {
  id: string;
  version: string;
  statut: Statut;
  source: string;
  valeurs: Map<string, string>;
}

/** What one A4 portrait page holds at 100 %: rows of 15 pt, and characters of column width (LibreOffice's PDF export). */
const LIGNES_PAR_PAGE = 46;
const LARGEUR_PAGE = 72;

export type Ligne = { texte: string; style: "titre" | "sousTitre" | "entete" | "section" | "libelle" | "note" } | null;

/** Printed rows of the sheet at column width `largeur` (wrapped texts take several; see modeles' hauteursLignes). */
function rangees(lignes: readonly Ligne[], largeur: number): number {
  const caracteres = Math.max(1, Math.floor(largeur / 0.9) - 1);
  return lignes.reduce((n, l) => n + (l === null || l.style === "titre" ? 1.3 : Math.max(1, Math.ceil(l.texte.length / caracteres))), 0);
}

/**
 * The column width: the sheet prints on one page, fitted to its height, so a long sheet is scaled down;
 * a wider column then wraps less and the scaled page still spans the page width. The width that gives the
 * largest print without running past the page's width.
 */
function largeurColonne(lignes: readonly Ligne[]): number {
  let meilleure = { largeur: LARGEUR_PAGE, echelle: Math.min(1, LIGNES_PAR_PAGE / rangees(lignes, LARGEUR_PAGE)) };
  for (let largeur = LARGEUR_PAGE + 4; largeur <= 240; largeur += 4) {
    const echelle = Math.min(1, LIGNES_PAR_PAGE / rangees(lignes, largeur));
    if (largeur * echelle <= LARGEUR_PAGE && echelle > meilleure.echelle) meilleure = { largeur, echelle };
  }
  return meilleure.largeur;
}

export function feuilleCorrigeCommente(titre: string, cas: CasExercice, resultats: readonly ResultatCommente[], explications: ReadonlyMap<string, Explication>): Feuille {
  const lignes: Ligne[] = [];
  const ligne = (texte: string, style: NonNullable<Ligne>["style"] = "libelle") => lignes.push({ texte, style });
  ligne(`Corrigé commenté, cas n° ${cas.graine}`, "titre");
  ligne(
    `${titre}. Pour chaque résultat à trouver, les étapes du calcul avec les nombres du cas ; les valeurs de barème utilisées, leurs versions, statuts et sources sont en fin de feuille. Une étape déjà détaillée n'est pas répétée.`,
    "sousTitre",
  );
  const ecrites = new Set<string>();
  const versions = new Map<string, VersionCitee>();
  for (const r of resultats) {
    lignes.push(null);
    ligne(`${r.libelle} : ${r.lisible} (${r.feuille}, ${r.cellule})`, "entete");
    const x = explications.get(r.id);
    if (x === undefined) {
      const raison = SANS_CALCUL.find(([motif]) => motif.test(r.id))?.[1];
      ligne(raison ? `Pas de calcul : ${raison}` : "Pas d'étape de calcul pour ce résultat avec les données du cas.", "note");
      continue;
    }
    let nouvelles = 0;
    x.etapes.forEach((e, i) => {
      if (e.bareme) {
        const k = `${e.bareme.id}@${e.bareme.version}`;
        const v = versions.get(k) ?? { ...e.bareme, valeurs: new Map<string, string>() };
        v.valeurs.set(e.bareme.cle, valeurLisible(e.valeur, e.unite));
        // The weakest status of the values read in this version is the one shown.
        v.statut = statutLePlusFaible(v.statut, e.bareme.statut);
        versions.set(k, v);
      }
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
    lignes.push(null);
    ligne("Valeurs des barèmes utilisées et leurs sources", "entete");
    for (const v of versions.values()) {
      const valeurs = [...v.valeurs].map(([cle, x]) => `${cle} = ${x}`).join(" ; ");
      ligne(`Barème ${v.id}, version du ${dateFr(v.version)} (${LIBELLES_STATUT[v.statut]}) : ${valeurs}. Source : ${v.source}`, "note");
    }
  }

  return feuilleDeTexte(CLE_CORRIGE_COMMENTE, "Corrigé commenté", lignes);
}

/**
 * A sheet of text lines in column A (a blank line for `null`), printed A4 portrait on one page, fitted
 * to its width and height. Both limits are given to the spreadsheet: LibreOffice ignores a fit to the
 * width alone (« fitToHeight = 0 ») on such a sheet and printed the Consignes at 100 %, cut at both
 * edges; the column width is chosen so that the scaled page still spans the page's width.
 */
export function feuilleDeTexte(cle: string, nom: string, lignes: readonly Ligne[]): Feuille {
  const f = new ConstructeurFeuille(cle, nom);
  f.colonnes = [largeurColonne(lignes)];
  lignes.forEach((x, i) => {
    if (x !== null) f.texte(`A${i + 1}`, x.texte, x.style);
  });
  f.impression = { orientation: "portrait", derniereColonne: "A", derniereLigne: lignes.length, pagesEnHauteur: 1 };
  return f.construire();
}
