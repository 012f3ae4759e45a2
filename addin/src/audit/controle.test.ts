import { describe, expect, it } from "vitest";
import type { DateISO } from "#shared/date.ts";
import { auditerClasseur } from "#shared/audit/audit.ts";
import { decomposerPlage, lettreColonne } from "#shared/modeles/formules.ts";
import { avecSaisies, type SpecModele } from "#shared/modeles/spec.ts";
import { ecrireXlsx } from "#shared/modeles/xlsx.ts";
import { construireModele } from "#shared/modeles/index.ts";
import { construireExercice } from "#shared/exercices/index.ts";
import { contenuMutable } from "../../../tests/audit/outils.ts";
import { lireClasseurXlsx } from "#shared/audit/fichierXlsx.ts";
import { controlerClasseur, type ContexteControle, type FeuilleEcrite, type FormatEcrit, type PlageEcrite } from "./controle.ts";
import { lireClasseurExcel, type FeuilleLueExcel, type PlageLue } from "./lecteurExcel.ts";
import { Budget } from "#shared/audit/limites.ts";
import { TITRE_RAPPORT } from "./feuilleControle.ts";

// Compile-time proof that the real office.js context fits the slices the adapter uses (npm run typecheck).
export const contexteExcelCompatible = (c: Excel.RequestContext): ContexteControle => c;

const DATE = "2025-06-01" as DateISO;

function refsDe(adresses: string): string[] {
  return adresses.split(",").flatMap((a) => {
    const { debut, fin } = decomposerPlage(a.trim());
    const r: string[] = [];
    for (let l = debut.ligne; l <= fin.ligne; l++) for (let c = debut.colonne; c <= fin.colonne; c++) r.push(`${lettreColonne(c)}${l}`);
    return r;
  });
}

interface CelluleFactice {
  valeur?: unknown;
  formule?: string;
  format: Record<string, unknown>;
  lien?: unknown;
}

/**
 * A typed fake of Excel.RequestContext. As office.js: properties are readable only after load() and
 * sync(); writes are queued and applied at sync(), where a refused operation fails the whole batch
 * (unprotecting a sheet protected by a password). Every operation is journaled, per sheet.
 */
class ClasseurFactice implements ContexteControle {
  syncs = 0;
  journal: string[] = [];
  private enAttente: (() => void)[] = [];
  private charges = new Set<string>();
  readonly feuilles: FeuilleFactice[] = [];
  readonly nomsClasseur = new Map<string, string>();
  workbook: ContexteControle["workbook"];

  constructor() {
    const soi = this;
    this.workbook = {
      worksheets: {
        load(p: string) {
          soi.journal.push(`load feuilles ${p}`);
          soi.enAttente.push(() => soi.charges.add("feuilles"));
        },
        get items(): FeuilleLueExcel[] {
          if (!soi.charges.has("feuilles")) throw new Error("PropertyNotLoaded : worksheets.items");
          return soi.feuilles.map((f) => f.lue());
        },
        add(nom: string) {
          soi.journal.push(`add ${nom}`);
          const f = new FeuilleFactice(nom, soi);
          soi.enAttente.push(() => soi.feuilles.push(f));
          return f.ecrite();
        },
        getItem(nom: string) {
          const f = soi.feuilles.find((x) => x.nom === nom);
          if (!f) throw new Error(`ItemNotFound : ${nom}`);
          return f.ecrite();
        },
      },
      names: {
        load(p: string) {
          soi.journal.push(`load noms ${p}`);
          soi.enAttente.push(() => soi.charges.add("noms"));
        },
        get items() {
          if (!soi.charges.has("noms")) throw new Error("PropertyNotLoaded : names.items");
          return [...soi.nomsClasseur].map(([name, ref]) => ({ name, type: "Range", formula: `=${ref}` }));
        },
      },
    };
  }

  differer(f: () => void): void {
    this.enAttente.push(f);
  }

  async sync(): Promise<void> {
    this.syncs++;
    this.journal.push("sync");
    const lot = this.enAttente.splice(0);
    for (const f of lot) f();
  }

  feuille(nom: string): FeuilleFactice {
    return this.feuilles.find((f) => f.nom === nom)!;
  }

  /** A workbook as a spreadsheet shows it: contents read from an .xlsx file. */
  static depuis(octets: Uint8Array, protegees: Record<string, string | null> = {}): ClasseurFactice {
    const c = new ClasseurFactice();
    const contenu = contenuMutable(octets);
    for (const f of contenu.feuilles) {
      const ff = new FeuilleFactice(f.nom, c);
      ff.visibilite = f.visibilite === "masquee" ? "Hidden" : "Visible";
      for (const [ref, cel] of f.cellules) ff.cellules.set(ref, { valeur: cel.valeur, ...(cel.formule !== undefined ? { formule: cel.formule } : {}), format: {} });
      if (f.nom in protegees) {
        ff.protegee = true;
        ff.motDePasse = protegees[f.nom] ?? null;
      }
      c.feuilles.push(ff);
    }
    for (const [n, r] of contenu.noms) c.nomsClasseur.set(n, r);
    return c;
  }
}

class FeuilleFactice {
  visibilite = "Visible";
  protegee = false;
  motDePasse: string | null = null;
  readonly optionsProtection = { allowFormatColumns: true, allowFormatRows: true };
  readonly cellules = new Map<string, CelluleFactice>();
  colonnesMasquees: string[] = [];
  active = false;
  readonly nom: string;
  private readonly classeur: ClasseurFactice;

  constructor(nom: string, classeur: ClasseurFactice) {
    this.nom = nom;
    this.classeur = classeur;
  }

  cellule(ref: string): CelluleFactice {
    let c = this.cellules.get(ref);
    if (!c) this.cellules.set(ref, (c = { format: {} }));
    return c;
  }

  private noter(op: string, f: () => void): void {
    this.classeur.journal.push(`${this.nom} : ${op}`);
    this.classeur.differer(() => {
      if (this.protegee && /valeurs|format|lien|effacer/.test(op)) throw new Error(`AccessDenied : la feuille ${this.nom} est protégée (${op})`);
      f();
    });
  }

  lue(): FeuilleLueExcel {
    const soi = this;
    return {
      name: this.nom,
      visibility: this.visibilite,
      protection: { protected: this.protegee, options: this.optionsProtection },
      getUsedRangeOrNullObject(): PlageLue {
        let pret = false;
        soi.classeur.differer(() => (pret = true));
        const refs = [...soi.cellules].filter(([, c]) => c.valeur !== undefined || c.formule !== undefined).map(([r]) => decomposerPlage(r).debut);
        const garde = <T>(v: () => T): T => {
          if (!pret) throw new Error("PropertyNotLoaded : usedRange");
          return v();
        };
        const l1 = Math.min(...refs.map((r) => r.ligne));
        const l2 = Math.max(...refs.map((r) => r.ligne));
        const c1 = Math.min(...refs.map((r) => r.colonne));
        const c2 = Math.max(...refs.map((r) => r.colonne));
        const caches = new Map<unknown, unknown[][]>();
        const matrice = <T>(f: (c: CelluleFactice | undefined) => T): T[][] => {
          if (!caches.has(f)) caches.set(f, Array.from({ length: l2 - l1 + 1 }, (_, i) => Array.from({ length: c2 - c1 + 1 }, (_, j) => f(soi.cellules.get(`${lettreColonne(c1 + j)}${l1 + i}`)))));
          return caches.get(f) as T[][];
        };
        const lireValeur = (c: CelluleFactice | undefined) => (c?.valeur === undefined || c.valeur === null ? "" : typeof c.valeur === "object" ? (c.valeur as { erreur: string }).erreur : c.valeur);
        const lireFormule = (c: CelluleFactice | undefined) => (c?.formule !== undefined ? `=${c.formule}` : lireValeur(c));
        const lireType = (c: CelluleFactice | undefined) => {
          const v = c?.valeur;
          if (v === undefined || v === null || v === "") return c?.formule !== undefined && v === "" ? "String" : "Empty";
          if (typeof v === "object") return "Error";
          return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
        };
        const vide = refs.length === 0;
        return {
          load: () => undefined,
          get isNullObject() {
            return garde(() => vide);
          },
          get address() {
            return garde(() => `'${soi.nom.replace(/'/g, "''")}'!${lettreColonne(c1)}${l1}:${lettreColonne(c2)}${l2}`);
          },
          get values() {
            return garde(() => matrice(lireValeur));
          },
          get formulas() {
            return garde(() => matrice(lireFormule));
          },
          get valueTypes() {
            return garde(() => matrice(lireType));
          },
        };
      },
      names: {
        load: () => undefined,
        items: [],
      },
    };
  }

  ecrite(): FeuilleEcrite {
    const soi = this;
    const format = (refs: string[]): FormatEcrit & { columnWidth: number } => {
      const poser = (cle: string, v: unknown) => soi.noter(`format ${cle} ${refs.length > 3 ? `${refs[0]}…(${refs.length})` : refs.join(",")}`, () => refs.forEach((r) => (soi.cellule(r).format[cle] = v)));
      const objet = (prefixe: string) =>
        new Proxy({} as Record<string, unknown>, {
          set(_t, p, v) {
            poser(`${prefixe}.${String(p)}`, v);
            return true;
          },
        });
      return new Proxy({} as FormatEcrit & { columnWidth: number }, {
        get(_t, p) {
          if (p === "font" || p === "fill") return objet(String(p));
          if (p === "borders") return { getItem: (cote: string) => objet(`border.${cote}`) };
          return undefined;
        },
        set(_t, p, v) {
          poser(String(p), v);
          return true;
        },
      });
    };
    const plage = (adresse?: string): PlageEcrite => {
      if (adresse === undefined) {
        return { clear: () => soi.noter("effacer tout", () => soi.cellules.clear()) } as unknown as PlageEcrite;
      }
      if (/^[A-Z]+:[A-Z]+$/.test(adresse)) {
        return {
          format: format([]),
          set columnHidden(v: boolean) {
            soi.noter(`colonnes masquées ${adresse}`, () => v && soi.colonnesMasquees.push(adresse));
          },
        } as unknown as PlageEcrite;
      }
      const refs = refsDe(adresse);
      const { debut } = decomposerPlage(adresse);
      const ecrire = (cle: "valeur" | "nombre", m: unknown[][]) =>
        soi.noter(`valeurs ${cle} ${adresse}`, () => m.forEach((ligne, i) => ligne.forEach((v, j) => {
          const c = soi.cellule(`${lettreColonne(debut.colonne + j)}${debut.ligne + i}`);
          if (cle === "valeur") c.valeur = v;
          else c.format.numberFormat = v;
        })));
      return {
        set values(m: unknown[][]) {
          ecrire("valeur", m);
        },
        set numberFormat(m: unknown[][]) {
          ecrire("nombre", m);
        },
        set hyperlink(l: unknown) {
          soi.noter(`lien ${adresse}`, () => (soi.cellule(adresse).lien = l));
        },
        format: format(refs),
        clear: () => undefined,
      } as unknown as PlageEcrite;
    };
    return {
      getRange: plage,
      getRanges: (adresses: string) => ({ format: format(refsDe(adresses)) }),
      protection: {
        protect(options?: Record<string, unknown>) {
          soi.classeur.journal.push(`${soi.nom} : protéger ${JSON.stringify(options)}`);
          soi.classeur.differer(() => (soi.protegee = true));
        },
        unprotect(motDePasse?: string) {
          soi.classeur.journal.push(`${soi.nom} : déprotéger`);
          soi.classeur.differer(() => {
            if (soi.motDePasse !== null && motDePasse !== soi.motDePasse) throw new Error(`InvalidArgument : mot de passe requis pour ${soi.nom}`);
            soi.protegee = false;
          });
        },
      },
      freezePanes: { freezeRows: () => undefined },
      activate() {
        soi.classeur.differer(() => (soi.active = true));
      },
    };
  }
}

/** An évaluation exercise answered by a trainee (answers typed as values), as a workbook. */
async function classeurExercice(modifier: (id: string, v: number | string) => number | string = (_i, v) => v): Promise<{ octets: Uint8Array; spec: SpecModele; reponses: ReturnType<typeof construireExercice>["reponses"] }> {
  const ex = construireExercice("evaluation", 31, DATE);
  const spec = avecSaisies(ex.enonce, Object.fromEntries(ex.reponses.map((r) => [r.id, modifier(r.id, r.valeur!)])));
  return { octets: await ecrireXlsx(spec), spec, reponses: ex.reponses };
}

const horloge = new Date("2026-11-26T14:05:00Z");
const texteRapport = (c: ClasseurFactice, nom = TITRE_RAPPORT) =>
  [...c.feuille(nom).cellules].filter(([r]) => /^[A-F]\d+$/.test(r)).map(([, x]) => x.valeur).filter((v) => typeof v === "string" && v !== "") as string[];

describe("lecture du classeur ouvert (office.js)", () => {
  it("deux synchronisations, et le même contrôle que sur le fichier", async () => {
    const { octets } = await classeurExercice();
    const c = ClasseurFactice.depuis(octets);
    const { lecteur } = await lireClasseurExcel(c);
    expect(c.syncs).toBe(2);
    expect(auditerClasseur(lecteur)).toEqual(auditerClasseur(lireClasseurXlsx(octets)));
  });

  it("un plan d'apurement de 600 lignes se lit aussi en deux synchronisations", async () => {
    const spec = avecSaisies(construireModele("apurement", { date: DATE }), { "plan.dette": 2500, "plan.duree": 24 });
    const c = ClasseurFactice.depuis(await ecrireXlsx(spec));
    const { lecteur } = await lireClasseurExcel(c);
    expect(c.syncs).toBe(2);
    expect(lecteur.cellules("Plan d'apurement").size).toBeGreaterThan(3600);
  });
});

describe("classeur ouvert venu d'ailleurs : les limites du contrôle de fichiers (DESIGN §9)", () => {
  it("trop de cellules, une formule de plus de 8 192 caractères : refus en français qui nomme la limite", async () => {
    const spec = avecSaisies(construireModele("apurement", { date: DATE }), { "plan.dette": 2500, "plan.duree": 24 });
    const octets = await ecrireXlsx(spec);
    // The plan's sheet holds more than 3 600 cells: a limit of 1 000 is gone past.
    await expect(lireClasseurExcel(ClasseurFactice.depuis(octets), new Budget({ cellules: 1000 }))).rejects.toThrow(/Fichier refusé : plus de 1[  ]000 cellules/);
    await expect(lireClasseurExcel(ClasseurFactice.depuis(octets), new Budget({ formule: 10 }))).rejects.toThrow(/une formule de \d+ caractères \(feuille « [^»]+ », [A-Z]+\d+\) dépasse la limite de 10 caractères/);
    await expect(lireClasseurExcel(ClasseurFactice.depuis(octets), new Budget({ feuilles: 2 }))).rejects.toThrow(/plus de 2 feuilles/);
    // The real limits leave a real dossier alone.
    await expect(lireClasseurExcel(ClasseurFactice.depuis(octets), new Budget())).resolves.toBeDefined();
  });
});

describe("Contrôler ce classeur", () => {
  it("dossier conforme : feuille « Contrôle LogSoc » avec ✓, trois synchronisations, rien d'autre n'est écrit", async () => {
    const { octets } = await classeurExercice();
    const c = ClasseurFactice.depuis(octets, { Évaluation: null });
    const r = await controlerClasseur(c, { maintenant: horloge });
    expect(c.syncs).toBe(3);
    expect(r).toMatchObject({ feuille: TITRE_RAPPORT, dossiers: 1, constats: 0, conforme: true, encadrement: "aucun" });
    expect(r.message).toBe("Aucune anomalie dans le dossier : chaque résultat est conforme au calcul (détail dans la feuille « Contrôle LogSoc »).");
    const rapport = c.feuille(TITRE_RAPPORT);
    expect(rapport.active).toBe(true);
    expect(rapport.cellules.get("A1")!.valeur).toBe(TITRE_RAPPORT);
    expect(rapport.cellules.get("A2")!.valeur).toBe("Contrôlé le 26/11/2026 à 15:05 : 1 dossier, aucune anomalie.");
    expect(texteRapport(c)).toContain("Reste à vivre mensuel du foyer");
    expect(c.journal.filter((j) => !j.startsWith(`${TITRE_RAPPORT} :`) && !/^(load|sync|add)/.test(j))).toEqual([]);
  });

  it("réponse fausse : ligne ✗ avec lien vers la cellule, cellule encadrée en rouge sur sa feuille protégée, aucune valeur changée", async () => {
    const { octets, reponses } = await classeurExercice((id, v) => (id === "resultats.ravUc" ? (v as number) + 3 : v));
    const c = ClasseurFactice.depuis(octets, { Évaluation: null });
    const avant = JSON.stringify([...c.feuille("Évaluation").cellules].map(([r, x]) => [r, x.valeur, x.formule]));
    const r = await controlerClasseur(c, { maintenant: horloge });
    expect(c.syncs).toBe(4);
    expect(r).toMatchObject({ constats: 1, conforme: false, encadrement: "fait" });
    const cible = reponses.find((x) => x.id === "resultats.ravUc")!;
    const rapport = c.feuille(TITRE_RAPPORT);
    const ligne = [...rapport.cellules].find(([ref, x]) => ref.startsWith("A") && x.valeur === "✗" && rapport.cellules.get(`B${ref.slice(1)}`)?.valeur === "Valeur erronée")!;
    const n = ligne[0].slice(1);
    expect(rapport.cellules.get(`C${n}`)!.valeur).toBe(`Évaluation!${cible.cellule}`);
    expect(rapport.cellules.get(`C${n}`)!.lien).toEqual({ documentReference: `'Évaluation'!${cible.cellule}`, textToDisplay: `Évaluation!${cible.cellule}`, screenTip: "Aller à la cellule" });
    expect(rapport.cellules.get(`A${n}`)!.format["font.color"]).toBe("#C00000");
    expect(rapport.cellules.get("G2")!.valeur).toBe("Évaluation");
    expect(rapport.cellules.get("H2")!.valeur).toBe(cible.cellule);
    expect(rapport.colonnesMasquees).toEqual(["G:H"]);
    const evaluation = c.feuille("Évaluation");
    expect(evaluation.cellule(cible.cellule).format).toMatchObject({ "border.EdgeTop.weight": "Thick", "border.EdgeTop.color": "#C00000", "border.EdgeLeft.style": "Continuous" });
    expect(evaluation.protegee).toBe(true);
    const ops = c.journal.filter((j) => j.startsWith("Évaluation :"));
    expect(ops[0]).toBe("Évaluation : déprotéger");
    expect(ops.at(-1)).toBe('Évaluation : protéger {"allowFormatColumns":true,"allowFormatRows":true}');
    expect(JSON.stringify([...evaluation.cellules].map(([ref, x]) => [ref, x.valeur, x.formule]))).toBe(avant);
  });

  it("second contrôle après correction : la feuille de rapport est réutilisée, l'encadré rouge redevient le trait gris du modèle", async () => {
    const { octets, reponses } = await classeurExercice((id, v) => (id === "resultats.ravUc" ? (v as number) + 3 : v));
    const c = ClasseurFactice.depuis(octets, { Évaluation: null });
    await controlerClasseur(c, { maintenant: horloge });
    const cible = reponses.find((x) => x.id === "resultats.ravUc")!;
    c.feuille("Évaluation").cellule(cible.cellule).valeur = cible.valeur;
    const r = await controlerClasseur(c, { maintenant: horloge });
    expect(r.conforme).toBe(true);
    expect(c.feuilles.filter((f) => f.nom.startsWith(TITRE_RAPPORT)).map((f) => f.nom)).toEqual([TITRE_RAPPORT]);
    expect(c.feuille("Évaluation").cellule(cible.cellule).format).toMatchObject({ "border.EdgeTop.weight": "Thin", "border.EdgeTop.color": "#A6A6A6" });
    expect(c.feuille(TITRE_RAPPORT).cellules.get("G2")).toBeUndefined();
  });

  it("feuille protégée par un mot de passe : le rapport est écrit, l'encadrement est signalé impossible", async () => {
    const { octets } = await classeurExercice((id, v) => (id === "resultats.tauxEffort" ? 0.5 : v));
    const c = ClasseurFactice.depuis(octets, { Évaluation: "secret" });
    const r = await controlerClasseur(c, { maintenant: horloge });
    expect(r.encadrement).toBe("impossible");
    expect(r.message).toContain("cellules non encadrées : une feuille est protégée par un mot de passe");
    expect(texteRapport(c).some((t) => t.startsWith("Taux d'effort"))).toBe(true);
  });

  it("une feuille de l'utilisateur nommée « Contrôle LogSoc » n'est jamais écrasée", async () => {
    const { octets } = await classeurExercice();
    const c = ClasseurFactice.depuis(octets);
    const sienne = new FeuilleFactice(TITRE_RAPPORT, c);
    sienne.cellules.set("A1", { valeur: "Mes notes", format: {} });
    c.feuilles.push(sienne);
    const r = await controlerClasseur(c, { maintenant: horloge });
    expect(r.feuille).toBe(`${TITRE_RAPPORT} (2)`);
    expect([...sienne.cellules].map(([ref, x]) => [ref, x.valeur])).toEqual([["A1", "Mes notes"]]);
  });

  it("classeur sans modèle LogSoc : le rapport le dit, rien n'est encadré", async () => {
    const c = new ClasseurFactice();
    const budget = new FeuilleFactice("Budget", c);
    budget.cellules.set("A1", { valeur: "Ressources", format: {} });
    budget.cellules.set("B1", { valeur: 1500, format: {} });
    budget.cellules.set("B2", { valeur: 600, formule: "B1-900", format: {} });
    c.feuilles.push(budget);
    const r = await controlerClasseur(c, { maintenant: horloge });
    expect(r.dossiers).toBe(1);
    expect(r.rapport.classeurLogsoc).toBe(false);
    expect(r.encadrement).toBe("aucun");
    expect(r.message).toContain("n'a pas été créé à partir d'un modèle LogSoc");
    expect(c.syncs).toBe(3);
  });
});

