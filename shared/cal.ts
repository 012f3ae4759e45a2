import { composantes, type DateISO } from "./date.ts";
import { arrondi, dec, somme, type Montant } from "./money.ts";
import { estErreurLogsoc, ErreurLogsoc } from "./errors.ts";
import { resteAVivre, type MethodeRav } from "./resteAVivre.ts";
import { tauxEffort } from "./tauxEffort.ts";
import { categorieMenage } from "./categorieMenage.ts";
import { plafondRessources } from "./plafondsRessources.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import type { Financement, Zone } from "./baremes/valeurs.ts";

/**
 * Indicators of the fiche synthétique CALEOL (../shared/reference/cal.md), by candidate: seniority of
 * the demande, catégorie de ménage, plafond de ressources and eligibility, taux d'effort and reste à
 * vivre for the dwelling proposed. The template (shared/modeles/cal.ts) lays them out as native formulas;
 * the audit and the tests compute them here, like the évaluation's indicators in shared/evaluation.ts.
 */

export interface SaisieLogement {
  financement: Financement;
  zone: Zone;
  loyer: number;
  annexes: number;
  charges: number;
  eauChauffageIndividuels: boolean;
  forfaitCharges: number;
}

export interface SaisieCandidat {
  dateDepot: DateISO;
  personnes14Plus: number;
  enfantsMoins14: number;
  personnesACharge: number;
  jeuneMenage: boolean;
  titulairesCmi: number;
  rfr: number;
  ressources: number;
  aideLogement: number;
  autresCharges: number;
}

export interface SaisieCal {
  date: DateISO;
  methode: MethodeRav;
  logement: SaisieLogement;
  candidats: readonly SaisieCandidat[];
}

/** Completed months from the filing of the demande to the commission (a day short of a month does not count). */
export function ancienneteMois(depot: DateISO, date: DateISO): number {
  const a = composantes(depot);
  const b = composantes(date);
  return (b.annee - a.annee) * 12 + (b.mois - a.mois) - (b.jour < a.jour ? 1 : 0);
}

export interface IndicateursCandidat {
  anciennete: number;
  categorie: number | ErreurLogsoc;
  plafond: Montant | ErreurLogsoc;
  partPlafond: Montant | ErreurLogsoc;
  sousPlafond: boolean | ErreurLogsoc;
  tauxEffort: Montant | ErreurLogsoc;
  ravMensuel: Montant;
  ravMethode: Montant;
}

function ou<T>(f: () => T): T | ErreurLogsoc {
  try {
    return f();
  } catch (e) {
    if (estErreurLogsoc(e)) return e;
    throw e;
  }
}

/** A candidate's figures by the engine: catégorie, plafond and eligibility, taux d'effort, reste à vivre. */
export function indicateursCandidat(s: SaisieCal, c: SaisieCandidat, ctx: { catalogue: CatalogueBaremes } = { catalogue: CATALOGUE }): IndicateursCandidat {
  const l = s.logement;
  const forfait = l.eauChauffageIndividuels ? l.forfaitCharges : 0;
  const personnes = c.personnes14Plus + c.enfantsMoins14;
  const categorie = ou(() => categorieMenage({ personnes, personnesACharge: c.personnesACharge, jeuneMenage: c.jeuneMenage, personnesEnSituationDeHandicap: c.titulairesCmi }));
  const plafond = typeof categorie === "number" ? ou(() => plafondRessources(l.financement, categorie, l.zone, s.date, ctx.catalogue)) : categorie;
  const foyer = { personnes14Plus: c.personnes14Plus, enfantsMoins14: c.enfantsMoins14 };
  const ressourcesRav = dec(c.ressources).plus(c.aideLogement);
  const chargesRav = somme([l.loyer, l.annexes, l.charges, forfait, c.autresCharges]);
  return {
    anciennete: ancienneteMois(c.dateDepot, s.date),
    categorie,
    plafond,
    partPlafond: plafond instanceof ErreurLogsoc ? plafond : arrondi(dec(c.rfr).dividedBy(plafond), 4),
    sousPlafond: plafond instanceof ErreurLogsoc ? plafond : dec(c.rfr).lessThanOrEqualTo(plafond),
    tauxEffort: ou(() => tauxEffort(dec(l.loyer).plus(l.annexes), dec(l.charges).plus(forfait), c.aideLogement, c.ressources)),
    ravMensuel: resteAVivre(ressourcesRav, chargesRav, foyer, "mensuel", { date: s.date, catalogue: ctx.catalogue }),
    ravMethode: resteAVivre(ressourcesRav, chargesRav, foyer, s.methode, { date: s.date, catalogue: ctx.catalogue }),
  };
}
