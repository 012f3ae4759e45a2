import { LIBELLES_ZONE, type Zone } from "./valeurs.ts";

/**
 * French labels of the keys of each barème's values, for readers (task pane, help page): the technical
 * key ("majorations.quatriemePersonneCouple") stays the identifier users type in =LOGSOC.BAREME and is
 * shown beside the label, never instead of it. Kept next to the barème definitions so that a new key
 * gets its label where it is declared; a key without one (a repère added by a later publication) is
 * still readable through `libelleCle`'s fallback.
 */

const RSA: Record<string, string> = {
  montant: "Montant forfaitaire, personne seule",
  "majorations.deuxiemePersonne": "Majoration 2e personne",
  "majorations.troisiemePersonne": "Majoration 3e personne",
  "majorations.quatriemePersonneCouple": "Majoration 4e personne, couple",
  "majorations.quatriemePersonneIsole": "Majoration 4e personne, personne isolée",
  "majorations.personneSupplementaire": "Majoration par personne supplémentaire",
  "forfaitLogement.unePersonne": "Forfait logement, 1 personne",
  "forfaitLogement.deuxPersonnes": "Forfait logement, 2 personnes",
  "forfaitLogement.troisPersonnesOuPlus": "Forfait logement, 3 personnes ou plus",
};

const RSA_MAJORE: Record<string, string> = {
  coefficientBase: "Coefficient de base, personne isolée sans enfant",
  coefficientParEnfant: "Coefficient par enfant à charge",
};

const SAISIE: Record<string, string> = {
  ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`seuilsAnnuels.s${i}`, `Seuil annuel ${i}`])),
  "fractions.t1": "Fraction saisissable, 1re tranche",
  ...Object.fromEntries([2, 3, 4, 5, 6, 7].map((i) => [`fractions.t${i}`, `Fraction saisissable, ${i}e tranche`])),
  majorationParPersonneACharge: "Majoration des seuils par personne à charge",
};

const FORFAIT_CHARGES: Record<string, string> = {
  isoleOuCoupleSansPersonneACharge: "Isolé ou couple sans personne à charge",
  majorationParPersonneACharge: "Majoration par personne à charge",
  colocataireIsole: "Colocataire isolé",
  dom: "Outre-mer",
  "dom.base": "Outre-mer, montant de base",
  "dom.majorationParPersonneACharge": "Outre-mer, majoration par personne à charge",
};

const SMIC: Record<string, string> = {
  horaireBrut: "Taux horaire brut",
  mensuelBrut: "Montant mensuel brut (35 h par semaine)",
  mensuelNet: "Montant mensuel net (35 h par semaine)",
};

const SEUIL_PAUVRETE: Record<string, string> = {
  anneeRevenus: "Année des revenus",
  seuilMensuelParUc: "Seuil mensuel par unité de consommation",
  niveauVieMedianAnnuel: "Niveau de vie médian annuel",
};

const OCDE: Record<string, string> = {
  premierAdulte: "Premier adulte",
  autrePersonne14Plus: "Autre personne de 14 ans ou plus",
  enfantMoins14: "Enfant de moins de 14 ans",
  ageSeuil: "Âge séparant adultes et enfants",
};

const DUREES: Record<string, string> = {
  planCafMois: "Plan d'apurement CAF, durée (mois)",
  procedureSimplifieeDetteMax: "Procédure simplifiée, dette maximale",
  procedureSimplifieeDureeMaxMois: "Procédure simplifiée, durée maximale (mois)",
  protocoleMois: "Protocole de cohésion sociale, durée (mois)",
  protocoleProlongationMois: "Protocole, prolongation (mois)",
  protocoleTotalMaxMois: "Protocole, durée totale maximale (mois)",
  delaisJudiciairesMaxMois: "Délais de paiement judiciaires, durée maximale (mois)",
  surendettementMaxMois: "Plan de surendettement, durée maximale (mois)",
};

/** Who uses each repère (both repère scales share them); a later one falls back to its key in words. */
const GROUPES_REPERES: Record<string, string> = {
  fslCotesDArmor: "FSL des Côtes-d'Armor",
  fslEureEtLoir: "FSL d'Eure-et-Loir",
  organismesHlm: "Organismes HLM",
  regleBancaireHistorique: "Règle bancaire historique",
  hcsfCreditImmobilier: "HCSF, crédit immobilier",
  ushSeuilAlerte: "USH, seuil d'alerte",
  banqueDeFranceForfaitBase: "Banque de France, forfait de base",
};

const CHAMPS_REPERES: Record<string, string> = {
  utilisateur: "utilisé par",
  nature: "nature",
  unite: "unité",
  depuis: "depuis",
  definition: "définition",
  minimum: "minimum",
  maximum: "maximum",
  personneSeule: "personne seule",
  couple: "couple",
  unePersonne: "1 personne",
  deuxPersonnes: "2 personnes",
  troisPersonnes: "3 personnes",
  quatrePersonnes: "4 personnes",
  cinqPersonnes: "5 personnes",
  parPersonneSupplementaire: "par personne supplémentaire",
};

const FINANCEMENT = new Set(["PLAI", "PLUS", "PLS"]);

function libellePlafond(cle: string): string | null {
  const [financement, zone, grille, ...reste] = cle.split(".");
  if (reste.length > 0 || financement === undefined || !FINANCEMENT.has(financement) || zone === undefined || !Object.hasOwn(LIBELLES_ZONE, zone)) return null;
  const m = /^cat([1-6])$/.exec(grille ?? "");
  const colonne = m ? `catégorie ${m[1]}` : grille === "parPersonneSupplementaire" ? "par personne supplémentaire" : null;
  return colonne === null ? null : `${financement}, ${LIBELLES_ZONE[zone as Zone]}, ${colonne}`;
}

function libelleRepere(cle: string, groupeInconnu: (g: string) => string | null): string | null {
  const [groupe, champ, ...reste] = cle.split(".");
  if (reste.length > 0 || groupe === undefined || champ === undefined) return null;
  const g = Object.hasOwn(GROUPES_REPERES, groupe) ? GROUPES_REPERES[groupe]! : groupeInconnu(groupe);
  const c = Object.hasOwn(CHAMPS_REPERES, champ) ? CHAMPS_REPERES[champ]! : groupeInconnu(champ);
  return g === null || c === null ? null : `${g}, ${c}`;
}

const FIXES: Record<string, Record<string, string>> = {
  rsa_montant_forfaitaire: RSA,
  rsa_majoration_isolement: RSA_MAJORE,
  saisie_remuneration: SAISIE,
  apl_forfait_charges: FORFAIT_CHARGES,
  smic: SMIC,
  seuil_pauvrete_insee: SEUIL_PAUVRETE,
  echelle_ocde_modifiee: OCDE,
  durees_apurement: DUREES,
};

/** The label written for `cle` of barème `bareme`, or null when none is declared. */
export function libelleCleDeclare(bareme: string, cle: string): string | null {
  if (bareme === "plafonds_ressources_hlm") return libellePlafond(cle);
  if (bareme === "reperes_taux_effort" || bareme === "reperes_reste_a_vivre") return libelleRepere(cle, () => null);
  const table = FIXES[bareme];
  return table !== undefined && Object.hasOwn(table, cle) ? table[cle]! : null;
}

/** "quatriemePersonneCouple" → "quatrieme personne couple": readable enough for a key with no label yet. */
function enMots(segment: string): string {
  // Acronyms (PLAI, IDF) stay as written.
  if (/^[A-Z0-9]+$/.test(segment)) return segment;
  return segment
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
}

/** The French label of a key; a key with no declared label reads as its words, first letter capitalised. */
export function libelleCle(bareme: string, cle: string): string {
  const declare = libelleCleDeclare(bareme, cle);
  if (declare !== null) return declare;
  const repere = bareme === "reperes_taux_effort" || bareme === "reperes_reste_a_vivre" ? libelleRepere(cle, enMots) : null;
  const texte = repere ?? cle.split(".").map(enMots).join(", ");
  return texte.charAt(0).toUpperCase() + texte.slice(1);
}
