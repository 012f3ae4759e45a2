import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { z } from "zod";
import { montantExact, valider } from "../../shared/schemas.ts";
import { appeler, BASE, poster, probleme } from "./outils.ts";
import { createApp } from "../src/app.ts";
import { slugCalcul } from "../src/routes/calculs.ts";
import { FONCTIONS, Registre } from "../../shared/fonctions/registre.ts";
import type { DefinitionFonction } from "../../shared/fonctions/types.ts";

describe("POST /v1/calculs/taux-effort", () => {
  it("exemple de DESIGN §5.3 : (650 + 120 − 280) / 1800 = 490 / 1800 = 0,27222… → 0,2722", async () => {
    const r = await poster("/v1/calculs/taux-effort", { loyer: 650, charges: 120, aide_logement: 280, ressources: 1800 });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(await r.json()).toMatchObject({ resultat: 0.2722 });
  });

  it("ressources nulles → 422 DIVISION_PAR_ZERO sur /ressources", async () => {
    const p = await probleme(await poster("/v1/calculs/taux-effort", { loyer: 650, charges: 120, aide_logement: 0, ressources: 0 }), 422, "DIVISION_PAR_ZERO");
    expect(p.errors).toEqual([{ pointer: "/ressources", detail: p.detail }]);
    expect(p.instance).toBe("/v1/calculs/taux-effort");
  });
});

describe("POST /v1/calculs/reste-a-vivre", () => {
  it("1 800 − 1 350 = 450 € ; 2 personnes de 14 ans et plus + 2 enfants : UC = 1 + 0,5 + 2 × 0,3 = 2,1", async () => {
    const base = { ressources: 1800, charges: 1350, personnes_14_plus: 2, enfants_moins_14: 2 };
    const valeur = async (methode: string) => ((await (await poster("/v1/calculs/reste-a-vivre", { ...base, methode })).json()) as { resultat: number }).resultat;
    expect(await valeur("mensuel")).toBe(450);
    expect(await valeur("jour_personne")).toBe(3.75); // 450 / 4 / 30
    expect(await valeur("uc")).toBe(214.29); // 450 / 2,1 = 214,2857…
    expect(await valeur("jour_uc")).toBe(7.14); // 214,2857… / 30 = 7,1428…
  });

  it("une plage (tableau 2D) est additionnée, cellules vides ignorées : 1 200 + 600,50 − 1 000 = 800,50", async () => {
    const r = await poster("/v1/calculs/reste-a-vivre", { ressources: [[1200, null], [600.5, ""]], charges: "1000" });
    expect(await r.json()).toMatchObject({ resultat: 800.5 });
  });

  it("méthode inconnue → 400 METHODE_INCONNUE sur /methode", async () => {
    const p = await probleme(await poster("/v1/calculs/reste-a-vivre", { ressources: 1, charges: 1, methode: "annuel" }), 400, "METHODE_INCONNUE");
    expect(p.errors?.[0]?.pointer).toBe("/methode");
  });
});

describe("POST /v1/calculs/plan-apurement", () => {
  it("1 000 € en 3 mois : 1000 / 3 = 333,33… arrondi au centime supérieur 333,34 ; dernière = 1000 − 2 × 333,34 = 333,32 ; dates en fin de mois", async () => {
    const r = await poster("/v1/calculs/plan-apurement", { dette: 1000, duree: 3, premiere_echeance: "2026-01-31", loyer_residuel: 250.5 });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      statut: "officiel", // no barème read: the duration is given
      resultat: [
        ["N°", "Échéance", "Reprise de dette", "Loyer résiduel", "Total à verser", "Reste dû"],
        [1, "2026-01-31", 333.34, 250.5, 583.84, 666.66], // 333,34 + 250,50 ; 1000 − 333,34
        [2, "2026-02-28", 333.34, 250.5, 583.84, 333.32], // février 2026 n'a que 28 jours
        [3, "2026-03-31", 333.32, 250.5, 583.82, 0],
      ],
    });
  });

  it("mensualité 100 € et durée maximale 5 mois pour 1 000 € : il faudrait 10 mois → 422 DUREE_INSUFFISANTE sur /duree", async () => {
    const p = await probleme(await poster("/v1/calculs/plan-apurement", { dette: 1000, mensualite: 100, duree: 5 }), 422, "DUREE_INSUFFISANTE");
    expect(p.errors?.[0]?.pointer).toBe("/duree");
    expect(p.detail).toContain("10 mois");
  });

  it("dette absente → 400 ARGUMENT_MANQUANT sur /dette", async () => {
    const p = await probleme(await poster("/v1/calculs/plan-apurement", { duree: 3 }), 400, "ARGUMENT_MANQUANT");
    expect(p.errors?.[0]?.pointer).toBe("/dette");
  });

  it("texte dans une plage → 400 TEXTE_DANS_PLAGE, pointeur vers la cellule", async () => {
    const p = await probleme(await poster("/v1/calculs/plan-apurement", { dette: [[1000, "x"]] }), 400, "TEXTE_DANS_PLAGE");
    expect(p.errors?.[0]?.pointer).toBe("/dette/0/1");
  });

  it("argument inconnu → 400 ENTREE_INVALIDE qui le nomme", async () => {
    const p = await probleme(await poster("/v1/calculs/plan-apurement", { dette: 1000, taux: 3 }), 400, "ENTREE_INVALIDE");
    expect(p.errors?.[0]?.pointer).toBe("/taux");
  });

  it("un corps text/plain est accepté (requête CORS simple, sans pré-vol)", async () => {
    const r = await poster("/v1/calculs/plan-apurement", { dette: 90, duree: 1 }, { "content-type": "text/plain;charset=UTF-8" });
    expect(await r.json()).toMatchObject({ resultat: [["N°", "Échéance", "Reprise de dette", "Loyer résiduel", "Total à verser", "Reste dû"], [1, null, 90, null, null, 0]] });
  });
});

describe("POST /v1/calculs/capacite-remboursement (barèmes au 01/06/2025 : RSA 646,52 €, saisie 2025)", () => {
  // Saisie 2025 (C. trav. R.3252-2): annual thresholds 4 440 / 8 660 / 12 890 / 17 090 / 21 300 / 25 600 €,
  // fractions 1/20, 1/10, 1/5, 1/4, 1/3, 2/3, then all; + 1 720 € per dependant (R.3252-3).
  const capacite = async (corps: Record<string, unknown>) => (await (await poster("/v1/calculs/capacite-remboursement", { date: "2025-06-01", ...corps })).json()) as { resultat: number };

  it("personne seule, 1 500 € de ressources, 900 € de charges → 236,94 € (la quotité saisissable limite)", async () => {
    // Annual 18 000: 4440/20 + 4220/10 + 4230/5 + 4200/4 + 910/3 = 222 + 422 + 846 + 1050 + 303,333… = 2 843,333… ;
    // monthly 236,944…; RSA floor 1500 − 646,52 = 853,48 does not bind. Left after expenses: 1500 − max(646,52 ; 900) = 600.
    expect(await capacite({ ressources: 1500, charges: 900 })).toMatchObject({ resultat: 236.94 });
  });

  it("couple et 2 enfants, 2 200 € de ressources, 1 500 € de charges → 348,44 €", async () => {
    // 3 dependants: thresholds + 5 160 → 9600 / 13820 / 18050 / 22250 / …; annual 26 400:
    // 9600/20 + 4220/10 + 4230/5 + 4200/4 + 4150/3 = 480 + 422 + 846 + 1050 + 1383,333… = 4 181,333… ; monthly 348,444…
    // RSA of the foyer 646,52 × (1 + 0,5 + 0,3 + 0,3) = 1 357,69 < 1 500 charges → 2200 − 1500 = 700 does not bind.
    expect(await capacite({ ressources: 2200, charges: 1500, couple: true, enfants: 2 })).toMatchObject({ resultat: 348.44 });
  });

  it("charges élevées : 1 500 − 1 400 = 100 € (le reste après dépenses limite)", async () => {
    expect(await capacite({ ressources: 1500, charges: 1400 })).toMatchObject({ resultat: 100 });
  });

  it("une version du RSA publiée dans D1 s'applique au calcul à partir de sa date d'effet", async () => {
    // Personne seule, 1 100 € de ressources, pas de charges, saisie 2026 (4 480 / 8 730 / 13 000 / 17 230 …).
    // QS on 13 200/yr: 4480/20 + 4250/10 + 4270/5 + 200/4 = 224 + 425 + 854 + 50 = 1 553 → 129,4166… per month.
    // Bundled RSA 2026 (651,69 €): floor 1100 − 651,69 = 448,31 and left after expenses 448,31 → 129,42.
    const corps = { ressources: 1100, charges: 0 };
    expect(await capacite({ ...corps, date: "2027-06-01" })).toMatchObject({ resultat: 129.42 });
    const publication = await poster(
      "/v1/baremes/rsa_montant_forfaitaire/versions",
      {
        publiePar: "Test capacité",
        confirmer_variation: true, // 1 000 € against 651,69 €: +53 %
        version: {
          dateEffet: "2027-04-01",
          valeurs: {
            montant: 1000,
            majorations: { deuxiemePersonne: 0.5, troisiemePersonne: 0.3, quatriemePersonneCouple: 0.3, quatriemePersonneIsole: 0.4, personneSupplementaire: 0.4 },
            forfaitLogement: { unePersonne: 0.12, deuxPersonnes: 0.16, troisPersonnesOuPlus: 0.165 },
          },
          source: { texte: "Version de test", reference: "CASF R.262-1" },
          statut: "officiel",
        },
      },
      { authorization: "Bearer jeton-de-test-0123456789abcdef-0123456789" },
    );
    expect(publication.status).toBe(201);
    // With a published RSA of 1 000 €: floor 1100 − 1000 = 100 and left after expenses 1100 − 1000 = 100 → 100.
    expect(await capacite({ ...corps, date: "2027-06-01" })).toMatchObject({ resultat: 100 });
    expect(await capacite({ ...corps, date: "2027-03-31" })).toMatchObject({ resultat: 129.42 });
  });
});

describe("corps et routes invalides", () => {
  it("JSON mal formé → 400 JSON_INVALIDE, sans recopier le corps", async () => {
    const p = await probleme(await poster("/v1/calculs/taux-effort", '{"loyer": 650,'), 400, "JSON_INVALIDE");
    expect(JSON.stringify(p)).not.toContain("650");
  });

  it("corps vide, tableau ou nombre → 400 JSON_INVALIDE", async () => {
    for (const corps of ["", "[1,2]", "42", "null"]) await probleme(await poster("/v1/calculs/taux-effort", corps), 400, "JSON_INVALIDE");
  });

  it("valeur objet → 400 ENTREE_INVALIDE avec son pointeur", async () => {
    const p = await probleme(await poster("/v1/calculs/taux-effort", { loyer: { montant: 1 } }), 400, "ENTREE_INVALIDE");
    expect(p.errors?.[0]?.pointer).toBe("/loyer");
  });

  it("plage à trois dimensions → 400 ENTREE_INVALIDE", async () => {
    const p = await probleme(await poster("/v1/calculs/taux-effort", { loyer: [[[1]]] }), 400, "ENTREE_INVALIDE");
    expect(p.errors?.[0]?.pointer).toBe("/loyer/0/0");
  });

  it("Content-Type XML → 415", async () => {
    await probleme(await poster("/v1/calculs/taux-effort", "<a/>", { "content-type": "application/xml" }), 415, "TYPE_DE_CONTENU_NON_PRIS_EN_CHARGE");
  });

  it("corps de plus de 256 Kio → 413", async () => {
    await probleme(await poster("/v1/calculs/reste-a-vivre", { ressources: "1".repeat(300 * 1024), charges: 0 }), 413, "CORPS_TROP_VOLUMINEUX");
  });

  it("calcul inconnu → 404, route inconnue → 404", async () => {
    await probleme(await poster("/v1/calculs/impots", {}), 404, "RESSOURCE_INTROUVABLE");
    await probleme(await appeler("/v2/rien"), 404, "RESSOURCE_INTROUVABLE");
  });

  it("GET sur un calcul → 405 avec Allow: POST", async () => {
    const r = await appeler("/v1/calculs/taux-effort");
    await probleme(r, 405, "METHODE_NON_AUTORISEE");
    expect(r.headers.get("allow")).toBe("POST");
  });
});

describe("corps sans Content-Length", () => {
  it("un flux de plus de 256 Kio est coupé → 413, sans tout lire", async () => {
    const morceau = new TextEncoder().encode(`{"ressources": "${"1".repeat(64 * 1024)}`);
    let envoyes = 0;
    const flux = new ReadableStream<Uint8Array>({
      pull(controleur) {
        envoyes++;
        controleur.enqueue(morceau);
        if (envoyes === 64) controleur.close(); // up to 4 Mio if the Worker kept reading
      },
    });
    const r = await appeler("/v1/calculs/reste-a-vivre", { method: "POST", body: flux, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    await probleme(r, 413, "CORPS_TROP_VOLUMINEUX");
    expect(envoyes).toBeLessThan(64);
  });
});

describe("les routes de calcul sont générées du registre des fonctions", () => {
  it("chaque fonction du registre a sa route : /v1/calculs/unites-consommation… ; les quatre routes publiées gardent leur nom", async () => {
    for (const s of ["reste-a-vivre", "taux-effort", "plan-apurement", "capacite-remboursement"]) expect(FONCTIONS.map((f) => slugCalcul(f.nom))).toContain(s);
    // RSA couple + 2 enfants au 01/06/2025 : 646,52 × (1 + 0,5 + 0,3 + 0,3) = 646,52 × 2,1 = 1 357,692 → 1 357,69 (décret 2025-293).
    const r = await poster("/v1/calculs/rsa-forfaitaire", { couple: true, enfants: 2, date: "2025-06-01" });
    expect(await r.json()).toMatchObject({ resultat: 1357.69 });
  });

  it("une fonction ajoutée au registre (fixture) apparaît dans l'API et son OpenAPI sans autre fichier touché", async () => {
    const schema = z.strictObject({ montant: montantExact("Le montant") });
    const fixture: DefinitionFonction = {
      nom: "DOUBLE_MONTANT",
      description: "Double un montant (fonction de test).",
      arguments: [{ nom: "montant", description: "Un montant en euros.", type: "montant", optionnel: false }],
      schema,
      calculer: (args) => valider(schema, args).montant.times(2).toNumber(),
    };
    const app = createApp(new Registre([...FONCTIONS, fixture]));
    const r = await app.fetch(new Request(`${BASE}/v1/calculs/double-montant`, { method: "POST", body: JSON.stringify({ montant: [[10, 2.5]] }) }), env);
    expect(await r.json()).toMatchObject({ resultat: 25 }); // (10 + 2,5) × 2
    const manquant = await app.fetch(new Request(`${BASE}/v1/calculs/double-montant`, { method: "POST", body: "{}" }), env);
    await probleme(manquant, 400, "ARGUMENT_MANQUANT");
    const doc = (await (await app.fetch(new Request(`${BASE}/v1/openapi.json`), env)).json()) as { paths: Record<string, { post?: { summary: string } }>; components: { schemas: Record<string, { required: string[] }> } };
    expect(doc.paths["/v1/calculs/double-montant"]?.post?.summary).toBe("Double un montant (fonction de test).");
    expect(doc.components.schemas.Arguments_DOUBLE_MONTANT?.required).toEqual(["montant"]);
    // The application of the Worker itself does not have it.
    await probleme(await poster("/v1/calculs/double-montant", { montant: 1 }), 404, "RESSOURCE_INTROUVABLE");
  });
});

describe("statut et ?expliquer=1 (DESIGN §7)", () => {
  it("taux d'effort : statut officiel (aucun barème), étapes jusqu'au résultat (650 + 120 − 280) / 1 800 = 0,2722", async () => {
    const simple = (await (await poster("/v1/calculs/taux-effort", { loyer: 650, charges: 120, aide_logement: 280, ressources: 1800 })).json()) as Record<string, unknown>;
    expect(simple).toEqual({ resultat: 0.2722, statut: "officiel" });
    const r = await poster("/v1/calculs/taux-effort?expliquer=1", { loyer: 650, charges: 120, aide_logement: 280, ressources: 1800 });
    const x = (await r.json()) as { resultat: number; statut: string; etapes: { valeur: number; operation: { type: string } }[] };
    expect(x.resultat).toBe(0.2722);
    expect(x.etapes.at(-1)!.valeur).toBe(0.2722);
    // The inputs are steps, and 490 = 650 + 120 − 280 appears before the quotient.
    expect(x.etapes.filter((e) => e.operation.type === "entree").map((e) => e.valeur)).toEqual(expect.arrayContaining([650, 120, 280, 1800]));
    expect(x.etapes.some((e) => e.valeur === 490)).toBe(true);
  });

  it("BAREME : statut de la valeur lue — SMIC horaire au 01/06/2025 officiel (décret 2024-951), net mensuel non vérifié, horaire au 01/06/2026 non vérifié", async () => {
    const lire = async (corps: object, expliquer = false) =>
      (await (await poster(`/v1/calculs/bareme${expliquer ? "?expliquer=1" : ""}`, corps)).json()) as { resultat: number; statut: string; etapes?: { bareme?: { id: string; version: string; cle: string; statut: string } }[] };
    const a = await lire({ identifiant: "smic", date: "2025-06-01", cle: "horaireBrut" }, true);
    expect(a).toMatchObject({ resultat: 11.88, statut: "officiel" });
    expect(a.etapes!.find((e) => e.bareme)?.bareme).toMatchObject({ id: "smic", version: "2024-11-01", cle: "horaireBrut", statut: "officiel" });
    expect(await lire({ identifiant: "smic", date: "2025-06-01", cle: "mensuelNet" })).toEqual({ resultat: 1426.3, statut: "non_verifie" });
    const b = await lire({ identifiant: "smic", date: "2026-06-01", cle: "horaireBrut" });
    expect(b).toEqual({ resultat: 12.31, statut: "non_verifie" });
  });

  it("chaque fonction du registre répond avec son statut (toutes savent s'expliquer)", async () => {
    const corps: Record<string, object> = {
      "reste-a-vivre": { ressources: 1800, charges: 1350 },
      "taux-effort": { loyer: 650, charges: 120, aide_logement: 280, ressources: 1800 },
      "plan-apurement": { dette: 1000, duree: 3 },
      "unites-consommation": { personnes_14_plus: 2, enfants_moins_14: 2 },
      "rsa-forfaitaire": { couple: true, enfants: 2, date: "2025-06-01" },
      "quotite-saisissable": { remuneration_mensuelle_nette: 1500, date: "2025-06-01" },
      "capacite-remboursement": { ressources: 1500, charges: 900, date: "2025-06-01" },
      "plafond-ressources": { financement: "PLUS", categorie: 1, zone: "AUTRES", date: "2025-06-01" },
      bareme: { identifiant: "smic", date: "2025-06-01" },
    };
    for (const f of FONCTIONS) {
      const slug = slugCalcul(f.nom);
      expect(corps[slug], `corps d'essai pour ${slug}`).toBeDefined();
      const r = (await (await poster(`/v1/calculs/${slug}?expliquer=1`, corps[slug])).json()) as { statut?: string; etapes?: unknown[] };
      expect(r.statut, slug).toMatch(/^(officiel|calcule|non_verifie|estimation)$/);
      expect(r.etapes?.length, slug).toBeGreaterThan(0);
    }
  });

  it("?expliquer=oui → 400 qui nomme le paramètre", async () => {
    const p = await probleme(await poster("/v1/calculs/taux-effort?expliquer=oui", { loyer: 1, charges: 0, aide_logement: 0, ressources: 1 }), 400, "ENTREE_INVALIDE");
    expect(p.errors?.[0]?.parametre).toBe("expliquer");
  });
});
