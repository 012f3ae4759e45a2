import { XMLParser } from "fast-xml-parser";
import { versSerieExcel, estDateISO } from "../date.ts";
import { ref as refA1 } from "../modeles/formules.ts";
import { decalerFormule } from "./formules.ts";
import { ClasseurIllisible, type CelluleLue, type ContenuClasseur, type ValeurLue, type VisibiliteFeuille } from "./lecteur.ts";

/**
 * Reads the parts of an .xlsx package (SpreadsheetML) into what the audit needs: sheets, cells with
 * their cached value and formula, defined names. Pure: the caller unzips (./fichierXlsx.ts); the XML is
 * parsed by fast-xml-parser.
 *
 * Why not exceljs: when it reads a file, exceljs drops formula results equal to 0 or "" (a plan's last
 * « Reste dû » of 0,00 €, the blank rows after the plan), exactly the values the audit must compare, and
 * it takes ~100 ms per dossier. It handles what Excel and LibreOffice write: shared strings (rich text,
 * phonetic runs left out), inline strings, shared formulas, errors, booleans, ISO dates (`t="d"`),
 * namespace prefixes, cells without an `r` attribute, `_xHHHH_` escapes.
 */

/** Returns the text of a part (`xl/workbook.xml`), or undefined when the package has no such part. */
export type LirePartie = (chemin: string) => string | undefined;

/** An element as fast-xml-parser gives it: text alone, or attributes (`@_nom`), children and `#text`. */
type Noeud = string | { [cle: string]: unknown };

/** Elements that may repeat: always arrays, even when there is one. */
const REPETES = new Set(["Relationship", "sheet", "definedName", "si", "r", "row", "c"]);
/** The only attributes read (`r:id` arrives as `id`, prefixes removed); the others are not even built. */
const ATTRIBUTS = new Set(["Id", "Target", "Type", "name", "id", "state", "localSheetId", "r", "t", "si"]);

const analyseur = new XMLParser({
  ignoreAttributes: (nom) => !ATTRIBUTS.has(nom),
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Values stay text, untrimmed: `<t xml:space="preserve"> </t>`, `<v>007</v>` are read as written.
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  // Numeric character references (`&#10;`) are decoded only with this option.
  htmlEntities: true,
  isArray: (nom, _chemin, _feuille, estAttribut) => !estAttribut && REPETES.has(nom),
  jPath: false,
});

function analyser(xml: string, chemin: string): { [racine: string]: unknown } {
  try {
    return analyseur.parse(xml) as { [racine: string]: unknown };
  } catch (e) {
    throw new ClasseurIllisible(`Classeur endommagé : la partie « ${chemin} » n'est pas un XML lisible (${e instanceof Error ? e.message : String(e)}).`);
  }
}

/** `_x000D_`: a character XML cannot hold, escaped the OOXML way (ECMA-376 ST_Xstring). */
function sansEchappements(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_t, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

function enfant(n: unknown, nom: string): Noeud | undefined {
  return typeof n === "object" && n !== null ? (n as Record<string, Noeud | undefined>)[nom] : undefined;
}

function enfants(n: unknown, nom: string): Noeud[] {
  return (enfant(n, nom) as Noeud[] | undefined) ?? [];
}

function attribut(n: unknown, nom: string): string | undefined {
  const v = enfant(n, `@_${nom}`) as string | undefined;
  return v === undefined ? undefined : sansEchappements(v);
}

/** The text of an element (empty element: ""); undefined when there is no such element. */
function texte(n: Noeud | undefined): string | undefined {
  if (n === undefined) return undefined;
  return sansEchappements(typeof n === "string" ? n : ((n["#text"] as string | undefined) ?? ""));
}

/** The text of a string item (`<si>`, `<is>`): its `<t>`, then its runs' `<t>`; phonetic guides (`<rPh>`) left out. */
function textes(n: Noeud): string {
  let s = texte(enfant(n, "t")) ?? "";
  for (const r of enfants(n, "r")) s += texte(enfant(r, "t")) ?? "";
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

/** The workbook part, its relationships and its sheets (name, visibility, part), in the workbook's order. */
function lireStructure(lire: LirePartie) {
  const partie = (chemin: string, quoi: string) => {
    const x = lire(chemin);
    if (x === undefined) throw new ClasseurIllisible(`Classeur incomplet : la partie « ${chemin} » (${quoi}) est absente.`);
    return analyser(x, chemin);
  };
  const relations = (xml: { [racine: string]: unknown }) => enfants(xml.Relationships, "Relationship");
  // The workbook part is named by the package's root relationships; xl/workbook.xml everywhere in practice.
  const racine = lire("_rels/.rels");
  const lienClasseur = racine === undefined ? undefined : relations(analyser(racine, "_rels/.rels")).find((r) => attribut(r, "Type")?.endsWith("officeDocument"));
  const cheminClasseur = cheminPartie("", (lienClasseur && attribut(lienClasseur, "Target")) ?? "xl/workbook.xml");
  const xmlClasseur = lire(cheminClasseur);
  if (xmlClasseur === undefined) throw new ClasseurIllisible("Ce fichier n'est pas un classeur Excel (.xlsx) : il ne contient pas de classeur (xl/workbook.xml).");
  const classeur = analyser(xmlClasseur, cheminClasseur).workbook;
  const liens = new Map<string, string>();
  for (const r of relations(partie(cheminClasseur.replace(/([^/]+)$/, "_rels/$1.rels"), "liens du classeur"))) {
    const id = attribut(r, "Id");
    const cible = attribut(r, "Target");
    if (id !== undefined && cible !== undefined) liens.set(id, cheminPartie(cheminClasseur, cible));
  }
  const feuilles = enfants(enfant(classeur, "sheets"), "sheet").map((f) => {
    const nom = attribut(f, "name");
    const rid = attribut(f, "id");
    if (nom === undefined || rid === undefined) throw new ClasseurIllisible("Classeur mal formé : une feuille sans nom ou sans lien.");
    const chemin = liens.get(rid);
    if (chemin === undefined) throw new ClasseurIllisible(`Classeur mal formé : la feuille « ${nom} » n'a pas de partie.`);
    return { nom, visibilite: VISIBILITE[attribut(f, "state") ?? "visible"] ?? "visible", chemin };
  });
  if (feuilles.length === 0) throw new ClasseurIllisible("Classeur mal formé : aucune feuille.");
  return { classeur, liens, feuilles };
}

/** Each sheet's part in the package (`Évaluation` → `xl/worksheets/sheet2.xml`). */
export function partiesFeuilles(lire: LirePartie): Map<string, string> {
  return new Map(lireStructure(lire).feuilles.map((f) => [f.nom, f.chemin]));
}

/** Reads a workbook's contents; throws ClasseurIllisible with a French message when it is not one. */
export function lireContenuXlsx(lire: LirePartie): ContenuClasseur {
  const { classeur, liens, feuilles: parties } = lireStructure(lire);
  let partages: string[] = [];
  for (const [, cible] of liens) {
    if (/sharedStrings\d*\.xml$/i.test(cible)) {
      const sst = lire(cible);
      if (sst !== undefined) partages = enfants(analyser(sst, cible).sst, "si").map(textes);
    }
  }
  const feuilles = parties.map(({ nom, visibilite, chemin }) => {
    const xml = lire(chemin);
    // A chart sheet or a dialog sheet has no cells.
    const cellules = xml === undefined ? new Map<string, CelluleLue>() : lireFeuille(analyser(xml, chemin).worksheet, partages, nom);
    return { nom, visibilite, cellules, noms: new Map<string, string>() };
  });

  const noms = new Map<string, string>();
  for (const d of enfants(enfant(classeur, "definedNames"), "definedName")) {
    const nom = attribut(d, "name");
    // Built-in names (print areas…) are not the template's names; a local name belongs to its sheet.
    if (nom === undefined || nom.startsWith("_xlnm.")) continue;
    const local = attribut(d, "localSheetId");
    if (local === undefined) noms.set(nom, texte(d)!);
    else feuilles[Number(local)]?.noms.set(nom, texte(d)!);
  }
  return { feuilles, noms };
}

const REF_CELLULE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function lireFeuille(feuille: unknown, partages: readonly string[], nomFeuille: string): Map<string, CelluleLue> {
  const cellules = new Map<string, CelluleLue>();
  const maitres = new Map<string, { formule: string; ligne: number; colonne: number }>();
  let ligneCourante = 0;
  for (const row of enfants(enfant(feuille, "sheetData"), "row")) {
    const numero = attribut(row, "r");
    ligneCourante = numero !== undefined ? Number(numero) : ligneCourante + 1;
    let colonneCourante = 0;
    for (const c of enfants(row, "c")) {
      const r = REF_CELLULE.exec(attribut(c, "r") ?? "");
      let ligne: number;
      let colonne: number;
      if (r !== null) {
        ligne = Number(r[2]);
        colonne = 0;
        for (const l of r[1]!.toUpperCase()) colonne = colonne * 26 + l.charCodeAt(0) - 64;
      } else {
        ligne = ligneCourante;
        colonne = colonneCourante + 1;
      }
      colonneCourante = colonne;
      ligneCourante = ligne;
      if (typeof c !== "object") continue;
      const ref = r !== null ? `${r[1]!.toUpperCase()}${r[2]}` : refA1(colonne, ligne);
      const t = attribut(c, "t") ?? "n";

      let formule: string | undefined;
      const f = enfant(c, "f");
      if (f !== undefined) {
        const texteF = texte(f)!;
        if (attribut(f, "t") === "shared") {
          const si = attribut(f, "si") ?? "";
          if (texteF !== "") {
            maitres.set(si, { formule: texteF, ligne, colonne });
            formule = texteF;
          } else {
            const maitre = maitres.get(si);
            if (!maitre) throw new ClasseurIllisible(`Classeur mal formé : formule partagée ${si} sans cellule d'origine (feuille « ${nomFeuille} », ${ref}).`);
            formule = decalerFormule(maitre.formule, ligne - maitre.ligne, colonne - maitre.colonne);
          }
        } else formule = texteF;
      }

      const brut = texte(enfant(c, "v"));
      let valeur: ValeurLue | undefined;
      if (t === "inlineStr") {
        const is = enfant(c, "is");
        valeur = is !== undefined ? textes(is) : (brut ?? null);
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
