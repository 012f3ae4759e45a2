import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { appeler, poster, probleme } from "./outils.ts";
import { oublierClasseurs } from "../src/routes/modeles.ts";

async function parties(r: Response): Promise<Record<string, string>> {
  const fichiers = unzipSync(new Uint8Array(await r.arrayBuffer()));
  return Object.fromEntries(Object.entries(fichiers).filter(([n]) => n.endsWith(".xml")).map(([n, o]) => [n, strFromU8(o)]));
}

describe("GET /v1/modeles/{type}.xlsx", () => {
  it("évaluation au 1er juin 2025 : un vrai classeur .xlsx, à télécharger, avec les noms de DESIGN §6", async () => {
    const r = await appeler("/v1/modeles/evaluation.xlsx?date=2025-06-01");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="logsoc-evaluation-2025-06-01.xlsx"');
    expect(r.headers.get("cache-control")).toBe("public, max-age=300");
    const xml = await parties(r);
    const classeur = xml["xl/workbook.xml"]!;
    for (const nom of ["TOTAL_RESSOURCES", "TOTAL_CHARGES", "RAV_MENSUEL", "RAV_JOUR_PERSONNE", "RAV_UC", "RAV_JOUR_UC", "TAUX_EFFORT", "CAPACITE_REMBOURSEMENT"]) {
      expect(classeur).toContain(`name="${nom}"`);
    }
    // The Barèmes sheet carries the RSA in force on 2025-06-01: 646,52 € (décret 2025-293, since 2025-04-01).
    const textes = Object.values(xml).join("\n");
    expect(textes).toContain("646.52");
  });

  it("plan d'apurement, fiche CALEOL à 2 candidats en zone PARIS, grille de compétences", async () => {
    for (const chemin of ["/v1/modeles/apurement.xlsx", "/v1/modeles/cal.xlsx?zone=paris&candidats=2&date=2026-01-15", "/v1/modeles/competences.xlsx"]) {
      const r = await appeler(chemin);
      expect(r.status, chemin).toBe(200);
      expect(Object.keys(await parties(r))).toContain("xl/workbook.xml");
    }
  });

  it("modèle inconnu ou sans .xlsx : 404 problem", async () => {
    await probleme(await appeler("/v1/modeles/budget.xlsx"), 404, "RESSOURCE_INTROUVABLE");
    await probleme(await appeler("/v1/modeles/evaluation"), 404, "RESSOURCE_INTROUVABLE");
  });

  it("paramètres invalides : 4xx qui nomme le paramètre, jamais 5xx", async () => {
    const date = await probleme(await appeler("/v1/modeles/evaluation.xlsx?date=2025-02-30"), 400, "DATE_INVALIDE");
    expect(date.errors?.[0]?.parametre).toBe("date");
    const zone = await probleme(await appeler("/v1/modeles/cal.xlsx?zone=LYON"), 400, "CODE_INCONNU");
    expect(zone.errors?.[0]?.parametre).toBe("zone");
    const candidats = await probleme(await appeler("/v1/modeles/cal.xlsx?candidats=4"), 422, "HORS_LIMITES");
    expect(candidats.errors?.[0]?.parametre).toBe("candidats");
    await probleme(await appeler("/v1/modeles/cal.xlsx?candidats=deux"), 400, "ENTREE_INVALIDE");
    // The first RSA version in the data is 2022-04-01: a template for 2021 has no barème in force.
    const avant = await appeler("/v1/modeles/evaluation.xlsx?date=2021-06-01");
    expect(avant.status).toBe(404);
    expect((await avant.json()) as { code: string }).toMatchObject({ code: "BAREME_NON_EN_VIGUEUR" });
  });

  it("POST n'est pas accepté : 405 avec Allow", async () => {
    const r = await appeler("/v1/modeles/evaluation.xlsx", { method: "POST" });
    await probleme(r, 405, "METHODE_NON_AUTORISEE");
  });
});

describe("GET /v1/modeles/{type}.xlsx : un classeur par jeu de versions de barèmes, servi depuis le cache", () => {
  // No bundled barème changes between 01/04/2025 (RSA, décret 2025-293) and 07/07/2025 (shared/baremes/donnees):
  // 1st and 15th of June have the same set of versions, 10 July another.
  it("deux dates du même jeu : le même classeur (octets et ETag), le second servi sans être regénéré", async () => {
    oublierClasseurs();
    const r1 = await appeler("/v1/modeles/apurement.xlsx?date=2025-06-01");
    const r2 = await appeler("/v1/modeles/apurement.xlsx?date=2025-06-15");
    expect(r1.headers.get("x-logsoc-cache")).toBe("genere");
    expect(r2.headers.get("x-logsoc-cache")).toBe("memoire");
    expect(r2.headers.get("etag")).toBe(r1.headers.get("etag"));
    expect(new Uint8Array(await r2.arrayBuffer())).toEqual(new Uint8Array(await r1.arrayBuffer()));
    // The file name still says the day asked for.
    expect(r2.headers.get("content-disposition")).toBe('attachment; filename="logsoc-apurement-2025-06-15.xlsx"');
    const autre = await appeler("/v1/modeles/apurement.xlsx?date=2025-07-10");
    expect(autre.headers.get("x-logsoc-cache")).toBe("genere");
    expect(autre.headers.get("etag")).not.toBe(r1.headers.get("etag"));
    await autre.arrayBuffer();
  });

  it("If-None-Match → 304 ; la mémoire de l'isolat vidée, le classeur revient de l'API Cache", async () => {
    const r = await appeler("/v1/modeles/competences.xlsx?date=2025-06-01");
    const etag = r.headers.get("etag")!;
    await r.arrayBuffer();
    const r304 = await appeler("/v1/modeles/competences.xlsx?date=2025-06-02", { headers: { "if-none-match": etag } });
    expect(r304.status).toBe(304);
    oublierClasseurs();
    let origine: string | null = null;
    for (let i = 0; i < 20 && origine !== "cache"; i++) {
      const x = await appeler("/v1/modeles/competences.xlsx?date=2025-06-03");
      origine = x.headers.get("x-logsoc-cache");
      expect(x.headers.get("etag")).toBe(etag);
      await x.arrayBuffer();
      if (origine !== "cache") oublierClasseurs(); // the first write may still be under way
    }
    expect(origine).toBe("cache");
  });

  it("une publication qui change le jeu de versions change le classeur", async () => {
    const avant = await appeler("/v1/modeles/apurement.xlsx?date=2025-06-20");
    const etag = avant.headers.get("etag");
    await avant.arrayBuffer();
    const p = await poster(
      "/v1/baremes/smic/versions",
      { publiePar: "Test", version: { dateEffet: "2025-06-10", valeurs: { horaireBrut: 11.9, mensuelBrut: 1804.83, mensuelNet: null }, source: { texte: "Essai", reference: "C. trav. L.3231-1" }, statut: "officiel" } },
      { authorization: "Bearer jeton-de-test-0123456789abcdef-0123456789" },
    );
    expect(p.status).toBe(201);
    const apres = await appeler("/v1/modeles/apurement.xlsx?date=2025-06-20");
    expect(apres.headers.get("x-logsoc-cache")).toBe("genere");
    expect(apres.headers.get("etag")).not.toBe(etag);
    await apres.arrayBuffer();
  });
});
