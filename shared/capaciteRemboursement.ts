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
 *   (L.731-2; no forfait logement deducted), and is the real charges when they are higher.
 *
 * Assumption on dependants: `ressources` are the whole household's resources, and the dependants that
 * raise the QS thresholds (R.3252-3) are the conjoint when there is a couple plus every child. The
 * conjoint counts as a dependant only if his or her own resources are below the RSA; an adviser whose
 * case differs should compute the QS separately with QUOTITE_SAISISSABLE.
 *
 * Rounding: computed exactly, rounded half-up to the cent once at the end.
 */

export interface EntreeCapacite extends CompositionRsa {
  ressources: DecimalInput;
  charges: DecimalInput;
}

export function personnesAChargeCapacite(c: CompositionRsa): number {
  return (c.couple ? 1 : 0) + c.enfants;
}

export function capaciteRemboursement(e: EntreeCapacite, date: string, catalogue: CatalogueBaremes = CATALOGUE): Montant {
  const ressources = dec(e.ressources);
  const charges = dec(e.charges);
  if (ressources.isNegative()) throw new ErreurLogsoc("HORS_LIMITES", "Les ressources ne peuvent pas être négatives.", ["ressources"]);
  if (charges.isNegative()) throw new ErreurLogsoc("HORS_LIMITES", "Les charges ne peuvent pas être négatives.", ["charges"]);
  const composition = { couple: e.couple, enfants: e.enfants };
  const qs = quotiteSaisissableExacte(ressources, personnesAChargeCapacite(composition), date, catalogue);
  const rsaFoyer = rsaForfaitaire(composition, date, { catalogue });
  const resteApresDepenses = ressources.minus(D.max(rsaFoyer, charges));
  return arrondiCentime(D.max(ZERO, D.min(qs, resteApresDepenses)));
}
