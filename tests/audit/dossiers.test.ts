import { beforeAll, describe, expect, it } from "vitest";
import { versSerieExcel, type DateISO } from "#shared/date.ts";
import { auditerClasseur, type RapportAudit } from "#shared/audit/audit.ts";
import type { Constat, GenreConstat } from "#shared/audit/constats.ts";
import { lecteurEnMemoire } from "#shared/audit/lecteur.ts";
import { construireModele } from "#shared/modeles/index.ts";
import { avecSaisies, celluleParId, type SpecModele } from "#shared/modeles/spec.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { saisiesEvaluation } from "#shared/modeles/evaluation.ts";
import { construireExercice, TYPES_EXERCICES } from "#shared/exercices/index.ts";
import { lireClasseurXlsx } from "#shared/audit/fichierXlsx.ts";
import { recalculer } from "../libreoffice/recalcul.ts";
import { contenuMutable, ecrireZip, entreesZip, feuille, modifierFeuille, remplacerCellule, remplacerValeurCachee, supprimerLigne } from "./outils.ts";

/**
 * The audit against workbooks as users hand them in: written by LogSoc, recalculated and saved by a
 * real spreadsheet engine (LibreOffice headless, one soffice call for the whole batch), then tampered
 * with the way people do. 100 generated dossiers must pass with zero findings and every value checked;
 * each kind of tampering must be reported where it happened.
 */

const DATES = ["2024-06-15", "2025-01-20", "2025-06-01", "2025-11-03", "2026-05-10"] as DateISO[];
const NOMBRE = 100;
const DATE_MAIN = "2025-06-01" as DateISO;

/** Hand-worked évaluation: single person, salary 1 500 €, aide au logement 200 €, rent 400 € + 100 € of charges, energy 60 €. */
function evaluationMain(): SpecModele {
  return avecSaisies(
    construireModele("evaluation", { date: DATE_MAIN }),
    saisiesEvaluation({ date: DATE_MAIN, personnes14Plus: 1, enfantsMoins14: 0, couple: false, ressources: { salaires: 1500, aideLogement: 200 }, charges: { loyer: 400, chargesLocatives: 100, energie: 60 }, dettes: [] }),
  );
}

/** Hand-worked plan: 1 000,10 € over 7 months from 31/01/2026, loyer résiduel 123,45 €. */
function apurementMain(): SpecModele {
  return avecSaisies(construireModele("apurement", { date: DATE_MAIN }), {
    "plan.dette": 1000.1,
    "plan.duree": 7,
    "plan.premiereEcheance": { date: "2026-01-31" as DateISO },
    "plan.loyerResiduel": 123.45,
  });
}

const recalcules = new Map<string, Uint8Array>();
const specs = new Map<string, SpecModele>();

beforeAll(async () => {
  const fichiers = new Map<string, Uint8Array>();
  for (let i = 0; i < NOMBRE; i++) {
    const type = TYPES_EXERCICES[i % TYPES_EXERCICES.length]!;
    const ex = construireExercice(type, 1 + i * 7919, DATES[i % DATES.length]!);
    const nom = `dossier-${String(i).padStart(3, "0")}-${type}.xlsx`;
    fichiers.set(nom, await ecrireXlsx(ex.corrige));
  }
  for (const [nom, spec] of [
    ["main-evaluation.xlsx", evaluationMain()],
    ["main-apurement.xlsx", apurementMain()],
  ] as const) {
    specs.set(nom, spec);
    fichiers.set(nom, await ecrireXlsx(spec));
  }
  for (const [nom, octets] of await recalculer(fichiers)) recalcules.set(nom, octets);
}, 900_000);

const auditer = (octets: Uint8Array): RapportAudit => {
  const r = auditerClasseur(lireClasseurXlsx(octets));
  expect(r.dossiers).toHaveLength(1);
  return r.dossiers[0]!;
};
const resume = (c: readonly Constat[]) => c.slice(0, 5).map((x) => `${x.genre} ${x.feuille}!${x.cellule} : ${x.message}`);
const genres = (r: RapportAudit): GenreConstat[] => [...new Set(r.constats.map((c) => c.genre))];
const position = (spec: SpecModele, id: string) => {
  const { feuille: f, cellule } = celluleParId(spec, id);
  return { feuille: f.nom, ref: cellule.ref };
};
const controle = (r: RapportAudit, libelle: string) => {
  const c = r.controles.find((x) => x.libelle === libelle);
  if (!c) throw new Error(`contrôle absent : ${libelle}`);
  return c;
};

describe("100 dossiers générés, recalculés par LibreOffice", () => {
  it("zéro anomalie, chaque valeur comparée au moteur, chaque compétence exercée attestée", () => {
    const dossiers = [...recalcules].filter(([nom]) => nom.startsWith("dossier-"));
    expect(dossiers).toHaveLength(NOMBRE);
    for (const [nom, octets] of dossiers) {
      const r = auditer(octets);
      expect(resume(r.constats), nom).toEqual([]);
      expect(r.valeursNonCalculees, `${nom} : valeurs non calculées`).toBe(0);
      expect(r.exercice?.role, nom).toBe("corrige");
      expect(r.competences.length, nom).toBeGreaterThan(0);
      for (const c of r.competences) expect(c.attestee, `${nom} ${c.id} : ${c.motif}`).toBe(true);
      expect(r.controles.every((c) => c.statut === "ok"), nom).toBe(true);
    }
  });
});

describe("dossiers calculés à la main", () => {
  it("évaluation : reste à vivre 1 140 € (38 € par jour), taux d'effort 20 % = (400 + 100 − 200) / (1 700 − 200)", () => {
    const r = auditer(recalcules.get("main-evaluation.xlsx")!);
    expect(r.conforme).toBe(true);
    expect(controle(r, "Total des ressources").attendu).toBe(1700);
    expect(controle(r, "Total des charges").attendu).toBe(560);
    expect(controle(r, "Reste à vivre mensuel du foyer").attendu).toBe(1140);
    expect(controle(r, "Reste à vivre par jour et par personne (mois de 30 jours)").attendu).toBe(38);
    expect(controle(r, "Reste à vivre mensuel par unité de consommation (OCDE modifiée)").attendu).toBe(1140);
    expect(controle(r, "Taux d'effort (arrêté du 10 mars 2011)").attendu).toBe(0.2);
    expect(controle(r, "Taux d'effort (arrêté du 10 mars 2011)").trouve).toBe(0.2);
  });

  it("plan : 1 000,10 € en 7 mois → 6 × 142,88 € puis 142,82 €, échéances au dernier jour du mois", () => {
    const r = auditer(recalcules.get("main-apurement.xlsx")!);
    expect(r.conforme).toBe(true);
    expect(controle(r, "Mensualité de reprise de dette").trouve).toBe(142.88);
    expect(controle(r, "Nombre d'échéances (durée du plan, en mois)").trouve).toBe(7);
    expect(controle(r, "Dernière échéance (le solde)").trouve).toBe(142.82);
    expect(controle(r, "Total remboursé (somme de l'échéancier)").trouve).toBe(1000.1);
    expect(controle(r, "Échéancier").statut).toBe("ok");
    expect(r.competences.map((c) => [c.id, c.attestee])).toEqual([["A21-C02", true]]);
  });
});

describe("classeurs altérés", () => {
  const EVAL = "main-evaluation.xlsx";
  const PLAN = "main-apurement.xlsx";
  const spec = () => specs.get(EVAL)!;
  const ravMensuel = () => position(spec(), "resultats.ravMensuel");

  it("valeur modifiée (résultat enregistré différent du calcul) : valeur erronée à cette cellule, compétences concernées non attestées", () => {
    const { feuille: f, ref } = ravMensuel();
    const r = auditer(modifierFeuille(recalcules.get(EVAL)!, f, (xml) => remplacerValeurCachee(xml, ref, 1240)));
    expect(r.constats).toEqual([expect.objectContaining({ genre: "valeur_erronee", feuille: f, cellule: ref, id: "resultats.ravMensuel", attendu: 1140, trouve: 1240 })]);
    expect(r.constats[0]!.message).toContain("écart : 100,00");
    const attestees = Object.fromEntries(r.competences.map((c) => [c.id, c.attestee]));
    expect(attestees).toMatchObject({ "A04-C01": true, "A04-C02": false, "A12-C01": false });
  });

  it("saisie changée puis enregistrée sans recalcul : les totaux et restes à vivre affichés sont signalés", () => {
    const salaires = position(spec(), "ressources.salaires");
    const r = auditer(modifierFeuille(recalcules.get(EVAL)!, salaires.feuille, (xml) => remplacerCellule(xml, salaires.ref, { valeur: 1600 })));
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "valeur_erronee", id: "resultats.totalRessources", attendu: 1800, trouve: 1700 }));
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "valeur_erronee", id: "resultats.ravMensuel", attendu: 1240, trouve: 1140 }));
    expect(genres(r)).toEqual(["valeur_erronee"]);
  });

  it("formule remplacée par une constante : signalée même quand la valeur tapée est juste", () => {
    const { feuille: f, ref } = ravMensuel();
    const juste = auditer(modifierFeuille(recalcules.get(EVAL)!, f, (xml) => remplacerCellule(xml, ref, { valeur: 1140 })));
    expect(juste.constats).toEqual([expect.objectContaining({ genre: "formule_remplacee", feuille: f, cellule: ref, trouve: 1140, attendu: "=ROUND((B27-B45),2)" })]);
    const fausse = auditer(modifierFeuille(recalcules.get(EVAL)!, f, (xml) => remplacerCellule(xml, ref, { valeur: 1200 })));
    expect(fausse.constats.map((c) => c.genre)).toEqual(["formule_remplacee", "valeur_erronee"]);
  });

  it("formule modifiée : l'ancienne et la nouvelle formule sont citées", () => {
    const { feuille: f, ref } = ravMensuel();
    const r = auditer(modifierFeuille(recalcules.get(EVAL)!, f, (xml) => remplacerCellule(xml, ref, { formule: "ROUND(B27-B45+50,2)", valeur: 1190 })));
    expect(r.constats.map((c) => [c.genre, c.cellule])).toEqual([
      ["formule_modifiee", ref],
      ["valeur_erronee", ref],
    ]);
    expect(r.constats[0]).toMatchObject({ attendu: "=ROUND((B27-B45),2)", trouve: "=ROUND(B27-B45+50,2)" });
  });

  it("ligne supprimée dans l'échéancier : la somme et les lignes décalées sont signalées", () => {
    const c = contenuMutable(recalcules.get(PLAN)!);
    supprimerLigne(c, "Plan d'apurement", 40);
    const r = auditerClasseur(lecteurEnMemoire(c)).dossiers[0]!;
    const total = position(specs.get(PLAN)!, "plan.totalRembourse");
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "formule_modifiee", cellule: total.ref, attendu: "=IF(I8=\"\",ROUND(SUM(C38:C637),2),IF(B5=\"\",\"\",NA()))", trouve: "=IF(I8=\"\",ROUND(SUM(C38:C636),2),IF(B5=\"\",\"\",NA()))" }));
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "formule_modifiee", cellule: "A40" }));
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "formule_remplacee", cellule: "A653" }));
    expect(r.constats.filter((x) => x.genre === "formule_modifiee").length).toBeGreaterThan(6 * 590);
    expect(controle(r, "Formules de la feuille « Plan d'apurement »").statut).toBe("erreur");
  });

  it("ligne de charge supprimée dans l'évaluation : total et formules décalées signalés", () => {
    const c = contenuMutable(recalcules.get(EVAL)!);
    const energie = position(spec(), "charges.energie");
    supprimerLigne(c, energie.feuille, Number(energie.ref.slice(1)));
    const r = auditerClasseur(lecteurEnMemoire(c)).dossiers[0]!;
    // The total moved up one row, its range one row shorter: the template's cell lost its formula.
    const total = position(spec(), "resultats.totalCharges");
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "formule_remplacee", id: "resultats.totalCharges", cellule: total.ref }));
    // Each indicator row now holds the formula of the row below, its references one row up.
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "formule_modifiee", id: "resultats.ravMensuel", attendu: "=ROUND((B27-B45),2)", trouve: "=ROUND((B27-B44)/B11/30,2)" }));
    // The workbook names followed the cells: RAV_MENSUEL now designates the row above.
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "metadonnees", cellule: ravMensuel().ref }));
  });

  it("métadonnées supprimées : le classeur n'est plus reconnu comme un dossier LogSoc", () => {
    const c = contenuMutable(recalcules.get(EVAL)!);
    c.feuilles = c.feuilles.filter((f) => f.nom !== "LogSoc_meta");
    const r = auditerClasseur(lecteurEnMemoire(c));
    expect(r.classeurLogsoc).toBe(false);
    expect(r.conforme).toBe(false);
    expect(r.dossiers[0]!.constats).toEqual([expect.objectContaining({ genre: "metadonnees", feuille: null })]);
    expect(r.dossiers[0]!.constats[0]!.message).toContain("n'a pas été créé à partir d'un modèle LogSoc");
  });

  it("métadonnées altérées : version inconnue, type inconnu, date des barèmes effacée", () => {
    const meta = (ref: string, valeur: string | null) => auditer(modifierFeuille(recalcules.get(EVAL)!, "LogSoc_meta", (xml) => remplacerCellule(xml, ref, { valeur })));
    const version = meta("B4", "9.9.9");
    expect(version.constats).toEqual([expect.objectContaining({ genre: "metadonnees", feuille: "LogSoc_meta", cellule: "B4" })]);
    expect(version.constats[0]!.message).toContain("Version de modèle inconnue : « 9.9.9 »");
    expect(version.modele).toBeNull();
    expect(meta("B3", "budget").constats[0]!.message).toContain("type de modèle inconnu");
    expect(meta("B6", null).constats[0]!.message).toContain("date des barèmes");
  });

  it("nom défini déplacé : signalé à la cellule que le nom devait désigner", () => {
    const entrees = entreesZip(recalcules.get(EVAL)!);
    const xml = entrees.get("xl/workbook.xml")!.toString("utf8");
    const { ref } = ravMensuel();
    const autre = `$B$${Number(ref.slice(1)) + 1}`;
    entrees.set("xl/workbook.xml", Buffer.from(xml.replace(/(name="RAV_MENSUEL"[^>]*>[^<]*!)\$B\$\d+/, `$1${autre}`)));
    const r = auditer(ecrireZip(entrees));
    expect(r.constats).toEqual([expect.objectContaining({ genre: "metadonnees", cellule: ref })]);
    expect(r.constats[0]!.message).toContain("RAV_MENSUEL");
  });

  it("valeur de barème modifiée : écart avec la valeur officielle à la date des barèmes", () => {
    const montant = position(spec(), "baremes.rsa.montant");
    const r = auditer(modifierFeuille(recalcules.get(EVAL)!, montant.feuille, (xml) => remplacerCellule(xml, montant.ref, { valeur: 700 })));
    expect(r.constats).toEqual([expect.objectContaining({ genre: "bareme_valeur", feuille: "Barèmes", cellule: montant.ref, trouve: 700 })]);
    expect(r.constats[0]!.message).toContain("valeur officielle en vigueur le 01/06/2025");
  });

  it("date de l'évaluation hors de la période des barèmes : barèmes d'une autre date", () => {
    const date = position(spec(), "evaluation.date");
    const r = auditer(modifierFeuille(recalcules.get(EVAL)!, date.feuille, (xml) => remplacerCellule(xml, date.ref, { valeur: versSerieExcel("2024-01-15" as DateISO) })));
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "bareme_date", cellule: date.ref, trouve: "15/01/2024" }));
    expect(controle(r, "Date de l'évaluation couverte par les barèmes du classeur").statut).toBe("erreur");
  });

  it("saisies hors limites ou incohérentes : montant négatif, couple d'une seule personne", () => {
    const energie = position(spec(), "charges.energie");
    const negatif = auditer(modifierFeuille(recalcules.get(EVAL)!, energie.feuille, (xml) => remplacerCellule(xml, energie.ref, { valeur: -60 })));
    expect(negatif.constats).toContainEqual(expect.objectContaining({ genre: "saisie_hors_limites", cellule: energie.ref, trouve: -60 }));
    expect(negatif.constats.find((c) => c.genre === "saisie_hors_limites")!.message).toContain("est négatif");

    const couple = position(spec(), "foyer.couple");
    const seul = auditer(modifierFeuille(recalcules.get(EVAL)!, couple.feuille, (xml) => remplacerCellule(xml, couple.ref, { valeur: "Oui" })));
    expect(seul.constats).toContainEqual(expect.objectContaining({ genre: "saisie_hors_limites", id: "foyer.couple", trouve: "Oui" }));
    expect(seul.competences.every((c) => !c.attestee)).toBe(true);
  });

  it("fiche CALEOL : plus de personnes à charge que le ménage n'en compte", () => {
    const [nom, octets] = [...recalcules].find(([n]) => n.endsWith("-cal.xlsx"))!;
    const cal = construireModele("cal", { date: DATES[2]!, candidats: 3 });
    const pac = position(cal, "candidatA.personnesACharge");
    const r = auditer(modifierFeuille(octets, pac.feuille, (xml) => remplacerCellule(xml, pac.ref, { valeur: 9 })));
    expect(r.constats, nom).toContainEqual(expect.objectContaining({ genre: "saisie_hors_limites", id: "candidatA.personnesACharge", trouve: 9 }));
  });
});
