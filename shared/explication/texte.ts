import { dec } from "../money.ts";
import { LIBELLES_STATUT } from "../baremes/schema.ts";
import { dateFr } from "../baremes/catalogue.ts";
import { estCelluleDate, type Cellule } from "../fonctions/types.ts";
import type { Etape, Explication, Operation } from "./types.ts";

/**
 * The French text of an explanation, for an adviser to paste in a report: one numbered line per step
 * with the formula, the numbers it uses and its value, then its reference and, for a barème value, the
 * version, status and source.
 */

const ESPACE_FINE = "\u202f";

function grouper(entier: string): string {
  return entier.replace(/\B(?=(\d{3})+(?!\d))/g, ESPACE_FINE);
}

/** A number as a French reader writes it: decimal comma, thin-space groups, at most `max` decimals (« … » when cut). */
export function formatDecimal(x: number, min: number, max: number): string {
  const d = dec(x);
  const coupe = d.decimalPlaces() > max;
  const places = Math.min(Math.max(d.decimalPlaces(), min), max);
  const s = d.toFixed(places);
  const negatif = s.startsWith("-");
  const [ent, frac] = (negatif ? s.slice(1) : s).split(".") as [string, string | undefined];
  return `${negatif ? "−" : ""}${grouper(ent)}${frac ? `,${frac}` : ""}${coupe ? "…" : ""}`;
}

const SINGULIERS: Record<string, string> = { personnes: "personne", enfants: "enfant", "échéances": "échéance" };

/** A step's value with its unit: amounts to the cent (more decimals when the step is not rounded), rates in %. */
export function valeurLisible(valeur: Etape["valeur"], unite: string): string {
  if (typeof valeur === "boolean") return valeur ? "VRAI" : "FAUX";
  if (typeof valeur === "string") return valeur;
  if (unite === "taux") return `${formatDecimal(dec(valeur).times(100).toNumber(), 2, 6)} %`;
  if (unite === "fraction") return formatDecimal(valeur, 0, 6);
  const montant = unite.startsWith("€");
  const u = Math.abs(valeur) <= 1 ? (SINGULIERS[unite] ?? unite) : unite;
  return `${formatDecimal(valeur, montant ? 2 : 0, 6)}${u === "" ? "" : ` ${u}`}`;
}

function nombre(etapes: readonly Etape[], i: number): string {
  const e = etapes[i]!;
  return typeof e.valeur === "number" ? formatDecimal(e.valeur, e.unite.startsWith("€") ? 2 : 0, 6) : String(e.valeur);
}

/** The operation with the numbers of the steps it uses, « 1 850,40 − 815,50 ». */
export function calculLisible(o: Operation, etapes: readonly Etape[]): string | null {
  const n = (i: number) => nombre(etapes, i);
  switch (o.type) {
    case "entree":
    case "constante":
    case "bareme":
      return null;
    case "somme":
      return o.termes.map(n).join(" + ");
    case "difference":
      return `${n(o.de)} − ${n(o.moins)}`;
    case "produit":
      return o.facteurs.map(n).join(" × ");
    case "quotient":
      return `${n(o.dividende)} / ${n(o.diviseur)}`;
    case "minimum":
      return `le plus petit de ${o.termes.map(n).join(" et ")}`;
    case "maximum":
      return `le plus grand de ${o.termes.map(n).join(" et ")}`;
    case "arrondi":
      return `${n(o.de)} arrondi ${o.sens === "superieur" ? "au supérieur" : "au plus proche"} à ${o.decimales === 0 ? "l'unité" : `${o.decimales} décimale${o.decimales > 1 ? "s" : ""}`}`;
    case "reprise":
      return `étape ${o.de + 1}`;
  }
}

/**
 * One step as lines of text (the first numbered, the others indented). `citees` holds the barème
 * versions whose source was already written: a source is written once per explanation.
 */
export function etapeEnLignes(e: Etape, i: number, etapes: readonly Etape[], citees: Set<string> = new Set()): string[] {
  const valeur = valeurLisible(e.valeur, e.unite);
  const o = e.operation;
  const lignes: string[] = [];
  if (o.type === "bareme" && e.bareme) {
    const b = e.bareme;
    lignes.push(`${i + 1}. ${e.libelle} : ${valeur} (barème ${b.id}, clé ${b.cle}, version du ${dateFr(b.version)}, statut ${LIBELLES_STATUT[b.statut]})`);
    const version = `${b.id}@${b.version}`;
    if (!citees.has(version)) lignes.push(`   Source : ${b.source}`);
    citees.add(version);
    return lignes;
  }
  if (o.type === "entree" || o.type === "constante") lignes.push(`${i + 1}. ${e.libelle} : ${valeur} (${e.formule})`);
  else if (o.type === "arrondi") lignes.push(`${i + 1}. ${e.libelle} : ${valeur} (${e.formule}, de ${nombre(etapes, o.de)})`);
  else if (o.type === "reprise") lignes.push(`${i + 1}. ${e.libelle} : ${valeur} (${e.formule}, étape ${o.de + 1})`);
  else {
    // « Dette / durée = dette / durée = … »: the formula is not repeated when the label already says it.
    const formule = e.formule.toLowerCase() === e.libelle.toLowerCase() ? "" : ` = ${e.formule}`;
    lignes.push(`${i + 1}. ${e.libelle}${formule} = ${calculLisible(o, etapes)} = ${valeur}`);
  }
  if (e.reference) lignes.push(`   Référence : ${e.reference}`);
  return lignes;
}

function resultatLisible(x: Explication): string {
  const r = x.resultat;
  if (Array.isArray(r)) return `tableau de ${r.length - 1} ligne${r.length - 1 > 1 ? "s" : ""}`;
  const derniere = x.etapes.at(-1);
  return derniere !== undefined && derniere.valeur === r ? valeurLisible(r, derniere.unite) : valeurLisible(r as number | string | boolean, "");
}

/** A cell of a returned table: the plan's first column counts instalments, the others are amounts. */
function celluleLisible(c: Cellule, compte: boolean): string {
  if (c === null) return "";
  if (estCelluleDate(c)) return dateFr(c.date);
  if (typeof c === "number") return formatDecimal(c, compte ? 0 : 2, 6);
  if (typeof c === "boolean") return c ? "VRAI" : "FAUX";
  return c;
}

/** The whole explanation: a title, the result with the weakest status of the barèmes used, then the steps. */
export function explicationEnTexte(x: Explication, titre: string): string {
  const lignes = [titre, `Résultat : ${resultatLisible(x)} (barèmes utilisés : statut ${LIBELLES_STATUT[x.statut]})`];
  if (Array.isArray(x.resultat)) for (const ligne of x.resultat) lignes.push(`   ${ligne.map((c, j) => celluleLisible(c, j === 0)).join(" | ")}`);
  lignes.push("Étapes :");
  const citees = new Set<string>();
  x.etapes.forEach((e, i) => lignes.push(...etapeEnLignes(e, i, x.etapes, citees)));
  return `${lignes.join("\n")}\n`;
}
