import { estErreurLogsoc } from "../../errors.ts";
import { arrondi, dec, somme, type Montant } from "../../money.ts";
import { composantes } from "../../date.ts";
import { resteAVivre, type MethodeRav } from "../../resteAVivre.ts";
import { tauxEffort } from "../../tauxEffort.ts";
import { unitesConsommation } from "../../foyer.ts";
import { categorieMenage, PERSONNES_MAX } from "../../categorieMenage.ts";
import { plafondRessources } from "../../plafondsRessources.ts";
import { FINANCEMENTS, LIBELLES_ZONE, type Financement, type Zone } from "../../baremes/valeurs.ts";
import { ancienneteMois, CANDIDATS_MAX, LETTRES_CANDIDATS, METHODES_FICHE } from "../../modeles/cal.ts";
import type { SpecModele } from "../../modeles/spec.ts";
import { attenduId, libelleLigne, positionDe } from "./commun.ts";
import { enAttendu, estErreurAttendue, ouErreur, type Attendu, type ErreurAttendue, type Incoherence, type ProfilModele, type ValeurAttendue } from "./types.ts";

/** categorieMenage's argument names → the candidate's input ids. */
const ARGUMENTS_CATEGORIE: Record<string, string> = {
  personnes: "personnes14Plus",
  personnesACharge: "personnesACharge",
  personnesEnSituationDeHandicap: "titulairesCmi",
  jeuneMenage: "jeuneMenage",
};

export function nombreCandidats(spec: SpecModele): number {
  const n = Number(spec.options.candidats ?? CANDIDATS_MAX);
  return Number.isInteger(n) && n >= 1 && n <= CANDIDATS_MAX ? n : CANDIDATS_MAX;
}

const lettres = (spec: SpecModele) => LETTRES_CANDIDATS.slice(0, nombreCandidats(spec));

const estEntier = (x: number | null, min: number, max: number): x is number => x !== null && Number.isInteger(x) && x >= min && x <= max;

const INDICATEURS_CANDIDAT = ["anciennete", "categorie", "plafond", "sousPlafond", "tauxEffort", "ravMethode"] as const;

export const PROFIL_CAL: ProfilModele = {
  type: "cal",
  datesDossier: ["seance.date"],

  recalculer(s, { spec, dateBaremes, catalogue }) {
    const attendus: Attendu[] = [];
    const incoherences: Incoherence[] = [];
    const dateSeance = s.date("seance.date");
    const date = dateSeance ?? dateBaremes;
    const texteVers = <T extends string>(valeurs: Record<T, string>, id: string): T | null => {
      const t = s.texte(id);
      return (Object.keys(valeurs) as T[]).find((k) => valeurs[k] === t) ?? null;
    };
    const methode = texteVers<MethodeRav>(METHODES_FICHE, "seance.methodeRav");
    const financementSaisi = s.texte("logement.financement");
    const financement = (FINANCEMENTS as readonly string[]).includes(financementSaisi ?? "") ? (financementSaisi as Financement) : null;
    const zone = texteVers<Zone>(LIBELLES_ZONE, "logement.zone");

    // Amounts typed as text break the template's arithmetic (#VALEUR!): the figures built on them are errors.
    const montant = (id: string): number | null => (s.renseigne(id) ? s.nombre(id) : 0);
    const individuels = s.ouiNon("logement.eauChauffageIndividuels") === true;
    const loyer = montant("logement.loyer");
    const annexes = montant("logement.annexes");
    const charges = montant("logement.charges");
    const forfait = individuels ? montant("logement.forfaitCharges") : 0;
    const texte: ErreurAttendue = { erreur: "Un montant saisi n'est pas un nombre : le calcul est impossible." };
    const depense: Montant | ErreurAttendue = loyer === null || annexes === null || charges === null || forfait === null ? texte : somme([loyer, annexes, charges, forfait]);
    attendus.push(attenduId(spec, "logement.depense", "montant", enAttendu(depense)));

    for (const lettre of lettres(spec)) {
      const id = (x: string) => `candidat${lettre}.${x}`;
      const libelle = (x: string) => {
        const { cle, ref } = positionDe(spec, id(x));
        return `${libelleLigne(spec, cle, ref)} (candidat ${lettre})`;
      };
      const a = (x: string, nature: Attendu["nature"], valeur: ValeurAttendue) => attendus.push(attenduId(spec, id(x), nature, valeur, libelle(x)));
      const depot = s.date(id("dateDepot"));
      a("anciennete", "nombre", depot !== null && dateSeance !== null ? ancienneteMois(depot, dateSeance) : null);
      a("anneeRevenus", "nombre", dateSeance !== null ? composantes(dateSeance).annee - 2 : null);

      const present = s.renseigne(id("personnes14Plus"));
      if (!present) {
        for (const x of ["personnes", "uc", "categorie", "plafond", "partPlafond", "sousPlafond", "tauxEffort", "ravMensuel", "ravMethode"]) a(x, x === "partPlafond" || x === "tauxEffort" ? "ratio" : "montant", null);
        continue;
      }
      const p = s.nombre(id("personnes14Plus"));
      const e = s.renseigne(id("enfantsMoins14")) ? s.nombre(id("enfantsMoins14")) : 0;
      const compositionValide = estEntier(p, 1, PERSONNES_MAX) && estEntier(e, 0, PERSONNES_MAX);
      const composition: ErreurAttendue = { erreur: "La composition du ménage n'est pas valide : le calcul est impossible." };
      a("personnes", "nombre", compositionValide ? p + e : composition);
      a("uc", "nombre", compositionValide ? unitesConsommation({ personnes14Plus: p, enfantsMoins14: e }).toNumber() : composition);

      const pac = s.renseigne(id("personnesACharge")) ? s.nombre(id("personnesACharge")) : 0;
      const cmi = s.renseigne(id("titulairesCmi")) ? s.nombre(id("titulairesCmi")) : 0;
      let categorie: number | ErreurAttendue = composition;
      if (compositionValide) {
        try {
          categorie = categorieMenage({ personnes: p + e, personnesACharge: pac ?? Number.NaN, jeuneMenage: s.ouiNon(id("jeuneMenage")) === true, personnesEnSituationDeHandicap: cmi ?? Number.NaN });
        } catch (err) {
          if (!estErreurLogsoc(err)) throw err;
          categorie = { erreur: err.message };
          incoherences.push({ id: id(ARGUMENTS_CATEGORIE[String(err.chemin[0])] ?? "personnes14Plus"), message: err.message, attendu: "une composition possible du ménage" });
        }
      }
      a("categorie", "nombre", categorie);

      const plafond: Montant | ErreurAttendue =
        typeof categorie !== "number"
          ? categorie
          : financement === null || zone === null
            ? { erreur: "Le financement ou la zone du logement n'est pas renseigné : le plafond est inconnu." }
            : ouErreur(() => plafondRessources(financement, categorie as number, zone, date, catalogue));
      a("plafond", "montant", enAttendu(plafond));
      const rfr = s.nombre(id("rfr"));
      if (rfr === null) {
        a("partPlafond", "ratio", null);
        a("sousPlafond", "texte", null);
      } else if (estErreurAttendue(plafond)) {
        a("partPlafond", "ratio", plafond);
        a("sousPlafond", "texte", plafond);
      } else {
        a("partPlafond", "ratio", arrondi(dec(rfr).dividedBy(plafond), 4).toNumber());
        a("sousPlafond", "texte", dec(rfr).lessThanOrEqualTo(plafond) ? "Oui" : "Non");
      }

      const ressources = montant(id("ressources"));
      const aide = montant(id("aideLogement"));
      const autres = montant(id("autresCharges"));
      let taux: ValeurAttendue = texte;
      if (ressources === null || aide === null || autres === null || estErreurAttendue(depense) || loyer === null || annexes === null || charges === null || forfait === null) {
        a("tauxEffort", "ratio", texte);
        a("ravMensuel", "montant", texte);
        a("ravMethode", "montant", texte);
        continue;
      }
      {
        try {
          taux = tauxEffort(dec(loyer).plus(annexes), dec(charges).plus(forfait), aide, ressources).toNumber();
        } catch (err) {
          if (!estErreurLogsoc(err)) throw err;
          taux = { erreur: err.message };
          if (err.code === "HORS_LIMITES") incoherences.push({ id: id("aideLogement"), message: err.message, attendu: "une aide au logement au plus égale à la dépense de logement" });
        }
      }
      a("tauxEffort", "ratio", taux);

      const ressourcesRav = dec(ressources).plus(aide);
      const chargesRav = depense.plus(autres);
      const foyer = compositionValide ? { personnes14Plus: p, enfantsMoins14: e } : { personnes14Plus: 1, enfantsMoins14: 0 };
      a("ravMensuel", "montant", resteAVivre(ressourcesRav, chargesRav, foyer, "mensuel").toNumber());
      a(
        "ravMethode",
        "montant",
        methode === null
          ? { erreur: "La méthode de reste à vivre n'est pas choisie dans la liste." }
          : methode !== "mensuel" && !compositionValide
            ? composition
            : resteAVivre(ressourcesRav, chargesRav, foyer, methode).toNumber(),
      );
    }
    return { attendus, incoherences };
  },

  // Activity 13 « Prépare et participe aux passages en Commission d'Attributions des Logements »,
  // A13-C01: « renseigner la fiche synthétique de la CAL … une aide fiable à la décision » — every
  // computed figure of the candidates. Activity 12, A12-C01: « apprécier la solvabilité du candidat en
  // calculant le reste à vivre au regard du logement identifié » — taux d'effort and reste à vivre.
  competences: (spec) => [
    { competence: "A13-C01", ids: lettres(spec).flatMap((l) => INDICATEURS_CANDIDAT.map((x) => `candidat${l}.${x}`)) },
    { competence: "A12-C01", ids: lettres(spec).flatMap((l) => [`candidat${l}.tauxEffort`, `candidat${l}.ravMethode`]) },
  ],

  reponses: (spec) => lettres(spec).flatMap((l) => INDICATEURS_CANDIDAT.map((x) => `candidat${l}.${x}`)),
};
