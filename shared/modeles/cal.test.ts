import { describe, expect, it } from "vitest";
import type { DateISO } from "../date.ts";
import { construireModele } from "./index.ts";
import { ancienneteMois, LISTES_CAL } from "./cal.ts";
import { celluleParId, toutesLesCellules, type SpecModele } from "./spec.ts";

/**
 * The CALEOL fiche must hold no field on a criterion prohibited by art. 225-1 code pénal
 * (../shared/reference/cal.md §2.3): origine, sexe, situation de famille, grossesse, apparence physique,
 * patronyme, lieu de résidence, état de santé, perte d'autonomie, handicap (its nature), caractéristiques
 * génétiques, mœurs, orientation sexuelle, identité de genre, âge, opinions politiques, activités
 * syndicales, langue, ethnie, nation, race, religion, qualité de lanceur d'alerte; nationality only as
 * « condition de séjour vérifiée »; health only as a need; and no refusal motive on low resources.
 *
 * Every text of the spec is checked: labels, list options, help and error messages, texts inside
 * formulas, sheet names and workbook name descriptions. Texts are compared without case or accents,
 * so « Santé », « sante » and « SANTÉ » are all caught.
 */
const INTERDITS: [RegExp, string][] = [
  [/\bnationalit/, "nationalité (seule la condition de séjour vérifiée figure)"],
  [/titre de sejour|carte de sejour|\bpasseport|sejour (regulier|irregulier)|\bressortissant/, "titre de séjour ou qualité de ressortissant"],
  [/\borigines?\b|\bethni|\brac(e|es|ial)\b|\bnation\b/, "origine, ethnie, nation, race"],
  [/\brelig|\bconfession|\bcroyance|\bculte\b/, "religion"],
  [/lieu de naissance|pays de naissance|date de naissance|\bnee? (le|a)\b/, "naissance"],
  [/\bnoms?\b|\bprenoms?\b|patronym|\bcivilite|\bmadame\b|\bmonsieur\b/, "nom, prénom, civilité (un candidat est désigné par le numéro unique de sa demande)"],
  [/\bsexe\b|\bgenre\b|orientation sexuelle|\bsexuel|\bmoeurs\b|\bmœurs\b/, "sexe, identité de genre, orientation sexuelle, mœurs"],
  [/\bagee?s?\b/, "âge (seules les tranches de l'échelle OCDE et la qualité de jeune ménage servent au calcul)"],
  [/situation (de famille|familiale|matrimoniale)|\bmarie(e|s)?\b|\bdivorc|\bveu(f|ve)s?\b|\bcelibat/, "situation de famille"],
  [/\benceinte\b|grossesse/, "grossesse"],
  [/\bsante\b|\bmaladi|\bpatholog|\bdiagnostic|\bmedic|\btraitement\b|\bpsych|\bmental|\bdeficien|(nature|type|taux) d[eu' ]+ ?(handicap|incapacite|invalidite)|perte d'autonomie/, "état de santé, nature du handicap, perte d'autonomie"],
  [/apparence|\bphoto|\bcorpulence/, "apparence physique"],
  [/genetique/, "caractéristiques génétiques"],
  [/\bopinions?\b|\bpolitiques?\b(?! de la ville)|\bparti\b|\bsyndica/, "opinions politiques, activités syndicales"],
  [/\blangues?\b|francophone|maitrise du francais|parle (le )?francais/, "langue"],
  [/lanceur d'alerte/, "qualité de lanceur d'alerte"],
  [/lieu de residence|commune de residence|adresse (du|de la|actuelle|personnelle)|domicile du/, "lieu de résidence du candidat"],
  [/ressources (trop )?(faibles|insuffisantes)|vulnerabilite (economique|particuliere)/, "faibles ressources comme motif (particulière vulnérabilité économique)"],
];

function sansAccents(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Every text a user of the fiche can read, with where it sits. */
function textes(spec: SpecModele): { ou: string; texte: string }[] {
  const t: { ou: string; texte: string }[] = [{ ou: "titre", texte: spec.titre }];
  for (const f of spec.feuilles) t.push({ ou: `nom de feuille ${f.cle}`, texte: f.nom });
  for (const { feuille, cellule } of toutesLesCellules(spec)) {
    const ou = `${feuille.nom}!${cellule.ref}`;
    if (typeof cellule.valeur === "string") t.push({ ou, texte: cellule.valeur });
    if (cellule.aide) t.push({ ou: `${ou} (aide)`, texte: cellule.aide });
    if (cellule.validation) {
      t.push({ ou: `${ou} (message)`, texte: cellule.validation.message });
      if (cellule.validation.type === "liste") for (const v of cellule.validation.valeurs) t.push({ ou: `${ou} (liste)`, texte: v });
    }
    for (const m of (cellule.formule ?? "").matchAll(/"((?:[^"]|"")*)"/g)) t.push({ ou: `${ou} (formule)`, texte: m[1]! });
  }
  for (const n of spec.noms) t.push({ ou: `nom ${n.nom}`, texte: n.description });
  return t;
}

const DATE = "2026-11-26" as DateISO;
const fiches = [1, 2, 3].map((candidats) => construireModele("cal", { date: DATE, candidats }));

describe("fiche CALEOL : aucun critère prohibé par l'article 225-1 du code pénal", () => {
  it("aucun texte de la fiche (libellés, listes, aides, messages, formules, feuilles, noms) ne porte sur un critère interdit", () => {
    const trouves: string[] = [];
    for (const spec of fiches) {
      for (const { ou, texte } of textes(spec)) {
        const t = sansAccents(texte);
        for (const [motif, critere] of INTERDITS) if (motif.test(t)) trouves.push(`${ou} « ${texte} » : ${critere}`);
      }
    }
    expect(trouves).toEqual([]);
  });

  it("la liste des motifs interdits attrape bien les champs qu'une fiche ne doit pas avoir", () => {
    const champsInterdits = [
      "Nationalité",
      "Nom du demandeur",
      "Prénom",
      "Date de naissance",
      "Âge",
      "Pays d'origine",
      "Religion",
      "Situation familiale",
      "Enceinte",
      "État de santé",
      "Nature du handicap",
      "Opinion politique",
      "Langue parlée",
      "Titre de séjour",
      "Sexe",
      "Photo",
      "Lieu de résidence",
      "Ressources trop faibles",
      "Orientation sexuelle",
      "SANTE",
    ];
    for (const champ of champsInterdits) expect(INTERDITS.some(([m]) => m.test(sansAccents(champ))), champ).toBe(true);
    // …and lets the lawful ones through.
    const licites = ["Quartier prioritaire de la politique de la ville (QPV)", "Condition de séjour vérifiée", "Besoin d'adaptation du logement", "Jeune ménage (arrêté du 29 juillet 1987, art. 2)", "Étage (0 pour le rez-de-chaussée)", "Numéro unique de la demande", "Personnes de 14 ans ou plus (demandeur compris)"];
    for (const l of licites) expect(INTERDITS.filter(([m]) => m.test(sansAccents(l))).map(([, c]) => c), l).toEqual([]);
  });

  it("le séjour n'apparaît que comme « Condition de séjour vérifiée » (Oui / À vérifier), une fois par candidat", () => {
    for (const spec of fiches) {
      const n = Number(spec.options.candidats);
      // Cell texts only (no help, message, list or formula text): the label and the note that explains it.
      const libelles = textes(spec).filter(({ ou, texte }) => /sejour/.test(sansAccents(texte)) && !ou.includes("("));
      expect(libelles.map((x) => x.texte)).toEqual(["Condition de séjour vérifiée", "Seule la vérification de la condition de séjour figure sur la fiche (CCH R.441-1)."]);
      for (let i = 0; i < n; i++) {
        const c = celluleParId(spec, `candidat${"ABC"[i]}.sejourVerifie`).cellule;
        expect(c.validation).toMatchObject({ type: "liste", valeurs: ["Oui", "À vérifier"] });
      }
      expect(LISTES_CAL.sejour).toEqual(["Oui", "À vérifier"]);
    }
  });

  it("les candidats sont « Candidat A, B, C », identifiés par le numéro unique ; le handicap n'apparaît que comme besoin, carte (catégorie) ou priorité", () => {
    const spec = fiches[2]!;
    const valeurs = toutesLesCellules(spec).map((x) => x.cellule.valeur);
    expect(valeurs).toEqual(expect.arrayContaining(["Candidat A", "Candidat B", "Candidat C", "Numéro unique de la demande", "Besoin d'adaptation du logement"]));
    const handicap = textes(spec).filter(({ texte }) => /handicap|invalidite|pmr|mobilite/.test(sansAccents(texte)));
    for (const { texte } of handicap) {
      expect(texte).toMatch(/Accessibilité PMR|mobilité réduite|carte mobilité inclusion|Handicap \(a\)|catégorie de ménage|relève la catégorie/);
    }
  });
});

describe("ancienneté de la demande", () => {
  it("mois révolus, un jour de moins ne compte pas (calculée à la main)", () => {
    expect(ancienneteMois("2024-11-27" as DateISO, "2026-11-26" as DateISO)).toBe(23); // 24 months less one day
    expect(ancienneteMois("2024-11-26" as DateISO, "2026-11-26" as DateISO)).toBe(24);
    expect(ancienneteMois("2026-01-31" as DateISO, "2026-02-28" as DateISO)).toBe(0);
    expect(ancienneteMois("2026-01-31" as DateISO, "2026-03-01" as DateISO)).toBe(1);
  });
});
