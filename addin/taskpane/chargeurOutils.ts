// Loads outils.js (see outils.ts) once, as a classic script of the pane's own origin: the page names it, with its
// content hash, in <meta name="logsoc-outils"> (npm run build writes it). A failed load is retried on the next click.
import type * as Outils from "./outils.ts";

export type OutilsVolet = typeof Outils;

let enCours: Promise<OutilsVolet> | undefined;

function charges(): OutilsVolet | undefined {
  return (globalThis as { LogsocOutils?: OutilsVolet }).LogsocOutils;
}

export function chargerOutils(): Promise<OutilsVolet> {
  const deja = charges();
  if (deja !== undefined) return Promise.resolve(deja);
  enCours ??= new Promise<OutilsVolet>((ok, echec) => {
    const script = document.createElement("script");
    script.src = document.querySelector<HTMLMetaElement>('meta[name="logsoc-outils"]')?.content || "outils.js";
    const refus = () => {
      enCours = undefined;
      script.remove();
      echec(new Error("le module de calcul du volet (outils.js) n'a pas pu être chargé depuis le service LogSoc ; vérifiez la connexion et réessayez"));
    };
    script.addEventListener("load", () => {
      const outils = charges();
      if (outils === undefined) refus();
      else ok(outils);
    });
    script.addEventListener("error", refus);
    document.head.append(script);
  });
  return enCours;
}
