import { readFile } from "node:fs/promises";
import { auditerClasseur, type RapportAudit, type RapportClasseur } from "#shared/audit/audit.ts";
import { GENRES_CONSTAT, LIBELLES_GENRE, type Constat, type ValeurConstat } from "#shared/audit/constats.ts";
import { ClasseurIllisible } from "#shared/audit/lecteur.ts";
import { dateFr } from "#shared/baremes/catalogue.ts";
import { lireClasseurXlsx } from "#shared/audit/fichierXlsx.ts";
import { EXIT_ERREUR, EXIT_OK, type Sorties } from "../sortie.ts";

export const AIDE_VERIFIER = `Utilisation : logsoc verifier FICHIER.xlsx [FICHIER2.xlsx …] [--json]

Contrôle des dossiers créés à partir d'un modèle LogSoc (évaluation, fiche CALEOL, plan d'apurement,
grille de compétences, exercices) : chaque résultat est recalculé à partir des saisies du classeur par
le moteur LogSoc et comparé à ce que le fichier affiche (écart toléré : 0,01 € pour un montant,
0,0001 pour un taux). Sont signalés : valeur erronée, résultat remplacé par une valeur saisie, formule
modifiée, saisie hors limites ou incohérente, barèmes d'une autre date ou modifiés, métadonnées
absentes ou altérées. Le rapport dit aussi quelles compétences du référentiel le dossier atteste.

Les fichiers ne sont jamais modifiés. Un fichier jamais ouvert dans un tableur (écrit par un programme)
n'a pas de valeurs calculées : ses formules sont vérifiées, pas ses valeurs (le rapport le dit).

Codes de sortie : 0 tous les dossiers sont conformes ; 1 au moins une anomalie ; 2 un fichier est
illisible (les autres sont tout de même contrôlés).

Options :
  --json      rapport JSON (un objet par fichier)
  --help, -h  affiche cette aide

Exemples :
  logsoc verifier dossier-dupont.xlsx
  logsoc verifier exercices/*.xlsx --json
`;

/** Findings shown per kind in the text report; --json lists them all. */
const CONSTATS_AFFICHES = 15;

export type ResultatFichier = { fichier: string; lisible: true; rapport: RapportClasseur } | { fichier: string; lisible: false; erreur: string };

/** Reads and audits one file; never writes. */
export async function verifierFichier(fichier: string): Promise<ResultatFichier> {
  let octets: Uint8Array;
  try {
    octets = await readFile(fichier);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const raison = code === "ENOENT" ? "fichier introuvable" : code === "EISDIR" ? "c'est un dossier, pas un fichier" : code === "EACCES" ? "lecture refusée (droits d'accès)" : (e as Error).message;
    return { fichier, lisible: false, erreur: `Impossible de lire ${fichier} : ${raison}.` };
  }
  try {
    return { fichier, lisible: true, rapport: auditerClasseur(lireClasseurXlsx(octets)) };
  } catch (e) {
    if (e instanceof ClasseurIllisible) return { fichier, lisible: false, erreur: `${fichier} : ${e.message}` };
    throw e;
  }
}

function lisible(v: ValeurConstat | undefined): string {
  if (v === undefined || v === null) return "(vide)";
  if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
  if (typeof v === "number") return String(v).replace(".", ",");
  return v;
}

function lien(feuille: string | null, cellule: string | null): string {
  if (feuille === null) return "classeur";
  return cellule === null ? `feuille « ${feuille} »` : `${feuille}!${cellule}`;
}

function texteDossier(a: RapportAudit, l: string[]): void {
  if (a.modele) {
    const ex = a.exercice ? ` — exercice n° ${a.exercice.graine} (${a.exercice.role === "enonce" ? "énoncé" : "corrigé"})` : "";
    l.push(`Modèle : ${a.modele.titre}, version ${a.modele.version}, barèmes du ${dateFr(a.modele.dateBaremes)}${ex}`);
  }
  l.push(a.conforme ? "Résultat : aucune anomalie, chaque contrôle est conforme." : `Résultat : ${a.constats.length} anomalie(s).`);
  l.push("", "Contrôles :");
  for (const c of a.controles) {
    const signe = c.statut === "ok" ? "✓" : c.statut === "erreur" ? "✗" : "?";
    l.push(`  ${signe} ${c.libelle} — ${c.detail}${c.statut !== "ok" && c.cellule !== null ? ` (${lien(c.feuille, c.cellule)})` : ""}`);
  }
  if (a.constats.length > 0) {
    l.push("", "Anomalies :");
    for (const genre of GENRES_CONSTAT) {
      const du = a.constats.filter((c: Constat) => c.genre === genre);
      if (du.length === 0) continue;
      l.push(`  ${LIBELLES_GENRE[genre]} (${du.length}) :`);
      for (const c of du.slice(0, CONSTATS_AFFICHES)) {
        l.push(`    • ${lien(c.feuille, c.cellule)} : ${c.message}`);
        if (c.attendu !== null || c.trouve !== null) l.push(`      attendu : ${lisible(c.attendu)} ; trouvé : ${lisible(c.trouve)}`);
      }
      if (du.length > CONSTATS_AFFICHES) l.push(`    … et ${du.length - CONSTATS_AFFICHES} autre(s) (liste complète avec --json).`);
    }
  }
  if (a.competences.length > 0) {
    l.push("", "Compétences du référentiel RS 3474 :");
    for (const c of a.competences) {
      l.push(`  ${c.attestee ? "✓" : "✗"} ${c.id} (activité ${c.activite.numero}) ${c.attestee ? "attestée" : "non attestée"} : ${c.libelle}`);
      l.push(`      ${c.motif}`);
    }
  }
  if (a.notes.length > 0) l.push("", ...a.notes.map((n) => `Note : ${n}`));
}

export function rapportTexte(r: ResultatFichier): string {
  const l: string[] = [`══ ${r.fichier} ══`];
  if (!r.lisible) {
    l.push(`Fichier illisible : ${r.erreur}`);
    return `${l.join("\n")}\n`;
  }
  const plusieurs = r.rapport.dossiers.length > 1;
  if (plusieurs) l.push(`${r.rapport.dossiers.length} dossiers dans ce classeur.`);
  r.rapport.dossiers.forEach((d, i) => {
    if (plusieurs) l.push("", `── Dossier ${i + 1} (métadonnées : feuille « ${d.feuilleMeta} ») ──`);
    texteDossier(d, l);
  });
  return `${l.join("\n")}\n`;
}

export async function verifier(args: readonly string[], s: Sorties): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    s.out(AIDE_VERIFIER);
    return EXIT_OK;
  }
  const json = args.includes("--json");
  const inconnue = args.find((a) => a.startsWith("-") && a !== "--json");
  if (inconnue !== undefined) {
    s.err(`Option inconnue « ${inconnue} » (voir logsoc verifier --help).\n`);
    return EXIT_ERREUR;
  }
  const fichiers = args.filter((a) => !a.startsWith("-"));
  if (fichiers.length === 0) {
    s.err(`Indiquez au moins un fichier .xlsx à contrôler.\n\n${AIDE_VERIFIER}`);
    return EXIT_ERREUR;
  }
  const resultats: ResultatFichier[] = [];
  for (const f of fichiers) {
    const r = await verifierFichier(f);
    resultats.push(r);
    if (!json) s.out(`${rapportTexte(r)}\n`);
    if (!r.lisible) s.err(`${r.erreur}\n`);
  }
  const illisibles = resultats.filter((r) => !r.lisible).length;
  const nonConformes = resultats.filter((r) => r.lisible && !r.rapport.conforme).length;
  if (json) {
    s.out(
      `${JSON.stringify(
        {
          conforme: illisibles === 0 && nonConformes === 0,
          fichiers: resultats.map((r) => (r.lisible ? { fichier: r.fichier, lisible: true, ...r.rapport } : r)),
        },
        null,
        2,
      )}\n`,
    );
  } else if (fichiers.length > 1) {
    s.out(`Bilan : ${fichiers.length} fichier(s), ${fichiers.length - illisibles - nonConformes} conforme(s), ${nonConformes} avec anomalies, ${illisibles} illisible(s).\n`);
  }
  return illisibles > 0 ? EXIT_ERREUR : nonConformes > 0 ? 1 : EXIT_OK;
}
