import { describe, expect, it } from "vitest";
import { CATALOGUE, creerCatalogue, instantConnaissance, type VersionPubliee } from "./catalogue.ts";
import { PUBLICATION_INTEGREE } from "./schema.ts";
import { erreur } from "../test/erreur.ts";

/**
 * Valid time and knowledge time (DESIGN §8). SMIC bundled in shared/baremes/donnees/smic.ts: 11,65 € from
 * 01/01/2024, 11,88 € from 01/11/2024 (décret 2024-951), 12,02 € from 01/01/2026, 12,31 € from 01/06/2026.
 */

const SOURCE = { texte: "Décret de revalorisation (essai)", reference: "Code du travail, art. L.3231-1 et suivants" };
const smic = (dateEffet: string, horaireBrut: number, mensuelBrut: number) => ({ dateEffet, valeurs: { horaireBrut, mensuelBrut, mensuelNet: null }, source: SOURCE, statut: "officiel" });

// A back-dated version, published on 10/12/2026, in force from 01/06/2025.
const retroactive: VersionPubliee = { bareme: "smic", version: smic("2025-06-01", 11.95, 1812.42), publiePar: "DGT", publieLe: "2026-12-10T09:00:00.000Z" };
// Corrected on 12/12/2026: the hourly rate was 11,94, not 11,95.
const correction: VersionPubliee = {
  bareme: "smic",
  version: smic("2025-06-01", 11.94, 1810.91),
  publiePar: "DGT",
  publieLe: "2026-12-12T09:00:00.000Z",
  remplace: { dateEffet: "2025-06-01" as never, publieLe: "2026-12-10T09:00:00.000Z" },
  motif: "Coquille sur le taux horaire",
};
// Withdrawn on 15/12/2026: no such revalorisation took place.
const retrait: VersionPubliee = { bareme: "smic", publiePar: "DGT", publieLe: "2026-12-15T09:00:00.000Z", remplace: "2025-06-01", motif: "Revalorisation annoncée puis abandonnée", retire: true };

describe("connu_le : les réponses telles que connues à un instant", () => {
  const cat = creerCatalogue([retroactive]);

  it("une version rétroactive ne change les réponses que pour un connu_le postérieur à sa publication", () => {
    expect(cat.enVigueur("smic", "2025-06-15", "2026-12-09").valeurs.horaireBrut).toBe(11.88);
    expect(cat.enVigueur("smic", "2025-06-15", "2026-12-10T08:59:59Z").valeurs.horaireBrut).toBe(11.88);
    expect(cat.enVigueur("smic", "2025-06-15", "2026-12-10T09:00:00Z").valeurs.horaireBrut).toBe(11.95);
    expect(cat.enVigueur("smic", "2025-06-15", "2026-12-10").valeurs.horaireBrut).toBe(11.95); // a day: known by its end
    expect(cat.enVigueur("smic", "2025-06-15").valeurs.horaireBrut).toBe(11.95); // default: everything known
    // Before its date d'effet nothing changes, whatever the knowledge.
    expect(cat.enVigueur("smic", "2025-05-31").valeurs.horaireBrut).toBe(11.88);
  });

  it("les versions intégrées sont connues depuis la date de version de LogSoc qui les livre", () => {
    expect(CATALOGUE.enVigueur("smic", "2025-06-15").publieLe).toBe(PUBLICATION_INTEGREE);
    expect(CATALOGUE.enVigueur("smic", "2025-06-15", PUBLICATION_INTEGREE).valeurs.horaireBrut).toBe(11.88);
    const e = erreur(() => CATALOGUE.enVigueur("smic", "2025-06-15", "2025-06-15"));
    expect(e.code).toBe("BAREME_NON_EN_VIGUEUR");
    expect(e.message).toContain("aucune version connue le 15/06/2025");
    expect(e.chemin).toEqual(["connu_le"]);
  });

  it("connu_le invalide : DATE_INVALIDE qui nomme connu_le", () => {
    const e = erreur(() => cat.enVigueur("smic", "2025-06-15", "hier"));
    expect(e.code).toBe("DATE_INVALIDE");
    expect(e.chemin).toEqual(["connu_le"]);
    expect(erreur(() => instantConnaissance("2026-02-30")).code).toBe("DATE_INVALIDE");
    expect(instantConnaissance("2026-12-10T10:00:00+01:00")).toBe("2026-12-10T09:00:00.000Z");
  });
});

describe("corrections et retraits : de nouvelles publications, rien n'est effacé", () => {
  const cat = creerCatalogue([retroactive, correction, retrait]);

  it("avant, pendant et après la correction puis le retrait", () => {
    expect(cat.enVigueur("smic", "2025-06-15", "2026-12-11").valeurs.horaireBrut).toBe(11.95);
    const corrigee = cat.enVigueur("smic", "2025-06-15", "2026-12-13");
    expect(corrigee.valeurs.horaireBrut).toBe(11.94);
    expect(corrigee.remplace).toEqual({ dateEffet: "2025-06-01", publieLe: "2026-12-10T09:00:00.000Z" });
    expect(corrigee.motif).toBe("Coquille sur le taux horaire");
    // Withdrawn: the version in force before it (01/11/2024, 11,88 €) applies again.
    expect(cat.enVigueur("smic", "2025-06-15").valeurs.horaireBrut).toBe(11.88);
    expect(cat.versions("smic").map((v) => v.dateEffet)).toEqual(["2024-01-01", "2024-11-01", "2026-01-01", "2026-06-01"]);
    expect(cat.versions("smic", "2026-12-13").map((v) => v.dateEffet)).toEqual(["2024-01-01", "2024-11-01", "2025-06-01", "2026-01-01", "2026-06-01"]);
  });

  it("l'historique garde tout, dans l'ordre de publication, avec qui a remplacé quoi", () => {
    const h = cat.historique("smic");
    expect(h.map((p) => [p.nature, p.origine, p.version?.dateEffet ?? null])).toEqual([
      ["version", "integree", "2024-01-01"],
      ["version", "integree", "2024-11-01"],
      ["version", "integree", "2026-01-01"],
      ["version", "integree", "2026-06-01"],
      ["version", "publiee", "2025-06-01"],
      ["correction", "publiee", "2025-06-01"],
      ["retrait", "publiee", null],
    ]);
    expect(h[4]!.remplaceePar).toEqual({ nature: "correction", publieLe: "2026-12-12T09:00:00.000Z", publiePar: "DGT", motif: "Coquille sur le taux horaire", dateEffet: "2025-06-01" });
    expect(h[5]!.remplaceePar).toEqual({ nature: "retrait", publieLe: "2026-12-15T09:00:00.000Z", publiePar: "DGT", motif: "Revalorisation annoncée puis abandonnée" });
    expect(h[6]).toMatchObject({ remplace: { dateEffet: "2025-06-01", publieLe: "2026-12-12T09:00:00.000Z" }, motif: "Revalorisation annoncée puis abandonnée" });
    expect(h[0]!.remplaceePar).toBeUndefined();
  });

  it("une version intégrée peut être corrigée ; l'ordre donné n'importe pas, seul publieLe compte", () => {
    const c = creerCatalogue([
      retrait,
      { bareme: "smic", version: smic("2026-01-01", 12.03, 1824.55), publiePar: "DGT", publieLe: "2026-12-20T00:00:00Z", remplace: "2026-01-01", motif: "Erratum" },
      correction,
      retroactive,
    ]);
    expect(c.enVigueur("smic", "2026-03-01").valeurs.horaireBrut).toBe(12.03);
    expect(c.enVigueur("smic", "2026-03-01", "2026-12-19").valeurs.horaireBrut).toBe(12.02);
    expect(c.enVigueur("smic", "2025-06-15").valeurs.horaireBrut).toBe(11.88);
  });

  it("correction sans motif, ou d'une version absente : refusée", () => {
    expect(erreur(() => creerCatalogue([retroactive, { ...correction, motif: " " }])).code).toBe("ARGUMENT_MANQUANT");
    expect(erreur(() => creerCatalogue([{ ...retrait, remplace: "2025-07-01" }])).message).toBe("Le barème smic n'a pas de version au 01/07/2025 à remplacer.");
  });

  it("les métadonnées de publication recopiées dans la version (réponse de l'API) sont mises de côté", () => {
    const c = creerCatalogue([{ ...retroactive, version: { ...(retroactive.version as object), origine: "publiee", publieLe: "x", motif: "y" } }]);
    expect(c.enVigueur("smic", "2025-06-15").publieLe).toBe("2026-12-10T09:00:00.000Z");
  });
});
