/**
 * Dossier audit (DESIGN.md §1, issue 7): recomputes every figure of a workbook made from a LogSoc
 * template and reports what differs. Adapters read the workbook (CLI: cli/src/audit/, add-in:
 * addin/audit/); everything here is pure.
 */
export { auditerClasseur, type OptionsAudit, type RapportAudit, type Controle, type StatutControle, type CompetenceDossier } from "./audit.ts";
export { GENRES_CONSTAT, LIBELLES_GENRE, type Constat, type GenreConstat, type ValeurConstat } from "./constats.ts";
export { lecteurEnMemoire, ClasseurIllisible, type LecteurClasseur, type ContenuClasseur, type CelluleLue, type FeuilleLue, type ValeurLue } from "./lecteur.ts";
export { lireContenuXlsx, type LirePartie } from "./ooxml.ts";
export { PROFILS } from "./profils/index.ts";
