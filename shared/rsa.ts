import { arrondiCentime, D, dec, ZERO, type DecimalInput, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import type { ValeursRsa, ValeursRsaMajore } from "./baremes/valeurs.ts";
import type { BaremeEtape } from "./explication/types.ts";
import { baremeEtape, SANS_TRACE, type Ref, type Trace } from "./explication/traceur.ts";

/** How a traced helper cites a value of the barème it reads (key → step's barème). */
type Citer = (cle: string) => BaremeEtape;

const REFERENCE_RSA = "CASF L.262-2, R.262-1 (montant forfaitaire et majorations)";

/**
 * RSA montant forfaitaire of a foyer (CASF L.262-2, R.262-1), the majorated amount for isolement
 * (L.262-9) and the forfait logement (R.262-9, R.262-10). Values come from the `rsa_montant_forfaitaire`
 * and `rsa_majoration_isolement` barèmes in force on the date asked.
 *
 * Rounding: the foyer's montant and the forfait logement are each rounded half-up to the cent, as the
 * amounts are published, and the rounded forfait is subtracted from the rounded montant.
 */

export interface CompositionRsa {
  couple: boolean;
  /** Children (or other dependants) counted in the foyer besides the applicant and the conjoint. */
  enfants: number;
  /**
   * Among `enfants`, the dependants aged 25 or more (an ascendant): they open +30 %, never the +40 % that
   * R.262-1 gives from the third child or person under 25. Absent: every dependant is under 25.
   */
  personnes25Plus?: number;
}

export const ENFANTS_MAX = 30;

function verifierComposition(c: CompositionRsa): void {
  if (!Number.isInteger(c.enfants) || c.enfants < 0 || c.enfants > ENFANTS_MAX) {
    throw new ErreurLogsoc("HORS_LIMITES", `Le nombre d'enfants doit être un entier de 0 à ${ENFANTS_MAX} (reçu : ${c.enfants}).`, ["enfants"]);
  }
  const p = c.personnes25Plus ?? 0;
  if (!Number.isInteger(p) || p < 0 || p > c.enfants) {
    throw new ErreurLogsoc(
      "HORS_LIMITES",
      `Le nombre de personnes à charge de 25 ans ou plus doit être un entier de 0 au nombre d'enfants ou personnes à charge (${c.enfants}) ; reçu : ${p}.`,
      ["personnes_25_plus"],
    );
  }
}

export function nombrePersonnesRsa(c: CompositionRsa): number {
  return (c.couple ? 2 : 1) + c.enfants;
}

/** Dependants under 25: the "enfants" of R.262-1's +40 % and of the majorated amount's supplement. */
export function enfantsMoins25(c: CompositionRsa): number {
  return c.enfants - (c.personnes25Plus ?? 0);
}

/**
 * Household coefficient (R.262-1): 1, +50 % for the 2nd person of the foyer, +30 % for each further
 * person, raised to +40 % for each child or person under 25 from the third one (the conjoint is never
 * one of them). In the barème's terms: 4th person +30 % in a couple (2nd child) or +40 % for a single
 * parent (3rd child), each further person +40 % — as long as every dependant is under 25.
 *
 * Persons are ranked conjoint first, then dependants under 25, then those aged 25 or more; the total
 * does not depend on that order (whoever is the 2nd person, the under-25 dependants from the third
 * one are the ones raised to 40 %).
 */
export function coefficientRsa(majorations: ValeursRsa["majorations"], c: CompositionRsa, t: Trace = SANS_TRACE, cite?: Citer): Montant {
  verifierComposition(c);
  const n = nombrePersonnesRsa(c);
  const premierDependant = c.couple ? 3 : 2;
  const moins25 = enfantsMoins25(c);
  let coefficient = dec(1);
  // Traced: the demandeur's 1, then each person's majoration (one step per barème key, cited as often as it applies).
  const termes: Ref[] = [];
  const lues = new Map<string, Ref>();
  if (t.actif) termes.push(t.constante("Coefficient du demandeur", 1, "coefficient", REFERENCE_RSA));
  for (let rang = 2; rang <= n; rang++) {
    const rangMoins25 = rang - premierDependant + 1; // 1 for the first dependant under 25…
    const quaranteCent = rang >= premierDependant && rangMoins25 >= 3 && rangMoins25 <= moins25;
    const cle =
      rang === 2 ? "deuxiemePersonne"
      : quaranteCent ? (rang === 4 ? "quatriemePersonneIsole" : "personneSupplementaire")
      : rang === 4 && c.couple ? "quatriemePersonneCouple"
      : "troisiemePersonne";
    const m = majorations[cle];
    coefficient = coefficient.plus(dec(m));
    if (t.actif) {
      let ref = lues.get(cle);
      if (ref === undefined) {
        ref = t.bareme(`Majoration : ${LIBELLES_MAJORATION[cle]}`, m, "coefficient", cite!(`majorations.${cle}`), REFERENCE_RSA);
        lues.set(cle, ref);
      }
      termes.push(ref);
    }
  }
  if (t.actif) {
    const foyer = `${n} personne${n > 1 ? "s" : ""}${c.couple ? ", couple" : ""}${(c.personnes25Plus ?? 0) > 0 ? `, dont ${c.personnes25Plus} à charge de 25 ans ou plus` : ""}`;
    if (termes.length === 1) t.calcul(`Coefficient du foyer (${foyer})`, "le demandeur seul", coefficient, "coefficient", { type: "reprise", de: termes[0]! });
    else t.calcul(`Coefficient du foyer (${foyer})`, "1 + la majoration de chaque autre personne", coefficient, "coefficient", { type: "somme", termes }, { reference: REFERENCE_RSA });
  }
  return coefficient;
}

const LIBELLES_MAJORATION: Record<keyof ValeursRsa["majorations"], string> = {
  deuxiemePersonne: "2e personne du foyer",
  troisiemePersonne: "3e personne, ou personne à charge de 25 ans ou plus",
  quatriemePersonneCouple: "4e personne d'un couple",
  quatriemePersonneIsole: "4e personne d'une personne isolée (3e enfant de moins de 25 ans)",
  personneSupplementaire: "chaque personne de moins de 25 ans à partir de la 3e",
};

/** The amount × coefficient, rounded to the cent, as steps (the amount already a step). */
function tracerMontant(t: Trace, libelle: string, refBase: Ref, refCoefficient: Ref, exact: Montant, arrondi: Montant, reference: string): void {
  const refProduit = t.calcul(arrondi.equals(exact) ? libelle : `${libelle}, avant arrondi`, "montant d'une personne seule × coefficient", exact, "€/mois", { type: "produit", facteurs: [refBase, refCoefficient] }, { reference });
  if (!arrondi.equals(exact)) t.calcul(libelle, "arrondi au centime le plus proche", arrondi, "€/mois", { type: "arrondi", de: refProduit, decimales: 2, sens: "au_plus_proche" });
}

/** Montant forfaitaire of the foyer for the given barème values, rounded to the cent. */
export function montantForfaitaireRsaDepuis(valeurs: ValeursRsa, c: CompositionRsa, t: Trace = SANS_TRACE, cite?: Citer, refBase: Ref = -1): Montant {
  const coefficient = coefficientRsa(valeurs.majorations, c, t, cite);
  const refCoefficient = t.derniere();
  const exact = dec(valeurs.montant).times(coefficient);
  const montant = arrondiCentime(exact);
  if (t.actif) tracerMontant(t, "Montant forfaitaire du foyer", refBase, refCoefficient, exact, montant, REFERENCE_RSA);
  return montant;
}

/** Coefficient of the majorated amount (L.262-9, R.262-1): base + supplement per child under 25. */
export function coefficientRsaMajore(majore: ValeursRsaMajore, c: CompositionRsa, t: Trace = SANS_TRACE, cite?: Citer): Montant {
  verifierComposition(c);
  if (c.couple) {
    throw new ErreurLogsoc(
      "ENTREE_INVALIDE",
      "Le RSA majoré pour isolement (CASF L.262-9) concerne une personne isolée : « isolement_majore » ne peut pas valoir VRAI pour un couple.",
      ["isolement_majore"],
    );
  }
  const enfants = enfantsMoins25(c);
  const supplement = dec(majore.coefficientParEnfant).times(enfants);
  const coefficient = dec(majore.coefficientBase).plus(supplement);
  if (t.actif) {
    const reference = "CASF L.262-9, R.262-1 (montant majoré pour isolement)";
    const refBase = t.bareme("Coefficient du montant majoré (parent isolé)", majore.coefficientBase, "coefficient", cite!("coefficientBase"), reference);
    const refParEnfant = t.bareme("Supplément de coefficient par enfant", majore.coefficientParEnfant, "coefficient", cite!("coefficientParEnfant"), reference);
    const refEnfants = t.entree("Enfants ou personnes à charge de moins de 25 ans", enfants, "enfants", "enfants");
    const refSupplement = t.calcul("Supplément pour les enfants", "supplément par enfant × enfants", supplement, "coefficient", { type: "produit", facteurs: [refParEnfant, refEnfants] });
    t.calcul("Coefficient majoré du foyer", "coefficient majoré + supplément pour les enfants", coefficient, "coefficient", { type: "somme", termes: [refBase, refSupplement] }, { reference });
  }
  return coefficient;
}

/** Majorated montant forfaitaire of an isolated parent or pregnant woman, rounded to the cent. */
export function montantMajoreRsaDepuis(valeurs: ValeursRsa, majore: ValeursRsaMajore, c: CompositionRsa, t: Trace = SANS_TRACE, citeMajore?: Citer, refBase: Ref = -1): Montant {
  const coefficient = coefficientRsaMajore(majore, c, t, citeMajore);
  const refCoefficient = t.derniere();
  const exact = dec(valeurs.montant).times(coefficient);
  const montant = arrondiCentime(exact);
  if (t.actif) tracerMontant(t, "Montant forfaitaire majoré du foyer", refBase, refCoefficient, exact, montant, "CASF L.262-9, R.262-1");
  return montant;
}

/**
 * Forfait logement: 12 % of the 1-person amount for a foyer of one, 16 % of the 2-person amount for a
 * foyer of two, 16.5 % of the 3-person amount for three or more; rounded to the cent. The plain amounts,
 * also for a majorated RSA (R.262-10 names the montant of L.262-2).
 */
export function forfaitLogementRsaDepuis(valeurs: ValeursRsa, c: CompositionRsa, t: Trace = SANS_TRACE, cite?: Citer, refBase: Ref = -1): Montant {
  verifierComposition(c);
  const n = nombrePersonnesRsa(c);
  const base = dec(valeurs.montant);
  const { majorations: m, forfaitLogement: f } = valeurs;
  const coefficient = n === 1 ? dec(1) : n === 2 ? dec(1).plus(m.deuxiemePersonne) : dec(1).plus(m.deuxiemePersonne).plus(m.troisiemePersonne);
  const taux = n === 1 ? f.unePersonne : n === 2 ? f.deuxPersonnes : f.troisPersonnesOuPlus;
  const exact = base.times(coefficient).times(taux);
  const forfait = arrondiCentime(exact);
  if (t.actif) {
    const reference = "CASF R.262-9, R.262-10 (forfait logement)";
    const cleTaux = n === 1 ? "unePersonne" : n === 2 ? "deuxPersonnes" : "troisPersonnesOuPlus";
    const refTaux = t.bareme(`Taux du forfait logement (${n === 1 ? "1 personne" : n === 2 ? "2 personnes" : "3 personnes ou plus"})`, taux, "fraction", cite!(`forfaitLogement.${cleTaux}`), reference);
    let refCoefficient: Ref;
    if (n === 1) {
      refCoefficient = t.constante("Coefficient d'une personne seule", 1, "coefficient", reference);
    } else {
      const un = t.constante("Coefficient du demandeur", 1, "coefficient", REFERENCE_RSA);
      const termes = [un, t.bareme("Majoration : 2e personne du foyer", m.deuxiemePersonne, "coefficient", cite!("majorations.deuxiemePersonne"), REFERENCE_RSA)];
      if (n >= 3) termes.push(t.bareme("Majoration : 3e personne du foyer", m.troisiemePersonne, "coefficient", cite!("majorations.troisiemePersonne"), REFERENCE_RSA));
      refCoefficient = t.calcul(`Coefficient de ${n === 2 ? "2 personnes" : "3 personnes"} (base du forfait)`, n === 2 ? "1 + majoration de la 2e personne" : "1 + majorations des 2e et 3e personnes", coefficient, "coefficient", { type: "somme", termes });
    }
    const refProduit = t.calcul(
      forfait.equals(exact) ? "Forfait logement" : "Forfait logement, avant arrondi",
      "montant d'une personne seule × coefficient × taux du forfait",
      exact,
      "€/mois",
      { type: "produit", facteurs: [refBase, refCoefficient, refTaux] },
      { reference },
    );
    if (!forfait.equals(exact)) t.calcul("Forfait logement", "arrondi au centime le plus proche", forfait, "€/mois", { type: "arrondi", de: refProduit, decimales: 2, sens: "au_plus_proche" });
  }
  return forfait;
}

/**
 * `true`: the whole forfait (housed free, owner without loan, or an aid at least the forfait); `false`
 * or absent: none; an amount: the monthly housing aid actually received, the forfait being deducted
 * within the limit of that aid (R.262-10).
 */
export type ForfaitLogement = boolean | DecimalInput;

export interface OptionsRsa {
  forfaitLogement?: ForfaitLogement;
  /** Parent isolé or isolated pregnant woman during the majoration period (L.262-9). */
  isolementMajore?: boolean;
  catalogue?: CatalogueBaremes;
  /** Records the steps (explanations); the amount does not change. */
  trace?: Trace;
}

/** The forfait actually deducted: none, the whole forfait, or the forfait capped at the aid received. */
export function forfaitDeduit(forfait: Montant, forfaitLogement: ForfaitLogement | undefined, t: Trace = SANS_TRACE, refForfait: Ref = -1): Montant {
  if (forfaitLogement === undefined || forfaitLogement === false) return ZERO;
  if (forfaitLogement === true) {
    t.calcul("Forfait logement déduit", "le forfait entier (logé gratuitement, propriétaire sans emprunt, ou aide au logement au moins égale)", forfait, "€/mois", { type: "reprise", de: refForfait }, { reference: "CASF R.262-9" });
    return forfait;
  }
  const aide = dec(forfaitLogement);
  if (aide.isNegative()) {
    throw new ErreurLogsoc("HORS_LIMITES", `L'aide au logement perçue ne peut pas être négative (reçu : ${aide.toString()} €).`, ["forfait_logement"]);
  }
  const deduit = D.min(forfait, aide);
  if (t.actif) {
    const refAide = t.entree("Aide au logement perçue", aide, "€/mois", "forfait_logement");
    t.calcul("Forfait logement déduit", "le plus petit du forfait et de l'aide au logement perçue", deduit, "€/mois", { type: "minimum", termes: [refForfait, refAide] }, { reference: "CASF R.262-10 : forfait déduit dans la limite de l'aide au logement" });
  }
  return deduit;
}

/** RSA montant forfaitaire of the foyer (majorated for isolement when asked) in force on `date`, less the forfait logement deducted. */
export function rsaForfaitaire(c: CompositionRsa, date: string, options: OptionsRsa = {}): Montant {
  const cat = options.catalogue ?? CATALOGUE;
  const t = options.trace ?? SANS_TRACE;
  const version = cat.enVigueur("rsa_montant_forfaitaire", date);
  const valeurs = version.valeurs;
  const cite: Citer = (cle) => baremeEtape("rsa_montant_forfaitaire", version, cle);
  const refBase = t.actif ? t.bareme("Montant forfaitaire d'une personne seule", valeurs.montant, "€/mois", cite("montant"), REFERENCE_RSA) : -1;
  let montant: Montant;
  if (options.isolementMajore) {
    const majore = cat.enVigueur("rsa_majoration_isolement", date);
    montant = montantMajoreRsaDepuis(valeurs, majore.valeurs, c, t, (cle) => baremeEtape("rsa_majoration_isolement", majore, cle), refBase);
  } else {
    montant = montantForfaitaireRsaDepuis(valeurs, c, t, cite, refBase);
  }
  const refMontant = t.derniere();
  if (options.forfaitLogement === undefined || options.forfaitLogement === false) return montant;
  const forfait = forfaitLogementRsaDepuis(valeurs, c, t, cite, refBase);
  const deduit = forfaitDeduit(forfait, options.forfaitLogement, t, t.derniere());
  const rsa = montant.minus(deduit);
  t.calcul("RSA forfaitaire du foyer, forfait logement déduit", "montant forfaitaire − forfait logement déduit", rsa, "€/mois", { type: "difference", de: refMontant, moins: t.derniere() }, { reference: "CASF L.262-2, R.262-9, R.262-10" });
  return rsa;
}
