import { describe, expect, it } from "vitest";
import { evaluer, evaluerObjet, FONCTIONS } from "./registre.ts";
import type { DateISO } from "../date.ts";
import { erreur } from "../test/erreur.ts";

// The Excel-level functions, called as Excel and the API call them. Expected values are worked by hand
// in the engine tests (rsa, quotiteSaisissable, capaciteRemboursement, plafondsRessources); here: argument
// handling, defaults, codes and errors.

const JUIN_2025 = { aujourdhui: "2025-06-01" as DateISO };

describe("registre", () => {
  it("les quatre fonctions existantes d'abord, puis les cinq fonctions des barèmes", () => {
    expect(FONCTIONS.map((f) => f.nom)).toEqual(["RESTE_A_VIVRE", "TAUX_EFFORT", "PLAN_APUREMENT", "UNITES_CONSOMMATION", "RSA_FORFAITAIRE", "QUOTITE_SAISISSABLE", "CAPACITE_REMBOURSEMENT", "PLAFOND_RESSOURCES", "BAREME"]);
  });
  it("noms d'arguments exacts (ce sont aussi les clés de l'API)", () => {
    const args = Object.fromEntries(FONCTIONS.map((f) => [f.nom, f.arguments.map((a) => (a.optionnel ? `[${a.nom}]` : a.nom)).join("; ")]));
    expect(args.RSA_FORFAITAIRE).toBe("couple; [enfants]; [date]; [forfait_logement]; [isolement_majore]; [personnes_25_plus]");
    expect(args.QUOTITE_SAISISSABLE).toBe("remuneration_mensuelle_nette; [personnes_a_charge]; [date]");
    expect(args.CAPACITE_REMBOURSEMENT).toBe("ressources; charges; [couple]; [enfants]; [date]; [isolement_majore]; [ressources_conjoint]; [personnes_25_plus]");
    expect(args.PLAFOND_RESSOURCES).toBe("financement; categorie; zone; [date]");
    expect(args.BAREME).toBe("identifiant; [date]; [cle]");
  });
  it("descriptions en français, une phrase ; chaque argument décrit", () => {
    for (const f of FONCTIONS.slice(4)) {
      expect(f.description).toMatch(/^[A-ZÀ-Ý].*\.$/);
      for (const a of f.arguments) expect(a.description.length).toBeGreaterThan(10);
    }
  });
});

describe("RSA_FORFAITAIRE", () => {
  it("couple + 2 enfants au 01/06/2025 : 646,52 × 2,1 = 1 357,692 → 1 357,69", () => {
    expect(evaluer("RSA_FORFAITAIRE", [true, 2, "2025-06-01"])).toBe(1357.69);
  });
  it("date omise : le jour du contexte ; VRAI/FAUX en texte comme dans la CLI", () => {
    expect(evaluer("RSA_FORFAITAIRE", ["FAUX"], JUIN_2025)).toBe(646.52);
    expect(evaluer("RSA_FORFAITAIRE", ["VRAI", "", "", "VRAI"], JUIN_2025)).toBe(814.62); // 969,78 − 155,16
  });
  it("date Excel (numéro de série) : 45809 = 2025-06-01", () => {
    expect(evaluer("RSA_FORFAITAIRE", [false, 0, 45809])).toBe(646.52);
  });
  it("appel nommé (API) : forfait_logement", () => {
    expect(evaluerObjet("RSA_FORFAITAIRE", { couple: false, enfants: 0, date: "2025-06-01", forfait_logement: true })).toBe(568.94);
  });
  it("couple manquant : ARGUMENT_MANQUANT ; enfants négatifs : HORS_LIMITES (#VALUE!)", () => {
    expect(erreur(() => evaluer("RSA_FORFAITAIRE", [])).code).toBe("ARGUMENT_MANQUANT");
    const e = erreur(() => evaluer("RSA_FORFAITAIRE", [true, -1, "2025-06-01"]));
    expect(e.code).toBe("HORS_LIMITES");
    expect(e.erreurExcel).toBe("#VALUE!");
  });
  it("date avant le premier barème : #N/A", () => {
    expect(erreur(() => evaluer("RSA_FORFAITAIRE", [true, 0, "2020-01-01"])).erreurExcel).toBe("#N/A");
  });
});

describe("QUOTITE_SAISISSABLE", () => {
  it("1 500 € sans personne à charge au 01/06/2025 → 236,94 ; avec 2 personnes à charge → 173,29", () => {
    expect(evaluer("QUOTITE_SAISISSABLE", [1500, "", "2025-06-01"])).toBe(236.94);
    expect(evaluer("QUOTITE_SAISISSABLE", [1500, 2], JUIN_2025)).toBe(173.29);
  });
  it("rémunération en plage : [[1 000], [500]] = 1 500", () => {
    expect(evaluer("QUOTITE_SAISISSABLE", [[[1000], [500]], 0, "2025-06-01"])).toBe(236.94);
  });
  it("rémunération négative : #VALUE!", () => {
    expect(erreur(() => evaluer("QUOTITE_SAISISSABLE", [-5, 0, "2025-06-01"])).erreurExcel).toBe("#VALUE!");
  });
});

describe("CAPACITE_REMBOURSEMENT", () => {
  it("couple + 2 enfants, 1 800 € / 900 € au 01/06/2025 → 219,63", () => {
    expect(evaluer("CAPACITE_REMBOURSEMENT", [1800, 900, true, 2, "2025-06-01"])).toBe(219.63);
  });
  it("couple et enfants omis : personne seule sans enfant (2 000 € / 1 900 € → 100)", () => {
    expect(evaluer("CAPACITE_REMBOURSEMENT", [2000, 1900], JUIN_2025)).toBe(100);
  });
  it("charges en plage avec cellule vide", () => {
    expect(evaluerObjet("CAPACITE_REMBOURSEMENT", { ressources: 2000, charges: [1000, null, 900], date: "2025-06-01" })).toBe(100);
  });
});

describe("PLAFOND_RESSOURCES", () => {
  it("PLUS cat. 3 AUTRES au 01/06/2025 → 37 259 ; codes en minuscules acceptés", () => {
    expect(evaluer("PLAFOND_RESSOURCES", ["PLUS", 3, "AUTRES", "2025-06-01"])).toBe(37259);
    expect(evaluer("PLAFOND_RESSOURCES", ["plus", 3, " autres ", "2025-06-01"])).toBe(37259);
  });
  it("PLS cat. 7 Paris au 01/06/2025 → 108 648 + 12 107 = 120 755, comme BAREME (table PLS, lecture retenue à l'issue 13)", () => {
    expect(evaluer("PLAFOND_RESSOURCES", ["PLS", 7, "PARIS"], JUIN_2025)).toBe(120755);
  });
  it("financement inconnu : CODE_INCONNU #VALUE! qui liste les codes ; zone inconnue de même", () => {
    const e = erreur(() => evaluer("PLAFOND_RESSOURCES", ["PLI", 1, "PARIS"], JUIN_2025));
    expect(e.code).toBe("CODE_INCONNU");
    expect(e.erreurExcel).toBe("#VALUE!");
    expect(e.message).toBe("Le financement doit être l'un de : PLAI, PLUS, PLS.");
    expect(erreur(() => evaluer("PLAFOND_RESSOURCES", ["PLUS", 1, "ZONE_A"], JUIN_2025)).message).toBe("La zone doit être l'un de : PARIS, IDF, AUTRES.");
  });
  it("catégorie 0 : #VALUE! (hors limites) ; catégorie 2,5 : #VALUE! (nombre entier attendu)", () => {
    expect(erreur(() => evaluer("PLAFOND_RESSOURCES", ["PLUS", 0, "PARIS"], JUIN_2025)).erreurExcel).toBe("#VALUE!");
    const e = erreur(() => evaluer("PLAFOND_RESSOURCES", ["PLUS", 2.5, "PARIS"], JUIN_2025));
    expect(e.erreurExcel).toBe("#VALUE!");
    expect(e.message).toBe("La catégorie de ménage doit être un nombre entier.");
  });
});

describe("BAREME", () => {
  it("clé lisible : PLUS.AUTRES.cat3 au 01/06/2025 → 37 259 ; majuscules indifférentes", () => {
    expect(evaluer("BAREME", ["plafonds_ressources_hlm", "2025-06-01", "PLUS.AUTRES.cat3"])).toBe(37259);
    expect(evaluer("BAREME", ["PLAFONDS_RESSOURCES_HLM", "2025-06-01", "plus.autres.CAT3"])).toBe(37259);
  });
  it("clé omise : valeur principale (RSA : montant ; SMIC : horaire brut)", () => {
    expect(evaluer("BAREME", ["rsa_montant_forfaitaire"], JUIN_2025)).toBe(646.52);
    expect(evaluer("BAREME", ["smic", "2026-01-01"])).toBe(12.02);
  });
  it("valeurs texte et taux : fraction « 1/3 », taux 0,165", () => {
    expect(evaluer("BAREME", ["saisie_remuneration", "2025-06-01", "fractions.t5"])).toBe("1/3");
    expect(evaluer("BAREME", ["rsa_montant_forfaitaire", "2025-06-01", "forfaitLogement.troisPersonnesOuPlus"])).toBe(0.165);
  });
  it("clé inconnue : CLE_INCONNUE #N/A qui liste les clés valides", () => {
    const e = erreur(() => evaluer("BAREME", ["smic", "2025-06-01", "mensuel"]));
    expect(e.code).toBe("CLE_INCONNUE");
    expect(e.erreurExcel).toBe("#N/A");
    expect(e.message).toBe("Clé inconnue « mensuel » du barème smic (version du 01/11/2024). Clés possibles : horaireBrut, mensuelBrut, mensuelNet.");
  });
  it("clé qui désigne un groupe, pas une valeur : CLE_INCONNUE", () => {
    expect(erreur(() => evaluer("BAREME", ["plafonds_ressources_hlm", "2025-06-01", "PLUS.AUTRES"])).message).toMatch(/groupe de valeurs.*PLUS\.AUTRES\.cat1/);
  });
  it("barème sans valeur principale et clé omise : CLE_INCONNUE qui liste les clés", () => {
    expect(erreur(() => evaluer("BAREME", ["saisie_remuneration", "2025-06-01"])).message).toMatch(/pas de valeur principale.*seuilsAnnuels\.s1/);
  });
  it("valeur non trouvée dans les sources (SMIC net au 01/06/2026) : #N/A qui le dit", () => {
    expect(erreur(() => evaluer("BAREME", ["smic", "2026-06-01", "mensuelNet"])).message).toMatch(/n'est pas disponible/);
  });
  it("identifiant inconnu : BAREME_INCONNU ; date trop ancienne : BAREME_NON_EN_VIGUEUR", () => {
    expect(erreur(() => evaluer("BAREME", ["rsa", "2025-06-01"])).code).toBe("BAREME_INCONNU");
    expect(erreur(() => evaluer("BAREME", ["smic", "2023-06-01"])).code).toBe("BAREME_NON_EN_VIGUEUR");
  });
});
