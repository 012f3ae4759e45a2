import { describe, expect, it } from "vitest";
import { insererBareme, nomFeuilleUnique, nomTableauUnique, type BaremeAInserer, type ContexteClasseur, type FeuilleClasseur, type PlageClasseur } from "./tableau.ts";
import type { DateISO } from "#shared/date.ts";

// Compile-time proof that the real office.js context fits the slice the insertion uses (npm run typecheck).
export const contexteExcelCompatible = (c: Excel.RequestContext): ContexteClasseur => c;

/** "B12" → [row 12, column 2]. */
function cellule(a: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  const col = [...m[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}
function dimensions(adresse: string): [number, number] {
  const [debut, fin = debut] = adresse.split(":") as [string, string?];
  const [l1, c1] = cellule(debut);
  const [l2, c2] = cellule(fin);
  return [l2 - l1 + 1, c2 - c1 + 1];
}

/**
 * A typed fake of Excel.RequestContext: collections must be loaded and synced before their items are
 * read (as office.js enforces), writes must match the range's size (as Excel does), and every
 * operation is journaled so the test can check what reached the workbook and in what order.
 */
class ClasseurFactice implements ContexteClasseur {
  syncs = 0;
  journal: string[] = [];
  plages = new Map<string, { values?: unknown[][]; numberFormat?: unknown[][]; gras?: boolean; taille?: number }>();
  tableauxAjoutes: { feuille: string; adresse: string; avecEntetes: boolean; name: string; style: string }[] = [];
  feuillesAjoutees: string[] = [];
  activee: string | null = null;
  workbook: ContexteClasseur["workbook"];

  constructor(feuilles: string[], tableaux: string[]) {
    this.workbook = { worksheets: this.collection("feuilles", feuilles, (nom) => this.ajouterFeuille(nom)), tables: this.collection("tableaux", tableaux) };
  }

  private collection(nom: string, noms: string[], add?: (n: string) => FeuilleClasseur) {
    let demande = false;
    let charge = false;
    const soi = this;
    const c = {
      load(p: "items/name") {
        soi.journal.push(`load ${nom} ${p}`);
        demande = true;
        soi.aSynchroniser.push(() => {
          charge = demande;
        });
      },
      get items() {
        if (!charge) throw new Error(`PropertyNotLoaded: ${nom}.items`);
        return noms.map((name) => ({ name }));
      },
      add: add ?? (() => {
        throw new Error("non utilisé");
      }),
    };
    return c;
  }

  private aSynchroniser: (() => void)[] = [];

  async sync(): Promise<void> {
    this.syncs++;
    this.journal.push("sync");
    for (const f of this.aSynchroniser.splice(0)) f();
  }

  private ajouterFeuille(nom: string): FeuilleClasseur {
    this.feuillesAjoutees.push(nom);
    this.journal.push(`add feuille ${nom}`);
    const soi = this;
    return {
      getRange: (adresse: string) => soi.plage(nom, adresse),
      tables: {
        add(adresse: string, avecEntetes: boolean) {
          const t = { feuille: nom, adresse, avecEntetes, name: "Tableau1", style: "TableStyleMedium2" };
          soi.tableauxAjoutes.push(t);
          soi.journal.push(`add tableau ${adresse}`);
          return t;
        },
      },
      activate() {
        soi.activee = nom;
        soi.journal.push(`activate ${nom}`);
      },
    };
  }

  private plage(feuille: string, adresse: string): PlageClasseur {
    const cle = `${feuille}!${adresse}`;
    const etat = this.plages.get(cle) ?? {};
    this.plages.set(cle, etat);
    const soi = this;
    const verifier = (m: unknown[][], quoi: string) => {
      const [l, c] = dimensions(adresse);
      if (m.length !== l || m.some((r) => r.length !== c)) throw new Error(`InvalidArgument: ${quoi} de ${adresse} n'a pas ${l}×${c} cellules`);
    };
    return {
      set values(v: unknown[][]) {
        verifier(v, "values");
        etat.values = v;
        soi.journal.push(`values ${cle}`);
      },
      get values(): unknown[][] {
        throw new Error("PropertyNotLoaded: values");
      },
      set numberFormat(v: unknown[][]) {
        verifier(v, "numberFormat");
        etat.numberFormat = v;
        soi.journal.push(`numberFormat ${cle}`);
      },
      get numberFormat(): unknown[][] {
        throw new Error("PropertyNotLoaded: numberFormat");
      },
      format: {
        font: {
          set bold(b: boolean) {
            etat.gras = b;
          },
          get bold() {
            return etat.gras ?? false;
          },
          set size(t: number) {
            etat.taille = t;
          },
          get size() {
            return etat.taille ?? 11;
          },
        },
        autofitColumns() {
          soi.journal.push(`autofit ${cle}`);
        },
      },
    };
  }
}

const RSA: BaremeAInserer = {
  id: "rsa_montant_forfaitaire",
  libelle: "RSA : montant forfaitaire",
  unite: "€ par mois",
  date: "2026-03-15" as DateISO,
  dateEffet: "2025-04-01" as DateISO,
  source: { texte: "Décret n° 2025-300 du 1er avril 2025", reference: "CASF art. L.262-2, R.262-1", url: "https://www.legifrance.gouv.fr/" },
  statut: "officiel",
  origine: "en ligne",
  lignes: [
    { cle: "montant", valeur: 646.52, statut: "officiel", note: "" },
    { cle: "fractions.t1", valeur: "1/20", statut: "officiel", note: "" },
    { cle: "dom", valeur: null, statut: "non_verifie", note: "=pas une formule" },
  ],
};

describe("inserting a barème as a table", () => {
  it("reads the taken names in one round trip, then writes everything in a second one", async () => {
    const c = new ClasseurFactice(["Feuil1"], []);
    const r = await insererBareme(c, RSA, { autoAjuster: true });
    expect(c.syncs).toBe(2);
    expect(c.journal.slice(0, 3)).toEqual(["load feuilles items/name", "load tableaux items/name", "sync"]);
    expect(c.journal.at(-1)).toBe("sync");
    expect(r).toEqual({ feuille: "rsa_montant_forfaita 2026-03-15", tableau: "Bareme_rsa_montant_forfaitaire_20260315" });
    expect(c.feuillesAjoutees).toEqual(["rsa_montant_forfaita 2026-03-15"]);
    expect(c.activee).toBe("rsa_montant_forfaita 2026-03-15");
  });

  it("writes the description block with the dates as Excel dates and the source", async () => {
    const c = new ClasseurFactice([], []);
    await insererBareme(c, RSA, { autoAjuster: false });
    const bloc = c.plages.get("rsa_montant_forfaita 2026-03-15!A1:B10")!;
    // 2026-03-15: 46023 (1 January 2026) + 31 + 28 + 14 = 46096; 2025-04-01: 45658 + 31 + 28 + 31 = 45748.
    expect(bloc.values).toEqual([
      ["RSA : montant forfaitaire", ""],
      ["Barème", "rsa_montant_forfaitaire"],
      ["En vigueur au", 46096],
      ["Version du", 45748],
      ["Unité", "€ par mois"],
      ["Texte", "Décret n° 2025-300 du 1er avril 2025"],
      ["Référence", "CASF art. L.262-2, R.262-1"],
      ["Adresse", "https://www.legifrance.gouv.fr/"],
      ["Statut", "officiel"],
      ["Données", "en ligne"],
    ]);
    expect(bloc.numberFormat![2]).toEqual(["@", "dd/mm/yyyy"]);
    expect(bloc.numberFormat![5]).toEqual(["@", "@"]);
    const titre = c.plages.get("rsa_montant_forfaita 2026-03-15!A1")!;
    expect(titre.gras).toBe(true);
  });

  it("writes the values as an Excel table with headers, numbers as numbers and texts as text", async () => {
    const c = new ClasseurFactice([], []);
    await insererBareme(c, RSA, { autoAjuster: false });
    expect(c.tableauxAjoutes).toEqual([
      { feuille: "rsa_montant_forfaita 2026-03-15", adresse: "A12:E15", avecEntetes: true, name: "Bareme_rsa_montant_forfaitaire_20260315", style: "TableStyleLight9" },
    ]);
    const plage = c.plages.get("rsa_montant_forfaita 2026-03-15!A12:E15")!;
    // The French label (shared/baremes/libelles.ts) before the key users type in =LOGSOC.BAREME.
    expect(plage.values).toEqual([
      ["Libellé", "Clé", "Valeur", "Statut", "Note"],
      ["Montant forfaitaire, personne seule", "montant", 646.52, "officiel", ""],
      ["Fractions, t1", "fractions.t1", "1/20", "officiel", ""],
      ["Dom", "dom", "", "non vérifié", "=pas une formule"],
    ]);
    expect(plage.numberFormat!.map((l) => l[2])).toEqual(["@", "General", "@", "@"]);
    expect(plage.numberFormat!.every((l) => l[0] === "@" && l[1] === "@" && l[4] === "@")).toBe(true);
  });

  it("formats every cell before writing it, so a fraction never becomes a date nor a note a formula", async () => {
    const c = new ClasseurFactice([], []);
    await insererBareme(c, RSA, { autoAjuster: false });
    for (const cle of c.plages.keys()) {
      const f = c.journal.indexOf(`numberFormat ${cle}`);
      const v = c.journal.indexOf(`values ${cle}`);
      if (v >= 0) expect(f, cle).toBeGreaterThanOrEqual(0);
      if (v >= 0) expect(f, cle).toBeLessThan(v);
    }
  });

  it("auto-fits the columns only where Excel supports it (ExcelApi 1.2)", async () => {
    const avec = new ClasseurFactice([], []);
    await insererBareme(avec, RSA, { autoAjuster: true });
    expect(avec.journal.some((l) => l.startsWith("autofit"))).toBe(true);
    const sans = new ClasseurFactice([], []);
    await insererBareme(sans, RSA, { autoAjuster: false });
    expect(sans.journal.some((l) => l.startsWith("autofit"))).toBe(false);
  });

  it("never reuses a sheet or table name already in the workbook", async () => {
    const c = new ClasseurFactice(["RSA_MONTANT_FORFAITA 2026-03-15"], ["bareme_rsa_montant_forfaitaire_20260315"]);
    const r = await insererBareme(c, RSA, { autoAjuster: false });
    expect(r.feuille).toBe("rsa_montant_forf 2026-03-15 (2)");
    expect(r.tableau).toBe("Bareme_rsa_montant_forfaitaire_20260315_2");
  });
});

describe("Excel names", () => {
  it("keeps sheet names within 31 characters, without forbidden characters, unique regardless of case", () => {
    expect(nomFeuilleUnique("a/b:c?d*e[f]g\\h", "", [])).toBe("a b c d e f g h");
    expect(nomFeuilleUnique("x".repeat(40), " 2026-01-01", [])).toBe(`${"x".repeat(20)} 2026-01-01`);
    expect(nomFeuilleUnique("Barème", "", ["barème", "Barème (2)"])).toBe("Barème (3)");
  });

  it("makes table names from letters, digits and underscores", () => {
    expect(nomTableauUnique("plafonds-ressources 2026", [])).toBe("Bareme_plafonds_ressources_2026");
  });
});
