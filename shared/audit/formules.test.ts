import { describe, expect, it } from "vitest";
import { decalerFormule, memesFormules, normaliserFormule, referenceNom } from "./formules.ts";

describe("formules comparées par le contrôle", () => {
  it.each([
    ["IF(ISNUMBER(B6),\"Mensualité saisie\",'Barèmes'!$B$8)", "=IF(ISNUMBER(B6),\"Mensualité saisie\",Barèmes!$B$8)"],
    ["ROUND((B27-B45),2)", "= round( ( b27 - b45 ) , 2 )"],
    ["ROUND(B5*0.5,2)", "ROUND(B5*.50,2)"],
    ["SUM('Plan d''apurement'!C38:C637)", "SUM('PLAN D''APUREMENT'!C38:C637)"],
    ["_xlfn.EDATE(B8,1)", "EDATE(B8,1)"],
    ["ROUND(F34,0)/100", "ROUND(F34,0)/1E2"],
  ])("%s et %s : même formule", (a, b) => {
    expect(memesFormules(a, b)).toBe(true);
  });

  it.each([
    ["ROUND((B27-B45),2)", "ROUND((B27-B44),2)"],
    ["IF(I8=\"\",I5/100,NA())", "IF(I8=\"x\",I5/100,NA())"],
    ["IF(A1=\"Oui\",1,0)", "IF(A1=\"OUI\",1,0)"],
    ["'Barèmes'!$B$8", "'Barèmes (2)'!$B$8"],
    ["ROUND(B5,2)", "ROUND(B5,3)"],
    ["B12", "B$12"],
  ])("%s et %s : formules différentes (textes, références, constantes)", (a, b) => {
    expect(memesFormules(a, b)).toBe(false);
  });

  it("les textes gardent leur casse et leurs espaces", () => {
    expect(normaliserFormule('IF(A1="La dette  est due",1,0)')).toBe('IF(A1="La dette  est due",1,0)');
  });

  it("formule partagée : les références relatives suivent la cellule, les ancrées ($) restent", () => {
    expect(decalerFormule("IF(AND(1<=$I$9,ISNUMBER($B$9)),ROUND(C38+D38,2),\"\")", 3, 0)).toBe("IF(AND(1<=$I$9,ISNUMBER($B$9)),ROUND(C41+D41,2),\"\")");
    expect(decalerFormule("SUM(B31:B44)+'Barèmes'!B8", 0, 2)).toBe("SUM(D31:D44)+'Barèmes'!D8");
    expect(decalerFormule('IF(A1="B5",B5,LOG10(2))', 1, 0)).toBe('IF(A2="B5",B6,LOG10(2))');
    expect(decalerFormule("A1", -1, 0)).toBe("#REF!");
  });

  it("référence d'un nom défini : feuille et cellule", () => {
    expect(referenceNom("'Plan d''apurement'!$B$13")).toEqual({ feuille: "Plan d'apurement", ref: "B13" });
    expect(referenceNom("Évaluation!$B$64")).toEqual({ feuille: "Évaluation", ref: "B64" });
    expect(referenceNom("Évaluation!$B$64:$B$65")).toBeNull();
    expect(referenceNom("#REF!")).toBeNull();
  });
});
