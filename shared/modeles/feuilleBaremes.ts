import type { DateISO } from "../date.ts";
import { dateFr } from "../baremes/catalogue.ts";
import { LIBELLES_STATUT, type Statut } from "../baremes/schema.ts";
import { ConstructeurFeuille } from "./constructeur.ts";
import { lettreColonne } from "./formules.ts";
import type { Feuille } from "./spec.ts";
import { FORMATS, type NomFormat } from "./styles.ts";

/**
 * The « Barèmes » sheet of a template: every value its formulas use, with the date it took effect,
 * its legal source and its status (officiel, calculé, non vérifié, estimation), so a partner who opens
 * the file without LogSoc sees where each figure comes from. Formulas read the values from here.
 */

/** One value: `id` names it for the formulas (`{baremes}!B7`) and for the audit. */
export interface LigneBareme {
  id: string;
  libelle: string;
  valeur: number;
  unite: string;
  format: NomFormat;
  dateEffet: DateISO;
  statut: string;
  source: string;
  /** The status as a code and the note that justifies it, for the marks beside the results (DESIGN.md §2.8). */
  statutCode?: Statut;
  note?: string;
}

/** Why a status is not `officiel`, when the value carries no note of its own. */
const MOTIFS_STATUT: Record<Exclude<Statut, "officiel">, string> = {
  calcule: "calculée par LogSoc à partir de valeurs officielles",
  non_verifie: "trouvée dans une seule source ou des sources secondaires, non recoupée",
  estimation: "non publiée : estimation, méthode dans la feuille Barèmes",
};

/**
 * The mark shown beside results computed from values that are not `officiel` (DESIGN.md §2.8), or ""
 * when every value is official: which values, their status and why, grouped by barème and date.
 */
export function marqueStatut(lignes: readonly LigneBareme[]): string {
  const groupes = new Map<string, string>();
  for (const l of lignes) {
    if (l.statutCode === undefined || l.statutCode === "officiel") continue;
    const bareme = l.libelle.split(" : ")[0]!;
    const cle = `${bareme}|${l.dateEffet}|${l.statutCode}|${l.note ?? ""}`;
    if (!groupes.has(cle)) groupes.set(cle, `${bareme} en vigueur au ${dateFr(l.dateEffet)} : ${LIBELLES_STATUT[l.statutCode]} (${(l.note ?? MOTIFS_STATUT[l.statutCode]).replace(/\.$/, "")})`);
  }
  if (groupes.size === 0) return "";
  return `⚠ Calculé avec des valeurs non officielles : ${[...groupes.values()].join(" ; ")}. À vérifier au Journal officiel avant toute décision.`;
}

/** A grid of values (plafonds by financement × zone and catégorie): one row per key, looked up with MATCH. */
export interface TableauBareme {
  id: string;
  titre: string;
  entetes: readonly string[];
  lignes: readonly { cle: string; libelle: string; valeurs: readonly number[]; statut: Statut; note?: string }[];
  format: NomFormat;
  dateEffet: DateISO;
  source: string;
}

/** When the values stop being the ones in force: the day before the next known change (null when none is known). */
export interface PeriodeBaremes {
  debut: DateISO;
  fin: DateISO | null;
}

export interface FeuilleBaremes {
  feuille: Feuille;
  /** id → A1 reference of the value cell. */
  valeurs: ReadonlyMap<string, string>;
  /** id → absolute ranges of a table's key column and of its value block (first value column … last). */
  tableaux: ReadonlyMap<string, { cles: string; valeurs: string; premiereColonne: string; statuts: string }>;
}

export const CLE_FEUILLE_BAREMES = "baremes";

/** References of the header cells that formulas of the other sheets read. */
export const REFS_BAREMES = { date: "B2", debut: "B3", fin: "B4" } as const;

export function feuilleBaremes(dateBaremes: DateISO, periode: PeriodeBaremes, lignes: readonly LigneBareme[], tableaux: readonly TableauBareme[] = []): FeuilleBaremes {
  const f = new ConstructeurFeuille(CLE_FEUILLE_BAREMES, "Barèmes");
  const largeurTableau = Math.max(0, ...tableaux.map((t) => t.entetes.length + 2));
  f.colonnes = [40, 12, 10, 11, 30, 90, ...Array.from({ length: Math.max(0, largeurTableau - 5) }, () => 12), ...(tableaux.length > 0 ? [60] : [])];
  f.texte("A1", "Barèmes utilisés par ce classeur", "titre");
  f.texte("A2", "Valeurs en vigueur au");
  f.cellule(REFS_BAREMES.date, { valeur: { date: dateBaremes }, style: "resultat", format: FORMATS.date, id: "baremes.date" });
  f.texte("A3", "Ces valeurs s'appliquent depuis le");
  f.cellule(REFS_BAREMES.debut, { valeur: { date: periode.debut }, style: "calcul", format: FORMATS.date, id: "baremes.debut" });
  f.texte("A4", "et jusqu'au (veille du prochain changement connu)");
  f.cellule(REFS_BAREMES.fin, periode.fin === null ? { valeur: "aucun changement connu", style: "calcul", id: "baremes.fin" } : { valeur: { date: periode.fin }, style: "calcul", format: FORMATS.date, id: "baremes.fin" });
  f.texte(
    "A5",
    "Chaque valeur indique sa date d'effet, sa source et son statut (officiel, calculé, non vérifié, estimation). Une estimation doit être vérifiée au Journal officiel avant toute décision. Pour une autre date, régénérez le modèle (logsoc modele … --date AAAA-MM-JJ).",
    "note",
  );
  f.fusionner("A5:F5");

  const valeurs = new Map<string, string>();
  let l = 7;
  ["Valeur utilisée", "Valeur", "Unité", "En vigueur depuis", "Statut", "Source"].forEach((t, i) => f.texte(`${lettreColonne(i + 1)}${l}`, t, "entete"));
  l++;
  for (const b of lignes) {
    f.texte(`A${l}`, b.libelle, "bareme");
    f.cellule(`B${l}`, { valeur: b.valeur, style: "bareme", format: FORMATS[b.format], id: `baremes.${b.id}` });
    f.texte(`C${l}`, b.unite, "bareme");
    f.cellule(`D${l}`, { valeur: { date: b.dateEffet }, style: "bareme", format: FORMATS.date });
    f.texte(`E${l}`, b.statut, "bareme");
    f.texte(`F${l}`, b.source, "note");
    valeurs.set(b.id, `B${l}`);
    l++;
  }

  const positions = new Map<string, { cles: string; valeurs: string; premiereColonne: string; statuts: string }>();
  for (const t of tableaux) {
    l++;
    f.texte(`A${l}`, t.titre, "section");
    l++;
    f.texte(`A${l}`, `En vigueur depuis le ${dateFr(t.dateEffet)}. Source : ${t.source}`, "note");
    f.fusionner(`A${l}:F${l}`);
    l++;
    f.texte(`A${l}`, "Clé", "entete");
    f.texte(`B${l}`, "Libellé", "entete");
    t.entetes.forEach((e, i) => f.texte(`${lettreColonne(i + 3)}${l}`, e, "entete"));
    f.texte(`${lettreColonne(t.entetes.length + 3)}${l}`, "Statut", "entete");
    f.texte(`${lettreColonne(t.entetes.length + 4)}${l}`, "Motif du statut", "entete");
    l++;
    const debut = l;
    for (const ligne of t.lignes) {
      f.texte(`A${l}`, ligne.cle, "bareme");
      f.texte(`B${l}`, ligne.libelle, "bareme");
      ligne.valeurs.forEach((v, i) => f.cellule(`${lettreColonne(i + 3)}${l}`, { valeur: v, style: "bareme", format: FORMATS[t.format] }));
      f.texte(`${lettreColonne(t.entetes.length + 3)}${l}`, LIBELLES_STATUT[ligne.statut], "bareme");
      const motif = ligne.note ?? (ligne.statut === "officiel" ? undefined : MOTIFS_STATUT[ligne.statut]);
      if (motif !== undefined) f.texte(`${lettreColonne(t.entetes.length + 4)}${l}`, motif, "note");
      l++;
    }
    const fin = l - 1;
    const derniere = lettreColonne(2 + t.entetes.length);
    const colStatut = lettreColonne(t.entetes.length + 3);
    positions.set(t.id, { cles: `$A$${debut}:$A$${fin}`, valeurs: `$C$${debut}:$${derniere}$${fin}`, premiereColonne: "C", statuts: `$${colStatut}$${debut}:$${colStatut}$${fin}` });
  }
  // An annex to the template: landscape, on one page.
  f.impression = { orientation: "paysage", derniereColonne: lettreColonne(Math.max(6, largeurTableau + 2)), derniereLigne: l - 1, pagesEnHauteur: 1 };
  return { feuille: f.construire(), valeurs, tableaux: positions };
}
