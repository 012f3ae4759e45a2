import { dateISO, joursDansMois, type DateISO } from "#shared/date.ts";
import { CHARGES, RESSOURCES, type CleCharge, type CleRessource, type SaisieEvaluation } from "#shared/modeles/evaluation.ts";
import type { SaisieCal, SaisieCandidat } from "#shared/cal.ts";
import type { PlanApurementEntree } from "#shared/planApurement.ts";
import { FINANCEMENTS, ZONES } from "#shared/baremes/valeurs.ts";
import { METHODES_RAV } from "#shared/resteAVivre.ts";
import { STATUTS_COMPETENCE, type StatutCompetence } from "#shared/grilleCompetences.ts";
import { REFERENTIEL } from "#shared/referentiel/index.ts";

/**
 * Seeded generators of varied cases for the templates: same seed, same cases, so a failure names a
 * case that can be rebuilt. The generator spans what advisers meet (one to seven persons, couples,
 * no income, high incomes that reach the top bands of the saisie barème, an aide au logement larger
 * than the rent, plans that exceed their maximum duration, month-end due dates…).
 */
export class Hasard {
  private etat: number;

  constructor(graine: number) {
    this.etat = graine >>> 0;
  }

  /** mulberry32: a uniform float in [0, 1). */
  reel(): number {
    this.etat = (this.etat + 0x6d2b79f5) >>> 0;
    let t = this.etat;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  entier(min: number, max: number): number {
    return min + Math.floor(this.reel() * (max - min + 1));
  }

  booleen(p = 0.5): boolean {
    return this.reel() < p;
  }

  choix<T>(valeurs: readonly T[]): T {
    return valeurs[this.entier(0, valeurs.length - 1)]!;
  }

  /** An amount in whole cents between min and max euros. */
  montant(min: number, max: number): number {
    return this.entier(Math.round(min * 100), Math.round(max * 100)) / 100;
  }

  date(debut: DateISO, fin: DateISO): DateISO {
    const [a1, a2] = [Number(debut.slice(0, 4)), Number(fin.slice(0, 4))];
    for (;;) {
      const annee = this.entier(a1, a2);
      const mois = this.entier(1, 12);
      const jour = this.entier(1, joursDansMois(annee, mois));
      const d = dateISO(annee, mois, jour);
      if (d >= debut && d <= fin) return d;
    }
  }
}

/** Dates whose barèmes differ (RSA and saisie revalued, plafonds of another year). */
export const DATES_MODELES = ["2024-06-15", "2025-04-01", "2026-11-26"] as DateISO[];

const PLAFOND_RESSOURCE: Partial<Record<CleRessource, number>> = { salaires: 4500, aideLogement: 500, pensions: 2500, prestationsFamiliales: 900 };

export function foyerEvaluation(h: Hasard, date: DateISO): SaisieEvaluation {
  const personnes14Plus = h.choix([1, 1, 1, 2, 2, 2, 3, 4, 5]);
  const enfantsMoins14 = h.choix([0, 0, 1, 1, 2, 3, 4, 6]);
  const couple = personnes14Plus >= 2 && h.booleen(0.6);
  const profil = h.choix(["sans_ressources", "modeste", "modeste", "moyen", "aise"] as const);
  const ressources: Partial<Record<CleRessource, number>> = {};
  if (profil !== "sans_ressources") {
    for (const r of RESSOURCES) {
      if (h.booleen(r.cle === "salaires" ? 0.7 : 0.3)) {
        const max = (PLAFOND_RESSOURCE[r.cle] ?? 700) * (profil === "aise" ? 2.5 : profil === "moyen" ? 1 : 0.4);
        ressources[r.cle] = h.montant(0, max);
      }
    }
  }
  const charges: Partial<Record<CleCharge, number>> = {};
  for (const c of CHARGES) {
    if (c.cle === "loyer" ? h.booleen(0.9) : h.booleen(0.5)) charges[c.cle] = h.montant(0, c.cle === "loyer" ? 1100 : 250);
  }
  // Now and then an aide au logement above the rent and charges: the taux d'effort must then refuse.
  if (h.booleen(0.08)) ressources.aideLogement = (charges.loyer ?? 0) + (charges.chargesLocatives ?? 0) + h.montant(0.01, 80);
  const dettes = Array.from({ length: h.entier(0, 3) }, (_, i) => ({ creancier: `Créancier ${i + 1}`, nature: h.choix(["Loyer", "Énergie", "Crédit", "Eau"]), montant: h.montant(10, 8000) }));
  return { date, personnes14Plus, enfantsMoins14, couple, ressources, charges, dettes };
}

export function planGenere(h: Hasard): PlanApurementEntree & { dette: number } {
  const dette = h.choix([h.montant(0.01, 50), h.montant(50, 3000), h.montant(3000, 25_000)]);
  const mode = h.choix(["mensualite", "mensualite_duree", "duree", "defaut"] as const);
  // Due dates: none, any day, or a day that later months do not have (29, 30, 31, a month's last day).
  let premiere: DateISO | null = null;
  if (h.booleen(0.8)) {
    const annee = h.entier(2024, 2028);
    const mois = h.entier(1, 12);
    const jour = h.booleen(0.5) ? Math.min(h.choix([29, 30, 31]), joursDansMois(annee, mois)) : h.entier(1, joursDansMois(annee, mois));
    premiere = dateISO(annee, mois, jour);
  }
  const loyerResiduel = h.booleen(0.6) ? h.montant(0, 900) : null;
  const base = { dette, premiereEcheance: premiere, loyerResiduel };
  switch (mode) {
    case "mensualite":
      return { ...base, mensualite: h.choix([h.montant(0.01, 30), h.montant(20, 400), dette + h.montant(0, 50)]) };
    case "mensualite_duree": {
      const mensualite = h.montant(Math.max(0.01, dette / 200), Math.max(0.02, dette / 2));
      // The maximum duration is sometimes too short: the engine and the template must both refuse it.
      return { ...base, mensualite, duree: h.entier(1, 240) };
    }
    case "duree":
      return { ...base, duree: h.choix([h.entier(1, 12), h.entier(12, 120), h.entier(120, 600)]) };
    case "defaut":
      return base;
  }
}

export function candidatGenere(h: Hasard, date: DateISO): SaisieCandidat {
  const personnes14Plus = h.choix([1, 1, 2, 2, 3, 4]);
  const enfantsMoins14 = h.choix([0, 0, 1, 2, 3, 5]);
  const personnes = personnes14Plus + enfantsMoins14;
  const personnesACharge = h.booleen(0.7) ? Math.min(personnes - 1, enfantsMoins14 + h.entier(0, 1)) : h.entier(0, personnes - 1);
  const jeuneMenage = personnes === 2 && personnesACharge === 0 && h.booleen(0.5);
  const titulairesCmi = h.booleen(0.15) ? h.entier(1, Math.min(2, personnes)) : 0;
  const ressources = h.booleen(0.05) ? 0 : h.montant(400, 4500);
  return {
    dateDepot: h.date("2015-01-01" as DateISO, date),
    personnes14Plus,
    enfantsMoins14,
    personnesACharge,
    jeuneMenage,
    titulairesCmi,
    rfr: h.entier(0, 70_000),
    ressources,
    aideLogement: h.booleen(0.1) ? h.montant(900, 1200) : h.montant(0, 400),
    autresCharges: h.montant(0, 900),
  };
}

export function ficheGeneree(h: Hasard, date: DateISO): SaisieCal {
  const loyer = h.montant(250, 900);
  return {
    date,
    methode: h.choix(METHODES_RAV),
    logement: {
      financement: h.choix(FINANCEMENTS),
      zone: h.choix(ZONES),
      loyer,
      annexes: h.booleen(0.3) ? h.montant(10, 80) : 0,
      charges: h.montant(20, 200),
      eauChauffageIndividuels: h.booleen(0.4),
      forfaitCharges: h.montant(20, 120),
    },
    candidats: Array.from({ length: 3 }, () => candidatGenere(h, date)),
  };
}

/** Statuses of every skill: some domains entirely acquired (validated), the others mixed or left blank. */
export function grilleGeneree(h: Hasard): Record<string, StatutCompetence | null> {
  const statuts: Record<string, StatutCompetence | null> = {};
  for (const d of REFERENTIEL.domaines) {
    const mode = h.choix(["tout", "tout", "presque", "melange", "vide"] as const);
    const ids = d.activites.flatMap((a) => a.competences.map((c) => c.id));
    const exception = h.choix(ids);
    for (const id of ids) {
      statuts[id] =
        mode === "tout" ? "Acquis"
        : mode === "presque" ? (id === exception ? h.choix(["En cours", "Non acquis", null] as const) : "Acquis")
        : mode === "melange" ? h.choix([...STATUTS_COMPETENCE, null])
        : null;
    }
  }
  return statuts;
}
