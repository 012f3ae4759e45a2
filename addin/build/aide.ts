import type { DefinitionFonction } from "#shared/fonctions/types.ts";
import { CATALOGUE, clesFeuilles, type CatalogueBaremes } from "#shared/baremes/index.ts";
import { libelleCle } from "#shared/baremes/libelles.ts";

function echapper(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function signature(f: DefinitionFonction): string {
  return `=LOGSOC.${f.nom}(${f.arguments.map((a) => (a.optionnel ? `[${a.nom}]` : a.nom)).join(" ; ")})`;
}

/**
 * aide.html, the manifest's support and "learn more" page: every LOGSOC function with its arguments,
 * written from the registry so it never disagrees with Excel's function wizard.
 */
/** Every key of every barème (of its versions, old ones included) with its French label: what =LOGSOC.BAREME accepts as `cle`. */
function sectionBaremes(catalogue: CatalogueBaremes): string {
  return catalogue
    .liste()
    .map((b) => {
      const cles = [...new Set(b.versions.flatMap((v) => clesFeuilles(v.valeurs)))];
      return `    <section aria-labelledby="b-${b.id}">
      <h3 id="b-${b.id}">${echapper(b.libelle)}</h3>
      <p>Identifiant : <code>${echapper(b.id)}</code> · unité : ${echapper(b.unite)}</p>
      <table class="adaptatif">
        <thead><tr><th scope="col">Valeur</th><th scope="col">Clé</th></tr></thead>
        <tbody>
${cles.map((c) => `          <tr><td>${echapper(libelleCle(b.id, c))}</td><td data-libelle="Clé"><code>${echapper(c)}</code></td></tr>`).join("\n")}
        </tbody>
      </table>
    </section>`;
    })
    .join("\n");
}

export function pageAide(fonctions: readonly DefinitionFonction[], catalogue: CatalogueBaremes = CATALOGUE): string {
  const sections = fonctions
    .map(
      (f) => `    <section aria-labelledby="f-${f.nom}">
      <h3 id="f-${f.nom}"><code>${echapper(signature(f))}</code></h3>
      <p>${echapper(f.description)}</p>
      <table class="adaptatif">
        <thead><tr><th scope="col">Argument</th><th scope="col">Description</th><th scope="col">Si omis</th></tr></thead>
        <tbody>
${f.arguments.map((a) => `          <tr><td><code>${echapper(a.nom)}</code></td><td>${echapper(a.description)}</td><td data-libelle="Si omis">${a.optionnel ? echapper(a.defaut ?? "facultatif") : "obligatoire"}</td></tr>`).join("\n")}
        </tbody>
      </table>
    </section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Aide LogSoc</title>
  <link rel="stylesheet" href="taskpane.css">
</head>
<body class="page-aide">
  <main>
    <h1>Aide LogSoc</h1>
    <p>LogSoc ajoute à Excel des fonctions de calcul pour les conseillers sociaux du logement social et un volet
      pour consulter les barèmes en vigueur avec leurs sources. Les calculs se font dans le classeur : aucune donnée
      de ménage n'est envoyée.</p>
    <h2>Utiliser les fonctions</h2>
    <p>Tapez <code>=LOGSOC.</code> dans une cellule : Excel propose les fonctions ci-dessous. Les montants peuvent être
      un nombre ou une plage (additionnée, cellules vides ignorées ; une cellule de texte est signalée). Les dates
      sont des dates Excel. Dans Excel en français, les arguments sont séparés par des points-virgules.</p>
    <p>Erreurs : <code>#VALEUR!</code> pour une saisie incorrecte, <code>#NOMBRE!</code> pour une valeur hors limites,
      <code>#DIV/0!</code> pour des ressources nulles, <code>#N/A</code> pour un barème introuvable à la date demandée.
      Pour <code>#VALEUR!</code> et <code>#N/A</code>, Excel affiche l'explication en français quand on clique sur le
      losange d'erreur de la cellule.</p>
    <h2>Fonctions</h2>
${sections}
    <h2>Barèmes</h2>
    <p>Chaque barème a un identifiant et des valeurs désignées par une clé :
      <code>=LOGSOC.BAREME("rsa_montant_forfaitaire" ; ; "majorations.quatriemePersonneCouple")</code>.
      Le volet LogSoc affiche la valeur en vigueur à une date, sa source et son statut (officiel, calculé,
      estimation, non vérifié).</p>
${sectionBaremes(catalogue)}
  </main>
</body>
</html>
`;
}
