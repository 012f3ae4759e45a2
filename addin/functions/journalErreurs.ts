/**
 * The last error of each LOGSOC cell, for the task pane: Excel shows at most a short message (none at all
 * on some desktops), the pane shows it in full. Custom functions and the pane run in one shared runtime
 * but in two bundles, so the journal lives on the page's global object, not in a module variable.
 */
export interface ErreurCellule {
  fonction: string;
  code: string;
  message: string;
}

export interface JournalErreurs {
  noter(adresse: string, erreur: ErreurCellule): void;
  effacer(adresse: string): void;
  lire(adresse: string): ErreurCellule | undefined;
  /** Called when an error is noted or cleared (the pane refreshes its view). */
  abonner(rappel: () => void): void;
}

/** Bounded: a workbook recalculating thousands of failing cells must not grow the page's memory without end. */
const TAILLE_MAX = 5_000;
const CLE = Symbol.for("logsoc.journalErreurs");

/** "'Mon budget'!$B$3" and "mon budget!b3" are the same cell. */
export function normaliserAdresse(adresse: string): string {
  const i = adresse.lastIndexOf("!");
  const feuille = i < 0 ? "" : adresse.slice(0, i).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  const cellule = adresse.slice(i + 1).replace(/\$/g, "");
  return `${feuille.toLowerCase()}!${cellule.toUpperCase()}`;
}

function creer(): JournalErreurs {
  const erreurs = new Map<string, ErreurCellule>();
  const rappels: (() => void)[] = [];
  const prevenir = () => {
    for (const r of rappels) r();
  };
  return {
    noter(adresse, erreur) {
      const cle = normaliserAdresse(adresse);
      erreurs.delete(cle);
      erreurs.set(cle, erreur);
      if (erreurs.size > TAILLE_MAX) erreurs.delete(erreurs.keys().next().value!);
      prevenir();
    },
    effacer(adresse) {
      if (erreurs.delete(normaliserAdresse(adresse))) prevenir();
    },
    lire: (adresse) => erreurs.get(normaliserAdresse(adresse)),
    abonner(rappel) {
      rappels.push(rappel);
    },
  };
}

export function journalErreurs(): JournalErreurs {
  const g = globalThis as unknown as Record<symbol, JournalErreurs | undefined>;
  return (g[CLE] ??= creer());
}
