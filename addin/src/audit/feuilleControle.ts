import type { RapportAudit, RapportClasseur, StatutControle } from "#shared/audit/audit.ts";
import { etapesEnTexte, LIBELLES_GENRE, type ValeurConstat } from "#shared/audit/constats.ts";
import { dateFr } from "#shared/baremes/catalogue.ts";

/**
 * The content of the « Contrôle LogSoc » report sheet, as plain data (pure, tested without Excel):
 * one row per check with ✓ / ✗, a link to the cell, expected and found values, then the findings,
 * then the skills the dossier evidences. Hidden columns G and H list every cell outlined in red, so
 * the next check can put them back as the template drew them.
 */

export const TITRE_RAPPORT = "Contrôle LogSoc";
export const COLONNES_RAPPORT = 6;
/** Hidden columns listing the outlined cells: sheet name, then A1 reference, from row 2. */
export const COLONNES_CELLULES_ENCADREES = { feuille: "G", cellule: "H" } as const;
/** Column widths in characters, A to F (G and H are hidden). */
export const LARGEURS_RAPPORT = [10, 62, 26, 24, 24, 100];
/** Findings listed per dossier; beyond, a line says how many more (they are all outlined). */
export const CONSTATS_LISTES_MAX = 500;

export type NatureLigne = "titre" | "resume" | "section" | "entete" | "controle" | "constat" | "etapes" | "competence" | "note" | "vide";

export interface LigneRapport {
  nature: NatureLigne;
  statut?: StatutControle;
  /** Six texts, columns A to F. */
  cellules: string[];
  /** The cell the row is about, for the link in column C. */
  lien?: { feuille: string; cellule: string };
}

const SIGNE: Record<StatutControle, string> = { ok: "✓", erreur: "✗", non_verifie: "?" };

function texte(v: ValeurConstat | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
  if (typeof v === "number") return String(v).replace(".", ",");
  return v;
}

const adresse = (feuille: string | null, cellule: string | null) => (feuille === null ? "" : cellule === null ? feuille : `${feuille}!${cellule}`);

function ligne(nature: NatureLigne, cellules: string[], extra: Partial<LigneRapport> = {}): LigneRapport {
  const c = [...cellules];
  while (c.length < COLONNES_RAPPORT) c.push("");
  return { nature, cellules: c, ...extra };
}

const HORODATAGE = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });

function lignesDossier(d: RapportAudit, lignes: LigneRapport[]): void {
  const titre = d.modele
    ? `Dossier : ${d.modele.titre}, version ${d.modele.version}, barèmes du ${dateFr(d.modele.dateBaremes)}${d.exercice ? `, exercice n° ${d.exercice.graine} (${d.exercice.role === "enonce" ? "énoncé" : "corrigé"})` : ""}`
    : "Classeur sans modèle LogSoc";
  lignes.push(ligne("section", [titre, "", "", "", "", d.feuilleMeta ? `Métadonnées : feuille « ${d.feuilleMeta} »` : ""]));
  lignes.push(ligne("entete", ["Résultat", "Contrôle", "Cellule", "Attendu", "Trouvé", "Détail"]));
  for (const c of d.controles) {
    const lien = c.feuille !== null && c.cellule !== null ? { feuille: c.feuille, cellule: c.cellule } : undefined;
    lignes.push(ligne("controle", [SIGNE[c.statut], c.libelle, adresse(c.feuille, c.cellule), texte(c.attendu), texte(c.trouve), c.detail], { statut: c.statut, ...(lien ? { lien } : {}) }));
  }
  lignes.push(ligne("vide", []));
  if (d.constats.length > 0) {
    lignes.push(ligne("section", [`Anomalies (${d.constats.length})`]));
    lignes.push(ligne("entete", ["Résultat", "Type", "Cellule", "Attendu", "Trouvé", "Message"]));
    for (const c of d.constats.slice(0, CONSTATS_LISTES_MAX)) {
      const lien = c.feuille !== null && c.cellule !== null ? { feuille: c.feuille, cellule: c.cellule } : undefined;
      lignes.push(ligne("constat", ["✗", LIBELLES_GENRE[c.genre], adresse(c.feuille, c.cellule), texte(c.attendu), texte(c.trouve), c.message], { statut: "erreur", ...(lien ? { lien } : {}) }));
      // A wrong figure: how the expected value is reached, step by step, under its message (column F).
      if (c.etapes) lignes.push(ligne("etapes", ["", "Calcul attendu", "", "", "", etapesEnTexte(c.etapes)]));
    }
    if (d.constats.length > CONSTATS_LISTES_MAX) {
      lignes.push(ligne("note", ["", `… et ${d.constats.length - CONSTATS_LISTES_MAX} autre(s) anomalie(s), toutes encadrées en rouge dans leurs feuilles : corrigez d'abord celles-ci, puis relancez le contrôle.`]));
    }
    lignes.push(ligne("vide", []));
  }
  if (d.competences.length > 0) {
    lignes.push(ligne("section", ["Compétences du référentiel RS 3474"]));
    lignes.push(ligne("entete", ["Attestée", "Compétence", "Activité", "", "", "Motif"]));
    for (const c of d.competences) {
      lignes.push(ligne("competence", [c.attestee ? "✓" : "✗", `${c.id} : ${c.libelle}`, `Activité ${c.activite.numero}`, "", "", c.motif], { statut: c.attestee ? "ok" : "erreur" }));
    }
    lignes.push(ligne("vide", []));
  }
  for (const n of d.notes) lignes.push(ligne("note", ["", `Note : ${n}`]));
}

/** Every row of the report sheet. */
export function lignesRapport(rapport: RapportClasseur, maintenant: Date): LigneRapport[] {
  const [date, heure] = HORODATAGE.format(maintenant).split(" ");
  const n = rapport.dossiers.length;
  const lignes: LigneRapport[] = [ligne("titre", [TITRE_RAPPORT])];
  lignes.push(
    ligne("resume", [
      `Contrôlé le ${date} à ${heure} : ${rapport.classeurLogsoc ? `${n} dossier${n > 1 ? "s" : ""}` : "classeur sans modèle LogSoc"}, ${rapport.conforme ? "aucune anomalie." : `${rapport.constats} anomalie(s) ; les cellules en cause sont encadrées en rouge. Aucune saisie n'a été modifiée.`}`,
    ]),
  );
  lignes.push(ligne("vide", []));
  for (const d of rapport.dossiers) lignesDossier(d, lignes);
  return lignes;
}

/** The cells to outline: every finding that names a cell, once. */
export function cellulesEnCause(rapport: RapportClasseur): { feuille: string; cellule: string }[] {
  const vues = new Set<string>();
  const cellules: { feuille: string; cellule: string }[] = [];
  for (const d of rapport.dossiers) {
    for (const c of d.constats) {
      if (c.feuille === null || c.cellule === null) continue;
      const k = `${c.feuille}\u0000${c.cellule}`;
      if (vues.has(k)) continue;
      vues.add(k);
      cellules.push({ feuille: c.feuille, cellule: c.cellule });
    }
  }
  return cellules;
}
