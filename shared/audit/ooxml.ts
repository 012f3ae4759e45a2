import { versSerieExcel, estDateISO } from "../date.ts";
import { ref as refA1 } from "../modeles/formules.ts";
import { decalerFormule } from "./formules.ts";
import { ClasseurIllisible, type CelluleLue, type ContenuClasseur, type ValeurLue, type VisibiliteFeuille } from "./lecteur.ts";
import { Budget } from "./limites.ts";
import { attribut, attributs, decoderTexte, parcourirXml, sansEchappements } from "./xml.ts";

/**
 * Reads the parts of an .xlsx package (SpreadsheetML) into what the audit needs: sheets, cells with
 * their cached value and formula, defined names. Pure: the caller unzips (./zip.ts); ./xml.ts streams
 * the XML, and only the cells are kept, within the limits of ./limites.ts.
 *
 * Why not exceljs: when it reads a file, exceljs drops formula results equal to 0 or "" (a plan's last
 * « Reste dû » of 0,00 €, the blank rows after the plan), exactly the values the audit must compare. It
 * handles what Excel and LibreOffice write: shared strings (rich text, phonetic runs left out), inline
 * strings, shared formulas, errors, booleans, ISO dates (`t="d"`), namespace prefixes, cells without
 * an `r` attribute, `_xHHHH_` escapes.
 */

/** Returns the text of a part (`xl/workbook.xml`), or undefined when the package has no such part. */
export type LirePartie = (chemin: string) => string | undefined;

/** Collects the text of the elements named in `captures` (decoded), wherever they are. */
class Texte {
  private morceaux: string[] = [];
  private longueur = 0;
  actif = false;
  private readonly budget: Budget;
  private readonly chemin: string;
  private readonly max: number;
  private readonly ou: () => string;
  constructor(budget: Budget, chemin: string, max: number, ou: () => string) {
    this.budget = budget;
    this.chemin = chemin;
    this.max = max;
    this.ou = ou;
  }
  commencer(): void {
    this.morceaux = [];
    this.longueur = 0;
    this.actif = true;
  }
  ajouter(xml: string, debut: number, fin: number, brut: boolean): void {
    if (!this.actif) return;
    this.longueur += fin - debut;
    // Escaped text is longer than what it says: the bound is checked on the decoded text below.
    if (this.longueur > 8 * this.max + 64) this.depasse(this.longueur);
    const s = xml.slice(debut, fin);
    this.morceaux.push(brut ? s.replace(/&/g, "&amp;") : s);
  }
  finir(): string {
    this.actif = false;
    const t = sansEchappements(decoderTexte(this.morceaux.join(""), this.chemin));
    this.morceaux = [];
    if (t.length > this.max) this.depasse(t.length);
    return t;
  }
  private depasse(longueur: number): never {
    if (this.max === this.budget.limites.formule) this.budget.formule(longueur, this.ou());
    this.budget.texte(longueur, this.ou());
    throw new Error("inaccessible");
  }
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

/** Attributes of every element named `nom` of a small part (relationships, workbook). */
function elements(xml: string, chemin: string, noms: ReadonlySet<string>, budget: Budget, avecTexte = false): { nom: string; a: Map<string, string>; texte: string }[] {
  const trouves: { nom: string; a: Map<string, string>; texte: string }[] = [];
  const texte = new Texte(budget, chemin, budget.limites.texte, () => `partie « ${chemin} »`);
  parcourirXml(
    xml,
    chemin,
    {
      debut(nom, d, f, vide) {
        if (!noms.has(nom)) return;
        trouves.push({ nom, a: attributs(xml, d, f, chemin), texte: "" });
        if (avecTexte && !vide) texte.commencer();
      },
      fin(nom) {
        if (texte.actif && noms.has(nom)) trouves.at(-1)!.texte = texte.finir();
      },
      texte: (x, d, f, b) => texte.ajouter(x, d, f, b),
    },
    budget,
  );
  return trouves;
}

const VISIBILITE: Record<string, VisibiliteFeuille> = { visible: "visible", hidden: "masquee", veryHidden: "tres_masquee" };
const RELATION = new Set(["Relationship"]);
const CLASSEUR = new Set(["sheet", "definedName"]);

/** The workbook part, its relationships and its sheets (name, visibility, part), in the workbook's order. */
function lireStructure(lire: LirePartie, budget: Budget) {
  const relations = (chemin: string) => {
    const x = lire(chemin);
    return x === undefined ? undefined : elements(x, chemin, RELATION, budget).map((r) => r.a);
  };
  // The workbook part is named by the package's root relationships; xl/workbook.xml everywhere in practice.
  const lienClasseur = relations("_rels/.rels")?.find((r) => r.get("Type")?.endsWith("officeDocument"));
  const cheminClasseur = cheminPartie("", lienClasseur?.get("Target") ?? "xl/workbook.xml");
  const xmlClasseur = lire(cheminClasseur);
  if (xmlClasseur === undefined) throw new ClasseurIllisible("Ce fichier n'est pas un classeur Excel (.xlsx) : il ne contient pas de classeur (xl/workbook.xml).");
  const cheminLiens = cheminClasseur.replace(/([^/]+)$/, "_rels/$1.rels");
  const rels = relations(cheminLiens);
  if (rels === undefined) throw new ClasseurIllisible(`Classeur incomplet : la partie « ${cheminLiens} » (liens du classeur) est absente.`);
  const liens = new Map<string, string>();
  for (const r of rels) {
    const id = r.get("Id");
    const cible = r.get("Target");
    if (id !== undefined && cible !== undefined) liens.set(id, cheminPartie(cheminClasseur, cible));
  }
  const contenu = elements(xmlClasseur, cheminClasseur, CLASSEUR, budget, true);
  const declarees = contenu.filter((e) => e.nom === "sheet");
  budget.compter("feuilles", declarees.length);
  const feuilles = declarees.map(({ a }) => {
    const nom = a.get("name");
    const rid = a.get("id");
    if (nom === undefined || rid === undefined) throw new ClasseurIllisible("Classeur mal formé : une feuille sans nom ou sans lien.");
    const chemin = liens.get(rid);
    if (chemin === undefined) throw new ClasseurIllisible(`Classeur mal formé : la feuille « ${nom} » n'a pas de partie.`);
    return { nom, visibilite: VISIBILITE[a.get("state") ?? "visible"] ?? "visible", chemin };
  });
  if (feuilles.length === 0) throw new ClasseurIllisible("Classeur mal formé : aucune feuille.");
  const definis = contenu.filter((e) => e.nom === "definedName");
  budget.compter("nomsDefinis", definis.length);
  return { liens, feuilles, definis };
}

/** Each sheet's part in the package (`Évaluation` → `xl/worksheets/sheet2.xml`). */
export function partiesFeuilles(lire: LirePartie, budget: Budget = new Budget()): Map<string, string> {
  return new Map(lireStructure(lire, budget).feuilles.map((f) => [f.nom, f.chemin]));
}

function textesPartages(xml: string, chemin: string, budget: Budget): string[] {
  const partages: string[] = [];
  const texte = new Texte(budget, chemin, budget.limites.texte, () => `texte partagé n° ${partages.length}`);
  let courant = "";
  let phonetique = 0;
  parcourirXml(
    xml,
    chemin,
    {
      debut(nom, _d, _f, vide) {
        if (nom === "si") {
          courant = "";
          if (vide) {
            partages.push("");
            budget.compter("textesPartages", partages.length);
          }
        } else if (nom === "rPh" && !vide) phonetique++;
        else if (nom === "t" && !vide && phonetique === 0) texte.commencer();
      },
      fin(nom) {
        if (nom === "t" && texte.actif) {
          courant += texte.finir();
          budget.texte(courant.length, `texte partagé n° ${partages.length}`);
        } else if (nom === "rPh") phonetique--;
        else if (nom === "si") {
          partages.push(courant);
          budget.compter("textesPartages", partages.length);
        }
      },
      texte: (x, d, f, b) => texte.ajouter(x, d, f, b),
    },
    budget,
  );
  return partages;
}

/** Reads a workbook's contents; throws ClasseurIllisible with a French message when it is not one. */
export function lireContenuXlsx(lire: LirePartie, budget: Budget = new Budget()): ContenuClasseur {
  const { liens, feuilles: parties, definis } = lireStructure(lire, budget);
  let partages: string[] = [];
  for (const [, cible] of liens) {
    if (/sharedStrings\d*\.xml$/i.test(cible)) {
      const sst = lire(cible);
      if (sst !== undefined) partages = textesPartages(sst, cible, budget);
    }
  }
  const feuilles = parties.map(({ nom, visibilite, chemin }) => {
    const xml = lire(chemin);
    // A chart sheet or a dialog sheet has no cells.
    const cellules = xml === undefined ? new Map<string, CelluleLue>() : lireFeuille(xml, chemin, partages, nom, budget);
    return { nom, visibilite, cellules, noms: new Map<string, string>() };
  });

  const noms = new Map<string, string>();
  for (const { a, texte } of definis) {
    const nom = a.get("name");
    // Built-in names (print areas…) are not the template's names; a local name belongs to its sheet.
    if (nom === undefined || nom.startsWith("_xlnm.")) continue;
    const local = a.get("localSheetId");
    if (local === undefined) noms.set(nom, texte);
    else feuilles[Number(local)]?.noms.set(nom, texte);
  }
  return { feuilles, noms };
}

const REF_CELLULE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

interface Maitre {
  formule: string;
  ligne: number;
  colonne: number;
}

/**
 * A cell of a shared formula (`<f t="shared" si="0"/>`): its formula is its master's, moved, computed
 * when first read. Only the template's formula cells are ever read, so a hostile file's 10 000 copies
 * of a long formula cost nothing.
 */
function cellulePartagee(valeur: ValeurLue | undefined, maitre: Maitre, dLignes: number, dColonnes: number): CelluleLue {
  let formule: string | undefined;
  const c = { valeur } as CelluleLue;
  Object.defineProperty(c, "formule", {
    enumerable: true,
    get: () => (formule ??= decalerFormule(maitre.formule, dLignes, dColonnes)),
  });
  return c;
}

function lireFeuille(xml: string, chemin: string, partages: readonly string[], nomFeuille: string, budget: Budget): Map<string, CelluleLue> {
  const cellules = new Map<string, CelluleLue>();
  const maitres = new Map<string, Maitre>();
  let ligneCourante = 0;
  let colonneCourante = 0;
  // The cell being read.
  let ref = "";
  let ligne = 0;
  let colonne = 0;
  let type = "n";
  let formule: string | undefined;
  let partagee: { si: string; maitre: boolean } | null = null;
  let brut: string | undefined;
  let enLigne: string | undefined;
  let dansCellule = false;
  let dansIs = false;
  let phonetique = 0;
  const ou = () => `feuille « ${nomFeuille} », ${ref}`;
  const texte = new Texte(budget, chemin, budget.limites.texte, ou);
  const texteFormule = new Texte(budget, chemin, budget.limites.formule, ou);
  let capture: "v" | "f" | "t" | null = null;

  const finirCellule = () => {
    dansCellule = false;
    let valeur: ValeurLue | undefined;
    if (type === "inlineStr") valeur = enLigne ?? brut ?? null;
    else if (brut === undefined) valeur = formule !== undefined || partagee !== null ? undefined : null;
    else if (type === "s") {
      const i = Number(brut);
      if (!Number.isInteger(i) || i < 0 || i >= partages.length) throw new ClasseurIllisible(`Classeur mal formé : texte partagé n° ${brut} introuvable (feuille « ${nomFeuille} », ${ref}).`);
      valeur = partages[i]!;
    } else if (type === "str") valeur = brut;
    else if (type === "b") valeur = brut === "1" || brut.toLowerCase() === "true";
    else if (type === "e") valeur = { erreur: brut };
    else if (type === "d") valeur = dateVersSerie(brut);
    else if (brut.trim() === "") valeur = formule !== undefined || partagee !== null ? "" : null;
    else {
      const n = Number(brut);
      if (!Number.isFinite(n)) throw new ClasseurIllisible(`Classeur mal formé : « ${brut} » n'est pas un nombre (feuille « ${nomFeuille} », ${ref}).`);
      valeur = n;
    }
    if (partagee !== null && !partagee.maitre) {
      const m = maitres.get(partagee.si);
      if (!m) throw new ClasseurIllisible(`Classeur mal formé : formule partagée ${partagee.si} sans cellule d'origine (feuille « ${nomFeuille} », ${ref}).`);
      cellules.set(ref, cellulePartagee(valeur, m, ligne - m.ligne, colonne - m.colonne));
      return;
    }
    if (formule === undefined && (valeur === null || valeur === undefined)) return;
    cellules.set(ref, formule !== undefined ? { valeur, formule } : { valeur });
  };

  parcourirXml(
    xml,
    chemin,
    {
      debut(nom, d, f, vide) {
        if (nom === "c") {
          budget.cellule();
          const r = REF_CELLULE.exec(attribut(xml, d, f, "r", chemin) ?? "");
          if (r !== null) {
            ligne = Number(r[2]);
            colonne = 0;
            for (const l of r[1]!.toUpperCase()) colonne = colonne * 26 + l.charCodeAt(0) - 64;
            ref = `${r[1]!.toUpperCase()}${r[2]}`;
          } else {
            ligne = ligneCourante;
            colonne = colonneCourante + 1;
            ref = refA1(colonne, ligne);
          }
          colonneCourante = colonne;
          ligneCourante = ligne;
          type = attribut(xml, d, f, "t", chemin) ?? "n";
          formule = undefined;
          partagee = null;
          brut = undefined;
          enLigne = undefined;
          dansCellule = !vide;
        } else if (nom === "row") {
          const numero = attribut(xml, d, f, "r", chemin);
          ligneCourante = numero !== undefined ? Number(numero) : ligneCourante + 1;
          colonneCourante = 0;
        } else if (!dansCellule) return;
        else if (nom === "f") {
          if (attribut(xml, d, f, "t", chemin) === "shared") partagee = { si: attribut(xml, d, f, "si", chemin) ?? "", maitre: false };
          if (vide) {
            if (partagee === null) formule = "";
          } else {
            capture = "f";
            texteFormule.commencer();
          }
        } else if (nom === "v" && !vide) {
          capture = "v";
          texte.commencer();
        } else if (nom === "v") brut = "";
        else if (nom === "is") {
          dansIs = true;
          enLigne = "";
        } else if (nom === "rPh" && !vide) phonetique++;
        else if (nom === "t" && dansIs && phonetique === 0 && !vide) {
          capture = "t";
          texte.commencer();
        }
      },
      fin(nom) {
        if (nom === "c") {
          if (dansCellule) finirCellule();
        } else if (!dansCellule) return;
        else if (nom === "f" && capture === "f") {
          capture = null;
          const f = texteFormule.finir();
          if (partagee !== null) {
            if (f !== "") {
              partagee.maitre = true;
              maitres.set(partagee.si, { formule: f, ligne, colonne });
              formule = f;
            }
          } else formule = f;
        } else if (nom === "v" && capture === "v") {
          capture = null;
          brut = texte.finir();
        } else if (nom === "t" && capture === "t") {
          capture = null;
          enLigne = (enLigne ?? "") + texte.finir();
          budget.texte(enLigne.length, ou());
        } else if (nom === "rPh") phonetique--;
        else if (nom === "is") dansIs = false;
      },
      texte(x, d, f, b) {
        if (capture === "f") texteFormule.ajouter(x, d, f, b);
        else if (capture !== null) texte.ajouter(x, d, f, b);
      },
    },
    budget,
  );
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
