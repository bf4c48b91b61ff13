import { defineConfig } from "vitest/config";

// End-to-end: a production build served by `next start`, driven by Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    // CI collects a JSON report per suite to print one "N passed, N failed" line at the end.
    reporters: process.env.VITEST_JSON_DIR ? ["default", ["json", { outputFile: `${process.env.VITEST_JSON_DIR}/e2e.json` }]] : ["default"],
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
