import { STATUTS, type Statut } from "../../baremes/schema.ts";

/**
 * The weaker of two statuses as layout 1 chose them (`estimation` the weakest, the order of STATUTS),
 * frozen here when the shared rule moved to DESIGN §7's order (`non_verifie` the weakest): layout 1's
 * « Barèmes » sheet must keep writing the status text its dossiers show (docs/controle.md, step 4).
 */
export function statutLePlusFaible(a: Statut, b: Statut): Statut {
  return STATUTS.indexOf(a) >= STATUTS.indexOf(b) ? a : b;
}
