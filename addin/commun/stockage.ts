/**
 * Where the task pane keeps the barème versions it fetched, so the custom functions use them too. The
 * manifest requires the shared runtime: the pane and the functions run in one page and share its
 * localStorage, read synchronously so a custom function never waits. Where localStorage is missing
 * or refused (a sandboxed webview), an in-memory store keeps the pane working for the session.
 */
export interface Stockage {
  readonly nom: "localStorage" | "mémoire";
  lire(cle: string): string | null;
  ecrire(cle: string, valeur: string): void;
}

export function stockageMemoire(): Stockage {
  const valeurs = new Map<string, string>();
  return {
    nom: "mémoire",
    lire: (cle) => valeurs.get(cle) ?? null,
    ecrire: (cle, valeur) => {
      valeurs.set(cle, valeur);
    },
  };
}

export function stockageParDefaut(g: { localStorage?: Pick<Storage, "getItem" | "setItem"> } = globalThis): Stockage {
  try {
    // Reading the property itself throws in some sandboxed webviews.
    const ls = g.localStorage;
    if (ls !== undefined && ls !== null) {
      ls.getItem("logsoc.essai");
      return { nom: "localStorage", lire: (cle) => ls.getItem(cle), ecrire: (cle, valeur) => ls.setItem(cle, valeur) };
    }
  } catch {
    // fall through to memory
  }
  return stockageMemoire();
}
