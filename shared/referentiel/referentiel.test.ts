import { describe, expect, it } from "vitest";
import { estErreurLogsoc } from "#shared/errors.ts";
import { CERTIFICATION, DOMAINES } from "#shared/referentiel/donnees.ts";
import { REFERENTIEL, referentielPublic, toutesLesActivites, toutesLesCompetences, trouverCompetence } from "#shared/referentiel/index.ts";
import { ReferentielSchema } from "#shared/referentiel/schema.ts";
import { SEED } from "#shared/referentiel/seed.ts";

/** The seed, copied verbatim from ../shared/seed/ (seed.ts) so that the test reads no file and depends on no workspace layout. */
const SOURCE: string = SEED;

const libelle = (id: string) => trouverCompetence(id).competence.libelle;
const activite = (numero: number) => toutesLesActivites().find((a) => a.numero === numero)!;

/**
 * Counted by hand, reading the seed with `cat -n`: a skill is one infinitive clause (« maîtriser … pour … »,
 * or a noun phrase: « participation à … » in activité 6, « mise en œuvre de … » in activité 22) running over
 * one to six lines until the next clause starts; the side column, page footer and training-duration lines
 * (see DEBRIS below) are not skills. The line (1-based) where each skill starts in the seed:
 */
const LIGNES_DE_DEBUT: Record<number, number[]> = {
  1: [56, 58, 61, 63, 71, 73, 75], // 66–70: the « Public visé » side column
  2: [79, 82, 84],
  3: [89, 91, 94],
  4: [98, 101, 103, 105],
  5: [110, 113, 115, 118],
  6: [125, 128], // title on lines 122–123
  7: [132, 135, 138, 140],
  8: [144, 148, 150],
  9: [154, 156, 158, 161, 164, 166, 168, 170],
  10: [174, 177, 179, 181, 183, 192, 195, 197, 199], // 186–188: page footer
  11: [206, 209, 211, 214, 218, 221], // title on lines 203–204
  12: [226, 228, 230],
  13: [236, 239, 244], // title on lines 233–234
  14: [247, 250, 253],
  15: [259, 261, 263],
  16: [267, 270, 272, 274, 276],
  17: [282, 284, 287, 290], // 288–289: « primo-|débiteur »
  18: [294, 296],
  19: [300, 303, 305, 308], // 309 « rechercher des solutions fiables » continues 308
  20: [312, 315, 319, 325],
  21: [330, 334, 337, 340, 343, 346],
  22: [352, 355, 357, 386, 389, 392, 394], // 360–384: the « Modalités générales » side column
  23: [400, 404, 406, 409], // title on lines 397–398
  24: [413, 415, 416], // from 419: training durations and the rest of the sheet
};
// The same counts, written out:
const COMPETENCES_PAR_ACTIVITE: Record<number, number> = {
  1: 7, 2: 3, 3: 3, 4: 4, 5: 4, 6: 2, 7: 4, 8: 3, 9: 8, 10: 9,
  11: 6, 12: 3, 13: 3, 14: 3, 15: 3, 16: 5,
  17: 4, 18: 2, 19: 4, 20: 4, 21: 6,
  22: 7, 23: 4, 24: 3,
};
// Domaine d’activité 1 heads activités 1–10, 2 heads 11–16, 3 heads 17–21, 4 heads 22–24.
const ACTIVITES_PAR_DOMAINE = { D1: [1, 10], D2: [11, 16], D3: [17, 21], D4: [22, 24] } as const;
// 7+3+3+4+4+2+4+3+8+9 = 47 ; 6+3+3+3+3+5 = 23 ; 4+2+4+4+6 = 20 ; 7+4+3 = 14 ; 47+23+20+14 = 104.
const COMPETENCES_PAR_DOMAINE = { D1: 47, D2: 23, D3: 20, D4: 14 } as const;

/** Every non-blank line of the seed, between the first domain heading and the end of activité 24, that is not the referential. */
const DEBRIS = [
  // side column of page 2, inside activité 1
  "Public visé par la",
  "certification",
  "salariés",
  "demandeurs d'emploi",
  // page footer, inside activité 10
  "Commission nationale de la certification professionnelle",
  "Inventaire des certifications et habilitations - édité le 25/04/2019 - page 3/9",
  // side column « Modalités générales », inside activité 22
  "Modalités générales",
  "La certification est accessible après un parcours de formation dont la durée globale est liée au public visé.",
  "En effet, elle peut s’adresser à des salariés en poste de conseillers sociaux dans les organismes de",
  "logement social (récemment recruté ou en mobilité professionnelle) ou des demandeurs d’emploi souhaitant",
  "rejoindre le secteur.",
  "Cependant, pour chaque public, une évaluation initiale peut définir des parcours adaptés, avec des durées",
  "ajustées pour chaque thème de formation.",
  "La formation est centrée sur les grandes activités de la fonction sociale des bailleurs sociaux et, de façon",
  "transverse, s’appuie sur des outils participatifs visant l’analyse de la pratique et l’appropriation d’une",
  "démarche de résolution de problème (concrétisée par l’écriture, tout au long du parcours, d’un dossier de",
  "traitement d’une situation problématique, son analyse et les préconisations d’amélioration)",
  "Salariés en poste :",
  "Parcours de formation en alternance :",
  "Durée : 39 jours (273 heures), dont 2 jours d’évaluation",
  "Rythme : 2 à 3 jours toutes les 3 semaines",
  "Demandeurs d’emploi:",
];

/** What the debris looks like, wherever it might leak: none of it may appear in a skill or a title. */
const MOTIFS_DEBRIS: RegExp[] = [
  /Public visé/i,
  /certification/i,
  /salariés/i,
  /demandeurs d['’]emploi/i,
  /Commission nationale/i,
  /Inventaire des certifications/i,
  /édité le/i,
  /page\s*\d/i,
  /Modalités générales/i,
  /Durée\s*(:|en\b)/i,
  /heures/i,
  /\bjours?\b/i,
  /semaines?/i,
  /Rythme/i,
  /Parcours de formation/i,
  /alternance/i,
  /tuteur/i,
  /Liens avec le développement durable/i,
  /Valeur ajoutée/i,
  /Evaluation \/ certification/i,
  /Activité \d|Domaine d[’']activité/i, // a heading glued to a skill
  /\d/, // page numbers, durations, dates: the referential's skills contain no digit
];

describe("référentiel : schéma", () => {
  it("les données brutes passent le schéma (comme au chargement)", () => {
    expect(ReferentielSchema.safeParse({ domaines: DOMAINES, certification: CERTIFICATION }).success).toBe(true);
    expect(ReferentielSchema.parse(REFERENTIEL)).toEqual(REFERENTIEL);
  });

  it("le référentiel chargé est figé", () => {
    expect(Object.isFrozen(REFERENTIEL.domaines[0]!.activites[0]!.competences[0])).toBe(true);
    expect(Object.isFrozen(REFERENTIEL.certification.composantes)).toBe(true);
  });

  const copie = () => JSON.parse(JSON.stringify({ domaines: DOMAINES, certification: CERTIFICATION })) as { domaines: typeof DOMAINES; certification: typeof CERTIFICATION };
  const messages = (donnees: unknown) => {
    const r = ReferentielSchema.safeParse(donnees);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it("refuse un libellé resté sur deux lignes ou avec des espaces superflus", () => {
    const d = copie();
    d.domaines[0]!.activites[0]!.competences[0]!.libelle = "maîtriser les étapes\nde l’entretien";
    expect(messages(d)).toContain("Le texte doit tenir sur une ligne, sans espace superflu.");
    d.domaines[0]!.activites[0]!.competences[0]!.libelle = " maîtriser";
    expect(messages(d)).toContain("Le texte doit tenir sur une ligne, sans espace superflu.");
  });

  it("refuse une compétence perdue (identifiants qui sautent) ou dupliquée", () => {
    const d = copie();
    d.domaines[0]!.activites[0]!.competences.splice(1, 1);
    expect(messages(d)).toContain("La compétence n°2 de A01 doit avoir l'identifiant A01-C02, pas A01-C03.");
    const e = copie();
    const cs = e.domaines[0]!.activites[0]!.competences;
    cs.splice(1, 0, { ...cs[0]! });
    expect(messages(e)).toContain("La compétence n°2 de A01 doit avoir l'identifiant A01-C02, pas A01-C01.");
  });

  it("refuse une activité mal numérotée ou un domaine mal identifié", () => {
    const d = copie();
    d.domaines[1]!.activites[0]!.numero = 12;
    expect(messages(d)).toContain("L'activité A11 doit porter le numéro 11, pas 12.");
    const e = copie();
    e.domaines[3]!.id = "D5";
    expect(messages(e).some((m) => m.startsWith("Le domaine n°4 doit avoir l'identifiant D4, pas D5."))).toBe(true);
  });

  it("refuse des composantes qui ne correspondent pas aux domaines", () => {
    const d = copie();
    d.certification.composantes.pop();
    expect(messages(d)).toContain("Les composantes (D1, D2, D3) doivent correspondre une à une aux domaines (D1, D2, D3, D4).");
  });

  it("refuse un champ inconnu", () => {
    const d = copie() as { domaines: { activites: { competences: Record<string, unknown>[] }[] }[] };
    d.domaines[0]!.activites[0]!.competences[0]!.niveau = 1;
    expect(ReferentielSchema.safeParse(d).success).toBe(false);
  });
});

describe("référentiel : dénombrement à la main", () => {
  it("4 domaines, 24 activités numérotées 1 à 24, 104 compétences", () => {
    expect(REFERENTIEL.domaines).toHaveLength(4);
    expect(toutesLesActivites().map((a) => a.numero)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(toutesLesCompetences()).toHaveLength(104);
  });

  it("les intitulés des domaines", () => {
    expect(REFERENTIEL.domaines.map((d) => [d.id, d.intitule])).toEqual([
      ["D1", "Intervention sociale dans le logement"],
      ["D2", "Accès au logement"],
      ["D3", "Impayés locatifs"],
      ["D4", "Troubles de voisinage"],
    ]);
  });

  it.each(Object.entries(ACTIVITES_PAR_DOMAINE))("%s regroupe les activités %j", (id, [de, a]) => {
    const d = REFERENTIEL.domaines.find((x) => x.id === id)!;
    expect(d.activites.map((x) => x.numero)).toEqual(Array.from({ length: a - de + 1 }, (_, i) => de + i));
    expect(d.activites.reduce((n, x) => n + x.competences.length, 0)).toBe(COMPETENCES_PAR_DOMAINE[id as keyof typeof COMPETENCES_PAR_DOMAINE]);
  });

  it.each(Object.entries(COMPETENCES_PAR_ACTIVITE))("activité %s : %i compétences", (numero, n) => {
    expect(activite(Number(numero)).competences).toHaveLength(n);
    expect(LIGNES_DE_DEBUT[Number(numero)]).toHaveLength(n);
  });

  it("chaque compétence commence là où la lecture l'a fait commencer dans la source", () => {
    const lignes = SOURCE.split("\n");
    expect(lignes).toHaveLength(550); // the copy is intact: the line numbers above are those of `cat -n` on the seed
    for (const a of toutesLesActivites()) {
      a.competences.forEach((c, k) => {
        const ligne = lignes[LIGNES_DE_DEBUT[a.numero]![k]! - 1]!.replace(/\s+/g, " ").trim();
        expect(c.libelle.startsWith(ligne), `${c.id} commence à la ligne « ${ligne} »`).toBe(true);
      });
    }
  });
});

describe("référentiel : identifiants", () => {
  it("uniques", () => {
    const ids = [
      ...REFERENTIEL.domaines.map((d) => d.id),
      ...toutesLesActivites().map((a) => a.id),
      ...toutesLesCompetences().map((s) => s.competence.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(4 + 24 + 104);
  });

  it("stables : D1–D4, A01–A24 (= numéro), A01-C01… dans l'ordre de la source", () => {
    expect(toutesLesActivites().map((a) => a.id)).toEqual(Array.from({ length: 24 }, (_, i) => `A${String(i + 1).padStart(2, "0")}`));
    expect(activite(10).competences.map((c) => c.id)).toEqual(["A10-C01", "A10-C02", "A10-C03", "A10-C04", "A10-C05", "A10-C06", "A10-C07", "A10-C08", "A10-C09"]);
    const ids = toutesLesCompetences().map((s) => s.competence.id);
    expect([ids[0], ids[7], ids.at(-1)]).toEqual(["A01-C01", "A02-C01", "A24-C03"]);
  });

  it("les compétences sur lesquelles s'appuient les modèles gardent leur identifiant", () => {
    // évaluation économique (activité 4), fiche CAL (13), plan d'apurement (21): DESIGN.md §1
    expect(libelle("A04-C02")).toBe("déterminer le reste à vivre de la famille pour identifier l’impact du logement sur le budget global");
    expect(libelle("A13-C01")).toBe(
      "renseigner la fiche synthétique de la CAL pour chaque logement à attribuer en mettant en avant les points forts et faibles des candidatures afin qu’elle constitue une aide fiable à la décision",
    );
    expect(libelle("A21-C02")).toBe(
      "négocier, proposer et gérer un plan d'apurement ou accord de paiement réaliste des impayés de loyers en intégrant les données économiques du ménage",
    );
  });

  it("trouverCompetence accepte la casse et les espaces, et refuse un identifiant inconnu", () => {
    expect(trouverCompetence(" a12-c01 ").activite.numero).toBe(12);
    expect(trouverCompetence("A12-C01").domaine.id).toBe("D2");
    try {
      trouverCompetence("A25-C01");
      expect.unreachable();
    } catch (e) {
      expect(estErreurLogsoc(e) && e.code).toBe("CODE_INCONNU");
      expect((e as Error).message).toBe("Compétence inconnue « A25-C01 » : les identifiants vont de A01-C01 à A24-C03.");
    }
  });
});

describe("référentiel : nettoyé des débris de l'extraction PDF", () => {
  const textes = [
    ...toutesLesCompetences().map((s) => ({ id: s.competence.id, texte: s.competence.libelle })),
    ...toutesLesActivites().map((a) => ({ id: a.id, texte: a.intitule })),
    ...REFERENTIEL.domaines.map((d) => ({ id: d.id, texte: d.intitule })),
  ];

  it.each(MOTIFS_DEBRIS.map((m) => [String(m), m] as const))("aucun libellé ni intitulé ne contient %s", (_, motif) => {
    expect(textes.filter((t) => motif.test(t.texte))).toEqual([]);
  });

  it("chaque compétence commence comme une compétence (minuscule) et finit sur un mot plein, pas coupée au milieu d'une phrase", () => {
    const mots = /^(à|au|aux|de|des|du|d|en|et|la|le|les|l|ou|par|pour|sa|son|ses|un|une|avec|dans|sur|afin|qu|que)$/i;
    for (const { competence: c } of toutesLesCompetences()) {
      expect(c.libelle, c.id).toMatch(/^\p{Ll}/u);
      const [premier] = c.libelle.split(" ");
      const dernier = c.libelle.split(/[\s’']/).at(-1)!;
      expect(mots.test(premier!), `${c.id} commence par « ${premier} »`).toBe(false);
      expect(mots.test(dernier), `${c.id} finit par « ${dernier} »`).toBe(false);
    }
  });

  it("la liste des débris est exacte : chacune de ces lignes est bien dans la source", () => {
    const lignes = new Set(SOURCE.split("\n").map((l) => l.trim()));
    expect(DEBRIS.filter((l) => !lignes.has(l))).toEqual([]);
  });
});

describe("référentiel : verbatim", () => {
  it.each([
    // first and last skill of activité 1, and the two around the « Public visé » side column
    ["A01-C01", "maîtriser les étapes de l’entretien social pour recueillir des informations permettant de traiter la situation"],
    ["A01-C04", "analyser une situation complexe en mettant en œuvre une démarche de résolution de problème"],
    ["A01-C05", "adapter sa posture et les étapes de l’entretien en utilisant son approche sociologique de la situation"],
    ["A01-C07", "intégrer les engagements mutuels issus du contrat de location pour argumenter sa position"],
    // around the page break (footer « page 3/9 ») of activité 10, and its last skill
    ["A10-C05", "définir le but et les objectifs de l'action, notamment développer l'aide mutuelle et évaluer l’action"],
    [
      "A10-C06",
      "identifier les partenaires inter-institutionnels de son environnement et connaître leur culture pour négocier les priorités d'action avec tous les partenaires pertinents et en formuler les objectifs",
    ],
    ["A10-C09", "animer un réseau de professionnels en tenant compte du positionnement et des stratégies de l'ensemble des acteurs"],
    // a word hyphenated at a line end (« primo-|débiteur »): the hyphen is the word's, the break is not
    ["A17-C03", "informer et aider le locataire à bénéficier de ses droits légaux et sociaux au regard de sa situation pour limiter les risques de primo-débiteur"],
    // a continuation line that starts with an infinitive (« rechercher des solutions fiables »)
    ["A19-C04", "faire évoluer l'attitude du locataire et dégager un accord en l’aidant à rechercher des solutions fiables"],
    // six lines, with en dashes and hyphens as in the source
    [
      "A20-C03",
      "mobiliser les dispositifs de prévention des expulsions adaptés, le Fonds de Solidarité Logement pour le maintien dans les lieux - FSL Maintien, la Commission de Coordination des Actions de Prévention des Expulsions – CCAPEX et les dispositifs d’accompagnement, Accompagnement Social lié au logement – ASLL, Mesure d’Accompagnement Social Personnalisé – MASP, Accompagnement Vers et Dans le Logement - AVDL",
    ],
    // around the « Modalités générales » side column of activité 22, and its last skill
    ["A22-C03", "mise en œuvre de démarches de résolution amiable en recherchant les faits et les causes du problème avec pour objectif de faire cesser le trouble"],
    ["A22-C04", "appliquer les procédures internes de traitement des troubles de voisinage et mesurer son rôle dans la chaîne de traitement et notamment face aux protagonistes"],
    [
      "A22-C07",
      "constituer dès le départ un dossier conséquent pour prouver l’antériorité, la fréquence et l’intensité du trouble ainsi que les différentes interventions du bailleur",
    ],
    // the last skill, just before the training durations
    ["A24-C03", "organiser une confrontation en adoptant une position de médiateur pour que chacun entende les arguments de l’autre, fixer des objectifs et les évaluer"],
    // double spaces of the source collapsed, words untouched
    [
      "A08-C01",
      "désamorcer une situation conflictuelle et parfois faire face à l’agressivité de son interlocuteur, en se basant sur sa connaissance des publics et du cadre réglementaire de l’échange et en adoptant la posture adaptée",
    ],
    // the source's own slip is kept
    ["A16-C05", "transmette les réclamations et remarques aux personnels en charge du projet : chargé d’opérations, chargé de clientèle"],
  ])("%s", (id, attendu) => {
    expect(libelle(id)).toBe(attendu);
  });

  it("intitulés d'activité sur deux lignes dans la source, et coquille d'origine conservée", () => {
    expect(activite(6).intitule).toBe("Propose des améliorations dans le cadre de la maîtrise des charges et du développement durable");
    expect(activite(8).intitule).toBe("Gère les situation conflictuelles");
    expect(activite(11).intitule).toBe("Conduit un diagnostic social lors de l’attribution du logement ou en cas de mutation");
    expect(activite(13).intitule).toBe("Prépare et participe aux passages en Commission d’Attributions des Logements - CAL");
    expect(activite(23).intitule).toBe("Conduit des entretiens avec le plaignant et le fauteur de trouble");
  });

  it("complet : titres et compétences mis bout à bout redonnent mot pour mot la source, débris ôtés", () => {
    const lignes = SOURCE.split("\n");
    const debut = lignes.findIndex((l) => l.startsWith("Domaine d’activité 1 :"));
    const fin = lignes.findIndex((l) => l.trim().startsWith("Durée en centre :"));
    expect([debut, fin].every((i) => i > 0)).toBe(true);
    const debris = new Set(DEBRIS);
    const normaliser = (t: string) =>
      t
        .replace(/(\p{L})-\n(\p{Ll})/gu, "$1-$2") // primo-|débiteur
        .replace(/\s+/g, " ")
        .trim();
    const source = normaliser(
      lignes
        .slice(debut, fin)
        .filter((l) => !debris.has(l.trim()))
        .join("\n"),
    );
    const parties = REFERENTIEL.domaines.flatMap((d) => [
      `Domaine d’activité ${d.id.slice(1)} : ${d.intitule}`,
      ...d.activites.flatMap((a) => [`Activité ${a.numero} : ${a.intitule}`, ...a.competences.map((c) => c.libelle)]),
    ]);
    // activity by activity first, for a readable failure
    for (const a of toutesLesActivites()) {
      expect(source, a.id).toContain([`Activité ${a.numero} : ${a.intitule}`, ...a.competences.map((c) => c.libelle)].join(" "));
    }
    expect(parties.join(" ")).toBe(source);
  });
});

describe("certification : métadonnées de la source", () => {
  const c = REFERENTIEL.certification;

  it("identification", () => {
    expect(c.intitule).toBe("Accompagnement social des habitants");
    expect(c.identifiant).toBe("RS3474");
    expect(SOURCE).toContain(`Identifiant : ${c.numeroFiche}`);
    expect(c.categorie).toBe("C");
    expect(SOURCE).toContain("CATEGORIE : C");
    expect(c.dateVersion).toBe("2018-03-27"); // « Version du : 27/03/2018 »
    expect(SOURCE).toContain("Version du : 27/03/2018");
    expect(c.dateCreation).toBe("2012-07-06"); // « Date de création de la certification : 06/07/2012 »
    expect(SOURCE).toContain("Date de création de la certification : 06/07/2012");
    expect(c.objectifs.startsWith("Vérifier les connaissances (réglementaires, sociales, partenariales et procédurales) et savoir-faire")).toBe(true);
  });

  it("les quatre composantes, une par domaine, dans les mots de la source", () => {
    expect(c.composantes).toEqual([
      { domaine: "D1", libelle: "intervention sociale dans le logement" },
      { domaine: "D2", libelle: "accès au logement" },
      { domaine: "D3", libelle: "impayés locatifs" },
      { domaine: "D4", libelle: "troubles de voisinage" },
    ]);
    expect(SOURCE).toContain("4 composantes de la certification\n\nintervention sociale dans le logement\naccès au logement\nimpayés locatifs\ntroubles de voisinage\n");
  });

  it("certification partielle par domaine, validité permanente, 5 ans pour les composantes manquantes", () => {
    expect(c.certificationPartielle.possible).toBe(true);
    expect(c.certificationPartielle.parDomaine).toBe(true);
    expect(SOURCE).toContain("Possibilité de certification partielle : oui");
    expect(c.certificationPartielle.etendue).toBe(
      "La certification est centrée sur 4 domaines d’activités. Chacun de ces domaines, composé de compétences indépendantes et complémentaires, peut donner lieu à une certification partielle",
    );
    expect(c.certificationPartielle.modalitesPourCompleter).toEqual([
      "en se présentant à une évaluation partielle, après un éventuel parcours de formation dédié",
      "en candidat libre",
      "en VAE",
    ]);
    expect(c.validite).toEqual({
      certification: "Permanente",
      composantesAcquises: "sans limite de validité",
      delaiPourValiderComposantesManquantes: { libelle: "5 ans", annees: 5 },
    });
    expect(SOURCE).toContain("La validité est Permanente");
    expect(SOURCE).toContain("Durée de validité des composantes acquises :\nsans limite de validité");
    expect(SOURCE).toContain("Durée accordée pour valider les composantes manquantes :\n5 ans");
    expect(c.materialisation).toBe("Certificat de compétences");
    expect(c.source.editeLe).toBe("2019-04-25");
  });

  it("chaque texte des métadonnées figure mot pour mot dans la source", () => {
    const source = SOURCE.replace(/\s+/g, " ");
    const textes = [
      c.intitule,
      c.objectifs,
      c.certificationComplete,
      c.certificationPartielle.etendue,
      ...c.certificationPartielle.modalitesPourCompleter,
      ...c.composantes.map((k) => k.libelle),
      c.validite.certification,
      c.validite.composantesAcquises,
      c.validite.delaiPourValiderComposantesManquantes.libelle,
      c.materialisation,
      c.source.document,
      c.source.editeur,
    ];
    expect(textes.filter((t) => !source.includes(t))).toEqual([]);
  });
});

describe("referentielPublic (forme de DESIGN.md §5.2)", () => {
  it("clés exactes et dans l'ordre, métadonnées après les domaines", () => {
    const p = referentielPublic();
    expect(Object.keys(p)).toEqual(["domaines", "certification"]);
    for (const d of p.domaines) {
      expect(Object.keys(d)).toEqual(["id", "intitule", "activites"]);
      for (const a of d.activites) {
        expect(Object.keys(a)).toEqual(["id", "numero", "intitule", "competences"]);
        for (const comp of a.competences) expect(Object.keys(comp)).toEqual(["id", "libelle"]);
      }
    }
    expect(p.domaines).toEqual(REFERENTIEL.domaines);
  });
});
