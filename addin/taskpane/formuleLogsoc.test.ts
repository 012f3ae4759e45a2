import { describe, expect, it } from "vitest";
import { lireFormuleLogsoc, separerArguments } from "./formuleLogsoc.ts";

describe("reading a =LOGSOC.… formula as office.js gives it", () => {
  it("finds the function and each argument: references, sheet references, names, constants, omitted ones", () => {
    const r = lireFormuleLogsoc(`=LOGSOC.RESTE_A_VIVRE(B2:B7,'Budget d''octobre'!$C$4,Feuil2!D1,"uc",)`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.formule.fonction.nom).toBe("RESTE_A_VIVRE");
    expect(r.formule.arguments.map((a) => a.argument)).toEqual([
      { type: "reference", feuille: null, adresse: "B2:B7", texte: "B2:B7" },
      { type: "reference", feuille: "Budget d'octobre", adresse: "C4", texte: "'Budget d''octobre'!$C$4" },
      { type: "reference", feuille: "Feuil2", adresse: "D1", texte: "Feuil2!D1" },
      { type: "texte", valeur: "uc" },
      { type: "omis" },
    ]);
    const c = lireFormuleLogsoc("=logsoc.taux_effort(650, 120.5, TOTAL_AIDES, -1E3)");
    expect(c.ok && c.formule.arguments.map((a) => a.argument)).toEqual([
      { type: "nombre", valeur: 650 },
      { type: "nombre", valeur: 120.5 },
      { type: "nom", nom: "TOTAL_AIDES" },
      { type: "nombre", valeur: -1000 },
    ]);
    const b = lireFormuleLogsoc("=LOGSOC.RSA_FORFAITAIRE(TRUE,2,,FALSE)");
    expect(b.ok && b.formule.arguments.map((a) => a.argument.type)).toEqual(["booleen", "nombre", "omis", "booleen"]);
  });

  it("says in French why a formula cannot be explained as written, and stays silent on other formulas", () => {
    expect(lireFormuleLogsoc("=SUM(B2:B4)")).toEqual({ ok: false, raison: null });
    expect(lireFormuleLogsoc(42)).toEqual({ ok: false, raison: null });
    expect(lireFormuleLogsoc("=LOGSOC.TAUX_EFFORT(1,2,3,4)*2")).toEqual({ ok: false, raison: expect.stringContaining("combine LOGSOC.TAUX_EFFORT avec d'autres calculs") });
    expect(lireFormuleLogsoc("=LOGSOC.TAUX_EFFORT(B1*12,B2,B3,B4)")).toEqual({ ok: false, raison: expect.stringContaining("L'argument loyer (B1*12) est un calcul") });
    expect(lireFormuleLogsoc("=LOGSOC.INCONNUE(1)")).toEqual({ ok: false, raison: expect.stringContaining("La fonction LOGSOC.INCONNUE n'existe pas") });
    expect(lireFormuleLogsoc("=LOGSOC.TAUX_EFFORT(1,2,3,4,5)")).toEqual({ ok: false, raison: "LOGSOC.TAUX_EFFORT accepte au plus 4 arguments (5 dans la formule)." });
  });

  it("splits at top-level commas only", () => {
    expect(separerArguments(`"a,b",'x,y'!A1,SUM(1,2),{1,2},`)).toEqual([`"a,b"`, `'x,y'!A1`, "SUM(1,2)", "{1,2}", ""]);
  });
});
