import { describe, expect, it } from "vitest";
import type { DateISO } from "#shared/date.ts";
import { versSerieExcel } from "#shared/date.ts";
import { construireModele } from "#shared/modeles/index.ts";
import { decomposerPlage, lettreColonne, resoudreFormule } from "#shared/modeles/formules.ts";
import { TYPES_MODELES, type SpecModele } from "#shared/modeles/spec.ts";
import { compresserAdresses, insererModele, largeurEnPoints, nomsFeuillesUniques, type ContexteModele, type FeuilleModele, type FormatModele, type MiseEnPageModele, type PlageModele, type ZonesModele } from "./rendu.ts";

// Compile-time proof that the real office.js context fits the slice the renderer uses (npm run typecheck).
export const contexteExcelCompatible = (c: Excel.RequestContext): ContexteModele => c;

const DATE = "2026-11-26" as DateISO;

/** Every cell an address list covers ("A1:B2,D5" → A1, A2, B1, B2, D5). */
function cellules(adresses: string): string[] {
  return adresses.split(",").flatMap((a) => {
    const { debut, fin } = decomposerPlage(a.trim());
    const refs: string[] = [];
    for (let c = debut.colonne; c <= fin.colonne; c++) for (let l = debut.ligne; l <= fin.ligne; l++) refs.push(`${lettreColonne(c)}${l}`);
    return refs;
  });
}

type Cellule = { formule?: unknown; format?: unknown; style: Record<string, unknown>; validation?: { rule: unknown; errorAlert: unknown; prompt: unknown } };

/** A recording format: every property set is kept, per cell it applies to. */
function formatEnregistreur(refs: string[], feuille: FeuilleFactice): FormatModele {
  const poser = (cle: string, v: unknown) => {
    for (const r of refs) feuille.cellule(r).style[cle] = v;
  };
  const objet = (prefixe: string) =>
    new Proxy({} as Record<string, unknown>, {
      set(_t, p, v) {
        poser(`${prefixe}.${String(p)}`, v);
        return true;
      },
    });
  const font = objet("font");
  const fill = objet("fill");
  const protection = objet("protection");
  return new Proxy({} as FormatModele, {
    get(_t, p) {
      if (p === "font") return font;
      if (p === "fill") return fill;
      if (p === "protection") return protection;
      if (p === "borders") return { getItem: (cote: string) => objet(`border.${cote}`) };
      return undefined;
    },
    set(_t, p, v) {
      poser(String(p), v);
      return true;
    },
  });
}

class FeuilleFactice implements FeuilleModele {
  readonly name: string;
  readonly existante: boolean;
  readonly contenu = new Map<string, Cellule>();
  readonly largeurs = new Map<string, number>();
  readonly fusions: string[] = [];
  readonly nomsLocaux: { nom: string; ref: string; commentaire?: string }[] = [];
  visibility = "Visible";
  protegee = false;
  figees = 0;
  ecritures = 0;
  readonly hauteurs = new Map<number, number>();
  readonly sauts: string[] = [];
  zoneImpression: string | null = null;
  titresImpression: string | null = null;
  readonly pageLayout: MiseEnPageModele;
  readonly horizontalPageBreaks = {
    add: (plage: string) => {
      this.classeur.operations++;
      this.sauts.push(plage);
    },
  };
  private readonly classeur: ClasseurFactice;

  constructor(name: string, classeur: ClasseurFactice, existante: boolean) {
    this.name = name;
    this.classeur = classeur;
    this.existante = existante;
    const feuille = this;
    this.pageLayout = {
      orientation: "Portrait",
      paperSize: "Letter",
      zoom: {},
      centerHorizontally: false,
      leftMargin: 0,
      rightMargin: 0,
      topMargin: 0,
      bottomMargin: 0,
      headerMargin: 0,
      footerMargin: 0,
      setPrintArea(plage: string) {
        feuille.classeur.operations++;
        feuille.zoneImpression = plage;
      },
      setPrintTitleRows(lignes: string) {
        feuille.classeur.operations++;
        feuille.titresImpression = lignes;
      },
      headersFooters: { defaultForAllPages: { leftFooter: "", centerFooter: "", rightFooter: "" } },
    };
  }

  cellule(ref: string): Cellule {
    if (!this.contenu.has(ref)) this.contenu.set(ref, { style: {} });
    return this.contenu.get(ref)!;
  }

  getRange(adresse: string): PlageModele {
    this.classeur.operations++;
    const feuille = this;
    if (/^[A-Z]+:[A-Z]+$/.test(adresse)) {
      return {
        format: new Proxy({} as FormatModele & { columnWidth: number }, {
          set(_t, p, v) {
            if (p === "columnWidth") feuille.largeurs.set(adresse.split(":")[0]!, v as number);
            return true;
          },
        }),
      } as PlageModele;
    }
    const { debut, fin } = decomposerPlage(adresse);
    const ecrire = (cle: "formule" | "format", matrice: unknown[][]) => {
      feuille.ecritures++;
      if (matrice.length !== fin.ligne - debut.ligne + 1 || matrice.some((l) => l.length !== fin.colonne - debut.colonne + 1)) {
        feuille.classeur.erreurs.push(`${adresse} : matrice de taille incorrecte`);
      }
      matrice.forEach((ligne, i) => ligne.forEach((v, j) => (feuille.cellule(`${lettreColonne(debut.colonne + j)}${debut.ligne + i}`)[cle] = v)));
    };
    return {
      set formulas(m: unknown[][]) {
        ecrire("formule", m);
      },
      set numberFormat(m: unknown[][]) {
        ecrire("format", m);
      },
      format: formatEnregistreur(cellules(adresse), feuille),
      merge: () => {
        feuille.fusions.push(adresse);
      },
      adresse,
      feuille: feuille.name,
    } as unknown as PlageModele;
  }

  getRanges(adresses: string): ZonesModele {
    this.classeur.operations++;
    if (/^\d+:\d+(,\d+:\d+)*$/.test(adresses)) {
      const feuille = this;
      return {
        format: new Proxy({} as ZonesModele["format"], {
          set(_t, p, v) {
            if (p !== "rowHeight") throw new Error(`Lignes entières : seule la hauteur est attendue (${String(p)})`);
            for (const plage of adresses.split(",")) {
              const [a, b] = plage.split(":").map(Number) as [number, number];
              for (let l = a; l <= b; l++) feuille.hauteurs.set(l, v as number);
            }
            return true;
          },
        }),
      } as ZonesModele;
    }
    const refs = cellules(adresses);
    const feuille = this;
    return {
      format: formatEnregistreur(refs, this) as ZonesModele["format"],
      dataValidation: new Proxy({} as ZonesModele["dataValidation"], {
        set(_t, p, v) {
          for (const r of refs) {
            const c = feuille.cellule(r);
            c.validation ??= { rule: undefined, errorAlert: undefined, prompt: undefined };
            (c.validation as Record<string, unknown>)[String(p)] = v;
          }
          return true;
        },
      }),
    };
  }

  names = {
    add: (nom: string, reference: PlageModele | string, commentaire?: string) => {
      this.classeur.operations++;
      this.nomsLocaux.push({ nom, ref: typeof reference === "string" ? reference : (reference as unknown as { adresse: string }).adresse, commentaire: commentaire ?? "" });
    },
  };

  freezePanes = { freezeRows: (n?: number) => void (this.figees = n ?? 0) };
  protection = { protect: () => void (this.protegee = true) };
  activate(): void {
    this.classeur.active = this.name;
  }
}

/**
 * A typed fake of Excel.RequestContext: collections must be loaded and synced before their items are
 * read (as office.js enforces); adding a sheet or a workbook name that exists fails at the next sync
 * (as Excel does); every proxy call is counted, and every cell written is kept for the checks.
 */
class ClasseurFactice implements ContexteModele {
  syncs = 0;
  operations = 0;
  erreurs: string[] = [];
  active: string | null = null;
  readonly feuilles: FeuilleFactice[];
  readonly nomsClasseur: { nom: string; feuille: string; ref: string; commentaire?: string }[];
  private chargees = new Set<string>();
  private demandees = new Set<string>();
  workbook: ContexteModele["workbook"];

  constructor(feuillesExistantes: string[], nomsExistants: string[] = []) {
    this.feuilles = feuillesExistantes.map((n) => new FeuilleFactice(n, this, true));
    this.nomsClasseur = nomsExistants.map((nom) => ({ nom, feuille: feuillesExistantes[0]!, ref: "A1" }));
    const soi = this;
    this.workbook = {
      worksheets: {
        load(p: "items/name") {
          soi.operations++;
          soi.demandees.add(`feuilles ${p}`);
        },
        get items() {
          if (!soi.chargees.has("feuilles items/name")) throw new Error("PropertyNotLoaded : worksheets.items lu sans load() ni sync()");
          return soi.feuilles.map((f) => ({ name: f.name }));
        },
        add(nom: string) {
          soi.operations++;
          if (soi.feuilles.some((f) => f.name.toLowerCase() === nom.toLowerCase())) soi.erreurs.push(`ItemAlreadyExists : la feuille ${nom} existe déjà`);
          const f = new FeuilleFactice(nom, soi, false);
          soi.feuilles.push(f);
          return f;
        },
      },
      names: {
        load(p: "items/name") {
          soi.operations++;
          soi.demandees.add(`noms ${p}`);
        },
        get items() {
          if (!soi.chargees.has("noms items/name")) throw new Error("PropertyNotLoaded : names.items lu sans load() ni sync()");
          return soi.nomsClasseur.map((n) => ({ name: n.nom }));
        },
        add(nom: string, reference: PlageModele, commentaire?: string) {
          soi.operations++;
          if (soi.nomsClasseur.some((n) => n.nom.toUpperCase() === nom.toUpperCase())) soi.erreurs.push(`ItemAlreadyExists : le nom ${nom} existe déjà`);
          const cible = reference as unknown as { adresse: string; feuille: string };
          soi.nomsClasseur.push({ nom, feuille: cible.feuille, ref: cible.adresse, commentaire: commentaire ?? "" });
        },
      },
    };
  }

  async sync(): Promise<void> {
    this.syncs++;
    for (const d of this.demandees) this.chargees.add(d);
    this.demandees.clear();
    if (this.erreurs.length > 0) throw new Error(this.erreurs.join(" ; "));
  }

  feuille(nom: string): FeuilleFactice {
    const f = this.feuilles.find((x) => x.name === nom);
    if (!f) throw new Error(`Pas de feuille ${nom}`);
    return f;
  }
}

const modeles = Object.fromEntries(TYPES_MODELES.map((t) => [t, construireModele(t, { date: DATE })])) as Record<(typeof TYPES_MODELES)[number], SpecModele>;

describe("insererModele : rendu office.js d'un modèle", () => {
  it.each(TYPES_MODELES)("%s : au plus 3 synchronisations (2), et peu d'opérations quelle que soit la taille", async (type) => {
    const c = new ClasseurFactice(["Feuil1"]);
    await insererModele(c, modeles[type]);
    expect(c.syncs).toBeLessThanOrEqual(3);
    expect(c.syncs).toBe(2);
    // The 600-row schedule (3 600 formulas) goes in a handful of writes, not one call per cell.
    const cellulesSpec = modeles[type].feuilles.reduce((n, f) => n + f.cellules.length, 0);
    expect(c.operations).toBeLessThan(Math.min(300, cellulesSpec));
    expect(c.erreurs).toEqual([]);
  });

  it("écrit chaque cellule du modèle : formules (noms de feuilles réels), valeurs, dates en numéros de série, formats", async () => {
    for (const type of TYPES_MODELES) {
      const spec = modeles[type];
      const c = new ClasseurFactice(["Feuil1"]);
      const r = await insererModele(c, spec);
      for (const f of spec.feuilles) {
        const feuille = c.feuille(r.feuilles[f.cle]!);
        for (const cel of f.cellules) {
          const ecrite = feuille.contenu.get(cel.ref);
          const attendu =
            cel.formule !== undefined ? `=${resoudreFormule(cel.formule, r.feuilles)}`
            : cel.valeur === undefined ? ""
            : typeof cel.valeur === "object" ? ("date" in cel.valeur ? versSerieExcel(cel.valeur.date) : r.feuilles[cel.valeur.nomFeuille])
            : cel.valeur;
          expect(ecrite?.formule, `${f.nom}!${cel.ref}`).toEqual(attendu);
          if (cel.format) expect(ecrite?.format, `${f.nom}!${cel.ref}`).toBe(cel.format);
          if (cel.formule !== undefined) expect(ecrite?.format).not.toBe("@");
        }
        expect(feuille.protegee).toBe(f.protegee);
        expect(feuille.visibility).toBe(f.visibilite === "masquee" ? "Hidden" : "Visible");
        expect(feuille.fusions).toEqual(f.fusions);
        f.colonnes.forEach((l, i) => expect(feuille.largeurs.get(lettreColonne(i + 1))).toBe(largeurEnPoints(l)));
        if (f.figerLignes) expect(feuille.figees).toBe(f.figerLignes);
      }
      expect(c.active).toBe(r.feuilles[spec.feuilles[0]!.cle]);
    }
  });

  it("déverrouille les saisies (et elles seules), pose les validations et les aides", async () => {
    const spec = modeles.evaluation;
    const c = new ClasseurFactice(["Feuil1"]);
    const r = await insererModele(c, spec);
    for (const f of spec.feuilles) {
      const feuille = c.feuille(r.feuilles[f.cle]!);
      for (const cel of f.cellules) {
        const ecrite = feuille.contenu.get(cel.ref)!;
        expect(ecrite.style["protection.locked"], `${f.nom}!${cel.ref}`).toBe(cel.saisie ? false : undefined);
        if (cel.validation) {
          expect(ecrite.validation?.errorAlert).toEqual({ showAlert: true, style: "Stop", title: "Valeur non valide", message: cel.validation.message });
          if (cel.aide) expect(ecrite.validation?.prompt).toEqual({ showPrompt: true, title: "Aide", message: cel.aide });
        } else {
          expect(ecrite.validation).toBeUndefined();
        }
      }
    }
    const couple = spec.feuilles[0]!.cellules.find((x) => x.id === "foyer.couple")!;
    expect(c.feuille("Évaluation").contenu.get(couple.ref)!.validation!.rule).toEqual({ list: { inCellDropDown: true, source: "Oui,Non" } });
  });

  it("n'écrase rien : feuilles renommées « (2) », formules et métadonnées suivent, noms déjà pris ajoutés à la feuille", async () => {
    const spec = modeles.apurement;
    const c = new ClasseurFactice(["Plan d'apurement", "barèmes", "LogSoc_meta", "Budget"], ["DETTE", "Total_Rembourse"]);
    const r = await insererModele(c, spec);
    expect(r.feuilles).toEqual({ plan: "Plan d'apurement (2)", baremes: "Barèmes (2)", meta: "LogSoc_meta (2)" });
    expect(r.masquees).toEqual(["LogSoc_meta (2)"]);
    for (const f of c.feuilles.filter((x) => x.existante)) expect(f.contenu.size + f.nomsLocaux.length).toBe(0);
    const plan = c.feuille("Plan d'apurement (2)");
    const b12 = plan.contenu.get("B12")!.formule as string;
    expect(b12).toContain("'Barèmes (2)'!$B$");
    expect(b12).not.toMatch(/'Barèmes'!/);
    const meta = c.feuille("LogSoc_meta (2)");
    const valeurs = [...meta.contenu.values()].map((x) => x.formule);
    expect(valeurs).toEqual(expect.arrayContaining(["Plan d'apurement (2)", "Barèmes (2)", "LogSoc_meta (2)"]));
    expect(meta.visibility).toBe("Hidden");
    expect(r.noms).toEqual([
      { nom: "DETTE", portee: "feuille", feuille: "Plan d'apurement (2)" },
      { nom: "MENSUALITE", portee: "classeur", feuille: "Plan d'apurement (2)" },
      { nom: "DUREE", portee: "classeur", feuille: "Plan d'apurement (2)" },
      { nom: "TOTAL_REMBOURSE", portee: "feuille", feuille: "Plan d'apurement (2)" },
    ]);
    expect(plan.nomsLocaux.filter((n) => n.nom !== "Print_Area").map((n) => [n.nom, n.ref])).toEqual([
      ["DETTE", "B13"],
      ["TOTAL_REMBOURSE", "B17"],
    ]);
    expect(c.nomsClasseur.filter((n) => n.nom === "MENSUALITE")).toEqual([{ nom: "MENSUALITE", feuille: "Plan d'apurement (2)", ref: "B14", commentaire: expect.stringContaining("Mensualité") }]);
  });

  it("deux insertions du même modèle dans un classeur : la seconde prend « (2) » et garde 2 synchronisations", async () => {
    const c = new ClasseurFactice(["Feuil1"]);
    await insererModele(c, modeles.evaluation);
    const syncs = c.syncs;
    const r = await insererModele(c, modeles.evaluation);
    expect(c.syncs - syncs).toBe(2);
    expect(r.feuilles.evaluation).toBe("Évaluation (2)");
    expect(r.noms.every((n) => n.portee === "feuille")).toBe(true);
    expect(c.erreurs).toEqual([]);
  });

  it("un refus d'Excel devient une erreur française qui nomme le modèle", async () => {
    const c = new ClasseurFactice(["Feuil1"]);
    c.erreurs.push("GeneralException");
    // The first sync fails before anything is written.
    await expect(insererModele(c, modeles.competences)).rejects.toThrow("GeneralException");
    const d = new ClasseurFactice(["Feuil1"]);
    const sync = d.sync.bind(d);
    d.sync = async () => {
      await sync();
      if (d.syncs === 2) throw new Error("InvalidArgument");
    };
    await expect(insererModele(d, modeles.competences)).rejects.toThrow(/Excel a refusé l'insertion du modèle « Grille de compétences RS3474 » : InvalidArgument/);
  });
});

describe("insererModele : mise en page (DESIGN.md §6 « Paper-ready »)", () => {
  it("A4, ajusté à la largeur, pied de page (modèle et feuille, date des barèmes, page x/y), zone sans les calculs intermédiaires", async () => {
    const c = new ClasseurFactice(["Feuil1"]);
    await insererModele(c, modeles.evaluation);
    const ev = c.feuille("Évaluation");
    expect(ev.pageLayout.paperSize).toBe("A4");
    expect(ev.pageLayout.orientation).toBe("Portrait");
    expect(ev.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    // Columns E:F hold the « Calculs intermédiaires »: the print area stops at D (the ⚠ status marks).
    expect(ev.zoneImpression).toMatch(/^A1:D\d+$/);
    const pied = ev.pageLayout.headersFooters.defaultForAllPages;
    expect(pied.leftFooter).toBe("&8Évaluation économique de la famille : &A");
    // Date and page share the right section (a centred text ran over long sheet names): see piedDePage.
    expect(pied.centerFooter).toBe("&8");
    expect(pied.rightFooter).toBe("&8Barèmes en vigueur au 26/11/2026\nPage &P / &N");
    // Page 2 starts with the « Dettes » section, never inside a table.
    expect(ev.sauts).toHaveLength(1);
    expect(ev.contenu.get(ev.sauts[0]!)!.formule).toBe("Dettes");
    const bar = c.feuille("Barèmes");
    expect(bar.pageLayout.orientation).toBe("Landscape");
    expect(bar.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
    // The hidden metadata sheet is not printed: no page set-up at all.
    expect(c.feuille("LogSoc_meta").zoneImpression).toBeNull();
  });

  it("plan d'apurement : zone d'impression dynamique d'Excel, jusqu'au bloc de signatures après la dernière échéance ; en-tête de l'échéancier répété", async () => {
    const c = new ClasseurFactice(["Feuil1"]);
    await insererModele(c, modeles.apurement);
    const plan = c.feuille("Plan d'apurement");
    // Rows 1–37 (parameters, header row 37), one row per instalment from row 38, then the 16 lines of the
    // signature block: the area ends at row 37 + n + 16, n being the count in I9.
    expect(plan.nomsLocaux.find((n) => n.nom === "Print_Area")?.ref).toBe("='Plan d''apurement'!$A$1:INDEX('Plan d''apurement'!$F:$F,53+'Plan d''apurement'!$I$9)");
    expect(plan.zoneImpression).toBeNull();
    expect(plan.titresImpression).toBe("$37:$37");
  });

  it("lignes à texte renvoyé : hauteur posée (LibreOffice et le fichier ne l'ajustent pas), en un appel par hauteur", async () => {
    const c = new ClasseurFactice(["Feuil1"]);
    await insererModele(c, modeles.apurement);
    const plan = c.feuille("Plan d'apurement");
    // A7 « Durée en mois (facultatif ; durée maximale si une mensualité est saisie) »: 74 characters in a
    // 46-wide column (about 50 characters a line) → two lines of 15 points.
    expect(plan.hauteurs.get(7)).toBe(30);
    // Every other row of a plan gets Excel's 15 points explicitly, so that LibreOffice paginates alike.
    expect(plan.hauteurs.get(5)).toBe(15);
    expect(plan.hauteurs.get(38 + 600 + 16 - 1)).toBe(15);
  });
});

describe("outils du rendu", () => {
  it("noms de feuilles uniques sans tenir compte de la casse, 31 caractères au plus", () => {
    expect(nomsFeuillesUniques(["Barèmes", "Barèmes"], ["BARÈMES", "Barèmes (2)"])).toEqual(["Barèmes (3)", "Barèmes (4)"]);
    expect(nomsFeuillesUniques(["A".repeat(31)], ["A".repeat(31)])).toEqual([`${"A".repeat(27)} (2)`]);
  });

  it("regroupe les cellules en rectangles", () => {
    expect(compresserAdresses(["A1", "A2", "A3", "B1", "B2", "B3", "D7"])).toEqual(["A1:B3", "D7"]);
    expect(compresserAdresses(["C5", "C7", "C6", "B9"])).toEqual(["B9", "C5:C7"]);
  });
});
