// The task pane in headless Chromium against the local Worker (wrangler dev): loads without console
// errors, shows the barème status, browses a barème at a date, uses versions published on the Worker
// (and hands them to the custom functions of the shared runtime), and works offline. Then, in a recording
// workbook standing in for Excel: inserts the templates, checks the workbook, inserts exercises, says
// what went wrong in French, and is usable from the keyboard.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { aujourdhui, versSerieExcel, type DateISO } from "#shared/date.ts";
import { dateFr, IDS_BAREMES } from "#shared/baremes/index.ts";
import { construireModele, DESCRIPTIONS_MODELES, resoudreFormule, TYPES_MODELES, type Feuille, type SpecModele, type TypeModele } from "#shared/modeles/index.ts";
import { construireExercice } from "#shared/exercices/index.ts";
import { demarrerServeur, lancerChromium, type ServeurLocal } from "./serveur.ts";

/**
 * office.js comes from Microsoft's CDN, unreachable here: each scenario serves a stand-in with what the
 * pane reads from it. Outside Office, the real office.js resolves onReady with a null host; in Excel,
 * the shared runtime also provides CustomFunctions, whose associations the stand-in records.
 */
const CLASSEUR_FACTICE = readFileSync(fileURLToPath(new URL("./classeurFactice.js", import.meta.url)), "utf8");
const FONCTIONS_PERSONNALISEES = `
    window.__fonctions = {};
    window.CustomFunctions = {
      associate: function (id, f) { window.__fonctions[id] = f; },
      Error: function (code, message) { this.code = code; this.message = message; }
    };`;
const OFFICE = {
  "hors-office": `window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); } };`,
  // Excel.run over a recording workbook (classeurFactice.js): what the pane writes, and how many round trips it takes.
  "excel-complet": `${FONCTIONS_PERSONNALISEES}
    window.Office = {
      onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); },
      context: { requirements: { isSetSupported: function () { return true; } } }
    };
    ${CLASSEUR_FACTICE}`,
  "excel-sans-fonctions": `
    window.Office = {
      onReady: function () { return Promise.resolve({ host: "Excel", platform: "PC" }); },
      context: { requirements: { isSetSupported: function (nom) { return nom === "ExcelApi"; } } }
    };`,
  // An Excel with the custom functions but ExcelApi only up to 1.8 (no multi-area ranges).
  "excel-api-1-8": `${FONCTIONS_PERSONNALISEES}
    window.Office = {
      onReady: function () { return Promise.resolve({ host: "Excel", platform: "PC" }); },
      context: { requirements: { isSetSupported: function (nom, version) {
        return nom === "ExcelApi" ? Number(String(version || "1.1").split(".")[1]) <= 8 : true;
      } } }
    };
    ${CLASSEUR_FACTICE}`,
} as const;
type Scenario = keyof typeof OFFICE;

let serveur: ServeurLocal;
let navigateur: { contexte: BrowserContext; fermer(): Promise<void> };

beforeAll(async () => {
  serveur = await demarrerServeur();
  navigateur = await lancerChromium();
}, 300_000);

afterAll(async () => {
  await navigateur?.fermer();
  await serveur?.arreter();
}, 60_000);

interface PageSuivie {
  page: Page;
  erreursConsole: string[];
  erreursPage: string[];
}

/** Opens the pane; only the local Worker is reachable (plus the office.js stand-in), and `/v1` too unless `apiCoupee`. */
async function ouvrir(contexte: BrowserContext, scenario: Scenario, options: { apiCoupee?: boolean; avantChargement?: (page: Page) => Promise<unknown> } = {}): Promise<PageSuivie> {
  const page = await contexte.newPage();
  const suivie: PageSuivie = { page, erreursConsole: [], erreursPage: [] };
  page.on("console", (m) => {
    if (m.type() === "error") suivie.erreursConsole.push(m.text());
  });
  page.on("pageerror", (e) => suivie.erreursPage.push(e.message));
  const local = new URL(serveur.base);
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "appsforoffice.microsoft.com") return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE[scenario] });
    if (url.host !== local.host) return route.abort();
    if (options.apiCoupee && url.pathname.startsWith("/v1/")) return route.abort("connectionrefused");
    return route.continue();
  });
  // Registered last, so it runs first (Playwright tries routes in reverse order of registration).
  await options.avantChargement?.(page);
  await page.goto(`${serveur.base}/taskpane.html`);
  return suivie;
}

async function attendreEtat(page: Page, etat: "en-ligne" | "hors-ligne"): Promise<string> {
  await page.locator(`#etat-baremes[data-etat="${etat}"]`).waitFor();
  return (await page.locator("#etat-baremes").textContent()) ?? "";
}

async function detail(page: Page, contient: string): Promise<string> {
  await page.waitForFunction((t) => document.querySelector("#detail-bareme")?.textContent?.includes(t) === true, contient);
  return (await page.locator("#detail-bareme").textContent()) ?? "";
}

const SMIC_2027 = {
  dateEffet: "2027-01-01",
  valeurs: { horaireBrut: 12.5, mensuelBrut: 1895.83, mensuelNet: null },
  source: { texte: "Décret de revalorisation au 1er janvier 2027", reference: "Code du travail, art. L.3231-1 et suivants" },
  statut: "officiel",
};

describe("task pane against the local Worker", () => {
  it("loads without console errors and shows the barème status, online", async () => {
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "hors-office");
    const etat = await attendreEtat(page, "en-ligne");
    expect(etat).toMatch(/Barèmes du \d{2}\/\d{2}\/\d{4}/);
    expect(etat).toContain("en ligne");
    expect(etat).toContain("aucune version publiée depuis cette version du complément");
    expect(await page.locator("h1").textContent()).toBe("LogSoc");
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    // Opened outside Excel: a French notice, barèmes readable, insertion explained rather than offered.
    expect(await page.locator("#avis-hote").textContent()).toContain("Ouvert en dehors d'Excel");
    expect(await page.locator("#inserer").isDisabled()).toBe(true);
    expect(await page.locator("#inserer-indisponible").textContent()).toContain("Disponible quand LogSoc est ouvert dans Excel");
    // What the add-in offers: every LOGSOC function, templates, the dossier check and exercises (these need Excel).
    expect(await page.locator("dl.fonctions dt").count()).toBe(9);
    expect(await page.locator("h2").allTextContents()).toEqual(["Fonctions de calcul", "Expliquer un résultat", "Barèmes", "Modèles de classeur", "Contrôle de dossier", "Exercices de formation"]);
    for (const id of ["expliquer", "inserer-modele", "controler", "inserer-exercice"]) {
      expect(await page.locator(`#${id}`).isDisabled()).toBe(true);
      expect(await page.locator(`#${id}-indisponible`).textContent()).toBe("Disponible quand LogSoc est ouvert dans Excel.");
    }
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("browses a barème at a date with its values, source and status, from labelled, keyboard-reachable fields", async () => {
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "hors-office");
    await attendreEtat(page, "en-ligne");
    await page.getByLabel("Barème", { exact: true }).selectOption("smic");
    await page.getByLabel("Date", { exact: true }).fill("2024-12-01");
    const texte = await detail(page, "version du 01/11/2024");
    expect(texte).toContain("SMIC");
    expect(texte).toContain("En vigueur le 01/12/2024");
    expect(texte).toContain("11,88");
    expect(texte).toContain("1\u202f801,8");
    expect(texte).toContain("Décret n° 2024-951 du 23 octobre 2024");
    // The net amount is not verified: its status says so, and so does the version's weakest status.
    const ligneNet = page.locator("#detail-bareme tr", { hasText: "mensuelNet" });
    expect(await ligneNet.locator(".statut").textContent()).toBe("non vérifié");

    await page.getByLabel("Date", { exact: true }).fill("2023-06-01");
    expect(await detail(page, "aucune version en vigueur")).toContain("le 01/06/2023");

    await page.getByLabel("Barème", { exact: true }).focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("date-bareme");
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("uses a version published on the Worker, and hands it to the custom functions of the shared runtime", async () => {
    const publication = await fetch(`${serveur.base}/v1/baremes/smic/versions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${serveur.jeton}` },
      body: JSON.stringify({ publiePar: "Test du volet", version: SMIC_2027 }),
    });
    expect(publication.status).toBe(201);

    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet");
    const etat = await attendreEtat(page, "en-ligne");
    expect(etat).toContain("1 version(s) publiée(s)");
    expect(await page.locator("#avis-hote").count()).toBe(0);
    expect(await page.locator("#inserer").isEnabled()).toBe(true);

    await page.getByLabel("Barème", { exact: true }).selectOption("smic");
    await page.getByLabel("Date", { exact: true }).fill("2027-02-01");
    const texte = await detail(page, "version du 01/01/2027");
    expect(texte).toContain("12,5");
    expect(texte).toContain("publiée après cette version du complément");

    // The page is the shared runtime: the functions it registered read what the pane cached.
    const resultats = await page.evaluate(() => {
      const f = (window as unknown as { __fonctions: Record<string, (...a: unknown[]) => unknown> }).__fonctions;
      return {
        ids: Object.keys(f),
        smic2027: f.BAREME!("smic", "2027-02-01", null),
        smic2026: f.BAREME!("smic", "2026-12-31", null),
        tauxEffort: f.TAUX_EFFORT!([[650]], [[120]], [[280]], [[1800]]),
      };
    });
    expect(resultats).toEqual({
      ids: ["RESTE_A_VIVRE", "TAUX_EFFORT", "PLAN_APUREMENT", "UNITES_CONSOMMATION", "RSA_FORFAITAIRE", "QUOTITE_SAISISSABLE", "CAPACITE_REMBOURSEMENT", "PLAFOND_RESSOURCES", "BAREME"],
      smic2027: 12.5,
      smic2026: 12.31,
      // (650 + 120 − 280) / 1 800 = 0,2722, shown as a percentage by an Excel that takes formatted numbers (this stand-in does).
      tauxEffort: { type: "Double", basicValue: 0.2722, numberFormat: "0.00%" },
    });

    // Inserting it: a new sheet, the description block and the values table, in two round trips.
    await page.getByRole("button", { name: "Insérer dans une nouvelle feuille" }).click();
    await page.waitForFunction(() => document.querySelector("#message-insertion")?.textContent?.startsWith("Barème inséré") === true);
    expect(await page.locator("#message-insertion").textContent()).toBe("Barème inséré dans la feuille « smic 2027-02-01 » (tableau Bareme_smic_20270201).");
    const classeur = await page.evaluate(() => {
      const c = (window as unknown as { __classeur: { syncs: number; active: string; tableaux: unknown[]; valeurs: Record<string, unknown[][]> } }).__classeur;
      return { syncs: c.syncs, active: c.active, tableaux: c.tableaux, valeurs: c.valeurs };
    });
    expect(classeur.syncs).toBe(2);
    expect(classeur.active).toBe("smic 2027-02-01");
    expect(classeur.tableaux).toEqual([{ adresse: "A12:E15", name: "Bareme_smic_20270201", style: "TableStyleLight9" }]);
    expect(classeur.valeurs["smic 2027-02-01!A12:E15"]).toEqual([
      ["Libellé", "Clé", "Valeur", "Statut", "Note"],
      ["Taux horaire brut", "horaireBrut", 12.5, "officiel", ""],
      ["Montant mensuel brut (35 h par semaine)", "mensuelBrut", 1895.83, "officiel", ""],
      ["Montant mensuel net (35 h par semaine)", "mensuelNet", "", "officiel", "Valeur non disponible : aucune source ne la donne."],
    ]);
    expect(classeur.valeurs["smic 2027-02-01!A1:B10"]![9]).toEqual(["Données", "en ligne"]);
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("keeps the versions it received when the Worker is down later, and says it is offline", async () => {
    const { page, erreursPage } = await ouvrir(navigateur.contexte, "hors-office", { apiCoupee: true });
    const etat = await attendreEtat(page, "hors-ligne");
    expect(etat).toContain("hors ligne");
    expect(etat).toMatch(/Service LogSoc injoignable \(le service LogSoc ne répond pas\) : barèmes intégrés et versions reçues le \d{2}\/\d{2}\/\d{4}/);
    await page.getByLabel("Barème", { exact: true }).selectOption("smic");
    await page.getByLabel("Date", { exact: true }).fill("2027-02-01");
    expect(await detail(page, "version du 01/01/2027")).toContain("12,5");
    expect(erreursPage).toEqual([]);
    await page.close();
  });

  it("shows « hors ligne » with the bundled barèmes when the Worker is down and nothing was ever received", async () => {
    const neuf = await lancerChromium();
    try {
      const { page, erreursPage } = await ouvrir(neuf.contexte, "hors-office", { apiCoupee: true });
      const etat = await attendreEtat(page, "hors-ligne");
      expect(etat).toContain("hors ligne");
      expect(etat).toContain("barèmes intégrés au complément");
      await page.getByLabel("Barème", { exact: true }).selectOption("smic");
      await page.getByLabel("Date", { exact: true }).fill("2024-12-01");
      expect(await detail(page, "version du 01/11/2024")).toContain("11,88");
      await page.getByLabel("Date", { exact: true }).fill("2027-02-01");
      expect(await detail(page, "version du 01/06/2026")).toContain("12,31");
      expect(erreursPage).toEqual([]);
    } finally {
      await neuf.fermer();
    }
  });

  it("tells an Excel without custom functions, in French, what is unavailable and what still works", async () => {
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-sans-fonctions");
    await attendreEtat(page, "en-ligne");
    const avis = (await page.locator("#avis-hote").textContent()) ?? "";
    expect(avis).toContain("Fonctions LOGSOC indisponibles dans cette version d'Excel");
    expect(avis).toContain("modèles de classeur LogSoc n'utilisent que des formules Excel ordinaires");
    expect(await page.locator("#inserer").isEnabled()).toBe(true);
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("says in French that the webview is too old when the bundle cannot run, instead of a blank pane", async () => {
    // A webview that cannot parse the bundle: stand in for it with a bundle that is a syntax error.
    const { page, erreursPage } = await ouvrir(navigateur.contexte, "hors-office", {
      avantChargement: (p) => p.route(/\/taskpane\.js\?v=/, (r) => r.fulfill({ status: 200, contentType: "text/javascript", body: "const = ;" })),
    });
    await page.locator("#navigateur-ancien").waitFor({ state: "visible" });
    expect(await page.locator("#navigateur-ancien").textContent()).toContain("navigateur intégré trop ancien pour LogSoc");
    expect(await page.locator("#chargement").isHidden()).toBe(true);
    expect(erreursPage.length).toBe(1);
    await page.close();
  });

  it("says so too when the webview lacks a feature the pane needs", async () => {
    const { page } = await ouvrir(navigateur.contexte, "hors-office", {
      // Object.hasOwn and .at() are supplied by the bundle (Safari 14): take away a feature it does not supply.
      avantChargement: (p) => p.addInitScript(() => delete (Element.prototype as { replaceChildren?: unknown }).replaceChildren),
    });
    await page.locator("#navigateur-ancien").waitFor({ state: "visible" });
    expect(await page.locator("#etat-baremes").count()).toBe(0);
    await page.close();
  });

  it("serves the help page the manifest links to, with every function", async () => {
    const r = await fetch(`${serveur.base}/aide.html`);
    expect(r.status).toBe(200);
    const html = await r.text();
    for (const nom of ["RESTE_A_VIVRE", "TAUX_EFFORT", "PLAN_APUREMENT", "UNITES_CONSOMMATION", "RSA_FORFAITAIRE", "QUOTITE_SAISISSABLE", "CAPACITE_REMBOURSEMENT", "PLAFOND_RESSOURCES", "BAREME"]) {
      expect(html).toContain(`=LOGSOC.${nom}(`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Templates, the dossier check and exercises, written into the recording workbook of classeurFactice.js.

const DATE = "2025-06-01" as DateISO;

interface CelluleEcrite {
  contenu: unknown;
  nombre: string;
  format: Record<string, unknown>;
}
interface FeuilleResumee {
  nom: string;
  visibilite: string;
  protegee: boolean;
  cellules: number;
}
interface Resultat {
  classe: string;
  lignes: string[];
  liste: string[];
}

/** Calls a method of the stand-in workbook (or reads a field) in the page; plain data comes back. */
function classeur<R>(page: Page, membre: string, ...args: unknown[]): Promise<R> {
  return page.evaluate(
    ([m, a]) => {
      const c = (window as unknown as { __classeur: Record<string, unknown> }).__classeur;
      const v = c[m as string];
      return typeof v === "function" ? (v as (...x: unknown[]) => unknown).apply(c, a as unknown[]) : v;
    },
    [membre, args] as const,
  ) as Promise<R>;
}

function refuser(page: Page, message: string | null): Promise<void> {
  return page.evaluate((m) => void ((window as unknown as { __classeur: { refus: string | null } }).__classeur.refus = m), message);
}

/** Waits until the action is over (its live region shows a notice and no button is busy), then reads it. */
async function resultatDe(page: Page, id: string): Promise<Resultat> {
  await page.waitForFunction((i) => document.getElementById(i)?.classList.contains("avis") === true && document.querySelector("button[aria-busy]") === null, id);
  return page.evaluate((i) => {
    const e = document.getElementById(i)!;
    return { classe: e.className, lignes: [...e.querySelectorAll("p:not(.avis-titre)")].map((p) => p.textContent ?? ""), liste: [...e.querySelectorAll("li")].map((li) => li.textContent ?? "") };
  }, id);
}

/** What the template renderer must have written in each sheet: every non-empty cell, formulas with the sheets' real names. */
function contenusAttendus(spec: SpecModele, f: Feuille): Record<string, unknown> {
  const noms = Object.fromEntries(spec.feuilles.map((x) => [x.cle, x.nom]));
  const r: Record<string, unknown> = {};
  for (const c of f.cellules) {
    const v = c.valeur;
    const contenu = c.formule !== undefined ? `=${resoudreFormule(c.formule, noms)}` : v === undefined ? "" : typeof v === "object" ? ("date" in v ? versSerieExcel(v.date) : noms[v.nomFeuille]) : v;
    if (contenu !== "") r[c.ref] = contenu;
  }
  return r;
}

async function verifierEcrit(page: Page, spec: SpecModele): Promise<void> {
  const feuilles = await classeur<FeuilleResumee[]>(page, "resume");
  expect(feuilles.map((f) => [f.nom, f.visibilite, f.protegee])).toEqual([["Feuil1", "Visible", false], ...spec.feuilles.map((f) => [f.nom, f.visibilite === "masquee" ? "Hidden" : "Visible", f.protegee])]);
  for (const f of spec.feuilles) {
    const lus = await classeur<Record<string, unknown>>(page, "contenus", f.nom);
    const attendus = contenusAttendus(spec, f);
    const genereLe = f.cellules.find((c) => c.id === "meta.genereLe");
    if (genereLe) {
      // The pane's catalogue holds the versions the Worker published during these tests: its knowledge
      // instant is theirs, never earlier than the bundled data's (the spec here is built without them).
      expect(String(lus[genereLe.ref]) >= String(attendus[genereLe.ref]), `${f.nom}!${genereLe.ref}`).toBe(true);
      expect(String(lus[genereLe.ref])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      delete lus[genereLe.ref];
      delete attendus[genereLe.ref];
    }
    expect(lus, f.nom).toEqual(attendus);
  }
  const noms = Object.fromEntries(spec.feuilles.map((x) => [x.cle, x.nom]));
  const absolue = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  expect(await classeur(page, "nomsDefinis")).toEqual(spec.noms.map((n) => ({ nom: n.nom, ref: `'${noms[n.feuille]!.replace(/'/g, "''")}'!${absolue(n.ref)}` })));
  expect(await classeur(page, "active")).toBe(spec.feuilles[0]!.nom);
}

describe("task pane: templates, dossier check and exercises in the open workbook", () => {
  it("inserts each template into new sheets, for the date chosen and, for the CALEOL sheet, the zone and number of candidates", async () => {
    const attendus: Record<TypeModele, string> = {
      evaluation: "Modèle « Évaluation économique de la famille » inséré (barèmes en vigueur le 01/06/2025) : feuilles créées « Évaluation », « Barèmes » et « LogSoc_meta » (masquée).",
      cal: "Modèle « Fiche synthétique CALEOL » inséré (barèmes en vigueur le 01/06/2025, 2 candidat(s), zone « Île-de-France hors Paris et communes limitrophes ») : feuilles créées « Fiche CALEOL », « Barèmes » et « LogSoc_meta » (masquée).",
      apurement: "Modèle « Plan d'apurement » inséré (barèmes en vigueur le 01/06/2025) : feuilles créées « Plan d'apurement », « Barèmes » et « LogSoc_meta » (masquée).",
      competences: "Modèle « Grille de compétences » inséré (barèmes en vigueur le 01/06/2025) : feuilles créées « Grille de compétences », « Synthèse », « Barèmes » et « LogSoc_meta » (masquée).",
    };
    for (const type of TYPES_MODELES) {
      const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet");
      await attendreEtat(page, "en-ligne");
      await page.getByLabel("Modèle", { exact: true }).selectOption(type);
      expect(await page.locator("#description-modele").textContent()).toBe(DESCRIPTIONS_MODELES[type].description);
      expect(await page.locator("#options-cal").isVisible()).toBe(type === "cal");
      await page.getByLabel("Date des barèmes").fill(DATE);
      if (type === "cal") {
        await page.getByLabel("Zone du logement").selectOption("IDF");
        await page.getByLabel("Nombre de candidats").selectOption("2");
      }
      await page.getByRole("button", { name: "Insérer le modèle" }).click();
      const r = await resultatDe(page, "resultat-modele");
      expect(r.lignes, type).toEqual([attendus[type]]);
      expect(r.classe).toContain("avis-succes");
      // Two round trips whatever the template; every cell, name, protection and visibility as the spec says.
      expect(await classeur(page, "syncs")).toBe(2);
      await verifierEcrit(page, construireModele(type, { date: DATE, ...(type === "cal" ? { zone: "IDF" as const, candidats: 2 } : {}) }));

      if (type === "evaluation") {
        // A second évaluation: new sheets « (2) », the names it needs made local to its sheet, the first one untouched.
        const avant = await classeur(page, "contenus", "Évaluation");
        await page.getByRole("button", { name: "Insérer le modèle" }).click();
        const r2 = await resultatDe(page, "resultat-modele");
        const noms = construireModele("evaluation", { date: DATE }).noms.map((n) => n.nom);
        expect(r2.lignes).toEqual([
          "Modèle « Évaluation économique de la famille » inséré (barèmes en vigueur le 01/06/2025) : feuilles créées « Évaluation (2) », « Barèmes (2) » et « LogSoc_meta (2) » (masquée).",
          `Le classeur contenait déjà ces noms définis (${noms.join(", ")}) : ils sont propres à la feuille « Évaluation (2) ».`,
        ]);
        expect(await classeur(page, "syncs")).toBe(4);
        expect(await classeur(page, "contenus", "Évaluation")).toEqual(avant);
      }
      expect(erreursPage).toEqual([]);
      expect(erreursConsole).toEqual([]);
      await page.close();
    }
  });

  it("inserts an exercise for the trainee, then « Contrôler ce classeur » accepts right answers and flags a wrong one, changing no input", async () => {
    const ex = construireExercice("cal", 31, DATE);
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet");
    await attendreEtat(page, "en-ligne");
    await page.getByLabel("Type d'exercice").selectOption("cal");
    await page.getByLabel("Numéro de cas (graine)").fill("31");
    await page.getByLabel("Date du cas").fill(DATE);
    expect(await page.getByLabel("Énoncé, pour le stagiaire").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Insérer l'exercice" }).click();
    const r = await resultatDe(page, "resultat-exercice");
    expect(r.lignes).toEqual(["Exercice « Fiche synthétique CALEOL », cas n° 31 du 01/06/2025, énoncé inséré : feuilles créées « Consignes », « Fiche CALEOL », « Barèmes » et « LogSoc_meta » (masquée)."]);
    // A CALEOL case practises the synthesis sheet (activity 13) and the solvency check (activity 12).
    expect(r.liste.map((l) => l.split(" : ")[0])).toEqual(["A13-C01 (activité 13)", "A12-C01 (activité 12)"]);
    await verifierEcrit(page, ex.enonce);
    for (const rep of ex.reponses) expect(await classeur(page, "contenus", rep.feuille)).not.toHaveProperty(rep.cellule);

    // The trainee answers every question right.
    for (const rep of ex.reponses) await classeur(page, "saisir", rep.feuille, rep.cellule, rep.valeur);
    const saisies = await classeur(page, "contenus", "Fiche CALEOL");
    await page.getByRole("button", { name: "Contrôler ce classeur" }).click();
    const ok = await resultatDe(page, "resultat-controle");
    expect(ok.lignes).toEqual(["Aucune anomalie dans le dossier : chaque résultat est conforme au calcul (détail dans la feuille « Contrôle LogSoc »).", "Dossiers contrôlés : 1 · anomalies : 0"]);
    expect(ok.classe).toContain("avis-succes");
    expect(await classeur(page, "active")).toBe("Contrôle LogSoc");
    expect(((await classeur<CelluleEcrite>(page, "cellule", "Contrôle LogSoc", "A1")).contenu)).toBe("Contrôle LogSoc");
    expect(await classeur(page, "contenus", "Fiche CALEOL")).toEqual(saisies);

    // One answer off by 10 €: one finding, the cell outlined in red on its sheet, protected again, the answer left as typed.
    const fausse = ex.reponses.find((x) => typeof x.valeur === "number")!;
    await classeur(page, "saisir", fausse.feuille, fausse.cellule, (fausse.valeur as number) + 10);
    const saisiesFausses = await classeur(page, "contenus", "Fiche CALEOL");
    await page.getByRole("button", { name: "Contrôler ce classeur" }).click();
    const ko = await resultatDe(page, "resultat-controle");
    expect(ko.lignes).toEqual(["1 anomalie(s) dans le dossier : détail dans la feuille « Contrôle LogSoc », cellules en cause encadrées en rouge.", "Dossiers contrôlés : 1 · anomalies : 1"]);
    expect(ko.classe).toContain("avis-attention");
    const cellule = await classeur<CelluleEcrite>(page, "cellule", fausse.feuille, fausse.cellule);
    expect(cellule.format).toMatchObject({ "border.EdgeTop.color": "#C00000", "border.EdgeTop.weight": "Thick", "border.EdgeBottom.color": "#C00000" });
    expect(await classeur(page, "contenus", "Fiche CALEOL")).toEqual(saisiesFausses);
    const feuilles = await classeur<FeuilleResumee[]>(page, "resume");
    expect(feuilles.find((f) => f.nom === "Fiche CALEOL")!.protegee).toBe(true);
    expect(feuilles.filter((f) => f.nom.startsWith("Contrôle LogSoc")).map((f) => f.nom)).toEqual(["Contrôle LogSoc"]);
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("inserts the corrigé of an exercise: the template with the case's data and all its formulas", async () => {
    const ex = construireExercice("apurement", 7, DATE);
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet");
    await attendreEtat(page, "en-ligne");
    await page.getByLabel("Type d'exercice").selectOption("apurement");
    await page.getByLabel("Numéro de cas (graine)").fill("7");
    await page.getByLabel("Date du cas").fill(DATE);
    await page.getByLabel("Corrigé, pour le formateur").check();
    await page.getByRole("button", { name: "Insérer l'exercice" }).click();
    const r = await resultatDe(page, "resultat-exercice");
    expect(r.lignes).toEqual(["Exercice « Plan d'apurement », cas n° 7 du 01/06/2025, corrigé inséré : feuilles créées « Consignes », « Corrigé commenté », « Plan d'apurement », « Barèmes » et « LogSoc_meta » (masquée)."]);
    expect(r.liste.length).toBeGreaterThan(0);
    expect(r.liste.every((l) => /^A\d{2}-C\d{2} \(activité \d+\) : ./.test(l))).toBe(true);
    await verifierEcrit(page, ex.corrige);
    expect(await classeur(page, "syncs")).toBe(2);
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("says in French what went wrong, and leaves the workbook as it was", async () => {
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet");
    await attendreEtat(page, "en-ligne");
    const feuilleSeule = [{ nom: "Feuil1", visibilite: "Visible", protegee: false, cellules: 0 }];

    // Bad entries never reach Excel.
    await page.getByLabel("Numéro de cas (graine)").fill("douze");
    await page.getByRole("button", { name: "Insérer l'exercice" }).click();
    const graine = await resultatDe(page, "resultat-exercice");
    expect(graine.lignes).toEqual(["Le numéro de cas (graine) doit être un nombre entier de 0 à 9\u202f007\u202f199\u202f254\u202f740\u202f991 (saisi : « douze »)."]);
    expect(graine.classe).toContain("avis-erreur");

    // No barème in force that day: the engine's French error, before anything is written.
    await page.getByLabel("Date des barèmes").fill("1990-01-01");
    await page.getByRole("button", { name: "Insérer le modèle" }).click();
    expect((await resultatDe(page, "resultat-modele")).lignes).toEqual([
      "Le modèle ne peut pas être préparé : Le barème « RSA : montant forfaitaire » (rsa_montant_forfaitaire) n'a aucune version en vigueur le 01/01/1990 : sa première version enregistrée s'applique à partir du 01/04/2022.",
    ]);
    await page.getByLabel("Numéro de cas (graine)").fill("3");
    await page.getByLabel("Type d'exercice").selectOption("cal");
    await page.getByLabel("Date du cas").fill("1990-01-01");
    await page.getByRole("button", { name: "Insérer l'exercice" }).click();
    expect((await resultatDe(page, "resultat-exercice")).lignes).toEqual([
      "L'exercice ne peut pas être préparé : Le barème « Plafonds de ressources du logement social (PLAI, PLUS, PLS) » (plafonds_ressources_hlm) n'a aucune version en vigueur le 01/01/1990 : sa première version enregistrée s'applique à partir du 01/01/2024.",
    ]);
    expect(await classeur(page, "syncs")).toBe(0);
    expect(await classeur(page, "resume")).toEqual(feuilleSeule);

    // Excel refuses the batch: its message, in a French sentence; nothing of the batch is applied.
    await refuser(page, "La structure du classeur est protégée.");
    await page.getByLabel("Date des barèmes").fill(DATE);
    await page.getByRole("button", { name: "Insérer le modèle" }).click();
    const refus = await resultatDe(page, "resultat-modele");
    expect(refus.lignes).toEqual(["L'insertion du modèle a échoué : Excel a refusé l'insertion du modèle « Évaluation économique de la famille » : La structure du classeur est protégée."]);
    expect(refus.classe).toContain("avis-erreur");
    await page.getByRole("button", { name: "Contrôler ce classeur" }).click();
    expect((await resultatDe(page, "resultat-controle")).lignes).toEqual(["Le contrôle a échoué : La structure du classeur est protégée."]);
    expect(await classeur(page, "resume")).toEqual(feuilleSeule);

    // Once Excel accepts again, the same buttons work.
    await refuser(page, null);
    await page.getByRole("button", { name: "Insérer le modèle" }).click();
    expect((await resultatDe(page, "resultat-modele")).classe).toContain("avis-succes");
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("reaches every new control with the keyboard, in reading order, and runs them from it", async () => {
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet");
    await attendreEtat(page, "en-ligne");
    const parcours = async (depuis: string, jusqua: string): Promise<string[]> => {
      await page.locator(`#${depuis}`).focus();
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) {
        const id = await page.evaluate(() => document.activeElement?.id ?? "");
        if (ids.at(-1) !== id) ids.push(id);
        if (id === jusqua) break;
        await page.keyboard.press("Tab");
      }
      return ids;
    };
    expect(await parcours("type-modele", "inserer-exercice")).toEqual([
      "type-modele",
      "date-modele",
      "inserer-modele",
      "controler",
      "type-exercice",
      "graine-exercice",
      "date-exercice",
      "role-enonce",
      "inserer-exercice",
    ]);
    await page.getByLabel("Modèle", { exact: true }).selectOption("cal");
    expect(await parcours("type-modele", "inserer-modele")).toEqual(["type-modele", "date-modele", "zone-modele", "candidats-modele", "inserer-modele"]);

    // Every result region is announced politely.
    for (const id of ["resultat-modele", "resultat-controle", "resultat-exercice"]) {
      expect(await page.locator(`#${id}`).getAttribute("role")).toBe("status");
      expect(await page.locator(`#${id}`).getAttribute("aria-live")).toBe("polite");
    }

    // Enter on « Contrôler ce classeur »: a workbook with no LogSoc dossier gets a report saying so.
    await page.locator("#controler").focus();
    await page.keyboard.press("Enter");
    const r = await resultatDe(page, "resultat-controle");
    expect(r.lignes).toEqual(["Ce classeur n'a pas été créé à partir d'un modèle LogSoc : il ne peut pas être contrôlé (voir la feuille « Contrôle LogSoc »).", "Dossiers contrôlés : 0 · anomalies : 1"]);
    expect(r.classe).toContain("avis-attention");
    expect((await classeur<FeuilleResumee[]>(page, "resume")).map((f) => f.nom)).toEqual(["Feuil1", "Contrôle LogSoc"]);

    // Arrow keys move between the roles; Space on the button inserts the corrigé.
    await page.locator("#date-exercice").fill(DATE);
    await page.locator("#role-enonce").focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("#role-corrige").isChecked()).toBe(true);
    await page.locator("#inserer-exercice").focus();
    await page.keyboard.press("Space");
    expect((await resultatDe(page, "resultat-exercice")).lignes[0]).toBe(
      "Exercice « Évaluation économique de la famille », cas n° 1 du 01/06/2025, corrigé inséré : feuilles créées « Consignes », « Corrigé commenté », « Évaluation », « Barèmes » et « LogSoc_meta » (masquée).",
    );
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("in an Excel without ExcelApi 1.9, says that templates, the check and exercises need a newer version", async () => {
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-api-1-8");
    await attendreEtat(page, "en-ligne");
    expect(await page.locator("#avis-hote .avis-titre").textContent()).toBe("Modèles, contrôle et exercices indisponibles dans cette version d'Excel");
    for (const id of ["inserer-modele", "controler", "inserer-exercice"]) {
      expect(await page.locator(`#${id}`).isDisabled()).toBe(true);
      expect(await page.locator(`#${id}-indisponible`).textContent()).toBe("Demande Microsoft 365, Excel 2021 ou plus récent, ou Excel sur le web.");
    }
    expect(await page.locator("#inserer").isEnabled()).toBe(true);
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// A real task pane is 320–350 px wide; dates are French whatever the browser's language.

const LARGEURS = [320, 350] as const;

/**
 * What scrolls or sticks out horizontally: the document, any table wider than its box, and any visible
 * element whose right edge passes the pane's (content cut off, such as a « Statut » column).
 */
function debordements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const d = document.documentElement;
    const r: string[] = [];
    if (d.scrollWidth > d.clientWidth) r.push(`document : ${d.scrollWidth} > ${d.clientWidth}`);
    for (const t of document.querySelectorAll("table")) {
      if (t.scrollWidth > t.clientWidth) r.push(`tableau ${t.closest("[id]")?.id ?? ""} « ${t.querySelector("caption, th")?.textContent ?? ""} » : ${t.scrollWidth} > ${t.clientWidth}`);
    }
    for (const e of document.body.querySelectorAll("*")) {
      const b = e.getBoundingClientRect();
      if (b.width > 1 && b.height > 1 && b.right > d.clientWidth + 0.5) r.push(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""} « ${(e.textContent ?? "").slice(0, 40)} » : bord droit ${Math.round(b.right)} > ${d.clientWidth}`);
    }
    return r;
  });
}

async function toutDeplier(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll("details").forEach((x) => (x.open = true)));
}

describe("task pane at a real pane's width", () => {
  for (const largeur of LARGEURS) {
    it(`at ${largeur} px, no panel scrolls horizontally, for each barème, template and exercise; keys read as French labels`, async () => {
      const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet");
      await page.setViewportSize({ width: largeur, height: 900 });
      await attendreEtat(page, "en-ligne");
      await toutDeplier(page);
      expect(await debordements(page)).toEqual([]);
      const baremes = await page.locator("#choix-bareme option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(baremes).toEqual(IDS_BAREMES);
      for (const id of baremes) {
        await page.getByLabel("Barème", { exact: true }).selectOption(id);
        await page.waitForFunction((i) => document.querySelector("#detail-bareme h3") !== null && (document.querySelector("#choix-bareme") as HTMLSelectElement).value === i, id);
        await toutDeplier(page);
        expect(await debordements(page), id).toEqual([]);
        // Every value row: a French label first, the technical key only as secondary text.
        const lignes = await page.locator("#detail-bareme tbody tr").evaluateAll((trs) => trs.map((tr) => ({ libelle: tr.querySelector("td.libelle > span")?.textContent ?? "", cle: tr.querySelector("td.libelle > code.cle")?.textContent ?? "" })));
        expect(lignes.length, id).toBeGreaterThan(0);
        for (const l of lignes) {
          expect(l.libelle, `${id} ${l.cle}`).not.toBe("");
          expect(l.libelle).not.toBe(l.cle);
          expect(l.libelle).toMatch(/^[A-ZÀ-Ýa-z0-9]/);
        }
      }
      await page.getByLabel("Barème", { exact: true }).selectOption("rsa_montant_forfaitaire");
      const ligne = page.locator("#detail-bareme tr", { hasText: "majorations.quatriemePersonneCouple" });
      expect(await ligne.locator("td.libelle > span").textContent()).toBe("Majoration 4e personne, couple");
      // The table reads as a list at this width: one block per row, headers hidden from view.
      expect(await ligne.evaluate((tr) => getComputedStyle(tr).display)).toBe("grid");

      for (const type of TYPES_MODELES) {
        await page.getByLabel("Modèle", { exact: true }).selectOption(type);
        expect(await debordements(page), type).toEqual([]);
      }
      for (const type of ["evaluation", "cal", "apurement"]) {
        await page.getByLabel("Type d'exercice").selectOption(type);
        await page.getByLabel("Date du cas").fill(DATE);
        await page.getByRole("button", { name: "Insérer l'exercice" }).click();
        await resultatDe(page, "resultat-exercice");
        expect(await debordements(page), type).toEqual([]);
      }
      await page.getByRole("button", { name: "Contrôler ce classeur" }).click();
      await resultatDe(page, "resultat-controle");
      expect(await debordements(page)).toEqual([]);
      await page.screenshot({ path: `${tmpdir()}/logsoc-volet-${largeur}.png`, fullPage: true });
      expect(erreursPage).toEqual([]);
      expect(erreursConsole).toEqual([]);
      await page.close();
    });
  }

  it("the help page fits at 320 and 350 px, its tables read as lists, barème keys with their French labels", async () => {
    const page = await navigateur.contexte.newPage();
    for (const largeur of LARGEURS) {
      await page.setViewportSize({ width: largeur, height: 900 });
      await page.goto(`${serveur.base}/aide.html`);
      expect(await debordements(page), String(largeur)).toEqual([]);
      expect(await page.locator("table").count()).toBeGreaterThan(10);
    }
    const ligne = page.locator("#b-rsa_montant_forfaitaire + p + table tr", { hasText: "majorations.quatriemePersonneCouple" });
    expect(await ligne.locator("td").first().textContent()).toBe("Majoration 4e personne, couple");
    await page.close();
  });

  it("shows which barème values in force are estimates or unverified, in French, since the functions return plain numbers", async () => {
    const { page } = await ouvrir(navigateur.contexte, "hors-office");
    await attendreEtat(page, "en-ligne");
    const statuts = page.locator("#statuts-baremes");
    const jour = dateFr(aujourdhui());
    expect(await statuts.locator("summary").textContent()).toMatch(new RegExp(`^\\d+ valeur\\(s\\) en vigueur le ${jour.replaceAll("/", "\\/")} sont des estimations ou ne sont pas vérifiées$`));
    // Each item names the barème, its version, the status in words and the reason given by the data.
    const items = await statuts.locator("li").allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const t of items) expect(t).toMatch(/\(version du \d{2}\/\d{2}\/\d{4}\) (estimation|non vérifié) : ./);
    expect(await page.locator("body").textContent()).not.toContain("valeurs officielles");
    await page.close();
  });

  it("writes every date as dd/mm/yyyy in an English (en-US) browser, and leaves date fields in the browser's own format", async () => {
    const anglais = await lancerChromium("en-US");
    try {
      const { page, erreursPage } = await ouvrir(anglais.contexte, "excel-complet");
      expect(await page.evaluate(() => navigator.language)).toBe("en-US");
      await attendreEtat(page, "en-ligne");
      await page.getByLabel("Barème", { exact: true }).selectOption("smic");
      await page.getByLabel("Date", { exact: true }).fill("2024-12-01");
      expect(await detail(page, "version du 01/11/2024")).toContain("En vigueur le 01/12/2024");
      await page.getByLabel("Numéro de cas (graine)").fill("2");
      await page.getByLabel("Date du cas").fill(DATE);
      await page.getByRole("button", { name: "Insérer l'exercice" }).click();
      expect((await resultatDe(page, "resultat-exercice")).lignes[0]).toContain("cas n° 2 du 01/06/2025");
      await toutDeplier(page);
      const texte = (await page.locator("body").innerText()).replace(/feuille « [^»]*»/g, "");
      // No ISO date, no English month, no month-first date: every date the pane writes is dd/mm/yyyy. (Legal
      // sources keep their own titles, « arrêté du 10 mars 2011 »: the pane's own lines are checked for those.)
      expect(texte).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(texte).not.toMatch(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/);
      const lignesDuVolet = [await page.locator("#etat-baremes").innerText(), await page.locator("#detail-bareme > p").nth(1).innerText()];
      for (const l of lignesDuVolet) expect(l).not.toMatch(/\b(1er|\d{1,2}) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/);
      const dates = texte.match(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/g) ?? [];
      expect(dates.length).toBeGreaterThan(3);
      for (const d of dates) expect(d).toMatch(/^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4}$/);
      expect(texte).toContain(`le ${dateFr(aujourdhui())}`);
      // Date fields are the browser's own control: an ISO value underneath, shown in the user's format.
      expect(await page.locator("#date-bareme").inputValue()).toBe("2024-12-01");
      expect(await page.locator("#date-bareme").getAttribute("lang")).toBeNull();
      expect(erreursPage).toEqual([]);
    } finally {
      await anglais.fermer();
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// « Expliquer » on the selected cell of the stand-in workbook.

interface Explication {
  classe: string;
  texte: string;
  etapes: string[];
  arguments: Record<string, string>;
}

async function expliquerSelection(page: Page, feuille: string, ref: string): Promise<Explication> {
  await classeur(page, "selectionner", feuille, ref);
  await page.getByRole("button", { name: "Expliquer", exact: true }).click();
  await page.waitForFunction(() => document.getElementById("resultat-explication")?.classList.contains("avis") === true && document.querySelector("button[aria-busy]") === null);
  return page.evaluate(() => {
    const e = document.getElementById("resultat-explication")!;
    const dts = [...e.querySelectorAll("dl.arguments dt")];
    return {
      classe: e.className,
      texte: e.textContent ?? "",
      etapes: [...e.querySelectorAll("ol.etapes > li")].map((li) => [...li.children].map((c) => c.textContent ?? "").join(" | ")),
      arguments: Object.fromEntries(dts.map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""])),
    };
  });
}

describe("« Expliquer » on the selected cell", () => {
  it("fetches outils.js on the first click that needs it, not when the pane opens, once, and retries after a failed load", async () => {
    const demandes: string[] = [];
    let couper = true;
    const { page, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet", {
      avantChargement: (p) =>
        p.route(/\/outils\.js(\?|$)/, (route) => {
          demandes.push(new URL(route.request().url()).search);
          return couper ? route.abort("connectionrefused") : route.continue();
        }),
    });
    await attendreEtat(page, "en-ligne");
    // The page names it with its content hash; the pane opens without it (the 150 KB budget is taskpane.js's).
    expect(await page.locator('meta[name="logsoc-outils"]').getAttribute("content")).toMatch(/^outils\.js\?v=[0-9a-f]{10}$/);
    expect(demandes).toEqual([]);
    await classeur(page, "saisir", "Feuil1", "C1", '=LOGSOC.BAREME("smic","2024-12-01","horaireBrut")');

    const echec = await expliquerSelection(page, "Feuil1", "C1");
    expect(echec.texte).toContain("L'explication a échoué : le module de calcul du volet (outils.js) n'a pas pu être chargé");
    couper = false;
    // SMIC horaire brut au 01/12/2024 : 11,88 € (décret n° 2024-951 du 23 octobre 2024).
    expect((await expliquerSelection(page, "Feuil1", "C1")).texte).toContain("11,88");
    expect((await expliquerSelection(page, "Feuil1", "C1")).texte).toContain("11,88");
    expect(demandes).toHaveLength(2);
    expect(demandes[0]).toMatch(/^\?v=[0-9a-f]{10}$/);
    expect(erreursPage).toEqual([]);
    await page.close();
  });

  it("explains a =LOGSOC.… formula: its arguments as the function reads them (a range summed) and the engine's steps", async () => {
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet");
    await page.setViewportSize({ width: 320, height: 900 });
    await attendreEtat(page, "en-ligne");
    for (const [ref, v] of [["B1", 650], ["B2", 120], ["B3", 280], ["B4", 1500], ["B5", 300]] as const) await classeur(page, "saisir", "Feuil1", ref, v);
    await classeur(page, "saisir", "Feuil1", "C1", "=LOGSOC.TAUX_EFFORT(B1,B2,B3,B4:B5)");

    // (650 + 120 − 280) / (1 500 + 300) = 490 / 1 800 = 0,27222… → 0,2722 (arrêté du 10 mars 2011, 4 décimales).
    const x = await expliquerSelection(page, "Feuil1", "C1");
    expect(x.texte).toContain("Feuil1!C1 : =LOGSOC.TAUX_EFFORT(…)");
    expect(x.texte).toContain("Résultat : 0,2722");
    expect(x.arguments).toEqual({ loyer: "B1 → 650", charges: "B2 → 120", aide_logement: "B3 → 280", ressources: "B4:B5 → 1\u202f800" });
    expect(x.etapes.length).toBeGreaterThanOrEqual(5);
    expect(x.etapes.at(-1)).toContain("27,22 %");
    expect(x.etapes.some((e) => e.includes("490"))).toBe(true);
    expect(x.texte).toContain("Statut du résultat : officiel");
    expect(x.texte).not.toContain("recalculez");
    expect(await debordements(page)).toEqual([]);

    // The cell shows another figure than the engine (not recalculated): said, with both figures.
    await classeur(page, "calculer", "Feuil1", "C1", 0.25);
    expect((await expliquerSelection(page, "Feuil1", "C1")).texte).toContain("La cellule affiche 0,25, le calcul donne 0,2722 : recalculez le classeur");

    // A defined name as an argument reads the range it designates.
    await page.evaluate(() => (window as unknown as { __classeur: { noms: { nom: string; ref: string }[] } }).__classeur.noms.push({ nom: "RESSOURCES_FOYER", ref: "'Feuil1'!$B$4:$B$5" }));
    await classeur(page, "saisir", "Feuil1", "C4", "=LOGSOC.TAUX_EFFORT(B1,B2,B3,RESSOURCES_FOYER)");
    const n = await expliquerSelection(page, "Feuil1", "C4");
    expect(n.arguments.ressources).toBe("RESSOURCES_FOYER → 1\u202f800");
    expect(n.texte).toContain("Résultat : 0,2722");

    // A barème read through BAREME: the value's barème, key label, version, status and source.
    await classeur(page, "saisir", "Feuil1", "C2", '=LOGSOC.BAREME("smic","2024-12-01","horaireBrut")');
    const b = await expliquerSelection(page, "Feuil1", "C2");
    expect(b.texte).toContain("Résultat : 11,88");
    expect(b.etapes.at(-1)).toContain("SMIC : Taux horaire brut (horaireBrut), version du 01/11/2024");

    // Inputs the engine refuses: its French reason, as the cell's error would say.
    await classeur(page, "saisir", "Feuil1", "B4", -2000);
    const refus = await expliquerSelection(page, "Feuil1", "C1");
    expect(refus.classe).toContain("avis-attention");
    expect(refus.texte).toMatch(/Pas de résultat : .*ressources/);

    // A computed argument, and a cell that is neither a LOGSOC formula nor a template result.
    await classeur(page, "saisir", "Feuil1", "C3", "=LOGSOC.TAUX_EFFORT(B1*12,B2,B3,B4)");
    expect((await expliquerSelection(page, "Feuil1", "C3")).texte).toContain("L'argument loyer (B1*12) est un calcul");
    const autre = await expliquerSelection(page, "Feuil1", "A9");
    expect(autre.texte).toBe(
      "La cellule Feuil1!A9 ne contient pas de formule =LOGSOC.… et ce classeur n'a pas été créé à partir d'un modèle LogSoc. « Expliquer » détaille une formule =LOGSOC.…(…) ou un résultat d'un modèle LogSoc (reste à vivre, taux d'effort, capacité de remboursement, taux d'effort d'un candidat de la fiche CALEOL, échéances d'un plan d'apurement…).",
    );
    expect(await classeur(page, "contenus", "Feuil1")).toMatchObject({ B1: 650, C1: "=LOGSOC.TAUX_EFFORT(B1,B2,B3,B4:B5)" });
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("explains a result of a template dossier (RAV_UC of an évaluation), and flags a cell that differs from the engine", async () => {
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet");
    await page.setViewportSize({ width: 320, height: 900 });
    await attendreEtat(page, "en-ligne");
    await page.getByLabel("Date des barèmes").fill(DATE);
    await page.getByRole("button", { name: "Insérer le modèle" }).click();
    expect((await resultatDe(page, "resultat-modele")).classe).toContain("avis-succes");
    const spec = construireModele("evaluation", { date: DATE });
    const ou = (id: string) => {
      const f = spec.feuilles.find((x) => x.cellules.some((c) => c.id === id))!;
      return { feuille: f.nom, ref: f.cellules.find((c) => c.id === id)!.ref };
    };
    const saisie = async (id: string, v: unknown) => classeur(page, "saisir", ou(id).feuille, ou(id).ref, v);
    await saisie("evaluation.date", versSerieExcel(DATE));
    await saisie("foyer.personnes14Plus", 2);
    await saisie("foyer.enfantsMoins14", 1);
    await saisie("foyer.couple", "Non");
    await saisie("ressources.salaires", 1800);
    await saisie("charges.loyer", 600);
    // What Excel computes: RAV mensuel 1 800 − 600 = 1 200 € ; UC (OCDE modifiée) 1 + 0,5 + 0,3 = 1,8 ; RAV/UC = 666,67 €.
    const rav = ou("resultats.ravUc");
    await classeur(page, "calculer", rav.feuille, rav.ref, 666.67);

    const x = await expliquerSelection(page, rav.feuille, rav.ref);
    expect(x.texte).toContain(`${rav.feuille}!${rav.ref} : `);
    expect(x.texte).toContain("nom défini RAV_UC");
    expect(x.texte).toContain("La cellule est conforme au calcul de LogSoc");
    expect(x.texte).toContain("666,67");
    // The engine's steps for that dossier: UC of the foyer, RAV mensuel, then RAV per UC, the last one.
    expect(x.etapes.at(-1)).toContain("666,67");
    expect(x.etapes.some((e) => e.includes("1,8"))).toBe(true);
    expect(x.etapes.some((e) => e.includes("1\u202f200"))).toBe(true);
    expect(x.texte).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(await debordements(page)).toEqual([]);

    // The cell shows another figure: the pane says by how much, from the dossier's own inputs.
    await classeur(page, "calculer", rav.feuille, rav.ref, 650);
    const ko = await expliquerSelection(page, rav.feuille, rav.ref);
    expect(ko.classe).toContain("avis-attention");
    expect(ko.texte).toContain("Écart avec le calcul de LogSoc");
    expect(ko.texte).toContain("666,67");
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("explains a candidate's taux d'effort on the CALEOL fiche", async () => {
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet");
    await page.setViewportSize({ width: 320, height: 900 });
    await attendreEtat(page, "en-ligne");
    await page.getByLabel("Modèle", { exact: true }).selectOption("cal");
    await page.getByLabel("Date des barèmes").fill(DATE);
    await page.getByRole("button", { name: "Insérer le modèle" }).click();
    expect((await resultatDe(page, "resultat-modele")).classe).toContain("avis-succes");
    const spec = construireModele("cal", { date: DATE, candidats: 3, zone: "AUTRES" });
    const ou = (id: string) => {
      const f = spec.feuilles.find((x) => x.cellules.some((c) => c.id === id))!;
      return { feuille: f.nom, ref: f.cellules.find((c) => c.id === id)!.ref };
    };
    const saisie = async (id: string, v: unknown) => classeur(page, "saisir", ou(id).feuille, ou(id).ref, v);
    await saisie("logement.loyer", 450);
    await saisie("logement.charges", 80);
    await saisie("logement.eauChauffageIndividuels", "Non");
    await saisie("candidatA.personnes14Plus", 1);
    await saisie("candidatA.ressources", 1600);
    await saisie("candidatA.aideLogement", 130);
    // Dépense de logement 450 + 80 = 530 € ; aide déduite : 400 € ; 400 / 1 600 = 0,25 (25 %).
    const taux = ou("candidatA.tauxEffort");
    await classeur(page, "calculer", taux.feuille, taux.ref, 0.25);
    const x = await expliquerSelection(page, taux.feuille, taux.ref);
    expect(x.texte).toContain("La cellule est conforme au calcul de LogSoc");
    expect(x.etapes.at(-1)).toContain("25,00 %");
    expect(x.etapes.some((e) => e.includes("400,00"))).toBe(true);
    expect(await debordements(page)).toEqual([]);
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("explains the last instalment of a plan d'apurement inserted by the pane", async () => {
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "excel-complet");
    await page.setViewportSize({ width: 350, height: 900 });
    await attendreEtat(page, "en-ligne");
    await page.getByLabel("Modèle", { exact: true }).selectOption("apurement");
    await page.getByLabel("Date des barèmes").fill(DATE);
    await page.getByRole("button", { name: "Insérer le modèle" }).click();
    expect((await resultatDe(page, "resultat-modele")).classe).toContain("avis-succes");
    const spec = construireModele("apurement", { date: DATE });
    const ou = (id: string) => {
      const f = spec.feuilles.find((x) => x.cellules.some((c) => c.id === id))!;
      return { feuille: f.nom, ref: f.cellules.find((c) => c.id === id)!.ref };
    };
    await classeur(page, "saisir", ou("plan.dette").feuille, ou("plan.dette").ref, 1000);
    await classeur(page, "saisir", ou("plan.mensualite").feuille, ou("plan.mensualite").ref, 300);
    // 1 000 € at 300 € a month: 4 instalments, 300 + 300 + 300 + 100; the last one is 1 000 − 3 × 300 = 100 €.
    const derniere = ou("plan.derniereEcheance");
    await classeur(page, "calculer", derniere.feuille, derniere.ref, 100);
    const x = await expliquerSelection(page, derniere.feuille, derniere.ref);
    expect(x.texte).toContain("La cellule est conforme au calcul de LogSoc");
    expect(x.etapes.length).toBeGreaterThan(2);
    expect(x.etapes.at(-1)).toMatch(/100(,00)? €/);
    // Dates the pane writes are dd/mm/yyyy, in the steps too.
    expect(x.texte).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(await debordements(page)).toEqual([]);
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });
});

describe("barème browser, as known on a day (connu_le)", () => {
  it("shows a correction published today, and what was known yesterday with a note that it changed since", async () => {
    const APL_2027 = {
      dateEffet: "2027-10-01",
      valeurs: { isoleOuCoupleSansPersonneACharge: 61.21, majorationParPersonneACharge: 13.88, colocataireIsole: 30.59, dom: { base: 41.09, majorationParPersonneACharge: 10.57 } },
      source: { texte: "Arrêté de revalorisation au 1er octobre 2027", reference: "CCH, art. R.823-16" },
      statut: "officiel",
    };
    const publier = (corps: object) =>
      fetch(`${serveur.base}/v1/baremes/apl_forfait_charges/versions`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${serveur.jeton}` }, body: JSON.stringify({ publiePar: "Test du volet", ...corps }) });
    expect((await publier({ version: APL_2027 })).status).toBe(201);
    const correction = await publier({ version: { ...APL_2027, valeurs: { ...APL_2027.valeurs, isoleOuCoupleSansPersonneACharge: 61.25 } }, remplace: "2027-10-01", motif: "Coquille dans le montant de base" });
    expect(correction.status).toBe(201);

    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "hors-office");
    await page.setViewportSize({ width: 320, height: 900 });
    await attendreEtat(page, "en-ligne");
    await page.getByLabel("Barème", { exact: true }).selectOption("apl_forfait_charges");
    await page.getByLabel("Date", { exact: true }).fill("2027-11-01");
    // As known today: the corrected amount, and the correction said with its reason.
    const aujourdhuiTexte = await detail(page, "version du 01/10/2027");
    expect(aujourdhuiTexte).toContain("61,25");
    expect(await page.locator("#correction-bareme").textContent()).toMatch(/^Correction publiée le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} UTC de la version du 01\/10\/2027 : Coquille dans le montant de base$/);

    // As known yesterday: neither publication existed, the bundled 2025 version (60,59 €, arrêté du 5 septembre 2025) applied.
    const hier = new Date(Date.parse(`${aujourdhui()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Connus le").fill(hier);
    const ancien = await detail(page, `tels que connus le ${dateFr(hier)}`);
    expect(ancien).toContain("version du 01/10/2025");
    expect(ancien).toContain("60,59");
    expect(await page.locator("#connaissance-bareme").textContent()).toMatch(
      new RegExp(`^Valeurs telles que connues le ${dateFr(hier).replaceAll("/", "\\/")}\\. Aujourd'hui, la version en vigueur le 01\\/11\\/2027 est celle du 01\\/10\\/2027, publiée le \\d{2}\\/\\d{2}\\/\\d{4} \\d{2}:\\d{2} UTC \\(Coquille dans le montant de base\\)\\.$`),
    );
    expect(await debordements(page)).toEqual([]);
    // Before anything was known: the catalogue's French reason.
    await page.getByLabel("Connus le").fill("2000-01-01");
    expect(await detail(page, "connu")).toMatch(/n'avait aucune version connue le 01\/01\/2000|aucune version connue le 01\/01\/2000/);
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });
});
