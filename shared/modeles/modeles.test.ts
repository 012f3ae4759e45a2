import { describe, expect, it } from "vitest";
import type { DateISO } from "../date.ts";
import { estErreurLogsoc } from "../errors.ts";
import { CATALOGUE } from "../baremes/catalogue.ts";
import { REFERENTIEL, toutesLesCompetences } from "../referentiel/index.ts";
import { construireModele, DESCRIPTIONS_MODELES } from "./index.ts";
import { FONCTIONS_AUTORISEES, fonctionsUtilisees, problemesFormule, resoudreFormule } from "./formules.ts";
import { avecSaisies, celluleParId, SpecModeleSchema, toutesLesCellules, TYPES_MODELES, validerSpec, type SpecModele } from "./spec.ts";
import { STYLES } from "./styles.ts";
import { modeleCal } from "./cal.ts";
import { contexteBaremes } from "./sources.ts";

const DATE = "2026-11-26" as DateISO;
const DATES = ["2024-03-01", "2025-06-15", DATE] as DateISO[];
const tous = (date: DateISO = DATE): SpecModele[] => TYPES_MODELES.map((t) => construireModele(t, { date }));

/** Functions a template must never use: dynamic-array-only, Excel 2019+, locale-dependent or volatile. */
const INTERDITES = ["LET", "LAMBDA", "SEQUENCE", "FILTER", "XLOOKUP", "XMATCH", "UNIQUE", "SORT", "IFS", "SWITCH", "MAXIFS", "MINIFS", "CONCAT", "TEXTJOIN", "TEXT", "FIXED", "TODAY", "NOW", "INDIRECT", "OFFSET", "CELL", "RAND"];

describe("spécification des modèles", () => {
  it.each(DATES)("les quatre modèles construits au %s passent le validateur (forme, formules, noms, saisies)", (date) => {
    for (const spec of tous(date)) expect(() => validerSpec(spec)).not.toThrow();
  });

  it("fiche CALEOL valide pour 1, 2 et 3 candidats et chaque zone", () => {
    for (const candidats of [1, 2, 3]) {
      for (const zone of ["PARIS", "IDF", "AUTRES"] as const) {
        const spec = modeleCal(contexteBaremes(DATE), { candidats, zone });
        expect(() => validerSpec(spec)).not.toThrow();
        expect(spec.noms.filter((n) => n.nom.startsWith("PLAFOND_"))).toHaveLength(candidats);
      }
    }
  });

  it("chaque formule n'appelle que des fonctions de la liste autorisée, et aucune des fonctions récentes ou instables", () => {
    const utilisees = new Set<string>();
    for (const spec of tous()) {
      for (const { feuille, cellule } of toutesLesCellules(spec)) {
        if (cellule.formule === undefined) continue;
        for (const f of fonctionsUtilisees(cellule.formule)) {
          utilisees.add(f);
          expect(FONCTIONS_AUTORISEES as readonly string[], `${spec.id} ${feuille.nom}!${cellule.ref}`).toContain(f);
        }
      }
    }
    for (const f of INTERDITES) {
      expect(FONCTIONS_AUTORISEES as readonly string[]).not.toContain(f);
      expect(utilisees.has(f)).toBe(false);
    }
    // The templates really use the classic functions the spec relies on.
    for (const f of ["SUM", "ROUND", "ROUNDUP", "INDEX", "MATCH", "EDATE", "COUNTIFS", "IF"]) expect(utilisees.has(f)).toBe(true);
  });

  it("le validateur refuse une fonction interdite, un séparateur « ; », une feuille inconnue, des parenthèses ou guillemets non appariés", () => {
    const cles = new Set(["evaluation", "baremes"]);
    expect(problemesFormule("XLOOKUP(A1,B1:B5,C1:C5)", cles)).toEqual([expect.stringContaining("XLOOKUP")]);
    expect(problemesFormule("LET(x,1,x+1)", cles)).toEqual([expect.stringContaining("LET")]);
    expect(problemesFormule("_xlfn.CONCAT(A1,B1)", cles).join(" ")).toContain("CONCAT");
    expect(problemesFormule("SUM(A1;A2)", cles)).toEqual([expect.stringContaining("« ; »")]);
    expect(problemesFormule("{inconnue}!A1+1", cles)).toEqual(["feuille inconnue : {inconnue}"]);
    expect(problemesFormule("ROUND((A1,2)", cles)).toEqual(["parenthèses non appariées"]);
    expect(problemesFormule('IF(A1="x,1)', cles)).toContain("guillemets non appariés");
    expect(problemesFormule("=SUM(A1)", cles)).toEqual([expect.stringContaining("« = »")]);
    expect(problemesFormule('IF(A1="SEQUENCE(3)",{baremes}!B2,\'FILTER(x)\'!A1)', cles)).toEqual([]);
  });

  it("fonctionsUtilisees ignore les chaînes et les noms de feuilles", () => {
    expect(fonctionsUtilisees('IF(A1="LET(",ROUND(\'SUM(x)\'!A1,2),{baremes}!B3)')).toEqual(["IF", "ROUND"]);
  });

  it("resoudreFormule cite les noms réels des feuilles, apostrophes doublées, chaînes intactes", () => {
    expect(resoudreFormule('{plan}!A1&"{plan}!"&{baremes}!$B$2', { plan: "Plan d'apurement (2)", baremes: "Barèmes" })).toBe(`'Plan d''apurement (2)'!A1&"{plan}!"&'Barèmes'!$B$2`);
    expect(() => resoudreFormule("{x}!A1", {})).toThrow("{x}");
  });

  it("le validateur refuse une saisie sans validation, une formule saisissable, un nom qui ressemble à une référence, une cellule en double", () => {
    const spec = construireModele("apurement", { date: DATE });
    const plan = spec.feuilles[0]!;
    const avec = (cellules: typeof plan.cellules, noms = spec.noms) => ({ ...spec, noms, feuilles: [{ ...plan, cellules }, ...spec.feuilles.slice(1)] });
    const erreurs = (s: SpecModele) => {
      const r = SpecModeleSchema.safeParse(s);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    const dette = plan.cellules.find((c) => c.id === "plan.dette")!;
    const sansValidation = plan.cellules.map((c) => (c === dette ? { ...c, validation: undefined } : c));
    expect(erreurs(avec(sansValidation))).toEqual([expect.stringContaining("une saisie doit avoir une règle de validation")]);
    const formuleSaisie = plan.cellules.map((c) => (c.id === "plan.mensualiteRetenue" ? { ...c, saisie: true, style: "saisie" as const, validation: dette.validation } : c));
    expect(erreurs(avec(formuleSaisie))).toContain(`plan!B14 : une cellule calculée ne peut pas être une saisie`);
    expect(erreurs(avec([...plan.cellules, { ref: "A1", valeur: "double" }]))).toContain("plan!A1 : cellule définie deux fois");
    expect(erreurs(avec(plan.cellules, [{ nom: "RAV1", feuille: "plan", ref: "B13", description: "x" }]))).toEqual([expect.stringContaining("ressembler à une référence")]);
    expect(erreurs(avec(plan.cellules, [{ nom: "DETTE", feuille: "plan", ref: "Z99", description: "x" }]))).toEqual([expect.stringContaining("n'est pas une cellule du modèle")]);
  });

  it("styles : les saisies sont déverrouillées, les formules et libellés verrouillés ; les feuilles visibles sont protégées", () => {
    for (const spec of tous()) {
      let saisies = 0;
      for (const { feuille, cellule } of toutesLesCellules(spec)) {
        const deverrouillee = cellule.style !== undefined && "deverrouillee" in STYLES[cellule.style];
        expect(deverrouillee, `${spec.id} ${feuille.nom}!${cellule.ref}`).toBe(cellule.saisie === true);
        if (cellule.saisie) {
          saisies++;
          expect(cellule.validation).toBeDefined();
          expect(cellule.formule).toBeUndefined();
        }
      }
      expect(saisies).toBeGreaterThan(4);
      for (const f of spec.feuilles) if (f.visibilite === "visible") expect(f.protegee).toBe(true);
    }
  });

  it("montants saisis : validation ≥ 0 ; listes Oui/Non ; dates", () => {
    const spec = construireModele("evaluation", { date: DATE });
    expect(celluleParId(spec, "ressources.salaires").cellule.validation).toMatchObject({ type: "decimal", min: 0 });
    expect(celluleParId(spec, "charges.loyer").cellule.validation).toMatchObject({ type: "decimal", min: 0 });
    expect(celluleParId(spec, "foyer.couple").cellule.validation).toMatchObject({ type: "liste", valeurs: ["Oui", "Non"] });
    expect(celluleParId(spec, "foyer.personnes14Plus").cellule.validation).toMatchObject({ type: "entier", min: 1, max: 30 });
    expect(celluleParId(spec, "evaluation.date").cellule.validation).toMatchObject({ type: "date" });
  });
});

describe("noms du classeur (DESIGN.md §6)", () => {
  const NOMS: Record<string, [string, string][]> = {
    evaluation: [
      ["TOTAL_RESSOURCES", "resultats.totalRessources"],
      ["TOTAL_CHARGES", "resultats.totalCharges"],
      ["RAV_MENSUEL", "resultats.ravMensuel"],
      ["RAV_JOUR_PERSONNE", "resultats.ravJourPersonne"],
      ["RAV_UC", "resultats.ravUc"],
      ["RAV_JOUR_UC", "resultats.ravJourUc"],
      ["TAUX_EFFORT", "resultats.tauxEffort"],
      ["CAPACITE_REMBOURSEMENT", "resultats.capaciteRemboursement"],
    ],
    apurement: [
      ["DETTE", "plan.detteRetenue"],
      ["MENSUALITE", "plan.mensualiteRetenue"],
      ["DUREE", "plan.nombreEcheances"],
      ["TOTAL_REMBOURSE", "plan.totalRembourse"],
    ],
  };
  it.each(Object.keys(NOMS))("%s : chaque nom requis désigne la cellule calculée attendue", (type) => {
    const spec = construireModele(type, { date: DATE });
    for (const [nom, id] of NOMS[type]!) {
      const n = spec.noms.find((x) => x.nom === nom);
      expect(n, nom).toBeDefined();
      const { feuille, cellule } = celluleParId(spec, id);
      expect([n!.feuille, n!.ref]).toEqual([feuille.cle, cellule.ref]);
      expect(cellule.formule).toBeDefined();
      expect(n!.description.length).toBeGreaterThan(10);
    }
  });
});

describe("feuille Barèmes et métadonnées", () => {
  it("chaque valeur de barème porte sa date d'effet, son statut et sa source ; les valeurs sont celles du catalogue à la date", () => {
    for (const date of DATES) {
      const spec = construireModele("evaluation", { date });
      const baremes = spec.feuilles.find((f) => f.cle === "baremes")!;
      const lignes = baremes.cellules.filter((c) => c.id?.startsWith("baremes.") && c.ref.startsWith("B") && !["baremes.date", "baremes.debut", "baremes.fin"].includes(c.id));
      expect(lignes.length).toBeGreaterThan(20);
      for (const c of lignes) {
        const l = c.ref.slice(1);
        const cellule = (col: string) => baremes.cellules.find((x) => x.ref === `${col}${l}`);
        expect(typeof cellule("A")?.valeur).toBe("string");
        expect(cellule("D")?.valeur).toMatchObject({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
        expect(String(cellule("E")?.valeur)).toMatch(/^(officiel|calculé|non vérifié|estimation)/);
        expect(String(cellule("F")?.valeur).length).toBeGreaterThan(10);
      }
      const rsa = CATALOGUE.enVigueur("rsa_montant_forfaitaire", date);
      expect(celluleParId(spec, "baremes.rsa.montant").cellule.valeur).toBe(rsa.valeurs.montant);
      const saisie = CATALOGUE.enVigueur("saisie_remuneration", date);
      expect(celluleParId(spec, "baremes.saisie.s6").cellule.valeur).toBe(saisie.valeurs.seuilsAnnuels.s6);
      expect(celluleParId(spec, "baremes.saisie.t5").cellule.valeur).toBeCloseTo(1 / 3, 15);
      expect(celluleParId(spec, "baremes.date").cellule.valeur).toEqual({ date });
    }
  });

  it("fiche CALEOL : la grille des plafonds de la date, avec les estimations signalées comme telles", () => {
    const spec = construireModele("cal", { date: DATE });
    const baremes = spec.feuilles.find((f) => f.cle === "baremes")!;
    const texte = (v: unknown) => String(v);
    const ligne = (cle: string) => {
      const a = baremes.cellules.find((c) => c.valeur === cle)!;
      const l = a.ref.slice(1);
      return baremes.cellules.filter((c) => c.ref.slice(1) === l && /^[B-J]$/.test(c.ref.replace(/\d+$/, ""))).map((c) => c.valeur);
    };
    const plus = CATALOGUE.enVigueur("plafonds_ressources_hlm", DATE).valeurs.PLUS.AUTRES;
    expect(ligne("PLUS|Autres régions")).toEqual(["PLUS, Autres régions", plus.cat1, plus.cat2, plus.cat3, plus.cat4, plus.cat5, plus.cat6, plus.parPersonneSupplementaire, expect.stringMatching(/^officiel/)]);
    // PLAI 2026: every cell is an estimate in the reference notes; the sheet says so.
    expect(texte(ligne("PLAI|Autres régions").at(-1))).toMatch(/^estimation/);
  });

  it("feuille de métadonnées masquée : modèle, version, date des barèmes, options, noms des feuilles", () => {
    for (const spec of tous()) {
      const meta = spec.feuilles.at(-1)!;
      expect(meta.cle).toBe("meta");
      expect(meta.visibilite).toBe("masquee");
      const valeur = (cle: string) => {
        const a = meta.cellules.find((c) => c.valeur === cle);
        return meta.cellules.find((c) => c.ref === `B${a!.ref.slice(1)}`)?.valeur;
      };
      expect(valeur("modele")).toBe(spec.id);
      expect(valeur("version")).toMatch(/^\d+\.\d+\.\d+$/);
      expect(valeur("date_baremes")).toEqual({ date: DATE });
      for (const f of spec.feuilles) expect(valeur(`feuille.${f.cle}`)).toEqual({ nomFeuille: f.cle });
      for (const [cle, v] of Object.entries(spec.options)) expect(valeur(`option.${cle}`)).toBe(v);
    }
  });

  it("grille de compétences : toutes les compétences du référentiel, une ligne chacune, avec statut, date, preuve, évaluateur", () => {
    const spec = construireModele("competences", { date: DATE });
    const grille = spec.feuilles.find((f) => f.cle === "grille")!;
    const ids = toutesLesCompetences().map((s) => s.competence.id);
    expect(ids).toHaveLength(104);
    for (const id of ids) {
      const seg = id.replace("-", "").toLowerCase();
      const statut = celluleParId(spec, `competence.${seg}.statut`).cellule;
      expect(statut.validation).toMatchObject({ type: "liste", valeurs: ["Acquis", "En cours", "Non acquis"] });
      for (const champ of ["date", "preuve", "evaluateur"]) expect(celluleParId(spec, `competence.${seg}.${champ}`).cellule.saisie).toBe(true);
      const l = statut.ref.slice(1);
      expect(grille.cellules.find((c) => c.ref === `C${l}`)?.valeur).toBe(id);
    }
    const parDomaine = REFERENTIEL.domaines.map((d) => d.activites.reduce((n, a) => n + a.competences.length, 0));
    REFERENTIEL.domaines.forEach((d, i) => expect(celluleParId(spec, `baremes.referentiel.${d.id.toLowerCase()}`).cellule.valeur).toBe(parDomaine[i]));
  });
});

describe("erreurs claires", () => {
  const erreur = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (estErreurLogsoc(e)) return { code: e.code, message: e.message };
      throw e;
    }
    throw new Error("aucune erreur");
  };

  it("type inconnu, date sans barème en vigueur, nombre de candidats hors limites", () => {
    expect(erreur(() => construireModele("budget", { date: DATE }))).toEqual({ code: "CODE_INCONNU", message: "Modèle inconnu « budget » : evaluation, cal, apurement, competences attendu." });
    expect(erreur(() => construireModele("evaluation", { date: "2022-01-01" as DateISO }))).toMatchObject({ code: "BAREME_NON_EN_VIGUEUR", message: expect.stringContaining("01/01/2022") });
    expect(erreur(() => construireModele("cal", { date: DATE, candidats: 4 }))).toMatchObject({ code: "HORS_LIMITES", message: expect.stringContaining("de 1 à 3") });
  });

  it("avecSaisies refuse un identifiant inconnu ou une cellule calculée", () => {
    const spec = construireModele("apurement", { date: DATE });
    expect(() => avecSaisies(spec, { "plan.inconnu": 1 })).toThrow("plan.inconnu");
    expect(() => avecSaisies(spec, { "plan.mensualiteRetenue": 1 })).toThrow("n'est pas une cellule de saisie");
    const rempli = avecSaisies(spec, { "plan.dette": 1200, "plan.duree": null });
    expect(celluleParId(rempli, "plan.dette").cellule.valeur).toBe(1200);
    expect(celluleParId(spec, "plan.dette").cellule.valeur).toBeUndefined();
  });

  it("chaque modèle a un titre et une description en français", () => {
    for (const t of TYPES_MODELES) {
      expect(DESCRIPTIONS_MODELES[t].titre.length).toBeGreaterThan(5);
      expect(construireModele(t, { date: DATE }).titre).toBeTruthy();
    }
  });
});
