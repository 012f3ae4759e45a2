import type { z } from "zod";
import type { CertificationSchema, DomainesSchema } from "./schema.ts";

/**
 * The competency referential of the certification « Accompagnement social des habitants » (RS 3474),
 * transcribed from `../shared/seed/referentiel-accompagnement-social-des-habitants.txt` (a PDF
 * extraction of the CNCP Inventaire sheet; a verbatim copy sits in `seed.ts` for the tests).
 *
 * How it was transcribed: the skills were segmented by reading the seed (a skill starts with an
 * infinitive, or a noun such as « participation », « mise en œuvre », and runs until the next one;
 * a line that starts with an infinitive inside a sentence — « rechercher des solutions fiables » in
 * activité 19 — is a continuation). Lines broken by the extraction are joined with one space, runs of
 * spaces collapsed, and the line-end hyphen of « primo-|débiteur » rejoined. Everything else is
 * verbatim, including the source's own slips (« Gère les situation conflictuelles », « transmette les
 * réclamations », the mixed ' and ’ apostrophes).
 *
 * Debris of the extraction left out (it sits between skills, never inside one):
 * - activité 1: the side column « Public visé par la certification / salariés / demandeurs d'emploi »;
 * - activité 10: the page footer « Commission nationale de la certification professionnelle » and
 *   « Inventaire des certifications et habilitations - édité le 25/04/2019 - page 3/9 »;
 * - activité 22: the side column « Modalités générales » (training paths, « Durée : 39 jours (273 heures)… »,
 *   « Rythme : … », « Salariés en poste », « Demandeurs d’emploi ») between its 3rd and 4th skill;
 * - after activité 24: « Durée en centre : 62 jours (434 heures)… », « Durée en entreprise : … ».
 *
 * Ids are positional (see schema.ts) and written out so that they stay stable and greppable.
 * Validated by `ReferentielSchema` when `index.ts` loads.
 */
export const DOMAINES: z.input<typeof DomainesSchema> = [
  {
    id: "D1",
    intitule: "Intervention sociale dans le logement",
    activites: [
      {
        id: "A01",
        numero: 1,
        intitule: "Conduit des entretiens à caractère social",
        competences: [
          { id: "A01-C01", libelle: "maîtriser les étapes de l’entretien social pour recueillir des informations permettant de traiter la situation" },
          { id: "A01-C02", libelle: "recueillir les données nécessaires à la compréhension de la situation pour clarifier les difficultés et les aspirations d'une personne à résoudre la situation" },
          { id: "A01-C03", libelle: "identifier les potentialités d'une personne en mesurant et en gérant son implication personnelle" },
          { id: "A01-C04", libelle: "analyser une situation complexe en mettant en œuvre une démarche de résolution de problème" },
          { id: "A01-C05", libelle: "adapter sa posture et les étapes de l’entretien en utilisant son approche sociologique de la situation" },
          { id: "A01-C06", libelle: "analyser les données recueillies pour donner du sens au traitement de la situation et constituer une aide à la décision" },
          { id: "A01-C07", libelle: "intégrer les engagements mutuels issus du contrat de location pour argumenter sa position" },
        ],
      },
      {
        id: "A02",
        numero: 2,
        intitule: "Informe les locataires sur l’accès aux droits",
        competences: [
          { id: "A02-C01", libelle: "maîtriser la nature et les modalités d’attribution des revenus de transfert et des minima sociaux pour actualiser la situation d’un locataire" },
          { id: "A02-C02", libelle: "impliquer le locataire dans les démarches d’ouverture des droits pour le rendre acteur de son parcours" },
          { id: "A02-C03", libelle: "expliquer les conditions requises pour l’attribution d’un droit, sa durée de versement et les démarches à faire pour anticiper les éventuelles difficultés en fin de droit" },
        ],
      },
      {
        id: "A03",
        numero: 3,
        intitule: "Mobilise les dispositifs sociaux",
        competences: [
          { id: "A03-C01", libelle: "identifier le dispositif d’accompagnement social adapté à la situation de la famille en analysant les données recueillies" },
          { id: "A03-C02", libelle: "expliquer les modalités et les conditions d’un suivi d’accompagnement social (ASLL, AVDL) pour impliquer la famille dans une démarche pérenne" },
          { id: "A03-C03", libelle: "orienter vers les équipements et les services de proximité auxquels les personnes peuvent faire appel en lien avec le diagnostic réalisé" },
        ],
      },
      {
        id: "A04",
        numero: 4,
        intitule: "Réalise une évaluation économique de la famille",
        competences: [
          { id: "A04-C01", libelle: "construire le budget de la famille en regroupant l’ensemble des données issues des entretiens (dépenses, revenus actuels et à actualiser)" },
          { id: "A04-C02", libelle: "déterminer le reste à vivre de la famille pour identifier l’impact du logement sur le budget global" },
          { id: "A04-C03", libelle: "analyser le potentiel économique de la famille pour proposer éventuellement une alternative logement" },
          { id: "A04-C04", libelle: "identifier les prestations, les aides financières éventuelles et les conditions générales de leur utilisation pour définir les marges de manœuvre dans l’instruction économique" },
        ],
      },
      {
        id: "A05",
        numero: 5,
        intitule: "Réalise une évaluation sociale de la famille",
        competences: [
          { id: "A05-C01", libelle: "rappeler et donner des repères sur les lois et les règles sociales permettant à la personne ou au groupe de s'y inscrire en tant que citoyen" },
          { id: "A05-C02", libelle: "inscrire son intervention dans les droits et les libertés fondamentales des personnes" },
          { id: "A05-C03", libelle: "prendre en compte les évolutions des problèmes sociaux et les enjeux politiques et institutionnels pour organiser le diagnostic social de la famille (MOUS, intermédiation locative, hébergement, colocation)" },
          { id: "A05-C04", libelle: "évaluer la famille dans le cadre d’un bail glissant en respectant les objectifs de chaque partenaire, association – famille – bailleur, pour identifier la capacité d’autonomie de la famille à devenir locataire en titre" },
        ],
      },
      {
        id: "A06",
        numero: 6,
        intitule: "Propose des améliorations dans le cadre de la maîtrise des charges et du développement durable",
        competences: [
          { id: "A06-C01", libelle: "identifier des postes maîtrisables dans les charges locatives, consommations individuelles ou collectives, pour proposer une optimisation des dépenses adaptée aux besoins de la famille" },
          { id: "A06-C02", libelle: "participation à des campagnes de sensibilisation des locataires en argumentant les actions retenues sur le plan écologique et durable" },
        ],
      },
      {
        id: "A07",
        numero: 7,
        intitule: "Rédige des écrits professionnels",
        competences: [
          { id: "A07-C01", libelle: "rédiger des écrits professionnels (rapport, compte-rendu, note, courrier) en utilisant des termes factuels et des arguments respectant les dispositions de lutte contre les discriminations" },
          { id: "A07-C02", libelle: "adapter la rédaction de ses écrits aux destinataires (locataires, partenaires institutionnels, associatifs …) pour faciliter le traitement des situations" },
          { id: "A07-C03", libelle: "partager les analyses avec la personne et les partenaires, sélectionner des informations pour traiter et conserver des informations" },
          { id: "A07-C04", libelle: "construire et rédiger des analyses sociales et écrire la synthèse d'une situation dans le respect des droits de la personne" },
        ],
      },
      {
        id: "A08",
        numero: 8,
        intitule: "Gère les situation conflictuelles",
        competences: [
          { id: "A08-C01", libelle: "désamorcer une situation conflictuelle et parfois faire face à l’agressivité de son interlocuteur, en se basant sur sa connaissance des publics et du cadre réglementaire de l’échange et en adoptant la posture adaptée" },
          { id: "A08-C02", libelle: "analyser les situations conflictuelles, les causes, les enjeux, les contraintes…, pour apporter des éléments constructifs dans l’échange" },
          { id: "A08-C03", libelle: "mettre en œuvre une démarche de résolution de problème visant la sortie positive du conflit" },
        ],
      },
      {
        id: "A09",
        numero: 9,
        intitule: "Assure le reporting de son activité et travaille en équipe",
        competences: [
          { id: "A09-C01", libelle: "analyser l’évolution de la fonction sociale dans le logement social pour donner du sens à son activité" },
          { id: "A09-C02", libelle: "situer son rôle dans les missions du logement social et dans la stratégie de l’organisme définie notamment dans le PSP et dans la CUS" },
          { id: "A09-C03", libelle: "identifier les acteurs des différentes chaînes de traitement des situations des locataires pour définir les limites, les contraintes et les impacts de son action" },
          { id: "A09-C04", libelle: "identifier les conséquences du type de financement du logement social en termes de niveau de loyer et d’occupation sociale pour mettre en œuvre une politique de gestion prévisionnelle des situations" },
          { id: "A09-C05", libelle: "évaluer son intervention sociale (reporting, tableaux de bord) pour tracer et partager l’information en interne" },
          { id: "A09-C06", libelle: "se définir des indicateurs de progression et évaluer ses méthodes pratiques et outils" },
          { id: "A09-C07", libelle: "coopérer avec d'autres professionnels de son service, solliciter leurs avis, leurs connaissances, leurs compétences" },
          { id: "A09-C08", libelle: "transmettre ses propres observations et analyses et confronter ses observations" },
        ],
      },
      {
        id: "A10",
        numero: 10,
        intitule: "Accompagne des projets de proximité",
        competences: [
          { id: "A10-C01", libelle: "faire émerger les demandes d'une population et accompagner les initiatives des locataires en restant dans le cadre de ses attributions et représenter l’organisme" },
          { id: "A10-C02", libelle: "représenter le bailleur vis-à-vis des partenaires sociaux et territoriaux en portant les missions et contraintes de l’organisme" },
          { id: "A10-C03", libelle: "appliquer la méthodologie d'intervention sociale auprès des groupes dans le cadre de la participation des habitants" },
          { id: "A10-C04", libelle: "repérer une problématique commune à un groupe pour négocier des compromis d’actions collectives et mobiliser les personnes" },
          { id: "A10-C05", libelle: "définir le but et les objectifs de l'action, notamment développer l'aide mutuelle et évaluer l’action" },
          { id: "A10-C06", libelle: "identifier les partenaires inter-institutionnels de son environnement et connaître leur culture pour négocier les priorités d'action avec tous les partenaires pertinents et en formuler les objectifs" },
          { id: "A10-C07", libelle: "apporter un appui technique à l'action des groupes et populations mobilisés" },
          { id: "A10-C08", libelle: "évaluer les résultats de l'action et les effets du processus d'intervention" },
          { id: "A10-C09", libelle: "animer un réseau de professionnels en tenant compte du positionnement et des stratégies de l'ensemble des acteurs" },
        ],
      },
    ],
  },
  {
    id: "D2",
    intitule: "Accès au logement",
    activites: [
      {
        id: "A11",
        numero: 11,
        intitule: "Conduit un diagnostic social lors de l’attribution du logement ou en cas de mutation",
        competences: [
          { id: "A11-C01", libelle: "renseigner les demandeurs sur la procédure d’attribution en précisant les conditions, le délai d’instruction et les pièces à fournir pour limiter les relances" },
          { id: "A11-C02", libelle: "conduire un entretien avec le candidat locataire pour identifier ses besoins, attentes et contraintes afin d’identifier le produit cible" },
          { id: "A11-C03", libelle: "présenter l'offre locative : les disponibilités et les fonctionnalités du logement, l'environnement des logements (services publics, transport) pour orienter le demandeur dans son choix préférentiel" },
          { id: "A11-C04", libelle: "appliquer les règles d’utilisation des outils de traitement des informations relatives aux demandeurs de logement et repérer les limites afin de respecter la réglementation liée à la lutte contre les discriminations" },
          { id: "A11-C05", libelle: "appliquer les règles particulières aux publics spécifiques, jeunes, étrangers, mineurs et majeurs protégés… lors du recueil de la demande" },
          { id: "A11-C06", libelle: "apporter des réponses pertinentes aux demandes de mutation des locataires en place dans le cadre des enjeux de la mobilité résidentielle et ses liens avec la qualité de service" },
        ],
      },
      {
        id: "A12",
        numero: 12,
        intitule: "Oriente vers dispositifs d’aide à l’accès au logement",
        competences: [
          { id: "A12-C01", libelle: "identifier les ressources de la famille et apprécier la solvabilité du candidat en calculant le reste à vivre au regard du logement identifié" },
          { id: "A12-C02", libelle: "monter les dossiers d’accès au logement pour candidats éligibles : FSL accès, ASLL, Locapass" },
          { id: "A12-C03", libelle: "argumenter un dossier de demande d’aide à l’accès au logement en mettant en avant la situation socio-économique de la famille et en démontrant l’implication du candidat" },
        ],
      },
      {
        id: "A13",
        numero: 13,
        intitule: "Prépare et participe aux passages en Commission d’Attributions des Logements - CAL",
        competences: [
          { id: "A13-C01", libelle: "renseigner la fiche synthétique de la CAL pour chaque logement à attribuer en mettant en avant les points forts et faibles des candidatures afin qu’elle constitue une aide fiable à la décision" },
          { id: "A13-C02", libelle: "présenter les situations des candidats identifiés pour chaque logement en mettant en relief les spécificités de chaque ménage proposé (situations d’urgence, risques potentiels, adéquation avec les critères de la CAL …) pour permettre aux membres de la CAL de choisir objectivement l’attributaire" },
          { id: "A13-C03", libelle: "exposer une situation sociale en respectant les obligations issues de la non-discrimination, de son devoir de discrétion et de réserve" },
        ],
      },
      {
        id: "A14",
        numero: 14,
        intitule: "Participe à la politique de peuplement de l’organisme",
        competences: [
          { id: "A14-C01", libelle: "renseigner les outils de suivi des mouvements locatifs et de l’occupation sociale des immeubles pour permettre de mesurer l'évolution de la mixité sociale et du peuplement de son secteur" },
          { id: "A14-C02", libelle: "analyser les enquêtes d’occupation sociale pour mesurer les équilibres sociologiques au regard des objectifs stratégiques de peuplement de l’organisme" },
          { id: "A14-C03", libelle: "favoriser, par une sélection précise, l’accueil de ménages dans son secteur au regard des enjeux de mixité sociale, de prévention des risques de discrimination et du relogement dans le cadre d’opérations de renouvellement urbain" },
        ],
      },
      {
        id: "A15",
        numero: 15,
        intitule: "Participe aux dispositifs de mobilité résidentielle",
        competences: [
          { id: "A15-C01", libelle: "conduire des évaluations sociales et économiques pour proposer ou valider des projets de mobilité résidentielle" },
          { id: "A15-C02", libelle: "favoriser la mobilité résidentielle pour résorber des situations d’impayés en proposant une alternative logement" },
          { id: "A15-C03", libelle: "accompagner les personnes âgées et/ou handicapées dans des logements plus adaptés" },
        ],
      },
      {
        id: "A16",
        numero: 16,
        intitule: "Accompagne le relogement des familles",
        competences: [
          { id: "A16-C01", libelle: "prendre en charge l’établissement du cahier des charges de l’ingénierie sociale de l’opération de réhabilitation : enquête sociale, démarche de relogement,…" },
          { id: "A16-C02", libelle: "réaliser un état de l’occupation actuelle des logements et le suivi des familles tout au long du chantier" },
          { id: "A16-C03", libelle: "organiser le relogement ponctuel des familles fragilisées par le déroulement des travaux" },
          { id: "A16-C04", libelle: "gérer la gestion de la communication avec les locataires : dispositif de concertation, livret d’information, documents, permanences d’accueil" },
          { id: "A16-C05", libelle: "transmette les réclamations et remarques aux personnels en charge du projet : chargé d’opérations, chargé de clientèle" },
        ],
      },
    ],
  },
  {
    id: "D3",
    intitule: "Impayés locatifs",
    activites: [
      {
        id: "A17",
        numero: 17,
        intitule: "Prévient les impayés locatifs",
        competences: [
          { id: "A17-C01", libelle: "identifier le contexte socio-économique de l’impayé pour orienter les actions de résorption de la dette" },
          { id: "A17-C02", libelle: "mener des actions d'information sur les dépenses liées au logement et la tenue d'un budget dès l’attribution du logement en expliquant les conséquences d'un impayé" },
          { id: "A17-C03", libelle: "informer et aider le locataire à bénéficier de ses droits légaux et sociaux au regard de sa situation pour limiter les risques de primo-débiteur" },
          { id: "A17-C04", libelle: "assurer un suivi personnalisé du locataire fragile dès l'accès au logement" },
        ],
      },
      {
        id: "A18",
        numero: 18,
        intitule: "Suit les dossiers de surendettement et de PRP",
        competences: [
          { id: "A18-C01", libelle: "assurer le suivi des dossiers de surendettement et de PRP en lien avec le service de gestion locative de l’organisme" },
          { id: "A18-C02", libelle: "proposer des alternatives à la commission et au juge en argumentant une coproduction efficiente pour la famille" },
        ],
      },
      {
        id: "A19",
        numero: 19,
        intitule: "Conduit un entretien avec le débiteur",
        competences: [
          { id: "A19-C01", libelle: "mettre en place une relation personnalisée avec le débiteur : entretien physique, téléphonique, visites à domicile... pour faire le diagnostic de la situation et organiser le traitement" },
          { id: "A19-C02", libelle: "conduire un entretien avec le débiteur en visant deux objectifs, lui faire reconnaître le problème et le rendre acteur de la résorption de la dette" },
          { id: "A19-C03", libelle: "rechercher les causes de l’impayé : situation économique, modification familiale, professionnelle, mauvaise gestion, mauvaise foi … pour organiser le recouvrement de la dette à l’amiable ou en contentieux" },
          { id: "A19-C04", libelle: "faire évoluer l'attitude du locataire et dégager un accord en l’aidant à rechercher des solutions fiables" },
        ],
      },
      {
        id: "A20",
        numero: 20,
        intitule: "Assure le traitement social de l’impayé",
        competences: [
          { id: "A20-C01", libelle: "réaliser une évaluation sociale de la situation, pour définir les démarches à proposer et les acteurs à solliciter au regard des contraintes de la famille" },
          { id: "A20-C02", libelle: "réaliser une évaluation économique de la famille en identifiant la nature des revenus, des dépenses, des dettes, l’existence d’un dossier de surendettement ou d’une Procédure de Rétablissement Personnel – PRP, pour définir les marges de manœuvre" },
          { id: "A20-C03", libelle: "mobiliser les dispositifs de prévention des expulsions adaptés, le Fonds de Solidarité Logement pour le maintien dans les lieux - FSL Maintien, la Commission de Coordination des Actions de Prévention des Expulsions – CCAPEX et les dispositifs d’accompagnement, Accompagnement Social lié au logement – ASLL, Mesure d’Accompagnement Social Personnalisé – MASP, Accompagnement Vers et Dans le Logement - AVDL" },
          { id: "A20-C04", libelle: "développer une collaboration active avec les partenaires sociaux, Conseil Départemental, CAF, CCAS, Organismes Tutélaires pour maintenir un travail partenarial efficace" },
        ],
      },
      {
        id: "A21",
        numero: 21,
        intitule: "Assure le traitement administratif de l’impayé",
        competences: [
          { id: "A21-C01", libelle: "effectuer des relances systématiques et automatiques des débiteurs, relances téléphoniques, envoi des courriers de relances, convocations en agence … pour éviter que le retard de paiement devienne un impayé lourd" },
          { id: "A21-C02", libelle: "négocier, proposer et gérer un plan d'apurement ou accord de paiement réaliste des impayés de loyers en intégrant les données économiques du ménage" },
          { id: "A21-C03", libelle: "mettre en œuvre les garanties aux impayés : cautions, familles, services sociaux, FSL Maintien, Locapass … pour les informer de la situation et des sollicitations possibles" },
          { id: "A21-C04", libelle: "proposer des actions techniques pour mieux équilibrer la dépense logement à la situation de la famille : mutation dans un logement plus adapté, aide à la gestion budgétaire …" },
          { id: "A21-C05", libelle: "préparer les pièces nécessaires à la constitution d'un dossier sans issue amiable et visant la résiliation du bail et le transmettre au service contentieux de l’organisme pour un traitement opérant" },
          { id: "A21-C06", libelle: "gérer l'interface avec le service contentieux, le locataire et les autres services de l’organisme pour un passage de relai constructif" },
        ],
      },
    ],
  },
  {
    id: "D4",
    intitule: "Troubles de voisinage",
    activites: [
      {
        id: "A22",
        numero: 22,
        intitule: "Intervient dans les troubles de voisinage",
        competences: [
          { id: "A22-C01", libelle: "définir si le désordre signalé ou constaté relève d’un inconvénient anormal de voisinage en déclinant les facteurs pris en compte par les tribunaux pour décider de prendre en charge sa résolution" },
          { id: "A22-C02", libelle: "analyser la situation et évaluer le trouble causé pour déclencher les actions à mettre en œuvre pour la préservation du cadre de vie" },
          { id: "A22-C03", libelle: "mise en œuvre de démarches de résolution amiable en recherchant les faits et les causes du problème avec pour objectif de faire cesser le trouble" },
          { id: "A22-C04", libelle: "appliquer les procédures internes de traitement des troubles de voisinage et mesurer son rôle dans la chaîne de traitement et notamment face aux protagonistes" },
          { id: "A22-C05", libelle: "constituer et développer un réseau de partenaires pour gérer les situations de troubles relevant notamment de pathologies, d’addictions ou de santé mentale" },
          { id: "A22-C06", libelle: "activer les partenariats adéquats : police, secteur psychiatrique, conciliateur de justice pour une prise de relais spécialisée" },
          { id: "A22-C07", libelle: "constituer dès le départ un dossier conséquent pour prouver l’antériorité, la fréquence et l’intensité du trouble ainsi que les différentes interventions du bailleur" },
        ],
      },
      {
        id: "A23",
        numero: 23,
        intitule: "Conduit des entretiens avec le plaignant et le fauteur de trouble",
        competences: [
          { id: "A23-C01", libelle: "conduire un entretien avec le plaignant en restant dans une posture neutre pour faire préciser les faits relatés et impliquer le plaignant dans la résolution de la situation, notamment s’engager par écrit et fournir une attestation" },
          { id: "A23-C02", libelle: "conduire un entretien avec le fauteur de trouble en rappelant les faits reprochés, les obligations du contrat et les risques encourus" },
          { id: "A23-C03", libelle: "faire reconnaître le trouble par le fauteur et lui faire exprimer son point de vue en utilisant les techniques d’entretien basé sur le questionnement pour qu’il adhère au besoin de résoudre la situation" },
          { id: "A23-C04", libelle: "formaliser par écrit le contenu des entretiens en rappelant les faits, les résolutions prises, le cadre réglementaire et les risques encourus" },
        ],
      },
      {
        id: "A24",
        numero: 24,
        intitule: "Conduit une confrontation",
        competences: [
          { id: "A24-C01", libelle: "utiliser les techniques de gestion des conflits pour impliquer chacun dans la résolution du trouble" },
          { id: "A24-C02", libelle: "négocier des engagements mutuels avec les protagonistes" },
          { id: "A24-C03", libelle: "organiser une confrontation en adoptant une position de médiateur pour que chacun entende les arguments de l’autre, fixer des objectifs et les évaluer" },
        ],
      },
    ],
  },
];

export const CERTIFICATION: z.input<typeof CertificationSchema> = {
  intitule: "Accompagnement social des habitants",
  identifiant: "RS3474",
  numeroFiche: "3474",
  categorie: "C",
  objectifs:
    "Vérifier les connaissances (réglementaires, sociales, partenariales et procédurales) et savoir-faire (entretien, diagnostic social, information - orientation – conseil) des conseillers sociaux pour l’accompagnement social des familles en difficultés en lien avec le logement (difficultés d’accès, difficultés économiques, difficultés comportementales).",
  // « Date de création de la certification : 06/07/2012 », « Version du : 27/03/2018 ».
  dateCreation: "2012-07-06",
  dateVersion: "2018-03-27",
  // « 4 composantes de la certification », in the source's order and words; one per domaine.
  composantes: [
    { domaine: "D1", libelle: "intervention sociale dans le logement" },
    { domaine: "D2", libelle: "accès au logement" },
    { domaine: "D3", libelle: "impayés locatifs" },
    { domaine: "D4", libelle: "troubles de voisinage" },
  ],
  // « Compétences évaluées » (the closing parenthesis is the source's).
  certificationComplete:
    "Pour obtenir la certification complète, l’ensemble des compétences des 4 domaines d’activités (intervention dans le logement social, accès au logement, impayés locatifs et troubles de voisinage) sont évaluées).",
  certificationPartielle: {
    // « Possibilité de certification partielle : oui »
    possible: true,
    parDomaine: true,
    // « Étendue de la certification partielle : »
    etendue:
      "La certification est centrée sur 4 domaines d’activités. Chacun de ces domaines, composé de compétences indépendantes et complémentaires, peut donner lieu à une certification partielle",
    // « En cas de validation partielle, le candidat peut compléter la certification : »
    modalitesPourCompleter: [
      "en se présentant à une évaluation partielle, après un éventuel parcours de formation dédié",
      "en candidat libre",
      "en VAE",
    ],
  },
  validite: {
    // « La validité est Permanente »
    certification: "Permanente",
    // « Durée de validité des composantes acquises : sans limite de validité »
    composantesAcquises: "sans limite de validité",
    // « Durée accordée pour valider les composantes manquantes : 5 ans »
    delaiPourValiderComposantesManquantes: { libelle: "5 ans", annees: 5 },
  },
  // « Matérialisation officielle de la certification : Certificat de compétences »
  materialisation: "Certificat de compétences",
  source: {
    document: "Inventaire des certifications et habilitations",
    editeur: "Commission nationale de la certification professionnelle",
    editeLe: "2019-04-25",
    fichier: "referentiel-accompagnement-social-des-habitants.txt",
  },
};
