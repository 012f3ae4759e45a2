import { dateFr, instantConnaissance, instantFr, type CatalogueBaremes } from "../baremes/catalogue.ts";
import { IDS_BAREMES } from "../baremes/definitions.ts";
import { CLE_GENERE_LE, instantDesBaremes } from "../modeles/constructeur.ts";
import type { SpecModele } from "../modeles/spec.ts";
import { valeurCellule, memeConstante } from "./comparaison.ts";
import type { MetaLue } from "./metadonnees.ts";
import { valeurLisible } from "./saisies.ts";

/**
 * The barèmes as known when a dossier was generated (DESIGN.md §8): its metadata's `genere_le` row
 * (shared/modeles/constructeur.ts) names the instant; the audit rebuilds and recomputes the dossier with
 * the catalogue as it was then, and reports a value corrected since as information, not an anomaly.
 * Layout 1 dossiers have no such row: they are checked against today's knowledge, as before.
 */

export { CLE_GENERE_LE };

/** The `genere_le` instant of a dossier (comparable ISO string), null when the row is absent, or an error message. */
export function instantGeneration(meta: MetaLue): { instant: string | null } | { erreur: string; ref: string } {
  const l = meta.lignes.get(CLE_GENERE_LE);
  if (l === undefined) return { instant: null };
  const v = l.valeur;
  try {
    if (typeof v !== "string") throw new Error();
    return { instant: instantConnaissance(v.trim(), CLE_GENERE_LE) };
  } catch {
    return { erreur: `Métadonnées altérées : la ligne « ${CLE_GENERE_LE} » (instant de génération du dossier) vaut ${valeurLisible(v)} au lieu d'un instant AAAA-MM-JJTHH:MM:SSZ.`, ref: l.ref };
  }
}

const VUES = new WeakMap<CatalogueBaremes, Map<string, CatalogueBaremes>>();
const VUES_MAX = 32;

/**
 * `catalogue` as it was known at `instant`: every lookup without its own `connuLe` takes that one. When
 * nothing was published since, the catalogue itself (its templates stay cached by the audit).
 */
export function catalogueConnuLe(catalogue: CatalogueBaremes, instant: string): CatalogueBaremes {
  if (instant >= instantDesBaremes(catalogue)) return catalogue;
  let vues = VUES.get(catalogue);
  if (!vues) VUES.set(catalogue, (vues = new Map()));
  let vue = vues.get(instant);
  if (vue) return vue;
  const c = (connuLe?: string) => connuLe ?? instant;
  vue = {
    liste: (connuLe?: string) => catalogue.liste(c(connuLe)),
    bareme: (id: string, connuLe?: string) => catalogue.bareme(id, c(connuLe)),
    versions: (id: string, connuLe?: string) => catalogue.versions(id, c(connuLe)),
    enVigueur: (id: string, date: string, connuLe?: string) => catalogue.enVigueur(id, date, c(connuLe)),
    versionExistante: (id: string, dateEffet: string) => catalogue.versionExistante(id, dateEffet),
    versionPrecedente: (id: string, dateEffet: string, sauf?: Parameters<CatalogueBaremes["versionPrecedente"]>[2]) => catalogue.versionPrecedente(id, dateEffet, sauf),
    historique: (id: string) => catalogue.historique(id),
  } as CatalogueBaremes;
  if (vues.size >= VUES_MAX) vues.delete(vues.keys().next().value!);
  vues.set(instant, vue);
  return vue;
}

/**
 * Information lines: every value of the « Barèmes » sheet that differs between the template as known at
 * `instant` (what the dossier must show) and as known today, then each correction or withdrawal published
 * since, with its reason.
 */
export function corrigesDepuis(alors: SpecModele, aujourdhui: SpecModele, catalogue: CatalogueBaremes, instant: string, date: string, nomFeuille: string): string[] {
  const notes: string[] = [];
  const feuille = (s: SpecModele) => s.feuilles.find((f) => f.cle === "baremes");
  const avant = feuille(alors);
  const apres = new Map((feuille(aujourdhui)?.cellules ?? []).map((c) => [c.ref, c]));
  for (const c of avant?.cellules ?? []) {
    if (c.valeur === undefined || typeof c.valeur === "string") continue;
    const n = apres.get(c.ref);
    const v = valeurCellule(c.valeur, {});
    if (n?.valeur !== undefined && memeConstante(v, valeurCellule(n.valeur, {}) as never)) continue;
    const libelle = avant!.cellules.find((x) => x.ref === `A${c.ref.replace(/^[A-Z]+/, "")}`)?.valeur;
    const maintenant = n?.valeur === undefined ? "aucune valeur" : valeurLisible(valeurCellule(n.valeur, {}), n.format);
    notes.push(
      `Valeur de barème corrigée depuis la création du dossier : ${nomFeuille}!${c.ref}${typeof libelle === "string" ? ` (« ${libelle} »)` : ""} vaut ${valeurLisible(v, c.format)}, la valeur connue le ${instantFr(instant)} quand le dossier a été créé ; LogSoc connaît aujourd'hui ${maintenant} (information, pas une anomalie : le dossier est contrôlé avec les barèmes connus à sa création).`,
    );
  }
  if (notes.length === 0) return notes;
  for (const id of IDS_BAREMES) {
    let enVigueurAlors: string | null;
    try {
      enVigueurAlors = catalogue.enVigueur(id, date, instant).dateEffet;
    } catch {
      enVigueurAlors = null;
    }
    for (const p of catalogue.historique(id)) {
      // Only the corrections of a version the dossier used.
      if (p.nature === "version" || p.remplace?.dateEffet !== enVigueurAlors || p.publieLe === undefined || instantConnaissance(p.publieLe, "publieLe", p.origine === "integree" ? "debut" : "fin") <= instant) continue;
      const quoi = p.nature === "retrait" ? "Retrait" : "Correction";
      notes.push(`${quoi} publiée le ${instantFr(p.publieLe)} après la création du dossier : barème ${id}, version du ${dateFr(p.remplace!.dateEffet)} (motif : ${p.motif ?? "non précisé"}).`);
    }
  }
  return notes;
}
