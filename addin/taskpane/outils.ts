// Entry of outils.js, the pane's second classic script, fetched on the first click that needs it (template,
// audit, exercise, « Expliquer »): these features carry most of the engine's code (templates, audit profiles,
// exercises, explanations) and would put the page's first script over its budget. The custom functions and the
// pane's first screen never wait for it; it gets the pane's barème catalogue as an argument, never its own.
import { expliquer } from "#shared/explication/index.ts";
import type { CatalogueBaremes } from "#shared/baremes/index.ts";
import { construireModele } from "#shared/modeles/index.ts";
import { insererModele } from "../src/modeles/rendu.ts";
import { controlerClasseur } from "../src/audit/controle.ts";
import { insererExercice } from "../src/audit/exercice.ts";
import { expliquerSelection as expliquerAvec, type ContexteExplication, type ResultatExplication } from "./explication.ts";
import { expliquerCelluleModele } from "./explicationModele.ts";

export { construireModele, insererModele, controlerClasseur, insererExercice };

/** « Expliquer » on the selected cell: a =LOGSOC.… formula, or a result of a LogSoc template. */
export function expliquerSelection(context: ContexteExplication, catalogue: CatalogueBaremes): Promise<ResultatExplication> {
  return expliquerAvec(context, { expliquer: (nom, valeurs, ctx) => expliquer(nom, valeurs, ctx), expliquerModele: expliquerCelluleModele, catalogue });
}
