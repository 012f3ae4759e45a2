/**
 * Explanations of LogSoc's figures (DESIGN §7): the API every surface calls (CLI, Worker, task pane,
 * audit, exercises). See docs/explications.md.
 */
export type { BaremeEtape, Etape, Explication, Operation, TypeOperation } from "./types.ts";
export { SANS_TRACE, Traceur, baremeEtape, extraire, statutDesEtapes, type Ref, type Trace } from "./traceur.ts";
export { expliquer, expliquerObjet } from "./fonctions.ts";
export { verifierEtapes, recalculer, operandes } from "./verification.ts";
export { explicationEnTexte, etapeEnLignes, valeurLisible, calculLisible, formatDecimal } from "./texte.ts";
export { expliquerModele, expliquerIndicateur, type ContexteModele, type TypeModeleExplique } from "./modeles.ts";
