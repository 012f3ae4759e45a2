/**
 * Dossier audit (DESIGN.md §1, issues 7 and 11): recomputes every figure of a workbook made from a
 * LogSoc template, of any released layout, and reports what differs. Workbooks are read from an .xlsx
 * file's bytes within the limits of an untrusted file (./fichierXlsx.ts, ./limites.ts: fflate, no Node
 * API) or by the add-in through office.js (addin/src/audit/); everything here is pure.
 */
export { auditerClasseur, type OptionsAudit, type RapportAudit, type RapportClasseur, type Controle, type StatutControle, type CompetenceDossier, type ModeleDossier } from "./audit.ts";
export { GENRES_CONSTAT, LIBELLES_GENRE, type Constat, type GenreConstat, type ValeurConstat } from "./constats.ts";
export { lecteurEnMemoire, ClasseurIllisible, type LecteurClasseur, type ContenuClasseur, type CelluleLue, type FeuilleLue, type ValeurLue } from "./lecteur.ts";
export { lireContenuXlsx, type LirePartie } from "./ooxml.ts";
export { lireClasseurXlsx, ouvrirPaquetXlsx } from "./fichierXlsx.ts";
export { Budget, LIMITES, LimiteDepassee, type Limites } from "./limites.ts";
export { DISPOSITIONS_FIGEES, dispositionCourante, dispositionDe, dispositions, numeroDisposition, type Disposition } from "./dispositions.ts";
export { COLONNES_CONSTATS, COLONNES_DOSSIERS, lignesConstats, lignesDossiers, statutDossier, statutFichier, type ResultatFichier, type StatutDossier } from "./cohorte.ts";
export { texteAffichable, rapportAffichable } from "./texteSur.ts";
export { PROFILS } from "./profils/index.ts";
