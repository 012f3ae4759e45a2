// npm run bench:audit — dossier audit throughput (dossiers per second), reported against reading the
// same workbooks alone, measured in the same run. The dossiers are what a jury receives: generated
// cases written as .xlsx and, when LibreOffice is installed, recalculated and saved by it (one soffice
// call for the whole batch), so every value is there to compare.
import type { DateISO } from "#shared/date.ts";
import { auditerClasseur } from "#shared/audit/audit.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { construireExercice, TYPES_EXERCICES } from "#shared/exercices/index.ts";
import { lireClasseurXlsx } from "#shared/audit/fichierXlsx.ts";
import ExcelJS from "exceljs";
import { libreOfficeDisponible, recalculer } from "../tests/libreoffice/recalcul.ts";

const PAR_TYPE = 10;
const TOURS = 5;
const CIBLE = 20;
const DATES = ["2025-01-20", "2025-06-01", "2026-05-10"] as DateISO[];

const fichiers = new Map<string, Uint8Array>();
for (const type of TYPES_EXERCICES) {
  for (let i = 0; i < PAR_TYPE; i++) {
    const ex = construireExercice(type, 1000 + i, DATES[i % DATES.length]!);
    fichiers.set(`${type}-${i}.xlsx`, await ecrireXlsx(ex.corrige));
  }
}
const recalcules = await libreOfficeDisponible();
const dossiers = [...(recalcules ? await recalculer(fichiers) : fichiers).values()];

let puits = 0;
function mesurer(nom: string, f: (octets: Uint8Array) => number): { nom: string; parSeconde: number; msParDossier: number } {
  for (const d of dossiers) puits += f(d); // warm-up (JIT, and the template cache a jury's batch fills once)
  const debut = process.hrtime.bigint();
  for (let t = 0; t < TOURS; t++) for (const d of dossiers) puits += f(d);
  const ms = Number(process.hrtime.bigint() - debut) / 1e6 / (TOURS * dossiers.length);
  return { nom, parSeconde: 1000 / ms, msParDossier: ms };
}

/** The same measure for an asynchronous reader (exceljs only loads with a promise). */
async function mesurerAsync(nom: string, f: (octets: Uint8Array) => Promise<number>): Promise<{ nom: string; parSeconde: number; msParDossier: number }> {
  for (const d of dossiers) puits += await f(d);
  const debut = process.hrtime.bigint();
  for (let t = 0; t < TOURS; t++) for (const d of dossiers) puits += await f(d);
  const ms = Number(process.hrtime.bigint() - debut) / 1e6 / (TOURS * dossiers.length);
  return { nom, parSeconde: 1000 / ms, msParDossier: ms };
}

// The peer: exceljs, the reference library for .xlsx in Node, loading the same files (issue 11).
const pair = await mesurerAsync("pair : exceljs Workbook.xlsx.load (même fichiers)", async (o) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(o.buffer.slice(o.byteOffset, o.byteOffset + o.byteLength) as ArrayBuffer);
  return wb.worksheets.length;
});
const lecture = mesurer("référence : lecture seule LogSoc (dézippage et lecture des cellules)", (o) => lireClasseurXlsx(o).feuilles().length);
const complet = mesurer("contrôle complet (lecture + recalcul par le moteur + comparaisons)", (o) => auditerClasseur(lireClasseurXlsx(o)).constats + 1);
const anomalies = dossiers.reduce((n, o) => n + auditerClasseur(lireClasseurXlsx(o)).constats, 0);

console.log(`Node ${process.version}`);
console.log(`${dossiers.length} dossiers (${PAR_TYPE} par type : ${TYPES_EXERCICES.join(", ")}), ${recalcules ? "recalculés par LibreOffice" : "NON recalculés (LibreOffice absent : formules seules, valeurs non comparées)"} ; ${anomalies} anomalie(s).\n`);
for (const m of [pair, lecture, complet]) {
  const ratio = m === lecture ? ` — ${(m.msParDossier / pair.msParDossier).toFixed(2)} × exceljs` : m === complet ? ` — ${(m.msParDossier / lecture.msParDossier).toFixed(2)} × la référence` : "";
  console.log(`${m.nom.padEnd(70)} ${m.parSeconde.toFixed(1).padStart(7)} dossiers/s  ${m.msParDossier.toFixed(2).padStart(7)} ms/dossier${ratio}`);
}
console.log("");
console.log(`${complet.parSeconde >= CIBLE ? "OK " : "HORS CIBLE"} contrôle : ${complet.parSeconde.toFixed(1)} dossiers/s (cible ≥ ${CIBLE} dossiers/s)`);
console.log(`${lecture.msParDossier <= pair.msParDossier ? "OK " : "HORS CIBLE"} lecture LogSoc : ${lecture.msParDossier.toFixed(2)} ms contre ${pair.msParDossier.toFixed(2)} ms pour exceljs (cible : pas plus lente)`);
console.log(`${complet.msParDossier <= 1.5 * lecture.msParDossier ? "OK " : "HORS CIBLE"} contrôle complet : ${(complet.msParDossier / lecture.msParDossier).toFixed(2)} × la lecture seule (cible ≤ 1,5 ×)`);
if (puits === -1) console.log("");
