import { describe, expect, it } from "vitest";
import type { DateISO } from "../date.ts";
import { construireModele } from "./index.ts";
import { avecSaisies } from "./spec.ts";
import { derniereLigneImprimee, echeancesSaisies, formuleZoneImpression, piedDePage, piedDePageExcel, sautsImprimes } from "./impression.ts";
import { marqueStatut, type LigneBareme } from "./feuilleBaremes.ts";

const DATE = "2026-11-26" as DateISO;
const plan = construireModele("apurement", { date: DATE });
const feuillePlan = (spec: typeof plan) => spec.feuilles.find((f) => f.cle === "plan")!;

describe("impression : pied de page, zone et sauts", () => {
  it("pied de page : « & » d'un titre doublé (code d'en-tête d'Excel), date des barèmes en français et page x/y à droite, centre vide", () => {
    const p = piedDePage({ titre: "Plan A & B", dateBaremes: DATE });
    expect(p).toEqual({ gauche: "Plan A && B : &A", centre: "", droite: "Barèmes en vigueur au 26/11/2026\nPage &P / &N" });
    expect(piedDePageExcel(p)).toBe("&L&8Plan A && B : &A&R&8Barèmes en vigueur au 26/11/2026\nPage &P / &N");
  });

  it("plan : la zone s'arrête 16 lignes (bloc de signatures) après la dernière échéance que donnent les saisies", () => {
    // 1 000 € over 3 months → 3 instalments (33 334 c × 2 + 33 332 c); rows 38–40, block 41–56.
    const rempli = avecSaisies(plan, { "plan.dette": 1000, "plan.duree": 3 });
    expect(echeancesSaisies(rempli)).toBe(3);
    expect(derniereLigneImprimee(rempli, feuillePlan(rempli).impression!)).toBe(37 + 3 + 16);
    // Blank, or refused (100 € a month cannot repay 1 000 € in 3 months): no instalment.
    expect(echeancesSaisies(plan)).toBe(0);
    expect(echeancesSaisies(avecSaisies(plan, { "plan.dette": 1000, "plan.mensualite": 100, "plan.duree": 3 }))).toBe(0);
    expect(derniereLigneImprimee(plan, feuillePlan(plan).impression!)).toBe(53);
    expect(formuleZoneImpression("Plan d'apurement", feuillePlan(plan).impression!)).toBe("'Plan d''apurement'!$A$1:INDEX('Plan d''apurement'!$F:$F,53+'Plan d''apurement'!$I$9)");
  });

  it("plan : un saut de page avant le bloc de signatures seulement quand il serait coupé", () => {
    // 5 instalments: rows 1–58 fit on page 1, no break. 30: the block would straddle pages 1 and 2
    // (LibreOffice PDF, checked in tests/impression): it starts page 2 at row 38 + 30 = 68.
    expect(sautsImprimes(avecSaisies(plan, { "plan.dette": 50, "plan.duree": 5 }), feuillePlan(plan))).toEqual([]);
    expect(sautsImprimes(avecSaisies(plan, { "plan.dette": 300, "plan.duree": 30 }), feuillePlan(plan))).toEqual([68]);
  });
});

describe("marques de statut (DESIGN.md §2.8)", () => {
  const ligne = (statutCode: LigneBareme["statutCode"], note?: string): LigneBareme => ({
    id: "rsa.montant",
    libelle: "RSA : montant forfaitaire pour une personne seule",
    valeur: 651.69,
    unite: "€",
    format: "montant",
    dateEffet: "2026-04-01" as DateISO,
    statut: "",
    source: "",
    statutCode,
    ...(note !== undefined ? { note } : {}),
  });

  it("rien quand toutes les valeurs sont officielles ; sinon laquelle, son statut et pourquoi", () => {
    expect(marqueStatut([ligne("officiel"), ligne("officiel")])).toBe("");
    expect(marqueStatut([ligne("officiel"), ligne("non_verifie", "Source unique."), ligne("non_verifie", "Source unique.")])).toBe(
      "⚠ Calculé avec des valeurs non officielles : RSA en vigueur au 01/04/2026 : non vérifié (Source unique). À vérifier au Journal officiel avant toute décision.",
    );
    expect(marqueStatut([ligne("estimation")])).toContain("estimation (non publiée : estimation, méthode dans la feuille Barèmes)");
  });
});
