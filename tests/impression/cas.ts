import type { DateISO } from "#shared/date.ts";
import { construireModele } from "#shared/modeles/index.ts";
import { avecSaisies, type SpecModele } from "#shared/modeles/spec.ts";
import { saisiesEvaluation } from "#shared/modeles/evaluation.ts";
import { saisiesCal } from "#shared/modeles/cal.ts";
import { saisiesCompetences } from "#shared/modeles/competences.ts";
import { construireExercice, TYPES_EXERCICES } from "#shared/exercices/index.ts";
import { echeancesSaisies } from "#shared/modeles/impression.ts";
import { ficheGeneree, foyerEvaluation, grilleGeneree, Hasard } from "../modeles/generateurs.ts";

/**
 * The workbooks whose print is measured (DESIGN.md §6 page budgets): each template blank and filled with
 * realistic data from the seeded generators (a household with three debts, a fiche with three
 * candidates, a 36-month and a 100-month plan, a grid with every skill assessed), and each exercise's
 * énoncé and corrigé. `budget` is the page budget of DESIGN.md §6 for the template's own sheets; its
 * « Barèmes » annex and an exercise's « Consignes » print on one page each besides.
 */
export interface CasImpression {
  nom: string;
  spec: SpecModele;
  budget: number;
}

/** DESIGN.md §6: évaluation ≤ 3 pages; fiche CALEOL ≤ 2; plan of n instalments ≤ 1 + ⌈n / 40⌉; grid ≤ 8. */
export function budgetPages(spec: SpecModele): number {
  switch (spec.id) {
    case "evaluation":
      return 3;
    case "cal":
      return 2;
    case "apurement":
      return 1 + Math.ceil(echeancesSaisies(spec) / 40);
    case "competences":
      return 8;
  }
}

const DATE = "2026-11-26" as DateISO;

/** Seeds whose generated case is a full one (checked in the test: three debts, three candidates). */
function foyerComplet(): ReturnType<typeof foyerEvaluation> {
  const h = new Hasard(10);
  for (;;) {
    const f = foyerEvaluation(h, DATE);
    if (f.dettes.length === 3 && Object.keys(f.ressources).length >= 3) return f;
  }
}

export function casImpression(): CasImpression[] {
  const modele = (type: string) => construireModele(type, { date: DATE });
  const plan = (n: number) =>
    avecSaisies(modele("apurement"), {
      "plan.dette": 36 * n,
      "plan.duree": n,
      "plan.premiereEcheance": { date: "2027-01-05" as DateISO },
      "plan.loyerResiduel": 312.4,
      "signature.lieu": "Villeurbanne",
      "signature.date": { date: DATE },
      "signature.locataire": "Mme Camille Martin",
      "signature.bailleur": "M. Paul Durand, conseiller social",
    });
  const grille = grilleGeneree(new Hasard(3));
  const specs: [string, SpecModele][] = [
    ["evaluation-vide", modele("evaluation")],
    ["evaluation-remplie", avecSaisies(modele("evaluation"), saisiesEvaluation(foyerComplet()))],
    ["cal-vide", modele("cal")],
    ["cal-remplie", avecSaisies(modele("cal"), saisiesCal(ficheGeneree(new Hasard(7), DATE)))],
    ["apurement-vide", modele("apurement")],
    ["apurement-36", plan(36)],
    ["apurement-100", plan(100)],
    ["competences-vide", modele("competences")],
    ["competences-remplie", avecSaisies(modele("competences"), saisiesCompetences(grille))],
  ];
  // An exercise prints like its template (DESIGN.md §6).
  for (const type of TYPES_EXERCICES) {
    const ex = construireExercice(type, 12, DATE);
    specs.push([`exercice-${type}-enonce`, ex.enonce], [`exercice-${type}-corrige`, ex.corrige]);
  }
  return specs.map(([nom, spec]) => ({ nom, spec, budget: budgetPages(spec) }));
}
