import type { DateISO } from "#shared/date.ts";
import { construireModele } from "#shared/modeles/index.ts";
import { avecSaisies, type SpecModele } from "#shared/modeles/spec.ts";
import { saisiesEvaluation } from "#shared/modeles/evaluation.ts";
import { saisiesCal } from "#shared/modeles/cal.ts";
import { saisiesCompetences } from "#shared/modeles/competences.ts";
import { construireExercice, TYPES_EXERCICES } from "#shared/exercices/index.ts";
import { ficheGeneree, foyerEvaluation, grilleGeneree, Hasard } from "../modeles/generateurs.ts";

/**
 * The workbooks whose print is measured (DESIGN.md §6 page budgets): each template blank and filled with
 * realistic data from the seeded generators (a household with three debts, a fiche with three
 * candidates, a 36-month and a 100-month plan, a grid with every skill assessed), and each exercise's
 * énoncé and corrigé. `budget` is the page budget of DESIGN.md §6.
 */
export interface CasImpression {
  nom: string;
  spec: SpecModele;
  budget: number;
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
  const cas: CasImpression[] = [
    { nom: "evaluation-vide", spec: modele("evaluation"), budget: 3 },
    { nom: "evaluation-remplie", spec: avecSaisies(modele("evaluation"), saisiesEvaluation(foyerComplet())), budget: 3 },
    { nom: "cal-vide", spec: modele("cal"), budget: 2 },
    { nom: "cal-remplie", spec: avecSaisies(modele("cal"), saisiesCal(ficheGeneree(new Hasard(7), DATE))), budget: 2 },
    { nom: "apurement-vide", spec: modele("apurement"), budget: 1 },
    { nom: "apurement-36", spec: plan(36), budget: 1 + Math.ceil(36 / 40) },
    { nom: "apurement-100", spec: plan(100), budget: 1 + Math.ceil(100 / 40) },
    { nom: "competences-vide", spec: modele("competences"), budget: 8 },
    { nom: "competences-remplie", spec: avecSaisies(modele("competences"), saisiesCompetences(grille)), budget: 8 },
  ];
  for (const type of TYPES_EXERCICES) {
    const ex = construireExercice(type, 12, DATE);
    const budget = cas.find((c) => c.nom === `${type}-remplie` || c.nom === "apurement-36")!.budget;
    // An exercise prints like its template, plus its « Consignes » sheet (one page).
    cas.push({ nom: `exercice-${type}-enonce`, spec: ex.enonce, budget: budget + 1 }, { nom: `exercice-${type}-corrige`, spec: ex.corrige, budget: budget + 1 });
  }
  return cas;
}
