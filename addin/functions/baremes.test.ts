import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLE_CACHE, CLE_ESTAMPILLE, ecrireCache } from "../commun/cacheBaremes.ts";
import { stockageParDefaut } from "../commun/stockage.ts";

// The shared runtime gives the functions the page's localStorage: stand one in before functions.ts loads,
// so the functions read the versions the task pane caches there, as they do in Excel.
const valeurs = new Map<string, string>();
const localStorageFactice = {
  getItem: (k: string) => valeurs.get(k) ?? null,
  setItem: (k: string, v: string) => void valeurs.set(k, String(v)),
};
class ErreurExcelFactice {
  readonly code: string;
  readonly message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    this.message = message;
  }
}
const globale = globalThis as Record<string, unknown>;
globale.localStorage = localStorageFactice;
globale.CustomFunctions = { Error: ErreurExcelFactice };
const { ASSOCIATIONS } = await import("./functions.ts");
const f = {
  bareme: ASSOCIATIONS.BAREME!,
  rsaForfaitaire: ASSOCIATIONS.RSA_FORFAITAIRE!,
  plafondRessources: ASSOCIATIONS.PLAFOND_RESSOURCES!,
  quotiteSaisissable: ASSOCIATIONS.QUOTITE_SAISISSABLE!,
  capaciteRemboursement: ASSOCIATIONS.CAPACITE_REMBOURSEMENT!,
};

/** Excel passes an omitted optional argument as null. */
const OMIS = null as unknown as undefined;

function erreurDe(appel: () => unknown): ErreurExcelFactice {
  try {
    appel();
  } catch (e) {
    expect(e).toBeInstanceOf(ErreurExcelFactice);
    return e as ErreurExcelFactice;
  }
  throw new Error("aucune erreur levée");
}

// 2026-01-01 is serial 46023 (2025-01-01 = 45658, + 365); 15 March 2026 = 46023 + 31 + 28 + 14.
const SERIE_15_MARS_2026 = 46096;

beforeEach(() => valeurs.clear());

describe("barème functions over the bundled data", () => {
  it("BAREME returns the main value in force at the date, or the value at a key (case-insensitive)", () => {
    expect(f.bareme("smic", SERIE_15_MARS_2026, OMIS)).toBe(12.02);
    expect(f.bareme("smic", "2025-06-01", "mensuelBrut")).toBe(1801.8);
    expect(f.bareme(" smic ", SERIE_15_MARS_2026, "MENSUELBRUT")).toBe(1823.03);
    expect(f.bareme("plafonds_ressources_hlm", SERIE_15_MARS_2026, "PLUS.AUTRES.cat3")).toBe(37584);
  });

  it("BAREME says #N/A, in French, for an unknown scale, a date before the first version, or a value no source gives", () => {
    const inconnu = erreurDe(() => f.bareme("loyer_plafond", SERIE_15_MARS_2026, OMIS));
    expect(inconnu.code).toBe("#N/A");
    const avant = erreurDe(() => f.bareme("smic", "2023-06-01", OMIS));
    expect(avant.code).toBe("#N/A");
    expect(avant.message).toContain("01/01/2024");
    const absente = erreurDe(() => f.bareme("smic", "2026-07-01", "mensuelNet"));
    expect(absente.code).toBe("#N/A");
    expect(absente.message).toMatch(/n'est pas disponible/);
  });

  it("RSA_FORFAITAIRE reads VRAI/FAUX as Excel booleans and the date as a serial number", () => {
    // Montant forfaitaire from 1 April 2025: 646,52 €; a couple gets +50 %: 969,78 €.
    expect(f.rsaForfaitaire(false, OMIS, "2025-06-01", OMIS)).toBe(646.52);
    expect(f.rsaForfaitaire(true, [[0]], SERIE_15_MARS_2026, false)).toBe(969.78);
    const e = erreurDe(() => f.rsaForfaitaire("peut-être", OMIS, OMIS, OMIS));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/VRAI ou FAUX/);
  });

  it("PLAFOND_RESSOURCES takes the codes in any case and category 7+ as category 6 plus extra persons", () => {
    expect(f.plafondRessources("plus", [[3]], "autres", SERIE_15_MARS_2026)).toBe(37584);
    // Category 8: category 6 (60 156 €) + 2 × 6 710 € = 73 576 €.
    expect(f.plafondRessources("PLUS", [[8]], "AUTRES", SERIE_15_MARS_2026)).toBe(73576);
    const e = erreurDe(() => f.plafondRessources("PLI", [[3]], "AUTRES", SERIE_15_MARS_2026));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/PLAI|PLUS|PLS/);
  });

  it("sums a range given for an amount, as for the calculation functions", () => {
    expect(f.quotiteSaisissable([[1000, 500]], OMIS, SERIE_15_MARS_2026)).toBe(f.quotiteSaisissable([[1500]], OMIS, SERIE_15_MARS_2026));
    expect(f.capaciteRemboursement([[1200], [300]], [[800]], OMIS, OMIS, SERIE_15_MARS_2026)).toBe(f.capaciteRemboursement([[1500]], [[800]], OMIS, OMIS, SERIE_15_MARS_2026));
  });
});

describe("versions cached by the task pane", () => {
  const smic2027 = {
    dateEffet: "2027-01-01",
    valeurs: { horaireBrut: 12.5, mensuelBrut: 1895.83, mensuelNet: null },
    source: { texte: "Décret de revalorisation au 1er janvier 2027", reference: "Code du travail, art. L.3231-1 et suivants" },
    statut: "officiel",
  };

  beforeAll(() => {
    expect(stockageParDefaut().nom).toBe("localStorage");
  });

  it("are used from the next calculation on, without reloading the functions", () => {
    expect(f.bareme("smic", "2027-02-01", OMIS)).toBe(12.31);
    ecrireCache(stockageParDefaut(), { recuLe: "2027-01-02T08:00:00.000Z", versions: [{ bareme: "smic", version: smic2027, publiePar: "Équipe LogSoc" }] });
    expect(f.bareme("smic", "2027-02-01", OMIS)).toBe(12.5);
    // Before its date d'effet the published version does not apply.
    expect(f.bareme("smic", "2026-12-31", OMIS)).toBe(12.31);
  });

  it("leave out a cached version this release does not accept, keeping the others", () => {
    const invalide = { ...smic2027, dateEffet: "2028-01-01", valeurs: { horaireBrut: "beaucoup" } };
    ecrireCache(stockageParDefaut(), { recuLe: "2028-01-02T08:00:00.000Z", versions: [{ bareme: "smic", version: smic2027 }, { bareme: "smic", version: invalide }] });
    expect(f.bareme("smic", "2028-02-01", OMIS)).toBe(12.5);
  });

  it("fall back to the bundled data when the cache is unreadable", () => {
    valeurs.set(CLE_CACHE, "{ pas du JSON");
    valeurs.set(CLE_ESTAMPILLE, "illisible");
    expect(f.bareme("smic", "2027-02-01", OMIS)).toBe(12.31);
  });
});
