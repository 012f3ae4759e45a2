import { dateFr } from "../../baremes/catalogue.ts";
import { formatEuros } from "../../format.ts";
import type { ValeurCellule } from "../../modeles/spec.ts";
import { estErreurAttendue, type Attendu } from "../attendus.ts";
import { conforme, enConstat } from "../comparaison.ts";
import type { ContexteDossier } from "../contexte.ts";
import { estVide } from "../lecteur.ts";
import type { StatutControle } from "../rapport.ts";
import { attenduLisible, valeurLisible, type Saisies } from "../saisies.ts";

/** Results checked, by id: whether the file shows the engine's value (absent: not comparable). */
export type Verifies = Map<string, { ok: boolean; attendu: Attendu }>;

/** Phase 6a, the dates: the barèmes of the workbook must be those in force on the dossier's date. */
export function verifierDates(ctx: ContexteDossier, saisies: Saisies): void {
  const { profil, indexBase, indexActif } = ctx.p;
  const periode = (id: string): ValeurCellule | undefined => indexActif.parId.get(id)?.cellule.valeur;
  const debutPeriode = periode("baremes.debut");
  const finPeriode = periode("baremes.fin");
  if (typeof debutPeriode !== "object" || !("date" in debutPeriode)) return;
  const fin = typeof finPeriode === "object" && "date" in finPeriode ? finPeriode.date : null;
  const attendu = fin === null ? `à partir du ${dateFr(debutPeriode.date)}` : `du ${dateFr(debutPeriode.date)} au ${dateFr(fin)}`;
  for (const id of profil.datesDossier) {
    const t = indexBase.parId.get(id);
    const date = saisies.date(id);
    if (!t || date === null) continue;
    const feuille = ctx.noms[t.feuille.cle]!;
    const libelle = `${indexBase.parPosition.get(`${t.feuille.cle}!A${t.cellule.ref.slice(1)}`)?.cellule.valeur ?? "Date du dossier"}`;
    const couverte = date >= debutPeriode.date && (fin === null || date <= fin);
    const debut = ctx.constats.length;
    if (!couverte) {
      ctx.ajouter({
        genre: "bareme_date",
        feuille,
        cellule: t.cellule.ref,
        id,
        attendu,
        trouve: dateFr(date),
        message: `${libelle} (${dateFr(date)}) hors de la période des barèmes du classeur (valeurs en vigueur ${attendu}, barèmes du ${dateFr(ctx.dateBaremes)}) : les plafonds, le RSA ou la saisie en vigueur ce jour-là peuvent différer. Régénérez le modèle à cette date (logsoc modele … --date AAAA-MM-JJ).`,
      });
    }
    ctx.controle(debut, {
      libelle: `${libelle} couverte par les barèmes du classeur`,
      feuille,
      cellule: t.cellule.ref,
      attendu,
      trouve: dateFr(date),
      detail: couverte ? `Le ${dateFr(date)} tombe dans la période des barèmes (${attendu}).` : `Le ${dateFr(date)} est hors de la période des barèmes (${attendu}).`,
    });
  }
}

interface Groupe {
  n: number;
  ko: number;
  nonVerifies: number;
  premiere: string | null;
  feuille: string;
}

function constatValeur(ctx: ContexteDossier, a: Attendu, valeur: Exclude<ReturnType<ContexteDossier["lireId"]>, undefined>, format: string | undefined, reponse: boolean): void {
  const ecart = typeof a.valeur === "number" && typeof valeur === "number" && (a.nature === "montant" || a.nature === "ratio") ? Math.abs(valeur - a.valeur) : null;
  const lisibleEcart = ecart === null ? "" : a.nature === "montant" ? ` (écart : ${formatEuros(ecart)})` : ` (écart : ${(ecart * 100).toFixed(2).replace(".", ",")} point(s))`;
  ctx.marquer(a.cle, a.ref, "valeur_erronee");
  ctx.ajouter({
    genre: "valeur_erronee",
    feuille: ctx.noms[a.cle]!,
    cellule: a.ref,
    ...(a.id !== undefined ? { id: a.id } : {}),
    attendu: a.valeur === null ? null : estErreurAttendue(a.valeur) ? `erreur : ${a.valeur.erreur}` : a.valeur,
    trouve: enConstat(valeur),
    message:
      reponse && estVide(valeur)
        ? `${a.libelle} : réponse attendue (${attenduLisible(a, format)}), la cellule est vide.`
        : `${a.libelle} : la cellule affiche ${valeurLisible(valeur, format)}, le calcul à partir des saisies donne ${attenduLisible(a, format)}${lisibleEcart}.`,
  });
}

/** Phase 6b, the figures: every value the file shows equals what the engine computes from its own inputs. */
export function verifierValeurs(ctx: ContexteDossier, attendus: readonly Attendu[]): { verifies: Verifies; nonCalculees: number } {
  const { indexActif, reponses } = ctx.p;
  let nonCalculees = 0;
  const verifies: Verifies = new Map();
  const groupes = new Map<string, Groupe>();
  for (const a of attendus) {
    if (ctx.feuillesAbsentes.has(a.cle)) continue;
    const c = indexActif.parFeuille.get(a.cle)?.get(a.ref);
    const reponse = reponses.size > 0 && reponses.has(`${a.cle}!${a.ref}`);
    // Blanked in an exercise question: nothing to check there.
    if (!c || (c.formule === undefined && !reponse)) continue;
    const lu = ctx.lire(a.cle, a.ref);
    const valeur = lu === undefined ? null : lu.valeur;
    const feuille = ctx.noms[a.cle]!;
    let statut: StatutControle;
    if (valeur === undefined) {
      nonCalculees++;
      statut = "non_verifie";
    } else if (conforme(a, valeur)) statut = "ok";
    else {
      statut = "erreur";
      constatValeur(ctx, a, valeur, c.format, reponse);
    }
    if (a.id !== undefined && statut !== "non_verifie") verifies.set(a.id, { ok: statut === "ok", attendu: a });
    if (a.groupe !== undefined) {
      const g = groupes.get(a.groupe) ?? { n: 0, ko: 0, nonVerifies: 0, premiere: null, feuille };
      g.n++;
      if (statut === "erreur") {
        g.ko++;
        g.premiere ??= a.ref;
      }
      if (statut === "non_verifie") g.nonVerifies++;
      groupes.set(a.groupe, g);
      continue;
    }
    ctx.controles.push({
      libelle: a.libelle,
      statut,
      feuille,
      cellule: a.ref,
      attendu: a.valeur === null ? null : estErreurAttendue(a.valeur) ? "aucun résultat" : a.valeur,
      trouve: enConstat(valeur),
      detail:
        statut === "ok"
          ? `Conforme au calcul : ${attenduLisible(a, c.format)}.`
          : statut === "non_verifie"
            ? "Valeur non enregistrée dans le fichier (jamais recalculé) : formule vérifiée, valeur non comparée."
            : `Attendu ${attenduLisible(a, c.format)}, trouvé ${valeurLisible(valeur, c.format)}.`,
      constats: statut === "erreur" ? 1 : 0,
    });
  }
  for (const [groupe, g] of groupes) {
    const tousNonVerifies = g.nonVerifies === g.n;
    ctx.controles.push({
      libelle: groupe,
      statut: g.ko > 0 ? "erreur" : tousNonVerifies ? "non_verifie" : "ok",
      feuille: g.feuille,
      cellule: g.premiere,
      detail: g.ko > 0 ? `${g.ko} valeur(s) sur ${g.n} différente(s) du calcul.` : tousNonVerifies ? "Valeurs non enregistrées dans le fichier : formules vérifiées, valeurs non comparées." : `${g.n} valeur(s) conformes au calcul.`,
      constats: g.ko,
    });
  }
  if (nonCalculees > 0) {
    ctx.notes.push(
      `${nonCalculees} cellule(s) calculée(s) n'ont pas de valeur enregistrée : le fichier n'a jamais été ouvert et enregistré dans un tableur. Leurs formules ont été vérifiées, pas leurs valeurs. Ouvrez-le dans Excel ou LibreOffice, enregistrez-le, puis relancez le contrôle.`,
    );
  }
  return { verifies, nonCalculees };
}
