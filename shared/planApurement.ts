import { arrondiCentime, arrondiCentimeSuperieur, dec, ZERO, type DecimalInput, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { ajouterMois, aujourdhui, type DateISO } from "./date.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import type { ValeursDureesApurement } from "./baremes/valeurs.ts";
import { formatEuros } from "./format.ts";
import type { VersionBareme } from "./baremes/schema.ts";
import { baremeEtape, SANS_TRACE, type Ref, type Trace } from "./explication/traceur.ts";

/** The schedule's columns, as the plan is read by the adviser (Excel spill, templates, audit, explanations). */
export const ENTETE_PLAN = ["N°", "Échéance", "Reprise de dette", "Loyer résiduel", "Total à verser", "Reste dû"] as const;

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
  /** Records the steps (explanations); the plan itself does not change. */
  trace?: Trace;
}

/**
 * Builds a rent-arrears repayment schedule (DESIGN §4). The CAF default plan's length and the
 * durations the warnings compare with come from the `durees_apurement` barème in force on the date. Amounts are taken to the cent; every
 * instalment but the last equals the mensualité and the last is the remainder, so the instalments
 * add up to the debt exactly and none is larger than the first.
 */
export function planApurement(e: PlanApurementEntree, options: OptionsPlan = {}): PlanApurement {
  const versionDurees = (options.catalogue ?? CATALOGUE).enVigueur("durees_apurement", options.date ?? aujourdhui());
  const durees = versionDurees.valeurs;
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

  const t = options.trace ?? SANS_TRACE;
  if (t.actif) tracerPlan(t, { mode, dette, mensualite, duree, n, loyer, derniere: echeances[n - 1]!.repriseDette, planCafMois: durees.planCafMois, versionDurees });

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

/** The plan's figures as steps; the last one is the last instalment, the remainder of the debt. */
function tracerPlan(
  t: Trace,
  p: {
    mode: ModePlan;
    dette: Montant;
    mensualite: Montant;
    duree: number | null;
    n: number;
    loyer: Montant | null;
    derniere: Montant;
    planCafMois: number;
    versionDurees: Pick<VersionBareme<unknown>, "dateEffet" | "statut" | "statutsCellules" | "source">;
  },
): void {
  const { dette, mensualite, n } = p;
  const refDette = t.entree("Dette locative", dette, "€", "dette");
  t.marquer("dette", refDette);
  let refMensualite: Ref;
  if (p.mode === "mensualite") {
    refMensualite = t.entree("Mensualité de reprise de dette", mensualite, "€/mois", "mensualite");
  } else {
    const mois = p.mode === "duree" ? p.duree! : p.planCafMois;
    const refDuree =
      p.mode === "duree"
        ? t.entree("Durée du plan", mois, "mois", "duree")
        : t.bareme("Durée du plan CAF par défaut (ni mensualité ni durée données)", mois, "mois", baremeEtape("durees_apurement", p.versionDurees, "planCafMois"), "CCH R.824-12 : 1/36 de la dette pendant 36 mois");
    const q = dette.dividedBy(mois);
    const refQ = t.calcul("Dette / durée", "dette / durée", q, "€/mois", { type: "quotient", dividende: refDette, diviseur: refDuree });
    refMensualite = q.equals(mensualite)
      ? refQ
      : t.calcul("Mensualité de reprise de dette", "dette / durée arrondie au centime supérieur (le plan ne dure jamais plus que prévu)", mensualite, "€/mois", {
          type: "arrondi",
          de: refQ,
          decimales: 2,
          sens: "superieur",
        });
  }
  t.marquer("mensualite", refMensualite);
  const q = dette.dividedBy(mensualite);
  const refQ = t.calcul("Dette / mensualité", "dette / mensualité", q, "mois", { type: "quotient", dividende: refDette, diviseur: refMensualite });
  const refN = q.equals(n) ? refQ : t.calcul("Nombre d'échéances", "dette / mensualité arrondie à l'entier supérieur", n, "échéances", { type: "arrondi", de: refQ, decimales: 0, sens: "superieur" });
  t.marquer("nombreEcheances", refN);
  if (p.loyer !== null) {
    const refLoyer = t.entree("Loyer résiduel", p.loyer, "€/mois", "loyer_residuel");
    t.calcul("Total à verser à chaque échéance pleine", "mensualité + loyer résiduel", mensualite.plus(p.loyer), "€/mois", { type: "somme", termes: [refMensualite, refLoyer] });
  }
  if (n === 1) {
    t.marquer("derniere", t.calcul("Dernière échéance (reprise de dette)", "une seule échéance : toute la dette", p.derniere, "€", { type: "reprise", de: refDette }));
    return;
  }
  const refUn = t.constante("La dernière échéance", 1, "échéance", "La dernière échéance solde la dette (reste dû)");
  const refPleines = t.calcul("Échéances pleines (avant la dernière)", "nombre d'échéances − 1", n - 1, "échéances", { type: "difference", de: refN, moins: refUn });
  const refVerse = t.calcul("Repris par les échéances pleines", "mensualité × échéances pleines", mensualite.times(n - 1), "€", { type: "produit", facteurs: [refMensualite, refPleines] });
  t.marquer("pleines", refVerse);
  t.marquer("derniere", t.calcul(`Dernière échéance (n° ${n}, reprise de dette)`, "dette − reprise des échéances pleines", p.derniere, "€", { type: "difference", de: refDette, moins: refVerse }));
}

function avertissementsDuree(n: number, d: ValeursDureesApurement): string[] {
  const a: string[] = [];
  if (n > d.planCafMois) a.push(`Le plan dure ${n} mois : au-delà des ${d.planCafMois} mois du plan par défaut de la CAF (CCH R.824-12) et des ${d.delaisJudiciairesMaxMois} mois de délais qu'un juge peut accorder (loi 89-462, art. 24 V).`);
  if (n > d.protocoleMois) a.push(`Le plan dure ${n} mois : au-delà des ${d.protocoleMois} mois d'un protocole de cohésion sociale (CCH L.353-15-2, L.442-6-5), prolongeable par avenant jusqu'à ${d.protocoleTotalMaxMois} mois.`);
  if (n > d.surendettementMaxMois) a.push(`Le plan dure ${n} mois : au-delà des ${d.surendettementMaxMois} mois${d.surendettementMaxMois % 12 === 0 ? ` (${d.surendettementMaxMois / 12} ans)` : ""} d'un plan de surendettement (C. consommation L.732-3).`);
  return a;
}
