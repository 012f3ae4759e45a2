import { REFERENTIEL, referentielPublic, toutesLesActivites, toutesLesCompetences } from "#shared/referentiel/index.ts";
import type { Referentiel } from "#shared/referentiel/index.ts";
import { EXIT_ERREUR, EXIT_OK, versJson, type Sorties } from "../sortie.ts";

export const AIDE_COMPETENCES = `Utilisation : logsoc competences [--json]

Affiche le référentiel de compétences de la certification « Accompagnement social des habitants »
(RS 3474) : ses domaines d'activité, ses activités et les compétences de chaque activité, avec
leurs identifiants stables (D1…, A01…, A01-C01…), puis les règles de la certification (composantes,
certification partielle par domaine, validité).

Options :
  --json      sortie JSON : { "domaines": [ { "id", "intitule", "activites": [ { "id", "numero",
              "intitule", "competences": [ { "id", "libelle" } ] } ] } ], "certification": { … } }
  --help, -h  affiche cette aide

Exemples :
  logsoc competences
  logsoc competences --json
`;

/** « 2018-03-27 » → « 27/03/2018 », as French readers write a date. */
function dateFr(iso: string): string {
  const [a, m, j] = iso.split("-");
  return `${j}/${m}/${a}`;
}

export function texteReferentiel(r: Referentiel = REFERENTIEL): string {
  const c = r.certification;
  const nbCompetences = toutesLesCompetences(r).length;
  const lignes: string[] = [
    `Référentiel de compétences : ${c.intitule}`,
    `${c.identifiant} (fiche n° ${c.numeroFiche}, catégorie ${c.categorie}), version du ${dateFr(c.dateVersion)}, créée le ${dateFr(c.dateCreation)}`,
    `${r.domaines.length} domaines d'activité, ${toutesLesActivites(r).length} activités, ${nbCompetences} compétences.`,
  ];
  for (const d of r.domaines) {
    lignes.push("", `${d.id} Domaine d'activité ${d.id.slice(1)} : ${d.intitule}`);
    for (const a of d.activites) {
      lignes.push("", `  ${a.id} Activité ${a.numero} : ${a.intitule}`);
      for (const comp of a.competences) lignes.push(`    ${comp.id}  ${comp.libelle}`);
    }
  }
  const p = c.certificationPartielle;
  const v = c.validite;
  lignes.push(
    "",
    "Certification",
    `  Composantes (${c.composantes.length}) : ${c.composantes.map((k) => `${k.libelle} (${k.domaine})`).join(" ; ")}.`,
    `  Certification complète : ${c.certificationComplete}`,
    `  Certification partielle : ${p.possible ? "oui" : "non"}${p.parDomaine ? ", par domaine d'activité" : ""}. ${p.etendue}.`,
    `  Après une validation partielle, le candidat peut compléter la certification : ${p.modalitesPourCompleter.join(" ; ")}.`,
    `  Validité de la certification : ${v.certification}. Composantes acquises : ${v.composantesAcquises}.`,
    `  Délai accordé pour valider les composantes manquantes : ${v.delaiPourValiderComposantesManquantes.libelle}.`,
    `  Matérialisation : ${c.materialisation}.`,
    `  Source : ${c.source.document} (${c.source.editeur}), édité le ${dateFr(c.source.editeLe)}.`,
    "",
  );
  return lignes.join("\n");
}

export function competences(args: readonly string[], s: Sorties): number {
  if (args.includes("--help") || args.includes("-h")) {
    s.out(AIDE_COMPETENCES);
    return EXIT_OK;
  }
  const inconnus = args.filter((a) => a !== "--json");
  if (inconnus.length > 0) {
    s.err(`Argument inconnu pour « logsoc competences » : ${inconnus.map((a) => `« ${a} »`).join(", ")}.\n\n${AIDE_COMPETENCES}`);
    return EXIT_ERREUR;
  }
  if (args.includes("--json")) {
    s.out(`${versJson(referentielPublic())}\n`);
    return EXIT_OK;
  }
  s.out(texteReferentiel());
  return EXIT_OK;
}
