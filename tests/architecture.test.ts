import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The architecture, checked on the sources (docs/architecture.md): dependencies point inward (the
 * engine in shared/ imports nothing of the programs built on it, nor Node), no two modules depend on
 * each other even indirectly, and no function grows past what a reader can hold (150 lines).
 */

const RACINE = resolve(import.meta.dirname, "..");
const DOSSIERS = ["shared", "cli", "addin", "worker", "scripts", "bench", "tests"];
const LONGUEUR_MAX = 150;

function fichiers(dossier: string): string[] {
  const absolu = join(RACINE, dossier);
  if (!existsSync(absolu)) return [];
  return readdirSync(absolu, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts") && !f.split(sep).includes("node_modules"))
    .map((f) => join(dossier, f).split(sep).join("/"))
    .filter((f) => statSync(join(RACINE, f)).isFile());
}

const TOUS = DOSSIERS.flatMap(fichiers).sort();
const textes = new Map(TOUS.map((f) => [f, readFileSync(join(RACINE, f), "utf8")]));

/** Where an import leads: a project file (relative to the root), or the module's name for a package or Node. */
function cible(depuis: string, specifieur: string): string {
  let chemin: string;
  if (specifieur.startsWith("#shared/")) chemin = join("shared", specifieur.slice("#shared/".length));
  else if (specifieur.startsWith(".")) chemin = join(dirname(depuis), specifieur);
  else return specifieur;
  chemin = chemin.split(sep).join("/");
  for (const essai of [chemin, `${chemin}.ts`, `${chemin}/index.ts`]) if (textes.has(essai)) return essai;
  return chemin;
}

/** Every module a file imports: static, re-exported, dynamic, and type-only imports alike. */
const imports = new Map(
  TOUS.map((f) => [f, [...new Set(ts.preProcessFile(textes.get(f)!, true, true).importedFiles.map((i) => cible(f, i.fileName)))]]),
);

/** Imports of the engine (its tests and their helpers aside) that point outward: to a program built on it, or to Node. */
function importsInterdits(graphe: ReadonlyMap<string, readonly string[]>): string[] {
  return [...graphe]
    .filter(([f]) => f.startsWith("shared/") && !/\.test\.ts$|\/test\//.test(f))
    .flatMap(([f, cibles]) => cibles.filter((c) => /^(addin|worker|cli|scripts|bench|tests)\//.test(c) || c.startsWith("node:")).map((c) => `${f} → ${c}`));
}

/** Strongly connected components of the project's import graph (Tarjan), largest first: each is a cycle. */
function cycles(graphe: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const bas = new Map<string, number>();
  const pile: string[] = [];
  const surPile = new Set<string>();
  const resultat: string[][] = [];
  let compteur = 0;
  const visiter = (f: string): void => {
    index.set(f, compteur);
    bas.set(f, compteur++);
    pile.push(f);
    surPile.add(f);
    for (const g of graphe.get(f)!.filter((g) => graphe.has(g))) {
      if (!index.has(g)) {
        visiter(g);
        bas.set(f, Math.min(bas.get(f)!, bas.get(g)!));
      } else if (surPile.has(g)) bas.set(f, Math.min(bas.get(f)!, index.get(g)!));
    }
    if (bas.get(f) === index.get(f)) {
      const composante: string[] = [];
      let g: string;
      do {
        g = pile.pop()!;
        surPile.delete(g);
        composante.push(g);
      } while (g !== f);
      if (composante.length > 1 || graphe.get(f)!.includes(f)) resultat.push(composante.sort());
    }
  };
  for (const f of graphe.keys()) if (!index.has(f)) visiter(f);
  return resultat.sort((a, b) => b.length - a.length);
}

/** Shipped code: tests, their helpers and the fake workbook of the browser tests excluded. */
const estSource = (f: string) =>
  /^(shared|cli|addin|worker|scripts)\//.test(f) && !/\.(test|spec)\.ts$/.test(f) && !/(^|\/)(test|e2e)\//.test(f);

/**
 * Frozen copies of released template layouts (shared/modeles/v1/, and each shared/modeles/vN/ frozen
 * later; docs/controle.md): a released layout is forever, so these files are never edited again, and a
 * guard (tests/audit/dispositions.test.ts) compares them with the templates of the same version. They are
 * exempt from the length rule only: splitting them would edit frozen code. Every other rule applies.
 */
const estDispositionFigee = (f: string) => /^shared\/modeles\/v\d+\//.test(f);

function fonctionsTropLongues(sources: ReadonlyMap<string, string>): string[] {
  const trop: string[] = [];
  for (const [f, texte] of sources) {
    const source = ts.createSourceFile(f, texte, ts.ScriptTarget.Latest, true);
    const ligne = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
    const visiter = (n: ts.Node): void => {
      if (ts.isFunctionLike(n) && "body" in n && n.body) {
        const debut = ligne(n.getStart(source));
        const lignes = ligne(n.end) - debut + 1;
        // An arrow function or function expression takes the name of what it is assigned to.
        const porteur = !n.name && (ts.isVariableDeclaration(n.parent) || ts.isPropertyAssignment(n.parent)) ? n.parent.name : n.name;
        const nom = porteur?.getText(source) ?? "(fonction anonyme)";
        if (lignes > LONGUEUR_MAX) trop.push(`${f}:${debut} ${nom} (${lignes} lignes)`);
      }
      ts.forEachChild(n, visiter);
    };
    visiter(source);
  }
  return trop;
}

describe("architecture", () => {
  it("lit bien les sources : le moteur, la CLI, le complément et le Worker sont là", () => {
    for (const f of ["shared/money.ts", "cli/src/main.ts", "addin/functions/functions.ts", "worker/src/app.ts"]) expect(textes.has(f), f).toBe(true);
    // A known edge, resolved through the #shared alias: the CLI's output module uses the engine's errors.
    expect(imports.get("cli/src/sortie.ts")).toContain("shared/errors.ts");
  });

  it("shared/ n'importe rien de addin/, worker/, cli/ (ni des scripts, bancs et tests), ni de Node", () => {
    expect(importsInterdits(imports)).toEqual([]);
  });

  it("la règle voit un import du moteur vers un programme ou vers Node, pas ceux de ses tests", () => {
    const graphe = new Map([
      ["shared/a.ts", ["shared/b.ts", "decimal.js", "cli/src/sortie.ts", "node:fs"]],
      ["shared/a.test.ts", ["node:fs", "cli/src/main.ts"]],
      ["cli/src/main.ts", ["shared/a.ts"]],
    ]);
    expect(importsInterdits(graphe)).toEqual(["shared/a.ts → cli/src/sortie.ts", "shared/a.ts → node:fs"]);
  });

  it("la recherche de cycles trouve un cycle indirect et un module qui s'importe lui-même", () => {
    const graphe = new Map([["a", ["b"]], ["b", ["c", "fs"]], ["c", ["a"]], ["d", ["a"]], ["e", ["e"]]]);
    expect(cycles(graphe)).toEqual([["a", "b", "c"], ["e"]]);
  });

  it("aucun cycle d'imports, même indirect", () => {
    expect(cycles(imports)).toEqual([]);
  });

  it(`la mesure compte les lignes d'une fonction, de sa signature à son accolade fermante`, () => {
    const corps = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const texte = `export function courte() {\n${corps(148)}\n}\nconst longue = () => {\n${corps(149)}\n};\n`;
    expect(fonctionsTropLongues(new Map([["x.ts", texte]]))).toEqual(["x.ts:151 longue (151 lignes)"]);
  });

  it("seules les dispositions figées (shared/modeles/vN/) échappent à la règle de longueur", () => {
    const exemptes = ["shared/modeles/v1/cal.ts", "shared/modeles/v12/evaluation.ts"];
    const soumis = ["shared/modeles/cal.ts", "shared/modeles/v1.ts", "shared/modeles/vieux/cal.ts", "shared/audit/profils/v1/cal.ts", "worker/src/modeles/v1/x.ts", "shared/v1/modeles/cal.ts"];
    for (const f of exemptes) expect(estDispositionFigee(f), f).toBe(true);
    for (const f of soumis) expect(estDispositionFigee(f), f).toBe(false);
    // The frozen folder really holds the released layout 1 (the exemption is not an empty promise).
    expect(TOUS.filter(estDispositionFigee)).toContain("shared/modeles/v1/cal.ts");
  });

  it(`aucune fonction du code livré ne dépasse ${LONGUEUR_MAX} lignes (dispositions figées exceptées)`, () => {
    expect(fonctionsTropLongues(new Map([...textes].filter(([f]) => estSource(f) && !estDispositionFigee(f))))).toEqual([]);
  });
});
