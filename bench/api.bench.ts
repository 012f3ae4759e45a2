// npm run bench:api — the Worker under `wrangler dev` on loopback, driven by autocannon with 50 connections.
// Starts its own server (scripts/start.ts, separate D1 state, no add-in build) and stops it by process group.
// Figures are reported as ratios against a trivial route of the same Worker measured in the same run
// (in alternating rounds), so they say something on any machine. BENCH_DUREE and BENCH_TOURS shorten or lengthen it.
import autocannon, { type Resultat } from "autocannon";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RACINE } from "../scripts/start.ts";
import { portLibre } from "../scripts/portLibre.ts";

const CONNEXIONS = 50;
const DUREE_S = Number(process.env.BENCH_DUREE ?? "3");
const TOURS = Number(process.env.BENCH_TOURS ?? "3");
const ECHAUFFEMENT_S = 1;
const CIBLE_P99_MS = 20;

interface Scenario {
  nom: string;
  chemin: string;
  methode?: "GET" | "POST";
  entetes?: Record<string, string>;
  corps?: string;
  statut: number;
}

interface Mesure {
  scenario: Scenario;
  reqParS: number;
  p50: number;
  p99: number;
  erreurs: number;
  requetes: number;
}

async function mesurer(base: string, s: Scenario, echauffer: boolean): Promise<Mesure> {
  const options = {
    url: `${base}${s.chemin}`,
    connections: CONNEXIONS,
    method: s.methode ?? "GET",
    headers: { ...(s.corps ? { "content-type": "application/json" } : {}), ...s.entetes },
    ...(s.corps ? { body: s.corps } : {}),
    timeout: 10,
  };
  if (echauffer) await autocannon({ ...options, duration: ECHAUFFEMENT_S });
  const r: Resultat = await autocannon({ ...options, duration: DUREE_S });
  const inattendus = Object.entries(r.statusCodeStats)
    .filter(([code]) => Number(code) !== s.statut)
    .reduce((n, [, v]) => n + v.count, 0);
  return { scenario: s, reqParS: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, erreurs: r.errors + r.timeouts + inattendus, requetes: r.requests.total };
}

async function attendre(url: string, delaiMs: number): Promise<void> {
  const fin = Date.now() + delaiMs;
  while (Date.now() < fin) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await r.body?.cancel();
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`le serveur ne répond pas sur ${url}`);
}

const port = await portLibre();
const etat = mkdtempSync(join(tmpdir(), "logsoc-bench-"));
const serveur = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", join(RACINE, "scripts", "start.ts")], {
  cwd: RACINE,
  env: { ...process.env, PORT: String(port), LOGSOC_ETAT: etat, LOGSOC_SANS_CONSTRUCTION: "1" },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const arreter = async () => {
  if (serveur.exitCode !== null || serveur.signalCode !== null) return;
  const fini = new Promise((ok) => serveur.once("exit", ok));
  process.kill(serveur.pid!, "SIGINT"); // scripts/start.ts forwards it to wrangler's process group
  await fini;
};

/**
 * Templates: CPU time of the first request of a set of barème versions (the workbook is built) and of
 * the repeated ones (served from the isolate's memory), measured in this process on the Worker's own
 * code with process.cpuUsage, then the latency of the same requests through wrangler dev.
 */
async function cpuModeles(): Promise<{ type: string; premiereMs: number; repeteeMs: number }[]> {
  const cheminApp: string = "../worker/src/app.ts";
  const { createApp } = (await import(cheminApp)) as { createApp: () => { request(url: string, init: object, env: object): Promise<Response> } };
  const app = createApp();
  // D1 with no publication: the catalogue is the bundled one.
  const requete = { bind: () => requete, first: async () => ({ numero: 0 }), all: async () => ({ results: [] }) };
  const env = { DB: { prepare: () => requete } };
  const cpu = async (chemin: string): Promise<number> => {
    const a = process.cpuUsage();
    const r = await app.request(`http://bench.test${chemin}`, {}, env);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${chemin} → ${r.status}`);
    const b = process.cpuUsage(a);
    return (b.user + b.system) / 1000;
  };
  const mesures = [];
  for (const type of ["evaluation", "cal", "apurement", "competences"]) {
    const premiereMs = await cpu(`/v1/modeles/${type}.xlsx?date=2025-06-01`);
    const repetees: number[] = [];
    // Other days of the same set of versions (no barème changes between 01/04 and 07/07/2025).
    for (let j = 2; j <= 21; j++) repetees.push(await cpu(`/v1/modeles/${type}.xlsx?date=2025-06-${String(j).padStart(2, "0")}`));
    mesures.push({ type, premiereMs, repeteeMs: [...repetees].sort((x, y) => x - y)[Math.floor(repetees.length / 2)]! });
  }
  return mesures;
}

async function latenceModeles(base: string): Promise<{ premiereMs: number; repeteeMs: number; origines: string[] }> {
  const mesurer = async (chemin: string) => {
    const t = performance.now();
    const r = await fetch(`${base}${chemin}`);
    await r.arrayBuffer();
    return { ms: performance.now() - t, origine: r.headers.get("x-logsoc-cache") ?? "?" };
  };
  const premiere = await mesurer("/v1/modeles/evaluation.xlsx?date=2025-05-01");
  const repetees = [];
  for (let j = 2; j <= 21; j++) repetees.push(await mesurer(`/v1/modeles/evaluation.xlsx?date=2025-05-${String(j).padStart(2, "0")}`));
  const ms = repetees.map((x) => x.ms).sort((a, b) => a - b);
  return { premiereMs: premiere.ms, repeteeMs: ms[Math.floor(ms.length / 2)]!, origines: [premiere.origine, ...new Set(repetees.map((x) => x.origine))] };
}

try {
  const base = `http://127.0.0.1:${port}`;
  const cpu = await cpuModeles();
  await attendre(`${base}/v1/sante`, 120_000);
  const latence = await latenceModeles(base);
  const liste = (await (await fetch(`${base}/v1/baremes`)).json()) as { baremes: { id: string }[] };
  const id = liste.baremes[0]!.id;
  const cheminBareme = `/v1/baremes/${id}?date=2026-01-01`;
  const etag = (await fetch(`${base}${cheminBareme}`)).headers.get("etag")!;

  const sante: Scenario = { nom: "référence : GET /v1/sante", chemin: "/v1/sante", statut: 200 };
  const scenarios: Scenario[] = [
    { nom: `GET barème ${id} (200)`, chemin: cheminBareme, statut: 200 },
    { nom: `GET barème ${id} (304, If-None-Match)`, chemin: cheminBareme, entetes: { "if-none-match": etag }, statut: 304 },
    {
      nom: "POST /v1/calculs/plan-apurement (36 mois)",
      chemin: "/v1/calculs/plan-apurement",
      methode: "POST",
      corps: JSON.stringify({ dette: 2345.67, duree: 36, premiere_echeance: "2026-01-31", loyer_residuel: 180 }),
      statut: 200,
    },
  ];

  // Rounds interleave the scenarios so that a slow spell of the machine weighs on all of them alike;
  // each ratio compares a scenario with the reference measured in the same round.
  const tous = [sante, ...scenarios];
  for (const sc of tous) await mesurer(base, sc, true);
  const tours: Mesure[][] = [];
  for (let t = 0; t < TOURS; t++) {
    const tour: Mesure[] = [];
    for (const sc of tous) tour.push(await mesurer(base, sc, false));
    tours.push(tour);
  }
  const mediane = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const synthese = tous.map((sc, i) => {
    const ms = tours.map((tour) => tour[i]!);
    return {
      nom: sc.nom,
      reqParS: ms.reduce((n, m) => n + m.reqParS, 0) / ms.length,
      p50: mediane(ms.map((m) => m.p50)),
      p99: Math.max(...ms.map((m) => m.p99)),
      erreurs: ms.reduce((n, m) => n + m.erreurs, 0),
      requetes: ms.reduce((n, m) => n + m.requetes, 0),
      ratio: ms.reduce((n, m, t) => n + m.reqParS / tours[t]![0]!.reqParS, 0) / ms.length,
    };
  });

  console.log(
    `\nwrangler dev (workerd) sur 127.0.0.1, autocannon ${CONNEXIONS} connexions ; ${TOURS} tours alternés de ${DUREE_S} s par scénario après ${ECHAUFFEMENT_S} s d'échauffement ; Node ${process.version}\n`,
  );
  console.log(`${"scénario".padEnd(52)} ${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"erreurs".padStart(8)} ${"requêtes".padStart(9)}  ratio`);
  for (const m of synthese) {
    const ratio = m.nom === sante.nom ? "(référence)" : `${(m.ratio * 100).toFixed(0)} % de la référence`;
    console.log(`${m.nom.padEnd(52)} ${m.reqParS.toFixed(0).padStart(7)} ${String(m.p50).padStart(7)} ${String(m.p99).padStart(7)} ${String(m.erreurs).padStart(8)} ${String(m.requetes).padStart(9)}  ${ratio}`);
  }
  console.log("(req/s : moyenne des tours ; p50 : médiane des tours ; p99 : pire tour ; ratio : moyenne des ratios par tour)\n");
  const verdicts = [
    { ok: synthese.every((m) => m.p99 <= CIBLE_P99_MS), texte: `p99 ≤ ${CIBLE_P99_MS} ms sur toutes les routes` },
    { ok: synthese.every((m) => m.erreurs === 0), texte: "zéro erreur" },
    { ok: synthese[1]!.ratio >= 0.5, texte: "GET barème (200) ≥ 50 % des req/s de la route de référence" },
  ];
  console.log("\nModèles .xlsx : temps CPU (code du Worker dans ce processus, process.cpuUsage) de la première requête d'un jeu de versions de barèmes et des suivantes (médiane de 20 autres dates du même jeu)");
  console.log(`${"modèle".padEnd(14)} ${"première ms CPU".padStart(16)} ${"répétée ms CPU".padStart(15)}`);
  for (const m of cpu) console.log(`${m.type.padEnd(14)} ${m.premiereMs.toFixed(1).padStart(16)} ${m.repeteeMs.toFixed(2).padStart(15)}`);
  console.log(`Par wrangler dev (latence, évaluation) : première ${latence.premiereMs.toFixed(0)} ms, répétée ${latence.repeteeMs.toFixed(1)} ms (origines : ${latence.origines.join(", ")})\n`);
  verdicts.push({ ok: cpu.every((m) => m.repeteeMs <= 10), texte: "modèle répété ≤ 10 ms de CPU (servi depuis le cache)" });
  for (const v of verdicts) console.log(`${v.ok ? "OK        " : "HORS CIBLE"} ${v.texte}`);
} finally {
  await arreter();
  rmSync(etat, { recursive: true, force: true });
}
