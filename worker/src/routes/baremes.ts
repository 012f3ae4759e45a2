import type { Hono } from "hono";
import { z } from "zod";
import { aujourdhui, parseDateISO } from "../../../shared/date.ts";
import { estErreurLogsoc } from "../../../shared/errors.ts";
import { validerVersionPubliee, type BaremeEnCatalogue, type VersionEnCatalogue } from "../../../shared/baremes/index.ts";
import { dateFr } from "../../../shared/baremes/catalogue.ts";
import type { AppEnv } from "../env.ts";
import { exigerJetonAdmin } from "../auth.ts";
import { catalogue, oublierCatalogue } from "../catalogue.ts";
import { jsonPrive, jsonPublic, lireCorpsJson } from "../http.ts";
import { ApiError, depuisErreurLogsoc, pointeur } from "../problem.ts";

/** Barème answers may change when a version is published: five minutes of caching, then revalidation by ETag. */
export const MAX_AGE_BAREMES = 300;

/** The list: each scale's identity and its versions' dates, without the values. */
function resume(b: BaremeEnCatalogue) {
  const derniere = b.versions.at(-1)!;
  return {
    id: b.id,
    libelle: b.libelle,
    unite: b.unite,
    description: b.description,
    ...(b.clePrincipale !== undefined ? { clePrincipale: b.clePrincipale } : {}),
    datesEffet: b.versions.map((v) => v.dateEffet),
    derniereVersion: { dateEffet: derniere.dateEffet, statut: derniere.statut, origine: derniere.origine },
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

/** Errors about the path's id or the query's date name that parameter, not a body field. */
function enParametre<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!estErreurLogsoc(e)) throw e;
    const parametre = e.code === "BAREME_INCONNU" ? "id" : String(e.chemin[0] ?? "");
    throw new ApiError(e.code, e.message, [{ parametre, detail: e.message }]);
  }
}

export const PublicationSchema = z.strictObject({
  publiePar: z
    .string({ error: "« publiePar » (qui publie cette version) doit être un texte." })
    .trim()
    .min(1, { error: "« publiePar » (qui publie cette version) est obligatoire." })
    .max(200, { error: "« publiePar » ne peut pas dépasser 200 caractères." }),
  version: z.unknown(),
});

/** A D1 constraint violation, whatever the driver's wording: the UNIQUE (bareme, date_effet) index. */
function estViolationUnicite(e: unknown): boolean {
  return e instanceof Error && /UNIQUE constraint failed/i.test(e.message);
}

export function routesBaremes(app: Hono<AppEnv>): void {
  app.get("/v1/baremes", async (c) => {
    const cat = await catalogue(c.env);
    return jsonPublic(c, { baremes: cat.liste().map(resume) }, MAX_AGE_BAREMES);
  });

  app.get("/v1/baremes/:id", async (c) => {
    const cat = await catalogue(c.env);
    const demandee = c.req.query("date");
    const date = demandee === undefined || demandee === "" ? aujourdhui() : enParametre(() => parseDateISO(demandee, "date"));
    const b = enParametre(() => cat.bareme(c.req.param("id")));
    const version: VersionEnCatalogue = enParametre(() => cat.enVigueur(b.id, date));
    return jsonPublic(c, { ...entete(b), date, version }, MAX_AGE_BAREMES);
  });

  app.get("/v1/baremes/:id/versions", async (c) => {
    const cat = await catalogue(c.env);
    const b = enParametre(() => cat.bareme(c.req.param("id")));
    return jsonPublic(c, { ...entete(b), versions: b.versions }, MAX_AGE_BAREMES);
  });

  app.post("/v1/baremes/:id/versions", async (c) => {
    await exigerJetonAdmin(c);
    // Publishing is rare: check against what D1 holds now, not the isolate's recent copy.
    oublierCatalogue();
    const cat = await catalogue(c.env);
    const b = enParametre(() => cat.bareme(c.req.param("id")));
    const lu = PublicationSchema.safeParse(await lireCorpsJson(c), { reportInput: true });
    if (!lu.success) {
      const i = lu.error.issues[0]!;
      const chemin = i.code === "unrecognized_keys" ? [i.keys[0]!] : i.path.map((p) => (typeof p === "number" ? p : String(p)));
      const detail = i.code === "unrecognized_keys" ? `Champ inconnu : ${i.keys.join(", ")}. Champs attendus : publiePar, version.` : i.message;
      throw new ApiError(i.input === undefined && i.code === "invalid_type" ? "ARGUMENT_MANQUANT" : "ENTREE_INVALIDE", detail, [{ pointer: pointeur(chemin), detail }]);
    }
    const publieLe = new Date().toISOString();
    let validee: ReturnType<typeof validerVersionPubliee>;
    try {
      validee = validerVersionPubliee({ bareme: b.id, version: lu.data.version, publiePar: lu.data.publiePar, publieLe });
    } catch (e) {
      if (estErreurLogsoc(e)) throw depuisErreurLogsoc(e);
      throw e;
    }
    const { version } = validee;
    const conflit = () => {
      const existante = cat.versionExistante(b.id, version.dateEffet);
      const quelle = existante?.origine === "integree" ? "intégrée à l'application" : "publiée";
      return new ApiError(
        "VERSION_EXISTANTE",
        `Le barème ${b.id} a déjà une version ${existante ? quelle : "publiée"} au ${dateFr(version.dateEffet)} : une version n'est jamais remplacée. Publiez une version à une autre date d'effet.`,
        [{ pointer: "/version/dateEffet", detail: `Date d'effet déjà utilisée : ${version.dateEffet}.` }],
      );
    };
    if (cat.versionExistante(b.id, version.dateEffet) !== null) throw conflit();
    const { origine: _origine, publiePar: _par, publieLe: _le, ...stockee } = version;
    try {
      await c.env.DB.prepare("INSERT INTO versions_baremes (bareme, date_effet, version, publie_par, publie_le) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(b.id, version.dateEffet, JSON.stringify(stockee), lu.data.publiePar, publieLe)
        .run();
    } catch (e) {
      // Another publication of the same date won the race between the check above and the insert.
      if (estViolationUnicite(e)) throw conflit();
      throw e;
    }
    oublierCatalogue();
    c.header("location", `/v1/baremes/${b.id}?date=${version.dateEffet}`);
    return jsonPrive(c, { id: b.id, version }, 201);
  });
}
