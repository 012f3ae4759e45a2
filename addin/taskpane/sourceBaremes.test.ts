import { describe, expect, it } from "vitest";
import { CATALOGUE, creerCatalogue } from "#shared/baremes/index.ts";
import type { DateISO } from "#shared/date.ts";
import { lireCache } from "../commun/cacheBaremes.ts";
import { stockageMemoire, stockageParDefaut } from "../commun/stockage.ts";
import { chargerBaremes, dateDesBaremes, etatHorsLigne, type Recuperer } from "./sourceBaremes.ts";

const SMIC_2027 = {
  dateEffet: "2027-01-01",
  valeurs: { horaireBrut: 12.5, mensuelBrut: 1895.83, mensuelNet: null },
  source: { texte: "Décret de revalorisation au 1er janvier 2027", reference: "Code du travail, art. L.3231-1 et suivants" },
  statut: "officiel",
};

/** The Worker's answers, shaped as worker/src/routes/baremes.ts writes them, built from the bundled catalogue. */
function worker(publiees: Record<string, object[]> = {}): { recuperer: Recuperer; demandes: string[] } {
  const demandes: string[] = [];
  const json = (corps: unknown) => new Response(JSON.stringify(corps), { status: 200, headers: { "content-type": "application/json" } });
  const recuperer: Recuperer = async (url) => {
    demandes.push(url);
    if (url === "/v1/baremes") {
      return json({
        baremes: CATALOGUE.liste().map((b) => ({
          id: b.id,
          libelle: b.libelle,
          datesEffet: [...b.versions.map((v) => v.dateEffet), ...(publiees[b.id] ?? []).map((v) => (v as { dateEffet: string }).dateEffet)],
        })),
      });
    }
    const m = /^\/v1\/baremes\/([a-z_]+)\/versions$/.exec(url);
    if (m) {
      const b = CATALOGUE.bareme(m[1]!);
      return json({ id: b.id, libelle: b.libelle, versions: [...b.versions, ...(publiees[b.id] ?? []).map((v) => ({ ...v, origine: "publiee", publiePar: "Équipe LogSoc", publieLe: "2026-12-20T10:00:00.000Z" }))] });
    }
    return new Response("{}", { status: 404 });
  };
  return { recuperer, demandes };
}

const maintenant = () => new Date("2027-01-02T08:00:00.000Z");

describe("loading barèmes from the Worker", () => {
  it("is online with the bundled data when nothing was published, asking each scale for its history", async () => {
    const { recuperer, demandes } = worker();
    const stockage = stockageMemoire();
    const etat = await chargerBaremes({ recuperer, stockage, maintenant });
    expect(etat).toMatchObject({ mode: "en-ligne", publiees: 0, ecartees: 0, recuLe: "2027-01-02T08:00:00.000Z" });
    // A correction of a bundled version adds no date d'effet: every scale's history is read.
    expect(demandes).toEqual(["/v1/baremes", ...CATALOGUE.liste().map((b) => `/v1/baremes/${b.id}/versions`)]);
    expect(lireCache(stockage)).toEqual({ recuLe: "2027-01-02T08:00:00.000Z", versions: [] });
  });

  it("fetches the versions of a scale, caches the published ones and uses them", async () => {
    const { recuperer, demandes } = worker({ smic: [SMIC_2027] });
    const stockage = stockageMemoire();
    const etat = await chargerBaremes({ recuperer, stockage, maintenant });
    expect(demandes).toContain("/v1/baremes/smic/versions");
    expect(etat).toMatchObject({ mode: "en-ligne", publiees: 1 });
    const v = etat.catalogue.enVigueur("smic", "2027-03-01");
    expect(v.valeurs).toEqual(SMIC_2027.valeurs);
    expect(v.origine).toBe("publiee");
    expect(lireCache(stockage)!.versions).toEqual([{ bareme: "smic", version: SMIC_2027, publiePar: "Équipe LogSoc", publieLe: "2026-12-20T10:00:00.000Z" }]);
  });

  it("is offline with the bundled barèmes when the Worker cannot be reached", async () => {
    const stockage = stockageMemoire();
    const etat = await chargerBaremes({ recuperer: () => Promise.reject(new TypeError("Failed to fetch")), stockage });
    expect(etat).toMatchObject({ mode: "hors-ligne", recuLe: null, publiees: 0, raison: "le service LogSoc ne répond pas" });
    expect(etat.catalogue).toBe(CATALOGUE);
    expect(lireCache(stockage)).toBeNull();
  });

  it("keeps using what it cached last time when the Worker is down later", async () => {
    const stockage = stockageMemoire();
    await chargerBaremes({ recuperer: worker({ smic: [SMIC_2027] }).recuperer, stockage, maintenant });
    const etat = await chargerBaremes({ recuperer: async () => new Response("indisponible", { status: 503 }), stockage });
    expect(etat).toMatchObject({ mode: "hors-ligne", recuLe: "2027-01-02T08:00:00.000Z", publiees: 1, raison: "le service LogSoc a répondu 503" });
    expect(etat.catalogue.enVigueur("smic", "2027-03-01").valeurs).toEqual(SMIC_2027.valeurs);
  });

  it("treats an unreadable answer as offline and leaves the cache untouched", async () => {
    const stockage = stockageMemoire();
    await chargerBaremes({ recuperer: worker({ smic: [SMIC_2027] }).recuperer, stockage, maintenant });
    for (const reponse of [new Response("<html>", { status: 200 }), new Response(JSON.stringify({ autre: true }), { status: 200 })]) {
      const etat = await chargerBaremes({ recuperer: async () => reponse, stockage });
      expect(etat).toMatchObject({ mode: "hors-ligne", raison: "la réponse du service LogSoc est illisible", publiees: 1 });
    }
  });

  it("ignores scales this release does not know and published versions it cannot validate", async () => {
    const { recuperer } = worker({ smic: [SMIC_2027, { ...SMIC_2027, dateEffet: "2028-01-01", valeurs: { horaireBrut: -1 } }] });
    const avecInconnu: Recuperer = async (url, init) => {
      const r = await recuperer(url, init);
      if (url !== "/v1/baremes") return r;
      const corps = (await r.json()) as { baremes: object[] };
      corps.baremes.push({ id: "loyer_plafond_futur", datesEffet: ["2027-01-01"] });
      return new Response(JSON.stringify(corps), { status: 200 });
    };
    const etat = await chargerBaremes({ recuperer: avecInconnu, stockage: stockageMemoire(), maintenant });
    expect(etat).toMatchObject({ mode: "en-ligne", publiees: 1, ecartees: 1 });
    expect(etat.catalogue.enVigueur("smic", "2028-06-01").dateEffet).toBe("2027-01-01");
  });
});

describe("the offline state and the status date", () => {
  it("uses the cache alone before the Worker answers", async () => {
    const stockage = stockageMemoire();
    expect(etatHorsLigne(stockage)).toMatchObject({ mode: "hors-ligne", recuLe: null, publiees: 0 });
    await chargerBaremes({ recuperer: worker({ smic: [SMIC_2027] }).recuperer, stockage, maintenant });
    expect(etatHorsLigne(stockage)).toMatchObject({ mode: "hors-ligne", recuLe: "2027-01-02T08:00:00.000Z", publiees: 1 });
  });

  it("dates the barèmes by the latest version already in force, whatever the scale", () => {
    const versions = (...dates: string[]) => dates.map((dateEffet) => ({ dateEffet }));
    const catalogue = {
      liste: () => [
        { id: "smic", versions: versions("2026-01-01", "2026-06-01") },
        { id: "rsa", versions: versions("2025-04-01", "2026-04-01") },
      ],
    } as unknown as typeof CATALOGUE;
    expect(dateDesBaremes(catalogue, "2026-03-15" as DateISO)).toBe("2026-01-01");
    expect(dateDesBaremes(catalogue, "2026-04-01" as DateISO)).toBe("2026-04-01");
    expect(dateDesBaremes(catalogue, "2030-01-01" as DateISO)).toBe("2026-06-01");
    expect(dateDesBaremes(catalogue, "2025-01-01" as DateISO)).toBeNull();
  });
});

describe("storage", () => {
  it("uses localStorage when the page has one, memory otherwise or when it is refused", () => {
    const m = new Map<string, string>();
    const ls = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    const s = stockageParDefaut({ localStorage: ls });
    expect(s.nom).toBe("localStorage");
    s.ecrire("a", "1");
    expect(m.get("a")).toBe("1");
    expect(stockageParDefaut({}).nom).toBe("mémoire");
    const refuse = {
      get localStorage(): Storage {
        throw new DOMException("refusé", "SecurityError");
      },
    };
    expect(stockageParDefaut(refuse).nom).toBe("mémoire");
  });

  it("replays the Worker's history: a correction and a withdrawal apply from when they were published, so the pane can answer as known on a past day", async () => {
    // The history as the Worker builds it (worker/src/routes/baremes.ts: catalogue.historique), from three publications.
    const publications = [
      { bareme: "smic", version: SMIC_2027, publiePar: "Équipe LogSoc", publieLe: "2026-12-20T10:00:00.000Z" },
      { bareme: "smic", version: { ...SMIC_2027, valeurs: { ...SMIC_2027.valeurs, horaireBrut: 12.52 } }, remplace: "2027-01-01", motif: "Coquille dans le taux horaire", publiePar: "Équipe LogSoc", publieLe: "2027-01-10T09:00:00.000Z" },
      { bareme: "smic", remplace: "2027-01-01", retire: true, motif: "Décret annulé", publiePar: "Équipe LogSoc", publieLe: "2027-02-01T09:00:00.000Z" },
    ];
    const serveur = creerCatalogue(publications);
    const recuperer: Recuperer = async (url) => {
      const json = (corps: unknown) => new Response(JSON.stringify(corps), { status: 200 });
      if (url === "/v1/baremes") return json({ baremes: serveur.liste().map((b) => ({ id: b.id, datesEffet: b.versions.map((v) => v.dateEffet) })) });
      const id = /^\/v1\/baremes\/([a-z_]+)\/versions$/.exec(url)![1]!;
      return json({ id, versions: serveur.versions(id), historique: serveur.historique(id) });
    };
    const stockage = stockageMemoire();
    const etat = await chargerBaremes({ recuperer, stockage, maintenant });
    expect(etat).toMatchObject({ mode: "en-ligne", publiees: 3, ecartees: 0 });
    const c = etat.catalogue;
    // Known on 15/12/2026: nothing published yet, the bundled 2026 SMIC (12,31 €) applies in March 2027.
    expect(c.enVigueur("smic", "2027-03-01", "2026-12-15").valeurs.horaireBrut).toBe(12.31);
    // Known on 05/01/2027: the 2027 version as first published (12,50 €); on 15/01/2027: its correction (12,52 €).
    expect(c.enVigueur("smic", "2027-03-01", "2027-01-05").valeurs.horaireBrut).toBe(12.5);
    expect(c.enVigueur("smic", "2027-03-01", "2027-01-15").valeurs.horaireBrut).toBe(12.52);
    // Withdrawn on 01/02/2027: today's answer is back to the 2026 SMIC.
    expect(c.enVigueur("smic", "2027-03-01").valeurs.horaireBrut).toBe(12.31);
    // The cache holds the same history, so offline the pane answers the same.
    const horsLigne = etatHorsLigne(stockage);
    expect(horsLigne.catalogue.enVigueur("smic", "2027-03-01", "2027-01-15").valeurs.horaireBrut).toBe(12.52);
    expect(horsLigne.catalogue.enVigueur("smic", "2027-03-01").valeurs.horaireBrut).toBe(12.31);
  });
});
