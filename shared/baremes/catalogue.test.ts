import { describe, expect, it } from "vitest";
import { baremeAt, CATALOGUE, creerCatalogue, validerVersionPubliee, type VersionPubliee } from "./catalogue.ts";
import { schemaValeurs, schemaVersionDe } from "./definitions.ts";
import { statutDeCle, valeurParCle } from "./cle.ts";
import { evaluer, evaluerObjet } from "../fonctions/registre.ts";
import { erreur } from "../test/erreur.ts";

/** A deep copy of plain data (JSON values only). */
function copie<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

const SOURCE = { texte: "Décret n° 2027-1 du 1er janvier 2027", reference: "Code du travail, art. L.3231-1 et suivants" };
const smic2027: VersionPubliee = {
  bareme: "smic",
  version: { dateEffet: "2027-01-01", valeurs: { horaireBrut: 12.5, mensuelBrut: 1895.83, mensuelNet: null }, source: SOURCE, statut: "officiel" },
  publiePar: "DGCS (essai)",
  publieLe: "2026-12-20T10:00:00Z",
};

describe("catalogue intégré", () => {
  it("baremeAt et CATALOGUE.enVigueur donnent la même version", () => {
    expect(baremeAt("smic", "2025-06-01")).toBe(CATALOGUE.enVigueur("smic", "2025-06-01"));
  });
  it("identifiant inconnu : BAREME_INCONNU, #N/A, liste des barèmes", () => {
    const e = erreur(() => CATALOGUE.enVigueur("rsa", "2025-01-01"));
    expect(e.code).toBe("BAREME_INCONNU");
    expect(e.erreurExcel).toBe("#N/A");
    expect(e.message).toMatch(/Barème inconnu « rsa »\. Barèmes disponibles : rsa_montant_forfaitaire, saisie_remuneration/);
  });
  it("identifiant en majuscules ou entouré d'espaces : reconnu", () => {
    expect(CATALOGUE.bareme(" SMIC ").id).toBe("smic");
  });
  it("date invalide : DATE_INVALIDE", () => {
    expect(erreur(() => CATALOGUE.enVigueur("smic", "2025-02-30")).code).toBe("DATE_INVALIDE");
  });
  it("toutes les versions intégrées sont d'origine « integree » et figées", () => {
    const v = CATALOGUE.enVigueur("smic", "2025-06-01");
    expect(v.origine).toBe("integree");
    expect(() => {
      (v.valeurs as { horaireBrut: number }).horaireBrut = 99;
    }).toThrow(TypeError);
    expect(CATALOGUE.enVigueur("smic", "2025-06-01").valeurs.horaireBrut).toBe(11.88);
  });
  it("versionExistante : la version datée exactement, sinon null", () => {
    expect(CATALOGUE.versionExistante("smic", "2024-11-01")?.valeurs).toEqual({ horaireBrut: 11.88, mensuelBrut: 1801.8, mensuelNet: 1426.3 });
    expect(CATALOGUE.versionExistante("smic", "2024-11-02")).toBeNull();
  });
});

describe("versions publiées superposées aux données intégrées", () => {
  const cat = creerCatalogue([smic2027]);

  it("s'appliquent à partir de leur date d'effet, pas avant", () => {
    expect(cat.enVigueur("smic", "2026-12-31").valeurs.horaireBrut).toBe(12.31);
    const v = cat.enVigueur("smic", "2027-01-01");
    expect(v.valeurs.horaireBrut).toBe(12.5);
    expect(v.origine).toBe("publiee");
    expect(v.publiePar).toBe("DGCS (essai)");
    expect(v.publieLe).toBe("2026-12-20T10:00:00Z");
  });
  it("ne changent pas le catalogue intégré", () => {
    expect(CATALOGUE.enVigueur("smic", "2027-06-01").valeurs.horaireBrut).toBe(12.31);
    expect(cat.versions("smic")).toHaveLength(5);
    expect(CATALOGUE.versions("smic")).toHaveLength(4);
  });
  it("une version publiée avant la première version intégrée ouvre les dates antérieures", () => {
    const c = creerCatalogue([{ bareme: "smic", version: { dateEffet: "2023-05-01", valeurs: { horaireBrut: 11.52, mensuelBrut: 1747.2, mensuelNet: null }, source: SOURCE, statut: "non_verifie" } }]);
    expect(c.enVigueur("smic", "2023-06-01").valeurs.horaireBrut).toBe(11.52);
    expect(c.enVigueur("smic", "2024-01-01").valeurs.horaireBrut).toBe(11.65);
    expect(c.versions("smic").map((v) => v.dateEffet)).toEqual(["2023-05-01", "2024-01-01", "2024-11-01", "2026-01-01", "2026-06-01"]);
  });
  it("même barème et même date qu'une version intégrée : conflit refusé (le Worker répond 409)", () => {
    const doublon: VersionPubliee = { bareme: "smic", version: { ...(smic2027.version as object), dateEffet: "2026-06-01" } };
    expect(CATALOGUE.versionExistante("smic", "2026-06-01")).not.toBeNull();
    const e = erreur(() => creerCatalogue([doublon]));
    expect(e.code).toBe("ENTREE_INVALIDE");
    expect(e.message).toBe("Le barème smic a déjà une version (intégrée) au 01/06/2026 : une version publiée ne remplace jamais une version existante sans le dire (« remplace » et « motif »).");
  });
  it("deux versions publiées à la même date : conflit", () => {
    expect(erreur(() => creerCatalogue([smic2027, smic2027])).message).toMatch(/déjà une version \(publiée\) au 01\/01\/2027/);
  });
  it("cache du volet rattrapé par une nouvelle version du complément : siConflit garder_integree garde la version intégrée", () => {
    const doublon: VersionPubliee = { bareme: "smic", version: { ...(smic2027.version as object), dateEffet: "2026-06-01" } };
    const c = creerCatalogue([doublon, smic2027], { siConflit: "garder_integree" });
    expect(c.enVigueur("smic", "2026-06-01").origine).toBe("integree");
    expect(c.enVigueur("smic", "2027-01-01").origine).toBe("publiee");
  });
  it("versionExistante voit les versions publiées", () => {
    expect(cat.versionExistante("smic", "2027-01-01")?.origine).toBe("publiee");
  });
});

describe("validation d'une version publiée (schéma du barème, messages en français)", () => {
  it("valeurs du mauvais type : ENTREE_INVALIDE avec le chemin du champ", () => {
    const e = erreur(() => validerVersionPubliee({ bareme: "smic", version: { ...(smic2027.version as object), valeurs: { horaireBrut: "12,5", mensuelBrut: 1895.83, mensuelNet: null } } }));
    expect(e.code).toBe("ENTREE_INVALIDE");
    expect(e.message).toMatch(/^Version publiée du barème smic invalide : valeurs\.horaireBrut : /);
    expect(e.message).toMatch(/nombre attendu/);
    expect(e.chemin).toEqual(["version", "valeurs", "horaireBrut"]);
  });
  it("sans source : refusée", () => {
    const { source: _s, ...sansSource } = smic2027.version as Record<string, unknown>;
    expect(erreur(() => validerVersionPubliee({ bareme: "smic", version: sansSource })).message).toMatch(/source/);
  });
  it("champ inconnu : refusé", () => {
    expect(erreur(() => validerVersionPubliee({ bareme: "smic", version: { ...(smic2027.version as object), commentaire: "x" } })).code).toBe("ENTREE_INVALIDE");
  });
  it("plafonds : un PLS incohérent avec le PLUS est refusé", () => {
    const valeurs = copie(CATALOGUE.versions("plafonds_ressources_hlm")[2]!.valeurs) as { PLS: { AUTRES: { cat1: number } } };
    valeurs.PLS.AUTRES.cat1 += 1;
    const e = erreur(() => validerVersionPubliee({ bareme: "plafonds_ressources_hlm", version: { dateEffet: "2027-01-01", valeurs, source: SOURCE, statut: "officiel" } }));
    expect(e.message).toMatch(/valeurs\.PLS\.AUTRES\.cat1 : PLS AUTRES cat1 doit valoir PLUS × 1,3 arrondi à l'euro, soit 30424/);
  });
  it("barème inconnu : BAREME_INCONNU", () => {
    expect(erreur(() => validerVersionPubliee({ bareme: "loyers", version: smic2027.version })).code).toBe("BAREME_INCONNU");
  });
  it("schemaValeurs et schemaVersionDe : les schémas que le Worker utilise", () => {
    expect(schemaValeurs("smic").safeParse({ horaireBrut: 12.5, mensuelBrut: 1895.83, mensuelNet: null }).success).toBe(true);
    expect(schemaVersionDe("smic").safeParse(smic2027.version).success).toBe(true);
    expect(schemaVersionDe("smic").safeParse({ ...(smic2027.version as object), statut: "provisoire" }).success).toBe(false);
    expect(erreur(() => schemaValeurs("inconnu")).code).toBe("BAREME_INCONNU");
  });
});

describe("le contexte de calcul porte le catalogue (volet, Worker)", () => {
  // RSA 2027 published: 660,00 € ; couple + 2 enfants = 660 × 2,1 = 1 386,00 €.
  const rsa2027: VersionPubliee = {
    bareme: "rsa_montant_forfaitaire",
    version: {
      ...(CATALOGUE.versions("rsa_montant_forfaitaire").at(-1) as object),
      dateEffet: "2027-04-01",
      valeurs: { ...CATALOGUE.versions("rsa_montant_forfaitaire").at(-1)!.valeurs, montant: 660 },
    },
  };
  const { origine: _o, ...sansOrigine } = rsa2027.version as Record<string, unknown>;
  const cat = creerCatalogue([{ ...rsa2027, version: sansOrigine }]);

  it("RSA_FORFAITAIRE lit la version publiée quand le contexte la fournit", () => {
    expect(evaluer("RSA_FORFAITAIRE", [true, 2, "2027-04-01"], { baremes: cat })).toBe(1386);
    // Sans contexte : dernière version intégrée, 651,69 × 2,1 = 1 368,549 → 1 368,55.
    expect(evaluer("RSA_FORFAITAIRE", [true, 2, "2027-04-01"])).toBe(1368.55);
  });
  it("la date par défaut est le jour du contexte", () => {
    expect(evaluerObjet("RSA_FORFAITAIRE", { couple: false }, { aujourdhui: "2027-05-01" as never, baremes: cat })).toBe(660);
    expect(evaluerObjet("RSA_FORFAITAIRE", { couple: false }, { aujourdhui: "2025-05-01" as never })).toBe(646.52);
  });
  it("le statut d'une cellule publiée suit sa version", () => {
    const v = cat.enVigueur("rsa_montant_forfaitaire", "2027-04-01");
    expect(statutDeCle(v, "montant")).toBe("non_verifie"); // statutsCellules copied from the 2026 version
    expect(valeurParCle(v.valeurs, "montant", { bareme: "rsa_montant_forfaitaire", dateEffet: v.dateEffet }).valeur).toBe(660);
  });
});
