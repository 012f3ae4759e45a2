import { describe, expect, it } from "vitest";
import { avisHote, detecterHote, type OfficeMinimal } from "./hote.ts";
import { formatValeur, lignesBareme, resumeLibelles, valeursAVerifier } from "./presentation.ts";
import type { CatalogueBaremes } from "#shared/baremes/index.ts";
import { ErreurLogsoc } from "#shared/errors.ts";
import type { DateISO } from "#shared/date.ts";
import { comparerVersions } from "../build/versions.ts";

function office(host: string | null, ensembles: Record<string, string> = {}): OfficeMinimal {
  return {
    onReady: async () => ({ host, platform: host === null ? null : "OfficeOnline" }),
    // Requirement-set versions compare part by part: 1.17 is after 1.2.
    context: { requirements: { isSetSupported: (nom, version = "1.1") => nom in ensembles && comparerVersions(ensembles[nom]!, version) >= 0 } },
  };
}
const EXCEL_RECENT = { CustomFunctionsRuntime: "1.4", SharedRuntime: "1.2", ExcelApi: "1.17" };

describe("where the pane runs", () => {
  it("outside Office (no office.js, or office.js in a plain browser): barèmes only, with a French notice", async () => {
    for (const h of [await detecterHote(undefined), await detecterHote(office(null))]) {
      expect(h).toEqual({ type: "hors-office" });
      expect(avisHote(h)!.texte).toMatch(/ouvrez LogSoc depuis Excel/);
    }
  });

  it("in recent Excel: everything, no notice", async () => {
    const h = await detecterHote(office("Excel", EXCEL_RECENT));
    expect(h).toEqual({ type: "excel", fonctions: true, insertion: true, autoAjustement: true, classeur: true });
    expect(avisHote(h)).toBeNull();
  });

  it("in Excel with custom functions but before ExcelApi 1.9: templates, check and exercises are said unavailable, the rest works", async () => {
    const h = await detecterHote(office("Excel", { ...EXCEL_RECENT, ExcelApi: "1.8" }));
    expect(h).toEqual({ type: "excel", fonctions: true, insertion: true, autoAjustement: true, classeur: false });
    const a = avisHote(h)!;
    expect(a.titre).toBe("Modèles, contrôle et exercices indisponibles dans cette version d'Excel");
    expect(a.texte).toMatch(/Microsoft 365, Excel 2021 ou plus récent/);
    expect(a.texte).toMatch(/Les fonctions =LOGSOC\.…, les barèmes et leur insertion fonctionnent/);
  });

  it("in Excel without custom functions or the shared runtime: says the functions are unavailable and what still works", async () => {
    for (const ensembles of [{ ExcelApi: "1.9" }, { ExcelApi: "1.9", CustomFunctionsRuntime: "1.1" }] as Record<string, string>[]) {
      const h = await detecterHote(office("Excel", ensembles));
      expect(h).toMatchObject({ type: "excel", fonctions: false, insertion: true, classeur: true });
      const a = avisHote(h)!;
      expect(a.titre).toBe("Fonctions LOGSOC indisponibles dans cette version d'Excel");
      expect(a.texte).toMatch(/ni sur iPad, ni dans Office 2021 et antérieur en licence en volume sur Windows/);
      expect(a.texte).toMatch(/l'insertion des barèmes et des modèles, le contrôle et les exercices fonctionnent/);
      expect(a.texte).toMatch(/modèles de classeur/);
    }
    const ancien = await detecterHote(office("Excel", { ExcelApi: "1.7" }));
    expect(ancien).toMatchObject({ fonctions: false, insertion: true, classeur: false });
    expect(avisHote(ancien)!.texte).toMatch(/l'insertion des modèles, le contrôle et les exercices demandent aussi une version plus récente/);
  });

  it("in an Excel too old for the JavaScript API, or in another Office application: says so", async () => {
    expect(avisHote(await detecterHote(office("Excel", {})))!.titre).toBe("Version d'Excel trop ancienne");
    const word = await detecterHote(office("Word", { WordApi: "1.3" }));
    expect(word).toEqual({ type: "autre-application", nom: "Word" });
    expect(avisHote(word)!.texte).toMatch(/ne fonctionne pas dans Word/);
  });
});

describe("presenting a barème version", () => {
  it("flattens the values with each one's status and note", () => {
    const lignes = lignesBareme({
      valeurs: { horaireBrut: 12.02, groupe: { a: "1/20", b: null } },
      statut: "officiel",
      statutsCellules: [{ cle: "groupe.b", statut: "estimation", note: "Calculée faute de source." }],
    });
    expect(lignes).toEqual([
      { cle: "horaireBrut", valeur: 12.02, statut: "officiel", note: "" },
      { cle: "groupe.a", valeur: "1/20", statut: "officiel", note: "" },
      { cle: "groupe.b", valeur: null, statut: "estimation", note: "Calculée faute de source." },
    ]);
    expect(lignesBareme({ valeurs: { x: null }, statut: "officiel" })[0]!.note).toBe("Valeur non disponible : aucune source ne la donne.");
  });

  it("writes dates and numbers as a French reader expects", () => {
    expect(formatValeur(1823.03)).toBe("1\u202f823,03");
    expect(formatValeur(-0.5)).toBe("−0,5");
    expect(formatValeur(null)).toBe("—");
    expect(formatValeur(true)).toBe("oui");
    expect(formatValeur("1/20")).toBe("1/20");
  });
});

describe("the status of the barèmes in use", () => {
  const version = (dateEffet: string, valeurs: unknown, extra: object = {}) => ({ dateEffet, valeurs, statut: "officiel", source: { texte: "t", reference: "r" }, origine: "integree", ...extra });
  const baremes = [
    {
      id: "smic",
      libelle: "SMIC",
      versions: [
        version("2025-01-01", { horaireBrut: 11.88, mensuelBrut: 1801.8, mensuelNet: null }),
        version("2026-01-01", { horaireBrut: 12.02, mensuelBrut: 1823.03, mensuelNet: null }, { statut: "non_verifie", lacunes: ["Décret non lu."] }),
      ],
    },
    {
      id: "reperes_taux_effort",
      libelle: "Repères de taux d'effort",
      versions: [
        version("2022-01-01", { organismesHlm: { utilisateur: "Organismes HLM", nature: "fourchette", unite: "fraction", depuis: "2011", minimum: 0.2, maximum: 0.3 } }, {
          statutsCellules: [{ cle: "organismesHlm", statut: "estimation", note: "Pratique décrite sur un blog." }],
        }),
      ],
    },
  ];
  const catalogue = {
    liste: () => baremes,
    enVigueur: (id: string, date: string) => {
      const v = baremes.find((b) => b.id === id)!.versions.filter((x) => x.dateEffet <= date).at(-1);
      if (!v) throw new ErreurLogsoc("BAREME_NON_EN_VIGUEUR", "aucune version", ["date"]);
      return v;
    },
  } as unknown as CatalogueBaremes;

  it("lists the figures in force that are estimates or unverified, with the reason, and leaves out texts and missing values", () => {
    expect(valeursAVerifier(catalogue, "2026-03-01" as DateISO)).toEqual([
      { bareme: "smic", libelleBareme: "SMIC", dateEffet: "2026-01-01", groupes: [{ statut: "non_verifie", libelles: ["Taux horaire brut", "Montant mensuel brut (35 h par semaine)"], note: "Décret non lu." }] },
      { bareme: "reperes_taux_effort", libelleBareme: "Repères de taux d'effort", dateEffet: "2022-01-01", groupes: [{ statut: "estimation", libelles: ["Organismes HLM, minimum", "Organismes HLM, maximum"], note: "Pratique décrite sur un blog." }] },
    ]);
    // The 2025 SMIC is official: only the repères remain to flag.
    expect(valeursAVerifier(catalogue, "2025-06-01" as DateISO).map((b) => b.bareme)).toEqual(["reperes_taux_effort"]);
  });

  it("shortens long lists of labels", () => {
    expect(resumeLibelles(["A"])).toBe("A");
    expect(resumeLibelles(["A", "B"])).toBe("A et B");
    expect(resumeLibelles(["A", "B", "C"])).toBe("A ; B et C");
    expect(resumeLibelles(["A", "B", "C", "D"])).toBe("A ; B ; C et 1 autre valeur");
    expect(resumeLibelles(["A", "B", "C", "D", "E"])).toBe("A ; B ; C et 2 autres valeurs");
  });
});
