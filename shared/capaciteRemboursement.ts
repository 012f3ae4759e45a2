import { arrondiCentime, D, dec, ZERO, type DecimalInput, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import { quotiteSaisissableExacte } from "./quotiteSaisissable.ts";
import { rsaForfaitaire, type CompositionRsa } from "./rsa.ts";

/**
 * Capacité de remboursement, Banque de France method (C. consommation L.731-1, L.731-2, R.731-1):
 *
 *   max(0, min(QS(ressources, personnes à charge), ressources − max(RSA forfaitaire du foyer, charges)))
 *
 * - QS is the quotité saisissable of the monthly resources (C. trav. R.3252-2 ff., with its own floor of
 *   the RSA for one person);
 * - the part left for current expenses is never below the RSA montant forfaitaire of the household
 *   (L.731-2; no forfait logement deducted) — the majorated amount (CASF L.262-9) for a parent isolé or
 *   an isolated pregnant woman during the majoration period — and is the real charges when they are higher.
 *
 * Dependants that raise the QS thresholds (R.3252-3): every child or other dependant, and the conjoint
 * when there is a couple — only if the conjoint's own resources are below the RSA for one person when
 * they are given (`ressourcesConjoint`); when they are not, the conjoint counts (LogSoc's behaviour
 * before the argument existed). `ressources` are the whole household's resources.
 *
 * Rounding: computed exactly, rounded half-up to the cent once at the end.
 */

export interface EntreeCapacite extends CompositionRsa {
  ressources: DecimalInput;
  charges: DecimalInput;
  /** Parent isolé or isolated pregnant woman during the majoration period: the floor is the majorated RSA. */
  isolementMajore?: boolean;
  /** The conjoint's own monthly resources; absent: the conjoint counts as a dependant. */
  ressourcesConjoint?: DecimalInput | null;
}

/**
 * Dependants for the quotité saisissable: every child or dependant, plus the conjoint unless his or her
 * own resources, when given, reach the RSA for one person (`rsaUnePersonne`).
 */
export function personnesAChargeCapacite(c: CompositionRsa & { ressourcesConjoint?: DecimalInput | null }, rsaUnePersonne?: DecimalInput): number {
  const conjoint = c.couple && (c.ressourcesConjoint === undefined || c.ressourcesConjoint === null || rsaUnePersonne === undefined || dec(c.ressourcesConjoint).lessThan(dec(rsaUnePersonne)));
  return (conjoint ? 1 : 0) + c.enfants;
}

/** The dependants counted for the quotité saisissable on `date`, the conjoint's resources compared with the RSA in force. */
export function personnesAChargeCapaciteAu(e: CompositionRsa & { ressourcesConjoint?: DecimalInput | null }, date: string, catalogue: CatalogueBaremes = CATALOGUE): number {
  if (e.ressourcesConjoint === undefined || e.ressourcesConjoint === null) return personnesAChargeCapacite(e);
  const r = dec(e.ressourcesConjoint);
  if (r.isNegative()) throw new ErreurLogsoc("HORS_LIMITES", "Les ressources du conjoint ne peuvent pas être négatives.", ["ressources_conjoint"]);
  if (!e.couple) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", "« ressources_conjoint » ne s'indique que pour un couple (couple = VRAI).", ["ressources_conjoint"]);
  }
  return personnesAChargeCapacite(e, catalogue.enVigueur("rsa_montant_forfaitaire", date).valeurs.montant);
}

export function capaciteRemboursement(e: EntreeCapacite, date: string, catalogue: CatalogueBaremes = CATALOGUE): Montant {
  const ressources = dec(e.ressources);
  const charges = dec(e.charges);
  if (ressources.isNegative()) throw new ErreurLogsoc("HORS_LIMITES", "Les ressources ne peuvent pas être négatives.", ["ressources"]);
  if (charges.isNegative()) throw new ErreurLogsoc("HORS_LIMITES", "Les charges ne peuvent pas être négatives.", ["charges"]);
  const composition: CompositionRsa = { couple: e.couple, enfants: e.enfants, ...(e.personnes25Plus !== undefined ? { personnes25Plus: e.personnes25Plus } : {}) };
  const qs = quotiteSaisissableExacte(ressources, personnesAChargeCapaciteAu(e, date, catalogue), date, catalogue);
  const rsaFoyer = rsaForfaitaire(composition, date, { catalogue, isolementMajore: e.isolementMajore ?? false });
  const resteApresDepenses = ressources.minus(D.max(rsaFoyer, charges));
  return arrondiCentime(D.max(ZERO, D.min(qs, resteApresDepenses)));
}
