import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { appeler, poster, probleme } from "./outils.ts";

const JETON = "jeton-de-test-0123456789abcdef-0123456789"; // the binding set in vitest.config.ts
const CHEMIN = "/v1/baremes/rsa_montant_forfaitaire/versions";

const MAJORATIONS = { deuxiemePersonne: 0.5, troisiemePersonne: 0.3, quatriemePersonneCouple: 0.3, quatriemePersonneIsole: 0.4, personneSupplementaire: 0.4 };
const FORFAIT_LOGEMENT = { unePersonne: 0.12, deuxPersonnes: 0.16, troisPersonnesOuPlus: 0.165 };

function version(dateEffet: string, montant: number) {
  return {
    dateEffet,
    valeurs: { montant, majorations: MAJORATIONS, forfaitLogement: FORFAIT_LOGEMENT },
    source: { texte: "Décret de revalorisation (version de test)", reference: "CASF art. L.262-2 et R.262-1" },
    statut: "officiel",
  };
}

const publier = (corps: unknown, jeton: string | null = JETON) => poster(CHEMIN, corps, jeton === null ? {} : { authorization: `Bearer ${jeton}` });

async function lignesD1(): Promise<{ bareme: string; date_effet: string; publie_par: string; publie_le: string }[]> {
  return (await env.DB.prepare("SELECT bareme, date_effet, publie_par, publie_le FROM publications_baremes ORDER BY numero").all<{ bareme: string; date_effet: string; publie_par: string; publie_le: string }>()).results;
}

describe("POST /v1/baremes/{id}/versions : authentification", () => {
  it("sans en-tête Authorization → 401 avec WWW-Authenticate, rien n'est écrit", async () => {
    const avant = await lignesD1();
    const r = await publier({ publiePar: "Test", version: version("2028-04-01", 700) }, null);
    await probleme(r, 401, "AUTHENTIFICATION_REQUISE");
    expect(r.headers.get("www-authenticate")).toBe('Bearer realm="logsoc"');
    expect(await lignesD1()).toEqual(avant);
  });

  it("schéma autre que Bearer → 401 ; jeton faux, vide de sens ou tronqué → 403 ; rien n'est écrit", async () => {
    const avant = await lignesD1();
    await probleme(await poster(CHEMIN, {}, { authorization: `Basic ${btoa(`admin:${JETON}`)}` }), 401, "AUTHENTIFICATION_REQUISE");
    for (const faux of ["mauvais", JETON.slice(0, -1), `${JETON}x`, JETON.toUpperCase()]) {
      await probleme(await publier({ publiePar: "Test", version: version("2028-04-01", 700) }, faux), 403, "ACCES_REFUSE");
    }
    expect(await lignesD1()).toEqual(avant);
  });
});

describe("POST /v1/baremes/{id}/versions : publication", () => {
  it("une version publiée s'applique à partir de sa date d'effet, pas avant ; l'auteur et l'instant sont enregistrés", async () => {
    // Before: on 2027-04-01 the latest bundled version applies.
    const avantPub = (await (await appeler("/v1/baremes/rsa_montant_forfaitaire?date=2027-04-01")).json()) as { version: { dateEffet: string } };
    const etagVersions = (await appeler(CHEMIN)).headers.get("etag")!;

    const debut = new Date().toISOString();
    const r = await publier({ publiePar: "Agnès Martin (DIHAL)", version: version("2027-04-01", 700.25) });
    const fin = new Date().toISOString();
    expect(r.status).toBe(201);
    expect(r.headers.get("location")).toBe("/v1/baremes/rsa_montant_forfaitaire?date=2027-04-01");
    const publiee = ((await r.json()) as { version: { origine: string; publiePar: string; publieLe: string } }).version;
    expect(publiee).toMatchObject({ origine: "publiee", publiePar: "Agnès Martin (DIHAL)" });
    expect(publiee.publieLe >= debut && publiee.publieLe <= fin).toBe(true);

    const veille = (await (await appeler("/v1/baremes/rsa_montant_forfaitaire?date=2027-03-31")).json()) as { version: { dateEffet: string } };
    expect(veille.version.dateEffet).toBe(avantPub.version.dateEffet);
    const jour = (await (await appeler("/v1/baremes/rsa_montant_forfaitaire?date=2027-04-01")).json()) as { version: { dateEffet: string; valeurs: { montant: number }; origine: string; publiePar: string } };
    expect(jour.version).toMatchObject({ dateEffet: "2027-04-01", valeurs: { montant: 700.25 }, origine: "publiee", publiePar: "Agnès Martin (DIHAL)" });

    const versions = await appeler(CHEMIN, { headers: { "if-none-match": etagVersions } });
    expect(versions.status).toBe(200); // the list changed, so the old ETag no longer matches
    const dates = ((await versions.json()) as { versions: { dateEffet: string }[] }).versions.map((v) => v.dateEffet);
    expect(dates.at(-1)).toBe("2027-04-01");

    const lignes = (await lignesD1()).filter((l) => l.date_effet === "2027-04-01");
    expect(lignes).toEqual([{ bareme: "rsa_montant_forfaitaire", date_effet: "2027-04-01", publie_par: "Agnès Martin (DIHAL)", publie_le: publiee.publieLe }]);
  });

  it("la même date d'effet deux fois → 409, la première version reste intacte", async () => {
    expect((await publier({ publiePar: "A", version: version("2028-05-01", 710) })).status).toBe(201);
    const p = await probleme(await publier({ publiePar: "B", version: version("2028-05-01", 999) }), 409, "VERSION_EXISTANTE");
    expect(p.errors?.[0]?.pointer).toBe("/version/dateEffet");
    const jour = (await (await appeler("/v1/baremes/rsa_montant_forfaitaire?date=2028-05-01")).json()) as { version: { valeurs: { montant: number }; publiePar: string } };
    expect(jour.version).toMatchObject({ valeurs: { montant: 710 }, publiePar: "A" });
    expect((await lignesD1()).filter((l) => l.date_effet === "2028-05-01")).toHaveLength(1);
  });

  it("une date d'effet déjà présente dans les données intégrées (01/04/2025) → 409", async () => {
    const p = await probleme(await publier({ publiePar: "A", version: version("2025-04-01", 646.52) }), 409, "VERSION_EXISTANTE");
    expect(p.detail).toContain("intégrée");
  });

  it("valeurs refusées par le schéma du barème → 400 avec le chemin du champ fautif ; rien n'est écrit", async () => {
    const avant = await lignesD1();
    const sansMajorations = version("2028-06-01", 720) as { valeurs: Record<string, unknown> };
    delete sansMajorations.valeurs.majorations;
    const p = await probleme(await publier({ publiePar: "A", version: sansMajorations }), 400, "ENTREE_INVALIDE");
    expect(p.errors?.[0]?.pointer).toBe("/version/valeurs/majorations");
    const negatif = await probleme(await publier({ publiePar: "A", version: version("2028-06-01", -5) }), 400, "ENTREE_INVALIDE");
    expect(negatif.errors?.[0]?.pointer).toBe("/version/valeurs/montant");
    const sansAuteur = await probleme(await publier({ version: version("2028-06-01", 720) }), 400, "ARGUMENT_MANQUANT");
    expect(sansAuteur.errors?.[0]?.pointer).toBe("/publiePar");
    const auteurNombre = await probleme(await publier({ publiePar: 42, version: version("2028-06-01", 720) }), 400, "ENTREE_INVALIDE");
    expect(auteurNombre.errors?.[0]?.pointer).toBe("/publiePar");
    expect(await lignesD1()).toEqual(avant);
  });

  it("barème inconnu → 404 ; jeton valide exigé avant tout", async () => {
    await probleme(await poster("/v1/baremes/impot/versions", { publiePar: "A", version: {} }, { authorization: `Bearer ${JETON}` }), 404, "BAREME_INCONNU");
    await probleme(await poster("/v1/baremes/impot/versions", { publiePar: "A", version: {} }), 401, "AUTHENTIFICATION_REQUISE");
  });

  it("la table est en ajout seul : D1 refuse UPDATE et DELETE", async () => {
    expect((await publier({ publiePar: "A", version: version("2028-07-01", 730) })).status).toBe(201);
    await expect(env.DB.prepare("UPDATE publications_baremes SET publie_par = 'X'").run()).rejects.toThrow(/ajout seul/);
    await expect(env.DB.prepare("DELETE FROM publications_baremes").run()).rejects.toThrow(/ajout seul/);
    await expect(env.DB.prepare("INSERT INTO versions_baremes (bareme, date_effet, version, publie_par, publie_le) VALUES ('smic', '2028-01-01', '{}', 'X', 'x')").run()).rejects.toThrow(/fermée/);
    expect((await lignesD1()).some((l) => l.date_effet === "2028-07-01" && l.publie_par === "A")).toBe(true);
  });
});
