import { ErreurLogsoc } from "../errors.ts";
import { aujourdhui, type DateISO } from "../date.ts";
import { valider } from "../schemas.ts";
import { PlanApurementArgs, ResteAVivreArgs, TauxEffortArgs, UnitesConsommationArgs } from "../schemas.ts";
import { BaremeArgs, CapaciteRemboursementArgs, PlafondRessourcesArgs, QuotiteSaisissableArgs, RsaForfaitaireArgs } from "../schemasBaremes.ts";
import { rsaForfaitaire } from "../rsa.ts";
import { capaciteRemboursement } from "../capaciteRemboursement.ts";
import { resteAVivre } from "../resteAVivre.ts";
import { tauxEffort } from "../tauxEffort.ts";
import { planApurement } from "../planApurement.ts";
import { unitesConsommation } from "../foyer.ts";
import { quotiteSaisissable } from "../quotiteSaisissable.ts";
import { plafondRessources } from "../plafondsRessources.ts";
import { CATALOGUE, dateFr, type CatalogueBaremes } from "../baremes/catalogue.ts";
import { clesFeuilles, valeurParCle } from "../baremes/cle.ts";
import { coercer, type ValeurArgument, type ValeurBrute } from "../fonctions/arguments.ts";
import { REGISTRE, trouverFonction, type Registre } from "../fonctions/registre.ts";
import { ENTETE_PLAN } from "../planApurement.ts";
import type { Cellule, ContexteCalcul, DefinitionFonction, Resultat } from "../fonctions/types.ts";
import { baremeEtape, statutDesEtapes, Traceur, type Trace } from "./traceur.ts";
import type { Explication } from "./types.ts";

/**
 * The explanation of each LOGSOC function: the function's arguments checked by the same schemas as
 * `evaluer`, then the same engine function, given a recorder. `expliquer` / `expliquerObjet` mirror
 * `evaluer` / `evaluerObjet` (positional and named calls), so every surface calls one function. They
 * live here, not in fonctions/registre.ts, which this module imports: a re-export there would make an
 * import cycle.
 */

type Expliquant = (args: Record<string, ValeurArgument>, ctx: ContexteCalcul, t: Trace) => Resultat;

function catalogue(ctx: ContexteCalcul): CatalogueBaremes {
  return ctx.baremes ?? CATALOGUE;
}

function date(d: string | undefined, ctx: ContexteCalcul): DateISO {
  return (d ?? ctx.aujourdhui) as DateISO;
}

const EXPLIQUANTS: Record<string, Expliquant> = {
  RESTE_A_VIVRE(brut, _ctx, t) {
    const a = valider(ResteAVivreArgs, brut);
    return resteAVivre(a.ressources, a.charges, { personnes14Plus: a.personnes_14_plus, enfantsMoins14: a.enfants_moins_14 }, a.methode, {}, t).toNumber();
  },
  TAUX_EFFORT(brut, _ctx, t) {
    const a = valider(TauxEffortArgs, brut);
    return tauxEffort(a.loyer, a.charges, a.aide_logement, a.ressources, t).toNumber();
  },
  PLAN_APUREMENT(brut, _ctx, t) {
    const a = valider(PlanApurementArgs, brut);
    const plan = planApurement(
      { dette: a.dette, mensualite: a.mensualite ?? null, duree: a.duree ?? null, premiereEcheance: (a.premiere_echeance as DateISO | undefined) ?? null, loyerResiduel: a.loyer_residuel ?? null },
      { trace: t },
    );
    const lignes: Cellule[][] = [[...ENTETE_PLAN]];
    for (const e of plan.echeances) {
      lignes.push([e.numero, e.date === null ? null : { date: e.date }, e.repriseDette.toNumber(), e.loyerResiduel?.toNumber() ?? null, e.totalAVerser?.toNumber() ?? null, e.resteDu.toNumber()]);
    }
    return lignes;
  },
  UNITES_CONSOMMATION(brut, _ctx, t) {
    const a = valider(UnitesConsommationArgs, brut);
    return unitesConsommation({ personnes14Plus: a.personnes_14_plus, enfantsMoins14: a.enfants_moins_14 }, undefined, undefined, t).toNumber();
  },
  RSA_FORFAITAIRE(brut, ctx, t) {
    const a = valider(RsaForfaitaireArgs, brut);
    return rsaForfaitaire(
      { couple: a.couple, enfants: a.enfants, ...(a.personnes_25_plus !== undefined ? { personnes25Plus: a.personnes_25_plus } : {}) },
      date(a.date, ctx),
      { forfaitLogement: a.forfait_logement, isolementMajore: a.isolement_majore, catalogue: catalogue(ctx), trace: t },
    ).toNumber();
  },
  CAPACITE_REMBOURSEMENT(brut, ctx, t) {
    const a = valider(CapaciteRemboursementArgs, brut);
    return capaciteRemboursement(
      {
        ressources: a.ressources,
        charges: a.charges,
        couple: a.couple,
        enfants: a.enfants,
        isolementMajore: a.isolement_majore,
        ...(a.ressources_conjoint !== undefined ? { ressourcesConjoint: a.ressources_conjoint } : {}),
        ...(a.personnes_25_plus !== undefined ? { personnes25Plus: a.personnes_25_plus } : {}),
      },
      date(a.date, ctx),
      catalogue(ctx),
      t,
    ).toNumber();
  },
  QUOTITE_SAISISSABLE(brut, ctx, t) {
    const a = valider(QuotiteSaisissableArgs, brut);
    return quotiteSaisissable(a.remuneration_mensuelle_nette, a.personnes_a_charge, date(a.date, ctx), catalogue(ctx), t).toNumber();
  },
  PLAFOND_RESSOURCES(brut, ctx, t) {
    const a = valider(PlafondRessourcesArgs, brut);
    return plafondRessources(a.financement, a.categorie, a.zone, date(a.date, ctx), catalogue(ctx), t).toNumber();
  },
  BAREME(brut, ctx, t) {
    const a = valider(BaremeArgs, brut);
    const cat = catalogue(ctx);
    const b = cat.bareme(a.identifiant);
    const version = cat.enVigueur(b.id, date(a.date, ctx));
    const cle = a.cle ?? b.clePrincipale;
    if (cle === undefined) {
      throw new ErreurLogsoc("CLE_INCONNUE", `Le barème ${b.id} n'a pas de valeur principale : indiquez une clé. Clés possibles : ${clesFeuilles(version.valeurs).join(", ")}.`, ["cle"]);
    }
    const trouvee = valeurParCle(version.valeurs, cle, { bareme: b.id, dateEffet: dateFr(version.dateEffet) });
    // The barème's unit is a sentence (« € par mois (montant pour une personne seule) ; taux … »): its first part names the unit.
    t.bareme(`${b.libelle} : ${trouvee.cle}`, trouvee.valeur, b.unite.split(/\s*[:;(]/)[0]!.trim(), baremeEtape(b.id, version, trouvee.cle), version.source.reference);
    return trouvee.valeur;
  },
};

/** Whether a LOGSOC function (by its Excel name) can explain its result: every one of the registry does. */
export function saitExpliquer(nom: string): boolean {
  return Object.hasOwn(EXPLIQUANTS, nom);
}

/** "Today" read only when a function needs it, as `evaluer` does. */
function contexte(ctx?: Partial<ContexteCalcul>): ContexteCalcul {
  return {
    get aujourdhui() {
      return ctx?.aujourdhui ?? aujourdhui();
    },
    ...(ctx?.baremes !== undefined ? { baremes: ctx.baremes } : {}),
  };
}

function expliquant(f: DefinitionFonction): Expliquant {
  const e = EXPLIQUANTS[f.nom];
  if (e === undefined) throw new ErreurLogsoc("ENTREE_INVALIDE", `La fonction ${f.nom} ne sait pas encore expliquer son résultat.`, ["fonction"]);
  return e;
}

function executer(f: DefinitionFonction, args: Record<string, ValeurArgument>, ctx?: Partial<ContexteCalcul>): Explication {
  const t = new Traceur();
  const resultat = expliquant(f)(args, contexte(ctx), t);
  return { resultat, statut: statutDesEtapes(t.etapes), etapes: t.etapes };
}

/** Positional call, as `evaluer`: one raw value per argument, in Excel's order. */
export function expliquer(nom: string, valeurs: readonly ValeurBrute[], ctx?: Partial<ContexteCalcul>, registre: Registre = REGISTRE): Explication {
  const f = trouverFonction(nom, registre);
  if (valeurs.length > f.arguments.length) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", `${f.nom} accepte au plus ${f.arguments.length} arguments (${valeurs.length} reçus).`, [f.nom]);
  }
  const args: Record<string, ValeurArgument> = {};
  f.arguments.forEach((def, i) => {
    const v = coercer(def, valeurs[i]);
    if (v !== null) args[def.nom] = v;
  });
  return executer(f, args, ctx);
}

/** Named call, as `evaluerObjet`: keys are the Excel argument names; unknown keys are refused. */
export function expliquerObjet(nom: string, valeurs: Readonly<Record<string, ValeurBrute>>, ctx?: Partial<ContexteCalcul>, registre: Registre = REGISTRE): Explication {
  const f = trouverFonction(nom, registre);
  const inconnus = Object.keys(valeurs).filter((k) => !f.arguments.some((a) => a.nom === k));
  if (inconnus.length > 0) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", `Argument(s) inconnu(s) pour ${f.nom} : ${inconnus.join(", ")}. Attendus : ${f.arguments.map((a) => a.nom).join(", ")}.`, inconnus);
  }
  const args: Record<string, ValeurArgument> = {};
  for (const def of f.arguments) args[def.nom] = coercer(def, valeurs[def.nom]);
  return executer(f, args, ctx);
}
