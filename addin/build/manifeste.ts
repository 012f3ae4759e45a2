/** The origin every URL of the source manifest uses (the local Worker, `npm start` with HTTPS=1). */
export const ORIGINE_DEV = "https://localhost:8787";

/** Default production origin: the Worker's workers.dev address; LOGSOC_ORIGIN overrides it. */
export const ORIGINE_PRODUCTION_PAR_DEFAUT = "https://logsoc.workers.dev";

/** Accepts `https://host[:port]` only: Office loads add-in pages over HTTPS, and an origin has no path. */
export function verifierOrigine(origine: string): string {
  let url: URL;
  try {
    url = new URL(origine);
  } catch {
    throw new Error(`LOGSOC_ORIGIN « ${origine} » n'est pas une URL.`);
  }
  if (url.protocol !== "https:") throw new Error(`LOGSOC_ORIGIN « ${origine} » doit commencer par https:// (Office n'accepte que HTTPS).`);
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new Error(`LOGSOC_ORIGIN « ${origine} » doit être une origine seule, sans chemin ni paramètres (ex. https://logsoc.exemple.fr).`);
  }
  return url.origin;
}

/**
 * The production manifest: every development URL rewritten to `origine`. Fails when the source
 * has no development URL at all or when an https URL on another origin would remain, so a
 * manifest never ships half rewritten.
 */
export function manifesteProduction(xml: string, origine: string): string {
  const cible = verifierOrigine(origine);
  // The comments talk about development (localhost, npm start): the production file goes without them.
  const sansCommentaires = sansCommentairesXml(xml);
  if (!sansCommentaires.includes(ORIGINE_DEV)) throw new Error(`manifest.xml ne contient aucune URL ${ORIGINE_DEV} à réécrire.`);
  const resultat = sansCommentaires.replaceAll(`${ORIGINE_DEV}/`, `${cible}/`).replaceAll(`"${ORIGINE_DEV}"`, `"${cible}"`);
  const restantes = origines(resultat).filter((o) => o !== cible);
  if (restantes.length > 0) throw new Error(`Le manifeste de production contient encore d'autres origines : ${restantes.join(", ")}.`);
  return resultat;
}

/** Origins of every URL in the manifest except XML namespace and schema URIs. */
export function origines(xml: string): string[] {
  const sansEspacesDeNoms = sansCommentairesXml(xml).replace(/\s(?:xmlns(?::[\w-]+)?|xsi:[\w-]+)="[^"]*"/g, "");
  const vues = new Set<string>();
  for (const m of sansEspacesDeNoms.matchAll(/https?:\/\/[^"'<>\s]+/g)) vues.add(new URL(m[0]).origin);
  return [...vues];
}

/** Drops XML comments and the blank lines they leave. */
export function sansCommentairesXml(xml: string): string {
  return xml.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, "");
}
