import { mkdirSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";

// Wrangler and the Workers integration must not call out (metrics, cf request data) nor write in ~/.config.
process.env.WRANGLER_SEND_METRICS ??= "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
process.env.XDG_CONFIG_HOME ??= `${import.meta.dirname}/.wrangler/config`;
// The Worker serves dist/addin as static assets and wrangler refuses a missing directory (before any build).
mkdirSync(`${import.meta.dirname}/dist/addin`, { recursive: true });
const migrationsD1 = await readD1Migrations(`${import.meta.dirname}/worker/migrations`);

// One project per runtime: plain Node for the engine, CLI and add-in adapters; workerd for the API.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: ["shared/**/*.test.ts", "cli/**/*.test.ts", "addin/**/*.test.ts", "tests/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          // The task pane in headless Chromium (Debian's /usr/bin/chromium) against wrangler dev: slow to start.
          name: "browser",
          environment: "node",
          include: ["addin/**/*.spec.ts"],
          testTimeout: 90_000,
          hookTimeout: 300_000,
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              // Test-only bindings: the migrations applied by worker/test/migrations.ts, and the publishing token.
              bindings: { TEST_MIGRATIONS: migrationsD1, LOGSOC_ADMIN_TOKEN: "jeton-de-test-0123456789abcdef-0123456789" },
            },
          }),
        ],
        test: {
          name: "workers",
          include: ["worker/**/*.test.ts"],
          setupFiles: ["./worker/test/migrations.ts"],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
