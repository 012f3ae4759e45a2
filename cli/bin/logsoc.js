#!/usr/bin/env node
// Runs the TypeScript sources directly (Node ≥ 24 strips types), so `npx logsoc` works right after
// `npm ci` with no build step. The one-time "type stripping" notice would pollute stderr, whose
// first word must be the Excel error code, so only that warning is silenced.
const emit = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const text = typeof warning === "string" ? warning : warning?.message ?? "";
  if (/type stripping/i.test(text)) return;
  return emit.call(process, warning, ...rest);
};
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
