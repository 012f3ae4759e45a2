import { CATALOGUE } from "../baremes/catalogue.ts";
import { comparerConstats } from "./constats.ts";
import { corrigesDepuis } from "./connaissance.ts";
import { preparer } from "./preparation.ts";
import { expliquerModele } from "../explication/modeles.ts";
import type { Saisies } from "./saisies.ts";
import { ContexteDossier } from "./contexte.ts";
import type { LecteurClasseur } from "./lecteur.ts";
import { lireMetas, type MetaLue } from "./metadonnees.ts";
import { competencesAttestees } from "./phases/competences.ts";
import { lireEntete, rapportSansModele, SANS_META } from "./phases/entete.ts";
import { verifierBaremes } from "./phases/baremes.ts";
import { verifierFormules } from "./phases/formules.ts";
import { verifierSaisies } from "./phases/saisies.ts";
import { verifierStructure } from "./phases/structure.ts";
import { verifierDates, verifierValeurs } from "./phases/valeurs.ts";
import type { OptionsAudit, RapportAudit, RapportClasseur } from "./rapport.ts";

export type { OptionsAudit, StatutControle, Controle, CompetenceDossier, RapportClasseur, RapportAudit, ModeleDossier } from "./rapport.ts";

/**
 * The dossier audit (issue 7): given a workbook made from a LogSoc template, rebuild the template from
 * its metadata (type, layout version, barème date, options), then check, phase by phase (./phases/,
 * sharing one ContexteDossier):
 * 1. the metadata (entete), 2. the sheets, metadata rows and workbook names (structure);
 * 3. every formula of the template is still there, unchanged (formules);
 * 4. the « Barèmes » sheet holds the official values for its date (baremes);
 * 5. every input meets the template's rule and the engine finds them consistent (saisies);
 * 6. the barèmes cover the dossier's dates, and every figure equals the engine's (valeurs);
 * 7. which skills of the referential the dossier evidences (competences).
 * Nothing is written: the audit only reads.
 */

export function auditerClasseur(lecteur: LecteurClasseur, options: OptionsAudit = {}): RapportClasseur {
  const metas = lireMetas(lecteur);
  options.budget?.compter("dossiers", metas.length);
  const dossiers = metas.length === 0 ? [auditerDossier(lecteur, null, options)] : metas.map((m) => auditerDossier(lecteur, m, options));
  const constats = dossiers.reduce((n, d) => n + d.constats.length, 0);
  return { classeurLogsoc: metas.length > 0, dossiers, constats, conforme: constats === 0 };
}

/** Audits the dossier whose metadata sheet is `meta` (null: the workbook is no LogSoc dossier). */
export function auditerDossier(lecteur: LecteurClasseur, meta: MetaLue | null, options: OptionsAudit = {}): RapportAudit {
  options.budget?.tempsMaintenant();
  if (meta === null) return rapportSansModele(SANS_META, null);
  const ctx = lireEntete(lecteur, meta, options.catalogue ?? CATALOGUE);
  if (!(ctx instanceof ContexteDossier)) return ctx;
  verifierStructure(ctx);
  verifierFormules(ctx);
  verifierBaremes(ctx);
  const { saisies, aCompleter, recalcul } = verifierSaisies(ctx);
  let valeurs: ReturnType<typeof verifierValeurs> | null = null;
  if (recalcul !== null) {
    verifierDates(ctx, saisies);
    valeurs = verifierValeurs(ctx, recalcul.attendus);
    expliquerConstats(ctx, saisies);
  }
  const competences = competencesAttestees(ctx, valeurs?.verifies ?? null);
  notesConnaissance(ctx);
  ctx.constats.sort(comparerConstats(lecteur.feuilles().map((f) => f.nom)));
  return {
    feuilleMeta: meta.feuille,
    modele: ctx.modele,
    exercice: ctx.exercice,
    aCompleter,
    controles: ctx.controles,
    constats: ctx.constats,
    competences,
    valeursNonCalculees: valeurs?.nonCalculees ?? 0,
    notes: ctx.notes,
    conforme: ctx.constats.length === 0,
  };
}

/** What LogSoc learnt since the dossier was generated: information lines, never anomalies (DESIGN §8). */
function notesConnaissance(ctx: ContexteDossier): void {
  const k = ctx.connaissance;
  if (k === null || ctx.noms.baremes === undefined) return;
  let aujourdhui;
  try {
    aujourdhui = preparer(k.disposition, ctx.dateBaremes, k.options, ctx.exercice?.role ?? null, k.aujourdhui);
  } catch {
    // Today's knowledge may no longer cover the date (a version withdrawn): nothing to compare with.
    ctx.notes.push(`Depuis la création du dossier (barèmes connus le ${k.instant.slice(0, 10).split("-").reverse().join("/")}), un barème utilisé a été retiré : le dossier est contrôlé avec les barèmes connus à sa création.`);
    return;
  }
  ctx.notes.push(...corrigesDepuis(ctx.p.base, aujourdhui.base, k.aujourdhui, k.instant, ctx.dateBaremes, ctx.noms.baremes));
}

/** Each wrong figure the engine can explain gets the steps of its expected value (DESIGN §7, issue 12). */
function expliquerConstats(ctx: ContexteDossier, saisies: Saisies): void {
  const erronees = ctx.constats.filter((c) => c.genre === "valeur_erronee" && c.id !== undefined && typeof c.attendu === "number");
  const type = ctx.modele.type;
  if (erronees.length === 0 || type === "competences") return;
  const explications = expliquerModele(type, saisies, { dateBaremes: ctx.dateBaremes, catalogue: ctx.catalogue });
  for (const c of erronees) {
    const x = explications.get(c.id!);
    const derniere = x?.etapes.at(-1)?.valeur;
    // Only the explanation of the very value the audit expects (to the cent or the ratio's 4 decimals).
    if (x && typeof derniere === "number" && Math.abs(derniere - (c.attendu as number)) < 5e-5) c.etapes = x.etapes;
  }
}
