import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFINITIONS, IDS_BAREMES, schemaBaremeDe, schemaValeurs } from "./definitions.ts";
import { CATALOGUE, type VersionEnCatalogue } from "./catalogue.ts";
import { STATUTS } from "./schema.ts";
import { clesFeuilles, statutDeCle, statutGlobal, valeurParCle } from "./cle.ts";

/** A deep copy of plain data (JSON values only). */
function copie<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

// Structure of every bundled data file: it parses with its schema, every version has a source, dates
// strictly increase, and the statuses the reference notes demand are there.

const FR = { error: z.locales.fr().localeError };

describe("chaque fichier de données se valide avec son schéma", () => {
  it.each(IDS_BAREMES)("%s", (id) => {
    const r = schemaBaremeDe(id).safeParse(DEFINITIONS[id].donnees, FR);
    expect(r.success ? "" : JSON.stringify(r.error.issues)).toBe("");
    expect(DEFINITIONS[id].donnees.id).toBe(id);
  });

  it("dix barèmes au moins, ceux qu'exige l'issue 3", () => {
    expect(IDS_BAREMES).toEqual(
      expect.arrayContaining([
        "rsa_montant_forfaitaire",
        "saisie_remuneration",
        "plafonds_ressources_hlm",
        "apl_forfait_charges",
        "smic",
        "seuil_pauvrete_insee",
        "echelle_ocde_modifiee",
        "durees_apurement",
        "reperes_taux_effort",
        "reperes_reste_a_vivre",
      ]),
    );
  });
});

describe("sources, dates, statuts", () => {
  const toutes = CATALOGUE.liste().flatMap((b) => b.versions.map((v) => ({ id: b.id, v })));

  it.each(toutes.map((x) => [`${x.id} ${x.v.dateEffet}`, x] as const))("%s : source avec texte et référence juridique", (_nom, { v }) => {
    expect(v.source.texte.trim().length).toBeGreaterThan(5);
    expect(v.source.reference.trim().length).toBeGreaterThan(5);
    expect(STATUTS).toContain(v.statut);
  });

  it.each(CATALOGUE.liste().map((b) => [b.id, b] as const))("%s : dates d'effet strictement croissantes", (_id, b) => {
    const dates = b.versions.map((v) => v.dateEffet);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it("chaque libellé, unité et description est rédigé (en français, non vide)", () => {
    for (const b of CATALOGUE.liste()) {
      expect(b.libelle.length).toBeGreaterThan(3);
      expect(b.unite.length).toBeGreaterThan(1);
      expect(b.description.length).toBeGreaterThan(40);
    }
  });

  it("chaque valeur du catalogue se lit par la clé que liste clesFeuilles (la CLI et BAREME concordent)", () => {
    for (const b of CATALOGUE.liste()) {
      for (const v of b.versions) {
        for (const cle of clesFeuilles(v.valeurs)) {
          const brute = cle.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], v.valeurs);
          if (brute === null) continue;
          expect(valeurParCle(v.valeurs, cle, { bareme: b.id, dateEffet: v.dateEffet }).valeur).toBe(brute);
        }
      }
    }
  });
});

describe("statuts imposés par les notes de référence (jamais promus)", () => {
  const v = (id: string, date: string) => CATALOGUE.enVigueur(id, date) as VersionEnCatalogue<Record<string, unknown>>;

  it("PLAI 2026 : toutes les cellules en estimation (cal.md §1.4 [E])", () => {
    const version = v("plafonds_ressources_hlm", "2026-01-01");
    for (const cle of clesFeuilles(version.valeurs).filter((c) => c.startsWith("PLAI."))) expect(statutDeCle(version, cle)).toBe("estimation");
    expect(statutGlobal(version)).toBe("estimation");
  });

  it("PLAI 2025 : cellules IDF cat5, cat6 et personne supplémentaire en estimation, les autres en source secondaire (non vérifié)", () => {
    const version = v("plafonds_ressources_hlm", "2025-01-01");
    for (const c of ["cat5", "cat6", "parPersonneSupplementaire"]) expect(statutDeCle(version, `PLAI.IDF.${c}`)).toBe("estimation");
    for (const c of ["cat1", "cat2", "cat3", "cat4"]) expect(statutDeCle(version, `PLAI.IDF.${c}`)).toBe("non_verifie");
    for (const z of ["PARIS", "AUTRES"]) for (const c of ["cat1", "cat5", "cat6", "parPersonneSupplementaire"]) expect(statutDeCle(version, `PLAI.${z}.${c}`)).toBe("non_verifie");
  });

  it("PLAI 2024 : source secondaire unique, non vérifié", () => {
    expect(statutDeCle(v("plafonds_ressources_hlm", "2024-01-01"), "PLAI.PARIS.cat1")).toBe("non_verifie");
  });

  it("PLS : calculé (PLUS × 1,3) chaque année, avec la règle dans la note ; PLUS : officiel", () => {
    for (const d of ["2024-01-01", "2025-01-01", "2026-01-01"]) {
      const version = v("plafonds_ressources_hlm", d);
      expect(statutDeCle(version, "PLS.IDF.cat3")).toBe("calcule");
      expect(version.statutsCellules!.find((c) => c.cle === "PLS")!.note).toMatch(/PLUS × 1,3/);
      expect(statutDeCle(version, "PLUS.IDF.cat3")).toBe("officiel");
    }
  });

  it("SMIC du 2026-06-01 : source unique (non vérifié), montant net absent ; nets antérieurs non vérifiés (presse)", () => {
    const juin = v("smic", "2026-06-01");
    expect(juin.statut).toBe("non_verifie");
    expect(juin.valeurs.mensuelNet).toBeNull();
    expect(statutDeCle(v("smic", "2026-01-01"), "mensuelNet")).toBe("non_verifie");
    expect(statutDeCle(v("smic", "2026-01-01"), "horaireBrut")).toBe("officiel");
  });

  it("RSA 2026 : montant vu dans OpenFisca seul (« OF only »), non vérifié ; majorations officielles", () => {
    const r = v("rsa_montant_forfaitaire", "2026-04-01");
    expect(statutDeCle(r, "montant")).toBe("non_verifie");
    expect(statutDeCle(r, "majorations.deuxiemePersonne")).toBe("officiel");
  });

  it("saisie 2026 : décret n° 2025-1299 du 24/12/2025 (JO 26/12/2025), officiel depuis l'issue 13, le changement de statut écrit avec sa source", () => {
    const s2026 = v("saisie_remuneration", "2026-01-01");
    expect(s2026.statut).toBe("officiel");
    expect(s2026.source.texte).toBe("Décret n° 2025-1299 du 24 décembre 2025 (JO du 26 décembre 2025)");
    expect(s2026.recoupements?.join(" ")).toMatch(/relevé de « non vérifié » à « officiel ».*2025-1299/);
    expect(v("saisie_remuneration", "2025-01-01").statut).toBe("officiel");
  });

  it("seuil de pauvreté : Insee Première n° 2004 (11/07/2024) et n° 2063 (juillet 2025), officiels depuis l'issue 13, avec la source du changement", () => {
    const s2023 = v("seuil_pauvrete_insee", "2025-07-07");
    expect(s2023.statut).toBe("officiel");
    expect(s2023.source.texte).toMatch(/Insee Première n° 2063/);
    expect(s2023.recoupements?.join(" ")).toMatch(/relevé de « non vérifié » à « officiel »/);
    const s2022 = v("seuil_pauvrete_insee", "2024-07-11");
    expect(s2022.statut).toBe("officiel");
    expect(s2022.source.texte).toMatch(/Insee Première n° 2004 du 11 juillet 2024/);
  });

  it("RSA majoré pour isolement : 128,412 % et 42,804 % (CASF R.262-1), officiel", () => {
    const m = v("rsa_majoration_isolement", "2026-06-01");
    expect(m.valeurs).toEqual({ coefficientBase: 1.28412, coefficientParEnfant: 0.42804 });
    expect(m.statut).toBe("officiel");
    expect(m.source.reference).toMatch(/L\.262-9.*R\.262-1/);
  });

  it("forfait charges DOM 2022 : calculé (36,40 et 9,36 revalorisés de 3,5 %), la note dit comment", () => {
    const f = v("apl_forfait_charges", "2022-08-01");
    expect(statutDeCle(f, "dom.base")).toBe("calcule");
    expect(f.statutsCellules?.[0]?.note).toMatch(/36,40 × 1,035 = 37,674 → 37,67.*9,36 × 1,035 = 9,6876 → 9,69/);
  });

  it("repères pratiques (USH, organismes HLM, règle bancaire, forfait Banque de France) non vérifiés", () => {
    expect(statutDeCle(v("reperes_reste_a_vivre", "2024-01-01"), "ushSeuilAlerte.minimum")).toBe("non_verifie");
    expect(statutDeCle(v("reperes_reste_a_vivre", "2024-01-01"), "banqueDeFranceForfaitBase.couple")).toBe("non_verifie");
    expect(statutDeCle(v("reperes_reste_a_vivre", "2024-01-01"), "fslEureEtLoir.personneSeule")).toBe("officiel");
    expect(statutDeCle(v("reperes_taux_effort", "2022-01-01"), "organismesHlm.maximum")).toBe("non_verifie");
    expect(statutDeCle(v("reperes_taux_effort", "2022-01-01"), "regleBancaireHistorique.maximum")).toBe("non_verifie");
  });

  it("chaque repère dit qui l'utilise et depuis quand", () => {
    for (const id of ["reperes_taux_effort", "reperes_reste_a_vivre"]) {
      for (const version of CATALOGUE.versions(id)) {
        for (const repere of Object.values(version.valeurs as Record<string, Record<string, unknown>>)) {
          expect(String(repere.utilisateur).length).toBeGreaterThan(10);
          expect(String(repere.depuis).length).toBeGreaterThan(3);
        }
      }
    }
  });

  it("les lacunes connues sont écrites dans les données", () => {
    const lacunes = CATALOGUE.liste().flatMap((b) => [...(b.lacunes ?? []), ...b.versions.flatMap((x) => x.lacunes ?? [])]).join(" ");
    expect(lacunes).toMatch(/net non trouvé/);
    expect(lacunes).toMatch(/décret n° 2009-404 non relu/);
    expect(lacunes).toMatch(/PLAI 2026/);
    expect(lacunes).toMatch(/revenus 2024 non trouvé/);
  });
});

describe("les schémas refusent des données fautives", () => {
  const base = copie(DEFINITIONS.smic.donnees) as unknown as { versions: Record<string, unknown>[] } & Record<string, unknown>;
  const essai = (modifier: (d: typeof base) => void) => {
    const d = copie(base);
    modifier(d);
    const r = schemaBaremeDe("smic").safeParse(d, FR);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it("dates non croissantes", () => {
    expect(essai((d) => d.versions.reverse())).toEqual(expect.arrayContaining([expect.stringMatching(/strictement croissantes/)]));
  });
  it("date en double", () => {
    expect(essai((d) => (d.versions[1]!.dateEffet = d.versions[0]!.dateEffet))).toEqual(expect.arrayContaining([expect.stringMatching(/strictement croissantes/)]));
  });
  it("version sans source", () => {
    expect(essai((d) => delete d.versions[0]!.source).length).toBeGreaterThan(0);
  });
  it("source sans référence juridique", () => {
    expect(essai((d) => ((d.versions[0]!.source as Record<string, unknown>).reference = " ")).length).toBeGreaterThan(0);
  });
  it("statut inconnu", () => {
    expect(essai((d) => (d.versions[0]!.statut = "certifie")).join()).toMatch(/statut/);
  });
  it("statut « calcule » sans règle de calcul", () => {
    expect(essai((d) => (d.versions[0]!.statut = "calcule"))).toEqual([expect.stringMatching(/règle de calcul/)]);
  });
  it("statut de cellule sur une clé qui n'existe pas", () => {
    expect(essai((d) => (d.versions[0]!.statutsCellules = [{ cle: "mensuelNett", statut: "estimation", note: "x" }]))).toEqual([expect.stringMatching(/mensuelNett/)]);
  });
  it("montant au millième (0,001 €)", () => {
    expect(essai((d) => ((d.versions[0]!.valeurs as Record<string, unknown>).horaireBrut = 11.655)).length).toBe(1);
  });
  it("date d'effet impossible (31 février)", () => {
    expect(essai((d) => (d.versions[0]!.dateEffet = "2024-02-31")).join()).toMatch(/date valide/);
  });

  it("plafonds : un PLS qui n'est pas PLUS × 1,3 arrondi est refusé, avec la valeur attendue", () => {
    const valeurs = copie(DEFINITIONS.plafonds_ressources_hlm.donnees.versions[1]!.valeurs) as { PLS: { PARIS: { cat2: number } } };
    // 39 885 × 1,3 = 51 850,5 → 51 851 (demi-euro vers le haut) ; 51 850 est refusé.
    valeurs.PLS.PARIS.cat2 = 51850;
    const r = schemaValeurs("plafonds_ressources_hlm").safeParse(valeurs);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/51851/);
  });

  it("saisie : seuils non croissants et fraction mal écrite refusés", () => {
    const valeurs = copie(DEFINITIONS.saisie_remuneration.donnees.versions[0]!.valeurs) as { seuilsAnnuels: { s2: number }; fractions: { t1: string } };
    valeurs.seuilsAnnuels.s2 = 100;
    expect(schemaValeurs("saisie_remuneration").safeParse(valeurs).success).toBe(false);
    const v2 = copie(DEFINITIONS.saisie_remuneration.donnees.versions[0]!.valeurs) as { fractions: { t1: string } };
    v2.fractions.t1 = "0,05";
    expect(schemaValeurs("saisie_remuneration").safeParse(v2).success).toBe(false);
  });
});
