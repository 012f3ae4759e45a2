import { describe, expect, it } from "vitest";
import { baremeAt, CATALOGUE } from "./catalogue.ts";
import { IDS_BAREMES } from "./definitions.ts";
import { planApurement } from "../planApurement.ts";
import { creerCatalogue } from "./catalogue.ts";
import { unitesConsommation } from "../foyer.ts";
import { dec } from "../money.ts";
import { erreur } from "../test/erreur.ts";

// Every figure below is typed in from ../shared/reference/regulation.md (§ cited) or cal.md / plafonds.json,
// never read back from the data files. For each change: the day before and the day of.

function veille(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

describe("tout barème : la veille d'une version est la version précédente, le jour même la nouvelle", () => {
  const cas = CATALOGUE.liste().flatMap((b) => b.versions.map((v, i) => ({ id: b.id, i, date: v.dateEffet })));
  it.each(cas.map((c) => [`${c.id} au ${c.date}`, c] as const))("%s", (_n, { id, i, date }) => {
    const versions = CATALOGUE.versions(id);
    expect(baremeAt(id, date)).toBe(versions[i]);
    if (i === 0) {
      if (date > "1900-01-01") {
        const e = erreur(() => baremeAt(id, veille(date)));
        expect(e.code).toBe("BAREME_NON_EN_VIGUEUR");
        expect(e.erreurExcel).toBe("#N/A");
      }
    } else {
      expect(baremeAt(id, veille(date))).toBe(versions[i - 1]);
    }
  });

  it("une date future renvoie la dernière version", () => {
    for (const id of IDS_BAREMES) expect(baremeAt(id, "2099-12-31")).toBe(CATALOGUE.versions(id).at(-1));
  });
});

describe("RSA montant forfaitaire 1 personne (regulation.md §5.1, OpenFisca montant_de_base_du_rsa)", () => {
  it.each([
    ["2022-04-01", 575.52], // décret 2022-699
    ["2022-06-30", 575.52],
    ["2022-07-01", 598.54], // loi 2022-1158 art. 9 (+4 %)
    ["2023-03-31", 598.54],
    ["2023-04-01", 607.75], // décret 2023-340
    ["2024-03-31", 607.75],
    ["2024-04-01", 635.71], // décret 2024-396
    ["2025-03-31", 635.71],
    ["2025-04-01", 646.52], // décret 2025-293
    ["2026-03-31", 646.52],
    ["2026-04-01", 651.69], // décret 2026-220 (OpenFisca seul)
  ])("%s → %s €", (date, montant) => {
    expect(baremeAt("rsa_montant_forfaitaire", date).valeurs.montant).toBe(montant);
  });

  it("majorations R.262-1 (+50 %, +30 %, +30 % couple / +40 % isolé, +40 %) et forfait logement 12 / 16 / 16,5 % (R.262-9/-10), toutes versions", () => {
    for (const v of CATALOGUE.versions("rsa_montant_forfaitaire")) {
      expect(v.valeurs.majorations).toEqual({ deuxiemePersonne: 0.5, troisiemePersonne: 0.3, quatriemePersonneCouple: 0.3, quatriemePersonneIsole: 0.4, personneSupplementaire: 0.4 });
      expect(v.valeurs.forfaitLogement).toEqual({ unePersonne: 0.12, deuxPersonnes: 0.16, troisPersonnesOuPlus: 0.165 });
    }
  });

  it("avant le 1er avril 2022 : erreur claire en français, #N/A", () => {
    const e = erreur(() => baremeAt("rsa_montant_forfaitaire", "2022-03-31"));
    expect(e.code).toBe("BAREME_NON_EN_VIGUEUR");
    expect(e.message).toBe(
      "Le barème « RSA : montant forfaitaire » (rsa_montant_forfaitaire) n'a aucune version en vigueur le 31/03/2022 : sa première version enregistrée s'applique à partir du 01/04/2022.",
    );
  });
});

describe("saisie sur rémunération (regulation.md §4, C. trav. R.3252-2 et R.3252-3)", () => {
  const s = (date: string) => baremeAt("saisie_remuneration", date).valeurs;
  it("2023-01-01 (D. 2022-1648) : 4 170 / 8 140 / 12 130 / 16 080 / 20 050 / 24 090, +1 610", () => {
    expect(s("2023-01-01").seuilsAnnuels).toEqual({ s1: 4170, s2: 8140, s3: 12130, s4: 16080, s5: 20050, s6: 24090 });
    expect(s("2023-12-31").majorationParPersonneACharge).toBe(1610);
  });
  it("2024-01-01 (D. 2023-1228) : 4 370 / 8 520 / 12 690 / 16 820 / 20 970 / 25 200, +1 690", () => {
    expect(s("2024-01-01").seuilsAnnuels).toEqual({ s1: 4370, s2: 8520, s3: 12690, s4: 16820, s5: 20970, s6: 25200 });
    expect(s("2024-12-31").majorationParPersonneACharge).toBe(1690);
  });
  it("2025-01-01 (D. 2024-1231) : 4 440 / 8 660 / 12 890 / 17 090 / 21 300 / 25 600, +1 720", () => {
    expect(s("2025-01-01").seuilsAnnuels).toEqual({ s1: 4440, s2: 8660, s3: 12890, s4: 17090, s5: 21300, s6: 25600 });
    expect(s("2025-12-31").majorationParPersonneACharge).toBe(1720);
  });
  it("2026-01-01 (eurex.fr) : 4 480 / 8 730 / 13 000 / 17 230 / 21 470 / 25 810, +1 740", () => {
    expect(s("2026-01-01").seuilsAnnuels).toEqual({ s1: 4480, s2: 8730, s3: 13000, s4: 17230, s5: 21470, s6: 25810 });
    expect(s("2026-01-01").majorationParPersonneACharge).toBe(1740);
  });
  it("fractions 1/20, 1/10, 1/5, 1/4, 1/3, 2/3, totalité", () => {
    expect(s("2024-06-01").fractions).toEqual({ t1: "1/20", t2: "1/10", t3: "1/5", t4: "1/4", t5: "1/3", t6: "2/3", t7: "1/1" });
  });
  it("avant 2023 : erreur", () => {
    expect(erreur(() => s("2022-12-31")).code).toBe("BAREME_NON_EN_VIGUEUR");
  });
});

describe("plafonds de ressources HLM (cal.md §1.4, plafonds.json)", () => {
  const p = (date: string) => baremeAt("plafonds_ressources_hlm", date).valeurs;
  it("PLUS 2024 (arrêté du 18/12/2023) : Paris cat1 26 044, IDF cat3 46 789, autres cat6 58 200, personne supp. autres 6 492", () => {
    const v = p("2024-01-01");
    expect([v.PLUS.PARIS.cat1, v.PLUS.IDF.cat3, v.PLUS.AUTRES.cat6, v.PLUS.AUTRES.parPersonneSupplementaire]).toEqual([26044, 46789, 58200, 6492]);
    expect(p("2024-12-31").PLUS.PARIS.cat1).toBe(26044);
  });
  it("PLUS 2025 (arrêté du 23/12/2024) : Paris cat2 39 885, IDF cat5 67 984, autres cat3 37 259, personne supp. Paris 9 313", () => {
    const v = p("2025-01-01");
    expect([v.PLUS.PARIS.cat2, v.PLUS.IDF.cat5, v.PLUS.AUTRES.cat3, v.PLUS.PARIS.parPersonneSupplementaire]).toEqual([39885, 67984, 37259, 9313]);
    expect(p("2025-12-31").PLUS.AUTRES.cat3).toBe(37259);
  });
  it("PLUS 2026 (arrêté du 19/12/2025) : Paris cat1 26 920, IDF cat4 57 930, autres cat6 60 156, personne supp. IDF 8 598", () => {
    const v = p("2026-01-01");
    expect([v.PLUS.PARIS.cat1, v.PLUS.IDF.cat4, v.PLUS.AUTRES.cat6, v.PLUS.IDF.parPersonneSupplementaire]).toEqual([26920, 57930, 60156, 8598]);
  });
  it("PLAI 2024 (haye-expert-comptable.fr) : Paris cat1 14 329, IDF cat5 36 493, autres personne supp. 3 569", () => {
    const v = p("2024-01-01");
    expect([v.PLAI.PARIS.cat1, v.PLAI.IDF.cat5, v.PLAI.AUTRES.parPersonneSupplementaire]).toEqual([14329, 36493, 3569]);
  });
  it("PLAI 2025 : Paris cat6 45 968 (tradetrans), IDF cat5 37 393 [E], autres cat5 29 105", () => {
    const v = p("2025-01-01");
    expect([v.PLAI.PARIS.cat6, v.PLAI.IDF.cat5, v.PLAI.AUTRES.cat5]).toEqual([45968, 37393, 29105]);
  });
  it("PLAI 2026 [E] = PLAI 2025 × 1,0087 : Paris cat1 14 683 × 1,0087 = 14 810,7 → 14 811", () => {
    expect(p("2026-01-01").PLAI.PARIS.cat1).toBe(14811);
  });
  it("PLS 2025 Paris = tradetrans.eu : 34 693 / 51 851 / 67 969 / 81 151 / 96 552 / 108 648, +12 107", () => {
    expect(p("2025-01-01").PLS.PARIS).toEqual({ cat1: 34693, cat2: 51851, cat3: 67969, cat4: 81151, cat5: 96552, cat6: 108648, parPersonneSupplementaire: 12107 });
  });
  it("PLS 2025 autres régions = omhgrandnancy.fr : 30 161 / 40 279 / 48 437 / 58 477 / 68 790 / 77 527, +8 648", () => {
    expect(p("2025-01-01").PLS.AUTRES).toEqual({ cat1: 30161, cat2: 40279, cat3: 48437, cat4: 58477, cat5: 68790, cat6: 77527, parPersonneSupplementaire: 8648 });
  });
  it("PLS 2024 calculé : Paris cat2 38 925 × 1,3 = 50 602,5 → 50 603 ; autres cat6 58 200 × 1,3 = 75 660", () => {
    expect(p("2024-01-01").PLS.PARIS.cat2).toBe(50603);
    expect(p("2024-01-01").PLS.AUTRES.cat6).toBe(75660);
  });
  it("avant 2024 : erreur", () => {
    expect(erreur(() => p("2023-12-31")).code).toBe("BAREME_NON_EN_VIGUEUR");
  });
});

describe("APL forfait charges (regulation.md §8)", () => {
  const f = (date: string) => baremeAt("apl_forfait_charges", date).valeurs;
  it.each([
    ["2022-07-01", 56.12, 12.72, 28.05],
    ["2023-09-30", 56.12, 12.72, 28.05],
    ["2023-10-01", 58.08, 13.17, 29.03],
    ["2024-09-30", 58.08, 13.17, 29.03],
    ["2024-10-01", 59.97, 13.6, 29.98],
    ["2025-09-30", 59.97, 13.6, 29.98],
    ["2025-10-01", 60.59, 13.74, 30.29],
  ])("%s : %s € + %s € par personne à charge, colocataire isolé %s €", (date, base, pac, coloc) => {
    expect([f(date).isoleOuCoupleSansPersonneACharge, f(date).majorationParPersonneACharge, f(date).colocataireIsole]).toEqual([base, pac, coloc]);
  });
  it("DOM : 37,67 / 9,69 (2022-07 : 36,40 × 1,035 = 37,674 → 37,67 ; 9,36 × 1,035 = 9,6876 → 9,69), 38,99 / 10,03 (2023-10), 40,26 / 10,36 (2024-10), 40,68 / 10,47 (2025-10)", () => {
    expect(f("2022-07-01").dom).toEqual({ base: 37.67, majorationParPersonneACharge: 9.69 });
    expect(f("2023-10-01").dom).toEqual({ base: 38.99, majorationParPersonneACharge: 10.03 });
    expect(f("2024-10-01").dom).toEqual({ base: 40.26, majorationParPersonneACharge: 10.36 });
    expect(f("2025-10-01").dom).toEqual({ base: 40.68, majorationParPersonneACharge: 10.47 });
  });
  it("exemple des notes : couple + 2 personnes à charge au 01/10/2025 = 60,59 + 2 × 13,74 = 88,07 €", () => {
    const v = f("2025-10-01");
    expect(dec(v.isoleOuCoupleSansPersonneACharge).plus(dec(v.majorationParPersonneACharge).times(2)).toNumber()).toBe(88.07);
  });
});

describe("SMIC (regulation.md §9)", () => {
  const s = (date: string) => baremeAt("smic", date).valeurs;
  it.each([
    ["2024-01-01", 11.65, 1766.92, 1398.69],
    ["2024-10-31", 11.65, 1766.92, 1398.69],
    ["2024-11-01", 11.88, 1801.8, 1426.3],
    ["2025-01-01", 11.88, 1801.8, 1426.3], // pas de revalorisation au 1er janvier 2025
    ["2025-12-31", 11.88, 1801.8, 1426.3],
    ["2026-01-01", 12.02, 1823.03, 1443.11],
    ["2026-05-31", 12.02, 1823.03, 1443.11],
    ["2026-06-01", 12.31, 1867.02, null], // arrêté du 22/05/2026, net non trouvé
  ])("%s : %s €/h, %s € brut, net %s", (date, horaire, brut, net) => {
    expect(s(date)).toEqual({ horaireBrut: horaire, mensuelBrut: brut, mensuelNet: net });
  });
  it("mensuel brut = horaire × 35 × 52 / 12 arrondi au centime (11,65 × 455 / 3 = 1 766,916… → 1 766,92)", () => {
    for (const v of CATALOGUE.versions("smic")) {
      expect(dec(v.valeurs.horaireBrut).times(455).dividedBy(3).toDecimalPlaces(2).toNumber()).toBe(v.valeurs.mensuelBrut);
    }
  });
  it("avant 2024 : erreur", () => {
    expect(erreur(() => s("2023-12-31")).code).toBe("BAREME_NON_EN_VIGUEUR");
  });
});

describe("seuil de pauvreté Insee (regulation.md §7)", () => {
  const s = (date: string) => baremeAt("seuil_pauvrete_insee", date).valeurs;
  it("publié le 11/07/2024 (Insee Première n° 2004) : revenus 2022, 1 216 €/mois/UC, médiane 24 330 € ; en vigueur le 01/08/2024 (avant l'issue 13 : #N/A, version datée du 17/10/2024)", () => {
    expect(s("2024-07-11")).toEqual({ anneeRevenus: 2022, seuilMensuelParUc: 1216, niveauVieMedianAnnuel: 24330 });
    expect(s("2024-08-01").seuilMensuelParUc).toBe(1216);
    expect(s("2025-07-06").seuilMensuelParUc).toBe(1216);
  });
  it("publié le 07/07/2025 : revenus 2023, 1 288 €/mois/UC, médiane 25 760 € (25 760 × 0,6 / 12 = 1 288)", () => {
    expect(s("2025-07-07")).toEqual({ anneeRevenus: 2023, seuilMensuelParUc: 1288, niveauVieMedianAnnuel: 25760 });
  });
  it("avant toute publication enregistrée : erreur", () => {
    expect(erreur(() => s("2024-07-10")).code).toBe("BAREME_NON_EN_VIGUEUR");
  });
});

describe("échelle OCDE modifiée (regulation.md §7, DESIGN §4)", () => {
  it("1 / 0,5 / 0,3, seuil 14 ans, applicable à toute date", () => {
    expect(baremeAt("echelle_ocde_modifiee", "1900-01-01").valeurs).toEqual({ premierAdulte: 1, autrePersonne14Plus: 0.5, enfantMoins14: 0.3, ageSeuil: 14 });
  });
  it("concorde avec foyer.ts : couple + enfants de 5 et 8 ans = 1 + 0,5 + 2 × 0,3 = 2,1 UC (exemple Insee)", () => {
    const v = baremeAt("echelle_ocde_modifiee", "2025-01-01").valeurs;
    const uc = dec(v.premierAdulte).plus(v.autrePersonne14Plus).plus(dec(v.enfantMoins14).times(2));
    expect(uc.toNumber()).toBe(2.1);
    expect(unitesConsommation({ personnes14Plus: 2, enfantsMoins14: 2 }).toNumber()).toBe(uc.toNumber());
  });
});

describe("durées de référence de l'apurement (regulation.md §3, §6 ; DESIGN §4)", () => {
  it("CAF 36, procédure simplifiée ≤ 100 € et ≤ 36 mois, protocole 24 + 36 (60), juge 36, surendettement 84", () => {
    expect(baremeAt("durees_apurement", "2023-07-29").valeurs).toEqual({
      planCafMois: 36,
      procedureSimplifieeDetteMax: 100,
      procedureSimplifieeDureeMaxMois: 36,
      protocoleMois: 24,
      protocoleProlongationMois: 36,
      protocoleTotalMaxMois: 60,
      delaisJudiciairesMaxMois: 36,
      surendettementMaxMois: 84,
    });
  });
  it("sont celles que lit le plan d'apurement, à la date demandée : une version publiée à 24 mois change le plan par défaut à partir de sa date d'effet", () => {
    const v = baremeAt("durees_apurement", "2025-01-01");
    const catalogue = creerCatalogue([
      {
        bareme: "durees_apurement",
        version: { dateEffet: "2027-01-01", valeurs: { ...v.valeurs, planCafMois: 24 }, source: { ...v.source, texte: "Version d'essai (test)" }, statut: v.statut },
      },
    ]);
    // 1 000 € / 36 = 27,777… → 27,78 € sur 36 mois ; 1 000 / 24 = 41,666… → 41,67 € sur 24 mois.
    expect(planApurement({ dette: 1000 }, { date: "2026-12-31", catalogue }).nombreEcheances).toBe(36);
    expect(planApurement({ dette: 1000 }, { date: "2026-12-31", catalogue }).mensualite.toNumber()).toBe(27.78);
    expect(planApurement({ dette: 1000 }, { date: "2027-01-01", catalogue }).nombreEcheances).toBe(24);
    expect(planApurement({ dette: 1000 }, { date: "2027-01-01", catalogue }).mensualite.toNumber()).toBe(41.67);
  });
  it("avant la loi n° 2023-668 : erreur (versions antérieures non vérifiées)", () => {
    expect(erreur(() => baremeAt("durees_apurement", "2023-07-28")).code).toBe("BAREME_NON_EN_VIGUEUR");
  });
});

describe("repères (regulation.md §1.2, §2, §3)", () => {
  it("taux d'effort : FSL Côtes-d'Armor 30 % depuis 2009 ; HCSF 35 % à partir du 01/01/2022 seulement", () => {
    const avant = baremeAt("reperes_taux_effort", "2021-12-31").valeurs;
    const apres = baremeAt("reperes_taux_effort", "2022-01-01").valeurs;
    expect(avant.fslCotesDArmor!.maximum).toBe(0.3);
    expect(avant.hcsfCreditImmobilier).toBeUndefined();
    expect(apres.hcsfCreditImmobilier!.maximum).toBe(0.35);
    expect(apres.organismesHlm).toMatchObject({ minimum: 0.2, maximum: 0.3 });
    expect(erreur(() => baremeAt("reperes_taux_effort", "2008-12-31")).code).toBe("BAREME_NON_EN_VIGUEUR");
  });
  it("reste à vivre : USH 10–15 €/jour/personne ; FSL 22 : 1 015 … 3 050 € +500 ; FSL 28 dès 2020 : 1 026 € +513 ; Banque de France 2024 : 573 / 774 / +201", () => {
    const v2009 = baremeAt("reperes_reste_a_vivre", "2009-01-01").valeurs;
    expect(v2009.ushSeuilAlerte).toMatchObject({ minimum: 10, maximum: 15 });
    expect(v2009.fslCotesDArmor).toMatchObject({ unePersonne: 1015, deuxPersonnes: 1525, troisPersonnes: 2030, quatrePersonnes: 2540, cinqPersonnes: 3050, parPersonneSupplementaire: 500 });
    expect(baremeAt("reperes_reste_a_vivre", "2019-12-31").valeurs.fslEureEtLoir).toBeUndefined();
    expect(baremeAt("reperes_reste_a_vivre", "2020-01-01").valeurs.fslEureEtLoir).toMatchObject({ personneSeule: 1026, parPersonneSupplementaire: 513 });
    expect(baremeAt("reperes_reste_a_vivre", "2023-12-31").valeurs.banqueDeFranceForfaitBase).toBeUndefined();
    expect(baremeAt("reperes_reste_a_vivre", "2024-01-01").valeurs.banqueDeFranceForfaitBase).toMatchObject({ personneSeule: 573, couple: 774, parPersonneSupplementaire: 201 });
  });
});
