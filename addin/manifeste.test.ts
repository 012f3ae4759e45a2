import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGINE_DEV, manifesteProduction, origines, verifierOrigine } from "./build/manifeste.ts";
import { genererMetadonnees } from "./build/metadonnees.ts";
import { comparerVersions, empreinteMetadonnees, lireVersions } from "./build/versions.ts";

const RACINE = resolve(fileURLToPath(new URL("..", import.meta.url)));
const SOURCE = readFileSync(join(RACINE, "manifest.xml"), "utf8");
const NODE = process.execPath;

/** A parsed XML element: name with its prefix, attributes, child elements, text. */
interface Noeud {
  nom: string;
  attributs: Record<string, string>;
  enfants: Noeud[];
  texte: string;
}

type Brut = Record<string, unknown>;

function lire(xml: string): Noeud {
  const brut = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", parseAttributeValue: false, parseTagValue: false, trimValues: true }).parse(xml) as Brut[];
  const convertir = (b: Brut): Noeud | null => {
    const nom = Object.keys(b).find((k) => k !== ":@");
    if (nom === undefined || nom === "#text" || nom.startsWith("?")) return null;
    const contenu = b[nom] as Brut[];
    return {
      nom,
      attributs: (b[":@"] as Record<string, string> | undefined) ?? {},
      enfants: contenu.map(convertir).filter((n): n is Noeud => n !== null),
      texte: contenu.filter((c) => "#text" in c).map((c) => String(c["#text"])).join(""),
    };
  };
  const racines = brut.map(convertir).filter((n): n is Noeud => n !== null);
  expect(racines).toHaveLength(1);
  return racines[0]!;
}

function tous(n: Noeud, filtre: (n: Noeud) => boolean, chemin: Noeud[] = []): { noeud: Noeud; parents: Noeud[] }[] {
  const ici = filtre(n) ? [{ noeud: n, parents: chemin }] : [];
  return [...ici, ...n.enfants.flatMap((e) => tous(e, filtre, [...chemin, n]))];
}

function enfant(n: Noeud, nom: string): Noeud {
  const e = n.enfants.find((x) => x.nom === nom);
  if (e === undefined) throw new Error(`<${nom}> manque dans <${n.nom}>`);
  return e;
}

function chemin(n: Noeud, ...noms: string[]): Noeud {
  return noms.reduce(enfant, n);
}

let racine: Noeud;
let ressources: { images: Map<string, string>; urls: Map<string, string>; textesCourts: Map<string, string>; textesLongs: Map<string, string> };

function parId(parent: Noeud): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of parent.enfants) {
    expect(m.has(e.attributs.id!), `identifiant en double : ${e.attributs.id}`).toBe(false);
    m.set(e.attributs.id!, e.attributs.DefaultValue!);
  }
  return m;
}

beforeAll(() => {
  racine = lire(SOURCE);
  const r = chemin(racine, "VersionOverrides", "Resources");
  ressources = {
    images: parId(enfant(r, "bt:Images")),
    urls: parId(enfant(r, "bt:Urls")),
    textesCourts: parId(enfant(r, "bt:ShortStrings")),
    textesLongs: parId(enfant(r, "bt:LongStrings")),
  };
});

function url(resid: string): string {
  const u = ressources.urls.get(resid);
  if (u === undefined) throw new Error(`URL ${resid} introuvable`);
  return u;
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(SOURCE)).toBe(true);
  });

  it("is a task-pane add-in for Excel workbooks, in French, with a GUID and a four-part version", () => {
    expect(racine.nom).toBe("OfficeApp");
    expect(racine.attributs["xsi:type"]).toBe("TaskPaneApp");
    expect(enfant(racine, "Id").texte).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(enfant(racine, "Version").texte).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(enfant(racine, "DefaultLocale").texte).toBe("fr-FR");
    expect(chemin(racine, "Hosts", "Host").attributs.Name).toBe("Workbook");
    expect(enfant(racine, "Permissions").texte).toBe("ReadWriteDocument");
  });

  it("resolves every resid to a resource of the right kind, and uses every resource", () => {
    const references = tous(racine, (n) => n.attributs.resid !== undefined);
    expect(references.length).toBeGreaterThan(10);
    const utilises = new Set<string>();
    for (const { noeud } of references) {
      const resid = noeud.attributs.resid!;
      expect(resid.length, resid).toBeLessThanOrEqual(32);
      utilises.add(resid);
      if (noeud.nom === "bt:Image") expect(ressources.images.has(resid), resid).toBe(true);
      else if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(noeud.nom)) expect(ressources.urls.has(resid), resid).toBe(true);
      else if (["Namespace", "Title", "Label"].includes(noeud.nom)) expect(ressources.textesCourts.has(resid), resid).toBe(true);
      else if (noeud.nom === "Description") expect(ressources.textesLongs.has(resid), resid).toBe(true);
      else throw new Error(`élément inattendu avec resid : <${noeud.nom}>`);
    }
    for (const m of Object.values(ressources)) for (const id of m.keys()) expect(utilises.has(id), `ressource inutilisée : ${id}`).toBe(true);
  });

  it("puts every URL on one origin, the local Worker", () => {
    const valeurs = tous(racine, (n) => /^https?:/.test(n.attributs.DefaultValue ?? "") || /^https?:/.test(n.attributs.Value ?? "")).map(({ noeud }) => noeud.attributs.DefaultValue ?? noeud.attributs.Value!);
    expect(valeurs.length).toBeGreaterThanOrEqual(10);
    expect(new Set(valeurs.map((v) => new URL(v).origin))).toEqual(new Set([ORIGINE_DEV]));
    expect(origines(SOURCE)).toEqual([ORIGINE_DEV]);
  });

  it("declares the custom functions: script, page, metadata and the LOGSOC namespace", () => {
    const points = tous(racine, (n) => n.nom === "ExtensionPoint" && n.attributs["xsi:type"] === "CustomFunctions");
    expect(points).toHaveLength(1);
    const cf = points[0]!.noeud;
    expect(new URL(url(chemin(cf, "Script", "SourceLocation").attributs.resid!)).pathname).toBe("/functions.js");
    expect(new URL(url(chemin(cf, "Metadata", "SourceLocation").attributs.resid!)).pathname).toBe("/functions.json");
    expect(ressources.textesCourts.get(enfant(cf, "Namespace").attributs.resid!)).toBe("LOGSOC");
    const requis = tous(chemin(racine, "VersionOverrides", "Requirements"), (n) => n.nom === "bt:Set").map(({ noeud }) => noeud.attributs.Name);
    expect(requis).toEqual(expect.arrayContaining(["CustomFunctionsRuntime", "SharedRuntime"]));
  });

  it("runs the functions, the ribbon button and the task pane in one shared runtime, the task pane page", () => {
    const host = chemin(racine, "VersionOverrides", "Hosts", "Host");
    const runtime = chemin(host, "Runtimes", "Runtime");
    expect(runtime.attributs.lifetime).toBe("long");
    const page = runtime.attributs.resid!;
    expect(new URL(url(page)).pathname).toBe("/taskpane.html");
    expect(chemin(host, "AllFormFactors", "ExtensionPoint", "Page", "SourceLocation").attributs.resid).toBe(page);
    expect(chemin(host, "DesktopFormFactor", "FunctionFile").attributs.resid).toBe(page);
    const actions = tous(host, (n) => n.nom === "Action" && n.attributs["xsi:type"] === "ShowTaskpane");
    expect(actions).toHaveLength(1);
    expect(enfant(actions[0]!.noeud, "SourceLocation").attributs.resid).toBe(page);
    expect(chemin(racine, "DefaultSettings", "SourceLocation").attributs.DefaultValue).toBe(url(page));
  });

  it("keeps its texts within the manifest's lengths, in French", () => {
    for (const t of ressources.textesCourts.values()) expect(t.length, t).toBeLessThanOrEqual(125);
    for (const t of ressources.textesLongs.values()) expect(t.length, t).toBeLessThanOrEqual(250);
    expect(enfant(racine, "Description").attributs.DefaultValue!.length).toBeLessThanOrEqual(250);
    expect(ressources.textesLongs.get("GetStarted.Description")).toMatch(/=LOGSOC\./);
  });

  it("points its icons at PNG files of the declared sizes", () => {
    const icones = [...ressources.images.entries()].map(([id, u]) => ({ taille: Number(/(\d+)$/.exec(id)![1]), u }));
    icones.push({ taille: 32, u: enfant(racine, "IconUrl").attributs.DefaultValue! }, { taille: 64, u: enfant(racine, "HighResolutionIconUrl").attributs.DefaultValue! });
    for (const { taille, u } of icones) {
      const fichier = join(RACINE, "addin", new URL(u).pathname);
      expect(existsSync(fichier), fichier).toBe(true);
      const png = readFileSync(fichier);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], fichier).toEqual([taille, taille]);
    }
  });
});

describe("<Version> and functions.json", () => {
  it("bumps <Version> whenever functions.json changes (Excel caches the metadata per version)", async () => {
    const versions = lireVersions();
    const { json } = await genererMetadonnees();
    const derniere = versions.at(-1)!;
    expect(derniere.version, "addin/versions-manifeste.json : dernière version ≠ <Version> de manifest.xml").toBe(enfant(racine, "Version").texte);
    expect(
      derniere.functionsJson,
      "functions.json a changé : augmentez <Version> dans manifest.xml et ajoutez { version, functionsJson } à addin/versions-manifeste.json",
    ).toBe(empreinteMetadonnees(json));
    for (let i = 1; i < versions.length; i++) {
      expect(comparerVersions(versions[i]!.version, versions[i - 1]!.version), versions[i]!.version).toBe(1);
      expect(versions[i]!.functionsJson, versions[i]!.version).not.toBe(versions[i - 1]!.functionsJson);
    }
  });

  it("compares dotted versions numerically", () => {
    expect(comparerVersions("1.0.10.0", "1.0.9.0")).toBe(1);
    expect(comparerVersions("1.0.0.0", "1.0.0.0")).toBe(0);
    expect(comparerVersions("0.9.0.0", "1.0.0.0")).toBe(-1);
  });
});

describe("production manifest", () => {
  const production = manifesteProduction(SOURCE, "https://logsoc.exemple.fr");

  it("rewrites every URL to the production origin and nothing else", () => {
    expect(XMLValidator.validate(production)).toBe(true);
    expect(origines(production)).toEqual(["https://logsoc.exemple.fr"]);
    expect(production).not.toContain("localhost");
    expect(production).not.toContain("<!--");
    const avant = tous(lire(SOURCE), () => true).length;
    expect(tous(lire(production), () => true).length).toBe(avant);
  });

  it("accepts only an https origin without a path", () => {
    expect(verifierOrigine("https://logsoc.exemple.fr/")).toBe("https://logsoc.exemple.fr");
    expect(() => verifierOrigine("http://logsoc.exemple.fr")).toThrow(/https/);
    expect(() => verifierOrigine("https://logsoc.exemple.fr/addin")).toThrow(/sans chemin/);
    expect(() => verifierOrigine("logsoc")).toThrow(/n'est pas une URL/);
  });

  it("refuses a source without any development URL", () => {
    expect(() => manifesteProduction(SOURCE.replaceAll(ORIGINE_DEV, "https://ailleurs.exemple.fr"), "https://logsoc.exemple.fr")).toThrow(/aucune URL/);
  });
});

/** Microsoft's XSDs, which CI lays beside the clone (../shared): see that folder's README. */
const XSD = join(RACINE, "..", "shared", "reference", "office-manifest-xsd", "OfficeAppManifestV1_1.xsd");

function xmllint(fichier: string): { status: number | null; sortie: string } {
  const r = spawnSync("xmllint", ["--noout", "--schema", XSD, fichier], { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, sortie: `${r.stdout}${r.stderr}` };
}

describe("manifest.xml against Microsoft's XSD (xmllint)", () => {
  const dossier = mkdtempSync(join(tmpdir(), "logsoc-xsd-"));
  afterAll(() => rmSync(dossier, { recursive: true, force: true }));

  it("finds the schemas beside the clone", () => {
    expect(existsSync(XSD), `schémas introuvables : ${XSD} (../shared/reference/office-manifest-xsd à côté du dépôt)`).toBe(true);
  });

  it("validates the source manifest and the production one", () => {
    const production = join(dossier, "production.xml");
    writeFileSync(production, manifesteProduction(SOURCE, "https://logsoc.exemple.fr"));
    for (const f of [join(RACINE, "manifest.xml"), production]) {
      const r = xmllint(f);
      expect(r.status, r.sortie).toBe(0);
      expect(r.sortie).toContain("validates");
    }
  });

  it("rejects a manifest the schema refuses (a five-part Version)", () => {
    const faux = join(dossier, "faux.xml");
    writeFileSync(faux, SOURCE.replace(/<Version>[^<]*<\/Version>/, "<Version>1.1.0.0.0</Version>"));
    const r = xmllint(faux);
    expect(r.status).not.toBe(0);
    expect(r.sortie).toMatch(/Version/);
  });
});

describe("Office tooling runs on the manifest offline", () => {
  const dossier = mkdtempSync(join(tmpdir(), "logsoc-manifeste-"));
  const production = join(dossier, "manifest-production.xml");
  writeFileSync(production, manifesteProduction(SOURCE, "https://logsoc.exemple.fr"));
  afterAll(() => rmSync(dossier, { recursive: true, force: true }));

  for (const [nom, fichier] of [
    ["source", join(RACINE, "manifest.xml")],
    ["production", production],
  ] as const) {
    it(`office-addin-manifest info reads the ${nom} manifest`, () => {
      const r = spawnSync(NODE, [join(RACINE, "node_modules/office-addin-manifest/cli.js"), "info", fichier], { encoding: "utf8", timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain("Id: 97448195-4159-4ebd-a9b9-ac29715eba90");
      expect(r.stdout).toContain("Type: TaskPaneApp");
      expect(r.stdout).toContain(`Version: ${enfant(racine, "Version").texte}`);
      expect(r.stdout).toContain("Default Locale: fr-FR");
    });

    it(`office-addin-manifest-converter converts the ${nom} manifest`, () => {
      const sortie = join(dossier, `json-${nom}`);
      const r = spawnSync(NODE, [join(RACINE, "node_modules/office-addin-manifest-converter/cli.js"), "convert", fichier, "--output", sortie], { encoding: "utf8", timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(readFileSync(join(sortie, "manifest.json"), "utf8")) as { id: string; localizationInfo: { defaultLanguageTag: string }; validDomains: string[] };
      expect(json.id).toBe("97448195-4159-4ebd-a9b9-ac29715eba90");
      expect(json.localizationInfo.defaultLanguageTag).toBe("fr-fr");
      expect(json.validDomains).toEqual([nom === "source" ? ORIGINE_DEV : "https://logsoc.exemple.fr"]);
    });
  }
});
