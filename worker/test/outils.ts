import { exports } from "cloudflare:workers";
import { expect } from "vitest";

export const BASE = "http://logsoc.test";

/** A request to the Worker under test (its default export), inside workerd, with the test D1. */
export function appeler(chemin: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE}${chemin}`, init));
}

export function poster(chemin: string, corps: unknown, entetes: Record<string, string> = {}): Promise<Response> {
  return appeler(chemin, {
    method: "POST",
    headers: { "content-type": "application/json", ...entetes },
    body: typeof corps === "string" ? corps : JSON.stringify(corps),
  });
}

export interface ProblemeRecu {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: { pointer?: string; parametre?: string; detail: string }[];
  incident?: string;
}

/** Asserts an RFC 9457 answer with this status and code, and returns its body. */
export async function probleme(r: Response, status: number, code: string): Promise<ProblemeRecu> {
  expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const p = (await r.json()) as ProblemeRecu;
  expect({ status: r.status, corps: p.status, code: p.code }).toEqual({ status, corps: status, code });
  expect(p.type).toBe(`urn:logsoc:probleme:${code}`);
  expect(p.title.length).toBeGreaterThan(0);
  expect(p.detail.length).toBeGreaterThan(0);
  return p;
}
