import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue.ts";
import { clesFeuilles } from "./cle.ts";
import { libelleCle, libelleCleDeclare } from "./libelles.ts";

describe("French labels of barème keys", () => {
  it("has a declared label for every key of every bundled version, and no two keys of a barème share one", () => {
    for (const b of CATALOGUE.liste()) {
      const cles = new Set(b.versions.flatMap((v) => clesFeuilles(v.valeurs)));
      for (const cle of cles) expect(libelleCleDeclare(b.id, cle), `${b.id} ${cle}`).not.toBeNull();
      const libelles = [...cles].map((c) => libelleCle(b.id, c));
      expect(new Set(libelles).size).toBe(libelles.length);
    }
  });

  it("reads as the issue asks (« Majoration 4e personne, couple ») and names zone and category of a plafond", () => {
    expect(libelleCle("rsa_montant_forfaitaire", "majorations.quatriemePersonneCouple")).toBe("Majoration 4e personne, couple");
    expect(libelleCle("plafonds_ressources_hlm", "PLAI.PARIS.cat3")).toBe("PLAI, Paris et communes limitrophes, catégorie 3");
    expect(libelleCle("plafonds_ressources_hlm", "PLS.AUTRES.parPersonneSupplementaire")).toBe("PLS, Autres régions, par personne supplémentaire");
    expect(libelleCle("reperes_taux_effort", "hcsfCreditImmobilier.maximum")).toBe("HCSF, crédit immobilier, maximum");
    expect(libelleCle("saisie_remuneration", "fractions.t1")).toBe("Fraction saisissable, 1re tranche");
  });

  it("keeps a key published later readable: its words, never the bare camelCase", () => {
    expect(libelleCleDeclare("reperes_reste_a_vivre", "cafDuNord.plafondMensuel")).toBeNull();
    expect(libelleCle("reperes_reste_a_vivre", "cafDuNord.plafondMensuel")).toBe("Caf du nord, plafond mensuel");
    expect(libelleCle("reperes_reste_a_vivre", "fslCotesDArmor.sixPersonnes")).toBe("FSL des Côtes-d'Armor, six personnes");
    expect(libelleCle("plafonds_ressources_hlm", "PLAI.LYON.cat1")).toBe("PLAI, LYON, cat1");
  });
});
