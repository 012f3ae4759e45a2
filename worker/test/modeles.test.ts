import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { appeler, probleme } from "./outils.ts";

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
