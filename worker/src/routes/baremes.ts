import type { Context } from "hono";
import { z } from "zod";
import { aujourdhui, parseDateISO } from "../../../shared/date.ts";
import { estErreurLogsoc } from "../../../shared/errors.ts";
import { IDS_BAREMES, instantConnaissance, RefusPublication, schemaDemandePublication, schemaStatut, schemaVersion, schemaVersionDe, verifierPublication, type BaremeEnCatalogue, type CatalogueBaremes } from "../../../shared/baremes/index.ts";
import type { AppEnv } from "../env.ts";
import { exigerJetonAdmin } from "../auth.ts";
import { catalogue, catalogueNumerote, enregistrer, oublierCatalogue } from "../catalogue.ts";
import { etagFort, jsonPrive, jsonPublic, lireCorpsJson } from "../http.ts";
import { ApiError, depuisRefus } from "../problem.ts";
import { composant, declarer, entetesEtag, nonModifie, problemes, PUBLIC, type Application } from "../openapi.ts";

/** Barème answers may change when a version is published: five minutes of caching, then revalidation by ETag. */
export const MAX_AGE_BAREMES = 300;

/** The list: each scale's identity and its versions' dates, without the values. */
function resume(b: BaremeEnCatalogue) {
  const derniere = b.versions.at(-1);
  return {
    id: b.id,
    libelle: b.libelle,
    unite: b.unite,
    description: b.description,
    ...(b.clePrincipale !== undefined ? { clePrincipale: b.clePrincipale } : {}),
    datesEffet: b.versions.map((v) => v.dateEffet),
    ...(derniere ? { derniereVersion: { dateEffet: derniere.dateEffet, statut: derniere.statut, origine: derniere.origine } } : {}),
  };
}

function entete(b: BaremeEnCatalogue) {
  return {
    id: b.id,
    libelle: b.libelle,
    unite: b.unite,
    description: b.description,
    ...(b.clePrincipale !== undefined ? { clePrincipale: b.clePrincipale } : {}),
    ...(b.regles !== undefined ? { regles: b.regles } : {}),
    ...(b.lacunes !== undefined ? { lacunes: b.lacunes } : {}),
  };
}

/** Errors about the path's id or a query parameter name that parameter, not a body field. */
function enParametre<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!estErreurLogsoc(e)) throw e;
    const parametre = e.code === "BAREME_INCONNU" ? "id" : String(e.chemin[0] ?? "");
    throw new ApiError(e.code, e.message, [{ parametre, detail: e.message }]);
  }
}

/** `?connu_le=`: a date (known by the end of that day) or an ISO instant; absent, everything published so far. */
function connuLe(c: Context<AppEnv>): string | undefined {
  const brut = c.req.query("connu_le");
  return brut === undefined || brut === "" ? undefined : enParametre(() => instantConnaissance(brut, "connu_le"));
}

// ——— Documentation: the engine's own schemas ————————————————————————————————————————————————

const reference = z.object({ dateEffet: z.string().describe("Date d'effet de la version remplacée."), publieLe: z.string().describe("Quand elle avait été publiée.") });

const SchemaVersion = schemaVersion(z.record(z.string(), z.unknown()).describe("Valeurs du barème ; leur forme est celle du schéma du barème (voir la publication)."), { integree: true }).and(
  z.object({
    origine: z.enum(["integree", "publiee"]).describe("« integree » : livrée avec l'application ; « publiee » : publiée ensuite par l'API."),
    publiePar: z.string().optional(),
    publieLe: z.string().optional().describe("Quand LogSoc l'a connue : date de la version de LogSoc (intégrée) ou instant de publication (publiée)."),
    remplace: reference.optional().describe("Correction : la version qu'elle remplace."),
    motif: z.string().optional(),
  }),
);

const SchemaEntete = z.object({
  id: z.enum(IDS_BAREMES),
  libelle: z.string(),
  unite: z.string(),
  description: z.string(),
  clePrincipale: z.string().optional(),
  regles: z.array(z.string()).optional(),
  lacunes: z.array(z.string()).optional(),
});

const SchemaListe = z.object({
  baremes: z.array(
    SchemaEntete.omit({ regles: true, lacunes: true }).extend({
      datesEffet: z.array(z.string()),
      derniereVersion: z.object({ dateEffet: z.string(), statut: schemaStatut, origine: z.enum(["integree", "publiee"]) }).optional(),
    }),
  ),
});

const SchemaHistorique = z.array(
  z.object({
    nature: z.enum(["version", "correction", "retrait"]),
    origine: z.enum(["integree", "publiee"]),
    publieLe: z.string().optional(),
    publiePar: z.string().optional(),
    version: z.record(z.string(), z.unknown()).optional().describe("La version publiée (absente pour un retrait)."),
    remplace: reference.optional(),
    motif: z.string().optional(),
    remplaceePar: z
      .object({ nature: z.enum(["correction", "retrait"]), publieLe: z.string().optional(), publiePar: z.string().optional(), motif: z.string(), dateEffet: z.string().optional() })
      .optional()
      .describe("Quelle publication ultérieure a corrigé ou retiré cette version."),
  }),
);

const parametreId = z.string().describe(`Identifiant du barème : ${IDS_BAREMES.join(", ")}.`);
const parametreDate = z.string().optional().describe("AAAA-MM-JJ ; aujourd'hui (heure de Paris) si absente.");
const parametreConnuLe = z
  .string()
  .optional()
  .describe("Réponse telle que connue à cet instant (AAAA-MM-JJ : à la fin de ce jour, ou instant ISO 8601) : seules comptent les publications faites jusque-là. Absent : tout ce qui est publié.");

/** A registered component's reference in the OpenAPI description. */
type Composant = ReturnType<typeof composant>;

/** GET /v1/baremes: each scale and the dates of its versions. */
function routeListe(app: Application, liste: Composant): void {
  declarer(
    app,
    {
      method: "get",
      path: "/v1/baremes",
      operationId: "listeBaremes",
      tags: ["Barèmes"],
      summary: "Liste des barèmes et de leurs dates d'effet",
      security: PUBLIC,
      request: { query: z.object({ connu_le: parametreConnuLe }) },
      responses: { "200": { description: "Barèmes", headers: entetesEtag, content: { "application/json": { schema: liste } } }, "304": nonModifie, ...problemes("DATE_INVALIDE") },
    },
    async (c) => {
      const t = connuLe(c);
      const cat = await catalogue(c.env);
      return jsonPublic(c, { baremes: cat.liste(t).map(resume) }, MAX_AGE_BAREMES);
    },
  );
}

/** GET /v1/baremes/{id}: the version in force on a date. */
function routeEnVigueur(app: Application, entete_: Composant, version: Composant): void {
  declarer(
    app,
    {
      method: "get",
      path: "/v1/baremes/{id}",
      operationId: "baremeEnVigueur",
      tags: ["Barèmes"],
      summary: "Version d'un barème en vigueur à une date, telle que connue à un instant",
      security: PUBLIC,
      request: { params: z.object({ id: parametreId }), query: z.object({ date: parametreDate, connu_le: parametreConnuLe }) },
      responses: {
        "200": {
          description: `Version en vigueur (mise en cache ${MAX_AGE_BAREMES} s)`,
          headers: entetesEtag,
          content: { "application/json": { schema: { allOf: [entete_, { type: "object", properties: { date: { type: "string" }, connuLe: { type: "string" }, version }, required: ["date", "version"] }] } } },
        },
        "304": nonModifie,
        ...problemes("DATE_INVALIDE", "BAREME_INCONNU", "BAREME_NON_EN_VIGUEUR"),
      },
    },
    async (c) => {
      const cat = await catalogue(c.env);
      const demandee = c.req.query("date");
      const date = demandee === undefined || demandee === "" ? aujourdhui() : enParametre(() => parseDateISO(demandee, "date"));
      const t = connuLe(c);
      const b = enParametre(() => cat.bareme(c.req.param("id")!, t));
      const v = enParametre(() => cat.enVigueur(b.id, date, t));
      return jsonPublic(c, { ...entete(b), date, ...(t !== undefined ? { connuLe: t } : {}), version: v }, MAX_AGE_BAREMES);
    },
  );
}

/** GET /v1/baremes/{id}/versions: every version and the whole history. */
function routeVersions(app: Application, entete_: Composant, version: Composant, historique: Composant): void {
  declarer(
    app,
    {
      method: "get",
      path: "/v1/baremes/{id}/versions",
      operationId: "versionsBareme",
      tags: ["Barèmes"],
      summary: "Versions d'un barème et tout leur historique (corrections, retraits)",
      description:
        "« versions » : les versions connues (aujourd'hui, ou à « connu_le »), par date d'effet croissante. « historique » : toutes les publications, dans l'ordre où LogSoc les a connues, chacune avec la publication qui l'a corrigée ou retirée.",
      security: PUBLIC,
      request: { params: z.object({ id: parametreId }), query: z.object({ connu_le: parametreConnuLe }) },
      responses: {
        "200": {
          description: "Versions et historique",
          headers: entetesEtag,
          content: { "application/json": { schema: { allOf: [entete_, { type: "object", properties: { versions: { type: "array", items: version }, historique }, required: ["versions", "historique"] }] } } },
        },
        "304": nonModifie,
        ...problemes("BAREME_INCONNU", "DATE_INVALIDE"),
      },
    },
    async (c) => {
      const cat = await catalogue(c.env);
      const t = connuLe(c);
      const b = enParametre(() => cat.bareme(c.req.param("id")!, t));
      return jsonPublic(c, { ...entete(b), ...(t !== undefined ? { connuLe: t } : {}), versions: b.versions, historique: cat.historique(b.id) }, MAX_AGE_BAREMES);
    },
  );
}

/** POST /v1/baremes/{id}/versions: publish a version, a correction or a withdrawal (admin token). */
function routePublication(app: Application, publication: Composant, version: Composant): void {
  declarer(
    app,
    {
      method: "post",
      path: "/v1/baremes/{id}/versions",
      operationId: "publierVersionBareme",
      tags: ["Barèmes"],
      summary: "Publier une version, une correction ou un retrait (jeton requis)",
      description:
        "Rien n'est jamais modifié ni supprimé. Nouvelle version : « version ». Correction : « version », « remplace » (date d'effet de la version corrigée) et « motif ». Retrait : « retire »: true, « remplace » et « motif ». Contrôles : schéma du barème, date d'effet entre le 01/01/1990 et 2 ans après la publication, source en https, variation de plus de 25 % par rapport à la version en vigueur juste avant refusée sauf « confirmer_variation »: true.",
      security: [{ jetonAdmin: [] }],
      request: { params: z.object({ id: parametreId }), body: { required: true, content: { "application/json": { schema: publication } } } },
      responses: {
        "201": {
          description: "Publication enregistrée",
          headers: { Location: { description: "La version en vigueur à sa date d'effet.", schema: { type: "string" } } },
          content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" }, publication: { type: "object" }, version } } } },
        },
        ...problemes(
          "JSON_INVALIDE",
          "CORPS_TROP_VOLUMINEUX",
          "TYPE_DE_CONTENU_NON_PRIS_EN_CHARGE",
          "ENTREE_INVALIDE",
          "ARGUMENT_MANQUANT",
          "SOURCE_INVALIDE",
          "DATE_EFFET_INVALIDE",
          "VARIATION_SUSPECTE",
          "AUTHENTIFICATION_REQUISE",
          "ACCES_REFUSE",
          "VERSION_EXISTANTE",
          "VERSION_INTROUVABLE",
          "PUBLICATION_CONCURRENTE",
          "BAREME_INCONNU",
        ),
      },
    },
    async (c) => {
      await exigerJetonAdmin(c);
      // Publishing is rare: check against what D1 holds now, not the isolate's recent copy.
      oublierCatalogue();
      const { catalogue: cat, numero } = await catalogueNumerote(c.env);
      const b = enParametre(() => cat.bareme(c.req.param("id")!));
      const corps = await lireCorpsJson(c);
      const publieLe = new Date().toISOString();
      let p: ReturnType<typeof verifierPublication>;
      try {
        p = verifierPublication(cat, b.id, corps, publieLe);
      } catch (e) {
        if (e instanceof RefusPublication) throw depuisRefus(e);
        throw e;
      }
      if (!(await enregistrer(c.env, p, numero))) {
        throw new ApiError("PUBLICATION_CONCURRENTE", "Une autre publication est passée pendant le contrôle de celle-ci : rien n'a été enregistré. Relisez l'historique du barème puis renvoyez la demande.");
      }
      const apres: CatalogueBaremes = await catalogue(c.env);
      const publiee = apres.historique(b.id).findLast((x) => x.publieLe === publieLe) ?? null;
      const dateEffet = publiee?.version?.dateEffet ?? (typeof p.remplace === "object" ? p.remplace.dateEffet : undefined);
      if (dateEffet) c.header("location", `/v1/baremes/${b.id}?date=${dateEffet}`);
      return jsonPrive(c, { id: b.id, publication: publiee, ...(publiee?.version ? { version: publiee.version } : {}) }, 201);
    },
  );
}

export function routesBaremes(app: Application): void {
  const version = composant(app, "VersionBareme", SchemaVersion, "output");
  const entete_ = composant(app, "EnteteBareme", SchemaEntete, "output");
  const liste = composant(app, "ListeBaremes", SchemaListe, "output");
  const historique = composant(app, "HistoriqueBareme", SchemaHistorique, "output");
  const publication = composant(
    app,
    "Publication",
    schemaDemandePublication.extend({
      version: z.union(IDS_BAREMES.map((id) => schemaVersionDe(id).describe(`Version du barème ${id}`)) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]).optional(),
    }),
    "input",
  );
  app.use("/v1/baremes", etagFort());
  app.use("/v1/baremes/*", etagFort());
  routeListe(app, liste);
  routeEnVigueur(app, entete_, version);
  routeVersions(app, entete_, version, historique);
  routePublication(app, publication, version);
}
