import type { DateISO } from "#shared/date.ts";
import type { CatalogueBaremes } from "#shared/baremes/catalogue.ts";
import { construireExercice, type CompetenceExercee, type RoleExercice, type TypeExercice } from "#shared/exercices/index.ts";
import { insererModele, type ContexteModele, type ResultatInsertionModele } from "../modeles/rendu.ts";

/**
 * An exercise from the task pane: the question (or its corrigé) inserted into the open workbook as
 * new sheets, by the template renderer (two `context.sync()` calls, nothing existing overwritten).
 * The same type, seed and date give the same case as `logsoc exercice`.
 */
export interface OptionsExercice {
  type: TypeExercice;
  graine: number;
  date: DateISO;
  role: RoleExercice;
  catalogue?: CatalogueBaremes;
}

export async function insererExercice(context: ContexteModele, o: OptionsExercice): Promise<ResultatInsertionModele & { competences: CompetenceExercee[] }> {
  const ex = construireExercice(o.type, o.graine, o.date, ...(o.catalogue ? [o.catalogue] : []));
  const r = await insererModele(context, o.role === "enonce" ? ex.enonce : ex.corrige);
  return { ...r, competences: ex.competences };
}
