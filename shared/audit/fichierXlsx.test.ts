import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { ClasseurIllisible } from "./lecteur.ts";
import { lireClasseurXlsx } from "./fichierXlsx.ts";

/** A zip archive of these parts, deflated, in order. */
function archive(parties: ReadonlyMap<string, string>): Uint8Array {
  return zipSync(Object.fromEntries([...parties].map(([nom, xml]) => [nom, strToU8(xml)])));
}

const xmlFeuille = (lignes: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${lignes}</sheetData></worksheet>`;

/** A minimal SpreadsheetML package: one or two sheets written by hand, as Excel or another tool would. */
function paquet(feuille1: string, options: { partages?: string[]; classeur?: string; feuille2?: string } = {}): Uint8Array {
  const sst = options.partages ?? [];
  const entrees = new Map<string, string>([
    ["_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
    [
      "xl/workbook.xml",
      options.classeur ??
        `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Évaluation" sheetId="1" r:id="rId1"/><sheet name="LogSoc_meta" sheetId="2" state="hidden" r:id="rId2"/></sheets><definedNames><definedName name="RAV_MENSUEL">'Évaluation'!$B$64</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">'Évaluation'!$A$1:$C$70</definedName><definedName name="RAV_UC" localSheetId="1">LogSoc_meta!$B$3</definedName></definedNames></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ],
    ["xl/sharedStrings.xml", `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sst.map((s) => `<si>${s}</si>`).join("")}</sst>`],
    ["xl/worksheets/sheet1.xml", xmlFeuille(feuille1)],
    ["xl/worksheets/sheet2.xml", xmlFeuille(options.feuille2 ?? "")],
  ]);
  return archive(entrees);
}

/** A package whose first sheet's compressed data is damaged: its first deflate block gets the reserved type. */
function entreeAbimee(): Uint8Array {
  const lignes = "<row><c><v>1</v></c></row>".repeat(50);
  const octets = paquet(lignes);
  const comprime = deflateSync(strToU8(xmlFeuille(lignes))); // zipSync deflates at the same (default) level: same bytes
  const position = octets.findIndex((_o, i) => comprime.every((c, j) => octets[i + j] === c));
  expect(position).toBeGreaterThan(0);
  octets[position] = 0xff;
  return octets;
}

describe("lecture d'un fichier .xlsx pour le contrôle", () => {
  it("valeurs et formules comme les tableurs les écrivent : 0 et \"\" calculés, textes partagés riches, erreurs, booléens, dates ISO", () => {
    const l = lireClasseurXlsx(
      paquet(
        [
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
          '<row r="2"><c r="A2"><f>B1-B1</f><v>0</v></c><c r="B2" t="str"><f>IF(A2=0,"","x")</f><v></v></c><c r="C2"><f>A2*2</f></c></row>',
          '<row r="3"><c r="A3" t="e"><f>NA()</f><v>#N/A</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="d"><v>2026-01-31T12:00:00Z</v></c></row>',
          '<row r="4"><c r="A4" t="inlineStr"><is><t>Dette &amp; loyer</t></is></c><c r="B4" s="3"/><c r="C4"><v>142.88</v></c></row>',
        ].join(""),
        { partages: ["<t>Reste à vivre</t>", '<r><t>Taux </t></r><r><rPr><b/></rPr><t xml:space="preserve">d&apos;effort</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh>'] },
      ),
    );
    const c = (ref: string) => l.cellule("Évaluation", ref);
    expect(c("A1")).toEqual({ valeur: "Reste à vivre" });
    expect(c("B1")).toEqual({ valeur: "Taux d'effort" });
    expect(c("A2")).toEqual({ valeur: 0, formule: "B1-B1" });
    expect(c("B2")).toEqual({ valeur: "", formule: 'IF(A2=0,"","x")' });
    expect(c("C2")).toEqual({ valeur: undefined, formule: "A2*2" });
    expect(c("A3")).toEqual({ valeur: { erreur: "#N/A" }, formule: "NA()" });
    expect(c("B3")).toEqual({ valeur: true });
    expect(c("C3")).toEqual({ valeur: 46053.5 });
    expect(c("A4")).toEqual({ valeur: "Dette & loyer" });
    expect(c("B4")).toBeUndefined();
    expect(c("C4")).toEqual({ valeur: 142.88 });
  });

  it("exceljs perd les résultats 0 et \"\" à la lecture : la raison de ce lecteur", async () => {
    const octets = paquet('<row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="str"><f>""</f><v></v></c></row>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(octets.buffer.slice(octets.byteOffset, octets.byteOffset + octets.byteLength) as ArrayBuffer);
    expect((wb.getWorksheet("Évaluation")!.getCell("A1").value as ExcelJS.CellFormulaValue).result).toBeUndefined();
    expect(lireClasseurXlsx(octets).cellule("Évaluation", "A1")).toEqual({ valeur: 0, formule: "1-1" });
  });

  it("formules partagées (Excel) : chaque cellule reçoit sa formule décalée", () => {
    const l = lireClasseurXlsx(
      paquet(
        '<row r="38"><c r="E38"><f t="shared" ref="E38:E40" si="0">ROUND(C38+D38,2)</f><v>1</v></c></row><row r="39"><c r="E39"><f t="shared" si="0"/><v>2</v></c></row><row r="40"><c r="E40"><f t="shared" si="0"/><v>3</v></c></row>',
      ),
    );
    expect(l.cellule("Évaluation", "E40")).toEqual({ valeur: 3, formule: "ROUND(C40+D40,2)" });
  });

  it("préfixes d'espace de noms et cellules sans attribut r", () => {
    const octets = paquet("", {
      feuille2: "",
      classeur:
        '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Évaluation" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
    });
    const l = lireClasseurXlsx(octets);
    expect(l.feuilles()).toEqual([{ nom: "Évaluation", visibilite: "visible" }]);
    const sansR = lireClasseurXlsx(paquet('<row r="5"><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>'));
    expect([sansR.cellule("Évaluation", "A5")?.valeur, sansR.cellule("Évaluation", "B5")?.valeur, sansR.cellule("Évaluation", "A6")?.valeur]).toEqual([1, 2, 3]);
  });

  it("entités XML et références numériques, échappements _xHHHH_, espaces conservés, XML indenté et feuille à préfixes", () => {
    const feuille = `<?xml version="1.0"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:sheetData>
    <x:row r="2">
      <x:c r="A2" t="str"><x:f>"a"&amp;CHAR(10)&amp;"b"</x:f><x:v>a&#10;b&#x2764;_x000D_</x:v></x:c>
      <x:c r="B2" t="s"><x:v>0</x:v></x:c>
      <x:c r="C2" t="inlineStr"><x:is><x:t xml:space="preserve"> &lt;vide&gt; </x:t></x:is></x:c>
    </x:row>
  </x:sheetData>
</x:worksheet>`;
    const octets = paquet("", { partages: ['<t xml:space="preserve">  deux espaces &quot;avant&quot; </t>'] });
    const parties = new Map(Object.entries(unzipSync(octets)).map(([nom, o]) => [nom, strFromU8(o)]));
    parties.set("xl/worksheets/sheet1.xml", feuille);
    parties.set("xl/workbook.xml", parties.get("xl/workbook.xml")!.replace('name="Évaluation"', 'name="Dette &amp; loyer"').replaceAll("'Évaluation'", "'Dette &amp; loyer'"));
    const l = lireClasseurXlsx(archive(parties));
    expect(l.feuilles()[0]!.nom).toBe("Dette & loyer");
    expect(l.nomsDefinis().get("RAV_MENSUEL")).toBe("'Dette & loyer'!$B$64");
    const c = (ref: string) => l.cellule("Dette & loyer", ref);
    expect(c("A2")).toEqual({ valeur: "a\nb❤\r", formule: '"a"&CHAR(10)&"b"' });
    expect(c("B2")).toEqual({ valeur: '  deux espaces "avant" ' });
    expect(c("C2")).toEqual({ valeur: " <vide> " });
  });

  it("feuilles masquées, noms du classeur et noms locaux à une feuille ; zones d'impression ignorées", () => {
    const l = lireClasseurXlsx(paquet(""));
    expect(l.feuilles()).toEqual([
      { nom: "Évaluation", visibilite: "visible" },
      { nom: "LogSoc_meta", visibilite: "masquee" },
    ]);
    expect([...l.nomsDefinis()]).toEqual([["RAV_MENSUEL", "'Évaluation'!$B$64"]]);
    expect([...l.nomsDeFeuille("LogSoc_meta")]).toEqual([["RAV_UC", "LogSoc_meta!$B$3"]]);
  });

  it.each([
    [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), "format Excel 97-2003 (.xls) ou protégé par un mot de passe"],
    [strToU8("Ressources;Charges\n1500;900\n"), "ce n'est pas une archive zip"],
    [paquet("").subarray(0, 200), "l'archive est tronquée"],
    [archive(new Map([["word/document.xml", "<w:document/>"]])), "il ne contient pas de classeur (xl/workbook.xml)"],
    [paquet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'), "texte partagé n° 7 introuvable"],
    [entreeAbimee(), "l'entrée « xl/worksheets/sheet1.xml » de l'archive ne se décompresse pas"],
    [archive(new Map([["xl/workbook.xml", "<workbook><sheets><sheet name='A' r:id='rId1'/></sheets></workbook>"]])), "la partie « xl/_rels/workbook.xml.rels » (liens du classeur) est absente"],
  ])("fichier illisible %# : erreur claire en français", (octets, message) => {
    expect(() => lireClasseurXlsx(octets)).toThrow(ClasseurIllisible);
    expect(() => lireClasseurXlsx(octets)).toThrow(message);
  });
});
