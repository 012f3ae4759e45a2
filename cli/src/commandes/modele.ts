import { writeFile } from "node:fs/promises";
import { aujourdhui, parseDateISO } from "#shared/date.ts";
import { ErreurLogsoc } from "#shared/errors.ts";
import { ZONES, type Zone } from "#shared/baremes/valeurs.ts";
import { dateFr } from "#shared/baremes/catalogue.ts";
import { construireModele, DESCRIPTIONS_MODELES, TYPES_MODELES, type OptionsModele } from "#shared/modeles/index.ts";
import { CANDIDATS_MAX } from "#shared/modeles/cal.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { EXIT_ERREUR, EXIT_OK, signalerErreur, type Sorties } from "../sortie.ts";

export const AIDE_MODELE = `Utilisation : logsoc modele TYPE --sortie FICHIER.xlsx [--date AAAA-MM-JJ] [OPTIONS]

Écrit un classeur Excel prêt à remplir. Ses formules sont des formules Excel ordinaires : le classeur
calcule juste dans Excel (2016 et suivants) et dans LibreOffice, sans le complément LogSoc. Les barèmes
en vigueur à la date choisie sont recopiés dans la feuille « Barèmes », avec leur date d'effet, leur
source et leur statut ; une feuille masquée « LogSoc_meta » identifie le modèle et sa version.

Types :
${TYPES_MODELES.map((t) => `  ${t.padEnd(12)} ${DESCRIPTIONS_MODELES[t].titre} : ${DESCRIPTIONS_MODELES[t].description}`).join("\n")}

Options :
  --sortie F.xlsx     fichier à écrire (obligatoire) ; un fichier existant n'est jamais écrasé
  --remplacer         autorise à remplacer un fichier existant
  --date AAAA-MM-JJ   barèmes en vigueur ce jour-là (défaut : aujourd'hui)
  --candidats N       fiche CALEOL : nombre de candidats côte à côte, de 1 à ${CANDIDATS_MAX} (défaut : ${CANDIDATS_MAX})
  --zone ZONE         fiche CALEOL : zone du logement par défaut, ${ZONES.join(", ")} (défaut : AUTRES)
  --help, -h          affiche cette aide

Exemples :
  logsoc modele evaluation --sortie evaluation-famille.xlsx
  logsoc modele apurement --sortie plan.xlsx --date 2026-01-15
  logsoc modele cal --sortie fiche-caleol.xlsx --candidats 2 --zone IDF
  logsoc modele competences --sortie grille.xlsx
`;

interface Arguments {
  type: string;
  sortie: string;
  remplacer: boolean;
  options: OptionsModele;
}

const AVEC_VALEUR = new Set(["--sortie", "--date", "--candidats", "--zone"]);

function lireArguments(args: readonly string[]): Arguments {
  const valeurs = new Map<string, string>();
  const positionnels: string[] = [];
  let remplacer = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const egal = a.indexOf("=");
    const nom = a.startsWith("--") && egal > 0 ? a.slice(0, egal) : a;
    if (AVEC_VALEUR.has(nom)) {
      const valeur = egal > 0 && a.startsWith("--") ? a.slice(egal + 1) : args[++i];
      if (valeur === undefined || valeur === "") throw new ErreurLogsoc("ARGUMENT_MANQUANT", `L'option ${nom} attend une valeur.`, [nom]);
      if (valeurs.has(nom)) throw new ErreurLogsoc("ENTREE_INVALIDE", `L'option ${nom} est donnée deux fois.`, [nom]);
      valeurs.set(nom, valeur);
    } else if (a === "--remplacer") {
      remplacer = true;
    } else if (a.startsWith("-")) {
      throw new ErreurLogsoc("ENTREE_INVALIDE", `Option inconnue « ${a} ». Options : --sortie, --date, --candidats, --zone, --remplacer, --help.`, [a]);
    } else {
      positionnels.push(a);
    }
  }
  if (positionnels.length === 0) throw new ErreurLogsoc("ARGUMENT_MANQUANT", `Indiquez le type de modèle : ${TYPES_MODELES.join(", ")}.`, ["type"]);
  if (positionnels.length > 1) throw new ErreurLogsoc("ENTREE_INVALIDE", `Un seul type de modèle est attendu (reçu : ${positionnels.join(", ")}).`, ["type"]);
  const type = positionnels[0]!.toLowerCase();
  if (!(TYPES_MODELES as readonly string[]).includes(type)) {
    throw new ErreurLogsoc("CODE_INCONNU", `Type de modèle inconnu « ${positionnels[0]} » : ${TYPES_MODELES.join(", ")} attendu.`, ["type"]);
  }
  const sortie = valeurs.get("--sortie");
  if (sortie === undefined) throw new ErreurLogsoc("ARGUMENT_MANQUANT", "Indiquez le fichier à écrire avec --sortie FICHIER.xlsx.", ["--sortie"]);
  if (!/\.xlsx$/i.test(sortie)) throw new ErreurLogsoc("ENTREE_INVALIDE", `Le fichier de sortie doit avoir l'extension .xlsx (reçu : ${sortie}).`, ["--sortie"]);
  const date = valeurs.has("--date") ? parseDateISO(valeurs.get("--date")!, "--date") : aujourdhui();
  const options: OptionsModele = { date };
  const candidats = valeurs.get("--candidats");
  const zone = valeurs.get("--zone");
  if ((candidats !== undefined || zone !== undefined) && type !== "cal") {
    throw new ErreurLogsoc("ENTREE_INVALIDE", "Les options --candidats et --zone ne concernent que la fiche CALEOL (type cal).", [candidats !== undefined ? "--candidats" : "--zone"]);
  }
  if (candidats !== undefined) {
    if (!/^\d+$/.test(candidats) || Number(candidats) < 1 || Number(candidats) > CANDIDATS_MAX) {
      throw new ErreurLogsoc("HORS_LIMITES", `--candidats attend un nombre entier de 1 à ${CANDIDATS_MAX} (reçu : ${candidats}).`, ["--candidats"]);
    }
    options.candidats = Number(candidats);
  }
  if (zone !== undefined) {
    const z = zone.toUpperCase();
    if (!(ZONES as readonly string[]).includes(z)) throw new ErreurLogsoc("CODE_INCONNU", `Zone inconnue « ${zone} » : ${ZONES.join(", ")} attendue.`, ["--zone"]);
    options.zone = z as Zone;
  }
  return { type, sortie, remplacer, options };
}

/** A file-system failure in the adviser's words. */
function erreurEcriture(e: unknown, fichier: string): ErreurLogsoc | null {
  const code = (e as { code?: string }).code;
  const motifs: Record<string, string> = {
    EEXIST: "le fichier existe déjà ; ajoutez --remplacer pour le remplacer",
    ENOENT: "le dossier n'existe pas",
    EACCES: "accès refusé",
    EPERM: "accès refusé",
    EISDIR: "c'est un dossier",
    ENOSPC: "plus de place sur le disque",
    EROFS: "le disque est en lecture seule",
  };
  return code !== undefined && code in motifs ? new ErreurLogsoc("ENTREE_INVALIDE", `Impossible d'écrire ${fichier} : ${motifs[code]}.`, ["--sortie"]) : null;
}

export async function modele(args: readonly string[], s: Sorties): Promise<number> {
  if (args.length === 0 || args.includes("--help") || args.includes("-h")) {
    s.out(AIDE_MODELE);
    return args.length === 0 ? EXIT_ERREUR : EXIT_OK;
  }
  try {
    const a = lireArguments(args);
    const spec = construireModele(a.type, a.options);
    const octets = await ecrireXlsx(spec);
    try {
      // `wx` refuses to replace an existing file: a family's workbook is never overwritten by mistake.
      await writeFile(a.sortie, octets, { flag: a.remplacer ? "w" : "wx" });
    } catch (e) {
      throw erreurEcriture(e, a.sortie) ?? e;
    }
    const options = a.type === "cal" ? `, ${spec.options.candidats} candidat(s), zone ${spec.options.zone}` : "";
    s.out(`${spec.titre} (modèle ${spec.id} ${spec.version}, barèmes en vigueur au ${dateFr(spec.dateBaremes)}${options}) écrit dans ${a.sortie}.\n`);
    return EXIT_OK;
  } catch (e) {
    return signalerErreur(e, s);
  }
}
