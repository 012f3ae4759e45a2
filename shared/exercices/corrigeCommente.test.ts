import { describe, expect, it } from "vitest";
import type { DateISO } from "../date.ts";
import { verifierEtapes } from "../explication/verification.ts";
import { construireExercice, TYPES_EXERCICES } from "./index.ts";
import { CLE_CORRIGE_COMMENTE } from "./corrigeCommente.ts";

const DATE = "2025-06-01" as DateISO;

/** Answers that are read, not computed: no steps to show. */
const SANS_CALCUL = /\.(anciennete|sousPlafond)$/;

describe("Corrigé commenté des exercices", () => {
  it.each(TYPES_EXERCICES)("%s : chaque réponse calculée a ses étapes, qui se refont à la main et finissent sur la valeur attendue par le contrôle (graines 1 à 25)", (type) => {
    for (let graine = 1; graine <= 25; graine++) {
      const ex = construireExercice(type, graine, DATE);
      for (const r of ex.reponses) {
        const x = ex.explications.get(r.id);
        if (typeof r.valeur !== "number" || SANS_CALCUL.test(r.id)) continue;
        expect(x, `${type} n° ${graine}, ${r.id}`).toBeDefined();
        expect(verifierEtapes(x!.etapes), `${type} n° ${graine}, ${r.id}`).toEqual([]);
        // The audit's expected value is what the trainee must find; the last step must be it.
        expect(x!.etapes.at(-1)!.valeur, `${type} n° ${graine}, ${r.id}`).toBe(r.valeur);
      }
    }
  });

  it.each(TYPES_EXERCICES)("%s : le corrigé a la feuille « Corrigé commenté », imprimée en A4 ajusté à la largeur ; l'énoncé ne l'a pas", (type) => {
    const ex = construireExercice(type, 12, DATE);
    const feuille = ex.corrige.feuilles.find((f) => f.cle === CLE_CORRIGE_COMMENTE);
    expect(feuille?.nom).toBe("Corrigé commenté");
    expect(feuille?.impression).toMatchObject({ orientation: "portrait", derniereColonne: "A" });
    expect(ex.enonce.feuilles.some((f) => f.cle === CLE_CORRIGE_COMMENTE)).toBe(false);
    const textes = feuille!.cellules.map((c) => String(c.valeur));
    for (const r of ex.reponses) expect(textes.some((t) => t.startsWith(`${r.libelle} : ${r.lisible}`))).toBe(true);
  });

  it("plan d'apurement : les étapes du cas, chaque étape une seule fois", () => {
    const ex = construireExercice("apurement", 12, DATE);
    const textes = ex.corrige.feuilles.find((f) => f.cle === CLE_CORRIGE_COMMENTE)!.cellules.map((c) => String(c.valeur));
    // The case's data are not repeated (they are in the plan sheet); each calculation is written once.
    expect(textes.some((t) => t.startsWith("Dette locative : "))).toBe(false);
    const calculs = textes.filter((t) => t.startsWith("Dette / mensualité = "));
    expect(calculs).toHaveLength(1);
    expect(textes.filter((t) => t.startsWith("Total remboursé = "))).toHaveLength(1);
  });
});
