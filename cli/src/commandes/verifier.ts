import { open } from "node:fs/promises";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { auditerClasseur, type RapportAudit } from "#shared/audit/audit.ts";
import { LIBELLES_STATUT_DOSSIER, statutFichier, type ResultatFichier } from "#shared/audit/cohorte.ts";
import { GENRES_CONSTAT, LIBELLES_GENRE, type Constat, type ValeurConstat } from "#shared/audit/constats.ts";
import { ClasseurIllisible } from "#shared/audit/lecteur.ts";
import { Budget, LIMITES } from "#shared/audit/limites.ts";
import { rapportAffichable } from "#shared/audit/texteSur.ts";
import { dateFr } from "#shared/baremes/catalogue.ts";
import { lireClasseurXlsx } from "#shared/audit/fichierXlsx.ts";
import { EXIT_ERREUR, EXIT_OK, type Sorties } from "../sortie.ts";
import { developperChemins } from "./verifierChemins.ts";
import { cheminConstatsCsv, ecrireRapportCsv, ecrireRapportXlsx } from "./rapportCohorte.ts";

export type { ResultatFichier } from "#shared/audit/cohorte.ts";

export const AIDE_VERIFIER = `Utilisation : logsoc verifier CHEMIN… [--details] [--json] [--rapport F.xlsx|F.csv [--remplacer]]

Contrôle des dossiers créés à partir d'un modèle LogSoc (évaluation, fiche CALEOL, plan d'apurement,
grille de compétences, exercices), quelle que soit la version du modèle qui les a produits : chaque
résultat est recalculé à partir des saisies du classeur par le moteur LogSoc et comparé à ce que le
fichier affiche (écart toléré : 0,01 € pour un montant, 0,0001 pour un taux). Sont signalés : valeur
erronée, résultat remplacé par une valeur saisie, formule modifiée, saisie hors limites ou incohérente,
barèmes d'une autre date ou modifiés, métadonnées absentes ou altérées. Le rapport dit aussi quelles
compétences du référentiel le dossier atteste. Un modèle encore vierge est signalé « à compléter ».

Un CHEMIN est un fichier .xlsx, un dossier (tous ses .xlsx, sous-dossiers compris) ou un motif
(« cohorte/*.xlsx », « cohorte/**/*.xlsx ») que logsoc développe lui-même.

Sortie : une ligne par fichier (statut, nombre d'anomalies, compétences attestées), puis le bilan.
Un fichier seul est détaillé d'office.

Les fichiers ne sont jamais modifiés. Un fichier jamais ouvert dans un tableur (écrit par un programme)
n'a pas de valeurs calculées : ses formules sont vérifiées, pas ses valeurs (le rapport le dit).
Fichiers de toute provenance : un fichier trop gros (plus de ${LIMITES.tailleFichier / 1024 / 1024} Mo), piégé (archive
« zip bomb », entités XML), ou dont la lecture dépasserait ${LIMITES.duree / 1000} s est refusé avec la limite en cause ;
les autres fichiers sont tout de même contrôlés.

Codes de sortie : 0 aucun dossier n'a d'anomalie ; 1 au moins une anomalie ; 2 un fichier est
illisible ou refusé (les autres sont tout de même contrôlés).

Options :
  --details            chaque contrôle de chaque dossier, les anomalies et les compétences
  --json               rapport JSON complet (un objet par fichier)
  --rapport F.xlsx     rapport de cohorte : une ligne par dossier (fichier, modèle, version de
                       disposition, statut, anomalies, compétences) et une feuille des constats
                       (fichier, feuille, cellule, attendu, trouvé, règle) ; F.csv écrit aussi
                       F-constats.csv. Un fichier existant n'est jamais écrasé, sauf avec --remplacer.
  --help, -h           affiche cette aide

Exemples :
  logsoc verifier dossier-dupont.xlsx
  logsoc verifier cohorte-2026/ --rapport bilan-cohorte.xlsx
  logsoc verifier "exercices/*.xlsx" --json
`;

/** Findings shown per kind in the detailed report; --json lists them all. */
const CONSTATS_AFFICHES = 15;

/** Reads and audits one file within the limits of an untrusted file; never writes, never throws. */
export async function verifierFichier(fichier: string): Promise<ResultatFichier> {
  const budget = new Budget();
  let octets: Uint8Array;
  try {
    // The size is checked before anything is read.
    const f = await open(fichier, "r");
    try {
      budget.verifierTailleFichier((await f.stat()).size);
      octets = new Uint8Array(await f.readFile());
    } finally {
      await f.close();
    }
  } catch (e) {
    if (e instanceof ClasseurIllisible) return { fichier, lisible: false, erreur: `${fichier} : ${e.message}` };
    const code = (e as NodeJS.ErrnoException).code;
    const raison = code === "ENOENT" ? "fichier introuvable" : code === "EISDIR" ? "c'est un dossier, pas un fichier" : code === "EACCES" ? "lecture refusée (droits d'accès)" : `erreur du système (${code ?? "inconnue"})`;
    return { fichier, lisible: false, erreur: `Impossible de lire ${fichier} : ${raison}.` };
  }
  try {
    return { fichier, lisible: true, rapport: auditerClasseur(lireClasseurXlsx(octets, budget), { budget }) };
  } catch (e) {
    if (e instanceof ClasseurIllisible) return { fichier, lisible: false, erreur: `${fichier} : ${e.message}` };
    // Whatever else happens on a hostile file (a limit of the JavaScript engine…), the batch goes on.
    return { fichier, lisible: false, erreur: `${fichier} : Classeur illisible : le contrôle n'a pas pu le lire (${e instanceof RangeError ? "taille hors des limites du lecteur" : "structure inattendue"}).` };
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
  l.push(a.constats.length > 0 ? `Résultat : ${a.constats.length} anomalie(s).` : a.aCompleter ? "Résultat : dossier à compléter (aucune saisie), aucune anomalie de structure." : "Résultat : aucune anomalie, chaque contrôle est conforme.");
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

/** Every check of a file (--details, or a single file). */
export function rapportTexte(r: ResultatFichier): string {
  const l: string[] = [`══ ${r.fichier} ══`];
  if (!r.lisible) {
    l.push(`Fichier illisible ou refusé : ${r.erreur}`);
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

const SIGNES = { conforme: "✓", anomalies: "✗", a_completer: "…", refuse: "!" } as const;

/** One line: status, file, template, anomalies, skills attested. */
export function ligneFichier(r: ResultatFichier): string {
  const statut = statutFichier(r);
  const tete = `${SIGNES[statut]} ${LIBELLES_STATUT_DOSSIER[statut].toUpperCase().padEnd(19)} ${r.fichier}`;
  if (!r.lisible) return `${tete} — ${r.erreur.startsWith(`${r.fichier} : `) ? r.erreur.slice(r.fichier.length + 3) : r.erreur}`;
  const ds = r.rapport.dossiers;
  const modeles = ds.map((d) => (d.modele ? `${d.modele.titre}${d.exercice ? ` (exercice, ${d.exercice.role === "enonce" ? "énoncé" : "corrigé"})` : ""}, disposition ${d.modele.disposition}` : "pas un dossier LogSoc")).join(" + ");
  const attestees = [...new Set(ds.flatMap((d) => d.competences.filter((c) => c.attestee).map((c) => c.id)))];
  const pratiquees = ds.some((d) => d.competences.length > 0);
  return `${tete} — ${modeles} — ${r.rapport.constats} anomalie(s)${pratiquees ? ` — compétences attestées : ${attestees.length > 0 ? attestees.join(", ") : "aucune"}` : ""}`;
}

function bilan(resultats: readonly ResultatFichier[]): string {
  const n = (s: ReturnType<typeof statutFichier>) => resultats.filter((r) => statutFichier(r) === s).length;
  const dossiers = resultats.flatMap((r) => (r.lisible ? r.rapport.dossiers : []));
  const parCompetence = new Map<string, number>();
  for (const d of dossiers) for (const c of d.competences) if (c.attestee) parCompetence.set(c.id, (parCompetence.get(c.id) ?? 0) + 1);
  const competences = [...parCompetence].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, k]) => `${id} × ${k}`);
  return (
    `Bilan : ${resultats.length} fichier(s), ${dossiers.length} dossier(s) : ${n("conforme")} conforme(s), ${n("anomalies")} avec anomalies, ${n("a_completer")} à compléter, ${n("refuse")} illisible(s) ou refusé(s).\n` +
    (competences.length > 0 ? `Compétences attestées : ${competences.join(", ")}.\n` : "")
  );
}

interface Options {
  json: boolean;
  details: boolean;
  rapport: string | null;
  remplacer: boolean;
  chemins: string[];
}

function lireOptions(args: readonly string[]): Options | string {
  const o: Options = { json: false, details: false, rapport: null, remplacer: false, chemins: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--json") o.json = true;
    else if (a === "--details") o.details = true;
    else if (a === "--remplacer") o.remplacer = true;
    else if (a === "--rapport" || a.startsWith("--rapport=")) {
      const v = a === "--rapport" ? args[++i] : a.slice("--rapport=".length);
      if (v === undefined || v === "" || v.startsWith("-")) return "L'option --rapport attend un nom de fichier .xlsx ou .csv (--rapport bilan.xlsx).";
      if (!/\.(xlsx|csv)$/i.test(v)) return `Rapport « ${v} » : l'extension doit être .xlsx ou .csv.`;
      o.rapport = v;
    } else if (a.startsWith("-") && a !== "-") return `Option inconnue « ${a} » (voir logsoc verifier --help).`;
    else o.chemins.push(a);
  }
  return o;
}

export async function verifier(args: readonly string[], s: Sorties): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    s.out(AIDE_VERIFIER);
    return EXIT_OK;
  }
  // Text from the workbooks (and file names) may hold escape codes: nothing reaches the terminal raw.
  const out = (t: string) => s.out(rapportAffichable(t));
  const err = (t: string) => s.err(rapportAffichable(t));
  const o = lireOptions(args);
  if (typeof o === "string") {
    err(`${o}\n`);
    return EXIT_ERREUR;
  }
  if (o.chemins.length === 0) {
    err(`Indiquez au moins un fichier .xlsx à contrôler.\n\n${AIDE_VERIFIER}`);
    return EXIT_ERREUR;
  }
  const { fichiers, sansCorrespondance } = await developperChemins(o.chemins);
  if (o.rapport !== null) {
    const ecrits = /\.csv$/i.test(o.rapport) ? [o.rapport, cheminConstatsCsv(o.rapport)] : [o.rapport];
    const cible = new Set(ecrits.map((c) => resolve(c)));
    if (fichiers.some((f) => cible.has(resolve(f)))) {
      err(`Le rapport ${o.rapport} serait écrit sur un des dossiers contrôlés : choisissez un autre nom.\n`);
      return EXIT_ERREUR;
    }
    const existant = ecrits.find((c) => existsSync(c));
    if (existant !== undefined && !o.remplacer) {
      err(`Le fichier ${existant} existe déjà : il n'est jamais écrasé (ajoutez --remplacer, ou choisissez un autre nom).\n`);
      return EXIT_ERREUR;
    }
  }
  const resultats: ResultatFichier[] = sansCorrespondance.map((x) => ({ fichier: x.chemin, lisible: false, erreur: x.erreur }));
  const detaille = o.details || fichiers.length + sansCorrespondance.length === 1;
  for (const x of sansCorrespondance) {
    if (!o.json) out(detaille ? `${rapportTexte(resultats.find((r) => r.fichier === x.chemin)!)}\n` : `${ligneFichier(resultats.find((r) => r.fichier === x.chemin)!)}\n`);
    err(`${x.erreur}\n`);
  }
  for (const f of fichiers) {
    const r = await verifierFichier(f);
    resultats.push(r);
    if (!o.json) out(detaille ? `${rapportTexte(r)}\n` : `${ligneFichier(r)}\n`);
    if (!r.lisible) err(`${r.erreur}\n`);
  }
  const illisibles = resultats.filter((r) => !r.lisible).length;
  const nonConformes = resultats.filter((r) => r.lisible && !r.rapport.conforme).length;
  if (o.json) {
    const fichiersJson = resultats.map((r) => (r.lisible ? { fichier: r.fichier, lisible: true, statut: statutFichier(r), ...r.rapport } : { ...r, statut: statutFichier(r) }));
    s.out(`${JSON.stringify({ conforme: illisibles === 0 && nonConformes === 0, fichiers: fichiersJson }, null, 2)}\n`);
  } else if (resultats.length > 1) out(bilan(resultats));
  if (o.rapport !== null) {
    try {
      const ecrits = /\.csv$/i.test(o.rapport) ? await ecrireRapportCsv(o.rapport, resultats, o.remplacer) : await ecrireRapportXlsx(o.rapport, resultats, o.remplacer);
      err(`Rapport de cohorte écrit : ${ecrits.join(", ")}.\n`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      err(`Le rapport ${o.rapport} n'a pas pu être écrit : ${code === "EEXIST" ? "le fichier existe déjà" : code === "ENOENT" ? "le dossier qui doit le contenir n'existe pas" : code === "EACCES" ? "écriture refusée (droits d'accès)" : `erreur du système (${code ?? "inconnue"})`}.\n`);
      return EXIT_ERREUR;
    }
  }
  return illisibles > 0 ? EXIT_ERREUR : nonConformes > 0 ? 1 : EXIT_OK;
}
