import { readFileSync, readdirSync } from "node:fs";
import { lireClasseurXlsx } from "./shared/audit/fichierXlsx.ts";
import { auditerClasseur } from "./shared/audit/audit.ts";
const d = "tests/fixtures/dossiers/v1/";
const fichiers = readdirSync(d).map((n) => new Uint8Array(readFileSync(d + n)));
const l = fichiers.map((o) => lireClasseurXlsx(o));
for (let k = 0; k < 200; k++) for (const x of l) auditerClasseur(x);
