import { aujourdhui, type DateISO } from "../../../shared/date.ts";
import { EvaluationSchema, evaluerBudget, OPTIONS_ANALYSE, ResultatEvaluationSchema } from "../../../shared/evaluation.ts";
import { catalogue } from "../catalogue.ts";
import { jsonPrive, lireCorpsJson } from "../http.ts";
import { depuisZod } from "../problem.ts";
import { composant, declarer, problemes, PUBLIC, type Application } from "../openapi.ts";

/** A whole budget → every indicator, with the method and the barème versions used. Nothing is kept. */
export function routesEvaluations(app: Application): void {
  const entree = composant(app, "Evaluation", EvaluationSchema, "input");
  const sortie = composant(app, "ResultatEvaluation", ResultatEvaluationSchema, "output");
  declarer(
    app,
    {
      method: "post",
      path: "/v1/evaluations",
      operationId: "evaluation",
      tags: ["Calculs"],
      summary: "Évaluation économique d'un budget : tous les indicateurs",
      description:
        "Reste à vivre par les quatre méthodes, taux d'effort (l'aide au logement, déduite de la dépense, n'est pas comptée dans les ressources), capacité de remboursement, plans d'apurement des dettes, barèmes utilisés avec leur source. Rien n'est conservé ni journalisé.",
      security: PUBLIC,
      request: { body: { required: true, content: { "application/json": { schema: entree } } } },
      responses: {
        "200": { description: "Indicateurs", content: { "application/json": { schema: sortie } } },
        ...problemes("JSON_INVALIDE", "CORPS_TROP_VOLUMINEUX", "TYPE_DE_CONTENU_NON_PRIS_EN_CHARGE", "ENTREE_INVALIDE", "ARGUMENT_MANQUANT", "HORS_LIMITES", "DATE_INVALIDE", "CODE_INCONNU"),
      },
    },
    async (c) => {
      const r = EvaluationSchema.safeParse(await lireCorpsJson(c), OPTIONS_ANALYSE);
      if (!r.success) throw depuisZod(r.error);
      const date = (r.data.date ?? aujourdhui()) as DateISO;
      return jsonPrive(c, evaluerBudget(r.data, date, await catalogue(c.env)));
    },
  );
}
