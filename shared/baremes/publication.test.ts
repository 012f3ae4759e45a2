import { describe, expect, it } from "vitest";
import { creerCatalogue } from "./catalogue.ts";
import { RefusPublication, verifierPublication } from "./publication.ts";

/** SMIC bundled: 11,88 € from 01/11/2024, 12,02 € from 01/01/2026 (shared/baremes/donnees/smic.ts). */
const SOURCE = { texte: "Décret de revalorisation (essai)", reference: "Code du travail, art. L.3231-1", url: "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000050000000" };
const smic = (dateEffet: string, horaireBrut: number, mensuelBrut: number, source: object = SOURCE) => ({ dateEffet, valeurs: { horaireBrut, mensuelBrut, mensuelNet: null }, source, statut: "officiel" });
const MAINTENANT = "2026-12-01T10:00:00.000Z";
const cat = creerCatalogue();

function refus(corps: unknown, c = cat): RefusPublication {
  try {
    verifierPublication(c, "smic", corps, MAINTENANT);
  } catch (e) {
    if (e instanceof RefusPublication) return e;
    throw e;
  }
  throw new Error("publication acceptée");
}

describe("vérifications de publication (DESIGN §8)", () => {
  it("une version plausible est acceptée, avec l'instant et l'auteur", () => {
    const p = verifierPublication(cat, "smic", { publiePar: "DGT", version: smic("2027-01-01", 12.5, 1895.83) }, MAINTENANT);
    expect(p).toMatchObject({ bareme: "smic", publiePar: "DGT", publieLe: MAINTENANT });
  });

  it("SMIC du 01/06/2025 à 99,99 € : variation suspecte par rapport à la version en vigueur juste avant (11,88 € au 01/11/2024)", () => {
    const r = refus({ publiePar: "DGT", version: smic("2025-06-01", 99.99, 1812.42) });
    expect(r.code).toBe("VARIATION_SUSPECTE");
    // (99,99 − 11,88) / 11,88 = 7,4167… → +741,7 % ; mensuel (1812,42 − 1801,80) / 1801,80 = +0,6 %, accepté.
    expect(r.champs).toEqual([{ chemin: ["version", "valeurs", "horaireBrut"], detail: "99.99 contre 11.88 dans la version du 01/11/2024 (+741,7 %)." }]);
    expect(r.message).toContain("confirmer_variation");
  });

  it("25 % pile passe, au-delà non : 11,88 × 1,25 = 14,85", () => {
    expect(() => verifierPublication(cat, "smic", { publiePar: "DGT", version: smic("2025-06-01", 14.85, 1801.8) }, MAINTENANT)).not.toThrow();
    expect(refus({ publiePar: "DGT", version: smic("2025-06-01", 14.86, 1801.8) }).code).toBe("VARIATION_SUSPECTE");
  });

  it("confirmer_variation : la variation est acceptée", () => {
    expect(() => verifierPublication(cat, "smic", { publiePar: "DGT", version: smic("2025-06-01", 99.99, 1812.42), confirmer_variation: true }, MAINTENANT)).not.toThrow();
  });

  it("valeur absurde (1e308) : refusée même confirmée", () => {
    const r = refus({ publiePar: "DGT", version: smic("2025-06-01", 1e308, 1812.42), confirmer_variation: true });
    expect(r.code).toBe("ENTREE_INVALIDE");
    expect(r.champs[0]!.chemin).toEqual(["version", "valeurs", "horaireBrut"]);
  });

  it("date d'effet en 1900, ou plus de 2 ans après la publication (01/12/2026 → au plus 01/12/2028) : DATE_EFFET_INVALIDE", () => {
    expect(refus({ publiePar: "DGT", version: smic("1900-01-01", 11.88, 1801.8) }).code).toBe("DATE_EFFET_INVALIDE");
    expect(refus({ publiePar: "DGT", version: smic("1989-12-31", 11.88, 1801.8) }).code).toBe("DATE_EFFET_INVALIDE");
    expect(() => verifierPublication(cat, "smic", { publiePar: "DGT", version: smic("2028-12-01", 12.5, 1895.83) }, MAINTENANT)).not.toThrow();
    const r = refus({ publiePar: "DGT", version: smic("2028-12-02", 12.5, 1895.83) });
    expect(r.code).toBe("DATE_EFFET_INVALIDE");
    expect(r.champs).toEqual([{ chemin: ["version", "dateEffet"], detail: "La date d'effet 02/12/2028 tombe plus de 2 ans après la publication (01/12/2026 10:00 UTC), au-delà du 01/12/2028." }]);
  });

  it("lien de source javascript: ou http: : SOURCE_INVALIDE sur version.source.url", () => {
    for (const url of ["javascript:alert(1)", "http://www.legifrance.gouv.fr/x", "data:text/html,x"]) {
      const r = refus({ publiePar: "DGT", version: smic("2027-01-01", 12.5, 1895.83, { ...SOURCE, url }) });
      expect(r.code, url).toBe("SOURCE_INVALIDE");
      expect(r.champs[0]!.chemin).toEqual(["version", "source", "url"]);
    }
  });

  it("erreurs de schéma : tous les champs fautifs, avec leur chemin", () => {
    const r = refus({ publiePar: "DGT", version: { dateEffet: "2027-01-01", valeurs: { horaireBrut: "12,5", mensuelBrut: -1, mensuelNet: null }, source: SOURCE, statut: "provisoire" } });
    expect(r.code).toBe("ENTREE_INVALIDE");
    expect(r.champs.map((c) => c.chemin.join("."))).toEqual(["version.valeurs.horaireBrut", "version.valeurs.mensuelBrut", "version.statut"]);
    const m = refus({ version: smic("2027-01-01", 12.5, 1895.83), champ: 1 });
    expect(m.code).toBe("ARGUMENT_MANQUANT");
    expect(m.champs.map((c) => c.chemin.join("."))).toEqual(["publiePar", "champ"]);
  });

  it("même date qu'une version connue sans « remplace » : VERSION_EXISTANTE ; avec remplace et motif : correction acceptée", () => {
    expect(refus({ publiePar: "DGT", version: smic("2026-01-01", 12.03, 1824.55) }).code).toBe("VERSION_EXISTANTE");
    const p = verifierPublication(cat, "smic", { publiePar: "DGT", version: smic("2026-01-01", 12.03, 1824.55), remplace: "2026-01-01", motif: "Erratum" }, MAINTENANT);
    expect(p.remplace).toEqual({ dateEffet: "2026-01-01", publieLe: "2026-11-26" });
    expect(creerCatalogue([p]).enVigueur("smic", "2026-03-01").valeurs.horaireBrut).toBe(12.03);
  });

  it("correction : motif obligatoire ; version remplacée inconnue : VERSION_INTROUVABLE ; retrait sans version", () => {
    expect(refus({ publiePar: "DGT", version: smic("2026-01-01", 12.03, 1824.55), remplace: "2026-01-01" }).code).toBe("ARGUMENT_MANQUANT");
    expect(refus({ publiePar: "DGT", retire: true, remplace: "2025-01-01", motif: "x" }).code).toBe("VERSION_INTROUVABLE");
    expect(refus({ publiePar: "DGT", retire: true, motif: "x" }).code).toBe("ARGUMENT_MANQUANT");
    expect(refus({ publiePar: "DGT", retire: true, remplace: "2026-01-01", motif: "x", version: smic("2026-01-01", 12.03, 1824.55) }).code).toBe("ENTREE_INVALIDE");
    const r = verifierPublication(cat, "smic", { publiePar: "DGT", retire: true, remplace: "2026-01-01", motif: "Erreur de saisie" }, MAINTENANT);
    expect(creerCatalogue([r]).enVigueur("smic", "2026-03-01").valeurs.horaireBrut).toBe(11.88);
  });
});
