import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { consigne, localiser, OUTILS, outilsRequis, trouver } from "./outils.ts";

const racine = join(import.meta.dirname, "..", "..");
const temporaire = mkdtempSync(join(tmpdir(), "logsoc-outils-"));
afterAll(() => rmSync(temporaire, { recursive: true, force: true }));

function programme(nom: string): string {
  const chemin = join(temporaire, nom);
  writeFileSync(chemin, "#!/bin/sh\n");
  chmodSync(chemin, 0o755);
  return chemin;
}

const noms = (fichiers: string[]) => outilsRequis(fichiers.map((f) => join(racine, f))).map((o) => o.nom);
const outil = (nom: string) => OUTILS.find((o) => o.nom === nom)!;

describe("programmes requis par les tests choisis", () => {
  it("le volet dans Chromium, le recalcul dans LibreOffice, rien pour le moteur", () => {
    expect(noms(["addin/e2e/volet.spec.ts"])).toEqual(["Chromium"]);
    expect(noms(["tests/modeles/recalcul-libreoffice.test.ts"])).toEqual(["LibreOffice"]);
    expect(noms(["shared/money.test.ts", "cli/src/commandes/calc.test.ts"])).toEqual([]);
  });

  it("un programme lancé par un module local importé compte (dossiers.test.ts → libreoffice/recalcul.ts)", () => {
    expect(noms(["tests/audit/dossiers.test.ts"])).toEqual(["LibreOffice"]);
  });

  it("ce dossier, qui nomme tous les programmes, n'en demande aucun", () => {
    expect(noms(["tests/setup/outils.test.ts"])).toEqual([]);
  });
});

describe("recherche d'un programme", () => {
  it("par chemin absolu ou dans PATH, comme le shell", () => {
    const p = programme("outil-factice");
    expect(trouver(p)).toBe(p);
    expect(trouver(join(temporaire, "absent"))).toBeNull();
    expect(trouver("outil-factice", ["/nulle-part", temporaire].join(":"))).toBe(p);
    expect(trouver("outil-factice", "/nulle-part")).toBeNull();
  });

  it("la variable d'environnement des tests passe avant les noms usuels", () => {
    const chromium = programme("mon-chromium");
    const trouves = localiser([outil("Chromium"), outil("LibreOffice")], { PATH: "/nulle-part", CHROMIUM_PATH: chromium });
    expect(trouves.get(outil("Chromium"))).toBe(chromium);
    expect(trouves.get(outil("LibreOffice"))).toBeNull();
  });
});

describe("la ligne en français quand un programme manque", () => {
  const manquants = [outil("Chromium"), outil("LibreOffice")];
  it("avec apt-get, sans les droits : la commande sudo à lancer", () => {
    expect(consigne(manquants, true, false)).toBe(
      "Tests arrêtés : Chromium, LibreOffice introuvable(s). Lancez « sudo apt-get install -y --no-install-recommends chromium libreoffice-calc-nogui », puis relancez npm test.",
    );
  });
  it("sans apt-get : les paquets et les variables qui donnent un autre chemin", () => {
    const ligne = consigne(manquants, false, false);
    expect(ligne).toBe(
      "Tests arrêtés : Chromium, LibreOffice introuvable(s). Installez-les (paquets Debian : chromium libreoffice-calc-nogui) ou indiquez leur chemin (CHROMIUM_PATH, SOFFICE), puis relancez npm test.",
    );
    expect(ligne).not.toContain("\n");
  });
});
