import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";

/** What every driver hands out: the drizzle query builder over Postgres, driver-agnostic. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Either the database or an open transaction: query functions accept both. */
export type Queryable = Db | Tx;

export interface OpenDatabase {
  driver: "pglite" | "node-postgres" | "vercel-postgres";
  db: Db;
  /** Apply committed migrations from db/migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = `${process.cwd()}/db/migrations`;
