import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app.ts";
import { oublierCatalogue } from "../src/catalogue.ts";
import { BASE, poster } from "./outils.ts";

/** Values no household would have, so finding them anywhere means the request was kept. */
const MARQUEUR_MONTANT = 98765.43;
const MARQUEUR_TEXTE = "MARQUEUR-PRIVE-7f3a";

const METHODES_CONSOLE = ["log", "info", "warn", "error", "debug", "trace"] as const;

let journal: string[];

beforeEach(() => {
  journal = [];
  for (const m of METHODES_CONSOLE) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      journal.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every row of every table of the Worker's D1, as text. */
async function contenuD1(): Promise<string> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>();
  const lignes: unknown[] = [];
  for (const { name } of tables.results) {
    lignes.push(name, (await env.DB.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all()).results);
  }
  return JSON.stringify(lignes);
}

const APPELS: [string, unknown][] = [
  ["/v1/calculs/reste-a-vivre", { ressources: MARQUEUR_MONTANT, charges: 1000, methode: "uc" }],
  ["/v1/calculs/reste-a-vivre", { ressources: [[MARQUEUR_TEXTE]], charges: 1000 }], // 400, the text is in the detail only
  ["/v1/calculs/taux-effort", { loyer: 650, charges: 120, aide_logement: 280, ressources: MARQUEUR_MONTANT }],
  ["/v1/calculs/taux-effort", { loyer: MARQUEUR_MONTANT, charges: 0, aide_logement: 0, ressources: 0 }], // 422
  ["/v1/calculs/plan-apurement", { dette: MARQUEUR_MONTANT, duree: 12 }],
  ["/v1/calculs/plan-apurement", { dette: MARQUEUR_MONTANT, mensualite: 1, duree: 2 }], // 422
  ["/v1/calculs/plan-apurement", `{"dette": ${MARQUEUR_MONTANT}, "${MARQUEUR_TEXTE}"`], // malformed JSON
  ["/v1/calculs/capacite-remboursement", { ressources: MARQUEUR_MONTANT, charges: 900, couple: true, enfants: 1, date: "2025-06-01" }],
  [
    "/v1/evaluations",
    {
      date: "2025-06-01",
      foyer: { personnes14Plus: 1 },
      ressources: [{ type: "salaire", libelle: MARQUEUR_TEXTE, montant: MARQUEUR_MONTANT }],
      charges: [{ type: "loyer", libelle: MARQUEUR_TEXTE, montant: 650 }],
      dettes: [{ libelle: MARQUEUR_TEXTE, montant: MARQUEUR_MONTANT, mensualite: 100 }],
    },
  ],
  ["/v1/evaluations", { foyer: { personnes14Plus: MARQUEUR_MONTANT }, ressources: [{ type: MARQUEUR_TEXTE, montant: 1 }], charges: [] }], // 400: not a whole number
];

describe("aucun corps de requête n'est conservé ni journalisé", () => {
  it("après des calculs réussis et en erreur, ni D1 ni la console ne contiennent les valeurs envoyées", async () => {
    const avant = await contenuD1();
    const statuts: number[] = [];
    for (const [chemin, corps] of APPELS) {
      const r = await poster(chemin, corps);
      statuts.push(r.status);
      await r.arrayBuffer();
    }
    expect(statuts).toEqual([200, 400, 200, 422, 200, 422, 400, 200, 200, 400]);
    const apres = await contenuD1();
    expect(apres).toBe(avant);
    expect(apres).not.toContain(String(MARQUEUR_MONTANT));
    const tout = journal.join("\n");
    expect(tout).not.toContain("98765");
    expect(tout).not.toContain(MARQUEUR_TEXTE);
  });

  it("erreur inattendue → 500 au corps neutre, une ligne de journal sans donnée de la requête", async () => {
    const app = createApp();
    // A handler failing with an error whose message quotes the input, as a parser's would.
    app.post("/v1/panne", async (c) => {
      const corps = await c.req.text();
      throw new TypeError(`impossible de traiter ${corps}`);
    });
    const r = await app.fetch(
      new Request(`${BASE}/v1/panne?ressources=${MARQUEUR_MONTANT}`, { method: "POST", body: JSON.stringify({ nom: MARQUEUR_TEXTE }) }),
      env,
    );
    expect(r.status).toBe(500);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const corps = (await r.json()) as Record<string, unknown>;
    expect(corps).toMatchObject({ status: 500, code: "ERREUR_INTERNE", title: "Erreur interne du service", instance: "/v1/panne" });
    expect(JSON.stringify(corps)).not.toContain(MARQUEUR_TEXTE);
    expect(JSON.stringify(corps)).not.toContain("98765");
    expect(journal).toHaveLength(1);
    const ligne = JSON.parse(journal[0]!) as Record<string, unknown>;
    expect(ligne).toMatchObject({ niveau: "erreur", erreur: "TypeError", methode: "POST", route: "/v1/panne", incident: corps.incident });
    expect(journal[0]).not.toContain(MARQUEUR_TEXTE);
    expect(journal[0]).not.toContain("98765");
  });

  it("D1 en panne → 500 neutre sur les barèmes, journal sans la chaîne de requête", async () => {
    const app = createApp();
    const enPanne = {
      prepare() {
        throw new Error(`D1 indisponible (requête ${MARQUEUR_TEXTE})`);
      },
    } as unknown as D1Database;
    oublierCatalogue(); // the isolate's copy of the catalogue would otherwise spare D1 the query
    const r = await app.fetch(new Request(`${BASE}/v1/baremes/smic?date=2025-01-01&note=${MARQUEUR_TEXTE}`), { ...env, DB: enPanne });
    expect(r.status).toBe(500);
    const corps = await r.text();
    expect(corps).not.toContain(MARQUEUR_TEXTE);
    expect(journal).toHaveLength(1);
    expect(JSON.parse(journal[0]!)).toMatchObject({ erreur: "Error", methode: "GET", route: "/v1/baremes/:id" });
    expect(journal[0]).not.toContain(MARQUEUR_TEXTE);
  });
});
