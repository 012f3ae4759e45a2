import { z } from "zod";
import { CapaciteRemboursementArgs } from "../../shared/schemasBaremes.ts";
import { PlanApurementArgs, ResteAVivreArgs, TauxEffortArgs } from "../../shared/schemas.ts";
import { EvaluationSchema, ResultatEvaluationSchema } from "../../shared/evaluation.ts";
import { ReferentielSchema } from "../../shared/referentiel/schema.ts";
import { IDS_BAREMES, schemaSource, schemaStatut, schemaVersionDe } from "../../shared/baremes/index.ts";
import { ENTETE_PLAN } from "../../shared/fonctions/calculs.ts";
import { CODES_PROBLEME, definitionProbleme, type CodeProbleme } from "./problem.ts";
import { CALCULS, type SlugCalcul } from "./routes/calculs.ts";
import { MAX_AGE_BAREMES } from "./routes/baremes.ts";

/**
 * The OpenAPI 3.1 description, generated from the zod schemas the engine validates with (function
 * arguments, budget, barème versions, referential), so the contract cannot drift from the code.
 * JSON Schema draft 2020-12 is OpenAPI 3.1's own dialect.
 */

const ProblemeSchema = z.object({
  type: z.string().describe("URI du type de problème : urn:logsoc:probleme:<code>."),
  title: z.string().describe("Intitulé du problème, en français, fixe pour un code."),
  status: z.number().int(),
  detail: z.string().describe("Explication en français de ce cas précis."),
  instance: z.string().describe("Chemin de la requête."),
  code: z.enum(CODES_PROBLEME as [CodeProbleme, ...CodeProbleme[]]),
  errors: z
    .array(
      z.object({
        pointer: z.string().optional().describe("Pointeur JSON (RFC 6901) vers le champ fautif du corps."),
        parametre: z.string().optional().describe("Paramètre de chemin ou de requête fautif."),
        detail: z.string(),
      }),
    )
    .optional(),
  incident: z.string().optional().describe("Numéro d'incident d'une erreur interne, à communiquer au support."),
});

const VersionEnCatalogueSchema = z.object({
  dateEffet: z.string().describe("Date à partir de laquelle la version s'applique (AAAA-MM-JJ)."),
  valeurs: z.record(z.string(), z.unknown()).describe("Valeurs du barème ; leur forme propre à chaque barème est celle de la publication."),
  source: schemaSource,
  statut: schemaStatut,
  regleCalcul: z.string().optional(),
  statutsCellules: z.array(z.object({ cle: z.string(), statut: schemaStatut, note: z.string() })).optional(),
  recoupements: z.array(z.string()).optional(),
  lacunes: z.array(z.string()).optional(),
  origine: z.enum(["integree", "publiee"]).describe("« integree » : livrée avec l'application ; « publiee » : publiée ensuite par l'API."),
  publiePar: z.string().optional(),
  publieLe: z.string().optional(),
});

const EnteteBaremeSchema = z.object({
  id: z.enum(IDS_BAREMES),
  libelle: z.string(),
  unite: z.string(),
  description: z.string(),
  clePrincipale: z.string().optional(),
  regles: z.array(z.string()).optional(),
  lacunes: z.array(z.string()).optional(),
});

const ListeBaremesSchema = z.object({
  baremes: z.array(
    z.object({
      id: z.enum(IDS_BAREMES),
      libelle: z.string(),
      unite: z.string(),
      description: z.string(),
      clePrincipale: z.string().optional(),
      datesEffet: z.array(z.string()),
      derniereVersion: z.object({ dateEffet: z.string(), statut: schemaStatut, origine: z.enum(["integree", "publiee"]) }),
    }),
  ),
});

const PublicationSchemaDoc = z.object({
  publiePar: z.string().min(1).max(200).describe("Qui publie cette version (nom, service)."),
  version: z.union(IDS_BAREMES.map((id) => schemaVersionDe(id).describe(`Version du barème ${id}`)) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]),
});

const cellule = z.union([z.number(), z.string(), z.null()]);

/** Request bodies are described as the engine's schemas read them; a range (array) is also accepted for an amount and summed. */
const ENTREES: Record<SlugCalcul, z.ZodType> = {
  "reste-a-vivre": ResteAVivreArgs,
  "taux-effort": TauxEffortArgs,
  "plan-apurement": PlanApurementArgs,
  "capacite-remboursement": CapaciteRemboursementArgs,
};

const RESULTATS: Record<SlugCalcul, z.ZodType> = {
  "reste-a-vivre": z.object({ resultat: z.number().describe("Reste à vivre en euros, arrondi au centime, selon la méthode.") }),
  "taux-effort": z.object({ resultat: z.number().describe("Fraction arrondie à 4 décimales (0,2722 = 27,22 %).") }),
  "plan-apurement": z.object({
    resultat: z.array(z.array(cellule)).describe(`Première ligne : ${ENTETE_PLAN.join(", ")} ; puis une ligne par échéance (dates AAAA-MM-JJ).`),
  }),
  "capacite-remboursement": z.object({ resultat: z.number().describe("Capacité de remboursement mensuelle en euros, arrondie au centime.") }),
};

const RESUMES: Record<SlugCalcul, string> = {
  "reste-a-vivre": "Reste à vivre (mensuel, par jour et par personne, par UC, par jour et par UC)",
  "taux-effort": "Taux d'effort (arrêté du 10 mars 2011)",
  "plan-apurement": "Échéancier d'un plan d'apurement de dette locative",
  "capacite-remboursement": "Capacité de remboursement (méthode Banque de France)",
};

function versJsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _, ...js } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  return js;
}

const ref = (nom: string) => ({ $ref: `#/components/schemas/${nom}` });

function problemes(...codes: CodeProbleme[]): Record<string, unknown> {
  const parStatut = new Map<number, CodeProbleme[]>();
  for (const code of codes) {
    const { status } = definitionProbleme(code);
    parStatut.set(status, [...(parStatut.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...parStatut].map(([status, cs]) => [
      String(status),
      { description: cs.map((c) => `${c} : ${definitionProbleme(c).titre}`).join(" ; "), content: { "application/problem+json": { schema: ref("Probleme") } } },
    ]),
  );
}

const ERREURS_CORPS: CodeProbleme[] = ["JSON_INVALIDE", "CORPS_TROP_VOLUMINEUX", "TYPE_DE_CONTENU_NON_PRIS_EN_CHARGE", "ENTREE_INVALIDE", "ARGUMENT_MANQUANT", "HORS_LIMITES"];

const jsonAvecEtag = (schema: unknown, description: string) => ({
  description,
  headers: {
    ETag: { description: "Empreinte forte de la représentation.", schema: { type: "string" } },
    "Cache-Control": { schema: { type: "string" } },
  },
  content: { "application/json": { schema } },
});

const nonModifie = { description: "Non modifié : la représentation du client (If-None-Match) est à jour." };

const parametreId = { name: "id", in: "path", required: true, description: "Identifiant du barème.", schema: { type: "string", enum: [...IDS_BAREMES] } };

function construire(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Probleme: versJsonSchema(ProblemeSchema, "output"),
    Evaluation: versJsonSchema(EvaluationSchema, "input"),
    ResultatEvaluation: versJsonSchema(ResultatEvaluationSchema, "output"),
    Referentiel: versJsonSchema(ReferentielSchema, "output"),
    ListeBaremes: versJsonSchema(ListeBaremesSchema, "output"),
    VersionBareme: versJsonSchema(VersionEnCatalogueSchema, "output"),
    EnteteBareme: versJsonSchema(EnteteBaremeSchema, "output"),
    Publication: versJsonSchema(PublicationSchemaDoc, "input"),
  };
  const paths: Record<string, unknown> = {};

  for (const slug of Object.keys(CALCULS) as SlugCalcul[]) {
    const nom = CALCULS[slug];
    schemas[`Arguments_${nom}`] = versJsonSchema(ENTREES[slug], "input");
    schemas[`Resultat_${nom}`] = versJsonSchema(RESULTATS[slug], "output");
    paths[`/v1/calculs/${slug}`] = {
      post: {
        operationId: `calcul_${nom}`,
        tags: ["Calculs"],
        summary: RESUMES[slug],
        description: `Même calcul que la fonction Excel LOGSOC.${nom}. Les clés du corps sont les noms d'arguments de la fonction ; un montant peut aussi être une plage (tableau de nombres à une ou deux dimensions, cellules vides ignorées). Rien n'est conservé ni journalisé.`,
        requestBody: { required: true, content: { "application/json": { schema: ref(`Arguments_${nom}`) }, "text/plain": { schema: ref(`Arguments_${nom}`) } } },
        responses: {
          "200": { description: "Résultat", content: { "application/json": { schema: ref(`Resultat_${nom}`) } } },
          ...problemes(...ERREURS_CORPS, "TEXTE_DANS_PLAGE", "DATE_INVALIDE", "METHODE_INCONNUE", "DUREE_INSUFFISANTE", "TROP_D_ECHEANCES", "DIVISION_PAR_ZERO", "BAREME_NON_EN_VIGUEUR"),
        },
      },
    };
  }

  paths["/v1/evaluations"] = {
    post: {
      operationId: "evaluation",
      tags: ["Calculs"],
      summary: "Évaluation économique d'un budget : tous les indicateurs",
      description:
        "Reste à vivre par les quatre méthodes, taux d'effort (l'aide au logement, déduite de la dépense, n'est pas comptée dans les ressources), capacité de remboursement, plans d'apurement des dettes, barèmes utilisés avec leur source. Rien n'est conservé ni journalisé.",
      requestBody: { required: true, content: { "application/json": { schema: ref("Evaluation") } } },
      responses: { "200": { description: "Indicateurs", content: { "application/json": { schema: ref("ResultatEvaluation") } } }, ...problemes(...ERREURS_CORPS, "DATE_INVALIDE", "CODE_INCONNU") },
    },
  };

  paths["/v1/baremes"] = {
    get: {
      operationId: "listeBaremes",
      tags: ["Barèmes"],
      summary: "Liste des barèmes et de leurs dates d'effet",
      responses: { "200": jsonAvecEtag(ref("ListeBaremes"), "Barèmes"), "304": nonModifie },
    },
  };
  paths["/v1/baremes/{id}"] = {
    get: {
      operationId: "baremeEnVigueur",
      tags: ["Barèmes"],
      summary: "Version d'un barème en vigueur à une date",
      parameters: [parametreId, { name: "date", in: "query", required: false, description: "AAAA-MM-JJ ; aujourd'hui (heure de Paris) si absente.", schema: { type: "string", format: "date" } }],
      responses: {
        "200": jsonAvecEtag({ allOf: [ref("EnteteBareme"), { type: "object", properties: { date: { type: "string" }, version: ref("VersionBareme") }, required: ["date", "version"] }] }, `Version en vigueur (mise en cache ${MAX_AGE_BAREMES} s)`),
        "304": nonModifie,
        ...problemes("DATE_INVALIDE", "BAREME_INCONNU", "BAREME_NON_EN_VIGUEUR"),
      },
    },
  };
  paths["/v1/baremes/{id}/versions"] = {
    get: {
      operationId: "versionsBareme",
      tags: ["Barèmes"],
      summary: "Toutes les versions d'un barème, intégrées et publiées",
      parameters: [parametreId],
      responses: {
        "200": jsonAvecEtag({ allOf: [ref("EnteteBareme"), { type: "object", properties: { versions: { type: "array", items: ref("VersionBareme") } }, required: ["versions"] }] }, "Versions par date d'effet croissante"),
        "304": nonModifie,
        ...problemes("BAREME_INCONNU"),
      },
    },
    post: {
      operationId: "publierVersionBareme",
      tags: ["Barèmes"],
      summary: "Publier une nouvelle version d'un barème (jeton requis)",
      description:
        "Ajout seul : une version n'est jamais modifiée ni supprimée, et une date d'effet déjà utilisée (version intégrée ou publiée) est refusée (409). Les valeurs sont validées par le schéma du barème. La version s'applique à partir de sa date d'effet.",
      security: [{ jetonAdmin: [] }],
      parameters: [parametreId],
      requestBody: { required: true, content: { "application/json": { schema: ref("Publication") } } },
      responses: {
        "201": { description: "Version publiée", headers: { Location: { schema: { type: "string" } } }, content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" }, version: ref("VersionBareme") } } } } },
        ...problemes(...ERREURS_CORPS, "AUTHENTIFICATION_REQUISE", "ACCES_REFUSE", "VERSION_EXISTANTE", "BAREME_INCONNU"),
      },
    },
  };
  paths["/v1/modeles/{type}.xlsx"] = {
    get: {
      operationId: "modeleClasseur",
      tags: ["Modèles"],
      summary: "Modèle de classeur vierge (.xlsx) avec les barèmes en vigueur à une date",
      description:
        "Évaluation économique de la famille, fiche synthétique CALEOL, plan d'apurement ou grille de compétences, en formules natives (Excel 2016+, LibreOffice), avec une feuille « Barèmes » (valeurs, date d'effet, source, statut).",
      parameters: [
        { name: "type", in: "path", required: true, schema: { type: "string", enum: ["evaluation", "cal", "apurement", "competences"] } },
        { name: "date", in: "query", required: false, description: "AAAA-MM-JJ ; aujourd'hui (heure de Paris) si absente.", schema: { type: "string", format: "date" } },
        { name: "zone", in: "query", required: false, description: "Fiche CALEOL : zone du logement (PARIS, IDF, AUTRES).", schema: { type: "string", enum: ["PARIS", "IDF", "AUTRES"] } },
        { name: "candidats", in: "query", required: false, description: "Fiche CALEOL : nombre de candidats, de 1 à 3.", schema: { type: "integer", minimum: 1, maximum: 3 } },
      ],
      responses: {
        "200": { description: "Classeur", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } } },
        ...problemes("RESSOURCE_INTROUVABLE", "DATE_INVALIDE", "CODE_INCONNU", "ENTREE_INVALIDE", "HORS_LIMITES", "BAREME_NON_EN_VIGUEUR"),
      },
    },
  };
  paths["/v1/competences"] = {
    get: {
      operationId: "competences",
      tags: ["Référentiel"],
      summary: "Référentiel de compétences RS 3474 (Accompagnement social des habitants)",
      responses: { "200": jsonAvecEtag(ref("Referentiel"), "Référentiel"), "304": nonModifie },
    },
  };
  paths["/v1/sante"] = {
    get: { operationId: "sante", tags: ["Service"], summary: "État du service", responses: { "200": { description: "En service", content: { "application/json": { schema: { type: "object", properties: { statut: { const: "ok" } } } } } } } },
  };
  paths["/v1/openapi.json"] = {
    get: { operationId: "openapi", tags: ["Service"], summary: "Cette description OpenAPI 3.1", responses: { "200": jsonAvecEtag({ type: "object" }, "Description OpenAPI"), "304": nonModifie } },
  };

  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "API LogSoc",
      version: "1",
      description:
        "Barèmes sourcés et datés, référentiel de compétences et calculs budgétaires (reste à vivre, taux d'effort, plan d'apurement, capacité de remboursement) pour les conseillers sociaux du logement social. Les erreurs suivent la RFC 9457 (application/problem+json).",
    },
    tags: [{ name: "Calculs" }, { name: "Barèmes" }, { name: "Modèles" }, { name: "Référentiel" }, { name: "Service" }],
    paths,
    components: { schemas, securitySchemes: { jetonAdmin: { type: "http", scheme: "bearer", description: "Secret LOGSOC_ADMIN_TOKEN du Worker." } } },
  };
}

let document: Record<string, unknown> | null = null;

/** Built once per isolate, on first request. */
export function documentOpenApi(): Record<string, unknown> {
  document ??= construire();
  return document;
}
