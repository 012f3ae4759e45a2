import { auditerClasseur, type RapportClasseur } from "#shared/audit/audit.ts";
import type { LecteurClasseur } from "#shared/audit/lecteur.ts";
import { Budget } from "#shared/audit/limites.ts";
import type { CatalogueBaremes } from "#shared/baremes/catalogue.ts";
import { lettreColonne } from "#shared/modeles/formules.ts";
import { largeurEnPoints, nomsFeuillesUniques } from "../modeles/rendu.ts";
import { lireClasseurExcel, type ContexteLecture, type FeuilleLueExcel } from "./lecteurExcel.ts";
import { cellulesEnCause, COLONNES_CELLULES_ENCADREES, COLONNES_RAPPORT, LARGEURS_RAPPORT, lignesRapport, TITRE_RAPPORT, type LigneRapport } from "./feuilleControle.ts";

/**
 * « Contrôler ce classeur » (task pane): reads the open workbook (2 syncs), audits every LogSoc dossier
 * in it, writes the « Contrôle LogSoc » report sheet (1 sync) and outlines the cells in question in red
 * (1 more sync, only when there are some). No value of the workbook is changed: only the report sheet
 * is written, and only the borders of the cells in question (protected template sheets are unprotected
 * for that and protected again with their options). The previous report sheet made by LogSoc is reused,
 * and the cells it had outlined get the template's thin grey border back.
 */

export interface BorduresEcrites {
  getItem(cote: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight"): { style: string; color: string; weight: string };
}

export interface FormatEcrit {
  font: { bold: boolean; color: string; size: number; italic: boolean };
  fill: { color: string };
  borders: BorduresEcrites;
  wrapText: boolean;
  verticalAlignment: string;
}

export interface PlageEcrite {
  values: unknown[][];
  numberFormat: unknown[][];
  format: FormatEcrit & { columnWidth: number };
  hyperlink: { documentReference?: string; textToDisplay?: string; screenTip?: string };
  columnHidden: boolean;
  clear(quoi?: "All" | "Formats" | "Contents"): void;
}

export interface FeuilleEcrite {
  getRange(adresse?: string): PlageEcrite;
  getRanges(adresses: string): { format: FormatEcrit };
  protection: { protect(options?: Record<string, unknown>): void; unprotect(motDePasse?: string): void };
  freezePanes: { freezeRows(lignes?: number): void };
  activate(): void;
}

export interface ContexteControle {
  workbook: {
    worksheets: {
      load(proprietes: string): unknown;
      items: FeuilleLueExcel[];
      add(nom: string): FeuilleEcrite;
      getItem(nom: string): FeuilleEcrite;
    };
    names: ContexteLecture["workbook"]["names"];
  };
  sync(): Promise<unknown>;
}

export interface OptionsControle {
  /** The catalogue the barèmes are checked against: the task pane's, with the published versions. */
  catalogue?: CatalogueBaremes;
  /** When the check runs (the report says it); now by default. */
  maintenant?: Date;
}

export interface ResultatControle {
  /** Name of the report sheet written and activated. */
  feuille: string;
  dossiers: number;
  constats: number;
  conforme: boolean;
  /** Cells outlined: done, none needed, or impossible (a sheet protected by a password). */
  encadrement: "fait" | "aucun" | "impossible";
  /** One French sentence for the task pane. */
  message: string;
  rapport: RapportClasseur;
}

const ROUGE = "#C00000";
const VERT = "#2E7D32";
const GRIS_TEMPLATE = "#A6A6A6";
const COTES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** The report sheet LogSoc wrote before (title in A1), and the cells it had outlined. */
function rapportPrecedent(lecteur: LecteurClasseur): { nom: string; encadrees: { feuille: string; cellule: string }[] } | null {
  for (const { nom } of lecteur.feuilles()) {
    if (!nom.startsWith(TITRE_RAPPORT) || lecteur.cellule(nom, "A1")?.valeur !== TITRE_RAPPORT) continue;
    const encadrees: { feuille: string; cellule: string }[] = [];
    for (let l = 2; ; l++) {
      const feuille = lecteur.cellule(nom, `${COLONNES_CELLULES_ENCADREES.feuille}${l}`)?.valeur;
      const cellule = lecteur.cellule(nom, `${COLONNES_CELLULES_ENCADREES.cellule}${l}`)?.valeur;
      if (typeof feuille !== "string" || typeof cellule !== "string") break;
      encadrees.push({ feuille, cellule });
    }
    return { nom, encadrees };
  }
  return null;
}

/** Office.js address lists are kept short: a few hundred characters each. */
function paquets(refs: readonly string[], longueurMax = 1500): string[] {
  const r: string[] = [];
  let courant = "";
  for (const a of refs) {
    if (courant !== "" && courant.length + a.length + 1 > longueurMax) {
      r.push(courant);
      courant = "";
    }
    courant = courant === "" ? a : `${courant},${a}`;
  }
  if (courant !== "") r.push(courant);
  return r;
}

const citer = (feuille: string) => `'${feuille.replace(/'/g, "''")}'`;

function ecrireRapport(ws: FeuilleEcrite, lignes: readonly LigneRapport[], encadrees: readonly { feuille: string; cellule: string }[]): void {
  const derniere = lettreColonne(COLONNES_RAPPORT);
  const bloc = ws.getRange(`A1:${derniere}${lignes.length}`);
  // Text format first: a formula quoted as expected value (« =ROUND(… ») stays text.
  bloc.numberFormat = lignes.map(() => Array.from({ length: COLONNES_RAPPORT }, () => "@"));
  bloc.values = lignes.map((l) => l.cellules);
  bloc.format.verticalAlignment = "Top";
  LARGEURS_RAPPORT.forEach((largeur, i) => {
    ws.getRange(`${lettreColonne(i + 1)}:${lettreColonne(i + 1)}`).format.columnWidth = largeurEnPoints(largeur);
  });
  ws.getRange("B:B").format.wrapText = true;
  ws.getRange("F:F").format.wrapText = true;

  const { feuille: colF, cellule: colC } = COLONNES_CELLULES_ENCADREES;
  ws.getRange(`${colF}1:${colC}1`).values = [["Feuille encadrée", "Cellule encadrée"]];
  if (encadrees.length > 0) {
    const liste = ws.getRange(`${colF}2:${colC}${encadrees.length + 1}`);
    liste.numberFormat = encadrees.map(() => ["@", "@"]);
    liste.values = encadrees.map((e) => [e.feuille, e.cellule]);
  }
  ws.getRange(`${colF}:${colC}`).columnHidden = true;

  const parNature = (pred: (l: LigneRapport) => boolean, colonnes: string) =>
    lignes.flatMap((l, i) => (pred(l) ? [colonnes.replace(/#/g, String(i + 1))] : []));
  const titre = ws.getRange("A1").format;
  titre.font.bold = true;
  titre.font.size = 14;
  for (const adresses of paquets(parNature((l) => l.nature === "section", `A#:${derniere}#`))) {
    const f = ws.getRanges(adresses).format;
    f.font.bold = true;
    f.font.color = "#FFFFFF";
    f.fill.color = "#1F4E79";
  }
  for (const adresses of paquets(parNature((l) => l.nature === "entete", `A#:${derniere}#`))) {
    const f = ws.getRanges(adresses).format;
    f.font.bold = true;
    f.fill.color = "#D9E1F2";
  }
  for (const adresses of paquets(parNature((l) => l.statut === "erreur", "A#"))) ws.getRanges(adresses).format.font.color = ROUGE;
  for (const adresses of paquets(parNature((l) => l.statut === "ok", "A#"))) ws.getRanges(adresses).format.font.color = VERT;
  for (const adresses of paquets(parNature((l) => l.nature === "note", "B#"))) ws.getRanges(adresses).format.font.italic = true;
  lignes.forEach((l, i) => {
    if (!l.lien) return;
    ws.getRange(`C${i + 1}`).hyperlink = { documentReference: `${citer(l.lien.feuille)}!${l.lien.cellule}`, textToDisplay: `${l.lien.feuille}!${l.lien.cellule}`, screenTip: "Aller à la cellule" };
  });
  ws.freezePanes.freezeRows(2);
}

function bordures(f: FormatEcrit, style: { weight: string; color: string }): void {
  for (const cote of COTES) {
    const b = f.borders.getItem(cote);
    b.style = "Continuous";
    b.weight = style.weight;
    b.color = style.color;
  }
}

/**
 * Checks the open workbook: `Excel.run((context) => controlerClasseur(context, { catalogue }))`.
 * At most four `context.sync()` calls, whatever the workbook's size.
 */
export async function controlerClasseur(context: ContexteControle, options: OptionsControle = {}): Promise<ResultatControle> {
  const budget = new Budget();
  const { lecteur, protections } = await lireClasseurExcel(context, budget);
  const rapport = auditerClasseur(lecteur, { budget, ...(options.catalogue ? { catalogue: options.catalogue } : {}) });
  const lignes = lignesRapport(rapport, options.maintenant ?? new Date());
  const existantes = new Set(lecteur.feuilles().map((f) => f.nom));
  const enCause = cellulesEnCause(rapport).filter((c) => existantes.has(c.feuille));

  const precedent = rapportPrecedent(lecteur);
  const classeur = context.workbook;
  let nom: string;
  let ws: FeuilleEcrite;
  if (precedent) {
    nom = precedent.nom;
    ws = classeur.worksheets.getItem(nom);
    ws.getRange().clear("All");
  } else {
    nom = nomsFeuillesUniques([TITRE_RAPPORT], [...existantes])[0]!;
    ws = classeur.worksheets.add(nom);
  }
  ecrireRapport(ws, lignes, enCause);
  ws.activate();
  await context.sync();

  // Outlines, in a batch of their own: a sheet protected by a password must not cost the report.
  const aRetablir = (precedent?.encadrees ?? []).filter((a) => existantes.has(a.feuille) && !enCause.some((c) => c.feuille === a.feuille && c.cellule === a.cellule));
  let encadrement: ResultatControle["encadrement"] = "aucun";
  if (enCause.length > 0 || aRetablir.length > 0) {
    const feuilles = [...new Set([...enCause, ...aRetablir].map((c) => c.feuille))];
    const refs = (liste: readonly { feuille: string; cellule: string }[], feuille: string) => liste.filter((c) => c.feuille === feuille && /^[A-Z]{1,3}\d+$/.test(c.cellule)).map((c) => c.cellule);
    for (const feuille of feuilles) {
      const cible = classeur.worksheets.getItem(feuille);
      const protegee = protections.has(feuille);
      if (protegee) cible.protection.unprotect();
      for (const adresses of paquets(refs(aRetablir, feuille))) bordures(cible.getRanges(adresses).format, { weight: "Thin", color: GRIS_TEMPLATE });
      for (const adresses of paquets(refs(enCause, feuille))) bordures(cible.getRanges(adresses).format, { weight: "Thick", color: ROUGE });
      if (protegee) cible.protection.protect((protections.get(feuille) ?? {}) as Record<string, unknown>);
    }
    try {
      await context.sync();
      encadrement = enCause.length > 0 ? "fait" : "aucun";
    } catch {
      encadrement = "impossible";
    }
  }

  const n = rapport.dossiers.length;
  const message = !rapport.classeurLogsoc
    ? "Ce classeur n'a pas été créé à partir d'un modèle LogSoc : il ne peut pas être contrôlé (voir la feuille « " + nom + " »)."
    : rapport.conforme
      ? `Aucune anomalie dans ${n > 1 ? `les ${n} dossiers` : "le dossier"} : chaque résultat est conforme au calcul (détail dans la feuille « ${nom} »).`
      : `${rapport.constats} anomalie(s) dans ${n > 1 ? `${n} dossiers` : "le dossier"} : détail dans la feuille « ${nom} »${encadrement === "fait" ? ", cellules en cause encadrées en rouge" : encadrement === "impossible" ? " (cellules non encadrées : une feuille est protégée par un mot de passe)" : ""}.`;
  return { feuille: nom, dossiers: n, constats: rapport.constats, conforme: rapport.conforme, encadrement, message, rapport };
}
