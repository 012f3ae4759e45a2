// Entry of functions.js: loaded by the task pane page (shared runtime) and named by the manifest's
// CustomFunctions <Script>. Registration happens at load, as Excel expects.
import { associer } from "./functions.ts";

associer();
