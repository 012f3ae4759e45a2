// npm run bench — engine cost through the entry point the custom functions use (`evaluer`),
// reported against a plain-number baseline measured in the same run (ratios, not absolute claims).
import { evaluer } from "#shared/fonctions/registre.ts";

interface Mesure {
  nom: string;
  appels: number;
  nsParAppel: number;
}

let puits = 0; // keeps results alive so the JIT cannot drop the work

function mesurer(nom: string, appels: number, f: (i: number) => unknown): Mesure {
  for (let i = 0; i < Math.min(appels, 2000); i++) f(i); // warm-up
  const debut = process.hrtime.bigint();
  for (let i = 0; i < appels; i++) {
    const r = f(i);
    puits += typeof r === "number" ? r : 1;
  }
  const ns = Number(process.hrtime.bigint() - debut);
  return { nom, appels, nsParAppel: ns / appels };
}

const N = 100_000;
const NPLANS = 10_000;
const ressources = (i: number) => 1200 + (i % 900) + 0.37;

const baseline = mesurer("référence : RAV et TE en nombres flottants (sans validation ni décimal)", N, (i) => {
  const r = ressources(i);
  return (r - 800.15) / 1.8 / 30 + (650 + 120 - 280) / r;
});
const rav = mesurer("LOGSOC.RESTE_A_VIVRE (jour_uc)", N, (i) => evaluer("RESTE_A_VIVRE", [ressources(i), [[650], [120], [null], [30.15]], 2, 1, "jour_uc"]));
const te = mesurer("LOGSOC.TAUX_EFFORT", N, (i) => evaluer("TAUX_EFFORT", [650, 120, 280, ressources(i)]));
const plan = mesurer("LOGSOC.PLAN_APUREMENT (36 mois, dates, loyer résiduel)", NPLANS, (i) => evaluer("PLAN_APUREMENT", [1000 + i, null, 36, 45322, 420]));

const us = (m: Mesure) => m.nsParAppel / 1000;
console.log(`Node ${process.version}\n`);
for (const m of [baseline, rav, te, plan]) {
  const ratio = m === baseline ? "" : ` — ${(m.nsParAppel / baseline.nsParAppel).toFixed(0)} × la référence`;
  console.log(`${m.nom.padEnd(72)} ${String(m.appels).padStart(7)} appels  ${us(m).toFixed(3).padStart(9)} µs/appel${ratio}`);
}
const cibles = [
  { m: rav, max: 5 },
  { m: te, max: 5 },
  { m: plan, max: 200 },
];
console.log("");
for (const { m, max } of cibles) console.log(`${us(m) <= max ? "OK " : "HORS CIBLE"} ${m.nom} : ${us(m).toFixed(2)} µs (cible ≤ ${max} µs)`);
if (puits === 42) console.log(""); // never true; uses the sink
