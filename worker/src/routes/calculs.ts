import { z } from "zod";
import { FONCTIONS, evaluerObjetAvec } from "../../../shared/fonctions/registre.ts";
import type { DefinitionFonction } from "../../../shared/fonctions/types.ts";
import type { TypeArgument } from "../../../shared/fonctions/arguments.ts";
import { jsonPrive, lireCorpsJson } from "../http.ts";
import { ApiError } from "../problem.ts";
import { resultatJson, valeursBrutes } from "../resultat.ts";
import { catalogue } from "../catalogue.ts";
import { composant, composantDiffere, declarer, problemes, PUBLIC, type Application } from "../openapi.ts";

/** URL slug of a LOGSOC function: RESTE_A_VIVRE → reste-a-vivre (DESIGN §5.3). */
export function slugCalcul(nom: string): string {
  return nom.toLowerCase().replace(/_/g, "-");
}

const ERREURS_CALCUL = [
  "JSON_INVALIDE",
  "CORPS_TROP_VOLUMINEUX",
  "TYPE_DE_CONTENU_NON_PRIS_EN_CHARGE",
  "ENTREE_INVALIDE",
  "ARGUMENT_MANQUANT",
  "TEXTE_DANS_PLAGE",
  "DATE_INVALIDE",
  "METHODE_INCONNUE",
  "CODE_INCONNU",
  "HORS_LIMITES",
  "DUREE_INSUFFISANTE",
  "TROP_D_ECHEANCES",
  "DIVISION_PAR_ZERO",
  "BAREME_INCONNU",
  "BAREME_NON_EN_VIGUEUR",
  "CLE_INCONNUE",
] as const;

const plage = { type: "array", items: { anyOf: [{ type: ["number", "string", "null"] }, { type: "array", items: { type: ["number", "string", "null"] } }] } };

/** How a body value of each argument type may be written, whatever the engine's schema adds (bounds, codes). */
const FORMES: Record<TypeArgument, Record<string, unknown>[]> = {
  montant: [{ type: "number" }, { type: "string", description: "Nombre écrit à la française (« 1 200,50 »)." }, { ...plage, description: "Plage : somme des cellules, cellules vides ignorées." }],
  nombre: [{ type: "number" }, { type: "string" }, plage],
  entier: [{ type: "integer" }, { type: "string" }, plage],
  booleen: [{ type: "boolean" }, { type: "string", enum: ["VRAI", "FAUX", "TRUE", "FALSE", "1", "0"] }],
  // forfait_logement: VRAI/FAUX, or the housing aid received (an amount).
  booleen_ou_montant: [{ type: "boolean" }, { type: "number" }, { type: "string", description: "VRAI, FAUX, ou un montant écrit à la française (« 280,50 »)." }, { ...plage, description: "Plage : somme des cellules, cellules vides ignorées." }],
  date: [{ type: "string", format: "date" }, { type: "number", description: "Numéro de série de date Excel." }],
  texte: [{ type: "string" }],
};

/**
 * The body of a function's route: one property per argument, described from the registry entry (French
 * description, default) and, when the entry carries its zod schema, from it (bounds, codes).
 */
function schemaCorps(f: DefinitionFonction): Record<string, unknown> {
  const moteur = f.schema ? (z.toJSONSchema(f.schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as { properties?: Record<string, Record<string, unknown>> }) : {};
  const properties: Record<string, unknown> = {};
  for (const a of f.arguments) {
    const propre = moteur.properties?.[a.nom];
    const formes = propre && !propre.anyOf ? [propre, ...FORMES[a.type].filter((x) => x.type !== propre.type)] : FORMES[a.type];
    const description = a.defaut ? `${a.description} Par défaut : ${a.defaut}.` : a.description;
    properties[a.nom] = formes.length === 1 ? { ...formes[0], description } : { description, anyOf: formes };
  }
  const requis = f.arguments.filter((a) => !a.optionnel).map((a) => a.nom);
  return { type: "object", properties, ...(requis.length > 0 ? { required: requis } : {}), additionalProperties: false };
}

const SchemaResultat = z.object({
  resultat: z
    .union([z.number(), z.string(), z.boolean(), z.array(z.array(z.union([z.number(), z.string(), z.boolean(), z.null()])))])
    .describe("La valeur que rend la fonction Excel ; un tableau (plan d'apurement) est une liste de lignes, dates AAAA-MM-JJ."),
});

/**
 * `POST /v1/calculs/{slug}` for every function of the registry: the body's keys are the Excel argument
 * names, the answer is `{"resultat": …}`. The registry does the coercion and validation, exactly as for a
 * custom function; a function added to the registry gets its route and its OpenAPI description here.
 */
export function routesCalculs(app: Application, fonctions: readonly DefinitionFonction[] = FONCTIONS): void {
  const resultat = composant(app, "ResultatCalcul", SchemaResultat, "output");
  for (const f of fonctions) {
    const slug = slugCalcul(f.nom);
    const corps = composantDiffere(app, `Arguments_${f.nom}`, () => schemaCorps(f));
    declarer(
      app,
      {
        method: "post",
        path: `/v1/calculs/${slug}`,
        operationId: `calcul_${f.nom}`,
        tags: ["Calculs"],
        summary: f.description,
        description: `Même calcul que la fonction Excel LOGSOC.${f.nom}. Les clés du corps sont les noms d'arguments de la fonction ; un montant peut aussi être une plage (tableau à une ou deux dimensions, cellules vides ignorées). Rien n'est conservé ni journalisé.`,
        security: PUBLIC,
        request: { body: { required: true, content: { "application/json": { schema: corps }, "text/plain": { schema: corps } } } },
        responses: { "200": { description: "Résultat", content: { "application/json": { schema: resultat } } }, ...problemes(...ERREURS_CALCUL) },
      },
      async (c) => {
        const valeurs = valeursBrutes(await lireCorpsJson(c));
        return jsonPrive(c, { resultat: resultatJson(evaluerObjetAvec(f, valeurs, { baremes: await catalogue(c.env) })) });
      },
    );
  }
  const slugs = fonctions.map((f) => slugCalcul(f.nom));
  app.post("/v1/calculs/:nom", (c) => {
    throw new ApiError("RESSOURCE_INTROUVABLE", `Calcul inconnu « ${c.req.param("nom").slice(0, 60)} ». Calculs disponibles : ${slugs.join(", ")}.`);
  });
}
