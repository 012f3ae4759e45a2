import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../worker/src/app.ts";

const RACINE = resolve(import.meta.dirname, "../..");
const dossier = mkdtempSync(join(tmpdir(), "logsoc-openapi-"));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

interface Probleme {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { pointer: string }[];
}

/** The document exactly as the Worker serves it, from a production-like origin (localhost is itself a lint warning). */
async function documentServi(): Promise<string> {
  const r = await createApp().request("https://logsoc.api.gouv.test/v1/openapi.json", {}, {} as never);
  expect(r.status).toBe(200);
  return r.text();
}

describe("/v1/openapi.json accepté par un vrai client : redocly lint, règles recommandées", () => {
  it("0 erreur, 0 avertissement", async () => {
    const fichier = join(dossier, "openapi.json");
    writeFileSync(fichier, await documentServi());
    const { stdout } = await promisify(execFile)(join(RACINE, "node_modules", ".bin", "redocly"), ["lint", fichier, "--extends=recommended", "--format=json"], {
      cwd: dossier,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", CI: "true" },
      timeout: 120_000,
    }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? "" }));
    const { problems } = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { problems: Probleme[] };
    const lisibles = problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ""} : ${p.message}`);
    expect(lisibles).toEqual([]);
  });

  it("chaque opération déclare sa sécurité : publique (security: []) ou jeton bearer pour publier", async () => {
    const doc = JSON.parse(await documentServi()) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    for (const [chemin, ops] of Object.entries(doc.paths)) {
      for (const [methode, op] of Object.entries(ops)) {
        expect(op.security, `${methode} ${chemin}`).toEqual(methode === "post" && chemin === "/v1/baremes/{id}/versions" ? [{ jetonAdmin: [] }] : []);
      }
    }
  });
});
