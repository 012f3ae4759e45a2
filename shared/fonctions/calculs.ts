import { resteAVivre } from "../resteAVivre.ts";
import { tauxEffort } from "../tauxEffort.ts";
import { planApurement, ENTETE_PLAN } from "../planApurement.ts";
import { unitesConsommation } from "../foyer.ts";
import { PlanApurementArgs, ResteAVivreArgs, TauxEffortArgs, UnitesConsommationArgs, valider } from "../schemas.ts";
import type { DateISO } from "../date.ts";
import type { Cellule, DefinitionFonction } from "./types.ts";


export const RESTE_A_VIVRE: DefinitionFonction = {
  nom: "RESTE_A_VIVRE",
  schema: ResteAVivreArgs,
  description: "Calcule le reste à vivre du foyer (ressources moins charges) selon la méthode choisie.",
  arguments: [
    { nom: "ressources", description: "Ressources mensuelles du foyer, en euros (nombre ou plage).", type: "montant", optionnel: false },
    { nom: "charges", description: "Charges mensuelles du foyer, en euros (nombre ou plage).", type: "montant", optionnel: false },
    { nom: "personnes_14_plus", description: "Nombre de personnes de 14 ans ou plus, demandeur compris.", type: "entier", optionnel: true, defaut: "1" },
    { nom: "enfants_moins_14", description: "Nombre d'enfants de moins de 14 ans.", type: "entier", optionnel: true, defaut: "0" },
    { nom: "methode", description: "Méthode : mensuel, jour_personne, uc ou jour_uc.", type: "texte", optionnel: true, defaut: "mensuel" },
  ],
  resultat: { type: "nombre", format: "euros" },
  calculer(brut, _ctx, trace) {
    const a = valider(ResteAVivreArgs, brut);
    const foyer = { personnes14Plus: a.personnes_14_plus, enfantsMoins14: a.enfants_moins_14 };
    return resteAVivre(a.ressources, a.charges, foyer, a.methode, {}, trace).toNumber();
  },
};

export const TAUX_EFFORT: DefinitionFonction = {
  nom: "TAUX_EFFORT",
  schema: TauxEffortArgs,
  description: "Calcule le taux d'effort (loyer + charges − aide au logement) / ressources, selon l'arrêté du 10 mars 2011.",
  arguments: [
    { nom: "loyer", description: "Loyer principal et annexes, en euros par mois.", type: "montant", optionnel: false },
    { nom: "charges", description: "Charges récupérables (et forfait eau/chauffage individuels), en euros par mois.", type: "montant", optionnel: false },
    { nom: "aide_logement", description: "Aide au logement (APL, ALS, ALF), en euros par mois.", type: "montant", optionnel: false },
    { nom: "ressources", description: "Ressources mensuelles des personnes qui vivront au foyer, en euros.", type: "montant", optionnel: false },
  ],
  resultat: { type: "nombre", format: "taux" },
  calculer(brut, _ctx, trace) {
    const a = valider(TauxEffortArgs, brut);
    return tauxEffort(a.loyer, a.charges, a.aide_logement, a.ressources, trace).toNumber();
  },
};

export const PLAN_APUREMENT: DefinitionFonction = {
  nom: "PLAN_APUREMENT",
  schema: PlanApurementArgs,
  description: "Établit l'échéancier d'un plan d'apurement de dette locative (par mensualité, par durée ou plan CAF de 36 mois).",
  arguments: [
    { nom: "dette", description: "Montant de la dette locative, en euros.", type: "montant", optionnel: false },
    { nom: "mensualite", description: "Mensualité de reprise de dette, en euros.", type: "montant", optionnel: true, defaut: "calculée" },
    { nom: "duree", description: "Durée en mois (maximum si une mensualité est donnée).", type: "entier", optionnel: true, defaut: "36 (plan CAF) si aucune mensualité" },
    { nom: "premiere_echeance", description: "Date de la première échéance.", type: "date", optionnel: true, defaut: "aucune date" },
    { nom: "loyer_residuel", description: "Loyer résiduel mensuel (loyer + charges − aide) à verser en plus.", type: "montant", optionnel: true, defaut: "non renseigné" },
  ],
  // N°, Échéance (a date cell), then amounts: as ENTETE_PLAN lists them.
  resultat: { type: "tableau", colonnes: ["entier", null, "euros", "euros", "euros", "euros"] },
  calculer(brut, _ctx, trace) {
    const a = valider(PlanApurementArgs, brut);
    const plan = planApurement(
      {
        dette: a.dette,
        mensualite: a.mensualite ?? null,
        duree: a.duree ?? null,
        premiereEcheance: (a.premiere_echeance as DateISO | undefined) ?? null,
        loyerResiduel: a.loyer_residuel ?? null,
      },
      trace === undefined ? {} : { trace },
    );
    const lignes: Cellule[][] = [[...ENTETE_PLAN]];
    for (const e of plan.echeances) {
      lignes.push([
        e.numero,
        e.date === null ? null : { date: e.date },
        e.repriseDette.toNumber(),
        e.loyerResiduel === null ? null : e.loyerResiduel.toNumber(),
        e.totalAVerser === null ? null : e.totalAVerser.toNumber(),
        e.resteDu.toNumber(),
      ]);
    }
    return lignes;
  },
};

export const UNITES_CONSOMMATION: DefinitionFonction = {
  // "UC" (its first name) breaks Excel's naming rule, a name of at least three characters (DESIGN §5.1).
  nom: "UNITES_CONSOMMATION",
  alias: ["UC"],
  schema: UnitesConsommationArgs,
  description: "Calcule le nombre d'unités de consommation du foyer (échelle OCDE modifiée, Insee).",
  arguments: [
    { nom: "personnes_14_plus", description: "Nombre de personnes de 14 ans ou plus, demandeur compris.", type: "entier", optionnel: false },
    { nom: "enfants_moins_14", description: "Nombre d'enfants de moins de 14 ans.", type: "entier", optionnel: true, defaut: "0" },
  ],
  resultat: { type: "nombre", format: "decimal" },
  calculer(brut, _ctx, trace) {
    const a = valider(UnitesConsommationArgs, brut);
    return unitesConsommation({ personnes14Plus: a.personnes_14_plus, enfantsMoins14: a.enfants_moins_14 }, undefined, undefined, trace).toNumber();
  },
};

export const FONCTIONS_CALCUL = [RESTE_A_VIVRE, TAUX_EFFORT, PLAN_APUREMENT, UNITES_CONSOMMATION] as const;
