import { versSerieExcel, estDateISO } from "../date.ts";
import { ref as refA1 } from "../modeles/formules.ts";
import { decalerFormule } from "./formules.ts";
import { ClasseurIllisible, type CelluleLue, type ContenuClasseur, type FeuilleLue, type ValeurLue, type VisibiliteFeuille } from "./lecteur.ts";

/**
 * Reads the parts of an .xlsx package (SpreadsheetML) into what the audit needs: sheets, cells with
 * their cached value and formula, defined names. Pure: the caller unzips (node:zlib in the CLI).
 *
 * Why not exceljs: when it reads a file, exceljs drops formula results equal to 0 or "" (a plan's last
 * « Reste dû » of 0,00 €, the blank rows after the plan), exactly the values the audit must compare, and
 * it takes ~100 ms per dossier where this reader takes a few. It handles what Excel and LibreOffice
 * write: shared strings (rich text, phonetic runs left out), inline strings, shared formulas, errors,
 * booleans, ISO dates (`t="d"`), namespace prefixes, cells without an `r` attribute.
 */

/** Returns the text of a part (`xl/workbook.xml`), or undefined when the package has no such part. */
export type LirePartie = (chemin: string) => string | undefined;

const ENTITES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decoderXml(s: string): string {
  let r = s;
  if (r.includes("&")) {
    r = r.replaceAll("&quot;", '"').replaceAll("&apos;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
    if (r.includes("&#")) r = r.replace(/&#(x[0-9a-fA-F]+|\d+);/g, (_t, e: string) => String.fromCodePoint(e.startsWith("x") ? parseInt(e.slice(1), 16) : Number(e)));
    r = r.replaceAll("&amp;", "&");
  }
  if (r.includes("_x")) r = r.replace(/_x([0-9A-Fa-f]{4})_/g, (_t, h: string) => String.fromCharCode(parseInt(h, 16)));
  return r;
}

const MOTIFS_ATTRIBUT = new Map<string, RegExp>();

function attribut(attributs: string, nom: string): string | undefined {
  let motif = MOTIFS_ATTRIBUT.get(nom);
  if (!motif) MOTIFS_ATTRIBUT.set(nom, (motif = new RegExp(`(?:^|\\s)${nom}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = motif.exec(attributs);
  if (!m) return undefined;
  return decoderXml(m[1] ?? m[2] ?? "");
}

/** Drops namespace prefixes (`<x:c>` → `<c>`), which some generators write; Excel and LibreOffice do not. */
function sansPrefixes(xml: string): string {
  // The root element tells: `<x:worksheet …>` means every element is prefixed.
  return /<[A-Za-z_][\w.-]*:(?:worksheet|workbook|sst|Relationships)\b/.test(xml.slice(0, 2000)) ? xml.replace(/<(\/?)(?!\?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g, "<$1") : xml;
}

/** The text of `<t>` runs, leaving out phonetic guides (`<rPh>`). */
function textes(xml: string): string {
  const sansPhonetique = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let s = "";
  for (const m of sansPhonetique.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) s += decoderXml(m[1]!);
  return s;
}

function cheminPartie(base: string, cible: string): string {
  if (cible.startsWith("/")) return cible.slice(1);
  const parties = base.split("/").slice(0, -1);
  for (const p of cible.split("/")) {
    if (p === "..") parties.pop();
    else if (p !== ".") parties.push(p);
  }
  return parties.join("/");
}

const VISIBILITE: Record<string, VisibiliteFeuille> = { visible: "visible", hidden: "masquee", veryHidden: "tres_masquee" };

/** Reads a workbook's contents; throws ClasseurIllisible with a French message when it is not one. */
export function lireContenuXlsx(lire: LirePartie): ContenuClasseur {
  const partie = (chemin: string, quoi: string): string => {
    const x = lire(chemin);
    if (x === undefined) throw new ClasseurIllisible(`Classeur incomplet : la partie « ${chemin} » (${quoi}) est absente.`);
    return sansPrefixes(x);
  };
  // The workbook part is named by the package's root relationships; xl/workbook.xml everywhere in practice.
  const racine = lire("_rels/.rels");
  const cibleClasseur = racine ? /<Relationship\b[^>]*officeDocument"[^>]*>/.exec(racine) : null;
  const cheminClasseur = cibleClasseur ? cheminPartie("", attribut(cibleClasseur[0], "Target") ?? "xl/workbook.xml") : "xl/workbook.xml";
  const classeur = lire(cheminClasseur);
  if (classeur === undefined) throw new ClasseurIllisible("Ce fichier n'est pas un classeur Excel (.xlsx) : il ne contient pas de classeur (xl/workbook.xml).");
  const xmlClasseur = sansPrefixes(classeur);
  const cheminLiens = cheminClasseur.replace(/([^/]+)$/, "_rels/$1.rels");
  const liens = new Map<string, string>();
  for (const m of partie(cheminLiens, "liens du classeur").matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribut(m[0], "Id");
    const cible = attribut(m[0], "Target");
    if (id !== undefined && cible !== undefined) liens.set(id, cheminPartie(cheminClasseur, cible));
  }

  let partages: string[] = [];
  for (const [, cible] of liens) {
    if (/sharedStrings\d*\.xml$/i.test(cible)) {
      const sst = lire(cible);
      if (sst !== undefined) partages = [...sansPrefixes(sst).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => (m[1] === undefined ? "" : textes(m[1])));
    }
  }

  const feuilles: (FeuilleLue & { cellules: Map<string, CelluleLue>; noms: Map<string, string> })[] = [];
  for (const m of xmlClasseur.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const nom = attribut(m[1]!, "name");
    const rid = attribut(m[1]!, "r:id") ?? attribut(m[1]!, "[\\w]+:id");
    if (nom === undefined || rid === undefined) throw new ClasseurIllisible("Classeur mal formé : une feuille sans nom ou sans lien.");
    const visibilite = VISIBILITE[attribut(m[1]!, "state") ?? "visible"] ?? "visible";
    const chemin = liens.get(rid);
    if (chemin === undefined) throw new ClasseurIllisible(`Classeur mal formé : la feuille « ${nom} » n'a pas de partie.`);
    const xml = lire(chemin);
    // A chart sheet or a dialog sheet has no cells.
    const cellules = xml === undefined || !/<worksheet\b|:worksheet\b/.test(xml.slice(0, 2000)) ? new Map<string, CelluleLue>() : lireFeuille(sansPrefixes(xml), partages, nom);
    feuilles.push({ nom, visibilite, cellules, noms: new Map() });
  }
  if (feuilles.length === 0) throw new ClasseurIllisible("Classeur mal formé : aucune feuille.");

  const noms = new Map<string, string>();
  for (const m of xmlClasseur.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const nom = attribut(m[1]!, "name");
    // Built-in names (print areas…) are not the template's names; a local name belongs to its sheet.
    if (nom === undefined || nom.startsWith("_xlnm.")) continue;
    const local = attribut(m[1]!, "localSheetId");
    if (local === undefined) noms.set(nom, decoderXml(m[2]!));
    else feuilles[Number(local)]?.noms.set(nom, decoderXml(m[2]!));
  }
  return { feuilles, noms };
}

const REF_CELLULE = /(?:^|\s)r\s*=\s*"\$?([A-Za-z]{1,3})\$?(\d{1,7})"/;
const TYPE_CELLULE = /(?:^|\s)t\s*=\s*"([^"]*)"/;

function lireFeuille(xml: string, partages: readonly string[], nomFeuille: string): Map<string, CelluleLue> {
  const cellules = new Map<string, CelluleLue>();
  const maitres = new Map<string, { formule: string; ligne: number; colonne: number }>();
  const debut = xml.indexOf("<sheetData");
  const fin = xml.lastIndexOf("</sheetData>");
  if (debut < 0 || fin < 0) return cellules;
  const donnees = xml.slice(debut, fin);
  let ligneCourante = 0;
  let colonneCourante = 0;
  const jetons = /<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (const m of donnees.matchAll(jetons)) {
    if (m[1] !== undefined) {
      const r = attribut(m[1], "r");
      ligneCourante = r !== undefined ? Number(r) : ligneCourante + 1;
      colonneCourante = 0;
      continue;
    }
    const attributs = m[3]!;
    const r = REF_CELLULE.exec(attributs);
    let ligne: number;
    let colonne: number;
    if (r !== null) {
      ligne = Number(r[2]);
      colonne = 0;
      for (const c of r[1]!.toUpperCase()) colonne = colonne * 26 + c.charCodeAt(0) - 64;
    } else {
      ligne = ligneCourante;
      colonne = colonneCourante + 1;
    }
    colonneCourante = colonne;
    ligneCourante = ligne;
    const contenu = m[4];
    if (contenu === undefined) continue;
    const ref = r !== null ? `${r[1]!.toUpperCase()}${r[2]}` : refA1(colonne, ligne);
    const t = TYPE_CELLULE.exec(attributs)?.[1] ?? "n";

    let formule: string | undefined;
    const f = contenu.includes("<f") ? /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(contenu) : null;
    if (f) {
      const texte = f[2] === undefined ? "" : decoderXml(f[2]);
      if (attribut(f[1]!, "t") === "shared") {
        const si = attribut(f[1]!, "si") ?? "";
        if (texte !== "") {
          maitres.set(si, { formule: texte, ligne, colonne });
          formule = texte;
        } else {
          const maitre = maitres.get(si);
          if (!maitre) throw new ClasseurIllisible(`Classeur mal formé : formule partagée ${si} sans cellule d'origine (feuille « ${nomFeuille} », ${ref}).`);
          formule = decalerFormule(maitre.formule, ligne - maitre.ligne, colonne - maitre.colonne);
        }
      } else formule = texte;
    }

    const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>|<v\s*\/>/.exec(contenu);
    const brut = v ? decoderXml(v[1] ?? "") : undefined;
    let valeur: ValeurLue | undefined;
    if (t === "inlineStr") {
      const is = /<is>([\s\S]*?)<\/is>/.exec(contenu);
      valeur = is ? textes(is[1]!) : brut ?? null;
    } else if (brut === undefined) {
      valeur = formule !== undefined ? undefined : null;
    } else if (t === "s") {
      const i = Number(brut);
      if (!Number.isInteger(i) || i < 0 || i >= partages.length) throw new ClasseurIllisible(`Classeur mal formé : texte partagé n° ${brut} introuvable (feuille « ${nomFeuille} », ${ref}).`);
      valeur = partages[i]!;
    } else if (t === "str") valeur = brut;
    else if (t === "b") valeur = brut === "1" || brut.toLowerCase() === "true";
    else if (t === "e") valeur = { erreur: brut };
    else if (t === "d") valeur = dateVersSerie(brut);
    else if (brut.trim() === "") valeur = formule !== undefined ? "" : null;
    else {
      const n = Number(brut);
      if (!Number.isFinite(n)) throw new ClasseurIllisible(`Classeur mal formé : « ${brut} » n'est pas un nombre (feuille « ${nomFeuille} », ${ref}).`);
      valeur = n;
    }
    if (formule === undefined && (valeur === null || valeur === undefined)) continue;
    cellules.set(ref, formule !== undefined ? { valeur, formule } : { valeur });
  }
  return cellules;
}

/** `t="d"` cells hold an ISO 8601 date-time: the spreadsheet shows the serial date (fraction for the time). */
function dateVersSerie(iso: string): number | string {
  const jour = iso.slice(0, 10);
  if (!estDateISO(jour)) return iso;
  const m = /T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/.exec(iso);
  const fraction = m ? (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86_400 : 0;
  return versSerieExcel(jour) + fraction;
}
