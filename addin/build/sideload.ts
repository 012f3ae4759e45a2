/**
 * `npm run sideload` (Excel desktop, Windows or Mac): starts the local Worker over HTTPS (HTTPS=1 npm start,
 * with the office-addin-dev-certs certificate from `npm run certs`) and sideloads manifest.xml into Excel
 * with office-addin-debugging. `npm run sideload -- --arret` stops it and removes the sideloaded add-in.
 *
 * office-addin-debugging is run through npx, pinned, rather than kept in devDependencies: its dependency
 * tree (Microsoft 365 Agents Toolkit CLI, the native keytar module) does not install on a Linux machine
 * without libsecret, which would break `npm ci` in CI and for every contributor who never sideloads.
 */
import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const OFFICE_ADDIN_DEBUGGING = "office-addin-debugging@7.0.0";
const RACINE = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function commandeSideload(arret: boolean, port: string): string[] {
  return arret
    ? ["--yes", OFFICE_ADDIN_DEBUGGING, "stop", "manifest.xml", "desktop"]
    : ["--yes", OFFICE_ADDIN_DEBUGGING, "start", "manifest.xml", "desktop", "--app", "excel", "--no-debug", "--dev-server", "npm start", "--dev-server-port", port];
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.platform !== "win32" && process.platform !== "darwin") {
    process.stderr.write(
      "Le chargement dans Excel de bureau (sideload) ne fonctionne que sous Windows ou macOS.\n" +
        "Ailleurs, lancez HTTPS=1 npm start puis chargez manifest.xml dans Excel sur le web (voir le README, « Complément Excel »).\n",
    );
    process.exit(2);
  }
  const port = process.env.PORT ?? "8787";
  if (port !== "8787") {
    process.stderr.write("manifest.xml désigne https://localhost:8787 : lancez le sideload sans changer PORT.\n");
    process.exit(2);
  }
  const arret = process.argv.includes("--arret");
  // HTTPS=1 is inherited by `npm start`, which office-addin-debugging launches as the dev server.
  const enfant = spawn("npx", commandeSideload(arret, port), { cwd: RACINE, stdio: "inherit", shell: process.platform === "win32", env: { ...process.env, HTTPS: "1" } });
  enfant.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
