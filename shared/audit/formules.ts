import { indexColonne, lettreColonne } from "../modeles/formules.ts";

/**
 * Formula text as the audit compares it. The same formula comes back from Excel, LibreOffice or
 * office.js written slightly differently: `'Barèmes'!$B$8` or `Barèmes!$B$8`, spaces, lower-case
 * function names, `_xlfn.` prefixes, `0.50` or `.5`. `normaliserFormule` maps all of these to one text,
 * so two formulas are "the same" exactly when they compute the same thing from the same cells.
 */

type Morceau = { texte: string; nature: "chaine" | "feuille" | "code" };

/** Splits a formula into string literals, quoted sheet names (with their `!`) and code. */
function decouper(formule: string): Morceau[] {
  const morceaux: Morceau[] = [];
  let code = "";
  let i = 0;
  const pousserCode = () => {
    if (code !== "") morceaux.push({ texte: code, nature: "code" });
    code = "";
  };
  while (i < formule.length) {
    const c = formule[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= formule.length) break;
        if (formule[j] === c) {
          if (formule[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      pousserCode();
      if (c === "'") {
        const fin = formule[j + 1] === "!" ? j + 2 : j + 1;
        morceaux.push({ texte: formule.slice(i, fin), nature: "feuille" });
        i = fin;
      } else {
        morceaux.push({ texte: formule.slice(i, j + 1), nature: "chaine" });
        i = j + 1;
      }
    } else {
      code += c;
      i++;
    }
  }
  pousserCode();
  return morceaux;
}

// No lookbehind (Safari before 16.4, the webview of older Macs, cannot even compile it): the character
// before a reference is matched, kept in the first group, and written back.
const REF_CELLULE = /(^|[^A-Za-z0-9_.$\u00C0-\uFFFF])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(\u00C0-\uFFFF])/g;

/**
 * A shared formula (`<f t="shared">` in OOXML) is stored once, in its first cell; the others are the
 * same formula moved: relative references shift by the distance, `$`-anchored ones stay.
 */
export function decalerFormule(formule: string, dLignes: number, dColonnes: number): string {
  if (dLignes === 0 && dColonnes === 0) return formule;
  return decouper(formule)
    .map((m) =>
      m.nature !== "code"
        ? m.texte
        : m.texte.replace(REF_CELLULE, (_tout, avant: string, dc: string, col: string, dl: string, lig: string) => {
            const c = dc === "$" ? indexColonne(col) : indexColonne(col) + dColonnes;
            const l = dl === "$" ? Number(lig) : Number(lig) + dLignes;
            if (c < 1 || l < 1) return `${avant}#REF!`;
            return `${avant}${dc}${lettreColonne(c)}${dl}${l}`;
          }),
    )
    .join("");
}

const FEUILLE_NUE = /([^\s!,()'"=<>&+\-*/^:;{}%]+)!/g;
const NOMBRE = /(^|[^A-Z0-9_.$\u00C0-\uFFFF\u0001])(\d+\.?\d*(?:E[+-]?\d+)?|\.\d+(?:E[+-]?\d+)?)(?![\dA-Z_(\u00C0-\uFFFF])/g;

/** One canonical text per formula (see the module comment); strings keep their case and spaces. */
export function normaliserFormule(formule: string): string {
  const f = formule.trim().replace(/^=/, "");
  let sortie = "";
  for (const m of decouper(f)) {
    if (m.nature === "chaine") sortie += m.texte;
    else if (m.nature === "feuille") sortie += `\u0001${m.texte.slice(1, m.texte.endsWith("!") ? -2 : -1).replace(/''/g, "'").toUpperCase()}\u0001!`;
    else {
      sortie += m.texte
        .replace(/\s+/g, "")
        .toUpperCase()
        .replace(/_XL(FN|WS)\./g, "")
        .replace(FEUILLE_NUE, (_t, nom: string) => `\u0001${nom}\u0001!`)
        .replace(NOMBRE, (_t, avant: string, n: string) => `${avant}${String(Number(n))}`);
    }
  }
  return sortie;
}

export function memesFormules(a: string, b: string): boolean {
  return a === b || normaliserFormule(a) === normaliserFormule(b);
}

/** `'Plan d''apurement'!$B$13` → { feuille: "Plan d'apurement", ref: "B13" }; null for anything else (ranges, constants). */
export function referenceNom(texte: string): { feuille: string; ref: string } | null {
  const m = /^\s*=?\s*(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$/.exec(texte);
  if (!m) return null;
  return { feuille: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!, ref: `${m[3]!.toUpperCase()}${m[4]}` };
}
