import { valider } from "../schemas.ts";
import { BaremeArgs, CapaciteRemboursementArgs, PlafondRessourcesArgs, QuotiteSaisissableArgs, RsaForfaitaireArgs } from "../schemasBaremes.ts";
import { rsaForfaitaire } from "../rsa.ts";
import { quotiteSaisissable } from "../quotiteSaisissable.ts";
import { capaciteRemboursement } from "../capaciteRemboursement.ts";
import { plafondRessources } from "../plafondsRessources.ts";
import { CATALOGUE, dateFr, type CatalogueBaremes } from "../baremes/catalogue.ts";
import { clesFeuilles, valeurParCle } from "../baremes/cle.ts";
import { ErreurLogsoc } from "../errors.ts";
import { baremeEtape } from "../explication/traceur.ts";
import type { ContexteCalcul, DefinitionFonction } from "./types.ts";

const ARG_DATE = {
  nom: "date",
  description: "Date à laquelle le barème s'applique (date Excel ou AAAA-MM-JJ).",
  type: "date",
  optionnel: true,
  defaut: "aujourd'hui",
} as const;

function catalogue(ctx: ContexteCalcul): CatalogueBaremes {
  return ctx.baremes ?? CATALOGUE;
}

const ARG_ISOLEMENT_MAJORE = {
  nom: "isolement_majore",
  description:
    "VRAI pour un parent isolé ou une femme enceinte isolée pendant la période de majoration (CASF L.262-9) : le RSA majoré (128,412 % du montant d'une personne seule, +42,804 % par enfant) remplace le montant ordinaire.",
  type: "booleen",
  optionnel: true,
  defaut: "FAUX",
} as const;

const ARG_PERSONNES_25_PLUS = {
  nom: "personnes_25_plus",
  description:
    "Parmi les enfants ou personnes à charge, nombre de personnes de 25 ans ou plus (un ascendant, par exemple) : elles ouvrent +30 %, jamais les +40 % dus à partir du 3e enfant ou de la 3e personne de moins de 25 ans (CASF R.262-1).",
  type: "entier",
  optionnel: true,
  defaut: "0",
} as const;

export const RSA_FORFAITAIRE: DefinitionFonction = {
  nom: "RSA_FORFAITAIRE",
  schema: RsaForfaitaireArgs,
  description:
    "Calcule le montant forfaitaire mensuel du RSA du foyer à la date choisie, majoré pour isolement si demandé, diminué si demandé du forfait logement dans la limite de l'aide au logement perçue (CASF L.262-2, L.262-9, R.262-1, R.262-9, R.262-10).",
  arguments: [
    { nom: "couple", description: "VRAI pour un couple, FAUX pour une personne seule.", type: "booleen", optionnel: false },
    { nom: "enfants", description: "Nombre d'enfants ou de personnes à charge du foyer.", type: "entier", optionnel: true, defaut: "0" },
    ARG_DATE,
    {
      nom: "forfait_logement",
      description:
        "FAUX : pas de forfait logement ; VRAI : forfait entier (logé gratuitement, propriétaire sans emprunt, ou aide au logement au moins égale au forfait) ; un montant : l'aide au logement mensuelle perçue, le forfait étant déduit dans la limite de cette aide (CASF R.262-10).",
      type: "booleen_ou_montant",
      optionnel: true,
      defaut: "FAUX",
    },
    ARG_ISOLEMENT_MAJORE,
    ARG_PERSONNES_25_PLUS,
  ],
  resultat: { type: "nombre", format: "euros" },
  calculer(brut, ctx, trace) {
    const a = valider(RsaForfaitaireArgs, brut);
    return rsaForfaitaire(
      { couple: a.couple, enfants: a.enfants, ...(a.personnes_25_plus !== undefined ? { personnes25Plus: a.personnes_25_plus } : {}) },
      a.date ?? ctx.aujourdhui,
      { forfaitLogement: a.forfait_logement, isolementMajore: a.isolement_majore, catalogue: catalogue(ctx), ...(trace !== undefined ? { trace } : {}) },
    ).toNumber();
  },
};

export const QUOTITE_SAISISSABLE: DefinitionFonction = {
  nom: "QUOTITE_SAISISSABLE",
  schema: QuotiteSaisissableArgs,
  description:
    "Calcule la part saisissable d'une rémunération mensuelle nette selon le barème en vigueur, en laissant au débiteur au moins le RSA d'une personne seule (C. trav. R.3252-2 à R.3252-5).",
  arguments: [
    { nom: "remuneration_mensuelle_nette", description: "Rémunération mensuelle nette (après cotisations et prélèvement à la source), en euros.", type: "montant", optionnel: false },
    { nom: "personnes_a_charge", description: "Nombre de personnes à la charge du débiteur (conjoint, enfants, ascendants au sens de R.3252-3).", type: "entier", optionnel: true, defaut: "0" },
    ARG_DATE,
  ],
  resultat: { type: "nombre", format: "euros" },
  calculer(brut, ctx, trace) {
    const a = valider(QuotiteSaisissableArgs, brut);
    return quotiteSaisissable(a.remuneration_mensuelle_nette, a.personnes_a_charge, a.date ?? ctx.aujourdhui, catalogue(ctx), trace).toNumber();
  },
};

export const CAPACITE_REMBOURSEMENT: DefinitionFonction = {
  nom: "CAPACITE_REMBOURSEMENT",
  schema: CapaciteRemboursementArgs,
  description:
    "Calcule la capacité de remboursement mensuelle selon la méthode Banque de France : quotité saisissable, plafonnée aux ressources moins le plus élevé du RSA du foyer (majoré pour isolement si demandé) et des charges.",
  arguments: [
    { nom: "ressources", description: "Ressources mensuelles du foyer, en euros (nombre ou plage).", type: "montant", optionnel: false },
    { nom: "charges", description: "Charges courantes mensuelles du foyer, en euros (nombre ou plage).", type: "montant", optionnel: false },
    {
      nom: "couple",
      description:
        "VRAI pour un couple : le conjoint compte comme personne à charge pour la quotité saisissable, sauf si ses ressources propres, indiquées par ressources_conjoint, atteignent le RSA d'une personne seule.",
      type: "booleen",
      optionnel: true,
      defaut: "FAUX",
    },
    { nom: "enfants", description: "Nombre d'enfants ou de personnes à charge du foyer.", type: "entier", optionnel: true, defaut: "0" },
    ARG_DATE,
    {
      ...ARG_ISOLEMENT_MAJORE,
      description:
        "VRAI pour un parent isolé ou une femme enceinte isolée pendant la période de majoration (CASF L.262-9) : le minimum laissé au foyer est alors le RSA majoré (C. consommation L.731-2, R.731-1).",
    },
    {
      nom: "ressources_conjoint",
      description:
        "Ressources mensuelles propres du conjoint, en euros : il ne compte comme personne à charge que si elles sont inférieures au RSA d'une personne seule (C. trav. R.3252-3). Omis : le conjoint compte comme personne à charge (comportement antérieur).",
      type: "montant",
      optionnel: true,
      defaut: "conjoint compté à charge",
    },
    ARG_PERSONNES_25_PLUS,
  ],
  resultat: { type: "nombre", format: "euros" },
  calculer(brut, ctx, trace) {
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
      a.date ?? ctx.aujourdhui,
      catalogue(ctx),
      trace,
    ).toNumber();
  },
};

export const PLAFOND_RESSOURCES: DefinitionFonction = {
  nom: "PLAFOND_RESSOURCES",
  schema: PlafondRessourcesArgs,
  description:
    "Donne le plafond annuel de ressources (revenu fiscal de référence N-2) d'un logement social selon le financement, la catégorie de ménage et la zone.",
  arguments: [
    { nom: "financement", description: "Financement du logement : PLAI, PLUS ou PLS.", type: "texte", optionnel: false },
    { nom: "categorie", description: "Catégorie de ménage de 1 à 6 ; 7 et plus : catégorie 6 plus une personne par unité au-delà de 6.", type: "entier", optionnel: false },
    { nom: "zone", description: "PARIS (Paris et communes limitrophes), IDF (reste de l'Île-de-France) ou AUTRES (autres régions).", type: "texte", optionnel: false },
    ARG_DATE,
  ],
  resultat: { type: "nombre", format: "euros" },
  calculer(brut, ctx, trace) {
    const a = valider(PlafondRessourcesArgs, brut);
    return plafondRessources(a.financement, a.categorie, a.zone, a.date ?? ctx.aujourdhui, catalogue(ctx), trace).toNumber();
  },
};

export const BAREME: DefinitionFonction = {
  nom: "BAREME",
  schema: BaremeArgs,
  description:
    "Renvoie une valeur d'un barème en vigueur à la date choisie, désignée par sa clé (par ex. « montant » ou « PLUS.AUTRES.cat3 »).",
  arguments: [
    { nom: "identifiant", description: "Identifiant du barème, par ex. rsa_montant_forfaitaire, saisie_remuneration, plafonds_ressources_hlm, smic.", type: "texte", optionnel: false },
    ARG_DATE,
    { nom: "cle", description: "Chemin de la valeur dans le barème, noms séparés par des points (majuscules indifférentes).", type: "texte", optionnel: true, defaut: "la valeur principale du barème" },
  ],
  resultat: { type: "valeur" },
  calculer(brut, ctx, trace) {
    const a = valider(BaremeArgs, brut);
    const cat = catalogue(ctx);
    const b = cat.bareme(a.identifiant);
    const version = cat.enVigueur(b.id, a.date ?? ctx.aujourdhui);
    const cle = a.cle ?? b.clePrincipale;
    if (cle === undefined) {
      throw new ErreurLogsoc(
        "CLE_INCONNUE",
        `Le barème ${b.id} n'a pas de valeur principale : indiquez une clé. Clés possibles : ${clesFeuilles(version.valeurs).join(", ")}.`,
        ["cle"],
      );
    }
    const trouvee = valeurParCle(version.valeurs, cle, { bareme: b.id, dateEffet: dateFr(version.dateEffet) });
    // The barème's unit is a sentence (« € par mois (montant pour une personne seule) ; taux … »): its first part names the unit.
    trace?.bareme(`${b.libelle} : ${trouvee.cle}`, trouvee.valeur, b.unite.split(/\s*[:;(]/)[0]!.trim(), baremeEtape(b.id, version, trouvee.cle), version.source.reference);
    return trouvee.valeur;
  },
};

export const FONCTIONS_BAREMES = [RSA_FORFAITAIRE, QUOTITE_SAISISSABLE, CAPACITE_REMBOURSEMENT, PLAFOND_RESSOURCES, BAREME] as const;
