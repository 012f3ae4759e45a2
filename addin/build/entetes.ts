/**
 * dist/addin/_headers: HTTP headers of the add-in's files, which Workers static assets serve without running
 * the Worker (its CORS middleware never sees them). Excel on the web reads functions.json and functions.js
 * from its own origin (Office's, not ours), so they, and the pane's files, answer any origin: they are the
 * same public files for everyone and carry no credentials. The API under /v1 (run_worker_first) keeps its
 * own CORS policy: reference data for the add-in's origins, the publishing route for none but the Worker's.
 */
export const FICHIERS_OFFICE = ["/functions.json", "/functions.js", "/taskpane.html", "/taskpane.js", "/outils.js", "/taskpane.css", "/aide.html", "/manifest.xml", "/assets/*"] as const;

export function fichierEntetes(): string {
  return `${FICHIERS_OFFICE.map((chemin) => `${chemin}\n  Access-Control-Allow-Origin: *\n  X-Content-Type-Options: nosniff\n`).join("")}`;
}
