import { CATALOGUE, dateFr, instantConnaissance, instantFr, type BaremeEnCatalogue, type CatalogueBaremes, type VersionEnCatalogue } from "#shared/baremes/catalogue.ts";
import { clesFeuilles, statutDeCle, statutGlobal } from "#shared/baremes/cle.ts";
import { LIBELLES_STATUT } from "#shared/baremes/schema.ts";
import { aujourdhui } from "#shared/date.ts";
import { ErreurLogsoc } from "#shared/errors.ts";
import { formatNombre } from "#shared/format.ts";
import { EXIT_OK, signalerErreur, versJson, type Sorties } from "../sortie.ts";

export const AIDE_BAREMES = `Utilisation : logsoc baremes [ID] [--date AAAA-MM-JJ] [--connu-le AAAA-MM-JJ] [--json]

Sans ID : liste les barèmes (identifiant, libellé, date d'effet de la dernière version, statut).
Avec un ID : affiche la version en vigueur à la date choisie (aujourd'hui par défaut), avec sa source,
son statut et chacune de ses valeurs, nommées par la clé que la fonction BAREME attend.

Statuts : officiel (texte ou base juridique qui le cite) ; calculé (dérivé par une règle énoncée) ;
non vérifié (source secondaire ou unique) ; estimation (non sourcé). La liste montre le statut le plus
faible des valeurs de la dernière version.

Options :
  --date AAAA-MM-JJ  date à laquelle chercher la version en vigueur (défaut : aujourd'hui)
  --connu-le AAAA-MM-JJ
                     répond tel que LogSoc le savait ce jour-là (à la fin du jour ; un instant
                     AAAA-MM-JJTHH:MM:SSZ est aussi accepté) : les versions publiées, corrigées ou
                     retirées après ne comptent pas (défaut : tout ce qui est connu)
  --json             sortie JSON
  --help, -h         affiche cette aide

Exemples :
  logsoc baremes
  logsoc baremes rsa_montant_forfaitaire
  logsoc baremes plafonds_ressources_hlm --date 2025-06-01
  logsoc baremes smic --json
  logsoc baremes smic --date 2025-06-15 --connu-le 2026-11-26
`;

interface Options {
  id?: string;
  date?: string;
  connuLe?: string;
  json: boolean;
  aide: boolean;
}

function lireOptions(args: readonly string[]): Options {
  const o: Options = { json: false, aide: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--json") o.json = true;
    else if (a === "--help" || a === "-h") o.aide = true;
    else if (a === "--date" || a.startsWith("--date=")) {
      const v = a === "--date" ? args[++i] : a.slice("--date=".length);
      if (v === undefined || v === "") throw new ErreurLogsoc("ARGUMENT_MANQUANT", "L'option --date attend une date AAAA-MM-JJ.", ["date"]);
      o.date = v;
    } else if (a === "--connu-le" || a.startsWith("--connu-le=")) {
      const v = a === "--connu-le" ? args[++i] : a.slice("--connu-le=".length);
      if (v === undefined || v === "") throw new ErreurLogsoc("ARGUMENT_MANQUANT", "L'option --connu-le attend une date AAAA-MM-JJ (ou un instant AAAA-MM-JJTHH:MM:SSZ).", ["connu_le"]);
      instantConnaissance(v, "--connu-le");
      o.connuLe = v;
    } else if (a.startsWith("-")) throw new ErreurLogsoc("ENTREE_INVALIDE", `Option inconnue « ${a} » (voir logsoc baremes --help).`, [a]);
    else if (o.id === undefined) o.id = a;
    else throw new ErreurLogsoc("ENTREE_INVALIDE", `Un seul identifiant de barème est attendu (reçu aussi « ${a} »).`, [a]);
  }
  return o;
}

export interface LigneListe {
  id: string;
  libelle: string;
  unite: string;
  derniereDateEffet: string;
  statut: string;
  nombreVersions: number;
}

export function listeBaremes(catalogue: CatalogueBaremes = CATALOGUE, connuLe?: string): LigneListe[] {
  return catalogue.liste(connuLe).flatMap((b) => {
    const derniere = b.versions.at(-1);
    if (!derniere) return [];
    return { id: b.id, libelle: b.libelle, unite: b.unite, derniereDateEffet: derniere.dateEffet, statut: statutGlobal(derniere), nombreVersions: b.versions.length };
  });
}

function texteListe(lignes: readonly LigneListe[]): string {
  const largeurId = Math.max(...lignes.map((l) => l.id.length));
  const largeurLibelle = Math.max(...lignes.map((l) => l.libelle.length));
  return [
    `Barèmes (${lignes.length}) : dernière version et son statut le plus faible.`,
    "",
    `  ${"identifiant".padEnd(largeurId)}  ${"libellé".padEnd(largeurLibelle)}  dernière    statut`,
    ...lignes.map((l) => `  ${l.id.padEnd(largeurId)}  ${l.libelle.padEnd(largeurLibelle)}  ${dateFr(l.derniereDateEffet)}  ${LIBELLES_STATUT[l.statut as keyof typeof LIBELLES_STATUT]}`),
    "",
    "Détail d'un barème : logsoc baremes ID [--date AAAA-MM-JJ] [--json]",
    "",
  ].join("\n");
}

function valeurLisible(v: unknown): string {
  if (v === null || v === undefined) return "non disponible";
  if (typeof v === "number") return formatNombre(v);
  if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
  return String(v);
}

export interface DetailBareme {
  id: string;
  libelle: string;
  unite: string;
  description: string;
  regles: string[];
  lacunes: string[];
  /** The day asked for (not named `date`: the JSON writer reads an object with a `date` as a date cell). */
  dateDemandee: string;
  /** `--connu-le` as given: the answer is the one known then. */
  connuLe?: string;
  version: VersionEnCatalogue & { statutGlobal: string };
  datesEffet: string[];
}

export function detailBareme(id: string, date: string, catalogue: CatalogueBaremes = CATALOGUE, connuLe?: string): DetailBareme {
  const b: BaremeEnCatalogue = catalogue.bareme(id, connuLe);
  const version = catalogue.enVigueur(b.id, date, connuLe);
  return {
    id: b.id,
    libelle: b.libelle,
    unite: b.unite,
    description: b.description,
    regles: b.regles ?? [],
    lacunes: b.lacunes ?? [],
    dateDemandee: date,
    ...(connuLe !== undefined ? { connuLe } : {}),
    version: { ...version, statutGlobal: statutGlobal(version) },
    datesEffet: b.versions.map((v) => v.dateEffet),
  };
}

function puces(titre: string, elements: readonly string[] | undefined): string[] {
  if (!elements || elements.length === 0) return [];
  return ["", titre, ...elements.map((e) => `  - ${e}`)];
}

export function texteDetail(d: DetailBareme): string {
  const v = d.version;
  const rang = d.datesEffet.indexOf(v.dateEffet) + 1;
  const suivante = d.datesEffet[rang];
  const cles = clesFeuilles(v.valeurs);
  const largeur = Math.max(...cles.map((c) => c.length));
  const lignesValeurs = cles.map((cle) => {
    const brute = cle.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], v.valeurs);
    const statut = statutDeCle(v, cle);
    const marque = statut === v.statut ? "" : ` (${LIBELLES_STATUT[statut]})`;
    return `  ${cle.padEnd(largeur)}  ${valeurLisible(brute)}${marque}`;
  });
  // Every cell status once, with the note that justifies it.
  const particuliers = (v.statutsCellules ?? []).map((c) => `${c.cle} : ${LIBELLES_STATUT[c.statut]} — ${c.note}`);
  const lignes = [
    `${d.libelle} (${d.id})`,
    `Unité : ${d.unite}`,
    d.description,
    "",
    `Version en vigueur le ${dateFr(d.dateDemandee)}${d.connuLe ? `, telle que connue le ${instantFr(d.connuLe)}` : ""} : applicable depuis le ${dateFr(v.dateEffet)} (version ${rang} sur ${d.datesEffet.length}, ${v.origine === "integree" ? `intégrée à LogSoc${v.publieLe ? ` le ${dateFr(v.publieLe)}` : ""}` : `publiée${v.publieLe ? ` le ${instantFr(v.publieLe)}` : ""}${v.publiePar ? ` par ${v.publiePar}` : ""}`})${suivante ? ` ; remplacée le ${dateFr(suivante)}` : ""}.`,
    ...(v.remplace ? [`Correction de la version du ${dateFr(v.remplace.dateEffet)} publiée le ${instantFr(v.remplace.publieLe)} ; motif : ${v.motif ?? ""}`] : []),
    `Statut de la version : ${LIBELLES_STATUT[v.statut]}${v.statutGlobal !== v.statut ? ` ; valeur la moins sûre : ${LIBELLES_STATUT[v.statutGlobal as keyof typeof LIBELLES_STATUT]}` : ""}.`,
    ...(v.regleCalcul ? [`Règle de calcul : ${v.regleCalcul}`] : []),
    "",
    `Source : ${v.source.texte}`,
    `  Référence : ${v.source.reference}`,
    ...(v.source.url ? [`  Adresse : ${v.source.url}`] : []),
    ...(v.source.autresSources?.length ? ["  Autres sources :", ...v.source.autresSources.map((s) => `    - ${s}`)] : []),
    "",
    "Valeurs (clé pour la fonction BAREME, valeur, statut s'il diffère de celui de la version) :",
    ...lignesValeurs,
    ...puces("Statuts particuliers :", particuliers),
    ...puces("Recoupements :", v.recoupements),
    ...puces("Non trouvé ou non recoupé pour cette version :", v.lacunes),
    ...puces("Règles :", d.regles),
    ...puces("Lacunes du barème :", d.lacunes),
    "",
    `Versions : ${d.datesEffet.map(dateFr).join(", ")}.`,
    "",
  ];
  return lignes.join("\n");
}

export function baremes(args: readonly string[], s: Sorties, catalogue: CatalogueBaremes = CATALOGUE): number {
  try {
    const o = lireOptions(args);
    if (o.aide) {
      s.out(AIDE_BAREMES);
      return EXIT_OK;
    }
    if (o.id === undefined) {
      if (o.date !== undefined) throw new ErreurLogsoc("ENTREE_INVALIDE", "L'option --date s'emploie avec un identifiant de barème : logsoc baremes ID --date AAAA-MM-JJ.", ["date"]);
      const lignes = listeBaremes(catalogue, o.connuLe);
      s.out(o.json ? `${versJson(lignes)}\n` : texteListe(lignes));
      return EXIT_OK;
    }
    const d = detailBareme(o.id, o.date ?? aujourdhui(), catalogue, o.connuLe);
    s.out(o.json ? `${versJson(d)}\n` : texteDetail(d));
    return EXIT_OK;
  } catch (e) {
    return signalerErreur(e, s);
  }
}
