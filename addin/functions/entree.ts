// Entry of functions.js, a classic script the task pane page loads right after office.js (and the
// manifest's CustomFunctions <Script>): the functions register before anything else on the page runs,
// so a recalculation when a workbook opens finds them (never #VALUE! for want of registration).
import { associer } from "./functions.ts";

associer();
