import type { DateISO } from "#shared/date.ts";
import { estErreurLogsoc } from "#shared/errors.ts";
import { LIBELLES_ZONE, ZONES, type CatalogueBaremes } from "#shared/baremes/index.ts";
import { CANDIDATS_MAX } from "#shared/modeles/cal.ts";
import { DESCRIPTIONS_MODELES, TYPES_MODELES, type SpecModele } from "#shared/modeles/index.ts";
import { TYPES_EXERCICES } from "#shared/exercices/enonce.ts";
import { chargerOutils } from "./chargeurOutils.ts";
import type { Hote } from "./hote.ts";
import { el, remplacer } from "./dom.ts";
import {
  estErreur,
  lignesCompetences,
  lireDemandeExercice,
  lireDemandeModele,
  messageErreur,
  messageExercice,
  messageModele,
  resumeControle,
} from "./actionsClasseur.ts";

/**
 * The task pane's workbook sections: « Modèles de classeur » (insert a template for a date, with the
 * CALEOL sheet's options), « Contrôle de dossier » (check the open workbook, report sheet written by the
 * audit) and « Exercices de formation » (a generated case, question or corrigé). Each runs one
 * `Excel.run`; one workbook action at a time, and its outcome is announced in its own live region.
 */

export interface DependancesClasseur {
  hote: Hote;
  /** The pane's catalogue at the time of the click: bundled barèmes plus the published versions received or cached. */
  catalogue(): CatalogueBaremes;
  jour: DateISO;
}

interface Issue {
  niveau: "succes" | "attention" | "erreur";
  lignes: string[];
  liste?: { titre: string; elements: string[] };
}

type Disponibilite = { ok: true } | { ok: false; raison: string };

function disponibilite(hote: Hote): Disponibilite {
  if (hote.type !== "excel" || !hote.insertion) return { ok: false, raison: "Disponible quand LogSoc est ouvert dans Excel." };
  if (!hote.classeur) return { ok: false, raison: "Demande Microsoft 365, Excel 2021 ou plus récent, ou Excel sur le web." };
  return { ok: true };
}

/** One workbook action at a time across the three sections: a second click while Excel works would add more sheets. */
class Actions {
  private readonly boutons: HTMLButtonElement[] = [];
  private occupe = false;
  private readonly dispo: Disponibilite;
  constructor(dispo: Disponibilite) {
    this.dispo = dispo;
  }

  bouton(id: string, libelle: string): { bouton: HTMLButtonElement; pied: HTMLElement } {
    const idRaison = `${id}-indisponible`;
    const bouton = el("button", { type: "button", class: "principal", id, disabled: !this.dispo.ok, "aria-describedby": this.dispo.ok ? undefined : idRaison }, libelle);
    this.boutons.push(bouton);
    const pied = el("div", { class: "actions" }, bouton, this.dispo.ok ? null : el("span", { id: idRaison, class: "discret" }, this.dispo.raison));
    return { bouton, pied };
  }

  async executer(bouton: HTMLButtonElement, sortie: HTMLElement, enCours: string, travail: () => Promise<Issue>): Promise<void> {
    if (!this.dispo.ok || this.occupe) return;
    this.occupe = true;
    for (const b of this.boutons) b.disabled = true;
    bouton.setAttribute("aria-busy", "true");
    afficher(sortie, { niveau: "succes", lignes: [enCours] }, true);
    try {
      afficher(sortie, await travail());
    } catch (e) {
      afficher(sortie, { niveau: "erreur", lignes: [messageErreur("L'opération", e)] });
    } finally {
      this.occupe = false;
      bouton.removeAttribute("aria-busy");
      for (const b of this.boutons) b.disabled = false;
    }
  }
}

function afficher(sortie: HTMLElement, issue: Issue, enCours = false): void {
  sortie.className = enCours ? "resultat" : `resultat avis avis-${issue.niveau}`;
  remplacer(
    sortie,
    ...issue.lignes.map((l) => el("p", {}, l)),
    issue.liste ? el("p", { class: "avis-titre" }, issue.liste.titre) : null,
    issue.liste ? el("ul", {}, ...issue.liste.elements.map((t) => el("li", {}, t))) : null,
  );
}

function zoneResultat(id: string): HTMLElement {
  return el("div", { id, class: "resultat", role: "status", "aria-live": "polite" });
}

/** A French error of the engine (barème not in force, bad option) or of the form, before anything reaches Excel. */
function refus(e: unknown, action: string): Issue {
  if (estErreurLogsoc(e)) return { niveau: "erreur", lignes: [`${action} : ${e.message}`] };
  throw e;
}

function champ(id: string, libelle: string, controle: HTMLElement): HTMLElement {
  return el("div", { class: "champ" }, el("label", { for: id }, libelle), controle);
}

function sectionModeles(d: DependancesClasseur, actions: Actions): HTMLElement {
  const type = el("select", { id: "type-modele", "aria-describedby": "description-modele" }, ...TYPES_MODELES.map((t) => el("option", { value: t }, DESCRIPTIONS_MODELES[t].titre)));
  const date = el("input", { id: "date-modele", type: "date", value: d.jour, min: "1900-03-01", max: "2199-12-31" });
  const description = el("p", { id: "description-modele", class: "discret" });
  const zone = el("select", { id: "zone-modele" }, ...ZONES.map((z) => el("option", { value: z, selected: z === "AUTRES" }, LIBELLES_ZONE[z])));
  const candidats = el("select", { id: "candidats-modele" }, ...Array.from({ length: CANDIDATS_MAX }, (_, i) => el("option", { value: String(i + 1), selected: i + 1 === CANDIDATS_MAX }, String(i + 1))));
  const optionsCal = el(
    "fieldset",
    { id: "options-cal", class: "groupe" },
    el("legend", {}, "Options de la fiche CALEOL"),
    el("div", { class: "champs" }, champ("zone-modele", "Zone du logement", zone), champ("candidats-modele", "Nombre de candidats", candidats)),
  );
  const resultat = zoneResultat("resultat-modele");
  const { bouton, pied } = actions.bouton("inserer-modele", "Insérer le modèle");

  const majType = () => {
    description.textContent = DESCRIPTIONS_MODELES[type.value as keyof typeof DESCRIPTIONS_MODELES]?.description ?? "";
    optionsCal.hidden = type.value !== "cal";
  };
  type.addEventListener("change", majType);
  majType();

  bouton.addEventListener("click", () =>
    void actions.executer(bouton, resultat, "Insertion du modèle en cours…", async () => {
      const demande = lireDemandeModele({ type: type.value, date: date.value, zone: zone.value, candidats: candidats.value }, d.catalogue());
      if (estErreur(demande)) return { niveau: "erreur", lignes: [demande.erreur] };
      const { construireModele, insererModele } = await chargerOutils();
      let spec: SpecModele;
      try {
        spec = construireModele(demande.type, demande.options);
      } catch (e) {
        return refus(e, "Le modèle ne peut pas être préparé");
      }
      try {
        const r = await Excel.run((ctx) => insererModele(ctx, spec));
        return { niveau: "succes", lignes: messageModele(spec, r) };
      } catch (e) {
        return { niveau: "erreur", lignes: [messageErreur("L'insertion du modèle", e)] };
      }
    }),
  );

  return el(
    "section",
    { "aria-labelledby": "titre-modeles" },
    el("h2", { id: "titre-modeles" }, "Modèles de classeur"),
    el(
      "p",
      {},
      "Insère un modèle prêt à remplir dans de nouvelles feuilles du classeur : saisies déverrouillées, formules Excel ordinaires, barèmes en vigueur à la date choisie avec leurs sources. Aucune feuille existante n'est modifiée.",
    ),
    // Template titles are long: the list takes the pane's width.
    champ("type-modele", "Modèle", type),
    description,
    el("div", { class: "champs" }, champ("date-modele", "Date des barèmes", date)),
    optionsCal,
    pied,
    resultat,
  );
}

function sectionControle(d: DependancesClasseur, actions: Actions): HTMLElement {
  const resultat = zoneResultat("resultat-controle");
  const { bouton, pied } = actions.bouton("controler", "Contrôler ce classeur");
  bouton.addEventListener("click", () =>
    void actions.executer(bouton, resultat, "Contrôle en cours…", async () => {
      try {
        const { controlerClasseur } = await chargerOutils();
        const catalogue = d.catalogue();
        const r = await Excel.run((ctx) => controlerClasseur(ctx, { catalogue }));
        return { niveau: r.conforme && r.rapport.classeurLogsoc ? "succes" : "attention", lignes: [r.message, resumeControle(r)] };
      } catch (e) {
        return { niveau: "erreur", lignes: [messageErreur("Le contrôle", e)] };
      }
    }),
  );
  return el(
    "section",
    { "aria-labelledby": "titre-controle" },
    el("h2", { id: "titre-controle" }, "Contrôle de dossier"),
    el(
      "p",
      {},
      "Recalcule chaque résultat des dossiers LogSoc du classeur à partir de leurs saisies et des barèmes en vigueur à la date du dossier (le rapport dit lesquels sont des estimations), puis écrit le rapport dans la feuille « Contrôle LogSoc » et encadre en rouge les cellules en cause. Aucune saisie n'est modifiée.",
    ),
    pied,
    resultat,
  );
}

function sectionExercices(d: DependancesClasseur, actions: Actions): HTMLElement {
  const type = el("select", { id: "type-exercice" }, ...TYPES_EXERCICES.map((t) => el("option", { value: t }, DESCRIPTIONS_MODELES[t].titre)));
  const graine = el("input", { id: "graine-exercice", type: "text", inputmode: "numeric", autocomplete: "off", value: "1", "aria-describedby": "aide-graine" });
  const date = el("input", { id: "date-exercice", type: "date", value: d.jour, min: "1900-03-01", max: "2199-12-31" });
  const role = (valeur: string, libelle: string, coche: boolean) => {
    const id = `role-${valeur}`;
    return el("div", { class: "choix" }, el("input", { type: "radio", name: "role-exercice", id, value: valeur, checked: coche }), el("label", { for: id }, libelle));
  };
  const roles = el("fieldset", { id: "role-exercice", class: "groupe" }, el("legend", {}, "Classeur à insérer"), role("enonce", "Énoncé, pour le stagiaire", true), role("corrige", "Corrigé, pour le formateur", false));
  const resultat = zoneResultat("resultat-exercice");
  const { bouton, pied } = actions.bouton("inserer-exercice", "Insérer l'exercice");

  bouton.addEventListener("click", () =>
    void actions.executer(bouton, resultat, "Insertion de l'exercice en cours…", async () => {
      const choisi = roles.querySelector<HTMLInputElement>("input:checked")?.value ?? "";
      const demande = lireDemandeExercice({ type: type.value, graine: graine.value, date: date.value, role: choisi }, d.catalogue());
      if (estErreur(demande)) return { niveau: "erreur", lignes: [demande.erreur] };
      try {
        const { insererExercice } = await chargerOutils();
        const r = await Excel.run((ctx) => insererExercice(ctx, demande));
        return { niveau: "succes", lignes: messageExercice(demande, r), liste: { titre: "Compétences du référentiel travaillées", elements: lignesCompetences(r.competences) } };
      } catch (e) {
        if (estErreurLogsoc(e)) return refus(e, "L'exercice ne peut pas être préparé");
        return { niveau: "erreur", lignes: [messageErreur("L'insertion de l'exercice", e)] };
      }
    }),
  );

  return el(
    "section",
    { "aria-labelledby": "titre-exercices" },
    el("h2", { id: "titre-exercices" }, "Exercices de formation"),
    el(
      "p",
      {},
      "Pour les formateurs : un ménage réaliste tiré d'un numéro de cas, inséré comme énoncé (données du cas, résultats à trouver) ou comme corrigé. « Contrôler ce classeur » vérifie ensuite les réponses du stagiaire.",
    ),
    champ("type-exercice", "Type d'exercice", type),
    el("div", { class: "champs" }, champ("graine-exercice", "Numéro de cas (graine)", graine), champ("date-exercice", "Date du cas", date)),
    el("p", { id: "aide-graine", class: "discret" }, "Même type, même numéro et même date : même cas, ici comme avec « logsoc exercice »."),
    roles,
    pied,
    resultat,
  );
}

/** The three sections, in the order an adviser meets them: prepare a dossier, check it; then the trainer's tool. */
export function sectionsClasseur(d: DependancesClasseur): HTMLElement[] {
  const actions = new Actions(disponibilite(d.hote));
  return [sectionModeles(d, actions), sectionControle(d, actions), sectionExercices(d, actions)];
}
