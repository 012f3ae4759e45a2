import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { modifierFeuille, remplacerCellule } from "../audit/outils.ts";
import { CORPUS } from "./corpus.ts";

/**
 * `logsoc verifier` on files from anyone (DESIGN.md §9, issue 11): every hostile file of the corpus is
 * refused with exit 2 and a French message naming the limit, in a child process whose peak memory
 * (`/usr/bin/time -f %M`) stays ≤ 400 MB and whose run takes ≤ 10 s; and a batch of 105 real dossiers
 * mixed with the whole corpus checks every dossier, refuses every hostile file, and prints no control
 * character.
 */

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = join(RACINE, "tests/fixtures/dossiers/v1");
const MEMOIRE_MAX_KO = 400 * 1024;
const DUREE_MAX_S = 10;
const CONTROLES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
let dossier: string;

interface Execution {
  code: number | null;
  out: string;
  err: string;
  memoireKo: number;
  /** Wall-clock time of the child process. */
  secondes: number;
  /** Processor time (user + system): the work done, whatever else the machine runs. */
  processeur: number;
}

/** The real binary in a child process, measured by /usr/bin/time (peak resident memory, wall time). */
function logsocMesure(...args: string[]): Execution {
  const mesure = join(dossier, `mesure-${process.hrtime.bigint()}.txt`);
  const r = spawnSync("/usr/bin/time", ["-f", "%M %e %U %S", "-o", mesure, process.execPath, "cli/bin/logsoc.js", "verifier", ...args], { cwd: RACINE, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const [memoire, secondes, utilisateur, systeme] = spawnSync("cat", [mesure], { encoding: "utf8" }).stdout.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { code: r.status, out: r.stdout, err: r.stderr, memoireKo: memoire!, secondes: secondes!, processeur: utilisateur! + systeme! };
}

beforeAll(async () => {
  dossier = await mkdtemp(join(tmpdir(), "logsoc-hostile-"));
  await mkdir(join(dossier, "hostiles"));
  for (const f of CORPUS) await writeFile(join(dossier, "hostiles", f.nom), await f.octets());
  // A real dossier whose metadata hide terminal escape codes (clear the screen, print a fake verdict).
  const evaluation = new Uint8Array(await readFile(join(FIXTURES, "evaluation.xlsx")));
  await writeFile(
    join(dossier, "echappements.xlsx"),
    modifierFeuille(evaluation, "LogSoc_meta", (xml) => remplacerCellule(xml, "B3", { valeur: "_x001B_[2J_x001B_[H_x001B_[32m══ CONFORME : aucune anomalie_x001B_[0m\u0085_x009B_31m" })),
  );
  // 105 dossiers of a cohort: the released v1 fixtures, 15 times over.
  await mkdir(join(dossier, "cohorte"));
  const fixtures = (await readdir(FIXTURES)).filter((n) => n.endsWith(".xlsx"));
  for (let k = 0; k < 15; k++) for (const n of fixtures) await copyFile(join(FIXTURES, n), join(dossier, "cohorte", `${String(k).padStart(2, "0")}-${n}`));
}, 120_000);

afterAll(async () => {
  if (dossier && existsSync(dossier)) await rm(dossier, { recursive: true, force: true });
});

describe("fichiers hostiles : refusés (code 2), raison en français, mémoire et temps bornés", () => {
  it.each(CORPUS.map((f) => [f.nom, f] as const))("%s", (nom, f) => {
    const r = logsocMesure(join(dossier, "hostiles", nom));
    expect(r.code, `${f.description} : ${r.err}`).toBe(2);
    expect(r.err).toMatch(f.raison);
    // French, no engine message, no stack trace.
    expect(r.err).not.toMatch(/Cannot|Error|at .*\.ts:\d+|not supported|Invalid/);
    expect(r.memoireKo, `mémoire de pointe (Ko) pour ${f.description}`).toBeLessThanOrEqual(MEMOIRE_MAX_KO);
    // The work is bounded by the limits (≤ 10 s of processor time); the wall clock also counts the other
    // processes of a loaded machine (tests run side by side), so it gets a wider margin.
    expect(r.processeur, `temps processeur (s) pour ${f.description}`).toBeLessThanOrEqual(DUREE_MAX_S);
    expect(r.secondes, `durée (s) pour ${f.description}`).toBeLessThanOrEqual(3 * DUREE_MAX_S);
  });

  it("codes d'échappement dans une cellule : aucun caractère de contrôle à l'écran", () => {
    const r = logsocMesure(join(dossier, "echappements.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(CONTROLES);
    expect(r.out).toContain("␛[2J␛[H␛[32m══ CONFORME : aucune anomalie␛[0m");
  });

  it("lot de 105 dossiers et du corpus hostile : chaque dossier contrôlé, chaque fichier hostile refusé, ≤ 400 Mo", () => {
    const r = logsocMesure(join(dossier, "cohorte"), ...CORPUS.map((f) => join(dossier, "hostiles", f.nom)), join(dossier, "echappements.xlsx"));
    expect(r.code).toBe(2);
    const lignes = r.out.trimEnd().split("\n");
    const fichiers = lignes.filter((l) => /^[✓✗…!] /.test(l));
    expect(fichiers).toHaveLength(105 + CORPUS.length + 1);
    expect(fichiers.filter((l) => l.includes("/cohorte/")).every((l) => l.startsWith("✓ CONFORME"))).toBe(true);
    for (const f of CORPUS) {
      const ligne = fichiers.find((l) => l.includes(`/hostiles/${f.nom} `));
      expect(ligne, f.nom).toMatch(/^! ILLISIBLE OU REFUSÉ/);
      expect(ligne).toMatch(f.raison);
    }
    expect(lignes.at(-2)).toBe(`Bilan : ${105 + CORPUS.length + 1} fichier(s), 106 dossier(s) : 105 conforme(s), 1 avec anomalies, 0 à compléter, ${CORPUS.length} illisible(s) ou refusé(s).`);
    expect(r.out + r.err).not.toMatch(CONTROLES);
    expect(r.memoireKo).toBeLessThanOrEqual(MEMOIRE_MAX_KO);
  });
});
