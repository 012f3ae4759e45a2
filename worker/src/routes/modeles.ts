import type { Hono } from "hono";
import { aujourdhui, parseDateISO } from "../../../shared/date.ts";
import { ErreurLogsoc, estErreurLogsoc } from "../../../shared/errors.ts";
import { ZONES, type Zone } from "../../../shared/baremes/valeurs.ts";
import { TYPES_MODELES, estTypeModele } from "../../../shared/modeles/index.ts";
import { modeleXlsx, TYPE_MIME_XLSX } from "../../../shared/modeles/xlsx.ts";
import type { AppEnv } from "../env.ts";
import { catalogue } from "../catalogue.ts";
import { ApiError } from "../problem.ts";

/** A template only changes with the barèmes in force: same caching as the barème answers. */
export const MAX_AGE_MODELES = 300;

/** Query errors name the query parameter, as the barème routes do. */
function enParametre<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!estErreurLogsoc(e)) throw e;
    throw new ApiError(e.code, e.message, [{ parametre: String(e.chemin[0] ?? ""), detail: e.message }]);
  }
}

function lireCandidats(brut: string | undefined): number | undefined {
  if (brut === undefined || brut === "") return undefined;
  if (!/^\d{1,2}$/.test(brut)) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", `« candidats » doit être un nombre entier de 1 à 3 (reçu : « ${brut.slice(0, 20)} »).`, ["candidats"]);
  }
  return Number(brut);
}

function lireZone(brut: string | undefined): Zone | undefined {
  if (brut === undefined || brut === "") return undefined;
  const z = brut.toUpperCase();
  if (!(ZONES as readonly string[]).includes(z)) {
    throw new ErreurLogsoc("CODE_INCONNU", `Zone inconnue « ${brut.slice(0, 20)} » : ${ZONES.join(", ")} attendu.`, ["zone"]);
  }
  return z as Zone;
}

/**
 * GET /v1/modeles/{type}.xlsx?date=&zone=&candidats= — a blank workbook template (DESIGN §6) built with
 * the barèmes in force that day, published versions included. Nothing about a household is sent or kept.
 */
export function routesModeles(app: Hono<AppEnv>): void {
  app.get("/v1/modeles/:fichier", async (c) => {
    const fichier = c.req.param("fichier");
    const type = fichier.endsWith(".xlsx") ? fichier.slice(0, -".xlsx".length) : "";
    if (!estTypeModele(type)) {
      throw new ApiError("RESSOURCE_INTROUVABLE", `Aucun modèle « ${fichier.slice(0, 60)} » : ${TYPES_MODELES.map((t) => `${t}.xlsx`).join(", ")} attendu.`);
    }
    const date = enParametre(() => {
      const d = c.req.query("date");
      return d === undefined || d === "" ? aujourdhui() : parseDateISO(d, "date");
    });
    const zone = enParametre(() => lireZone(c.req.query("zone")));
    const candidats = enParametre(() => lireCandidats(c.req.query("candidats")));
    const cat = await catalogue(c.env);
    let rendu: Awaited<ReturnType<typeof modeleXlsx>>;
    try {
      rendu = await modeleXlsx(type, { date, catalogue: cat, zone, candidats });
    } catch (e) {
      // Bad options (candidats out of range, no barème in force that day) are the caller's: a 4xx naming the parameter.
      enParametre(() => {
        throw e;
      });
      throw e;
    }
    const { octets, nomFichier } = rendu;
    return c.body(octets as Uint8Array<ArrayBuffer>, 200, {
      "content-type": TYPE_MIME_XLSX,
      "content-disposition": `attachment; filename="${nomFichier}"`,
      "cache-control": `public, max-age=${MAX_AGE_MODELES}`,
    });
  });
}
