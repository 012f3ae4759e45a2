import { ErreurLogsoc } from "../errors.ts";
import { statutLePlusFaible, type Statut, type VersionBareme } from "./schema.ts";

/**
 * Keys address one value inside a version's values: the names of the nested groups joined by dots,
 * e.g. "montant", "majorations.deuxiemePersonne", "PLUS.AUTRES.cat3", "seuilsAnnuels.s2".
 * Names match exactly, or ignoring case when that is unambiguous ("plus.autres.CAT3").
 */

export type Scalaire = number | string | boolean;

function estGroupe(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Every key that leads to a single value (including values not available, which are null). */
export function clesFeuilles(valeurs: unknown, prefixe = ""): string[] {
  if (!estGroupe(valeurs)) return prefixe === "" ? [] : [prefixe];
  return Object.entries(valeurs).flatMap(([k, v]) => clesFeuilles(v, prefixe === "" ? k : `${prefixe}.${k}`));
}

function segmentCorrespondant(groupe: Record<string, unknown>, segment: string): string | undefined {
  if (Object.hasOwn(groupe, segment)) return segment;
  const candidats = Object.keys(groupe).filter((k) => k.toLowerCase() === segment.toLowerCase());
  return candidats.length === 1 ? candidats[0] : undefined;
}

function listeCles(cles: readonly string[]): string {
  return cles.join(", ");
}

export interface ValeurTrouvee {
  /** The key as written in the data (case corrected). */
  cle: string;
  valeur: Scalaire;
}

/**
 * The scalar value at `cle`. Errors name the scale and the date, and list the keys valid at the level
 * where the key went wrong, so the adviser can correct a typo without opening the documentation.
 */
export function valeurParCle(valeurs: unknown, cle: string, contexte: { bareme: string; dateEffet: string }): ValeurTrouvee {
  const ou = `du barème ${contexte.bareme} (version du ${contexte.dateEffet})`;
  const segments = cle.trim().split(".").map((s) => s.trim());
  if (segments.some((s) => s === "")) {
    throw new ErreurLogsoc("CLE_INCONNUE", `Clé « ${cle} » mal formée : des noms séparés par des points sont attendus, par exemple ${clesFeuilles(valeurs)[0] ?? "montant"}.`, ["cle"]);
  }
  let courant: unknown = valeurs;
  const parcourus: string[] = [];
  for (const segment of segments) {
    if (!estGroupe(courant)) {
      throw new ErreurLogsoc("CLE_INCONNUE", `La clé « ${cle} » va au-delà de la valeur « ${parcourus.join(".")} » ${ou}.`, ["cle"]);
    }
    const trouve = segmentCorrespondant(courant, segment);
    if (trouve === undefined) {
      const prefixe = parcourus.length === 0 ? "" : `${parcourus.join(".")}.`;
      const possibles = Object.keys(courant).map((k) => `${prefixe}${k}`);
      const dans = parcourus.length === 0 ? "" : ` dans « ${parcourus.join(".")} »`;
      throw new ErreurLogsoc("CLE_INCONNUE", `Clé inconnue « ${segment} »${dans} ${ou}. Clés possibles : ${listeCles(possibles)}.`, ["cle"]);
    }
    parcourus.push(trouve);
    courant = courant[trouve];
  }
  const chemin = parcourus.join(".");
  if (estGroupe(courant)) {
    throw new ErreurLogsoc(
      "CLE_INCONNUE",
      `La clé « ${chemin} » désigne un groupe de valeurs ${ou}, pas une valeur : précisez-la. Clés possibles : ${listeCles(clesFeuilles(courant, chemin))}.`,
      ["cle"],
    );
  }
  if (courant === null || courant === undefined) {
    throw new ErreurLogsoc("CLE_INCONNUE", `La valeur « ${chemin} » ${ou} n'est pas disponible : aucune source ne la donne (voir les lacunes de cette version).`, ["cle"]);
  }
  return { cle: chemin, valeur: courant as Scalaire };
}

function couvre(prefixe: string, cle: string): boolean {
  return cle === prefixe || cle.startsWith(`${prefixe}.`);
}

/** The status of the value at `cle`: the most specific cell status whose key covers it, else the version's. */
export function statutDeCle(version: Pick<VersionBareme<unknown>, "statut" | "statutsCellules">, cle: string): Statut {
  let retenu: { longueur: number; statut: Statut } = { longueur: -1, statut: version.statut };
  for (const c of version.statutsCellules ?? []) {
    if (couvre(c.cle, cle) && c.cle.length > retenu.longueur) retenu = { longueur: c.cle.length, statut: c.statut };
  }
  return retenu.statut;
}

/** The note that justifies the status of the value at `cle`, when a cell status applies. */
export function noteDeCle(version: Pick<VersionBareme<unknown>, "statutsCellules">, cle: string): string | undefined {
  let retenue: { longueur: number; note?: string } = { longueur: -1 };
  for (const c of version.statutsCellules ?? []) {
    if (couvre(c.cle, cle) && c.cle.length > retenue.longueur) retenue = { longueur: c.cle.length, note: c.note };
  }
  return retenue.note;
}

/** The weakest status of any value of the version: what a list shows so that no estimate hides behind "officiel". */
export function statutGlobal(version: Pick<VersionBareme<unknown>, "statut" | "statutsCellules">): Statut {
  return (version.statutsCellules ?? []).reduce<Statut>((s, c) => statutLePlusFaible(s, c.statut), version.statut);
}
