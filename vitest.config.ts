import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server bundle; in tests the guard has nothing to guard.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    // CI collects a JSON report per suite to print one "N passed, N failed" line at the end.
    reporters: process.env.VITEST_JSON_DIR ? ["default", ["json", { outputFile: `${process.env.VITEST_JSON_DIR}/unit.json` }]] : ["default"],
    include: ["tests/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/support/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One PGlite/Postgres database per file; files run one after another to keep 2 cores calm.
    fileParallelism: false,
  },
});
