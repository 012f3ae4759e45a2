import type { DateISO } from "../date.ts";
import { REFERENTIEL, type Referentiel } from "../referentiel/index.ts";
import { bilanGrille, STATUTS_COMPETENCE, type BilanGrille, type StatutCompetence } from "../grilleCompetences.ts";
import { assembler, ConstructeurFeuille, liste, VALIDATIONS } from "./constructeur.ts";
import { feuilleBaremes, type LigneBareme } from "./feuilleBaremes.ts";
import { refAbsolue } from "./formules.ts";
import type { SpecModele, ValeursSaisies } from "./spec.ts";

/**
 * Grille de compétences of the certification « Accompagnement social des habitants » (RS 3474): every
 * skill of the referential grouped by domain and activity, with its status (Acquis / En cours / Non
 * acquis), date, evidence and evaluator; the « Synthèse » sheet validates a domain only when all of its
 * skills are acquired (the number of skills per domain is read from the « Barèmes » sheet, not counted
 * in the grid, so a deleted row cannot validate a domain), which is the partial certification.
 */

export const VERSION_COMPETENCES = "1.0.0";

/** First row of the grid (after the header row). */
const PREMIERE_LIGNE = 7;

/** `A01-C01` → `a01c01`, the segment used in cell ids. */
export function segmentCompetence(id: string): string {
  return id.replace("-", "").toLowerCase();
}

export function modeleCompetences(date: DateISO, r: Referentiel = REFERENTIEL): SpecModele {
  const cert = r.certification;
  const source = `${cert.source.document} (${cert.source.editeur}), fiche ${cert.identifiant} « ${cert.intitule} », version du ${cert.dateVersion.split("-").reverse().join("/")}`;
  const lignesBaremes: LigneBareme[] = [
    ...r.domaines.map((d) => ({
      id: `referentiel.${d.id.toLowerCase()}`,
      libelle: `Domaine ${d.id} (${d.intitule}) : nombre de compétences`,
      valeur: d.activites.reduce((s, a) => s + a.competences.length, 0),
      unite: "compétences",
      format: "entier" as const,
      dateEffet: cert.dateVersion as DateISO,
      statut: "officiel",
      source,
    })),
    {
      id: "referentiel.domaines",
      libelle: "Nombre de domaines d'activité (composantes de la certification)",
      valeur: r.domaines.length,
      unite: "domaines",
      format: "entier",
      dateEffet: cert.dateVersion as DateISO,
      statut: "officiel",
      source,
    },
    {
      id: "referentiel.delai",
      libelle: "Délai pour valider les composantes manquantes après une certification partielle",
      valeur: cert.validite.delaiPourValiderComposantesManquantes.annees,
      unite: "ans",
      format: "entier",
      dateEffet: cert.dateVersion as DateISO,
      statut: "officiel",
      source,
    },
  ];
  const bar = feuilleBaremes(date, { debut: cert.dateVersion as DateISO, fin: null }, lignesBaremes);
  const b = (id: string) => `{baremes}!${refAbsolue(bar.valeurs.get(id)!)}`;

  const g = new ConstructeurFeuille("grille", "Grille de compétences");
  g.colonnes = [10, 9, 12, 96, 12, 11, 34, 18];
  g.figerLignes = PREMIERE_LIGNE - 1;
  g.texte("A1", `Grille de compétences : ${cert.intitule} (${cert.identifiant})`, "titre");
  g.fusionner("A1:H1");
  g.texte("A2", `Référentiel : ${source}. Un domaine est validé quand toutes ses compétences sont acquises (certification partielle par domaine).`, "sousTitre");
  g.fusionner("A2:H2");
  g.texte("A3", "Candidat", "libelleTotal");
  g.saisie("D3", "grille.candidat", VALIDATIONS.texteCourt, { style: "saisieTexte" });
  g.texte("A4", "Session ou organisme", "libelleTotal");
  g.saisie("D4", "grille.session", VALIDATIONS.texteCourt, { style: "saisieTexte" });
  ["Domaine", "Activité", "Compétence", "Libellé", "Statut", "Date", "Éléments de preuve", "Évaluateur"].forEach((t, i) => g.texte(`${"ABCDEFGH"[i]}6`, t, "entete"));

  let l = PREMIERE_LIGNE;
  const debutsDomaines: number[] = [];
  for (const d of r.domaines) {
    debutsDomaines.push(l);
    g.texte(`A${l}`, `${d.id} : domaine d'activité ${d.id.slice(1)}, ${d.intitule}`, "section");
    g.fusionner(`A${l}:H${l}`);
    l++;
    for (const a of d.activites) {
      g.texte(`B${l}`, `${a.id} : activité ${a.numero}, ${a.intitule}`, "entete");
      g.fusionner(`B${l}:H${l}`);
      l++;
      for (const c of a.competences) {
        const s = segmentCompetence(c.id);
        g.texte(`A${l}`, d.id);
        g.texte(`B${l}`, a.id);
        g.texte(`C${l}`, c.id);
        g.texte(`D${l}`, c.libelle);
        g.saisie(`E${l}`, `competence.${s}.statut`, liste(STATUTS_COMPETENCE, "Choisissez Acquis, En cours ou Non acquis."));
        g.saisie(`F${l}`, `competence.${s}.date`, VALIDATIONS.date, { format: "date" });
        g.saisie(`G${l}`, `competence.${s}.preuve`, VALIDATIONS.texteLong, { style: "saisieTexte" });
        g.saisie(`H${l}`, `competence.${s}.evaluateur`, VALIDATIONS.texteCourt, { style: "saisieTexte" });
        l++;
      }
    }
  }
  const derniere = l - 1;
  // Landscape, the column headers on every page; each domain after the first starts a page.
  g.impression = { orientation: "paysage", derniereColonne: "H", derniereLigne: derniere, titres: [6, 6], sauts: debutsDomaines.slice(1) };
  const colDomaine = `{grille}!$A$${PREMIERE_LIGNE}:$A$${derniere}`;
  const colStatut = `{grille}!$E$${PREMIERE_LIGNE}:$E$${derniere}`;

  const s = new ConstructeurFeuille("synthese", "Synthèse");
  s.colonnes = [10, 46, 14, 12, 12, 18, 20];
  s.texte("A1", "Synthèse par domaine : certification partielle", "titre");
  s.fusionner("A1:G1");
  s.texte("A2", `${cert.certificationPartielle.etendue}. Délai pour valider les composantes manquantes : voir la feuille Barèmes.`, "sousTitre");
  s.fusionner("A2:G2");
  ["Domaine", "Intitulé", "Compétences", "Acquises", "En cours", "Non acquises ou non évaluées", "Validation"].forEach((t, i) => s.texte(`${"ABCDEFG"[i]}4`, t, "entete"));
  r.domaines.forEach((d, i) => {
    const ligne = 5 + i;
    const seg = d.id.toLowerCase();
    s.texte(`A${ligne}`, d.id);
    s.texte(`B${ligne}`, d.intitule);
    s.formule(`C${ligne}`, b(`referentiel.${seg}`), { format: "entier", id: `synthese.${seg}.competences` });
    s.formule(`D${ligne}`, `COUNTIFS(${colDomaine},A${ligne},${colStatut},"Acquis")`, { format: "entier", id: `synthese.${seg}.acquises` });
    s.formule(`E${ligne}`, `COUNTIFS(${colDomaine},A${ligne},${colStatut},"En cours")`, { format: "entier", id: `synthese.${seg}.enCours` });
    s.formule(`F${ligne}`, `C${ligne}-D${ligne}-E${ligne}`, { format: "entier", id: `synthese.${seg}.nonAcquises` });
    s.formule(`G${ligne}`, `IF(D${ligne}=C${ligne},"Domaine validé","Non validé")`, { style: "resultat", id: `synthese.${seg}.validation` });
  });
  const fin = 4 + r.domaines.length;
  const t = fin + 2;
  s.texte(`A${t}`, "Compétences acquises", "libelleTotal");
  s.fusionner(`A${t}:C${t}`);
  s.formule(`D${t}`, `SUM(D5:D${fin})`, { style: "resultat", format: "entier", id: "synthese.competencesAcquises" });
  s.texte(`A${t + 1}`, "Domaines validés", "libelleTotal");
  s.fusionner(`A${t + 1}:C${t + 1}`);
  s.formule(`D${t + 1}`, `COUNTIF(G5:G${fin},"Domaine validé")`, { style: "resultat", format: "entier", id: "synthese.domainesValides" });
  s.texte(`A${t + 2}`, "Certification", "libelleTotal");
  s.fusionner(`A${t + 2}:C${t + 2}`);
  s.formule(
    `D${t + 2}`,
    `IF(D${t + 1}=${b("referentiel.domaines")},"Certification complète : tous les domaines sont validés.",IF(D${t + 1}>0,"Certification partielle : "&D${t + 1}&" domaine(s) validé(s) sur "&${b("referentiel.domaines")}&".","Aucun domaine validé pour l'instant."))`,
    { style: "resultat", id: "synthese.certification" },
  );
  s.fusionner(`D${t + 2}:G${t + 2}`);
  s.impression = { orientation: "portrait", derniereColonne: "G", derniereLigne: t + 2 };

  return assembler(
    { id: "competences", version: VERSION_COMPETENCES, titre: `Grille de compétences ${cert.identifiant}`, dateBaremes: date, options: {} },
    [g.construire(), s.construire(), bar.feuille],
    [
      { nom: "COMPETENCES_ACQUISES", feuille: "synthese", ref: `D${t}`, description: "Nombre de compétences acquises." },
      { nom: "DOMAINES_VALIDES", feuille: "synthese", ref: `D${t + 1}`, description: "Nombre de domaines validés (certification partielle)." },
    ],
  );
}

/** The grid's input cells for a set of statuses (by skill id A01-C01…). */
export function saisiesCompetences(statuts: Readonly<Record<string, StatutCompetence | null>>): ValeursSaisies {
  return Object.fromEntries(Object.entries(statuts).map(([id, statut]) => [`competence.${segmentCompetence(id)}.statut`, statut]));
}

export { bilanGrille, type BilanGrille };
