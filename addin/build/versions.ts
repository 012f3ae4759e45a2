import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export const FICHIER_VERSIONS = new URL("../versions-manifeste.json", import.meta.url);

/** One released manifest <Version> and the functions.json it ships (sha-256 of the file). */
export interface VersionManifeste {
  version: string;
  functionsJson: string;
}

export function empreinteMetadonnees(json: string): string {
  return createHash("sha256").update(json).digest("hex");
}

export function lireVersions(): VersionManifeste[] {
  return JSON.parse(readFileSync(FICHIER_VERSIONS, "utf8")) as VersionManifeste[];
}

/** Compares dotted versions ("1.0.2.0") numerically. */
export function comparerVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
