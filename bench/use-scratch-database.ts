// Where an in-process bench keeps its data: a scratch database on DATABASE_URL's server (dropped by `drop`), or
// PGlite in memory without it; a fresh DATA_DIR either way. Call before anything opens the database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export async function useScratchDatabase(name: string): Promise<{ drop(): Promise<void> }> {
  process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), `${name.replace(/_/g, "-")}-`));
  if (!process.env.DATABASE_URL) {
    process.env.PGLITE_DIR = "memory://";
    return { drop: async () => {} };
  }
  const { createScratchDatabase } = await import("@/tests/support/scratch-database");
  const scratch = await createScratchDatabase(process.env.DATABASE_URL, name);
  process.env.DATABASE_URL = scratch.url;
  return scratch;
}
