import { describe, expect, it } from "vitest";
import { logsoc } from "../test/executer.ts";

describe("logsoc calc (binaire réel)", () => {
  it("TAUX_EFFORT 650 120 280 1800 → 0.2722 ((650 + 120 − 280) / 1 800)", () => {
    const r = logsoc("calc", "TAUX_EFFORT", "650", "120", "280", "1800");
    expect(r).toEqual({ code: 0, out: "0.2722\n", err: "" });
  });

  it("RESTE_A_VIVRE avec virgule décimale, plage JSON à cellule vide et méthode jour_uc : (1 850,40 − 815,50) / 1,8 / 30 = 19,16", () => {
    const r = logsoc("calc", "RESTE_A_VIVRE", "1850,40", "[650, 120, null, 45.5]", "2", "1", "jour_uc");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toBe(19.16);
  });

  it('"" omet un argument facultatif : RESTE_A_VIVRE 1500 1000 "" "" mensuel → 500', () => {
    expect(JSON.parse(logsoc("calc", "RESTE_A_VIVRE", "1500", "1000", "", "", "mensuel").out)).toBe(500);
  });

  it("UC 2 2 → 2.1", () => {
    expect(JSON.parse(logsoc("calc", "UC", "2", "2").out)).toBe(2.1);
  });

  it("PLAN_APUREMENT 1000 sur 3 mois dès le 31/01/2024 avec 420 € de loyer résiduel : en-tête puis 3 lignes, dates ISO", () => {
    const r = logsoc("calc", "PLAN_APUREMENT", "1000", "", "3", "2024-01-31", "420");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      ["N°", "Échéance", "Reprise de dette", "Loyer résiduel", "Total à verser", "Reste dû"],
      [1, "2024-01-31", 333.34, 420, 753.34, 666.66],
      [2, "2024-02-29", 333.34, 420, 753.34, 333.32],
      [3, "2024-03-31", 333.32, 420, 753.32, 0],
    ]);
  });

  it("texte dans une plage : code 2, stderr commence par #VALUE! et nomme la cellule", () => {
    const r = logsoc("calc", "RESTE_A_VIVRE", "[1200, null, \"abc\"]", "900");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^#VALUE! La cellule n°3 de « ressources » contient « abc »/);
  });

  it("mensualité et durée trop courte : code 2, #VALUE! et le nombre de mois nécessaires", () => {
    const r = logsoc("calc", "PLAN_APUREMENT", "1000", "100", "5");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^#VALUE! .*10 mois/);
  });

  it("ressources nulles : #DIV/0!", () => {
    const r = logsoc("calc", "TAUX_EFFORT", "650", "120", "280", "0");
    expect(r.code).toBe(2);
    expect(r.err.startsWith("#DIV/0! ")).toBe(true);
  });

  it("date invalide, tableau JSON mal formé, fonction inconnue : code 2 et #VALUE!", () => {
    for (const args of [
      ["PLAN_APUREMENT", "500", "", "2", "2025-02-30"],
      ["RESTE_A_VIVRE", "[1, 2", "3"],
      ["NIMPORTE", "1"],
    ]) {
      const r = logsoc("calc", ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^#VALUE! /);
    }
  });

  it("logsoc --help et logsoc calc --help listent fonctions et arguments en français", () => {
    const general = logsoc("--help");
    expect(general.code).toBe(0);
    expect(general.out).toContain("Commandes :");
    expect(general.out).toContain("calc");
    const aide = logsoc("calc", "--help");
    expect(aide.code).toBe(0);
    for (const mot of ["RESTE_A_VIVRE", "TAUX_EFFORT", "PLAN_APUREMENT", "UC", "personnes_14_plus", "premiere_echeance", "Facultatif"]) {
      expect(aide.out).toContain(mot);
    }
  });

  it("commande inconnue : code 2, message en français", () => {
    const r = logsoc("calculer");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Commande inconnue « calculer »");
  });

  it("--expliquer : JSON {resultat, statut, etapes} de DESIGN §5.2, la dernière étape est le résultat ((650 + 120 − 280) / 1 800 = 27,22 %)", () => {
    const r = logsoc("calc", "TAUX_EFFORT", "650", "120", "280", "1800", "--expliquer");
    expect(r.code).toBe(0);
    const x = JSON.parse(r.out);
    expect(Object.keys(x)).toEqual(["resultat", "statut", "etapes"]);
    expect(x.resultat).toBe(0.2722);
    expect(x.statut).toBe("officiel");
    expect(x.etapes.at(-1)).toMatchObject({ libelle: "Taux d'effort", valeur: 0.2722, unite: "taux", reference: "Arrêté du 10 mars 2011 (CCH R.441-3-1)" });
    expect(x.etapes[4]).toMatchObject({ libelle: "Dépense de logement", formule: "loyer + charges", valeur: 770, operation: { type: "somme", termes: [0, 1] } });
  });

  it("--expliquer --texte : le détail en français, barème cité avec version, statut et source (quotité de 720 € au 01/06/2025 : 53,50 €)", () => {
    const r = logsoc("calc", "QUOTITE_SAISISSABLE", "720", "0", "2025-06-01", "--expliquer", "--texte");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^QUOTITE_SAISISSABLE\(remuneration_mensuelle_nette = 720 ; personnes_a_charge = 0 ; date = 2025-06-01\)\nRésultat : 53,50 €\/mois/);
    // 4 440 × 1/20 = 222 € ; (8 640 − 4 440) × 1/10 = 420 €
    // Thousands are grouped with a narrow no-break space, as French typography wants.
    expect(r.out).toContain("= 4\u202f440,00 × 0,05 = 222,00 €/an");
    expect(r.out).toContain("= 8\u202f640,00 − 4\u202f440,00 = 4\u202f200,00 €/an");
    expect(r.out).toMatch(/Seuil annuel s1 : 4\u202f440,00 €\/an \(barème saisie_remuneration, clé seuilsAnnuels\.s1, version du 01\/01\/2025, statut officiel\)\n   Source : .*R\.3252-2/);
  });

  it("--texte sans --expliquer : code 2 et message clair ; une erreur de calcul reste une erreur Excel avec --expliquer", () => {
    const r = logsoc("calc", "TAUX_EFFORT", "650", "120", "280", "1800", "--texte");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^#VALUE! L'option --texte s'utilise avec --expliquer/);
    const d = logsoc("calc", "TAUX_EFFORT", "650", "120", "280", "0", "--expliquer");
    expect(d.code).toBe(2);
    expect(d.err.startsWith("#DIV/0! ")).toBe(true);
  });
});
