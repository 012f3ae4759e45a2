import { dec, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import { FINANCEMENTS, ZONES, type Financement, type GrillePlafonds, type ValeursPlafonds, type Zone } from "./baremes/valeurs.ts";

/**
 * Plafond de ressources HLM (arrêté du 29 juillet 1987), € per year of revenu fiscal de référence N-2.
 *
 * - catégories 1 to 6 read from the table of the financement and zone;
 * - catégorie 7 and above = catégorie 6 + (catégorie − 6) × the per-extra-person amount;
 * - PLS reads the PLS table like the others: every PLS cell, the per-extra-person amount included, is
 *   the PLUS cell × 1.3 rounded half-up to the euro (arrêté art. 1: "ces plafonds sont majorés de 30 %";
 *   the data schema enforces it). So catégorie 7+ in PLS = PLS cat6 + k × PLS per person, as the
 *   published PLS tables are read, and PLAFOND_RESSOURCES agrees with BAREME cell for cell. (Raising the
 *   PLUS ceiling of catégorie 7+ by 30 % instead would differ by 1–2 €.)
 *
 * Amounts are whole euros, no further rounding.
 */

export const CATEGORIE_MAX = 30;

function plafondGrille(g: GrillePlafonds, categorie: number): Montant {
  if (categorie <= 6) return dec(g[`cat${categorie}` as keyof GrillePlafonds]);
  return dec(g.cat6).plus(dec(g.parPersonneSupplementaire).times(categorie - 6));
}

export function plafondRessourcesDepuis(valeurs: ValeursPlafonds, financement: Financement, categorie: number, zone: Zone): Montant {
  if (!FINANCEMENTS.includes(financement)) {
    throw new ErreurLogsoc("CODE_INCONNU", `Financement inconnu « ${financement} » : PLAI, PLUS ou PLS attendu.`, ["financement"]);
  }
  if (!ZONES.includes(zone)) {
    throw new ErreurLogsoc("CODE_INCONNU", `Zone inconnue « ${zone} » : PARIS, IDF ou AUTRES attendue.`, ["zone"]);
  }
  if (!Number.isInteger(categorie) || categorie < 1 || categorie > CATEGORIE_MAX) {
    throw new ErreurLogsoc("HORS_LIMITES", `La catégorie de ménage doit être un entier de 1 à ${CATEGORIE_MAX} (7 et plus : catégorie 6 et personnes supplémentaires ; reçu : ${categorie}).`, ["categorie"]);
  }
  return plafondGrille(valeurs[financement][zone], categorie);
}

/** Plafond de ressources in force on `date` (the plafonds change each 1 January). */
export function plafondRessources(financement: Financement, categorie: number, zone: Zone, date: string, catalogue: CatalogueBaremes = CATALOGUE): Montant {
  return plafondRessourcesDepuis(catalogue.enVigueur("plafonds_ressources_hlm", date).valeurs, financement, categorie, zone);
}
