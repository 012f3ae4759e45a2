import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { appeler, poster, probleme } from "./outils.ts";

/**
 * Valid time and knowledge time through the API (DESIGN §8). SMIC bundled (shared/baremes/donnees/smic.ts):
 * 11,88 € from 01/11/2024 (décret 2024-951), 12,02 € from 01/01/2026, 12,31 € from 01/06/2026.
 */

const JETON = "jeton-de-test-0123456789abcdef-0123456789";
const CHEMIN = "/v1/baremes/smic/versions";
const SOURCE = { texte: "Décret de revalorisation (essai)", reference: "Code du travail, art. L.3231-1 et suivants", url: "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000050000000" };
const smic = (dateEffet: string, horaireBrut: number, mensuelBrut: number, source: object = SOURCE) => ({ dateEffet, valeurs: { horaireBrut, mensuelBrut, mensuelNet: null }, source, statut: "officiel" });
const publier = (corps: unknown) => poster(CHEMIN, corps, { authorization: `Bearer ${JETON}` });

interface Reponse {
  version: { dateEffet: string; valeurs: { horaireBrut: number }; publieLe: string; remplace?: unknown; motif?: string };
  connuLe?: string;
}
async function enVigueur(date: string, connuLe?: string): Promise<Reponse> {
  const r = await appeler(`/v1/baremes/smic?date=${date}${connuLe ? `&connu_le=${encodeURIComponent(connuLe)}` : ""}`);
  expect(r.status).toBe(200);
  return (await r.json()) as Reponse;
}
const avant = (instant: string) => new Date(Date.parse(instant) - 1).toISOString();
async function lignes(): Promise<number> {
  return (await env.DB.prepare("SELECT COUNT(*) AS n FROM publications_baremes").first<{ n: number }>())!.n;
}

describe("connu_le : une publication rétroactive ne change que les réponses connues après elle", () => {
  it("SMIC au 15/06/2025 : 11,88 € tel que connu avant la publication d'une version au 01/06/2025, 11,95 € après", async () => {
    const r = await publier({ publiePar: "DGT", version: smic("2025-06-01", 11.95, 1812.42) });
    expect(r.status).toBe(201);
    const publieLe = ((await r.json()) as { version: { publieLe: string } }).version.publieLe;
    expect((await enVigueur("2025-06-15", avant(publieLe))).version.valeurs.horaireBrut).toBe(11.88);
    expect((await enVigueur("2025-06-15", publieLe)).version.valeurs.horaireBrut).toBe(11.95);
    expect((await enVigueur("2025-06-15")).version.valeurs.horaireBrut).toBe(11.95);
    expect((await enVigueur("2025-06-15", avant(publieLe))).connuLe).toBe(avant(publieLe));

    // The answers as known before differ from those known after: different bodies, different ETags.
    const e1 = (await appeler(`/v1/baremes/smic?date=2025-06-15&connu_le=${avant(publieLe)}`)).headers.get("etag");
    const e2 = (await appeler("/v1/baremes/smic?date=2025-06-15")).headers.get("etag");
    expect(e1).not.toBe(e2);
  });

  it("connu_le avant la livraison des données intégrées (26/11/2026) : 404 qui nomme connu_le ; connu_le invalide : 400", async () => {
    const p = await probleme(await appeler("/v1/baremes/smic?date=2025-06-15&connu_le=2025-06-15"), 404, "BAREME_NON_EN_VIGUEUR");
    expect(p.errors?.[0]?.parametre).toBe("connu_le");
    const q = await probleme(await appeler("/v1/baremes/smic?date=2025-06-15&connu_le=hier"), 400, "DATE_INVALIDE");
    expect(q.errors).toEqual([{ parametre: "connu_le", detail: q.detail }]);
  });
});

describe("corrections et retraits : visibles dans l'historique et dans les réponses avant/après", () => {
  it("une version publiée, sa correction, puis son retrait ; l'historique dit qui a remplacé quoi", async () => {
    const v = await publier({ publiePar: "DGT", version: smic("2025-09-01", 11.99, 1818.49) });
    expect(v.status).toBe(201);
    const etag1 = (await appeler(CHEMIN)).headers.get("etag")!;
    const t1 = ((await v.json()) as { version: { publieLe: string } }).version.publieLe;

    const c = await publier({ publiePar: "DGT (erratum)", version: smic("2025-09-01", 11.98, 1816.97), remplace: "2025-09-01", motif: "Coquille sur le taux horaire" });
    expect(c.status).toBe(201);
    expect(c.headers.get("location")).toBe("/v1/baremes/smic?date=2025-09-01");
    const t2 = ((await c.json()) as { version: { publieLe: string } }).version.publieLe;
    const corrigee = await enVigueur("2025-09-15");
    expect(corrigee.version).toMatchObject({ valeurs: { horaireBrut: 11.98 }, remplace: { dateEffet: "2025-09-01", publieLe: t1 }, motif: "Coquille sur le taux horaire" });
    expect((await enVigueur("2025-09-15", avant(t2))).version.valeurs.horaireBrut).toBe(11.99);
    // ETag of the history changed with the correction; the old one no longer gives a 304.
    expect((await appeler(CHEMIN, { headers: { "if-none-match": etag1 } })).status).toBe(200);

    const retrait = await publier({ publiePar: "DGT", retire: true, remplace: "2025-09-01", motif: "Revalorisation annulée" });
    expect(retrait.status).toBe(201);
    const t3 = ((await retrait.json()) as { publication: { publieLe: string } }).publication.publieLe;
    // Withdrawn: on 15/09/2025 the version known now is again the previous one, 11,95 € of 01/06/2025 published above, or 11,88 €.
    const apres = await enVigueur("2025-09-15");
    expect(apres.version.dateEffet < "2025-09-01").toBe(true);
    expect((await enVigueur("2025-09-15", avant(t3))).version.valeurs.horaireBrut).toBe(11.98);

    const h = (await (await appeler(CHEMIN)).json()) as {
      versions: { dateEffet: string }[];
      historique: { nature: string; publieLe: string; version?: { valeurs: { horaireBrut: number } }; remplaceePar?: { nature: string; publieLe: string; motif: string } }[];
    };
    expect(h.versions.map((x) => x.dateEffet)).not.toContain("2025-09-01");
    const miennes = h.historique.filter((x) => [t1, t2, t3].includes(x.publieLe));
    expect(miennes.map((x) => [x.nature, x.version?.valeurs.horaireBrut ?? null, x.remplaceePar?.nature ?? null])).toEqual([
      ["version", 11.99, "correction"],
      ["correction", 11.98, "retrait"],
      ["retrait", null, null],
    ]);
    expect(miennes[0]!.remplaceePar).toMatchObject({ publieLe: t2, motif: "Coquille sur le taux horaire" });
    // As known between the correction and the withdrawal, the list of versions still has it.
    const vue = (await (await appeler(`${CHEMIN}?connu_le=${avant(t3)}`)).json()) as { versions: { dateEffet: string }[] };
    expect(vue.versions.map((x) => x.dateEffet)).toContain("2025-09-01");
  });
});

describe("publications refusées : chacune avec son code, rien n'est écrit", () => {
  it("variation suspecte, date d'effet, source, schéma, version à remplacer introuvable, doublon", async () => {
    const n = await lignes();
    // SMIC 99,99 € on 01/12/2024: +741,7 % against 11,88 € (01/11/2024), the version in force just before.
    const v = await probleme(await publier({ publiePar: "X", version: smic("2024-12-01", 99.99, 1801.8) }), 422, "VARIATION_SUSPECTE");
    expect(v.errors).toEqual([{ pointer: "/version/valeurs/horaireBrut", detail: "99.99 contre 11.88 dans la version du 01/11/2024 (+741,7 %)." }]);
    await probleme(await publier({ publiePar: "X", version: smic("1900-01-01", 11.88, 1801.8) }), 422, "DATE_EFFET_INVALIDE");
    const s = await probleme(await publier({ publiePar: "X", version: smic("2024-12-01", 11.9, 1801.8, { ...SOURCE, url: "javascript:alert(1)" }) }), 400, "SOURCE_INVALIDE");
    expect(s.errors?.[0]?.pointer).toBe("/version/source/url");
    const sch = await probleme(await publier({ publiePar: "X", version: { ...smic("2024-12-01", 11.9, 1801.8), statut: "provisoire", valeurs: { horaireBrut: "x", mensuelBrut: 1801.8, mensuelNet: null } } }), 400, "ENTREE_INVALIDE");
    expect(sch.errors?.map((e) => e.pointer)).toEqual(["/version/valeurs/horaireBrut", "/version/statut"]);
    await probleme(await publier({ publiePar: "X", retire: true, remplace: "2024-12-01", motif: "x" }), 404, "VERSION_INTROUVABLE");
    await probleme(await publier({ publiePar: "X", version: smic("2026-01-01", 12.03, 1824.55) }), 409, "VERSION_EXISTANTE");
    await probleme(await publier({ publiePar: "X", version: smic("2026-01-01", 12.03, 1824.55), remplace: "2026-01-01" }), 400, "ARGUMENT_MANQUANT");
    expect(await lignes()).toBe(n);
    // Confirmed, the same variation is accepted.
    expect((await publier({ publiePar: "X", version: smic("2024-12-01", 99.99, 1801.8), confirmer_variation: true })).status).toBe(201);
  });
});
