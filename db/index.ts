// Driver selection: DATABASE_URL → node-postgres; POSTGRES_URL → @vercel/postgres; neither → PGlite in DATA_DIR.
import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { openNodePostgres } from "./drivers/node-postgres";
import { openPglite } from "./drivers/pglite";
import { openVercelPostgres } from "./drivers/vercel-postgres";
import type { Db, OpenDatabase } from "./types";

export type { Db, Queryable, Tx } from "./types";

export function openDatabaseFromEnv(): OpenDatabase {
  const e = env();
  if (e.DATABASE_URL) return openNodePostgres(e.DATABASE_URL);
  if (e.POSTGRES_URL) return openVercelPostgres(e.POSTGRES_URL);
  return openPglite(e.PGLITE_DIR ?? path.join(e.DATA_DIR, "pglite"));
}

// One database per process, shared across every bundle Next.js makes of this module.
const holder = globalThis as unknown as { __copilotDb?: Promise<OpenDatabase> };

/** The process-wide database, opened and migrated on first use. */
export function database(): Promise<OpenDatabase> {
  holder.__copilotDb ??= (async () => {
    const opened = openDatabaseFromEnv();
    await opened.migrate();
    return opened;
  })().catch((error) => {
    holder.__copilotDb = undefined;
    throw error;
  });
  return holder.__copilotDb;
}

export async function getDb(): Promise<Db> {
  return (await database()).db;
}
