import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import type { DateISO } from "#shared/date.ts";
import { auditerClasseur } from "#shared/audit/audit.ts";
import { lecteurEnMemoire, type CelluleLue, type ContenuClasseur } from "#shared/audit/lecteur.ts";
import { verifierSaisie } from "#shared/audit/saisies.ts";
import { CATALOGUE, creerCatalogue } from "#shared/baremes/catalogue.ts";
import { construireModele } from "#shared/modeles/index.ts";
import { citerFeuille, refAbsolue, resoudreFormule } from "#shared/modeles/formules.ts";
import { avecSaisies, celluleParId, type SpecModele } from "#shared/modeles/spec.ts";
import { saisiesCompetences } from "#shared/modeles/competences.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { versSerieExcel } from "#shared/date.ts";
import { lireClasseurXlsx } from "#shared/audit/fichierXlsx.ts";

/**
 * The audit on workbooks built in memory, as the add-in's renderer lays templates out (several in one
 * workbook, renamed sheets, names local to a sheet), with values typed by hand where a check needs them.
 */

const DATE = "2025-06-01" as DateISO;

/** The sheets of `spec` as a spreadsheet holds them once rendered: formulas (not computed), constants. */
function feuillesDe(spec: SpecModele, suffixe: string) {
  const noms = Object.fromEntries(spec.feuilles.map((f) => [f.cle, `${f.nom}${suffixe}`]));
  const feuilles = spec.feuilles.map((f) => {
    const cellules = new Map<string, CelluleLue>();
    for (const c of f.cellules) {
      if (c.formule !== undefined) cellules.set(c.ref, { valeur: undefined, formule: resoudreFormule(c.formule, noms) });
      else if (c.valeur !== undefined) {
        const v = c.valeur;
        cellules.set(c.ref, { valeur: typeof v === "object" ? ("date" in v ? versSerieExcel(v.date) : noms[v.nomFeuille]!) : v });
      }
    }
    return { nom: noms[f.cle]!, visibilite: f.visibilite === "masquee" ? ("masquee" as const) : ("visible" as const), cellules, noms: new Map<string, string>() };
  });
  const nomsDefinis = new Map(spec.noms.map((n) => [n.nom, `${citerFeuille(noms[n.feuille]!)}!${refAbsolue(n.ref)}`]));
  return { feuilles, nomsDefinis, noms };
}

describe("plusieurs dossiers dans un classeur", () => {
  it("deux évaluations insérées par le volet : feuilles renommées « (2) », noms locaux ; chaque dossier contrôlé", () => {
    const a = feuillesDe(construireModele("evaluation", { date: DATE }), "");
    const b = feuillesDe(construireModele("evaluation", { date: DATE }), " (2)");
    // The second évaluation's names are local to its sheet: the workbook already had them.
    const evaluation2 = b.feuilles.find((f) => f.nom === "Évaluation (2)")!;
    for (const [n, r] of b.nomsDefinis) evaluation2.noms.set(n, r);
    const contenu: ContenuClasseur = { feuilles: [...a.feuilles, ...b.feuilles], noms: a.nomsDefinis };
    const r = auditerClasseur(lecteurEnMemoire(contenu));
    expect(r.dossiers.map((d) => [d.feuilleMeta, d.conforme])).toEqual([
      ["LogSoc_meta", true],
      ["LogSoc_meta (2)", true],
    ]);
    expect(r.conforme).toBe(true);

    // A formula of the second dossier reading the first dossier's Barèmes sheet is a changed formula.
    const c4 = evaluation2.cellules.get("F16")!;
    evaluation2.cellules.set("F16", { ...c4, formule: c4.formule!.replace("'Barèmes (2)'", "'Barèmes'") });
    const apres = auditerClasseur(lecteurEnMemoire(contenu));
    expect(apres.dossiers[0]!.conforme).toBe(true);
    expect(apres.dossiers[1]!.constats).toEqual([expect.objectContaining({ genre: "formule_modifiee", feuille: "Évaluation (2)", cellule: "F16" })]);
  });
});

describe("grille de compétences", () => {
  const spec = avecSaisies(
    construireModele("competences", { date: DATE }),
    saisiesCompetences(Object.fromEntries(["A22-C01", "A22-C02", "A22-C03", "A22-C04", "A22-C05", "A22-C06", "A22-C07", "A23-C01", "A23-C02", "A23-C03", "A23-C04", "A24-C01", "A24-C02", "A24-C03"].map((id) => [id, "Acquis"]))),
  );
  // Counted by hand from the referential: D1 activities 1–10 (47 skills), D2 11–16 (23), D3 17–21 (20), D4 22–24 (14).
  const synthese = { d1: [47, 0, 0, 47, "Non validé"], d2: [23, 0, 0, 23, "Non validé"], d3: [20, 0, 0, 20, "Non validé"], d4: [14, 14, 0, 0, "Domaine validé"] } as const;
  function classeur(modifier: (id: string, v: number | string) => number | string = (_i, v) => v) {
    const { feuilles, nomsDefinis } = feuillesDe(spec, "");
    const poser = (id: string, v: number | string) => {
      const { feuille, cellule } = celluleParId(spec, id);
      const f = feuilles.find((x) => x.nom === feuille.nom)!;
      f.cellules.set(cellule.ref, { ...f.cellules.get(cellule.ref)!, valeur: modifier(id, v) });
    };
    for (const [d, [n, acquises, enCours, non, validation]] of Object.entries(synthese)) {
      poser(`synthese.${d}.competences`, n);
      poser(`synthese.${d}.acquises`, acquises);
      poser(`synthese.${d}.enCours`, enCours);
      poser(`synthese.${d}.nonAcquises`, non);
      poser(`synthese.${d}.validation`, validation);
    }
    poser("synthese.competencesAcquises", 14);
    poser("synthese.domainesValides", 1);
    return auditerClasseur(lecteurEnMemoire({ feuilles, noms: nomsDefinis })).dossiers[0]!;
  }

  it("domaine 4 entièrement acquis (14 compétences) : domaine validé, synthèse conforme", () => {
    const r = classeur();
    expect(r.constats).toEqual([]);
    expect(r.competences).toEqual([]);
  });

  it("synthèse qui valide un domaine incomplet : signalée", () => {
    const r = classeur((id, v) => (id === "synthese.d3.validation" ? "Domaine validé" : v));
    const g = celluleParId(spec, "synthese.d3.validation").cellule.ref;
    expect(r.constats).toEqual([expect.objectContaining({ genre: "valeur_erronee", feuille: "Synthèse", cellule: g, attendu: "Non validé", trouve: "Domaine validé" })]);
  });
});

describe("contrôles du moteur sur les saisies", () => {
  it("plan : mensualité trop faible pour la durée maximale, saisie incohérente avec le nombre de mois nécessaires", async () => {
    const spec = avecSaisies(construireModele("apurement", { date: DATE }), { "plan.dette": 1000, "plan.mensualite": 50, "plan.duree": 10 });
    const r = auditerClasseur(lireClasseurXlsx(await ecrireXlsx(spec))).dossiers[0]!;
    const duree = celluleParId(spec, "plan.duree").cellule.ref;
    expect(r.constats).toEqual([expect.objectContaining({ genre: "saisie_hors_limites", cellule: duree, id: "plan.duree", trouve: 10 })]);
    expect(r.constats[0]!.message).toContain("il faut 20 mois pour rembourser 1\u202f000,00 €");
  });

  it.each([
    [{ type: "liste", valeurs: ["Oui", "Non"], message: "." }, "Peut-être", "n'est pas dans la liste (Oui, Non)"],
    [{ type: "entier", min: 1, max: 30, message: "." }, 2.5, "n'est pas un nombre entier"],
    [{ type: "entier", min: 1, max: 30, message: "." }, 31, "dépasse le maximum (30)"],
    [{ type: "decimal", min: 0, max: 1e9, message: "." }, "1200 €", "n'est pas un nombre"],
    [{ type: "texte", longueurMax: 5, message: "." }, "Bailleur", "le texte compte 8 caractères (5 au plus)"],
    [{ type: "date", min: "1900-03-01", max: "2199-12-31", message: "." }, "demain", "n'est pas une date"],
  ] as const)("règle %j, valeur %j : %s", (validation, valeur, raison) => {
    expect(verifierSaisie({ ref: "B5", saisie: true, validation }, valeur)).toContain(raison);
    expect(verifierSaisie({ ref: "B5", saisie: true, validation }, null)).toBeNull();
  });
});

describe("catalogue du contrôle", () => {
  it("une version publiée après la création du dossier, en vigueur à sa date : la feuille Barèmes n'est plus la valeur officielle", async () => {
    const spec = construireModele("evaluation", { date: DATE });
    const octets = await ecrireXlsx(spec);
    expect(auditerClasseur(lireClasseurXlsx(octets)).conforme).toBe(true);
    const v = CATALOGUE.enVigueur("rsa_montant_forfaitaire", DATE);
    const catalogue = creerCatalogue([{ bareme: "rsa_montant_forfaitaire", version: { dateEffet: "2025-05-01", valeurs: { ...v.valeurs, montant: 650 }, source: v.source, statut: "officiel" } }]);
    const r = auditerClasseur(lireClasseurXlsx(octets), { catalogue }).dossiers[0]!;
    const montant = celluleParId(spec, "baremes.rsa.montant").cellule.ref;
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "bareme_valeur", feuille: "Barèmes", cellule: montant, attendu: 650, trouve: 646.52 }));
  });
});

describe("barèmes connus à la création du dossier (DESIGN §8, issue 14)", () => {
  // RSA montant forfaitaire au 01/04/2025 : 646,52 € (décret n° 2025-334) ; une correction fictive à 650 € publiée après la génération.
  const correction = (publieLe: string) => {
    const v = CATALOGUE.enVigueur("rsa_montant_forfaitaire", DATE);
    expect(v.valeurs.montant).toBe(646.52);
    return creerCatalogue([
      { bareme: "rsa_montant_forfaitaire", version: { dateEffet: v.dateEffet, valeurs: { ...v.valeurs, montant: 650 }, source: v.source, statut: "officiel" }, publieLe, remplace: { dateEffet: v.dateEffet, publieLe: v.publieLe! }, motif: "Erreur de saisie du montant" },
    ]);
  };

  it("le modèle enregistre sa génération (ligne genere_le, après les lignes de la disposition 1) : la dernière publication de barème connue", () => {
    const meta = construireModele("evaluation", { date: DATE }).feuilles.find((f) => f.cle === "meta")!;
    const derniere = meta.cellules.at(-1)!;
    expect(meta.cellules.at(-2)!.valeur).toBe("genere_le");
    // Bundled data published with the release of 26/11/2026 (PUBLICATION_INTEGREE), from the start of that day.
    expect(derniere.valeur).toBe("2026-11-26T00:00:00.000Z");
    // A catalogue that learnt of a correction on 01/12/2026 generates with that knowledge.
    const apres = construireModele("evaluation", { date: DATE, catalogue: correction("2026-12-01T10:00:00Z") }).feuilles.find((f) => f.cle === "meta")!;
    expect(apres.cellules.at(-1)!.valeur).toBe("2026-12-01T10:00:00.000Z");
    // The grid uses no barème: its layout 1 is unchanged.
    expect(construireModele("competences", { date: DATE }).feuilles.find((f) => f.cle === "meta")!.cellules.some((c) => c.valeur === "genere_le")).toBe(false);
  });

  it("dossier généré, puis correction publiée : contrôlé avec les barèmes connus alors, conforme, une ligne d'information", async () => {
    const spec = construireModele("evaluation", { date: DATE });
    const octets = await ecrireXlsx(spec);
    const r = auditerClasseur(lireClasseurXlsx(octets), { catalogue: correction("2026-12-01T10:00:00Z") }).dossiers[0]!;
    expect(r.constats).toEqual([]);
    const montant = celluleParId(spec, "baremes.rsa.montant").cellule.ref;
    const infos = r.notes.filter((n) => n.startsWith("Valeur de barème corrigée depuis la création du dossier"));
    expect(infos).toHaveLength(1);
    expect(infos[0]).toContain(`Barèmes!${montant}`);
    expect(infos[0]).toMatch(/646,52\s€.*connue le 26\/11\/2026 00:00 UTC.*aujourd'hui 650,00\s€/);
    expect(r.notes).toContain("Correction publiée le 01/12/2026 10:00 UTC après la création du dossier : barème rsa_montant_forfaitaire, version du 01/04/2025 (motif : Erreur de saisie du montant).");
    // Still strict against the knowledge of then: that value altered is an anomaly.
    const faux = { ...spec, feuilles: spec.feuilles.map((f) => (f.cle === "baremes" ? { ...f, cellules: f.cellules.map((c) => (c.ref === montant ? { ...c, valeur: 640 } : c)) } : f)) };
    const altere = auditerClasseur(lireClasseurXlsx(await ecrireXlsx(faux)), { catalogue: correction("2026-12-01T10:00:00Z") }).dossiers[0]!;
    expect(altere.constats.map((c) => [c.genre, c.cellule, c.attendu, c.trouve])).toEqual([["bareme_valeur", montant, 646.52, 640]]);
  });

  it("dossier de disposition 1 (sans genere_le) : contrôlé avec les barèmes connus aujourd'hui, comme avant", async () => {
    const octets = new Uint8Array(await readFile(new URL("../fixtures/dossiers/v1/evaluation.xlsx", import.meta.url)));
    const lecteur = lireClasseurXlsx(octets);
    expect([...lecteur.cellules("LogSoc_meta").values()].some((c) => c.valeur === "genere_le")).toBe(false);
    const r = auditerClasseur(lecteur, { catalogue: correction("2026-12-01T10:00:00Z") }).dossiers[0]!;
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "bareme_valeur", feuille: "Barèmes", attendu: 650, trouve: 646.52 }));
  });

  it("une correction publiée avant la génération s'impose au dossier ; un genere_le illisible est une altération des métadonnées", async () => {
    const avant = correction("2026-11-20T10:00:00Z");
    const spec = construireModele("evaluation", { date: DATE });
    const r = auditerClasseur(lireClasseurXlsx(await ecrireXlsx(spec)), { catalogue: avant }).dossiers[0]!;
    const montant = celluleParId(spec, "baremes.rsa.montant").cellule.ref;
    expect(r.constats).toContainEqual(expect.objectContaining({ genre: "bareme_valeur", cellule: montant, attendu: 650, trouve: 646.52 }));
    const meta = spec.feuilles.find((f) => f.cle === "meta")!;
    const ref = meta.cellules.at(-1)!.ref;
    const faux = { ...spec, feuilles: spec.feuilles.map((f) => (f.cle === "meta" ? { ...f, cellules: f.cellules.map((c) => (c.ref === ref ? { ...c, valeur: "hier" } : c)) } : f)) };
    const r2 = auditerClasseur(lireClasseurXlsx(await ecrireXlsx(faux))).dossiers[0]!;
    expect(r2.constats.map((c) => [c.genre, c.cellule])).toEqual([["metadonnees", ref]]);
    expect(r2.constats[0]!.message).toContain("genere_le");
  });
});
