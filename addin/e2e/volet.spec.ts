// The task pane in headless Chromium against the local Worker (wrangler dev): loads without console
// errors, shows the barème status, browses a barème at a date, uses versions published on the Worker
// (and hands them to the custom functions of the shared runtime), and works offline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { demarrerServeur, lancerChromium, type ServeurLocal } from "./serveur.ts";

/**
 * office.js comes from Microsoft's CDN, unreachable here: each scenario serves a stand-in with what the
 * pane reads from it. Outside Office, the real office.js resolves onReady with a null host; in Excel,
 * the shared runtime also provides CustomFunctions, whose associations the stand-in records.
 */
const OFFICE = {
  "hors-office": `window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); } };`,
  "excel-complet": `
    window.__fonctions = {};
    window.CustomFunctions = {
      associate: function (id, f) { window.__fonctions[id] = f; },
      Error: function (code, message) { this.code = code; this.message = message; }
    };
    window.Office = {
      onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); },
      context: { requirements: { isSetSupported: function () { return true; } } }
    };
    // Excel.run over a recording workbook: what the pane writes, and how many round trips it takes.
    window.__classeur = { syncs: 0, feuilles: ["Feuil1"], valeurs: {}, tableaux: [], active: null };
    window.Excel = {
      run: function (lot) {
        var c = window.__classeur;
        var collection = function (noms) { return { items: [], load: function () { this.items = noms.map(function (n) { return { name: n }; }); } }; };
        var feuilles = collection(c.feuilles);
        feuilles.add = function (nom) {
          c.feuilles.push(nom);
          return {
            getRange: function (adresse) {
              var plage = { format: { font: {}, autofitColumns: function () {} } };
              Object.defineProperty(plage, "values", { set: function (v) { c.valeurs[nom + "!" + adresse] = v; } });
              Object.defineProperty(plage, "numberFormat", { set: function () {} });
              return plage;
            },
            tables: { add: function (adresse) { var t = { adresse: adresse }; c.tableaux.push(t); return t; } },
            activate: function () { c.active = nom; }
          };
        };
        return lot({ workbook: { worksheets: feuilles, tables: collection([]) }, sync: function () { c.syncs++; return Promise.resolve(); } });
      }
    };`,
  "excel-sans-fonctions": `
    window.Office = {
      onReady: function () { return Promise.resolve({ host: "Excel", platform: "PC" }); },
      context: { requirements: { isSetSupported: function (nom) { return nom === "ExcelApi"; } } }
    };`,
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
    expect(etat).toMatch(/Barèmes du (1er|\d{1,2}) [a-zéû]+ \d{4}/);
    expect(etat).toContain("en ligne");
    expect(etat).toContain("aucune version publiée depuis cette version du complément");
    expect(await page.locator("h1").textContent()).toBe("LogSoc");
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    // Opened outside Excel: a French notice, barèmes readable, insertion explained rather than offered.
    expect(await page.locator("#avis-hote").textContent()).toContain("Ouvert en dehors d'Excel");
    expect(await page.locator("#inserer").isDisabled()).toBe(true);
    expect(await page.locator("#inserer-indisponible").textContent()).toContain("Disponible quand LogSoc est ouvert dans Excel");
    // What the add-in offers: every LOGSOC function, and a plain line for what comes later.
    expect(await page.locator("dl.fonctions dt").count()).toBe(9);
    expect(await page.locator("body").textContent()).toContain("arrivent dans une prochaine version de LogSoc");
    expect(erreursPage).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await page.close();
  });

  it("browses a barème at a date with its values, source and status, from labelled, keyboard-reachable fields", async () => {
    const { page, erreursConsole, erreursPage } = await ouvrir(navigateur.contexte, "hors-office");
    await attendreEtat(page, "en-ligne");
    await page.getByLabel("Barème", { exact: true }).selectOption("smic");
    await page.getByLabel("Date", { exact: true }).fill("2024-12-01");
    const texte = await detail(page, "version du 1er novembre 2024");
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
    const texte = await detail(page, "version du 1er janvier 2027");
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
      ids: ["RESTE_A_VIVRE", "TAUX_EFFORT", "PLAN_APUREMENT", "UC", "RSA_FORFAITAIRE", "QUOTITE_SAISISSABLE", "CAPACITE_REMBOURSEMENT", "PLAFOND_RESSOURCES", "BAREME"],
      smic2027: 12.5,
      smic2026: 12.31,
      tauxEffort: 0.2722,
    });

    // Inserting it: a new sheet, the description block and the values table, in two round trips.
    await page.getByRole("button", { name: "Insérer dans une nouvelle feuille" }).click();
    await page.waitForFunction(() => document.querySelector("#message-insertion")?.textContent?.startsWith("Barème inséré") === true);
    expect(await page.locator("#message-insertion").textContent()).toBe("Barème inséré dans la feuille « smic 2027-02-01 » (tableau Bareme_smic_20270201).");
    const classeur = await page.evaluate(() => (window as unknown as { __classeur: { syncs: number; active: string; tableaux: unknown[]; valeurs: Record<string, unknown[][]> } }).__classeur);
    expect(classeur.syncs).toBe(2);
    expect(classeur.active).toBe("smic 2027-02-01");
    expect(classeur.tableaux).toEqual([{ adresse: "A12:D15", name: "Bareme_smic_20270201", style: "TableStyleLight9" }]);
    expect(classeur.valeurs["smic 2027-02-01!A12:D15"]).toEqual([
      ["Clé", "Valeur", "Statut", "Note"],
      ["horaireBrut", 12.5, "officiel", ""],
      ["mensuelBrut", 1895.83, "officiel", ""],
      ["mensuelNet", "", "officiel", "Valeur non disponible : aucune source ne la donne."],
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
    expect(await detail(page, "version du 1er janvier 2027")).toContain("12,5");
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
      expect(await detail(page, "version du 1er novembre 2024")).toContain("11,88");
      await page.getByLabel("Date", { exact: true }).fill("2027-02-01");
      expect(await detail(page, "version du 1er juin 2026")).toContain("12,31");
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
      avantChargement: (p) => p.addInitScript(() => delete (Object as { hasOwn?: unknown }).hasOwn),
    });
    await page.locator("#navigateur-ancien").waitFor({ state: "visible" });
    expect(await page.locator("#etat-baremes").count()).toBe(0);
    await page.close();
  });

  it("serves the help page the manifest links to, with every function", async () => {
    const r = await fetch(`${serveur.base}/aide.html`);
    expect(r.status).toBe(200);
    const html = await r.text();
    for (const nom of ["RESTE_A_VIVRE", "TAUX_EFFORT", "PLAN_APUREMENT", "UC", "RSA_FORFAITAIRE", "QUOTITE_SAISISSABLE", "CAPACITE_REMBOURSEMENT", "PLAFOND_RESSOURCES", "BAREME"]) {
      expect(html).toContain(`=LOGSOC.${nom}(`);
    }
  });
});
