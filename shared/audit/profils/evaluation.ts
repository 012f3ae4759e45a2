import { ErreurLogsoc } from "../../errors.ts";
import { METHODES_RAV, type MethodeRav } from "../../resteAVivre.ts";
import { MONTANT_MAX } from "../../schemas.ts";
import { CHARGES, indicateursEvaluation, LIGNES_DETTES, RESSOURCES, type SaisieEvaluation } from "../../modeles/evaluation.ts";
import { contexteBaremes } from "../../modeles/sources.ts";
import { attenduId } from "./commun.ts";
import type { Attendu, ErreurAttendue, Incoherence, ProfilModele, ValeurAttendue } from "./types.ts";

const ID_RAV: Record<MethodeRav, string> = {
  mensuel: "resultats.ravMensuel",
  jour_personne: "resultats.ravJourPersonne",
  uc: "resultats.ravUc",
  jour_uc: "resultats.ravJourUc",
};

const entierEntre = (x: number | null, min: number, max: number): x is number => x !== null && Number.isInteger(x) && x >= min && x <= max;

export const PROFIL_EVALUATION: ProfilModele = {
  type: "evaluation",
  datesDossier: ["evaluation.date"],

  recalculer(s, { spec, dateBaremes, catalogue }) {
    const incoherences: Incoherence[] = [];
    // Blank counts are read as the template reads them: no children.
    const p14 = s.nombre("foyer.personnes14Plus");
    const e14 = s.renseigne("foyer.enfantsMoins14") ? s.nombre("foyer.enfantsMoins14") : 0;
    const couple = s.ouiNon("foyer.couple") === true;
    const foyerValide = entierEntre(p14, 1, 30) && entierEntre(e14, 0, 30);
    // An amount out of range is reported by the input check, and the engine refuses the whole budget:
    // the figures are not compared until it is corrected.
    const ids = [...RESSOURCES.map((r) => `ressources.${r.cle}`), ...CHARGES.map((c) => `charges.${c.cle}`), ...Array.from({ length: LIGNES_DETTES }, (_, i) => `dettes.l${i + 1}.montant`)];
    const montantsValides = ids.every((id) => !s.renseigne(id) || ((s.nombre(id) ?? -1) >= 0 && (s.nombre(id) ?? 0) <= MONTANT_MAX));
    if (!montantsValides) return { attendus: [], incoherences };

    const montants = <K extends string>(cles: readonly { cle: K }[], prefixe: string) =>
      Object.fromEntries(cles.filter((x) => s.renseigne(`${prefixe}.${x.cle}`)).map((x) => [x.cle, s.nombre(`${prefixe}.${x.cle}`)!])) as Partial<Record<K, number>>;
    const saisie = (avecCouple: boolean): SaisieEvaluation => ({
      date: s.date("evaluation.date") ?? dateBaremes,
      personnes14Plus: foyerValide ? p14 : 1,
      enfantsMoins14: foyerValide ? e14 : 0,
      couple: avecCouple,
      // Layout 2: RSA majoré pour isolement (CASF L.262-9).
      isolementMajore: s.ouiNon("foyer.isolementMajore") === true,
      ressources: montants(RESSOURCES, "ressources"),
      charges: montants(CHARGES, "charges"),
      dettes: Array.from({ length: LIGNES_DETTES }, (_, i) => s.nombre(`dettes.l${i + 1}.montant`) ?? 0)
        .filter((m) => m > 0)
        .map((montant) => ({ creancier: "", nature: "", montant })),
    });
    const ctx = contexteBaremes(dateBaremes, catalogue);
    // The engine validates the composition (a couple counts two persons of 14 or more): then the figures
    // that depend on the couple are errors, as the template's #N/A, and the others are still compared.
    let compositionRefusee: ErreurAttendue | null = null;
    let r: ReturnType<typeof indicateursEvaluation>;
    try {
      r = indicateursEvaluation(saisie(couple), ctx);
    } catch (e) {
      if (!(e instanceof ErreurLogsoc)) throw e;
      compositionRefusee = { erreur: e.message };
      incoherences.push({ id: e.chemin[1] === "couple" ? "foyer.couple" : e.chemin[1] === "isolementMajore" ? "foyer.isolementMajore" : "foyer.personnes14Plus", message: e.message, attendu: "une composition possible du foyer" });
      r = indicateursEvaluation(saisie(false), ctx);
    }
    const composition: ErreurAttendue = { erreur: "La composition du foyer n'est pas valide : le calcul est impossible." };
    const parFoyer = (v: number | null, erreur?: { message: string }): ValeurAttendue => (compositionRefusee ?? (!foyerValide ? composition : erreur ? { erreur: erreur.message } : v));
    const rav = (m: MethodeRav) => r.resteAVivre.find((x) => x.methode === m)!.valeur;
    const cap = r.capaciteRemboursement;

    const attendus: Attendu[] = [
      attenduId(spec, "foyer.personnes", "nombre", foyerValide ? p14 + e14 : composition),
      attenduId(spec, "foyer.uc", "nombre", foyerValide ? r.foyer.unitesConsommation : composition),
      attenduId(spec, "foyer.personnesACharge", "nombre", parFoyer(cap.personnesACharge - (couple ? 1 : 0))),
      attenduId(spec, "resultats.totalRessources", "montant", r.ressources.total),
      attenduId(spec, "resultats.totalCharges", "montant", r.charges.total),
      attenduId(spec, "resultats.totalDettes", "montant", r.totalDettes.toNumber()),
      ...METHODES_RAV.map((m) => attenduId(spec, ID_RAV[m], "montant", m === "mensuel" || foyerValide ? rav(m) : composition)),
      // Layout 2: nothing typed (no resources, no charges) shows nothing rather than #DIV/0!.
      attenduId(spec, "resultats.tauxEffort", "ratio", r.ressources.total === 0 && r.charges.total === 0 ? null : r.tauxEffort.erreur ? { erreur: r.tauxEffort.erreur.message } : r.tauxEffort.valeur),
      attenduId(spec, "resultats.capaciteRemboursement", "montant", parFoyer(cap.valeur, cap.erreur)),
      attenduId(spec, "resultats.rsaFoyer", "montant", parFoyer(cap.rsaForfaitaireFoyer, cap.erreur)),
      attenduId(spec, "resultats.quotiteSaisissable", "montant", parFoyer(cap.quotiteSaisissable, cap.erreur)),
    ];
    if (r.tauxEffort.erreur?.code === "HORS_LIMITES") {
      incoherences.push({ id: "ressources.aideLogement", message: r.tauxEffort.erreur.message, attendu: "une aide au logement au plus égale au loyer et aux charges locatives" });
    }
    return { attendus, incoherences };
  },

  // Activity 4 « Réalise une évaluation économique de la famille »: A04-C01 builds the budget
  // (totals), A04-C02 the reste à vivre, A04-C03 the family's economic potential (capacité de
  // remboursement). Activity 12 « Oriente vers dispositifs d'aide à l'accès au logement », A12-C01:
  // solvency through the reste à vivre « au regard du logement » (taux d'effort). Activity 20
  // « Assure le traitement social de l'impayé », A20-C02: revenus, dépenses, dettes → marges de manœuvre.
  competences: () => [
    { competence: "A04-C01", ids: ["resultats.totalRessources", "resultats.totalCharges"] },
    { competence: "A04-C02", ids: ["resultats.ravMensuel", "resultats.ravJourPersonne", "resultats.ravUc", "resultats.ravJourUc"] },
    { competence: "A04-C03", ids: ["resultats.capaciteRemboursement"] },
    { competence: "A12-C01", ids: ["resultats.tauxEffort", "resultats.ravMensuel"] },
    { competence: "A20-C02", ids: ["resultats.totalRessources", "resultats.totalCharges", "resultats.totalDettes", "resultats.capaciteRemboursement"] },
  ],

  reponses: () => [
    "foyer.uc",
    "resultats.totalRessources",
    "resultats.totalCharges",
    "resultats.totalDettes",
    "resultats.ravMensuel",
    "resultats.ravJourPersonne",
    "resultats.ravUc",
    "resultats.ravJourUc",
    "resultats.tauxEffort",
    "resultats.capaciteRemboursement",
  ],
};
