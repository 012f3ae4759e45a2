import { describe, expect, it } from "vitest";
import { enMemoire, logsoc } from "../test/executer.ts";

// Counted by hand from the seed (see shared/referentiel/referentiel.test.ts for the line numbers):
// activités 1–10 in domaine 1, 11–16 in 2, 17–21 in 3, 22–24 in 4.
const COMPETENCES_PAR_ACTIVITE = [7, 3, 3, 4, 4, 2, 4, 3, 8, 9, 6, 3, 3, 3, 3, 5, 4, 2, 4, 4, 6, 7, 4, 3];
const ACTIVITES_PAR_DOMAINE = [10, 6, 5, 3];

type Json = {
  domaines: { id: string; intitule: string; activites: { id: string; numero: number; intitule: string; competences: { id: string; libelle: string }[] }[] }[];
  certification: Record<string, unknown>;
};

describe("logsoc competences --json (binaire réel)", () => {
  const r = logsoc("competences", "--json");
  const json = JSON.parse(r.out) as Json;

  it("code 0, rien sur la sortie d'erreur", () => {
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
  });

  it("la forme de DESIGN.md §5.2, clés exactes, métadonnées après les domaines", () => {
    expect(Object.keys(json)).toEqual(["domaines", "certification"]);
    for (const d of json.domaines) {
      expect(Object.keys(d)).toEqual(["id", "intitule", "activites"]);
      for (const a of d.activites) {
        expect(Object.keys(a)).toEqual(["id", "numero", "intitule", "competences"]);
        expect(typeof a.numero).toBe("number");
        for (const c of a.competences) {
          expect(Object.keys(c)).toEqual(["id", "libelle"]);
          expect(typeof c.libelle).toBe("string");
        }
      }
    }
  });

  it("4 domaines, 24 activités numérotées 1–24, 104 compétences réparties comme dans la source", () => {
    expect(json.domaines.map((d) => d.id)).toEqual(["D1", "D2", "D3", "D4"]);
    expect(json.domaines.map((d) => d.activites.length)).toEqual(ACTIVITES_PAR_DOMAINE);
    const activites = json.domaines.flatMap((d) => d.activites);
    expect(activites.map((a) => a.numero)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(activites.map((a) => a.competences.length)).toEqual(COMPETENCES_PAR_ACTIVITE);
    expect(activites.flatMap((a) => a.competences)).toHaveLength(104);
  });

  it("identifiants et libellés", () => {
    const a17 = json.domaines[2]!.activites[0]!;
    expect(a17).toMatchObject({ id: "A17", numero: 17, intitule: "Prévient les impayés locatifs" });
    expect(a17.competences[2]).toEqual({
      id: "A17-C03",
      libelle: "informer et aider le locataire à bénéficier de ses droits légaux et sociaux au regard de sa situation pour limiter les risques de primo-débiteur",
    });
    expect(json.certification).toMatchObject({ identifiant: "RS3474", dateVersion: "2018-03-27" });
  });
});

describe("logsoc competences (texte)", () => {
  it("liste lisible : résumé, domaines → activités → compétences, puis la certification", () => {
    const r = logsoc("competences");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const lignes = r.out.split("\n");
    expect(lignes.slice(0, 3)).toEqual([
      "Référentiel de compétences : Accompagnement social des habitants",
      "RS3474 (fiche n° 3474, catégorie C), version du 27/03/2018, créée le 06/07/2012",
      "4 domaines d'activité, 24 activités, 104 compétences.",
    ]);
    expect(lignes).toContain("D3 Domaine d'activité 3 : Impayés locatifs");
    expect(lignes).toContain("  A21 Activité 21 : Assure le traitement administratif de l’impayé");
    expect(lignes).toContain(
      "    A21-C02  négocier, proposer et gérer un plan d'apurement ou accord de paiement réaliste des impayés de loyers en intégrant les données économiques du ménage",
    );
    expect(lignes.filter((l) => /^ {4}A\d{2}-C\d{2} {2}\S/.test(l))).toHaveLength(104);
    expect(lignes.indexOf("D1 Domaine d'activité 1 : Intervention sociale dans le logement")).toBeLessThan(lignes.indexOf("  A01 Activité 1 : Conduit des entretiens à caractère social"));
    expect(r.out).toContain(
      "  Composantes (4) : intervention sociale dans le logement (D1) ; accès au logement (D2) ; impayés locatifs (D3) ; troubles de voisinage (D4).",
    );
    expect(r.out).toContain("  Délai accordé pour valider les composantes manquantes : 5 ans.");
    expect(r.out).toContain("  Validité de la certification : Permanente. Composantes acquises : sans limite de validité.");
  });

  it("--help en français, code 0", async () => {
    const r = await enMemoire("competences", "--help");
    expect(r.code).toBe(0);
    expect(r.out.startsWith("Utilisation : logsoc competences [--json]")).toBe(true);
    expect(r.out).toContain("Affiche le référentiel de compétences");
  });

  it("option inconnue : code 2 et message en français sur la sortie d'erreur", async () => {
    const r = await enMemoire("competences", "--xml");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.startsWith("Argument inconnu pour « logsoc competences » : « --xml ».")).toBe(true);
  });

  it("figure dans l'aide générale", async () => {
    const r = await enMemoire("--help");
    expect(r.out).toMatch(/^ {2}competences +référentiel de compétences/m);
  });
});
