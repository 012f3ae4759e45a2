// Entry of functions.js (the manifest's CustomFunctions <Script>) and first import of taskpane.js, the classic
// script the pane page loads right after office.js: the functions register before anything else on the page
// runs, so a recalculation when a workbook opens finds them (never #VALUE! for want of registration).
import "./compatibilite.ts";
import { associer } from "./functions.ts";

associer();
