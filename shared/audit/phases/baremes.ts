import { dateFr } from "../../baremes/catalogue.ts";
import { depuisSerieExcel } from "../../date.ts";
import { enConstat, memeConstante, valeurCellule } from "../comparaison.ts";
import type { ContexteDossier } from "../contexte.ts";
import { valeurLisible } from "../saisies.ts";
import { LIBELLES_STATUT, STATUTS, statutLePlusFaible, type Statut } from "../../baremes/schema.ts";
import type { Cellule } from "../../modeles/spec.ts";

/** How the Barèmes sheet writes a status that is not `officiel` (alone, or followed by its note in parentheses). */
const NON_OFFICIELS = [LIBELLES_STATUT.calcule, LIBELLES_STATUT.non_verifie, LIBELLES_STATUT.estimation];

/**
 * Whether the workbook's « valid until » (`trouve`) can only come from an older knowledge of the same
 * catalogue: no change known then (a text), or a later change than the one known now (`attendu`).
 * Knowledge only grows: a workbook that shows an EARLIER end than LogSoc knows today was altered.
 */
function finConnueDepuis(attendu: number | string | boolean, trouve: unknown): boolean {
  if (typeof attendu !== "number") return false;
  return trouve === "aucun changement connu" || (typeof trouve === "number" && Number.isInteger(trouve) && trouve > attendu);
}

/** The status a Barèmes-sheet text opens with (« calculé » or « calculé (note) »), or null. */
function statutEnTete(t: string): Statut | null {
  return STATUTS.find((s) => t === LIBELLES_STATUT[s] || t.startsWith(`${LIBELLES_STATUT[s]} (`)) ?? null;
}

const SOURCE_TABLEAU = ". Source : ";

/**
 * Whether a text of the Barèmes sheet can differ from today's only because LogSoc reworded it since the
 * dossier was made (DESIGN §8: a note, a source corrected in the bundled data). Only the explanatory part
 * may differ: a status may only be weaker in the workbook than LogSoc knows it today (never an estimate
 * shown as official), a table's date d'effet stays as written, and a value line's source is free text.
 * The numbers on the same row are checked strictly apart (verifierBaremes).
 */
function texteMisAJour(attendu: string, trouve: unknown, ref: string, cellules: readonly Cellule[]): boolean {
  if (typeof trouve !== "string" || trouve.trim() === "") return false;
  const statut = statutEnTete(attendu);
  if (statut !== null) {
    const lu = statutEnTete(trouve);
    return lu !== null && statutLePlusFaible(lu, statut) === lu;
  }
  const i = attendu.indexOf(SOURCE_TABLEAU);
  if (attendu.startsWith("En vigueur depuis le ") && i > 0) return trouve.startsWith(attendu.slice(0, i + SOURCE_TABLEAU.length));
  const m = /^F(\d+)$/.exec(ref);
  return m !== null && cellules.some((c) => c.ref === `B${m[1]}` && c.id?.startsWith("baremes.") === true);
}

/** Phase 4, the barèmes: the « Barèmes » sheet holds the official values on the workbook's date. */
export function verifierBaremes(ctx: ContexteDossier): void {
  const feuilleBaremes = ctx.p.actif.feuilles.find((f) => f.cle === "baremes");
  if (!feuilleBaremes || ctx.feuillesAbsentes.has("baremes")) return;
  const debut = ctx.constats.length;
  const date = dateFr(ctx.dateBaremes);
  let premiere: string | null = null;
  let n = 0;
  const textes: { ref: string; attendu: string; trouve: string }[] = [];
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
    if (typeof attendu === "string" && texteMisAJour(attendu, lu?.valeur, c.ref, feuilleBaremes.cellules)) {
      textes.push({ ref: c.ref, attendu, trouve: lu!.valeur as string });
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
  // A reworded text is knowledge only when the figures of its row are still the official ones.
  const ligneDe = (ref: string) => ref.replace(/^[A-Z]+/, "");
  const lignesFausses = new Set(ctx.constats.slice(debut).map((c) => ligneDe(c.cellule ?? "")));
  for (const t of textes) {
    if (!lignesFausses.has(ligneDe(t.ref))) {
      ctx.notes.push(
        `Texte du barème mis à jour depuis la création du dossier : ${ctx.noms.baremes!}!${t.ref} indique ${valeurLisible(t.trouve)}, LogSoc indique aujourd'hui ${valeurLisible(t.attendu)} ; les valeurs et dates d'effet sont inchangées (information, pas une anomalie).`,
      );
      continue;
    }
    premiere ??= t.ref;
    ctx.ajouter({
      genre: "bareme_valeur",
      feuille: ctx.noms.baremes!,
      cellule: t.ref,
      attendu: t.attendu,
      trouve: t.trouve,
      message: `Texte de la feuille Barèmes modifié : ${valeurLisible(t.trouve)} au lieu de ${valeurLisible(t.attendu)} (date d'effet, statut et source doivent rester ceux du barème officiel).`,
    });
  }
  const k = ctx.constats.length - debut;
  ctx.controle(debut, {
    // « officielles » only when every status on the sheet says so (DESIGN §2.8: never an estimate presented as official).
    libelle: feuilleBaremes.cellules.some((c) => typeof c.valeur === "string" && NON_OFFICIELS.some((l) => c.valeur === l || (c.valeur as string).startsWith(`${l} (`)))
      ? `Barèmes : valeurs en vigueur le ${date}, dont des valeurs non officielles (voir leur statut)`
      : `Barèmes : valeurs officielles en vigueur le ${date}`,
    feuille: ctx.noms.baremes!,
    cellule: premiere ?? "B2",
    detail: k > 0 ? `${k} valeur(s) de la feuille Barèmes diffèrent du barème officiel.` : `${n} valeur(s), dates d'effet et sources conformes au catalogue des barèmes.`,
  });
}
