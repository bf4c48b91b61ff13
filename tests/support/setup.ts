// Runs before every test file: a database of its own (a fresh Postgres database when DATABASE_URL is set,
// an in-memory PGlite otherwise), a throwaway DATA_DIR, and no mail provider (mail lands in the local outbox).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { createScratchDatabase } from "./scratch-database";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "copilot-test-"));
process.env.APP_URL ??= "http://localhost:3000";
delete process.env.RESEND_API_KEY;
delete process.env.POSTGRES_URL;

if (process.env.DATABASE_URL) {
  const scratch = await createScratchDatabase(process.env.DATABASE_URL);
  process.env.DATABASE_URL = scratch.url;
  afterAll(async () => {
    const holder = globalThis as unknown as { __copilotDb?: Promise<{ close(): Promise<void> }> };
    await (await holder.__copilotDb)?.close();
    await scratch.drop();
  });
} else {
  process.env.PGLITE_DIR = "memory://";
}
