import { ErreurLogsoc } from "./errors.ts";
import { SANS_TRACE, type Trace } from "./explication/traceur.ts";

/**
 * Catégorie de ménage for the HLM plafonds de ressources (arrêté du 29 juillet 1987, art. 2, as
 * reproduced in ../shared/reference/cal.md §1.2 and in the `plafonds_ressources_hlm` barème rules):
 *
 *   1  une personne seule
 *   2  deux personnes sans personne à charge, hors jeune ménage ; ou une personne seule handicapée
 *   3  trois personnes ; ou une personne seule + 1 à charge ; ou un jeune ménage sans personne à charge ;
 *      ou deux personnes dont au moins une handicapée
 *   4–6 n personnes ; ou une personne seule + (n − 2) à charge ; ou n − 1 personnes dont au moins une handicapée
 *
 * The rules do not add up: the household is in the highest category whose definition it meets. Each
 * definition is "persons + 1" (a single adult with dependants, a jeune ménage, at least one person with
 * a handicap) or "persons", so the category is persons + 1 when any of the three applies, else persons.
 * A second person with a handicap changes nothing ("dont au moins une"; the Senate written question
 * 13/17506 notes the arrêté gives nothing more for two card holders).
 *
 * Beyond 6 the arrêté adds an amount per extra person: LogSoc's category 7 means category 6 plus one
 * person beyond the category-6 composition (seven persons, a single adult with five dependants, six
 * persons with a handicapped member…), and so on — the value PLAFOND_RESSOURCES takes.
 */

export interface CompositionMenage {
  /** Everyone living in the household (CCH L.442-12), the applicant included. */
  personnes: number;
  /** Persons à charge in the tax sense (CGI 196, 196 A bis, 196 B): children, CMI-invalidité holders… */
  personnesACharge: number;
  /** A couple with no dependant whose ages add up to 55 or less (see estJeuneMenage). */
  jeuneMenage?: boolean;
  /** Number of persons holding the carte mobilité inclusion « invalidité ». */
  personnesEnSituationDeHandicap?: number;
}

export const PERSONNES_MAX = 30;
export const SOMME_AGES_JEUNE_MENAGE_MAX = 55;

/** Jeune ménage: a couple without dependant whose ages (in whole years) add up to at most 55. */
export function estJeuneMenage(ageA: number, ageB: number): boolean {
  for (const [nom, age] of [["ageA", ageA], ["ageB", ageB]] as const) {
    if (!Number.isInteger(age) || age < 0 || age > 130) throw new ErreurLogsoc("HORS_LIMITES", `L'âge doit être un nombre entier d'années (reçu : ${age}).`, [nom]);
  }
  return ageA + ageB <= SOMME_AGES_JEUNE_MENAGE_MAX;
}

function entier(valeur: number, nom: string, libelle: string, min: number, max: number): void {
  if (!Number.isInteger(valeur) || valeur < min || valeur > max) {
    throw new ErreurLogsoc("HORS_LIMITES", `${libelle} doit être un entier de ${min} à ${max} (reçu : ${valeur}).`, [nom]);
  }
}

export function categorieMenage(c: CompositionMenage, t: Trace = SANS_TRACE): number {
  const handicap = c.personnesEnSituationDeHandicap ?? 0;
  entier(c.personnes, "personnes", "Le nombre de personnes", 1, PERSONNES_MAX);
  entier(c.personnesACharge, "personnesACharge", "Le nombre de personnes à charge", 0, c.personnes - 1);
  entier(handicap, "personnesEnSituationDeHandicap", "Le nombre de personnes en situation de handicap", 0, c.personnes);
  if (c.jeuneMenage && (c.personnes !== 2 || c.personnesACharge !== 0)) {
    throw new ErreurLogsoc("HORS_LIMITES", "Un jeune ménage est un couple sans personne à charge : 2 personnes, aucune à charge.", ["jeuneMenage"]);
  }
  const personneSeuleAvecCharge = c.personnesACharge >= 1 && c.personnes - c.personnesACharge === 1;
  const majoree = personneSeuleAvecCharge || c.jeuneMenage === true || handicap >= 1;
  const categorie = c.personnes + (majoree ? 1 : 0);
  if (t.actif) {
    const reference = "Arrêté du 29 juillet 1987, art. 2 (catégories de ménages)";
    const refP = t.entree("Personnes du ménage", c.personnes, "personnes", "personnes");
    if (!majoree) {
      t.calcul("Catégorie de ménage", "le nombre de personnes (ni personne seule avec personne à charge, ni jeune ménage, ni personne en situation de handicap)", categorie, "catégorie", { type: "reprise", de: refP }, { reference });
    } else {
      const raison = personneSeuleAvecCharge ? "personne seule avec personne à charge" : c.jeuneMenage === true ? "jeune ménage" : "personne en situation de handicap (carte mobilité inclusion « invalidité »)";
      const refUn = t.constante(`Catégorie supérieure : ${raison}`, 1, "catégorie", reference);
      t.calcul("Catégorie de ménage", `personnes + 1 (${raison})`, categorie, "catégorie", { type: "somme", termes: [refP, refUn] }, { reference });
    }
  }
  return categorie;
}
