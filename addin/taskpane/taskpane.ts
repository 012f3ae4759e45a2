// This page is the shared runtime: register the custom functions first, whatever happens to the UI.
import "../functions/entree.ts";
import { FONCTIONS } from "#shared/fonctions/registre.ts";
import { aujourdhui, estDateISO, type DateISO } from "#shared/date.ts";
import { estErreurLogsoc } from "#shared/errors.ts";
import { dateFr, instantFr, statutGlobal, type BaremeEnCatalogue, type VersionEnCatalogue } from "#shared/baremes/index.ts";
import { stockageParDefaut } from "../commun/stockage.ts";
import { avisHote, detecterHote, type Hote, type OfficeMinimal } from "./hote.ts";
import { chargerBaremes, dateDesBaremes, etatHorsLigne, type EtatBaremes } from "./sourceBaremes.ts";
import { formatValeur, libelleStatut, lignesBareme, resumeLibelles, valeursAVerifier } from "./presentation.ts";
import { libelleCle } from "#shared/baremes/libelles.ts";
import { insererBareme, type BaremeAInserer } from "./tableau.ts";
import { el, remplacer } from "./dom.ts";
import { sectionsClasseur } from "./vuesClasseur.ts";
import { sectionErreurs, type ExcelSelection } from "./derniereErreur.ts";
import { sectionExplication } from "./vueExplication.ts";
import { chargerOutils } from "./chargeurOutils.ts";

/** The pane's whole state: where it runs, which barèmes it shows, what the adviser picked. */
interface Etat {
  hote: Hote;
  baremes: EtatBaremes;
  verification: "en-cours" | "terminee";
  choix: string;
  date: string;
  /** Knowledge date (DESIGN §8): "" = as known today; a past day shows what LogSoc knew then. */
  connuLe: string;
}

const stockage = stockageParDefaut();

function pastille(e: Etat): HTMLElement {
  const enLigne = e.baremes.mode === "en-ligne";
  return el("span", { class: `pastille ${enLigne ? "pastille-en-ligne" : "pastille-hors-ligne"}` }, enLigne ? "en ligne" : "hors ligne");
}

function vueEtatBaremes(conteneur: HTMLElement, e: Etat): void {
  const jour = aujourdhui();
  const date = dateDesBaremes(e.baremes.catalogue, jour);
  const titre = date === null ? "Barèmes intégrés au complément" : `Barèmes du ${dateFr(date)}`;
  let detail: string;
  if (e.verification === "en-cours") {
    detail = "Recherche de versions plus récentes auprès du service LogSoc…";
  } else if (e.baremes.mode === "en-ligne") {
    detail = e.baremes.publiees > 0 ? `À jour : ${e.baremes.publiees} version(s) publiée(s) depuis cette version du complément.` : "À jour : aucune version publiée depuis cette version du complément.";
  } else {
    const cause = e.baremes.raison ? ` (${e.baremes.raison})` : "";
    detail =
      e.baremes.recuLe === null
        ? `Service LogSoc injoignable${cause} : barèmes intégrés au complément.`
        : `Service LogSoc injoignable${cause} : barèmes intégrés et versions reçues le ${dateFr(e.baremes.recuLe.slice(0, 10))}.`;
  }
  conteneur.dataset.etat = e.verification === "en-cours" ? "verification" : e.baremes.mode;
  remplacer(
    conteneur,
    el("div", { class: "etat" }, el("strong", {}, titre), e.verification === "en-cours" ? el("span", { class: "pastille" }, "vérification…") : pastille(e)),
    el("p", { class: "discret" }, detail),
    e.baremes.ecartees > 0 ? el("p", { class: "discret" }, `${e.baremes.ecartees} version(s) en cache ignorée(s) : format non reconnu par cette version du complément.`) : null,
    vueStatutsEnVigueur(e, jour),
  );
}

/**
 * What the custom functions cannot say (they return plain numbers): which values in force today are
 * estimates or unverified, and why. Today's, because a LOGSOC function without a date uses today's.
 */
function vueStatutsEnVigueur(e: Etat, jour: DateISO): HTMLElement {
  const aVerifier = valeursAVerifier(e.baremes.catalogue, jour);
  if (aVerifier.length === 0) {
    return el("p", { id: "statuts-baremes", class: "discret" }, `Toutes les valeurs des barèmes en vigueur le ${dateFr(jour)} sont officielles ou calculées à partir de valeurs officielles.`);
  }
  const n = aVerifier.reduce((t, b) => t + b.groupes.reduce((u, g) => u + g.libelles.length, 0), 0);
  return el(
    "details",
    { id: "statuts-baremes", class: "statuts" },
    el("summary", {}, `${n} valeur(s) en vigueur le ${dateFr(jour)} sont des estimations ou ne sont pas vérifiées`),
    el("p", { class: "discret" }, "Les fonctions =LOGSOC.… renvoient un nombre sans statut : un résultat qui utilise ces valeurs est lui aussi une estimation, à vérifier avant toute décision."),
    el(
      "ul",
      {},
      ...aVerifier.flatMap((b) =>
        b.groupes.map((g) =>
          el(
            "li",
            {},
            el("strong", {}, b.libelleBareme),
            ` (version du ${dateFr(b.dateEffet)}) `,
            el("span", { class: `statut statut-${g.statut}` }, libelleStatut(g.statut)),
            ` : ${resumeLibelles(g.libelles)}.`,
            g.note ? el("span", { class: "discret bloc" }, g.note) : null,
          ),
        ),
      ),
    ),
  );
}

function vueFonctions(): HTMLElement {
  return el(
    "section",
    { "aria-labelledby": "titre-fonctions" },
    el("h2", { id: "titre-fonctions" }, "Fonctions de calcul"),
    el("p", {}, "Dans une cellule, tapez ", el("code", {}, "=LOGSOC."), " puis choisissez une fonction. Les montants acceptent un nombre ou une plage ; les calculs restent dans le classeur."),
    el(
      "details",
      {},
      el("summary", {}, `Les ${FONCTIONS.length} fonctions LOGSOC`),
      el("dl", { class: "fonctions" }, ...FONCTIONS.flatMap((f) => [el("dt", {}, el("code", {}, `LOGSOC.${f.nom}(${f.arguments.map((a) => (a.optionnel ? `[${a.nom}]` : a.nom)).join(" ; ")})`)), el("dd", {}, f.description)])),
    ),
  );
}

interface BaremeAffiche {
  b: BaremeEnCatalogue;
  v: VersionEnCatalogue;
  date: DateISO;
  /** The version known today for the same date, when `connu_le` gives another one (corrected or withdrawn since). */
  aujourdhui: VersionEnCatalogue | null | undefined;
}

function baremeEtVersion(e: Etat): BaremeAffiche | { erreur: string } {
  if (!estDateISO(e.date)) return { erreur: "Choisissez une date valide." };
  if (e.connuLe !== "" && !estDateISO(e.connuLe)) return { erreur: "Choisissez une date de connaissance valide, ou laissez « Connus le » vide." };
  try {
    const b = e.baremes.catalogue.bareme(e.choix);
    if (e.connuLe === "") return { b, v: e.baremes.catalogue.enVigueur(b.id, e.date), date: e.date, aujourdhui: undefined };
    const v = e.baremes.catalogue.enVigueur(b.id, e.date, e.connuLe);
    let actuelle: VersionEnCatalogue | null;
    try {
      actuelle = e.baremes.catalogue.enVigueur(b.id, e.date);
    } catch (err) {
      if (!estErreurLogsoc(err)) throw err;
      actuelle = null;
    }
    const meme = actuelle !== null && actuelle.dateEffet === v.dateEffet && actuelle.publieLe === v.publieLe;
    return { b, v, date: e.date, aujourdhui: meme ? undefined : actuelle };
  } catch (err) {
    if (estErreurLogsoc(err)) return { erreur: err.message };
    throw err;
  }
}

/** What a reader of a past answer must know: this version corrects another, or today's answer differs. */
function vueConnaissance(e: Etat, r: BaremeAffiche): (HTMLElement | null)[] {
  const v = r.v;
  return [
    v.remplace !== undefined
      ? el("p", { class: "discret", id: "correction-bareme" }, `Correction publiée${v.publieLe ? ` le ${instantFr(v.publieLe)}` : ""} de la version du ${dateFr(v.remplace.dateEffet)} : ${v.motif ?? ""}`)
      : null,
    r.aujourdhui !== undefined
      ? el(
          "div",
          { class: "avis avis-attention", role: "note", id: "connaissance-bareme" },
          el(
            "p",
            {},
            r.aujourdhui === null
              ? `Valeurs telles que connues le ${dateFr(e.connuLe)}. Depuis, cette version a été retirée : aujourd'hui, aucune version n'est en vigueur le ${dateFr(r.date)}.`
              : `Valeurs telles que connues le ${dateFr(e.connuLe)}. Aujourd'hui, la version en vigueur le ${dateFr(r.date)} est celle du ${dateFr(r.aujourdhui.dateEffet)}${r.aujourdhui.publieLe && r.aujourdhui.origine === "publiee" ? `, publiée le ${instantFr(r.aujourdhui.publieLe)}` : ""}${r.aujourdhui.motif ? ` (${r.aujourdhui.motif})` : ""}.`,
          ),
        )
      : null,
  ];
}

/** Only web addresses become links: a published version's URL is data, never script. */
function lienSur(url: string | undefined): url is string {
  if (url === undefined) return false;
  try {
    const p = new URL(url).protocol;
    return p === "https:" || p === "http:";
  } catch {
    return false;
  }
}

function vueDetail(conteneur: HTMLElement, e: Etat, inserer: (b: BaremeAInserer, bouton: HTMLButtonElement) => void): void {
  const r = baremeEtVersion(e);
  if ("erreur" in r) {
    remplacer(conteneur, el("div", { class: "avis avis-attention" }, el("p", {}, r.erreur)));
    return;
  }
  const { b, v, date } = r;
  const tels = e.connuLe === "" ? "" : `, tels que connus le ${dateFr(e.connuLe)}`;
  const lignes = lignesBareme(v);
  const statut = statutGlobal(v);
  const source = v.source;
  const dansExcel = e.hote.type === "excel" && e.hote.insertion;
  const remarques = [...(v.lacunes ?? []), ...lignes.filter((l) => l.note !== "").map((l) => `${libelleCle(b.id, l.cle)} (${l.cle}) : ${l.note}`), ...(b.regles ?? [])];
  remplacer(
    conteneur,
    el("h3", {}, b.libelle),
    el("p", { class: "discret" }, b.description),
    el(
      "p",
      {},
      `En vigueur le ${dateFr(date)}${tels} : version du ${dateFr(v.dateEffet)} `,
      el("span", { class: `statut statut-${statut}` }, libelleStatut(statut)),
      v.origine === "publiee" ? el("span", { class: "discret" }, " · publiée après cette version du complément") : null,
    ),
    ...vueConnaissance(e, r),
    el("p", { class: "discret" }, `Unité : ${b.unite}`),
    el(
      "table",
      { class: "adaptatif valeurs" },
      el("caption", {}, "Valeurs"),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Valeur"), el("th", { scope: "col" }, "Montant"), el("th", { scope: "col" }, "Statut"))),
      el(
        "tbody",
        {},
        ...lignes.map((l) =>
          el(
            "tr",
            {},
            el("td", { class: "libelle" }, el("span", {}, libelleCle(b.id, l.cle)), el("code", { class: "cle", title: "Clé à utiliser dans =LOGSOC.BAREME" }, l.cle)),
            el("td", { class: typeof l.valeur === "number" ? "nombre" : "texte", title: l.note || undefined }, formatValeur(l.valeur)),
            el("td", { class: "statut-cellule" }, el("span", { class: `statut statut-${l.statut}` }, libelleStatut(l.statut))),
          ),
        ),
      ),
    ),
    el(
      "p",
      {},
      el("strong", {}, "Source : "),
      `${source.texte} — ${source.reference}`,
      lienSur(source.url) ? " — " : null,
      lienSur(source.url) ? el("a", { href: source.url, target: "_blank", rel: "noopener noreferrer" }, "consulter le texte") : null,
    ),
    remarques.length > 0 ? el("details", {}, el("summary", {}, "Remarques et règles d'application"), el("ul", {}, ...remarques.map((t) => el("li", {}, t)))) : null,
    el(
      "div",
      { class: "actions" },
      el("button", { type: "button", class: "principal", id: "inserer", disabled: !dansExcel, "aria-describedby": dansExcel ? undefined : "inserer-indisponible" }, "Insérer dans une nouvelle feuille"),
      dansExcel ? null : el("span", { id: "inserer-indisponible", class: "discret" }, "Disponible quand LogSoc est ouvert dans Excel."),
    ),
  );
  const bouton = conteneur.querySelector<HTMLButtonElement>("#inserer")!;
  bouton.addEventListener("click", () =>
    inserer(
      {
        id: b.id,
        libelle: b.libelle,
        unite: b.unite,
        date,
        dateEffet: v.dateEffet,
        source,
        statut,
        origine: v.origine === "publiee" ? "en ligne" : "intégrées au complément",
        lignes,
      },
      bouton,
    ),
  );
}

function vueAvisHote(hote: Hote): HTMLElement | null {
  const a = avisHote(hote);
  if (a === null) return null;
  return el("div", { class: `avis ${a.niveau === "attention" ? "avis-attention" : ""}`, role: "note", id: "avis-hote" }, el("p", { class: "avis-titre" }, a.titre), el("p", {}, a.texte));
}

async function inserer(hote: Hote, b: BaremeAInserer, bouton: HTMLButtonElement, message: HTMLElement): Promise<void> {
  if (hote.type !== "excel" || bouton.disabled) return;
  // One insertion at a time: a second click while Excel works would add a second sheet.
  bouton.disabled = true;
  message.className = "";
  remplacer(message, "Insertion en cours…");
  try {
    const r = await Excel.run((context) => insererBareme(context, b, { autoAjuster: hote.autoAjustement }));
    message.className = "avis avis-succes";
    remplacer(message, `Barème inséré dans la feuille « ${r.feuille} » (tableau ${r.tableau}).`);
  } catch (e) {
    message.className = "avis avis-erreur";
    remplacer(message, `L'insertion a échoué : ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    bouton.disabled = false;
  }
}

/** Builds the pane: bundled barèmes at once, then the Worker's answer (en ligne / hors ligne) when it comes. */
export async function demarrer(racine: HTMLElement, office: OfficeMinimal | undefined): Promise<void> {
  const hote = await detecterHote(office);
  const jour = aujourdhui();
  const catalogueInitial = etatHorsLigne(stockage);
  const etat: Etat = {
    hote,
    baremes: catalogueInitial,
    verification: "en-cours",
    choix: catalogueInitial.catalogue.liste()[0]?.id ?? "",
    date: jour,
    connuLe: "",
  };

  const zoneEtat = el("section", { id: "etat-baremes", "aria-label": "État des barèmes", role: "status" });
  const choix = el("select", { id: "choix-bareme" }, ...etat.baremes.catalogue.liste().map((b) => el("option", { value: b.id }, b.libelle)));
  const date = el("input", { id: "date-bareme", type: "date", value: jour, min: "1900-03-01", max: "2199-12-31" });
  const connuLe = el("input", { id: "connu-bareme", type: "date", value: "", min: "1990-01-01", max: "2199-12-31", "aria-describedby": "aide-connu-bareme" });
  const detail = el("div", { id: "detail-bareme", "aria-live": "polite" });
  const message = el("p", { id: "message-insertion", role: "status" });

  const redessiner = () => {
    vueEtatBaremes(zoneEtat, etat);
    vueDetail(detail, etat, (b, bouton) => void inserer(hote, b, bouton, message));
  };
  choix.addEventListener("change", () => {
    etat.choix = choix.value;
    message.className = "";
    remplacer(message);
    redessiner();
  });
  connuLe.addEventListener("change", () => {
    etat.connuLe = connuLe.value;
    message.className = "";
    remplacer(message);
    redessiner();
  });
  date.addEventListener("change", () => {
    etat.date = date.value;
    message.className = "";
    remplacer(message);
    redessiner();
  });

  const excel = (globalThis as { Excel?: ExcelSelection }).Excel;
  remplacer(
    racine,
    vueAvisHote(hote),
    hote.type === "excel" && hote.fonctions && excel !== undefined ? sectionErreurs(excel) : null,
    zoneEtat,
    vueFonctions(),
    sectionExplication({ hote, catalogue: () => etat.baremes.catalogue, outils: chargerOutils }),
    el(
      "section",
      { "aria-labelledby": "titre-baremes" },
      el("h2", { id: "titre-baremes" }, "Barèmes"),
      el("p", {}, "Choisissez un barème et une date : LogSoc affiche la version en vigueur ce jour-là, ses valeurs, sa source et son statut."),
      el(
        "div",
        { class: "champs" },
        el("div", { class: "champ" }, el("label", { for: "choix-bareme" }, "Barème"), choix),
        el("div", { class: "champ" }, el("label", { for: "date-bareme" }, "Date"), date),
        el("div", { class: "champ" }, el("label", { for: "connu-bareme" }, "Connus le"), connuLe),
      ),
      el(
        "p",
        { id: "aide-connu-bareme", class: "discret" },
        "« Connus le » : vide, les barèmes tels que LogSoc les connaît aujourd'hui ; une date passée, tels qu'ils étaient connus ce jour-là (les corrections et retraits publiés depuis n'y sont pas), pour revoir un dossier avec les valeurs de l'époque.",
      ),
      detail,
      message,
    ),
    ...sectionsClasseur({ hote, catalogue: () => etat.baremes.catalogue, jour }),
  );
  redessiner();

  try {
    // A Worker that accepts the connection but never answers must not leave the status at "vérification".
    const signal = typeof AbortSignal.timeout === "function" ? AbortSignal.timeout(15_000) : undefined;
    etat.baremes = await chargerBaremes({ recuperer: (url, init) => fetch(url, init), stockage, ...(signal ? { signal } : {}) });
  } catch (e) {
    etat.baremes = etatHorsLigne(stockage, `erreur inattendue : ${e instanceof Error ? e.message : String(e)}`);
  }
  etat.verification = "terminee";
  redessiner();
}

/** What the pane and the engine use that older webviews lack (they are not polyfilled). */
export function navigateurCompatible(g: typeof globalThis = globalThis): boolean {
  return (
    typeof g.fetch === "function" &&
    typeof g.Promise === "function" &&
    typeof Object.hasOwn === "function" &&
    typeof Array.prototype.at === "function" &&
    typeof String.prototype.replaceAll === "function" &&
    typeof g.Intl?.DateTimeFormat?.prototype.formatToParts === "function" &&
    typeof g.Element?.prototype.replaceChildren === "function"
  );
}

function lancer(): void {
  const racine = document.getElementById("app");
  if (racine === null || document.documentElement.getAttribute("data-logsoc") !== "demarre") return;
  demarrer(racine, (globalThis as unknown as { Office?: OfficeMinimal }).Office).catch((e: unknown) => {
    remplacer(
      racine,
      el("div", { class: "avis avis-erreur", role: "alert" }, el("p", { class: "avis-titre" }, "LogSoc n'a pas pu démarrer"), el("p", {}, e instanceof Error ? e.message : String(e))),
    );
  });
}

// The bundle runs from the page's head (the custom functions register first): the pane waits for the body.
if (typeof document !== "undefined") {
  // Marked at once, from the head: the style sheet then never shows the « navigateur trop ancien » notice.
  if (navigateurCompatible()) document.documentElement.setAttribute("data-logsoc", "demarre");
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", lancer);
  else lancer();
}
