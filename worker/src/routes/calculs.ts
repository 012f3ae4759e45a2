import { z } from "zod";
import { evaluerObjet, REGISTRE, type Registre } from "../../../shared/fonctions/registre.ts";
import { expliquerObjet } from "../../../shared/explication/index.ts";
import { STATUTS } from "../../../shared/baremes/index.ts";
import { estErreurLogsoc } from "../../../shared/errors.ts";
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
  booleen_ou_montant: [{ type: "boolean" }, { type: "number", description: "Un montant en euros." }, { type: "string", description: "VRAI, FAUX ou un montant écrit à la française." }, { ...plage, description: "Plage : somme des cellules." }],
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
    // An amount the engine receives as a Decimal has no JSON Schema of its own ({}): the forms below say it all.
    const brut = moteur.properties?.[a.nom];
    const propre = brut && Object.keys(brut).some((k) => k !== "description") ? brut : undefined;
    const formes = propre && !propre.anyOf ? [propre, ...FORMES[a.type].filter((x) => x.type !== propre.type)] : FORMES[a.type];
    const description = a.defaut ? `${a.description} Par défaut : ${a.defaut}.` : a.description;
    properties[a.nom] = formes.length === 1 ? { ...formes[0], description } : { description, anyOf: formes };
  }
  const requis = f.arguments.filter((a) => !a.optionnel).map((a) => a.nom);
  return { type: "object", properties, ...(requis.length > 0 ? { required: requis } : {}), additionalProperties: false };
}

const SchemaEtape = z.object({
  libelle: z.string(),
  formule: z.string().describe("La formule en mots, p. ex. « RAV mensuel / 30 / UC »."),
  valeur: z.union([z.number(), z.string(), z.boolean()]),
  unite: z.string(),
  reference: z.string().optional().describe("Référence juridique ou méthodologique de l'étape."),
  bareme: z
    .object({ id: z.string(), version: z.string().describe("Date d'effet de la version lue."), cle: z.string(), statut: z.enum(STATUTS), source: z.string() })
    .optional()
    .describe("La valeur de barème lue à cette étape."),
  operation: z.object({ type: z.string() }).loose().describe("Le calcul qui relie l'étape aux précédentes (indices des étapes) : entree, constante, bareme, somme, difference, produit, quotient, minimum, maximum, arrondi, reprise."),
});

const SchemaResultat = z.object({
  resultat: z
    .union([z.number(), z.string(), z.boolean(), z.array(z.array(z.union([z.number(), z.string(), z.boolean(), z.null()])))])
    .describe("La valeur que rend la fonction Excel ; un tableau (plan d'apurement) est une liste de lignes, dates AAAA-MM-JJ."),
  statut: z.enum(STATUTS).optional().describe("Le statut le plus faible des valeurs de barème utilisées (officiel > calcule > estimation > non_verifie) ; officiel si aucune."),
  etapes: z.array(SchemaEtape).optional().describe("Avec ?expliquer=1 : les étapes du calcul, la dernière donnant le résultat ; chaque nombre utilisé est la valeur d'une étape antérieure ou une entrée."),
});

/** `?expliquer=1` (or true) adds the steps; anything else than 0/1/true/false is a 400 naming the parameter. */
function lireExpliquer(brut: string | undefined): boolean {
  if (brut === undefined || brut === "" || brut === "0" || brut === "false") return false;
  if (brut === "1" || brut === "true") return true;
  throw new ApiError("ENTREE_INVALIDE", `« expliquer » vaut 1 (ajoute les étapes du calcul) ou 0 (reçu : « ${brut.slice(0, 20)} »).`, [{ parametre: "expliquer", detail: "1 ou 0 attendu." }]);
}

/** A function without an explanation yet (a new registry entry): its result only, without statut. */
function sansExplication(e: unknown): boolean {
  return estErreurLogsoc(e) && e.chemin.length === 1 && e.chemin[0] === "fonction";
}

/**
 * `POST /v1/calculs/{slug}` for every function of the registry: the body's keys are the Excel argument
 * names, the answer is `{"resultat": …}`. The registry does the coercion and validation, exactly as for a
 * custom function; a function added to the registry gets its route and its OpenAPI description here.
 */
export function routesCalculs(app: Application, registre: Registre = REGISTRE): void {
  const resultat = composant(app, "ResultatCalcul", SchemaResultat, "output");
  const fonctions = registre.fonctions;
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
        request: {
          query: z.object({ expliquer: z.enum(["1", "0", "true", "false"]).optional().describe("1 : ajoute les étapes du calcul (« etapes »), avec les barèmes lus, leur version, leur statut et leur source.") }),
          body: { required: true, content: { "application/json": { schema: corps }, "text/plain": { schema: corps } } },
        },
        responses: { "200": { description: "Résultat", content: { "application/json": { schema: resultat } } }, ...problemes(...ERREURS_CALCUL) },
      },
      async (c) => {
        const avecEtapes = lireExpliquer(c.req.query("expliquer"));
        const valeurs = valeursBrutes(await lireCorpsJson(c));
        const ctx = { baremes: await catalogue(c.env) };
        try {
          // The explanation is computed by the same code path as the result (shared/explication): its
          // statut is the weakest of the barème values used.
          const x = expliquerObjet(f.nom, valeurs, ctx, registre);
          return jsonPrive(c, { resultat: resultatJson(x.resultat), statut: x.statut, ...(avecEtapes ? { etapes: x.etapes } : {}) });
        } catch (e) {
          if (!sansExplication(e)) throw e;
          return jsonPrive(c, { resultat: resultatJson(evaluerObjet(f.nom, valeurs, ctx, registre)) });
        }
      },
    );
  }
  const slugs = fonctions.map((f) => slugCalcul(f.nom));
  app.post("/v1/calculs/:nom", (c) => {
    throw new ApiError("RESSOURCE_INTROUVABLE", `Calcul inconnu « ${c.req.param("nom").slice(0, 60)} ». Calculs disponibles : ${slugs.join(", ")}.`);
  });
}
