import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { aujourdhui, parseDateISO } from "#shared/date.ts";
import { dateFr } from "#shared/baremes/catalogue.ts";
import { ErreurLogsoc } from "#shared/errors.ts";
import { DESCRIPTIONS_MODELES } from "#shared/modeles/index.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { construireExercice, estTypeExercice, GRAINE_MAX, TYPES_EXERCICES, type Exercice } from "#shared/exercices/index.ts";
import { EXIT_ERREUR, EXIT_OK, signalerErreur, type Sorties } from "../sortie.ts";

export const AIDE_EXERCICE = `Utilisation : logsoc exercice --type evaluation|apurement|cal --graine N --sortie DOSSIER [--date AAAA-MM-JJ] [--remplacer] [--json]

Écrit un exercice pour la formation : un ménage réaliste tiré au sort à partir de la graine, dans deux
classeurs du dossier DOSSIER (créé s'il n'existe pas) :
  exercice-TYPE-N-enonce.xlsx   les données du cas (verrouillées), les résultats à trouver en jaune ;
  exercice-TYPE-N-corrige.xlsx  le modèle complet, avec ses formules, pour le même cas.
Même type, même graine et même date : mêmes classeurs, octet pour octet. Chaque exercice indique les
compétences du référentiel RS 3474 qu'il exerce ; « logsoc verifier » contrôle l'énoncé complété par
le stagiaire et dit quelles compétences il atteste.

Types : evaluation (évaluation économique, activités 4, 12 et 20), apurement (plan d'apurement,
activité 21), cal (fiche synthétique CALEOL, activités 12 et 13).

Options :
  --type TYPE        evaluation, apurement ou cal
  --graine N         entier de 0 à ${GRAINE_MAX}
  --sortie DOSSIER   dossier où écrire les deux classeurs
  --date AAAA-MM-JJ  date du cas et des barèmes (défaut : aujourd'hui)
  --remplacer        remplace des classeurs du même nom (sinon : erreur, pour ne pas écraser un travail)
  --json             décrit l'exercice en JSON (fichiers, situation, compétences, réponses attendues)
  --help, -h         affiche cette aide

Exemple :
  logsoc exercice --type evaluation --graine 42 --sortie exercices
`;

interface Options {
  type?: string;
  graine?: string;
  sortie?: string;
  date?: string;
  remplacer: boolean;
  json: boolean;
  aide: boolean;
}

function lireOptions(args: readonly string[]): Options {
  const o: Options = { remplacer: false, json: false, aide: false };
  const valeurs = ["type", "graine", "sortie", "date"] as const;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--json") o.json = true;
    else if (a === "--remplacer") o.remplacer = true;
    else if (a === "--help" || a === "-h") o.aide = true;
    else {
      const nom = valeurs.find((v) => a === `--${v}` || a.startsWith(`--${v}=`));
      if (nom === undefined) throw new ErreurLogsoc("ENTREE_INVALIDE", `Argument inconnu « ${a} » (voir logsoc exercice --help).`, [a]);
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      if (v === undefined || v === "") throw new ErreurLogsoc("ARGUMENT_MANQUANT", `L'option --${nom} attend une valeur (voir logsoc exercice --help).`, [nom]);
      o[nom] = v;
    }
  }
  return o;
}

export function nomsFichiers(ex: Pick<Exercice, "cas">): { enonce: string; corrige: string } {
  const base = `exercice-${ex.cas.type}-${ex.cas.graine}`;
  return { enonce: `${base}-enonce.xlsx`, corrige: `${base}-corrige.xlsx` };
}

async function existe(chemin: string): Promise<boolean> {
  try {
    await access(chemin);
    return true;
  } catch {
    return false;
  }
}

export async function exercice(args: readonly string[], s: Sorties): Promise<number> {
  try {
    const o = lireOptions(args);
    if (o.aide) {
      s.out(AIDE_EXERCICE);
      return EXIT_OK;
    }
    if (o.type === undefined || o.graine === undefined || o.sortie === undefined) {
      const manquantes = (["type", "graine", "sortie"] as const).filter((k) => o[k] === undefined).map((k) => `--${k}`);
      throw new ErreurLogsoc("ARGUMENT_MANQUANT", `Option(s) obligatoire(s) manquante(s) : ${manquantes.join(", ")} (voir logsoc exercice --help).`, manquantes);
    }
    if (!estTypeExercice(o.type)) throw new ErreurLogsoc("CODE_INCONNU", `Type d'exercice inconnu « ${o.type} » : ${TYPES_EXERCICES.join(", ")} attendu.`, ["type"]);
    if (!/^\d{1,16}$/.test(o.graine) || !Number.isSafeInteger(Number(o.graine))) {
      throw new ErreurLogsoc("HORS_LIMITES", `La graine doit être un nombre entier de 0 à ${GRAINE_MAX} (reçu : « ${o.graine} »).`, ["graine"]);
    }
    const date = o.date === undefined ? aujourdhui() : parseDateISO(o.date, "--date");
    const ex = construireExercice(o.type, Number(o.graine), date);
    const noms = nomsFichiers(ex);
    const chemins = { enonce: join(o.sortie, noms.enonce), corrige: join(o.sortie, noms.corrige) };
    if (!o.remplacer) {
      for (const c of Object.values(chemins)) {
        if (await existe(c)) throw new ErreurLogsoc("ENTREE_INVALIDE", `${c} existe déjà : choisissez un autre dossier ou ajoutez --remplacer.`, ["sortie"]);
      }
    }
    // Both workbooks are built before anything is written: an error leaves the folder as it was.
    const octets = {
      enonce: await ecrireXlsx(ex.enonce),
      corrige: await ecrireXlsx(ex.corrige),
    };
    try {
      await mkdir(o.sortie, { recursive: true });
      await writeFile(chemins.enonce, octets.enonce);
      await writeFile(chemins.corrige, octets.corrige);
    } catch (e) {
      s.err(`Impossible d'écrire dans ${o.sortie} : ${(e as Error).message}\n`);
      return EXIT_ERREUR;
    }
    if (o.json) {
      s.out(
        `${JSON.stringify(
          { type: ex.cas.type, graine: ex.cas.graine, date: ex.cas.date, fichiers: chemins, situation: ex.cas.situation, competences: ex.competences, reponses: ex.reponses },
          null,
          2,
        )}\n`,
      );
      return EXIT_OK;
    }
    s.out(
      [
        `Exercice « ${DESCRIPTIONS_MODELES[ex.cas.type].titre} », cas n° ${ex.cas.graine} (barèmes du ${dateFr(date)})`,
        `  Énoncé  : ${chemins.enonce}`,
        `  Corrigé : ${chemins.corrige}`,
        "",
        "Situation :",
        ...ex.cas.situation.map((t) => `  ${t}`),
        "",
        "Compétences du référentiel exercées :",
        ...ex.competences.map((c) => `  ${c.id} (activité ${c.activite.numero}, ${c.activite.intitule}) : ${c.libelle}`),
        "",
        `Résultats à trouver : ${ex.reponses.length} (voir la feuille « Consignes » ; les valeurs sont dans le corrigé).`,
        "",
      ].join("\n"),
    );
    return EXIT_OK;
  } catch (e) {
    return signalerErreur(e, s);
  }
}
