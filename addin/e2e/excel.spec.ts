// Ready for real Excel, against the local Worker (wrangler dev) and headless Chromium with office.js
// stand-ins: the headers Office needs on the add-in's files (and not on the publishing route), the
// functions registered before the page's body is read, formatted results where Excel supports them and
// plain numbers elsewhere, and the last error of a selected LOGSOC cell shown in full in the pane.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { demarrerServeur, lancerChromium, type ServeurLocal } from "./serveur.ts";

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

/** Excel on the web's origin: it fetches functions.json and functions.js cross-origin. */
const ORIGINE_OFFICE = "https://excel.officeapps.live.com";

describe("headers on what Office fetches (HTTP, workerd)", () => {
  it.each(["/functions.json", "/functions.js", "/taskpane.html", "/taskpane.js", "/taskpane.css", "/aide.html", "/assets/icon-32.png", "/manifest.xml"])(
    "%s answers any Office origin",
    async (chemin) => {
      const r = await fetch(`${serveur.base}${chemin}`, { headers: { Origin: ORIGINE_OFFICE } });
      expect(r.status).toBe(200);
      expect(r.headers.get("access-control-allow-origin")).toBe("*");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      await r.arrayBuffer();
    },
  );

  it("does not serve the _headers file itself", async () => {
    const r = await fetch(`${serveur.base}/_headers`);
    expect(r.status).not.toBe(200);
    await r.arrayBuffer();
  });

  it("leaves the API's own policy: the publishing route answers no foreign origin, preflight included", async () => {
    const preflight = await fetch(`${serveur.base}/v1/baremes/smic/versions`, {
      method: "OPTIONS",
      headers: { Origin: ORIGINE_OFFICE, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" },
    });
    expect([ORIGINE_OFFICE, "*"]).not.toContain(preflight.headers.get("access-control-allow-origin"));
    await preflight.arrayBuffer();
    const post = await fetch(`${serveur.base}/v1/baremes/smic/versions`, {
      method: "POST",
      headers: { Origin: ORIGINE_OFFICE, Authorization: `Bearer ${serveur.jeton}`, "Content-Type": "application/json" },
      body: "{}",
    });
    expect([ORIGINE_OFFICE, "*"]).not.toContain(post.headers.get("access-control-allow-origin"));
    await post.arrayBuffer();
  });
});

/**
 * An office.js stand-in: the custom-functions runtime records registrations, and "Excel recalculates the
 * workbook as it opens": TAUX_EFFORT(650; 120; 280; 1 800) is called as soon as the page's body appears,
 * before any deferred or module script could have run.
 */
function office(formats: boolean, excel = ""): string {
  return `
    window.__enregistrements = {};
    window.__fonctions = {};
    window.CustomFunctions = {
      associate: function (id, f) { window.__enregistrements[id] = (window.__enregistrements[id] || 0) + 1; window.__fonctions[id] = f; },
      Error: function (code, message) { this.code = code; this.message = message; }
    };
    window.Office = {
      onReady: function () { return Promise.resolve({ host: ${excel ? '"Excel"' : "null"}, platform: ${excel ? '"OfficeOnline"' : "null"} }); },
      context: { requirements: { isSetSupported: function (nom, version) {
        if (nom === "CustomFunctionsRuntime") return ${formats ? "true" : 'Number(String(version || "1.1").split(".")[1]) <= 3'};
        return true;
      } } }
    };
    new MutationObserver(function (_m, observateur) {
      if (!document.body) return;
      observateur.disconnect();
      var f = window.__fonctions.TAUX_EFFORT;
      try {
        window.__auChargement = f ? f([[650]], [[120]], [[280]], [[1800]], { address: "Feuil1!A1" }) : "#VALUE! (fonction non enregistrée)";
      } catch (e) {
        window.__auChargement = "erreur " + e.code;
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
    ${excel}`;
}

async function ouvrir(scenario: string): Promise<{ page: Page; erreursPage: string[] }> {
  const page = await navigateur.contexte.newPage();
  const erreursPage: string[] = [];
  page.on("pageerror", (e) => erreursPage.push(e.message));
  const local = new URL(serveur.base);
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "appsforoffice.microsoft.com") return route.fulfill({ status: 200, contentType: "text/javascript", body: scenario });
    if (url.host !== local.host) return route.abort();
    return route.continue();
  });
  await page.goto(`${serveur.base}/taskpane.html`);
  return { page, erreursPage };
}

describe("registration first (Chromium, office.js stand-in)", () => {
  it("a function called while the page loads gets a number, not #VALUE!: (650 + 120 − 280) / 1 800 = 0,2722, shown 27,22 % where Excel formats numbers", async () => {
    const { page, erreursPage } = await ouvrir(office(true));
    await page.waitForFunction(() => (window as unknown as { __auChargement?: unknown }).__auChargement !== undefined);
    expect(await page.evaluate(() => (window as unknown as { __auChargement: unknown }).__auChargement)).toEqual({ type: "Double", basicValue: 0.2722, numberFormat: "0.00%" });
    expect(erreursPage).toEqual([]);
    await page.close();
  });

  it("older Excel (CustomFunctionsRuntime below 1.4) gets the plain number", async () => {
    const { page } = await ouvrir(office(false));
    await page.waitForFunction(() => (window as unknown as { __auChargement?: unknown }).__auChargement !== undefined);
    expect(await page.evaluate(() => (window as unknown as { __auChargement: unknown }).__auChargement)).toBe(0.2722);
    await page.close();
  });

  it("registers each function once, even when functions.js runs in the same page afterwards", async () => {
    const { page } = await ouvrir(office(true));
    await page.locator("#etat-baremes").waitFor();
    await page.addScriptTag({ url: `${serveur.base}/functions.js` });
    const enregistrements = await page.evaluate(() => (window as unknown as { __enregistrements: Record<string, number> }).__enregistrements);
    expect(Object.keys(enregistrements)).toEqual(["RESTE_A_VIVRE", "TAUX_EFFORT", "PLAN_APUREMENT", "UNITES_CONSOMMATION", "RSA_FORFAITAIRE", "QUOTITE_SAISISSABLE", "CAPACITE_REMBOURSEMENT", "PLAFOND_RESSOURCES", "BAREME"]);
    expect(new Set(Object.values(enregistrements))).toEqual(new Set([1]));
    await page.close();
  });
});

describe("the last error of a selected LOGSOC cell, in full in the pane", () => {
  // A workbook whose selection is B3 of « Mon budget », holding a LOGSOC formula.
  const EXCEL = `
    window.Excel = {
      run: function (lot) {
        var ctx = {
          workbook: {
            getSelectedRange: function () { return { load: function () {}, address: "'Mon budget'!B3", formulas: [["=LOGSOC.PLAN_APUREMENT(1000;100;6)"]] }; },
            onSelectionChanged: { add: function (h) { window.__selection = h; } }
          },
          sync: function () { return Promise.resolve(); }
        };
        return lot(ctx);
      }
    };`;

  it("shows the function, the Excel error and the whole French message of the selected cell", async () => {
    const { page, erreursPage } = await ouvrir(office(true, EXCEL));
    await page.locator("#etat-baremes").waitFor();
    // Excel recalculates B3: 1 000 € at 100 € a month needs 10 months, more than the 6 allowed.
    await page.evaluate(() => {
      const f = (window as unknown as { __fonctions: Record<string, (...a: unknown[]) => unknown> }).__fonctions.PLAN_APUREMENT!;
      try {
        f([[1000]], [[100]], [[6]], null, null, { address: "'Mon budget'!B3" });
      } catch {
        // Excel shows #VALUE!; the pane shows why.
      }
    });
    const section = page.locator("#erreur-selection");
    await section.locator("li").waitFor();
    expect(await section.locator("h2").textContent()).toBe("Erreur de la cellule sélectionnée");
    expect(await section.locator("li strong").textContent()).toBe("B3 — LOGSOC.PLAN_APUREMENT : #VALUE!");
    expect(await section.locator("li p").textContent()).toBe(
      "Avec une mensualité de 100,00 €, il faut 10 mois pour rembourser 1\u202f000,00 € : c'est plus que la durée maximale de 6 mois. Augmentez la mensualité ou la durée.",
    );
    // Once the cell computes, the error is gone.
    await page.evaluate(() => (window as unknown as { __fonctions: Record<string, (...a: unknown[]) => unknown> }).__fonctions.PLAN_APUREMENT!([[1000]], [[100]], [[10]], null, null, { address: "'Mon budget'!B3" }));
    await page.waitForFunction(() => document.querySelector("#erreur-selection li") === null);
    expect(await section.textContent()).toContain("La formule LOGSOC sélectionnée n'a pas d'erreur.");
    expect(erreursPage).toEqual([]);
    await page.close();
  });
});
