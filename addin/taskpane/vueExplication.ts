import { dateFr, type CatalogueBaremes } from "#shared/baremes/index.ts";
import { libelleCle } from "#shared/baremes/libelles.ts";
import { estCelluleDate, type Resultat } from "#shared/fonctions/types.ts";
import { valeurLisible } from "#shared/explication/index.ts";
import { D, type Montant } from "#shared/money.ts";
import type { Hote } from "./hote.ts";
import { el, remplacer } from "./dom.ts";
import { formatValeur, libelleStatut, statutAVerifier } from "./presentation.ts";
import type { ContexteExplication, EtapeAffichee, ExplicationAffichee, ResultatExplication } from "./explication.ts";

/**
 * The « Expliquer » section: one button for the selected cell, and the explanation in a live region,
 * laid out as a list (no table) so that it reads in a 320 px pane.
 */

export interface DependancesExplication {
  hote: Hote;
  catalogue(): CatalogueBaremes;
  /** Loads the explanation code (outils.js) on the first click. */
  outils(): Promise<{ expliquerSelection(context: ContexteExplication, catalogue: CatalogueBaremes): Promise<ResultatExplication> }>;
}

/** A decimal amount (an argument summed exactly), written to its last digit with French separators. */
function decimalLisible(d: Montant): string {
  const t = d.toFixed();
  const negatif = t.startsWith("-");
  const [ent, frac] = (negatif ? t.slice(1) : t).split(".") as [string, string | undefined];
  return `${negatif ? "−" : ""}${ent.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")}${frac === undefined ? "" : `,${frac}`}`;
}

function nombreOuTexte(v: unknown): string {
  if (v === null || v === undefined || v === "") return "vide";
  if (D.isDecimal(v)) return decimalLisible(v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return formatValeur(v);
  return String(v);
}

function libelleBaremeDeCatalogue(catalogue: CatalogueBaremes, id: string): string {
  try {
    return catalogue.bareme(id).libelle;
  } catch {
    return id;
  }
}

function vueEtapes(x: ExplicationAffichee, catalogue: CatalogueBaremes): (HTMLElement | null)[] {
  // A barème version's source is written once, at its first value: the next ones say « même source ».
  const sourcesDites = new Set<string>();
  const source = (b: NonNullable<EtapeAffichee["bareme"]>): string => {
    const cle = `${b.id}@${b.version}`;
    if (sourcesDites.has(cle)) return " — même source";
    sourcesDites.add(cle);
    return ` — ${b.source}`;
  };
  const estimations = x.etapes.filter((e) => e.bareme !== undefined && statutAVerifier(e.bareme.statut));
  return [
    el(
      "p",
      { class: "statut-explication" },
      "Statut du résultat : ",
      el("span", { class: `statut statut-${x.statut}` }, libelleStatut(x.statut)),
      x.etapes.some((e) => e.bareme !== undefined) ? null : el("span", { class: "discret" }, " (aucune valeur de barème utilisée)"),
    ),
    estimations.length > 0
      ? el(
          "div",
          { class: "avis avis-attention", role: "note" },
          el("p", {}, `Ce résultat utilise ${estimations.length > 1 ? "des valeurs de barème qui ne sont pas officielles" : "une valeur de barème qui n'est pas officielle"} : à vérifier avant toute décision.`),
        )
      : null,
    el(
      "ol",
      { class: "etapes" },
      ...x.etapes.map((e) =>
        el(
          "li",
          {},
          el("span", { class: "etape-libelle" }, e.libelle),
          // A barème value's « formula » only names where it was read: the barème line below says it in words.
          el("span", { class: "etape-calcul" }, e.bareme ? null : el("span", { class: "formule" }, e.formule), e.bareme ? null : " = ", el("strong", {}, valeurLisible(e.valeur, e.unite))),
          e.bareme
            ? el(
                "span",
                { class: "etape-bareme discret" },
                `${libelleBaremeDeCatalogue(catalogue, e.bareme.id)} : ${libelleCle(e.bareme.id, e.bareme.cle)} (${e.bareme.cle}), version du ${dateFr(e.bareme.version)} `,
                el("span", { class: `statut statut-${e.bareme.statut}` }, libelleStatut(e.bareme.statut)),
                source(e.bareme),
              )
            : null,
          e.reference ? el("span", { class: "etape-reference discret" }, e.reference) : null,
        ),
      ),
    ),
  ];
}

function resultatLisible(r: Resultat): string {
  if (Array.isArray(r)) return `tableau de ${r.length - 1} ligne(s)`;
  if (estCelluleDate(r)) return dateFr(r.date);
  return nombreOuTexte(r);
}

/** Whether the cell shows the engine's figure (a table result is compared by its first cell only: the cell itself). */
function memeValeur(cellule: unknown, resultat: Resultat): boolean {
  if (Array.isArray(resultat)) return true;
  if (typeof resultat === "number") return typeof cellule === "number" && Math.abs(cellule - resultat) <= 1e-9 * Math.max(1, Math.abs(resultat));
  return cellule === resultat;
}

export function vueResultat(r: ResultatExplication, catalogue: CatalogueBaremes): { classe: string; contenu: (HTMLElement | string | null)[] } {
  switch (r.type) {
    case "message":
      return { classe: r.niveau === "attention" ? "avis avis-attention" : "avis", contenu: [el("p", {}, r.message)] };
    case "formule-refusee":
    case "formule": {
      const args = el(
        "dl",
        { class: "arguments" },
        ...r.arguments.flatMap((a) => [el("dt", {}, el("code", {}, a.nom)), el("dd", {}, `${a.source} → ${a.valeur === null ? "vide" : a.type === "date" && typeof a.valeur === "string" ? dateFr(a.valeur) : nombreOuTexte(a.valeur)}`)]),
      );
      const tete = el("p", { class: "avis-titre" }, `${r.cellule} : =LOGSOC.${r.fonction}(…)`);
      if (r.type === "formule-refusee") {
        return { classe: "avis avis-attention", contenu: [tete, el("p", {}, `Pas de résultat : ${r.message}`), el("p", { class: "discret" }, "Valeurs lues dans le classeur :"), args] };
      }
      const ecart = !memeValeur(r.valeurCellule, r.explication.resultat);
      return {
        classe: "avis",
        contenu: [
          tete,
          el("p", {}, `Résultat : ${resultatLisible(r.explication.resultat)}`),
          ecart
            ? el("p", { class: "avis avis-attention ecart" }, `La cellule affiche ${nombreOuTexte(r.valeurCellule)}, le calcul donne ${resultatLisible(r.explication.resultat)} : recalculez le classeur (Formules > Calculer maintenant).`)
            : null,
          el("p", { class: "discret" }, "Valeurs lues dans le classeur (les plages sont additionnées, comme le fait la fonction) :"),
          args,
          ...vueEtapes(r.explication, catalogue),
        ],
      };
    }
    case "modele": {
      const tete = el("p", { class: "avis-titre" }, `${r.cellule} : ${r.libelle}`);
      return {
        classe: r.conforme ? "avis" : "avis avis-attention",
        contenu: [
          tete,
          el("p", { class: "discret" }, `Résultat du modèle « ${r.modele} »${r.noms.length > 0 ? `, nom défini ${r.noms.join(", ")}` : ""}.`),
          r.conforme
            ? el("p", { class: "conformite" }, `La cellule est conforme au calcul de LogSoc à partir des saisies du dossier : ${r.detail.replace(/^Conforme au calcul : /, "")}`)
            : el("p", { class: "ecart" }, `Écart avec le calcul de LogSoc : ${r.detail}`),
          ...(r.explication === null ? [el("p", { class: "discret" }, "Le détail des étapes n'est pas disponible pour ce résultat.")] : vueEtapes(r.explication, catalogue)),
        ],
      };
    }
  }
}

export function sectionExplication(d: DependancesExplication): HTMLElement {
  const disponible = d.hote.type === "excel" && d.hote.insertion;
  const resultat = el("div", { id: "resultat-explication", class: "resultat", role: "status", "aria-live": "polite" });
  const bouton = el("button", { type: "button", class: "principal", id: "expliquer", disabled: !disponible, "aria-describedby": disponible ? undefined : "expliquer-indisponible" }, "Expliquer");
  bouton.addEventListener("click", async () => {
    if (!disponible || bouton.disabled) return;
    bouton.disabled = true;
    bouton.setAttribute("aria-busy", "true");
    resultat.className = "resultat";
    remplacer(resultat, "Lecture de la cellule sélectionnée…");
    try {
      const { expliquerSelection } = await d.outils();
      const catalogue = d.catalogue();
      const r = await Excel.run((ctx) => expliquerSelection(ctx, catalogue));
      const v = vueResultat(r, catalogue);
      resultat.className = `resultat ${v.classe}`;
      remplacer(resultat, ...v.contenu);
    } catch (e) {
      resultat.className = "resultat avis avis-erreur";
      remplacer(resultat, `L'explication a échoué : ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      bouton.disabled = false;
      bouton.removeAttribute("aria-busy");
    }
  });
  return el(
    "section",
    { "aria-labelledby": "titre-explication" },
    el("h2", { id: "titre-explication" }, "Expliquer un résultat"),
    el(
      "p",
      {},
      "Sélectionnez une cellule puis « Expliquer » : pour une formule =LOGSOC.… ou un résultat d'un modèle LogSoc, les étapes du calcul avec les valeurs lues, les barèmes utilisés, leurs sources et leurs statuts.",
    ),
    el("div", { class: "actions" }, bouton, disponible ? null : el("span", { id: "expliquer-indisponible", class: "discret" }, "Disponible quand LogSoc est ouvert dans Excel.")),
    resultat,
  );
}
