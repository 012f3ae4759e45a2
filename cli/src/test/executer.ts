import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { main } from "../main.ts";

export const racine = fileURLToPath(new URL("../../..", import.meta.url));

/** Runs the real binary, as `npx logsoc` does, on the Node that runs the tests (Node 24 from node_modules). */
export function logsoc(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ["cli/bin/logsoc.js", ...args], { cwd: racine, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs a command in-process, capturing what it writes: for the cases a spawn would only slow down. */
export async function enMemoire(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
