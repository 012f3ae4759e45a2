import { describe, expect, it } from "vitest";
import { logsoc } from "../test/executer.ts";

describe("logsoc baremes (binaire réel)", () => {
  it("liste : chaque barème avec libellé, dernière date d'effet et statut le plus faible", () => {
    const r = logsoc("baremes");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/rsa_montant_forfaitaire\s+RSA : montant forfaitaire\s+01\/04\/2026\s+non vérifié/);
    expect(r.out).toMatch(/plafonds_ressources_hlm\s+.*01\/01\/2026\s+estimation/);
    expect(r.out).toMatch(/apl_forfait_charges\s+.*01\/10\/2025\s+officiel/);
    expect(r.out.split("\n").filter((l) => /^ {2}[a-z_]+ {2}/.test(l) && !l.startsWith("  identifiant"))).toHaveLength(11);
  });

  it("liste en JSON", () => {
    const r = logsoc("baremes", "--json");
    expect(r.code).toBe(0);
    const liste = JSON.parse(r.out) as { id: string; derniereDateEffet: string; statut: string }[];
    expect(liste.find((b) => b.id === "smic")).toMatchObject({ derniereDateEffet: "2026-06-01", statut: "non_verifie" });
  });

  it("détail à une date : version en vigueur, source, statut, valeurs par clé", () => {
    const r = logsoc("baremes", "rsa_montant_forfaitaire", "--date", "2025-06-01");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Version en vigueur le 01/06/2025 : applicable depuis le 01/04/2025 (version 5 sur 6, intégrée à LogSoc) ; remplacée le 01/04/2026.");
    expect(r.out).toContain("Source : Décret n° 2025-293 du 29 mars 2025");
    expect(r.out).toContain("Statut de la version : officiel.");
    expect(r.out).toMatch(/\n {2}montant\s+646,52\n/);
    expect(r.out).toMatch(/forfaitLogement\.troisPersonnesOuPlus\s+0,165/);
  });

  it("détail : statuts particuliers visibles (PLAI estimé, PLS calculé)", () => {
    const r = logsoc("baremes", "plafonds_ressources_hlm", "--date=2026-02-01");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/PLAI\.IDF\.cat5\s+37718 \(estimation\)/);
    expect(r.out).toMatch(/PLS\.AUTRES\.cat1\s+30424 \(calculé\)/);
    expect(r.out).toContain("valeur la moins sûre : estimation");
  });

  it("détail : chaque changement de statut de l'issue 13 montre son texte source (saisie 2026, seuil de pauvreté 2023, forfait charges DOM 2022)", () => {
    const saisie = logsoc("baremes", "saisie_remuneration", "--date", "2026-02-01");
    expect(saisie.out).toContain("Source : Décret n° 2025-1299 du 24 décembre 2025 (JO du 26 décembre 2025)");
    expect(saisie.out).toContain("Statut de la version : officiel.");
    expect(saisie.out).toMatch(/Statut relevé de « non vérifié » à « officiel »/);
    const seuil = logsoc("baremes", "seuil_pauvrete_insee", "--date", "2025-08-01");
    expect(seuil.out).toContain("Source : Insee Première n° 2063, juillet 2025 (niveaux de vie 2023)");
    expect(seuil.out).toMatch(/Statut relevé de « non vérifié » à « officiel »/);
    const dom = logsoc("baremes", "apl_forfait_charges", "--date", "2022-08-01");
    expect(dom.out).toMatch(/dom\.base\s+37,67 \(calculé\)/);
    expect(dom.out).toMatch(/dom : calculé — .*36,40 × 1,035 = 37,674 → 37,67/);
  });

  it("détail en JSON : version, source, statut, dates des versions", () => {
    const r = logsoc("baremes", "smic", "--date", "2026-06-01", "--json");
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.dateDemandee).toBe("2026-06-01");
    expect(d.version).toMatchObject({ dateEffet: "2026-06-01", statut: "non_verifie", origine: "integree", valeurs: { horaireBrut: 12.31, mensuelBrut: 1867.02, mensuelNet: null } });
    expect(d.version.source.texte).toMatch(/Arrêté du 22 mai 2026/);
    expect(d.datesEffet).toEqual(["2024-01-01", "2024-11-01", "2026-01-01", "2026-06-01"]);
  });

  it("date avant la première version : code 2, #N/A et message français", () => {
    const r = logsoc("baremes", "smic", "--date", "2023-12-31");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe("#N/A Le barème « SMIC » (smic) n'a aucune version en vigueur le 31/12/2023 : sa première version enregistrée s'applique à partir du 01/01/2024.\n");
  });

  it("identifiant inconnu : #N/A et la liste des barèmes ; date invalide : #VALUE! ; option inconnue : #VALUE!", () => {
    expect(logsoc("baremes", "loyers").err).toMatch(/^#N\/A Barème inconnu « loyers »\. Barèmes disponibles : rsa_montant_forfaitaire/);
    expect(logsoc("baremes", "smic", "--date", "2025-02-30").err).toMatch(/^#VALUE! « 2025-02-30 » n'est pas une date valide/);
    const r = logsoc("baremes", "--verbeux");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^#VALUE! Option inconnue « --verbeux »/);
  });

  it("--help", () => {
    const r = logsoc("baremes", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Utilisation : logsoc baremes \[ID\] \[--date AAAA-MM-JJ\] \[--json\]/);
  });
});

describe("logsoc calc et les fonctions des barèmes (binaire réel)", () => {
  it("RSA_FORFAITAIRE VRAI 2 2025-06-01 → 1357.69 (646,52 × 2,1)", () => {
    expect(logsoc("calc", "RSA_FORFAITAIRE", "VRAI", "2", "2025-06-01")).toEqual({ code: 0, out: "1357.69\n", err: "" });
  });
  it("PLAFOND_RESSOURCES PLS 7 PARIS 2025-06-01 → 108 648 + 12 107 = 120755 (table PLS publiée, issue 13)", () => {
    expect(logsoc("calc", "PLAFOND_RESSOURCES", "PLS", "7", "PARIS", "2025-06-01").out).toBe("120755\n");
  });
  it("BAREME saisie_remuneration 2025-06-01 fractions.t6 → \"2/3\"", () => {
    expect(logsoc("calc", "BAREME", "saisie_remuneration", "2025-06-01", "fractions.t6").out).toBe('"2/3"\n');
  });
  it("CAPACITE_REMBOURSEMENT 1800 900 VRAI 2 2025-06-01 → 219.63", () => {
    expect(logsoc("calc", "CAPACITE_REMBOURSEMENT", "1800", "900", "VRAI", "2", "2025-06-01").out).toBe("219.63\n");
  });
  it("BAREME avec une clé inconnue : code 2, #N/A", () => {
    const r = logsoc("calc", "BAREME", "smic", "2025-06-01", "net");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^#N\/A Clé inconnue « net »/);
  });
  it("l'aide de calc liste les nouvelles fonctions", () => {
    expect(logsoc("calc", "--help").out).toMatch(/QUOTITE_SAISISSABLE\(remuneration_mensuelle_nette; \[personnes_a_charge\]; \[date\]\)/);
  });
});
