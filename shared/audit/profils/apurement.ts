import { versSerieExcel } from "../../date.ts";
import { ErreurLogsoc, estErreurLogsoc } from "../../errors.ts";
import { MAX_ECHEANCES, planApurement, type PlanApurement } from "../../planApurement.ts";
import { LIGNES_BLOC_SIGNATURE, PREMIERE_LIGNE_ECHEANCIER } from "../../modeles/apurement.ts";
import { ENTETE_PLAN } from "../../planApurement.ts";
import { attenduId } from "./commun.ts";
import type { SpecModele } from "../../modeles/spec.ts";
import type { Attendu, Incoherence, ProfilModele } from "./types.ts";

/** The engine's argument names (ErreurLogsoc.chemin) → the template's input ids. */
const ARGUMENTS: Record<string, string> = {
  dette: "plan.dette",
  mensualite: "plan.mensualite",
  duree: "plan.duree",
  loyer_residuel: "plan.loyerResiduel",
};

/** Columns of the schedule, in ENTETE_PLAN order. */
const COLONNES = ["A", "B", "C", "D", "E", "F"] as const;

/** Where each cell of the schedule is and how it reads, built once (a cohort audits thousands of rows). */
let positionsEcheancier: { ref: string; libelle: string; nature: Attendu["nature"] }[][] | undefined;
function echeancier() {
  return (positionsEcheancier ??= Array.from({ length: MAX_ECHEANCES }, (_, j) =>
    COLONNES.map((c, i) => ({
      ref: `${c}${PREMIERE_LIGNE_ECHEANCIER + j}`,
      libelle: `Échéancier, échéance ${j + 1} : ${ENTETE_PLAN[i]!.toLowerCase()}`,
      nature: i === 0 ? ("nombre" as const) : i === 1 ? ("date" as const) : ("montant" as const),
    })),
  ));
}

function attendusPlan(spec: SpecModele, plan: PlanApurement | { erreur: string }, vide = false): Attendu[] {
  const attendus: Attendu[] = [];
  const ok = !("erreur" in plan);
  // Layout 2: with no dette typed, the results stay empty instead of #N/A.
  const err = vide ? null : { erreur: "erreur" in plan ? plan.erreur : "" };
  attendus.push(
    attenduId(spec, "plan.detteRetenue", "montant", ok ? plan.dette.toNumber() : err),
    attenduId(spec, "plan.mensualiteRetenue", "montant", ok ? plan.mensualite.toNumber() : err),
    attenduId(spec, "plan.nombreEcheances", "nombre", ok ? plan.nombreEcheances : err),
    attenduId(spec, "plan.derniereEcheance", "montant", ok ? plan.echeances.at(-1)!.repriseDette.toNumber() : err),
    attenduId(spec, "plan.totalRembourse", "montant", ok ? plan.totalRembourse.toNumber() : err),
  );
  // The schedule: every row of the template, the plan's instalments then blank rows.
  const positions = echeancier();
  const vides = [null, null, null, null, null, null];
  for (let k = 1; k <= MAX_ECHEANCES; k++) {
    const e = ok ? plan.echeances[k - 1] : undefined;
    const valeurs = e
      ? [e.numero, e.date === null ? null : versSerieExcel(e.date), e.repriseDette.toNumber(), e.loyerResiduel?.toNumber() ?? null, e.totalAVerser?.toNumber() ?? null, e.resteDu.toNumber()]
      : vides;
    const ligne = positions[k - 1]!;
    for (let i = 0; i < COLONNES.length; i++) {
      // Layout 2: column A below the last instalment prints the signature block (text, not a figure).
      if (i === 0 && (ok || vide) && e === undefined && k - (ok ? plan.nombreEcheances : 0) <= LIGNES_BLOC_SIGNATURE) continue;
      const { ref, libelle, nature } = ligne[i]!;
      attendus.push({ cle: "plan", ref, libelle, nature, valeur: valeurs[i]!, groupe: "Échéancier" });
    }
  }
  return attendus;
}

export const PROFIL_APUREMENT: ProfilModele = {
  type: "apurement",
  // The plan is signed on this day: the reference durations (CAF default plan) must be those in force.
  datesDossier: ["signature.date"],

  recalculer(s, { spec }) {
    const incoherences: Incoherence[] = [];
    let plan: PlanApurement | { erreur: string };
    // A text where a number is expected is reported by the input check; the template then shows errors.
    const nonNumerique = ["plan.dette", "plan.mensualite", "plan.duree", "plan.loyerResiduel"].find((id) => s.renseigne(id) && s.nombre(id) === null);
    const facultatif = (id: string) => (s.renseigne(id) ? s.nombre(id) : null);
    try {
      if (nonNumerique !== undefined) throw new ErreurLogsoc("ENTREE_INVALIDE", "Un paramètre du plan n'est pas un nombre.", []);
      plan = planApurement({
        dette: s.nombre("plan.dette") ?? 0,
        mensualite: facultatif("plan.mensualite"),
        duree: facultatif("plan.duree"),
        premiereEcheance: s.date("plan.premiereEcheance"),
        loyerResiduel: facultatif("plan.loyerResiduel"),
      });
    } catch (e) {
      if (!estErreurLogsoc(e)) throw e;
      plan = { erreur: e.message };
      if (nonNumerique !== undefined) return { attendus: attendusPlan(spec, plan), incoherences };
      const id = ARGUMENTS[String(e.chemin[0])] ?? "plan.dette";
      incoherences.push({ id, message: e.message, attendu: "des paramètres qui permettent un plan" });
    }
    return { attendus: attendusPlan(spec, plan, !s.renseigne("plan.dette")), incoherences };
  },

  // Activity 21 « Assure le traitement administratif de l'impayé », skill A21-C02: « négocier, proposer
  // et gérer un plan d'apurement … réaliste des impayés de loyers ». The plan's instalment, its length
  // and its last instalment are what the adviser computes.
  competences: () => [{ competence: "A21-C02", ids: ["plan.mensualiteRetenue", "plan.nombreEcheances", "plan.derniereEcheance", "plan.totalRembourse"] }],

  reponses: () => ["plan.mensualiteRetenue", "plan.nombreEcheances", "plan.derniereEcheance", "plan.totalRembourse"],
};
