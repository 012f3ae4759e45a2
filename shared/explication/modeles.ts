import { arrondi, arrondiCentime, dec, somme, type Montant } from "../money.ts";
import { estErreurLogsoc } from "../errors.ts";
import type { DateISO } from "../date.ts";
import type { CatalogueBaremes } from "../baremes/catalogue.ts";
import { FINANCEMENTS, LIBELLES_ZONE, type Financement, type Zone } from "../baremes/valeurs.ts";
import { METHODES_RAV, resteAVivre, type MethodeRav } from "../resteAVivre.ts";
import { tauxEffort } from "../tauxEffort.ts";
import { unitesConsommation } from "../foyer.ts";
import { planApurement } from "../planApurement.ts";
import { categorieMenage } from "../categorieMenage.ts";
import { capaciteRemboursement, personnesAChargeCapacite } from "../capaciteRemboursement.ts";
import { quotiteSaisissable } from "../quotiteSaisissable.ts";
import { rsaForfaitaire } from "../rsa.ts";
import { plafondRessources } from "../plafondsRessources.ts";
import { CHARGES, LIGNES_DETTES, RESSOURCES } from "../modeles/evaluation.ts";
import { CANDIDATS_MAX, LETTRES_CANDIDATS, METHODES_FICHE } from "../modeles/cal.ts";
import type { Saisies } from "../audit/saisies.ts";
import { extraire, statutDesEtapes, Traceur, type Ref } from "./traceur.ts";
import type { Etape, Explication } from "./types.ts";

/**
 * Explanations of the results of LogSoc's templates (évaluation, fiche CALEOL, plan d'apurement), from
 * the dossier's inputs read by their ids, as the audit reads them: the task pane's « Expliquer » on a
 * named result, the audit's expected value for a finding, the exercises' « Corrigé commenté ».
 * Each indicator is the engine's own function, given a recorder; the template's sums around it are
 * steps too. A result whose inputs the engine refuses has no explanation (the audit reports why).
 */

export interface ContexteModele {
  /** The day the dossier's barèmes are read at when it gives no date of its own. */
  dateBaremes: DateISO;
  catalogue: CatalogueBaremes;
}

export type TypeModeleExplique = "evaluation" | "cal" | "apurement";

function explication(etapes: Etape[]): Explication {
  const derniere = etapes.at(-1)!;
  return { resultat: derniere.valeur, statut: statutDesEtapes(etapes), etapes };
}

/** Runs one indicator with a fresh recorder; a domain error (refused input) means no explanation. */
function tracer(f: (t: Traceur) => void): Explication | null {
  const t = new Traceur();
  try {
    f(t);
  } catch (e) {
    if (estErreurLogsoc(e)) return null;
    throw e;
  }
  return t.etapes.length === 0 ? null : explication(t.etapes);
}

const entierEntre = (x: number | null, min: number, max: number): x is number => x !== null && Number.isInteger(x) && x >= min && x <= max;

/** A sum of input lines as the template's SUM makes it, blank lines left out. */
function total(t: Traceur, lignes: readonly { libelle: string; montant: number }[], libelle: string): { ref: Ref; valeur: Montant } {
  const valeur = somme(lignes.map((l) => l.montant));
  if (lignes.length === 0) return { ref: t.constante(libelle, 0, "€/mois", "Aucune ligne renseignée"), valeur };
  const refs = lignes.map((l) => t.entree(l.libelle, l.montant, "€/mois"));
  return { ref: t.calcul(libelle, "somme des lignes renseignées", valeur, "€/mois", { type: "somme", termes: refs }), valeur };
}

// ——— Évaluation économique de la famille ————————————————————————————————————————————————————————

const ID_RAV: Record<MethodeRav, string> = {
  mensuel: "resultats.ravMensuel",
  jour_personne: "resultats.ravJourPersonne",
  uc: "resultats.ravUc",
  jour_uc: "resultats.ravJourUc",
};

function expliquerEvaluation(s: Saisies, ctx: ContexteModele): Map<string, Explication> {
  const r = new Map<string, Explication>();
  const date = s.date("evaluation.date") ?? ctx.dateBaremes;
  const ajouter = (id: string, x: Explication | null) => {
    if (x !== null) r.set(id, x);
  };
  const lignes = <K extends string>(liste: readonly { cle: K; libelle: string }[], prefixe: string) =>
    liste.filter((x) => s.renseigne(`${prefixe}.${x.cle}`)).map((x) => ({ cle: x.cle, libelle: x.libelle, montant: s.nombre(`${prefixe}.${x.cle}`) }));
  const ressources = lignes(RESSOURCES, "ressources");
  const charges = lignes(CHARGES, "charges");
  const dettes = Array.from({ length: LIGNES_DETTES }, (_, i) => ({ libelle: `Dette n° ${i + 1}`, id: `dettes.l${i + 1}.montant` }))
    .filter((d) => s.renseigne(d.id))
    .map((d) => ({ libelle: d.libelle, montant: s.nombre(d.id) }));
  // A text where an amount is expected breaks the template's sums: nothing to explain then.
  const nombres = <T extends { montant: number | null }>(ls: T[]) => (ls.every((l) => l.montant !== null) ? (ls as (T & { montant: number })[]) : null);
  const res = nombres(ressources);
  const chg = nombres(charges);
  const det = nombres(dettes);

  const p14 = s.nombre("foyer.personnes14Plus");
  const e14 = s.renseigne("foyer.enfantsMoins14") ? s.nombre("foyer.enfantsMoins14") : 0;
  const foyerValide = entierEntre(p14, 1, 30) && entierEntre(e14, 0, 30);
  const foyer = foyerValide ? { personnes14Plus: p14, enfantsMoins14: e14 } : null;

  if (foyer) {
    ajouter(
      "foyer.personnes",
      tracer((t) => {
        const a = t.entree("Personnes de 14 ans ou plus (demandeur compris)", foyer.personnes14Plus, "personnes", "personnes_14_plus");
        const b = t.entree("Enfants de moins de 14 ans", foyer.enfantsMoins14, "enfants", "enfants_moins_14");
        t.calcul("Personnes du foyer", "personnes de 14 ans ou plus + enfants de moins de 14 ans", foyer.personnes14Plus + foyer.enfantsMoins14, "personnes", { type: "somme", termes: [a, b] });
      }),
    );
    ajouter("foyer.uc", tracer((t) => void unitesConsommation(foyer, date, ctx.catalogue, t)));
  }
  if (res) ajouter("resultats.totalRessources", tracer((t) => void total(t, res, "Total des ressources mensuelles")));
  if (chg) ajouter("resultats.totalCharges", tracer((t) => void total(t, chg, "Total des charges mensuelles")));
  if (det) {
    ajouter(
      "resultats.totalDettes",
      tracer((t) => {
        const refs = det.map((d) => t.entree(d.libelle, d.montant, "€"));
        if (refs.length === 0) t.constante("Total des dettes", 0, "€", "Aucune dette renseignée");
        else t.calcul("Total des dettes", "somme des dettes renseignées", somme(det.map((d) => d.montant)), "€", { type: "somme", termes: refs });
      }),
    );
  }
  if (!res || !chg) return r;

  for (const m of METHODES_RAV) {
    if (m !== "mensuel" && !foyer) continue;
    ajouter(
      ID_RAV[m],
      tracer((t) => {
        const R = total(t, res, "Total des ressources mensuelles");
        const C = total(t, chg, "Total des charges mensuelles");
        resteAVivre(R.valeur, C.valeur, foyer ?? { personnes14Plus: 1, enfantsMoins14: 0 }, m, t.avec({ ressources: R.ref, charges: C.ref }));
      }),
    );
  }

  // Taux d'effort (arrêté du 10 mars 2011): the aide au logement is taken off the housing expense and
  // left out of the resources, as the engine's evaluation does.
  ajouter(
    "resultats.tauxEffort",
    tracer((t) => {
      const R = total(t, res, "Total des ressources mensuelles");
      const aide = dec(res.find((l) => l.cle === "aideLogement")?.montant ?? 0);
      const refAide = t.entree("Aide au logement (APL, ALF, ALS)", aide, "€/mois", "aide_logement");
      const retenues = R.valeur.minus(aide);
      const refRetenues = t.calcul("Ressources hors aide au logement", "total des ressources − aide au logement", retenues, "€/mois", { type: "difference", de: R.ref, moins: refAide }, { reference: "L'aide au logement, déduite de la dépense, n'est pas comptée dans les ressources" });
      const loyer = chg.find((l) => l.cle === "loyer")?.montant ?? 0;
      const locatives = chg.find((l) => l.cle === "chargesLocatives")?.montant ?? 0;
      const refLoyer = t.entree("Loyer (hors charges)", loyer, "€/mois", "loyer");
      const refCharges = t.entree("Charges locatives récupérables", locatives, "€/mois", "charges");
      tauxEffort(loyer, locatives, aide, retenues, t.avec({ loyer: refLoyer, charges: refCharges, aide_logement: refAide, ressources: refRetenues }));
    }),
  );

  // Capacité de remboursement (Banque de France), with its RSA floor and its quotité saisissable: the
  // foyer's RSA counts the applicant, the conjoint if any and every other person as a child.
  const couple = s.ouiNon("foyer.couple") === true;
  if (!foyer || (couple && foyer.personnes14Plus < 2)) return r;
  const composition = { couple, enfants: foyer.personnes14Plus + foyer.enfantsMoins14 - (couple ? 2 : 1) };
  const totaux = (t: Traceur) => {
    const R = total(t, res, "Total des ressources mensuelles");
    const C = total(t, chg, "Total des charges mensuelles");
    return { R, C, liees: t.avec({ ressources: R.ref, charges: C.ref, remuneration_mensuelle_nette: R.ref }) };
  };
  ajouter(
    "resultats.capaciteRemboursement",
    tracer((t) => {
      const { R, C, liees } = totaux(t);
      capaciteRemboursement({ ressources: R.valeur, charges: C.valeur, ...composition }, date, ctx.catalogue, liees);
    }),
  );
  ajouter("resultats.rsaFoyer", tracer((t) => void rsaForfaitaire(composition, date, { catalogue: ctx.catalogue, trace: t })));
  ajouter(
    "resultats.quotiteSaisissable",
    tracer((t) => {
      const { R, liees } = totaux(t);
      quotiteSaisissable(R.valeur, personnesAChargeCapacite(composition), date, ctx.catalogue, liees);
    }),
  );
  return r;
}

// ——— Fiche synthétique CALEOL ———————————————————————————————————————————————————————————————————

function expliquerCal(s: Saisies, ctx: ContexteModele): Map<string, Explication> {
  const r = new Map<string, Explication>();
  const date = s.date("seance.date") ?? ctx.dateBaremes;
  const texteVers = <T extends string>(valeurs: Record<T, string>, id: string): T | null => {
    const t = s.texte(id);
    return (Object.keys(valeurs) as T[]).find((k) => valeurs[k] === t) ?? null;
  };
  const methode = texteVers<MethodeRav>(METHODES_FICHE, "seance.methodeRav");
  const fin = s.texte("logement.financement");
  const financement = (FINANCEMENTS as readonly string[]).includes(fin ?? "") ? (fin as Financement) : null;
  const zone = texteVers<Zone>(LIBELLES_ZONE, "logement.zone");
  const montant = (id: string): number | null => (s.renseigne(id) ? s.nombre(id) : 0);
  const individuels = s.ouiNon("logement.eauChauffageIndividuels") === true;
  const loyer = montant("logement.loyer");
  const annexes = montant("logement.annexes");
  const charges = montant("logement.charges");
  const forfait = individuels ? montant("logement.forfaitCharges") : 0;
  const logementLisible = loyer !== null && annexes !== null && charges !== null && forfait !== null;

  for (const lettre of LETTRES_CANDIDATS.slice(0, CANDIDATS_MAX)) {
    const id = (x: string) => `candidat${lettre}.${x}`;
    if (!s.renseigne(id("personnes14Plus"))) continue;
    const p = s.nombre(id("personnes14Plus"));
    const e = s.renseigne(id("enfantsMoins14")) ? s.nombre(id("enfantsMoins14")) : 0;
    if (!entierEntre(p, 1, 30) || !entierEntre(e, 0, 30)) continue;
    const foyer = { personnes14Plus: p, enfantsMoins14: e };
    const set = (x: string, v: Explication | null) => {
      if (v !== null) r.set(id(x), v);
    };
    const personnes = (t: Traceur): Ref => {
      const a = t.entree("Personnes de 14 ans ou plus (demandeur compris)", p, "personnes", "personnes_14_plus");
      const b = t.entree("Enfants de moins de 14 ans", e, "enfants", "enfants_moins_14");
      return t.calcul("Personnes du ménage", "personnes de 14 ans ou plus + enfants de moins de 14 ans", p + e, "personnes", { type: "somme", termes: [a, b] });
    };
    set("personnes", tracer((t) => void personnes(t)));
    set("uc", tracer((t) => void unitesConsommation(foyer, date, ctx.catalogue, t)));

    const pac = s.renseigne(id("personnesACharge")) ? s.nombre(id("personnesACharge")) : 0;
    const cmi = s.renseigne(id("titulairesCmi")) ? s.nombre(id("titulairesCmi")) : 0;
    const categorie = (t: Traceur): number =>
      categorieMenage({ personnes: p + e, personnesACharge: pac ?? Number.NaN, jeuneMenage: s.ouiNon(id("jeuneMenage")) === true, personnesEnSituationDeHandicap: cmi ?? Number.NaN }, t.avec({ personnes: personnes(t) }));
    set("categorie", tracer((t) => void categorie(t)));
    let plafond: Montant | null = null;
    if (financement !== null && zone !== null) {
      set(
        "plafond",
        tracer((t) => {
          const c = categorie(t);
          plafond = plafondRessources(financement, c, zone, date, ctx.catalogue, t.avec({ categorie: t.derniere() }));
        }),
      );
      const rfr = s.nombre(id("rfr"));
      if (rfr !== null && plafond !== null) {
        set(
          "partPlafond",
          tracer((t) => {
            const c = categorie(t);
            const pl = plafondRessources(financement, c, zone, date, ctx.catalogue, t.avec({ categorie: t.derniere() }));
            const refPl = t.derniere();
            const refRfr = t.entree("Revenu fiscal de référence (année N-2)", rfr, "€/an", "rfr");
            const part = dec(rfr).dividedBy(pl);
            const refQ = t.calcul("Part du plafond", "revenu fiscal de référence / plafond", part, "taux", { type: "quotient", dividende: refRfr, diviseur: refPl });
            const arrondie = arrondi(part, 4);
            if (!arrondie.equals(part)) t.calcul("Part du plafond, arrondie", "arrondi à 4 décimales (0,01 %)", arrondie, "taux", { type: "arrondi", de: refQ, decimales: 4, sens: "au_plus_proche" });
          }),
        );
      }
    }

    const ressources = montant(id("ressources"));
    const aide = montant(id("aideLogement"));
    const autres = montant(id("autresCharges"));
    if (!logementLisible || ressources === null || aide === null || autres === null) continue;
    const logement = (t: Traceur) => ({
      loyer: t.entree("Loyer principal", loyer, "€/mois"),
      annexes: t.entree("Loyers annexes (garage, parking…)", annexes, "€/mois"),
      charges: t.entree("Charges récupérables", charges, "€/mois"),
      forfait: t.entree("Forfait eau et chauffage individuels", forfait, "€/mois"),
    });
    set(
      "tauxEffort",
      tracer((t) => {
        const l = logement(t);
        const refLoyer = t.calcul("Loyer et annexes", "loyer principal + annexes", dec(loyer).plus(annexes), "€/mois", { type: "somme", termes: [l.loyer, l.annexes] });
        const refCharges = t.calcul("Charges et forfait individuel", "charges récupérables + forfait eau/chauffage", dec(charges).plus(forfait), "€/mois", { type: "somme", termes: [l.charges, l.forfait] });
        tauxEffort(dec(loyer).plus(annexes), dec(charges).plus(forfait), aide, ressources, t.avec({ loyer: refLoyer, charges: refCharges }));
      }),
    );
    const rav = (m: MethodeRav) =>
      tracer((t) => {
        const l = logement(t);
        const refRes = t.entree("Ressources mensuelles du ménage", ressources, "€/mois");
        const refAide = t.entree("Aide au logement", aide, "€/mois");
        const refAutres = t.entree("Autres charges du ménage", autres, "€/mois");
        const R = dec(ressources).plus(aide);
        const C = somme([loyer, annexes, charges, forfait, autres]);
        const refR = t.calcul("Ressources, aide au logement comprise", "ressources + aide au logement", R, "€/mois", { type: "somme", termes: [refRes, refAide] });
        const refC = t.calcul("Charges, logement compris", "loyer + annexes + charges + forfait + autres charges", C, "€/mois", { type: "somme", termes: [l.loyer, l.annexes, l.charges, l.forfait, refAutres] });
        resteAVivre(R, C, foyer, m, t.avec({ ressources: refR, charges: refC }));
      });
    set("ravMensuel", rav("mensuel"));
    if (methode !== null) set("ravMethode", rav(methode));
  }
  return r;
}

// ——— Plan d'apurement —————————————————————————————————————————————————————————————————————————————

function expliquerApurement(s: Saisies, ctx: ContexteModele): Map<string, Explication> {
  const r = new Map<string, Explication>();
  const ids = ["plan.dette", "plan.mensualite", "plan.duree", "plan.loyerResiduel"];
  if (ids.some((id) => s.renseigne(id) && s.nombre(id) === null)) return r;
  const facultatif = (id: string) => (s.renseigne(id) ? s.nombre(id) : null);
  const t = new Traceur();
  try {
    planApurement(
      { dette: s.nombre("plan.dette") ?? 0, mensualite: facultatif("plan.mensualite"), duree: facultatif("plan.duree"), premiereEcheance: s.date("plan.premiereEcheance"), loyerResiduel: facultatif("plan.loyerResiduel") },
      { date: s.date("signature.date") ?? ctx.dateBaremes, catalogue: ctx.catalogue, trace: t },
    );
  } catch (e) {
    if (estErreurLogsoc(e)) return r;
    throw e;
  }
  const marque = (nom: string) => t.marques.get(nom)!;
  r.set("plan.detteRetenue", explication(extraire(t.etapes, marque("dette"))));
  r.set("plan.mensualiteRetenue", explication(extraire(t.etapes, marque("mensualite"))));
  r.set("plan.nombreEcheances", explication(extraire(t.etapes, marque("nombreEcheances"))));
  r.set("plan.derniereEcheance", explication(extraire(t.etapes, marque("derniere"))));
  // Σ instalments: the full ones and the last, which is the debt to the cent.
  const derniere = marque("derniere");
  const pleines = t.marques.get("pleines");
  const dette = t.etapes[marque("dette")]!.valeur as number;
  if (pleines === undefined) t.calcul("Total remboursé", "une seule échéance", dette, "€", { type: "reprise", de: derniere });
  else t.calcul("Total remboursé", "reprise des échéances pleines + dernière échéance", arrondiCentime(dette), "€", { type: "somme", termes: [pleines, derniere] });
  r.set("plan.totalRembourse", explication(extraire(t.etapes, t.derniere())));
  return r;
}

/**
 * Every result of a template dossier that can be explained, by the template's ids
 * (« resultats.ravUc », « candidatB.tauxEffort », « plan.derniereEcheance »…).
 */
export function expliquerModele(type: TypeModeleExplique, saisies: Saisies, ctx: ContexteModele): Map<string, Explication> {
  switch (type) {
    case "evaluation":
      return expliquerEvaluation(saisies, ctx);
    case "cal":
      return expliquerCal(saisies, ctx);
    case "apurement":
      return expliquerApurement(saisies, ctx);
  }
}

/** One result of a template dossier, or null when it has no explanation (a text, a refused input…). */
export function expliquerIndicateur(type: string, id: string, saisies: Saisies, ctx: ContexteModele): Explication | null {
  if (type !== "evaluation" && type !== "cal" && type !== "apurement") return null;
  return expliquerModele(type, saisies, ctx).get(id) ?? null;
}
