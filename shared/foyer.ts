import { dec, type Montant } from "./money.ts";
import { aujourdhui } from "./date.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import type { ValeursEchelleOcde } from "./baremes/valeurs.ts";

/** Persons aged 14 or more (the applicant included) and children under 14: what INSEE's scale needs. */
export interface Foyer {
  personnes14Plus: number;
  enfantsMoins14: number;
}

export function nombrePersonnes(f: Foyer): number {
  return f.personnes14Plus + f.enfantsMoins14;
}

/**
 * The weights in thousandths of a unit when they are whole thousandths (1 / 0,5 / 0,3 → 1000 / 500 / 300):
 * the sum is then an exact integer, divided once; otherwise null and decimals are used. Computed once per
 * barème version (RESTE_A_VIVRE may run for every cell of a sheet).
 */
const poidsMilliemes = new WeakMap<ValeursEchelleOcde, readonly [number, number, number] | null>();

function milliemes(echelle: ValeursEchelleOcde): readonly [number, number, number] | null {
  let m = poidsMilliemes.get(echelle);
  if (m === undefined) {
    const p = [echelle.premierAdulte, echelle.autrePersonne14Plus, echelle.enfantMoins14].map((w) => dec(w).times(1000));
    m = p.every((x) => x.isInteger()) ? ([p[0]!.toNumber(), p[1]!.toNumber(), p[2]!.toNumber()] as const) : null;
    poidsMilliemes.set(echelle, m);
  }
  return m;
}

/** Unités de consommation for the given weights: first adult + other person 14+ × (14+ − 1) + child under 14 × children. */
export function unitesConsommationDepuis(echelle: ValeursEchelleOcde, f: Foyer): Montant {
  const m = milliemes(echelle);
  if (m !== null) return dec(m[0] + m[1] * (f.personnes14Plus - 1) + m[2] * f.enfantsMoins14).dividedBy(1000);
  return dec(echelle.premierAdulte).plus(dec(echelle.autrePersonne14Plus).times(f.personnes14Plus - 1)).plus(dec(echelle.enfantMoins14).times(f.enfantsMoins14));
}

/** Today's date, recomputed at most once a minute: formatting the date in Europe/Paris costs more than the whole computation. */
let jourMemorise: { instant: number; jour: string } | undefined;
function jourCourant(): string {
  const maintenant = Date.now();
  if (jourMemorise === undefined || maintenant - jourMemorise.instant >= 60_000 || maintenant < jourMemorise.instant) {
    jourMemorise = { instant: maintenant, jour: aujourdhui(new Date(maintenant)) };
  }
  return jourMemorise.jour;
}

/**
 * Unités de consommation, échelle OCDE modifiée (INSEE, définition c1802), with the weights of the
 * `echelle_ocde_modifiee` barème in force on `date` (today when omitted): 1 + 0,5 per other person 14+
 * + 0,3 per child under 14 today. Exact (decimal weights times whole persons).
 */
export function unitesConsommation(f: Foyer, date?: string, catalogue: CatalogueBaremes = CATALOGUE): Montant {
  const jour = date ?? jourCourant();
  // The same day and catalogue as the previous call (a sheet recalculating): the same version.
  if (derniereLecture?.catalogue !== catalogue || derniereLecture.jour !== jour) {
    derniereLecture = { catalogue, jour, echelle: catalogue.enVigueur("echelle_ocde_modifiee", jour).valeurs };
  }
  return unitesConsommationDepuis(derniereLecture.echelle, f);
}

let derniereLecture: { catalogue: CatalogueBaremes; jour: string; echelle: ValeursEchelleOcde } | undefined;
