import { decomposerPlage, indexColonne } from "../formules.ts";
import type { Cellule, Feuille, SpecModele } from "../spec.ts";

/**
 * The exercise question of layout version 1, FROZEN with the templates (see ./index.ts): a template
 * turned into a question (inputs locked, figures derived from them blanked, answers open). The audit
 * rebuilds it from the metadata to know which cells of a v1 énoncé hold the trainee's answers.
 */

// A reference in a template formula: optional `{cle}!`, a cell, optionally `:cell`. Strings are removed first.
// No lookbehind (Safari before 16.4 cannot compile it): the character before a reference is matched, not captured.
const REFERENCE = /(?:^|[^A-Za-z0-9_.$])(?:\{([a-z][a-z0-9_]*)\}!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![A-Za-z0-9_(])/g;

interface Plage {
  cle: string;
  c1: number;
  l1: number;
  c2: number;
  l2: number;
}

function plagesLues(formule: string, cleFeuille: string): Plage[] {
  const code = formule.replace(/"(?:[^"]|"")*"/g, '""');
  const plages: Plage[] = [];
  for (const m of code.matchAll(REFERENCE)) {
    const c1 = indexColonne(m[2]!);
    const l1 = Number(m[3]);
    const c2 = m[4] !== undefined ? indexColonne(m[4]) : c1;
    const l2 = m[5] !== undefined ? Number(m[5]) : l1;
    plages.push({ cle: m[1] ?? cleFeuille, c1: Math.min(c1, c2), l1: Math.min(l1, l2), c2: Math.max(c1, c2), l2: Math.max(l1, l2) });
  }
  return plages;
}

const DERIVEES = new WeakMap<SpecModele, ReadonlySet<string>>();

/**
 * Formula cells (`cle!ref`) whose result depends on an input, directly or through other formulas:
 * what would give the answer away in an exercise. Formulas that only read the « Barèmes » sheet stay.
 */
export function cellulesDerivees(spec: SpecModele): ReadonlySet<string> {
  const deja = DERIVEES.get(spec);
  if (deja) return deja;
  const variables = new Map<string, Set<string>>();
  const ajouter = (cle: string, colonne: number, ligne: number) => {
    let s = variables.get(cle);
    if (!s) variables.set(cle, (s = new Set()));
    s.add(`${colonne},${ligne}`);
  };
  const formules: { cle: string; cellule: Cellule; plages: Plage[]; colonne: number; ligne: number }[] = [];
  for (const f of spec.feuilles) {
    for (const c of f.cellules) {
      const { debut } = decomposerPlage(c.ref);
      if (c.saisie) ajouter(f.cle, debut.colonne, debut.ligne);
      else if (c.formule !== undefined) formules.push({ cle: f.cle, cellule: c, plages: plagesLues(c.formule, f.cle), colonne: debut.colonne, ligne: debut.ligne });
    }
  }
  const touche = (p: Plage) => {
    const s = variables.get(p.cle);
    if (!s) return false;
    if ((p.c2 - p.c1 + 1) * (p.l2 - p.l1 + 1) <= s.size) {
      for (let c = p.c1; c <= p.c2; c++) for (let l = p.l1; l <= p.l2; l++) if (s.has(`${c},${l}`)) return true;
      return false;
    }
    for (const k of s) {
      const [c, l] = k.split(",").map(Number) as [number, number];
      if (c >= p.c1 && c <= p.c2 && l >= p.l1 && l <= p.l2) return true;
    }
    return false;
  };
  const derivees = new Set<string>();
  let change = true;
  while (change) {
    change = false;
    for (const f of formules) {
      const cle = `${f.cle}!${f.cellule.ref}`;
      if (derivees.has(cle)) continue;
      if (f.plages.some(touche)) {
        derivees.add(cle);
        ajouter(f.cle, f.colonne, f.ligne);
        change = true;
      }
    }
  }
  DERIVEES.set(spec, derivees);
  return derivees;
}

/** What an answer cell accepts: a number (results may be negative), or Oui/Non for an eligibility. */
function celluleReponse(c: Cellule, texte: boolean): Cellule {
  const { formule: _f, style: _s, ...reste } = c;
  return {
    ...reste,
    saisie: true,
    style: "saisie",
    validation: texte
      ? { type: "liste", valeurs: ["Oui", "Non"], message: "Répondez Oui ou Non." }
      : { type: "decimal", min: -1_000_000_000, max: 1_000_000_000, message: "Saisissez votre réponse : un nombre." },
    aide: "Votre réponse : calculez ce résultat à partir des données du cas.",
  };
}

/**
 * The question workbook: inputs locked with their values, figures derived from them blanked, the
 * answers (`reponses`, ids of result cells) open for the trainee. `reponsesTexte` are answered Oui/Non.
 */
export function specEnonce(spec: SpecModele, reponses: readonly string[], reponsesTexte: readonly string[] = []): SpecModele {
  const derivees = cellulesDerivees(spec);
  const aRepondre = new Set(reponses);
  const feuilles: Feuille[] = spec.feuilles.map((f) => ({
    ...f,
    cellules: f.cellules.map((c): Cellule => {
      if (c.id !== undefined && aRepondre.has(c.id)) return celluleReponse(c, reponsesTexte.includes(c.id));
      if (c.saisie) {
        const { saisie: _s, validation: _v, aide: _a, style: _st, ...reste } = c;
        return { ...reste, style: "calcul" };
      }
      if (c.formule !== undefined && derivees.has(`${f.cle}!${c.ref}`)) {
        const { formule: _f, ...reste } = c;
        return reste;
      }
      return c;
    }),
  }));
  const manquantes = reponses.filter((id) => !feuilles.some((f) => f.cellules.some((c) => c.id === id)));
  if (manquantes.length > 0) throw new Error(`Réponse(s) sans cellule dans le modèle ${spec.id} : ${manquantes.join(", ")}.`);
  return { ...spec, feuilles };
}
