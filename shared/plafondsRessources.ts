import { dec, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import { FINANCEMENTS, LIBELLES_ZONE, ZONES, type Financement, type GrillePlafonds, type ValeursPlafonds, type Zone } from "./baremes/valeurs.ts";
import type { VersionBareme } from "./baremes/schema.ts";
import { baremeEtape, SANS_TRACE, type Trace } from "./explication/traceur.ts";

const REFERENCE_PLAFONDS = "Arrêté du 29 juillet 1987 relatif aux plafonds de ressources (CCH R.441-1)";

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

function plafondGrille(g: GrillePlafonds, categorie: number, t: Trace, cite: (cle: string) => ReturnType<typeof baremeEtape>, grille: string): Montant {
  if (categorie <= 6) {
    const v = dec(g[`cat${categorie}` as keyof GrillePlafonds]);
    if (t.actif) t.bareme(`Plafond ${grille}, catégorie ${categorie}`, v, "€/an", cite(`cat${categorie}`), REFERENCE_PLAFONDS);
    return v;
  }
  const cat6 = dec(g.cat6);
  const parPersonne = dec(g.parPersonneSupplementaire);
  const supplementaires = categorie - 6;
  const majoration = parPersonne.times(supplementaires);
  const plafond = cat6.plus(majoration);
  if (t.actif) {
    const refCat = t.entree("Catégorie de ménage", categorie, "catégorie", "categorie");
    const refSix = t.constante("Dernière catégorie du tableau", 6, "catégorie", `${REFERENCE_PLAFONDS} : au-delà de 6, un montant par personne supplémentaire`);
    const refSupp = t.calcul("Personnes supplémentaires", "catégorie − 6", supplementaires, "personnes", { type: "difference", de: refCat, moins: refSix });
    const ref6 = t.bareme(`Plafond ${grille}, catégorie 6`, cat6, "€/an", cite("cat6"), REFERENCE_PLAFONDS);
    const refPP = t.bareme(`Plafond ${grille}, par personne supplémentaire`, parPersonne, "€/an", cite("parPersonneSupplementaire"), REFERENCE_PLAFONDS);
    const refMaj = t.calcul("Majoration pour les personnes supplémentaires", "montant par personne supplémentaire × personnes supplémentaires", majoration, "€/an", { type: "produit", facteurs: [refPP, refSupp] });
    t.calcul(`Plafond ${grille}, catégorie ${categorie}`, "plafond de la catégorie 6 + majoration", plafond, "€/an", { type: "somme", termes: [ref6, refMaj] }, { reference: REFERENCE_PLAFONDS });
  }
  return plafond;
}

/** Traced, `version` is the barème version the values come from, for the steps to cite it. */
export function plafondRessourcesDepuis(
  valeurs: ValeursPlafonds,
  financement: Financement,
  categorie: number,
  zone: Zone,
  t: Trace = SANS_TRACE,
  version?: Pick<VersionBareme<unknown>, "dateEffet" | "statut" | "statutsCellules" | "source">,
): Montant {
  if (!FINANCEMENTS.includes(financement)) {
    throw new ErreurLogsoc("CODE_INCONNU", `Financement inconnu « ${financement} » : PLAI, PLUS ou PLS attendu.`, ["financement"]);
  }
  if (!ZONES.includes(zone)) {
    throw new ErreurLogsoc("CODE_INCONNU", `Zone inconnue « ${zone} » : PARIS, IDF ou AUTRES attendue.`, ["zone"]);
  }
  if (!Number.isInteger(categorie) || categorie < 1 || categorie > CATEGORIE_MAX) {
    throw new ErreurLogsoc("HORS_LIMITES", `La catégorie de ménage doit être un entier de 1 à ${CATEGORIE_MAX} (7 et plus : catégorie 6 et personnes supplémentaires ; reçu : ${categorie}).`, ["categorie"]);
  }
  const cite = (cle: string) => baremeEtape("plafonds_ressources_hlm", version!, `${financement}.${zone}.${cle}`);
  return plafondGrille(valeurs[financement][zone], categorie, t, cite, `${financement} (${LIBELLES_ZONE[zone]})`);
}

/** Plafond de ressources in force on `date` (the plafonds change each 1 January). */
export function plafondRessources(financement: Financement, categorie: number, zone: Zone, date: string, catalogue: CatalogueBaremes = CATALOGUE, t: Trace = SANS_TRACE): Montant {
  const version = catalogue.enVigueur("plafonds_ressources_hlm", date);
  return plafondRessourcesDepuis(version.valeurs, financement, categorie, zone, t, version);
}
