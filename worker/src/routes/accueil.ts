import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { etagFort } from "../http.ts";
import { documentOpenApi, TAGS, type Application } from "../openapi.ts";

/**
 * `GET /`: what LogSoc is, where the add-in is, and a readable API reference rendered on the server from
 * the OpenAPI document the API serves (DESIGN §5.3). Plain HTML and one stylesheet from this origin: no
 * script at all, no third-party CDN, so the strict Content-Security-Policy holds.
 */

type Json = Record<string, unknown>;

function echapper(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function resoudre(doc: Json, x: unknown): Json {
  let s = x as Json | undefined;
  for (let i = 0; i < 5 && s && typeof s.$ref === "string"; i++) {
    s = (doc.components as { schemas: Record<string, Json> }).schemas[(s.$ref as string).replace("#/components/schemas/", "")];
  }
  return s ?? {};
}

function typeLisible(doc: Json, s: Json): string {
  const r = resoudre(doc, s);
  if (Array.isArray(r.enum)) return r.enum.map((v) => `« ${v} »`).join(", ");
  if (Array.isArray(r.anyOf)) return [...new Set((r.anyOf as Json[]).map((x) => typeLisible(doc, x)))].join(" ou ");
  const t = Array.isArray(r.type) ? r.type.join(" ou ") : r.type;
  const noms: Record<string, string> = { number: "nombre", integer: "entier", string: "texte", boolean: "booléen", array: "tableau", object: "objet", null: "vide" };
  const base = typeof t === "string" ? t.split(" ou ").map((x) => noms[x] ?? x).join(" ou ") : "valeur";
  const bornes = [r.minimum !== undefined ? `≥ ${r.minimum}` : "", r.maximum !== undefined ? `≤ ${r.maximum}` : "", r.format === "date" ? "AAAA-MM-JJ" : ""].filter(Boolean).join(", ");
  return bornes ? `${base} (${bornes})` : base;
}

function tableChamps(doc: Json, schema: unknown): string {
  const s = resoudre(doc, schema);
  const proprietes = (s.properties ?? {}) as Record<string, Json>;
  const requis = new Set((s.required ?? []) as string[]);
  const lignes = Object.entries(proprietes).map(
    ([nom, p]) => `<tr><td><code>${echapper(nom)}</code>${requis.has(nom) ? ' <span class="requis">obligatoire</span>' : ""}</td><td>${echapper(typeLisible(doc, p))}</td><td>${echapper(p.description ?? resoudre(doc, p).description ?? "")}</td></tr>`,
  );
  return lignes.length === 0 ? "" : `<table><thead><tr><th>Champ</th><th>Type</th><th>Description</th></tr></thead><tbody>${lignes.join("")}</tbody></table>`;
}

function operation(doc: Json, methode: string, chemin: string, op: Json): string {
  const parametres = ((op.parameters ?? []) as Json[]).map(
    (p) => `<tr><td><code>${echapper(p.name)}</code> (${p.in === "path" ? "chemin" : "requête"})</td><td>${echapper(typeLisible(doc, p.schema as Json))}</td><td>${echapper(p.description ?? (p.schema as Json | undefined)?.description ?? "")}</td></tr>`,
  );
  const corps = (op.requestBody as { content?: Record<string, { schema: unknown }> } | undefined)?.content?.["application/json"]?.schema;
  const reponses = Object.entries((op.responses ?? {}) as Record<string, Json>).map(([code, r]) => `<li><strong>${echapper(code)}</strong> : ${echapper(r.description)}</li>`);
  const securite = (op.security as unknown[] | undefined)?.length ? `<p class="jeton">Jeton d'administration requis (en-tête <code>Authorization: Bearer …</code>).</p>` : "";
  return `<article class="operation" id="${echapper(op.operationId)}">
<h4><span class="methode ${methode}">${methode.toUpperCase()}</span> <code>${echapper(chemin)}</code></h4>
<p>${echapper(op.summary)}</p>${op.description ? `<p class="description">${echapper(op.description)}</p>` : ""}${securite}
${parametres.length ? `<h5>Paramètres</h5><table><thead><tr><th>Nom</th><th>Type</th><th>Description</th></tr></thead><tbody>${parametres.join("")}</tbody></table>` : ""}
${corps ? `<h5>Corps (JSON)</h5>${tableChamps(doc, corps)}` : ""}
<h5>Réponses</h5><ul>${reponses.join("")}</ul>
</article>`;
}

export function pageAccueil(doc: Json): string {
  const chemins = doc.paths as Record<string, Record<string, Json>>;
  const parTag = new Map<string, string[]>();
  for (const [chemin, ops] of Object.entries(chemins)) {
    for (const [methode, op] of Object.entries(ops)) {
      const tag = ((op.tags as string[] | undefined) ?? ["Service"])[0]!;
      parTag.set(tag, [...(parTag.get(tag) ?? []), operation(doc, methode, chemin, op)]);
    }
  }
  const sections = TAGS.filter((t) => parTag.has(t.name)).map((t) => `<section><h3>${echapper(t.name)}</h3><p>${echapper(t.description)}</p>${parTag.get(t.name)!.join("\n")}</section>`);
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LogSoc : API et complément Excel</title>
<link rel="stylesheet" href="/accueil.css">
</head>
<body>
<header><h1>LogSoc</h1><p>Budget, reste à vivre, taux d'effort, plan d'apurement et fiche CALEOL pour les conseillers sociaux du logement social.</p></header>
<main>
<section>
<h2>Ce que fait LogSoc</h2>
<p>LogSoc calcule ce qu'un conseiller ou une conseillère en économie sociale et familiale présente en commission : reste à vivre selon plusieurs méthodes, taux d'effort, capacité de remboursement, échéancier d'un plan d'apurement, plafonds de ressources HLM, RSA, quotité saisissable. Chaque valeur réglementaire vient d'un barème daté, avec sa source et son statut. Les mêmes calculs sont disponibles dans Excel (fonctions <code>LOGSOC.*</code> et volet), en ligne de commande (<code>logsoc</code>) et par cette API.</p>
</section>
<section>
<h2>Le complément Excel</h2>
<ul>
<li><a href="/taskpane.html">Volet du complément</a> (à ouvrir depuis Excel)</li>
<li><a href="/manifest.xml">Manifeste du complément</a> : dans Excel, Insertion › Compléments › Mes compléments › Charger mon complément.</li>
<li><a href="/aide.html">Aide des fonctions LOGSOC</a></li>
</ul>
</section>
<section>
<h2>Référence de l'API</h2>
<p>Version ${echapper((doc.info as Json).version)}. JSON, sous <code>/v1</code>. Les erreurs sont au format <code>application/problem+json</code> (RFC 9457), en français, avec les champs fautifs. Description complète au format OpenAPI 3.1 : <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
<nav><ul>${sections.length ? TAGS.filter((t) => parTag.has(t.name)).map((t) => `<li>${echapper(t.name)}</li>`).join("") : ""}</ul></nav>
${sections.join("\n")}
</section>
<section id="licence">
<h2>Licence</h2>
<p>${echapper(((doc.info as Json).license as Json | undefined)?.name ?? "")}. Les barèmes indiquent pour chaque valeur le texte qui la fixe.</p>
</section>
</main>
</body>
</html>
`;
}

export const FEUILLE_ACCUEIL = `:root{color-scheme:light;font-family:system-ui,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b1b1b}
body{margin:0 auto;max-width:60rem;padding:1rem 1.5rem 3rem}
header{border-bottom:3px solid #1f4e79;margin-bottom:1rem}h1{color:#1f4e79;margin:.5rem 0}
h2{color:#1f4e79;margin-top:2rem}h3{border-bottom:1px solid #ccc;padding-bottom:.2rem}
code{background:#f2f4f7;padding:0 .25rem;border-radius:3px;font-size:.95em}
.operation{border:1px solid #d5dbe3;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.operation h4{margin:.3rem 0}.methode{display:inline-block;min-width:3.5rem;text-align:center;border-radius:4px;color:#fff;font-size:.85em;padding:0 .3rem}
.get{background:#2e7d32}.post{background:#1565c0}.description{color:#444}.jeton{color:#8a4b00}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #d5dbe3;padding:.2rem .4rem;text-align:left;vertical-align:top}
th{background:#f2f4f7}.requis{color:#b00020;font-size:.85em}
@media print{.operation{break-inside:avoid}}
`;

export function routesAccueil(app: Application): void {
  const PAGES = new Map<string, string>();
  app.use("/", etagFort());
  app.use("/accueil.css", etagFort());
  app.get("/", (c: Context<AppEnv>) => {
    const origine = new URL(c.req.url).origin;
    let page = PAGES.get(origine);
    if (page === undefined) {
      page = pageAccueil(documentOpenApi(app, origine));
      if (PAGES.size < 8) PAGES.set(origine, page);
    }
    return c.html(page, 200, { "cache-control": "public, max-age=3600" });
  });
  app.get("/accueil.css", (c) => c.body(FEUILLE_ACCUEIL, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=86400" }));
}
