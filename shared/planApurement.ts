import { arrondiCentime, arrondiCentimeSuperieur, dec, ZERO, type DecimalInput, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { ajouterMois, aujourdhui, type DateISO } from "./date.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import type { ValeursDureesApurement } from "./baremes/valeurs.ts";
import { formatEuros } from "./format.ts";

export const MAX_ECHEANCES = 600;

export interface PlanApurementEntree {
  dette: DecimalInput;
  mensualite?: DecimalInput | null;
  duree?: number | null;
  premiereEcheance?: DateISO | null;
  loyerResiduel?: DecimalInput | null;
}

export type ModePlan = "mensualite" | "duree" | "defaut_caf";

export interface Echeance {
  numero: number;
  date: DateISO | null;
  repriseDette: Montant;
  loyerResiduel: Montant | null;
  totalAVerser: Montant | null;
  resteDu: Montant;
}

export interface PlanApurement {
  mode: ModePlan;
  dette: Montant;
  mensualite: Montant;
  nombreEcheances: number;
  echeances: Echeance[];
  totalRembourse: Montant;
  avertissements: string[];
}

function montantPositif(x: DecimalInput, argument: string, libelle: string): Montant {
  const v = arrondiCentime(x);
  if (v.lessThanOrEqualTo(0)) {
    throw new ErreurLogsoc("HORS_LIMITES", `${libelle} doit être supérieure à 0 € (reçu : ${formatEuros(dec(x))}).`, [argument]);
  }
  return v;
}

export interface OptionsPlan {
  /** The day the reference durations (barème `durees_apurement`) are read at; today when omitted. */
  date?: string;
  catalogue?: CatalogueBaremes;
}

/**
 * Builds a rent-arrears repayment schedule (DESIGN §4). The CAF default plan's length and the
 * durations the warnings compare with come from the `durees_apurement` barème in force on the date. Amounts are taken to the cent; every
 * instalment but the last equals the mensualité and the last is the remainder, so the instalments
 * add up to the debt exactly and none is larger than the first.
 */
export function planApurement(e: PlanApurementEntree, options: OptionsPlan = {}): PlanApurement {
  const durees = (options.catalogue ?? CATALOGUE).enVigueur("durees_apurement", options.date ?? aujourdhui()).valeurs;
  const dette = montantPositif(e.dette, "dette", "La dette");
  const duree = e.duree ?? null;
  if (duree !== null && (!Number.isInteger(duree) || duree < 1 || duree > MAX_ECHEANCES)) {
    throw new ErreurLogsoc("HORS_LIMITES", `La durée doit être un nombre entier de mois entre 1 et ${MAX_ECHEANCES} (reçu : ${duree}).`, ["duree"]);
  }

  let mode: ModePlan;
  let mensualite: Montant;
  if (e.mensualite !== undefined && e.mensualite !== null) {
    mode = "mensualite";
    mensualite = montantPositif(e.mensualite, "mensualite", "La mensualité");
  } else if (duree !== null) {
    mode = "duree";
    mensualite = arrondiCentimeSuperieur(dette.dividedBy(duree));
  } else {
    mode = "defaut_caf";
    mensualite = arrondiCentimeSuperieur(dette.dividedBy(durees.planCafMois));
  }

  const n = dette.dividedBy(mensualite).ceil().toNumber();
  if (mode === "mensualite" && duree !== null && n > duree) {
    throw new ErreurLogsoc(
      "DUREE_INSUFFISANTE",
      `Avec une mensualité de ${formatEuros(mensualite)}, il faut ${n} mois pour rembourser ${formatEuros(dette)} : c'est plus que la durée maximale de ${duree} mois. Augmentez la mensualité ou la durée.`,
      ["duree"],
    );
  }
  if (n > MAX_ECHEANCES) {
    throw new ErreurLogsoc(
      "TROP_D_ECHEANCES",
      `Avec une mensualité de ${formatEuros(mensualite)}, il faudrait ${n} échéances pour rembourser ${formatEuros(dette)} ; le plan est limité à ${MAX_ECHEANCES} échéances.`,
      ["mensualite"],
    );
  }

  const loyer = e.loyerResiduel === undefined || e.loyerResiduel === null ? null : arrondiCentime(e.loyerResiduel);
  if (loyer !== null && loyer.isNegative()) {
    throw new ErreurLogsoc("HORS_LIMITES", `Le loyer résiduel ne peut pas être négatif (reçu : ${formatEuros(loyer)}).`, ["loyer_residuel"]);
  }

  const echeances: Echeance[] = [];
  let resteDu = dette;
  for (let k = 1; k <= n; k++) {
    const reprise = k < n ? mensualite : resteDu;
    resteDu = resteDu.minus(reprise);
    echeances.push({
      numero: k,
      date: e.premiereEcheance ? ajouterMois(e.premiereEcheance, k - 1) : null,
      repriseDette: reprise,
      loyerResiduel: loyer,
      totalAVerser: loyer === null ? null : reprise.plus(loyer),
      resteDu,
    });
  }

  return {
    mode,
    dette,
    mensualite,
    nombreEcheances: n,
    echeances,
    totalRembourse: echeances.reduce((s, x) => s.plus(x.repriseDette), ZERO),
    avertissements: avertissementsDuree(n, durees),
  };
}

function avertissementsDuree(n: number, d: ValeursDureesApurement): string[] {
  const a: string[] = [];
  if (n > d.planCafMois) a.push(`Le plan dure ${n} mois : au-delà des ${d.planCafMois} mois du plan par défaut de la CAF (CCH R.824-12) et des ${d.delaisJudiciairesMaxMois} mois de délais qu'un juge peut accorder (loi 89-462, art. 24 V).`);
  if (n > d.protocoleMois) a.push(`Le plan dure ${n} mois : au-delà des ${d.protocoleMois} mois d'un protocole de cohésion sociale (CCH L.353-15-2, L.442-6-5), prolongeable par avenant jusqu'à ${d.protocoleTotalMaxMois} mois.`);
  if (n > d.surendettementMaxMois) a.push(`Le plan dure ${n} mois : au-delà des ${d.surendettementMaxMois} mois${d.surendettementMaxMois % 12 === 0 ? ` (${d.surendettementMaxMois / 12} ans)` : ""} d'un plan de surendettement (C. consommation L.732-3).`);
  return a;
}
