import { describe, expect, it } from "vitest";
import { clesFeuilles, noteDeCle, statutDeCle, statutGlobal, valeurParCle } from "./cle.ts";
import { statutLePlusFaible } from "./schema.ts";
import { erreur } from "../test/erreur.ts";

const valeurs = {
  montant: 646.52,
  groupe: { a: 1, b: { c: "1/3", d: null }, Mixte: true },
};
const ctx = { bareme: "essai", dateEffet: "01/04/2025" };

describe("valeurParCle", () => {
  it("chemin simple et imbriqué", () => {
    expect(valeurParCle(valeurs, "montant", ctx)).toEqual({ cle: "montant", valeur: 646.52 });
    expect(valeurParCle(valeurs, "groupe.b.c", ctx)).toEqual({ cle: "groupe.b.c", valeur: "1/3" });
    expect(valeurParCle(valeurs, "groupe.Mixte", ctx).valeur).toBe(true);
  });
  it("majuscules indifférentes et espaces ignorés, clé rendue telle qu'écrite dans les données", () => {
    expect(valeurParCle(valeurs, " GROUPE.mixte ", ctx)).toEqual({ cle: "groupe.Mixte", valeur: true });
  });
  it("clé inconnue : CLE_INCONNUE, #N/A, clés possibles à ce niveau", () => {
    const e = erreur(() => valeurParCle(valeurs, "groupe.z", ctx));
    expect(e.code).toBe("CLE_INCONNUE");
    expect(e.erreurExcel).toBe("#N/A");
    expect(e.message).toBe("Clé inconnue « z » dans « groupe » du barème essai (version du 01/04/2025). Clés possibles : groupe.a, groupe.b, groupe.Mixte.");
  });
  it("clé inconnue au premier niveau", () => {
    expect(erreur(() => valeurParCle(valeurs, "montants", ctx)).message).toMatch(/Clés possibles : montant, groupe\.$/);
  });
  it("groupe au lieu d'une valeur : CLE_INCONNUE listant les clés complètes", () => {
    expect(erreur(() => valeurParCle(valeurs, "groupe.b", ctx)).message).toMatch(/désigne un groupe de valeurs .* Clés possibles : groupe\.b\.c, groupe\.b\.d\.$/);
  });
  it("au-delà d'une valeur", () => {
    expect(erreur(() => valeurParCle(valeurs, "montant.x", ctx)).message).toMatch(/va au-delà de la valeur « montant »/);
  });
  it("valeur non disponible (null) : erreur qui le dit", () => {
    expect(erreur(() => valeurParCle(valeurs, "groupe.b.d", ctx)).message).toMatch(/n'est pas disponible/);
  });
  it("clé mal formée", () => {
    expect(erreur(() => valeurParCle(valeurs, "groupe..a", ctx)).message).toMatch(/mal formée/);
  });
  it("clesFeuilles : toutes les valeurs, null compris", () => {
    expect(clesFeuilles(valeurs)).toEqual(["montant", "groupe.a", "groupe.b.c", "groupe.b.d", "groupe.Mixte"]);
  });
});

describe("statuts par cellule", () => {
  const version = {
    statut: "officiel" as const,
    statutsCellules: [
      { cle: "PLAI", statut: "non_verifie" as const, note: "secondaire" },
      { cle: "PLAI.IDF.cat5", statut: "estimation" as const, note: "estimée" },
    ],
  };
  it("la clé la plus précise l'emporte ; sinon le statut de la version", () => {
    expect(statutDeCle(version, "PLAI.IDF.cat5")).toBe("estimation");
    expect(statutDeCle(version, "PLAI.IDF.cat4")).toBe("non_verifie");
    expect(statutDeCle(version, "PLUS.IDF.cat5")).toBe("officiel");
    expect(statutDeCle(version, "PLAIX.a")).toBe("officiel"); // un préfixe couvre une clé entière, pas un début de nom
    expect(noteDeCle(version, "PLAI.IDF.cat5")).toBe("estimée");
    expect(noteDeCle(version, "PLUS.IDF.cat5")).toBeUndefined();
  });
  it("statut global = le plus faible, dans l'ordre de DESIGN §7 : officiel > calculé > estimation > non vérifié", () => {
    // PLAI non vérifié and PLAI.IDF.cat5 estimation: the unverified value is the weakest.
    expect(statutGlobal(version)).toBe("non_verifie");
    expect(statutLePlusFaible("estimation", "non_verifie")).toBe("non_verifie");
    expect(statutLePlusFaible("non_verifie", "estimation")).toBe("non_verifie");
    expect(statutLePlusFaible("estimation", "calcule")).toBe("estimation");
    expect(statutGlobal({ statut: "officiel" })).toBe("officiel");
    expect(statutLePlusFaible("calcule", "officiel")).toBe("calcule");
    expect(statutLePlusFaible("calcule", "non_verifie")).toBe("non_verifie");
  });
});
