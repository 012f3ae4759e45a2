import { ErreurLogsoc } from "../errors.ts";

/** Runs `f` and returns the domain error it throws; fails the test if it throws nothing or something else. */
export function erreur(f: () => unknown): ErreurLogsoc {
  try {
    f();
  } catch (e) {
    if (e instanceof ErreurLogsoc) return e;
    throw e;
  }
  throw new Error("aucune erreur levée");
}
