import { calc } from "./commandes/calc.ts";
import { EXIT_ERREUR, EXIT_OK, type Sorties } from "./sortie.ts";

type Commande = { resume: string; executer(args: readonly string[], s: Sorties): number | Promise<number> };

/** Each command is a thin adapter over the shared engine. */
export const COMMANDES: Record<string, Commande> = {
  calc: { resume: "évaluer une fonction LOGSOC (reste à vivre, taux d'effort, plan d'apurement, UC…)", executer: calc },
  baremes: { resume: "barèmes datés et sourcés : liste, version en vigueur à une date (--date, --json)", executer: async (a, s) => (await import("./commandes/baremes.ts")).baremes(a, s) },
  competences: { resume: "référentiel de compétences RS 3474 : domaines, activités, compétences (--json)", executer: async (a, s) => (await import("./commandes/competences.ts")).competences(a, s) },
  verifier: { resume: "contrôle de dossiers .xlsx : recalcule chaque résultat, signale les anomalies et les compétences attestées (--json)", executer: async (a, s) => (await import("./commandes/verifier.ts")).verifier(a, s) },
  exercice: { resume: "exercice de formation : énoncé et corrigé d'un cas tiré d'une graine (--type, --graine, --sortie)", executer: async (a, s) => (await import("./commandes/exercice.ts")).exercice(a, s) },
  modele: { resume: "classeur modèle .xlsx : evaluation, cal, apurement, competences (--sortie, --date)", executer: async (a, s) => (await import("./commandes/modele.ts")).modele(a, s) },
};

export function aideGenerale(): string {
  return `LogSoc : calculs budgétaires pour l'accompagnement social des habitants.

Utilisation : logsoc COMMANDE [OPTIONS]

Commandes :
${Object.entries(COMMANDES)
  .map(([nom, c]) => `  ${nom.padEnd(12)} ${c.resume}`)
  .join("\n")}

Aide d'une commande : logsoc COMMANDE --help
`;
}

const processSorties: Sorties = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

export async function main(argv: readonly string[], s: Sorties = processSorties): Promise<number> {
  const [nom, ...reste] = argv;
  if (nom === undefined || nom === "--help" || nom === "-h" || nom === "aide") {
    s.out(aideGenerale());
    return nom === undefined ? EXIT_ERREUR : EXIT_OK;
  }
  const commande = COMMANDES[nom];
  if (!commande) {
    s.err(`Commande inconnue « ${nom} ».\n\n${aideGenerale()}`);
    return EXIT_ERREUR;
  }
  return commande.executer(reste, s);
}
