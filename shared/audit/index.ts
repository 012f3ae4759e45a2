/**
 * Dossier audit (DESIGN.md §1, issue 7): recomputes every figure of a workbook made from a LogSoc
 * template and reports what differs. Workbooks are read from an .xlsx file's bytes (./fichierXlsx.ts:
 * fflate and fast-xml-parser, no Node API) or by the add-in through office.js (addin/src/audit/);
 * everything here is pure.
 */
export { auditerClasseur, type OptionsAudit, type RapportAudit, type Controle, type StatutControle, type CompetenceDossier } from "./audit.ts";
export { GENRES_CONSTAT, LIBELLES_GENRE, type Constat, type GenreConstat, type ValeurConstat } from "./constats.ts";
export { lecteurEnMemoire, ClasseurIllisible, type LecteurClasseur, type ContenuClasseur, type CelluleLue, type FeuilleLue, type ValeurLue } from "./lecteur.ts";
export { lireContenuXlsx, type LirePartie } from "./ooxml.ts";
export { lireClasseurXlsx, ouvrirPaquetXlsx } from "./fichierXlsx.ts";
export { PROFILS } from "./profils/index.ts";
