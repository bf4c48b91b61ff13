// Neither DATABASE_URL nor POSTGRES_URL → embedded PGlite, files under DATA_DIR (or in memory for tests).
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { MIGRATIONS_FOLDER, type Db, type OpenDatabase } from "../types";

/** `dir` undefined or "memory://" → an in-memory database. */
export function openPglite(dir?: string): OpenDatabase {
  if (dir && !dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzle(client) as unknown as Db;
  return {
    driver: "pglite",
    db,
    migrate: () => migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}
