import { describe, expect, it } from "vitest";
import type { DateISO } from "#shared/date.ts";
import { versSerieExcel } from "#shared/date.ts";
import { auditerClasseur } from "#shared/audit/audit.ts";
import { lecteurEnMemoire, type CelluleLue } from "#shared/audit/lecteur.ts";
import { construireModele, type SpecModele } from "#shared/modeles/index.ts";
import { citerFeuille, refAbsolue, resoudreFormule } from "#shared/modeles/formules.ts";

/** A template as the pane inserts it (formulas not computed), read back by the audit. */
function libelleBaremes(spec: SpecModele): string {
  const noms = Object.fromEntries(spec.feuilles.map((f) => [f.cle, f.nom]));
  const feuilles = spec.feuilles.map((f) => {
    const cellules = new Map<string, CelluleLue>();
    for (const c of f.cellules) {
      if (c.formule !== undefined) cellules.set(c.ref, { valeur: undefined, formule: resoudreFormule(c.formule, noms) });
      else if (c.valeur !== undefined) cellules.set(c.ref, { valeur: typeof c.valeur === "object" ? ("date" in c.valeur ? versSerieExcel(c.valeur.date) : noms[c.valeur.nomFeuille]!) : c.valeur });
    }
    return { nom: f.nom, visibilite: "visible" as const, cellules };
  });
  const r = auditerClasseur(lecteurEnMemoire({ feuilles, noms: new Map(spec.noms.map((n) => [n.nom, `${citerFeuille(noms[n.feuille]!)}!${refAbsolue(n.ref)}`])) }));
  return r.dossiers[0]!.controles.find((c) => c.libelle.startsWith("Barèmes : "))!.libelle;
}

describe("the check summary and the statuses of the barème values", () => {
  it("never says « valeurs officielles » when a value of the Barèmes sheet is an estimate, unverified or computed", () => {
    // The évaluation reads the repères de reste à vivre, all « non vérifié » in the bundled data.
    const spec = construireModele("evaluation", { date: "2025-06-01" as DateISO });
    expect(spec.feuilles.find((f) => f.cle === "baremes")!.cellules.some((c) => c.valeur === "non vérifié" || String(c.valeur).startsWith("non vérifié ("))).toBe(true);
    expect(libelleBaremes(spec)).toBe("Barèmes : valeurs en vigueur le 01/06/2025, dont des valeurs non officielles (voir leur statut)");
  });

  it("says « valeurs officielles » when every status of the sheet is « officiel »", () => {
    const spec = construireModele("apurement", { date: "2025-06-01" as DateISO });
    const statuts = spec.feuilles.find((f) => f.cle === "baremes")!.cellules.filter((c) => typeof c.valeur === "string" && /^(officiel|calculé|non vérifié|estimation)\b/.test(c.valeur));
    expect(statuts.length).toBeGreaterThan(0);
    expect(statuts.every((c) => c.valeur === "officiel" || String(c.valeur).startsWith("officiel ("))).toBe(true);
    expect(libelleBaremes(spec)).toBe("Barèmes : valeurs officielles en vigueur le 01/06/2025");
  });
});
