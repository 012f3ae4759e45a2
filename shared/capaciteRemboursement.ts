import { arrondiCentime, D, dec, ZERO, type DecimalInput, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import { quotiteSaisissableExacte } from "./quotiteSaisissable.ts";
import { rsaForfaitaire, type CompositionRsa } from "./rsa.ts";
import { baremeEtape, SANS_TRACE, type Ref, type Trace } from "./explication/traceur.ts";

/**
 * Capacité de remboursement, Banque de France method (C. consommation L.731-1, L.731-2, R.731-1):
 *
 *   max(0, min(QS(ressources, personnes à charge), ressources − max(RSA forfaitaire du foyer, charges)))
 *
 * - QS is the quotité saisissable of the monthly resources (C. trav. R.3252-2 ff., with its own floor of
 *   the RSA for one person);
 * - the part left for current expenses is never below the RSA montant forfaitaire of the household
 *   (L.731-2; no forfait logement deducted) — the majorated amount (CASF L.262-9) for a parent isolé or
 *   an isolated pregnant woman during the majoration period — and is the real charges when they are higher.
 *
 * Dependants that raise the QS thresholds (R.3252-3): every child or other dependant, and the conjoint
 * when there is a couple — only if the conjoint's own resources are below the RSA for one person when
 * they are given (`ressourcesConjoint`); when they are not, the conjoint counts (LogSoc's behaviour
 * before the argument existed). `ressources` are the whole household's resources.
 *
 * Rounding: computed exactly, rounded half-up to the cent once at the end.
 */

export interface EntreeCapacite extends CompositionRsa {
  ressources: DecimalInput;
  charges: DecimalInput;
  /** Parent isolé or isolated pregnant woman during the majoration period: the floor is the majorated RSA. */
  isolementMajore?: boolean;
  /** The conjoint's own monthly resources; absent: the conjoint counts as a dependant. */
  ressourcesConjoint?: DecimalInput | null;
}

/**
 * Dependants for the quotité saisissable: every child or dependant, plus the conjoint unless his or her
 * own resources, when given, reach the RSA for one person (`rsaUnePersonne`).
 */
export function personnesAChargeCapacite(c: CompositionRsa & { ressourcesConjoint?: DecimalInput | null }, rsaUnePersonne?: DecimalInput): number {
  const conjoint = c.couple && (c.ressourcesConjoint === undefined || c.ressourcesConjoint === null || rsaUnePersonne === undefined || dec(c.ressourcesConjoint).lessThan(dec(rsaUnePersonne)));
  return (conjoint ? 1 : 0) + c.enfants;
}

/** The dependants counted for the quotité saisissable on `date`, the conjoint's resources compared with the RSA in force. */
export function personnesAChargeCapaciteAu(e: CompositionRsa & { ressourcesConjoint?: DecimalInput | null }, date: string, catalogue: CatalogueBaremes = CATALOGUE): number {
  if (e.ressourcesConjoint === undefined || e.ressourcesConjoint === null) return personnesAChargeCapacite(e);
  const r = dec(e.ressourcesConjoint);
  if (r.isNegative()) throw new ErreurLogsoc("HORS_LIMITES", "Les ressources du conjoint ne peuvent pas être négatives.", ["ressources_conjoint"]);
  if (!e.couple) {
    throw new ErreurLogsoc("ENTREE_INVALIDE", "« ressources_conjoint » ne s'indique que pour un couple (couple = VRAI).", ["ressources_conjoint"]);
  }
  return personnesAChargeCapacite(e, catalogue.enVigueur("rsa_montant_forfaitaire", date).valeurs.montant);
}

export function capaciteRemboursement(e: EntreeCapacite, date: string, catalogue: CatalogueBaremes = CATALOGUE, t: Trace = SANS_TRACE): Montant {
  const ressources = dec(e.ressources);
  const charges = dec(e.charges);
  if (ressources.isNegative()) throw new ErreurLogsoc("HORS_LIMITES", "Les ressources ne peuvent pas être négatives.", ["ressources"]);
  if (charges.isNegative()) throw new ErreurLogsoc("HORS_LIMITES", "Les charges ne peuvent pas être négatives.", ["charges"]);
  const composition: CompositionRsa = { couple: e.couple, enfants: e.enfants, ...(e.personnes25Plus !== undefined ? { personnes25Plus: e.personnes25Plus } : {}) };
  const pac = personnesAChargeCapaciteAu(e, date, catalogue);
  const refR = t.entree("Ressources mensuelles du foyer", ressources, "€/mois", "ressources");
  const refC = t.entree("Charges courantes mensuelles du foyer", charges, "€/mois", "charges");
  const refPac = t.actif ? tracerPersonnesACharge(t, e, pac, date, catalogue) : -1;
  const qs = quotiteSaisissableExacte(ressources, pac, date, catalogue, t.avec({ remuneration_mensuelle_nette: refR, personnes_a_charge: refPac }));
  const refQs = t.derniere();
  const rsaFoyer = rsaForfaitaire(composition, date, { catalogue, isolementMajore: e.isolementMajore ?? false, trace: t });
  const refRsa = t.derniere();
  const minimum = D.max(rsaFoyer, charges);
  const resteApresDepenses = ressources.minus(minimum);
  const plafonnee = D.min(qs, resteApresDepenses);
  const capacite = arrondiCentime(D.max(ZERO, plafonnee));
  if (t.actif) {
    const reference = "C. consommation L.731-1, L.731-2, R.731-1 (méthode Banque de France)";
    const refMin = t.calcul("Part des ressources laissée pour vivre", "le plus élevé du RSA du foyer et des charges", minimum, "€/mois", { type: "maximum", termes: [refRsa, refC] }, { reference: "C. consommation L.731-2 : jamais moins que le RSA du foyer" });
    const refReste = t.calcul("Ressources au-delà de cette part", "ressources − part laissée pour vivre", resteApresDepenses, "€/mois", { type: "difference", de: refR, moins: refMin });
    let ref = t.calcul("Capacité de remboursement avant arrondi", "le plus petit de la quotité saisissable et des ressources au-delà de la part laissée pour vivre", plafonnee, "€/mois", { type: "minimum", termes: [refQs, refReste] }, { reference });
    if (plafonnee.isNegative()) {
      const zero = t.constante("Capacité nulle au minimum", 0, "€/mois", "Une capacité de remboursement n'est jamais négative");
      ref = t.calcul("Capacité de remboursement, jamais négative", "le plus grand de 0 et du montant précédent", D.max(ZERO, plafonnee), "€/mois", { type: "maximum", termes: [zero, ref] });
    }
    t.calcul("Capacité de remboursement", "arrondi au centime le plus proche", capacite, "€/mois", { type: "arrondi", de: ref, decimales: 2, sens: "au_plus_proche" }, { reference });
  }
  return capacite;
}

/** The dependants of the quotité saisissable as steps: the children, and the conjoint when counted (and why). */
function tracerPersonnesACharge(t: Trace, e: EntreeCapacite, pac: number, date: string, catalogue: CatalogueBaremes): Ref {
  const refEnfants = t.entree("Enfants ou personnes à charge", e.enfants, "personnes", "enfants");
  if (!e.couple) return t.calcul("Personnes à charge (quotité saisissable)", "les enfants ou personnes à charge (pas de conjoint)", pac, "personnes", { type: "reprise", de: refEnfants }, { reference: "C. trav. R.3252-3" });
  const conjoint = pac - e.enfants;
  let raison = "ses ressources propres ne sont pas indiquées : il est compté à charge";
  if (e.ressourcesConjoint !== undefined && e.ressourcesConjoint !== null) {
    const version = catalogue.enVigueur("rsa_montant_forfaitaire", date);
    t.entree("Ressources propres du conjoint", dec(e.ressourcesConjoint), "€/mois", "ressources_conjoint");
    t.bareme("RSA d'une personne seule (montant forfaitaire)", version.valeurs.montant, "€/mois", baremeEtape("rsa_montant_forfaitaire", version, "montant"), "CASF L.262-2, R.262-1");
    raison = conjoint === 1 ? "ses ressources propres sont inférieures au RSA d'une personne seule" : "ses ressources propres atteignent le RSA d'une personne seule : il n'est pas à charge";
  }
  const refConjoint = t.constante("Conjoint compté à charge", conjoint, "personne", `C. trav. R.3252-3 : ${raison}`);
  return t.calcul("Personnes à charge (quotité saisissable)", "enfants ou personnes à charge + conjoint compté à charge", pac, "personnes", { type: "somme", termes: [refEnfants, refConjoint] }, { reference: "C. trav. R.3252-3" });
}
