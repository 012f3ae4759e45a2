/**
 * « Erreur de la cellule sélectionnée » : Excel shows a LOGSOC error as #VALUE!, #N/A or #DIV/0! with at
 * best a short message; when the adviser selects LOGSOC formulas, the pane shows each one's last error in
 * full (kept by the custom functions under the calling cell's address, see addin/functions/journalErreurs.ts).
 */
import { journalErreurs, normaliserAdresse, type ErreurCellule, type JournalErreurs } from "../functions/journalErreurs.ts";
import { el, remplacer } from "./dom.ts";

/** At most this many cells of a selection are looked at (a whole column must not freeze the pane). */
export const CELLULES_MAX = 50;

export interface ErreurSelectionnee extends ErreurCellule {
  adresse: string;
}

function lettres(n: number): string {
  let s = "";
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

function indexColonne(l: string): number {
  let n = 0;
  for (const c of l) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

/** The LOGSOC formulas of a selection ("Feuil1!B3:C4" and its formulas, row by row) with their cell address. */
export function formulesLogsoc(adressePlage: string, formules: readonly (readonly unknown[])[]): { adresse: string; formule: string }[] {
  const i = adressePlage.lastIndexOf("!");
  const feuille = i < 0 ? "" : adressePlage.slice(0, i);
  const debut = /^\$?([A-Z]{1,3})\$?(\d+)/.exec(adressePlage.slice(i + 1).toUpperCase());
  if (debut === null) return [];
  const col0 = indexColonne(debut[1]!);
  const ligne0 = Number(debut[2]);
  const trouvees: { adresse: string; formule: string }[] = [];
  let vues = 0;
  for (let l = 0; l < formules.length && vues < CELLULES_MAX; l++) {
    const ligne = formules[l]!;
    for (let c = 0; c < ligne.length && vues < CELLULES_MAX; c++, vues++) {
      const f = ligne[c];
      if (typeof f === "string" && /LOGSOC\./i.test(f)) trouvees.push({ adresse: `${feuille}!${lettres(col0 + c)}${ligne0 + l}`, formule: f });
    }
  }
  return trouvees;
}

export function erreursSelection(adressePlage: string, formules: readonly (readonly unknown[])[], journal: JournalErreurs = journalErreurs()): { logsoc: number; erreurs: ErreurSelectionnee[] } {
  const cellules = formulesLogsoc(adressePlage, formules);
  const erreurs: ErreurSelectionnee[] = [];
  for (const c of cellules) {
    const e = journal.lire(c.adresse);
    if (e !== undefined) erreurs.push({ adresse: normaliserAdresse(c.adresse).split("!")[1]!, ...e });
  }
  return { logsoc: cellules.length, erreurs };
}

export function vueErreurs(section: HTMLElement, r: { logsoc: number; erreurs: ErreurSelectionnee[] }): void {
  section.hidden = r.logsoc === 0;
  if (r.logsoc === 0) return remplacer(section);
  remplacer(
    section,
    el("h2", {}, "Erreur de la cellule sélectionnée"),
    r.erreurs.length === 0
      ? el("p", {}, r.logsoc === 1 ? "La formule LOGSOC sélectionnée n'a pas d'erreur." : "Les formules LOGSOC sélectionnées n'ont pas d'erreur.")
      : el(
          "ul",
          { class: "erreurs-logsoc" },
          ...r.erreurs.map((e) => el("li", {}, el("strong", {}, `${e.adresse} — LOGSOC.${e.fonction} : ${e.code}`), el("p", {}, e.message))),
        ),
  );
}

/** The part of Excel's API this view reads. */
export interface ExcelSelection {
  run<T>(lot: (ctx: {
    workbook: {
      getSelectedRange(): { load(p: string): void; address: string; formulas: unknown[][] };
      onSelectionChanged?: { add(h: () => Promise<void> | void): unknown };
    };
    sync(): Promise<void>;
  }) => Promise<T>): Promise<T>;
}

/** A section that follows the selection (and the functions' new errors) for as long as the pane is open. */
export function sectionErreurs(excel: ExcelSelection, journal: JournalErreurs = journalErreurs()): HTMLElement {
  const section = el("section", { id: "erreur-selection", "aria-live": "polite" });
  section.hidden = true;
  const lire = async () => {
    try {
      await excel.run(async (ctx) => {
        const plage = ctx.workbook.getSelectedRange();
        plage.load("address,formulas");
        await ctx.sync();
        vueErreurs(section, erreursSelection(plage.address, plage.formulas, journal));
      });
    } catch {
      // A selection Excel cannot read (a chart, a whole sheet being edited): nothing to show.
      section.hidden = true;
    }
  };
  // Nothing at all is asked of a workbook without selection events: the pane's other round trips stay as they are.
  void excel
    .run(async (ctx) => {
      const evenement = ctx.workbook.onSelectionChanged;
      if (evenement === undefined) return;
      evenement.add(lire);
      await ctx.sync();
      await lire();
      // A new error (or a fixed one) in the cells shown: read them again.
      journal.abonner(() => {
        if (!section.hidden) void lire();
      });
    })
    .catch(() => undefined);
  return section;
}
