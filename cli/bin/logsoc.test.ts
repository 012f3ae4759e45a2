import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { racine } from "../src/test/executer.ts";

const LANCEUR = join(racine, "cli", "bin", "logsoc.js");
const temporaire = mkdtempSync(join(tmpdir(), "logsoc-partout-"));
afterAll(() => rmSync(temporaire, { recursive: true, force: true }));

/** The PATH a user has: without the node_modules/.bin folders npm scripts and vitest put first. */
const cheminMachine = (process.env.PATH ?? "").split(delimiter).filter((d) => d && !/node_modules/.test(d));

/** The machine's own `node` (Node 20 here), else the one running the tests. */
function nodeDeLaMachine(): string {
  for (const dossier of cheminMachine) {
    try {
      accessSync(join(dossier, "node"), constants.X_OK);
      return join(dossier, "node");
    } catch {
      // not in this folder
    }
  }
  return process.execPath;
}

function lancer(node: string, args: string[], prechargement?: string) {
  const options = prechargement ? ["--require", prechargement] : [];
  const r = spawnSync(node, [...options, LANCEUR, ...args], { cwd: temporaire, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function prechargement(nom: string, code: string): string {
  const fichier = join(temporaire, nom);
  writeFileSync(fichier, code);
  return fichier;
}

describe("logsoc lancé hors du dépôt", () => {
  beforeAll(() => {
    // What `npm ci`, `npm install` and `npm link` run (prepare): the JavaScript build for Node without type stripping.
    const r = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: racine, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);

  it("après npm link, depuis un autre dossier et sur le Node de la machine : UC 2 2 = 2,1 (1 + 0,5 + 2 × 0,3), et un modèle écrit", () => {
    const prefixe = join(temporaire, "prefixe");
    // npm link into a private prefix: the same links as a global `npm link`, without touching the machine.
    const lien = spawnSync("npm", ["link", "--no-audit", "--no-fund"], {
      cwd: racine,
      encoding: "utf8",
      env: { ...process.env, npm_config_prefix: prefixe },
    });
    expect(lien.status, lien.stderr).toBe(0);
    const node = nodeDeLaMachine();
    const logsoc = (...args: string[]) =>
      spawnSync("logsoc", args, {
        cwd: temporaire,
        encoding: "utf8",
        env: { ...process.env, PATH: [join(prefixe, "bin"), ...cheminMachine, join(node, "..")].join(delimiter) },
      });
    const r = logsoc("calc", "UC", "2", "2");
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("2.1");
    expect(r.status).toBe(0);
    // A command that loads exceljs (a run-time dependency) and writes into the folder it is given.
    const modele = logsoc("modele", "apurement", "--sortie", join(temporaire, "plan.xlsx"), "--date", "2026-01-15");
    expect(modele.stderr).toBe("");
    expect(modele.status).toBe(0);
    expect(existsSync(join(temporaire, "plan.xlsx"))).toBe(true);
  }, 60_000);

  it("la construction JavaScript répond comme les sources (Node sans suppression des types)", () => {
    const sansTypes = prechargement("sans-types.cjs", `Object.defineProperty(process.features, "typescript", { value: false });\n`);
    expect(lancer(process.execPath, ["calc", "UC", "2", "2"], sansTypes)).toEqual({ code: 0, out: "2.1\n", err: "" });
    // 650 + 120 − 280 = 490 ; 490 / 1800 = 0,27222… → 0,2722 (README example).
    expect(lancer(process.execPath, ["calc", "TAUX_EFFORT", "650", "120", "280", "1800"], sansTypes).out).toBe("0.2722\n");
    const erreur = lancer(process.execPath, ["calc", "TAUX_EFFORT", "650", "120", "280", "0"], sansTypes);
    expect(erreur.code).toBe(2);
    expect(erreur.err).toMatch(/^#DIV\/0! /);
  });

  it("un Node plus ancien que 20 reçoit une seule ligne en français et le code 2", () => {
    const ancien = prechargement("node18.cjs", `Object.defineProperty(process.versions, "node", { value: "18.19.1" });\n`);
    const r = lancer(nodeDeLaMachine(), ["calc", "UC", "2", "2"], ancien);
    expect(r).toEqual({ code: 2, out: "", err: "LogSoc demande Node.js 20 ou plus récent (version installée : 18.19.1).\n" });
  });
});
