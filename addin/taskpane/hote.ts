/**
 * Where the task pane runs, decided once at start-up. Everything the pane offers works in a plain
 * browser too (reading barèmes); what needs Excel is switched off with a French explanation.
 */
export type Hote =
  /** `classeur`: templates, the dossier check and exercises (multi-area ranges and validations: ExcelApi 1.9). */
  | { type: "excel"; fonctions: boolean; insertion: boolean; autoAjustement: boolean; classeur: boolean }
  | { type: "autre-application"; nom: string }
  | { type: "hors-office" };

/** The part of office.js the detection reads, so tests can pass a fake. */
export interface OfficeMinimal {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context?: { requirements?: { isSetSupported(nom: string, version?: string): boolean } };
}

export async function detecterHote(office: OfficeMinimal | undefined): Promise<Hote> {
  if (office === undefined || typeof office.onReady !== "function") return { type: "hors-office" };
  const { host } = await office.onReady();
  if (host === null || host === undefined) return { type: "hors-office" };
  if (host !== "Excel") return { type: "autre-application", nom: host };
  const prend = (nom: string, version: string): boolean => office.context?.requirements?.isSetSupported(nom, version) === true;
  return {
    type: "excel",
    // The manifest only registers the functions where both are present (VersionOverrides requirements).
    fonctions: prend("CustomFunctionsRuntime", "1.1") && prend("SharedRuntime", "1.1"),
    insertion: prend("ExcelApi", "1.1"),
    autoAjustement: prend("ExcelApi", "1.2"),
    classeur: prend("ExcelApi", "1.9"),
  };
}

export interface Avis {
  niveau: "info" | "attention";
  titre: string;
  texte: string;
}

/** The French notice shown at the top of the pane for this host, or null when everything is available. */
export function avisHote(hote: Hote): Avis | null {
  switch (hote.type) {
    case "hors-office":
      return {
        niveau: "info",
        titre: "Ouvert en dehors d'Excel",
        texte:
          "Vous pouvez consulter les barèmes ici. Pour utiliser les fonctions =LOGSOC.…, insérer un barème, un modèle ou un exercice et contrôler un classeur, " +
          "ouvrez LogSoc depuis Excel (onglet Accueil, bouton LogSoc).",
      };
    case "autre-application":
      return {
        niveau: "attention",
        titre: "LogSoc est un complément Excel",
        texte: `LogSoc ne fonctionne pas dans ${hote.nom} : ouvrez-le depuis Excel. Vous pouvez tout de même consulter les barèmes ici.`,
      };
    case "excel":
      if (!hote.insertion) {
        return {
          niveau: "attention",
          titre: "Version d'Excel trop ancienne",
          texte:
            "Cette version d'Excel ne permet pas aux compléments de modifier le classeur, ni d'utiliser les fonctions =LOGSOC.…. " +
            "Vous pouvez consulter les barèmes ici. Les modèles de classeur LogSoc n'utilisent que des formules Excel ordinaires et restent justes sans le complément.",
        };
      }
      if (!hote.fonctions) {
        return {
          niveau: "attention",
          titre: "Fonctions LOGSOC indisponibles dans cette version d'Excel",
          texte:
            // Microsoft's list (custom functions overview): no custom functions on iPad nor in volume-licensed
            // perpetual Office 2021 and earlier on Windows, whatever their ExcelApi.
            "Les fonctions =LOGSOC.… demandent Excel sur le web, Microsoft 365 (Windows, Mac) ou une version vendue à l'unité à jour ; " +
            "elles n'existent ni sur iPad, ni dans Office 2021 et antérieur en licence en volume sur Windows. " +
            (hote.classeur
              ? "Le volet, l'insertion des barèmes et des modèles, le contrôle et les exercices fonctionnent ; "
              : "Le volet et l'insertion des barèmes fonctionnent ; l'insertion des modèles, le contrôle et les exercices demandent aussi une version plus récente ; ") +
            "les modèles de classeur LogSoc n'utilisent que des formules Excel ordinaires et restent justes sans le complément.",
        };
      }
      if (!hote.classeur) {
        return {
          niveau: "attention",
          titre: "Modèles, contrôle et exercices indisponibles dans cette version d'Excel",
          texte:
            "L'insertion des modèles, le contrôle des dossiers et les exercices demandent Microsoft 365, Excel 2021 ou plus récent (Windows, Mac) ou Excel sur le web. " +
            "Les fonctions =LOGSOC.…, les barèmes et leur insertion fonctionnent.",
        };
      }
      return null;
  }
}
