#!/usr/bin/env node
// Launcher of the `logsoc` command. It must start on any Node (it is what `npm link` / `npm install -g .`
// put on the PATH), so it checks the version first, with no static import and no top-level await.
var VERSION_MINIMALE = 20;
if (Number(process.versions.node.split(".")[0]) < VERSION_MINIMALE) {
  process.stderr.write(
    "LogSoc demande Node.js " + VERSION_MINIMALE + " ou plus récent (version installée : " + process.versions.node + ").\n",
  );
  process.exit(2);
}

// A Node that strips types runs the sources, always current (npx logsoc on the Node 24 of node_modules);
// any other Node ≥ 20 runs the JavaScript build of `npm run build:cli` (run by `npm ci` / `npm install`).
// Node refuses to strip types below a node_modules folder (a copied, not linked, install).
var enSources = Boolean(process.features.typescript) && !/[\\/]node_modules[\\/]/.test(decodeURIComponent(import.meta.url));
var dejaVu = process.emitWarning;
if (enSources) {
  // The one-time "type stripping" notice would pollute stderr, whose first word must be the Excel error code.
  process.emitWarning = function (avertissement) {
    var reste = Array.prototype.slice.call(arguments, 1);
    var texte = typeof avertissement === "string" ? avertissement : (avertissement && avertissement.message) || "";
    if (/type stripping/i.test(texte)) return;
    return dejaVu.apply(process, [avertissement].concat(reste));
  };
}

import(enSources ? "../src/main.ts" : "../../dist/cli/logsoc.js").then(
  async function (module) {
    process.exitCode = await module.main(process.argv.slice(2));
  },
  function (e) {
    if (e && e.code === "ERR_MODULE_NOT_FOUND" && !enSources && /dist[\\/]cli[\\/]logsoc\.js/.test(e.message)) {
      var dossier = decodeURIComponent(new URL("../..", import.meta.url).pathname);
      process.stderr.write("LogSoc n'est pas construit pour ce Node : lancez « npm run build:cli » dans " + dossier + "\n");
    } else {
      process.stderr.write("Erreur interne au démarrage de LogSoc : " + (e && e.message ? e.message : String(e)) + "\n");
    }
    process.exitCode = 2;
  },
);
