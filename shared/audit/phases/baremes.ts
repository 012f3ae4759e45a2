import { dateFr } from "../../baremes/catalogue.ts";
import { depuisSerieExcel } from "../../date.ts";
import { enConstat, memeConstante, valeurCellule } from "../comparaison.ts";
import type { ContexteDossier } from "../contexte.ts";
import { valeurLisible } from "../saisies.ts";

/**
 * Whether the workbook's « valid until » (`trouve`) can only come from an older knowledge of the same
 * catalogue: no change known then (a text), or a later change than the one known now (`attendu`).
 * Knowledge only grows: a workbook that shows an EARLIER end than LogSoc knows today was altered.
 */
function finConnueDepuis(attendu: number | string | boolean, trouve: unknown): boolean {
  if (typeof attendu !== "number") return false;
  return trouve === "aucun changement connu" || (typeof trouve === "number" && Number.isInteger(trouve) && trouve > attendu);
}

/** Phase 4, the barèmes: the « Barèmes » sheet holds the official values on the workbook's date. */
export function verifierBaremes(ctx: ContexteDossier): void {
  const feuilleBaremes = ctx.p.actif.feuilles.find((f) => f.cle === "baremes");
  if (!feuilleBaremes || ctx.feuillesAbsentes.has("baremes")) return;
  const debut = ctx.constats.length;
  const date = dateFr(ctx.dateBaremes);
  let premiere: string | null = null;
  let n = 0;
  for (const c of feuilleBaremes.cellules) {
    if (c.valeur === undefined) continue;
    n++;
    const attendu = valeurCellule(c.valeur, ctx.noms);
    const lu = ctx.lire("baremes", c.ref);
    if (memeConstante(attendu, lu?.valeur)) continue;
    if (c.id === "baremes.fin" && finConnueDepuis(attendu, lu?.valeur)) {
      // The workbook said « until the next change known then »; LogSoc has learnt of an earlier change
      // since it was made (a new barème version): knowledge, not tampering.
      ctx.notes.push(
        `Depuis la création du classeur, LogSoc connaît un changement de barème au ${dateFr(depuisSerieExcel((attendu as number) + 1))} : la feuille Barèmes indique ${valeurLisible(lu?.valeur, c.format)} comme fin de validité, ce qui était exact quand le classeur a été créé (information, pas une anomalie).`,
      );
      continue;
    }
    premiere ??= c.ref;
    const dateEnTete = c.id === "baremes.date" || c.id === "baremes.debut" || c.id === "baremes.fin";
    const libelle = feuilleBaremes.cellules.find((x) => x.ref === `A${c.ref.replace(/^[A-Z]+/, "")}`)?.valeur;
    ctx.ajouter({
      genre: dateEnTete ? "bareme_date" : "bareme_valeur",
      feuille: ctx.noms.baremes!,
      cellule: c.ref,
      ...(c.id !== undefined ? { id: c.id } : {}),
      attendu,
      trouve: enConstat(lu?.valeur),
      message: dateEnTete
        ? `La feuille Barèmes indique ${valeurLisible(lu?.valeur, c.format)} au lieu de ${valeurLisible(attendu, c.format)} (${typeof libelle === "string" ? libelle.toLowerCase() : "date"}) : elle ne correspond plus à la date des barèmes du classeur (${date}).`
        : typeof attendu === "number"
          ? `Valeur de barème modifiée${typeof libelle === "string" ? ` (« ${libelle} »)` : ""} : ${valeurLisible(lu?.valeur, c.format)} au lieu de la valeur officielle en vigueur le ${date}, ${valeurLisible(attendu, c.format)}.`
          : `Texte de la feuille Barèmes modifié : ${valeurLisible(lu?.valeur)} au lieu de ${valeurLisible(attendu)} (date d'effet, statut et source doivent rester ceux du barème officiel).`,
    });
  }
  const k = ctx.constats.length - debut;
  ctx.controle(debut, {
    libelle: `Barèmes : valeurs officielles en vigueur le ${date}`,
    feuille: ctx.noms.baremes!,
    cellule: premiere ?? "B2",
    detail: k > 0 ? `${k} valeur(s) de la feuille Barèmes diffèrent du barème officiel.` : `${n} valeur(s), dates d'effet et sources conformes au catalogue des barèmes.`,
  });
}
