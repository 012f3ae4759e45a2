import { arrondiCentime, D, dec, ZERO, type DecimalInput, type Montant } from "./money.ts";
import { ErreurLogsoc } from "./errors.ts";
import { CATALOGUE, type CatalogueBaremes } from "./baremes/catalogue.ts";
import { FRACTION, type ValeursSaisie } from "./baremes/valeurs.ts";
import type { VersionBareme } from "./baremes/schema.ts";
import { baremeEtape, SANS_TRACE, type Ref, type Trace } from "./explication/traceur.ts";

/** A version as the steps cite it (date d'effet, status, source). */
type VersionCitee = Pick<VersionBareme<unknown>, "dateEffet" | "statut" | "statutsCellules" | "source">;

const REFERENCE_SAISIE = "C. trav. R.3252-2, R.3252-3 (barème annuel appliqué au mois)";

/**
 * Quotité saisissable of a monthly net remuneration (C. trav. R.3252-2, R.3252-3, R.3252-5).
 *
 * The barème is annual and progressive; applied monthly, every threshold (and the per-dependant
 * increase) is divided by 12. Since the barème is piecewise linear and homogeneous, the monthly amount
 * equals the annual barème applied to 12 × the monthly remuneration, divided by 12: computing it that
 * way keeps every intermediate figure exact (thresholds / 12 are not decimal numbers) and divides once.
 *
 * The debtor always keeps at least the RSA for one person (R.3252-5), whatever the number of
 * dependants: saisie = min(barème, max(0, remuneration − RSA 1 personne)).
 *
 * Rounding: the result is rounded half-up to the cent, once, at the end.
 */

export const PERSONNES_A_CHARGE_MAX = 30;

function fraction(s: string): { num: bigint; den: bigint } {
  const m = FRACTION.exec(s)!;
  return { num: BigInt(m[1]!), den: BigInt(m[2]!) };
}

function pgcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : pgcd(b, a % b);
}

/**
 * The barème part alone (before the RSA floor), exact: annual barème on 12 × remuneration, / 12.
 * Traced, it needs the version the values come from (`version`) to cite it.
 */
export function quotiteBaremeExacte(remunerationMensuelle: DecimalInput, personnesACharge: number, valeurs: ValeursSaisie, t: Trace = SANS_TRACE, version?: VersionCitee): Montant {
  const r = dec(remunerationMensuelle);
  if (r.isNegative()) throw new ErreurLogsoc("HORS_LIMITES", "La rémunération mensuelle nette ne peut pas être négative.", ["remuneration_mensuelle_nette"]);
  if (!Number.isInteger(personnesACharge) || personnesACharge < 0 || personnesACharge > PERSONNES_A_CHARGE_MAX) {
    throw new ErreurLogsoc("HORS_LIMITES", `Le nombre de personnes à charge doit être un entier de 0 à ${PERSONNES_A_CHARGE_MAX} (reçu : ${personnesACharge}).`, ["personnes_a_charge"]);
  }
  const annuel = r.times(12);
  const majoration = dec(valeurs.majorationParPersonneACharge).times(personnesACharge);
  const s = valeurs.seuilsAnnuels;
  const seuils = [s.s1, s.s2, s.s3, s.s4, s.s5, s.s6].map((x) => dec(x).plus(majoration));
  const f = valeurs.fractions;
  const textes = [f.t1, f.t2, f.t3, f.t4, f.t5, f.t6, f.t7];
  const fractions = textes.map(fraction);
  // Every fraction over one common denominator, so the sum is exact and divided once.
  const denominateur = fractions.reduce((ppcm, x) => (ppcm * x.den) / pgcd(ppcm, x.den), 1n);

  // Traced: the figures a reader redoes, band by band.
  const b = (cle: string) => baremeEtape("saisie_remuneration", version!, cle);
  const refR = t.entree("Rémunération mensuelle nette", r, "€/mois", "remuneration_mensuelle_nette");
  const refMois = t.constante("Mois par an", 12, "mois", "Le barème est annuel (C. trav. R.3252-2) : il s'applique à 12 fois la rémunération mensuelle");
  const refAnnuel = t.calcul("Rémunération annuelle", "rémunération mensuelle × 12", annuel, "€/an", { type: "produit", facteurs: [refR, refMois] });
  let refMajoration: Ref = -1;
  if (t.actif && personnesACharge > 0) {
    const refPac = t.entree("Personnes à charge", personnesACharge, "personnes", "personnes_a_charge");
    const refMaj = t.bareme("Majoration des seuils par personne à charge", valeurs.majorationParPersonneACharge, "€/an", b("majorationParPersonneACharge"), "C. trav. R.3252-3");
    refMajoration = t.calcul("Majoration des seuils", "majoration par personne à charge × personnes à charge", majoration, "€/an", { type: "produit", facteurs: [refMaj, refPac] });
  }
  const refSeuil = (i: number): Ref => {
    const cle = `seuilsAnnuels.s${i + 1}`;
    const brut = t.bareme(`Seuil annuel s${i + 1}`, [s.s1, s.s2, s.s3, s.s4, s.s5, s.s6][i]!, "€/an", b(cle), "C. trav. R.3252-2");
    if (refMajoration < 0) return brut;
    return t.calcul(`Seuil s${i + 1} majoré`, `s${i + 1} + majoration des seuils`, seuils[i]!, "€/an", { type: "somme", termes: [brut, refMajoration] });
  };
  const parts: Ref[] = [];
  let refBas: Ref = -1;

  let numerateur = ZERO;
  let bas = ZERO;
  for (let i = 0; i < fractions.length; i++) {
    const haut = seuils[i];
    const tranche = haut === undefined ? annuel.minus(bas) : D.min(annuel, haut).minus(bas);
    if (tranche.lessThanOrEqualTo(0)) break;
    const { num, den } = fractions[i]!;
    const terme = tranche.times((num * (denominateur / den)).toString());
    numerateur = numerateur.plus(terme);
    if (t.actif) {
      const nom = `tranche ${i + 1}`;
      // The band's upper bound: its threshold, or the remuneration when it stops inside the band.
      let refHaut: Ref = refAnnuel;
      let refS: Ref = -1;
      if (haut !== undefined) {
        refS = refSeuil(i);
        refHaut = annuel.lessThan(haut) ? t.calcul(`Haut de la ${nom}`, `le plus petit de la rémunération annuelle et du seuil s${i + 1}`, annuel, "€/an", { type: "minimum", termes: [refAnnuel, refS] }) : refS;
      }
      const refTranche =
        refBas < 0
          ? t.calcul(`Rémunération annuelle dans la ${nom}`, "rémunération annuelle jusqu'au seuil s1", tranche, "€/an", { type: "reprise", de: refHaut })
          : t.calcul(`Rémunération annuelle dans la ${nom}`, `haut de la ${nom} − seuil s${i}`, tranche, "€/an", { type: "difference", de: refHaut, moins: refBas });
      const refFraction = t.bareme(`Fraction saisissable de la ${nom} (${textes[i]})`, dec(num.toString()).dividedBy(den.toString()), "fraction", b(`fractions.t${i + 1}`), "C. trav. R.3252-2");
      parts.push(t.calcul(`Part saisissable de la ${nom}`, `rémunération dans la ${nom} × ${textes[i]}`, terme.dividedBy(denominateur.toString()), "€/an", { type: "produit", facteurs: [refTranche, refFraction] }));
      // The next band, if reached, starts at this one's threshold (the remuneration is above it).
      refBas = refS;
    }
    if (haut === undefined) break;
    bas = haut;
  }
  const annuelSaisissable = numerateur.dividedBy(denominateur.toString());
  const resultat = annuelSaisissable.dividedBy(12);
  if (t.actif) {
    const refTotal = parts.length === 0 ? t.constante("Part saisissable annuelle", 0, "€/an", "Aucune rémunération") : t.calcul("Part saisissable annuelle", "somme des parts des tranches", annuelSaisissable, "€/an", { type: "somme", termes: parts });
    t.calcul("Quotité saisissable selon le barème", "part saisissable annuelle / 12", resultat, "€/mois", { type: "quotient", dividende: refTotal, diviseur: refMois }, { reference: REFERENCE_SAISIE });
  }
  return resultat;
}

/** The versions the values come from, for the steps to cite them. */
export interface VersionsSaisie {
  saisie: VersionCitee;
  rsa: VersionCitee;
}

/** Exact quotité saisissable with the RSA floor, for the barème values and the RSA 1-person amount given. */
export function quotiteSaisissableExacteDepuis(
  remunerationMensuelle: DecimalInput,
  personnesACharge: number,
  valeurs: ValeursSaisie,
  rsaUnePersonne: DecimalInput,
  t: Trace = SANS_TRACE,
  versions?: VersionsSaisie,
): Montant {
  const bareme = quotiteBaremeExacte(remunerationMensuelle, personnesACharge, valeurs, t, versions?.saisie);
  const refBareme = t.derniere();
  const r = dec(remunerationMensuelle);
  const auDela = r.minus(dec(rsaUnePersonne));
  const auDessusDuRsa = D.max(ZERO, auDela);
  const qs = D.min(bareme, auDessusDuRsa);
  if (t.actif) {
    const reference = "C. trav. R.3252-5 : le débiteur garde au moins le RSA d'une personne seule";
    const refR = t.entree("Rémunération mensuelle nette", r, "€/mois", "remuneration_mensuelle_nette");
    const refRsa = t.bareme("RSA d'une personne seule (montant forfaitaire)", dec(rsaUnePersonne), "€/mois", baremeEtape("rsa_montant_forfaitaire", versions!.rsa, "montant"), "CASF L.262-2, R.262-1");
    const refAuDela = t.calcul("Rémunération au-delà du RSA d'une personne seule", "rémunération − RSA d'une personne seule", auDela, "€/mois", { type: "difference", de: refR, moins: refRsa }, { reference });
    let refPlafond = refAuDela;
    if (auDela.isNegative()) {
      const refZero = t.constante("Aucune saisie en dessous du RSA", 0, "€/mois", reference);
      refPlafond = t.calcul("Part au-delà du RSA, jamais négative", "le plus grand de 0 et de la rémunération au-delà du RSA", auDessusDuRsa, "€/mois", { type: "maximum", termes: [refZero, refAuDela] });
    }
    t.calcul("Quotité saisissable", "le plus petit du barème et de la part au-delà du RSA", qs, "€/mois", { type: "minimum", termes: [refBareme, refPlafond] }, { reference });
  }
  return qs;
}

/** Exact quotité saisissable with the barème and the RSA in force on `date`. */
export function quotiteSaisissableExacte(remunerationMensuelle: DecimalInput, personnesACharge: number, date: string, catalogue: CatalogueBaremes = CATALOGUE, t: Trace = SANS_TRACE): Montant {
  const saisie = catalogue.enVigueur("saisie_remuneration", date);
  const rsa = catalogue.enVigueur("rsa_montant_forfaitaire", date);
  return quotiteSaisissableExacteDepuis(remunerationMensuelle, personnesACharge, saisie.valeurs, rsa.valeurs.montant, t, { saisie, rsa });
}

/** Quotité saisissable in force on `date`, rounded half-up to the cent. */
export function quotiteSaisissable(remunerationMensuelle: DecimalInput, personnesACharge: number, date: string, catalogue: CatalogueBaremes = CATALOGUE, t: Trace = SANS_TRACE): Montant {
  const exacte = quotiteSaisissableExacte(remunerationMensuelle, personnesACharge, date, catalogue, t);
  const arrondie = arrondiCentime(exacte);
  if (t.actif && !arrondie.equals(exacte)) {
    t.calcul("Quotité saisissable, arrondie au centime", "arrondi au centime le plus proche", arrondie, "€/mois", { type: "arrondi", de: t.derniere(), decimales: 2, sens: "au_plus_proche" });
  }
  return arrondie;
}
