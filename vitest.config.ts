import { defineConfig } from "vitest/config";

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
    ],
  },
});
