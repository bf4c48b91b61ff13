// DATABASE_URL → a plain PostgreSQL server through node-postgres.
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { MIGRATIONS_FOLDER, type Db, type OpenDatabase } from "../types";

// Several app instances may start at once; only one migrates at a time.
const MIGRATION_LOCK = 7_214_630_001;

export function openNodePostgres(url: string): OpenDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (restart, failover, pg_terminate_backend) is dropped by the pool and
  // replaced on next use; without a listener the error event would crash the process.
  pool.on("error", (error) => console.warn(`Postgres closed an idle connection: ${error.message}`));
  const db = drizzle(pool) as unknown as Db;
  return {
    driver: "node-postgres",
    db,
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
