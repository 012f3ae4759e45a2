import { describe, expect, it } from "vitest";
import { appeler, probleme } from "./outils.ts";

interface VersionRecue {
  dateEffet: string;
  valeurs: { montant: number };
  source: { texte: string; reference: string };
  statut: string;
  origine: string;
}

describe("GET /v1/baremes", () => {
  it("liste chaque barème avec ses dates d'effet, sans les valeurs", async () => {
    const r = await appeler("/v1/baremes");
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("public, max-age=300");
    const { baremes } = (await r.json()) as { baremes: { id: string; datesEffet: string[]; versions?: unknown }[] };
    const rsa = baremes.find((b) => b.id === "rsa_montant_forfaitaire")!;
    // Revalorisations of 1 April 2023, 2024 and 2025 (décrets 2023-340, 2024-396, 2025-293).
    expect(rsa.datesEffet).toEqual(expect.arrayContaining(["2023-04-01", "2024-04-01", "2025-04-01"]));
    expect(rsa.versions).toBeUndefined();
  });
});

describe("GET /v1/baremes/{id}?date=", () => {
  it("RSA au 15/06/2025 : version du 01/04/2025, 646,52 € (décret n° 2025-293), avec sa source et son statut", async () => {
    const r = await appeler("/v1/baremes/rsa_montant_forfaitaire?date=2025-06-15");
    expect(r.status).toBe(200);
    const corps = (await r.json()) as { id: string; date: string; version: VersionRecue };
    expect(corps.id).toBe("rsa_montant_forfaitaire");
    expect(corps.date).toBe("2025-06-15");
    expect(corps.version.dateEffet).toBe("2025-04-01");
    expect(corps.version.valeurs.montant).toBe(646.52);
    expect(corps.version.source.texte).toContain("2025-293");
    expect(corps.version.statut).toBe("officiel");
    expect(corps.version.origine).toBe("integree");
  });

  it("la veille de la revalorisation (31/03/2025) : encore 635,71 € (décret n° 2024-396)", async () => {
    const corps = (await (await appeler("/v1/baremes/rsa_montant_forfaitaire?date=2025-03-31")).json()) as { version: VersionRecue };
    expect(corps.version.dateEffet).toBe("2024-04-01");
    expect(corps.version.valeurs.montant).toBe(635.71);
  });

  it("ETag fort et 304 sur If-None-Match ; une autre date a un autre ETag", async () => {
    const r = await appeler("/v1/baremes/rsa_montant_forfaitaire?date=2025-06-15");
    const etag = r.headers.get("etag")!;
    expect(etag).toMatch(/^"/);
    const r304 = await appeler("/v1/baremes/rsa_montant_forfaitaire?date=2025-06-15", { headers: { "if-none-match": etag } });
    expect(r304.status).toBe(304);
    const autre = await appeler("/v1/baremes/rsa_montant_forfaitaire?date=2025-03-31", { headers: { "if-none-match": etag } });
    expect(autre.status).toBe(200);
    expect(autre.headers.get("etag")).not.toBe(etag);
  });

  it("sans date : la version en vigueur aujourd'hui, et la date retenue est dite", async () => {
    const corps = (await (await appeler("/v1/baremes/smic")).json()) as { date: string; version: VersionRecue };
    expect(corps.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(corps.version.dateEffet <= corps.date).toBe(true);
  });

  it("barème inconnu → 404 BAREME_INCONNU sur le paramètre id", async () => {
    const p = await probleme(await appeler("/v1/baremes/impot_revenu"), 404, "BAREME_INCONNU");
    expect(p.errors).toEqual([{ parametre: "id", detail: p.detail }]);
  });

  it("date invalide → 400 DATE_INVALIDE sur le paramètre date ; date antérieure à toute version → 404", async () => {
    const p = await probleme(await appeler("/v1/baremes/rsa_montant_forfaitaire?date=2025-02-30"), 400, "DATE_INVALIDE");
    expect(p.errors?.[0]?.parametre).toBe("date");
    const q = await probleme(await appeler("/v1/baremes/rsa_montant_forfaitaire?date=1990-01-01"), 404, "BAREME_NON_EN_VIGUEUR");
    expect(q.errors?.[0]?.parametre).toBe("date");
  });
});

describe("GET /v1/baremes/{id}/versions", () => {
  it("toutes les versions, par date d'effet croissante, chacune avec sa source", async () => {
    const r = await appeler("/v1/baremes/rsa_montant_forfaitaire/versions");
    expect(r.status).toBe(200);
    const { versions } = (await r.json()) as { versions: VersionRecue[] };
    const dates = versions.map((v) => v.dateEffet);
    expect([...dates].sort()).toEqual(dates);
    expect(versions.every((v) => v.source.texte.length > 0 && v.source.reference.length > 0)).toBe(true);
    expect(r.headers.get("etag")).toMatch(/^"/);
  });
});
