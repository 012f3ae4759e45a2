import { FONCTIONS, evaluer, trouverFonction } from "#shared/fonctions/registre.ts";
import type { ValeurBrute } from "#shared/fonctions/arguments.ts";
import { ErreurLogsoc } from "#shared/errors.ts";
import { expliquer, explicationEnTexte } from "#shared/explication/index.ts";
import type { DefinitionFonction } from "#shared/fonctions/types.ts";
import { EXIT_ERREUR, EXIT_OK, signalerErreur, versJson, type Sorties } from "../sortie.ts";

export const AIDE_CALC = `Utilisation : logsoc calc FONCTION [ARG…] [--expliquer [--texte]]

Évalue une fonction LOGSOC avec le même code que dans Excel et affiche le résultat en JSON.
  --expliquer   affiche aussi le détail du calcul : {"resultat", "statut", "etapes"} en JSON, chaque
                étape avec sa formule, sa valeur, son unité, sa référence et, pour une valeur de
                barème, sa version, son statut et sa source ;
  --texte       avec --expliquer : le même détail en texte français, à coller dans un rapport.
Arguments dans l'ordre d'Excel :
  - nombre : 1200.5 ou 1200,5 ;
  - plage : tableau JSON, par ex. '[1200, null, 300]' ou '[[1200],[300]]' (cellules vides ignorées) ;
  - booléen : VRAI ou FAUX ;
  - date : AAAA-MM-JJ ;
  - "" : argument facultatif omis.
En cas d'erreur : code 2 et message sur la sortie d'erreur, précédé du code d'erreur Excel.

Fonctions :
${FONCTIONS.map(
  (f) =>
    `  ${f.nom}(${f.arguments.map((a) => (a.optionnel ? `[${a.nom}]` : a.nom)).join("; ")})\n    ${f.description}\n` +
    f.arguments.map((a) => `      ${a.nom.padEnd(20)} ${a.description}${a.optionnel ? ` Facultatif${a.defaut ? ` (défaut : ${a.defaut})` : ""}.` : ""}`).join("\n"),
).join("\n\n")}

Exemples :
  logsoc calc RESTE_A_VIVRE 1850,40 '[650, 120, null, 45.5]' 2 1 jour_uc
  logsoc calc TAUX_EFFORT 650 120 280 1800
  logsoc calc PLAN_APUREMENT 1000 "" 3 2026-01-31 420
  logsoc calc UC 2 2
  logsoc calc TAUX_EFFORT 650 120 280 1800 --expliquer --texte
`;

/** A CLI word is a raw cell value: JSON arrays are ranges, "" is a blank, everything else stays text for coercion. */
export function lireArgument(mot: string, position: number): ValeurBrute {
  const t = mot.trim();
  if (t === "") return null;
  if (t.startsWith("[")) {
    try {
      return JSON.parse(t) as ValeurBrute;
    } catch {
      throw new ErreurLogsoc("ENTREE_INVALIDE", `L'argument n°${position} n'est pas un tableau JSON valide : ${t}`, [position]);
    }
  }
  return t;
}

/** « TAUX_EFFORT(loyer = 650 ; charges = 120 ; …) »: the call as the adviser made it, omitted arguments left out. */
function titreAppel(f: DefinitionFonction, valeurs: readonly ValeurBrute[]): string {
  const args = f.arguments.flatMap((a, i) => {
    const v = valeurs[i];
    if (v === null || v === undefined) return [];
    return [`${a.nom} = ${Array.isArray(v) ? JSON.stringify(v) : String(v)}`];
  });
  return `${f.nom}(${args.join(" ; ")})`;
}

export function calc(args: readonly string[], s: Sorties): number {
  if (args.length === 0 || args[0] === "--help" || args[0] === "-h") {
    s.out(AIDE_CALC);
    return args.length === 0 ? EXIT_ERREUR : EXIT_OK;
  }
  try {
    const [nom, ...mots] = args as [string, ...string[]];
    if (mots.includes("--help")) {
      s.out(AIDE_CALC);
      return EXIT_OK;
    }
    const f = trouverFonction(nom);
    const expliquerDemande = mots.includes("--expliquer");
    const texte = mots.includes("--texte");
    if (texte && !expliquerDemande) throw new ErreurLogsoc("ENTREE_INVALIDE", "L'option --texte s'utilise avec --expliquer : logsoc calc FONCTION ARG… --expliquer --texte.", ["--texte"]);
    const valeurs = mots.filter((m) => m !== "--expliquer" && m !== "--texte").map((m, i) => lireArgument(m, i + 1));
    if (!expliquerDemande) {
      s.out(`${versJson(evaluer(nom, valeurs))}\n`);
      return EXIT_OK;
    }
    const x = expliquer(nom, valeurs);
    s.out(texte ? explicationEnTexte(x, titreAppel(f, valeurs)) : `${versJson(x)}\n`);
    return EXIT_OK;
  } catch (e) {
    return signalerErreur(e, s);
  }
}
