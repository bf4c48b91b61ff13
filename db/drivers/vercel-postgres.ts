// POSTGRES_URL → @vercel/postgres, i.e. Neon's serverless driver: sessions over a WebSocket proxy,
// one-shot `pool.sql` queries over HTTPS `POST /sql`. Locally both can go through a relay
// (tests/support/neon-relay.ts) configured by POSTGRES_WS_PROXY / POSTGRES_FETCH_ENDPOINT / POSTGRES_INSECURE_WS.
import { createPool, VercelClient, type VercelPool } from "@vercel/postgres";
import { drizzle } from "drizzle-orm/vercel-postgres";
import { migrate } from "drizzle-orm/vercel-postgres/migrator";
import ws from "ws";
import { MIGRATIONS_FOLDER, type Db, type OpenDatabase } from "../types";

// Must equal node-postgres.ts's key: then instances on either driver serialise their migrations.
const MIGRATION_LOCK = 7_214_630_001;

/** The global neonConfig options this driver sets (a subset of @neondatabase/serverless's NeonConfig). */
interface NeonGlobalConfig {
  webSocketConstructor: unknown;
  wsProxy: string | undefined;
  useSecureWebSocket: boolean | undefined;
  pipelineConnect: "password" | false | undefined;
  fetchEndpoint: string | undefined;
}

/**
 * The `neonConfig` of the very @neondatabase/serverless instance that @vercel/postgres uses.
 *
 * Importing "@neondatabase/serverless" here would get the wrong one: the top-level copy (a different
 * version, and not even a declared dependency). createRequire from @vercel/postgres's path does find
 * its nested 0.9.x, but as the CommonJS build (index.js), while `import "@vercel/postgres"` loads the
 * ESM build (index.mjs): two separate module instances, so options set on the CJS one are silently
 * ignored. And when Next.js bundles @vercel/postgres, neither file on disk is the copy in use.
 * What always is: the class behind a client's `neonConfig`. That getter returns the client's Socket,
 * and the package exports that same Socket class as `neonConfig` (its static accessors are the globals).
 */
function vercelNeonConfig(): NeonGlobalConfig {
  // Constructing a client opens nothing; it only builds its (unconnected) Socket.
  const probe = new VercelClient({ connectionString: "postgres://probe@localhost/probe" });
  const socketClass: unknown = Object.getPrototypeOf(probe.neonConfig)?.constructor;
  if (typeof socketClass !== "function" || !("wsProxy" in socketClass) || !("fetchEndpoint" in socketClass)) {
    throw new Error("@vercel/postgres: could not reach its neonConfig (has @neondatabase/serverless changed shape?)");
  }
  return socketClass as unknown as NeonGlobalConfig;
}

/** Applies the relay settings from the environment; unset variables restore Neon's defaults. */
function configureNeon(): void {
  const config = vercelNeonConfig();
  const insecure = process.env.POSTGRES_INSECURE_WS === "1";
  // Neon appends `?address=host:port` to wsProxy and picks the scheme itself, so drop any scheme given.
  const wsProxy = process.env.POSTGRES_WS_PROXY?.replace(/^wss?:\/\//, "") || undefined;
  const fetchEndpoint = process.env.POSTGRES_FETCH_ENDPOINT || undefined;

  // On Node 20 there is no global WebSocket; `ws` is what @vercel/postgres's own Node entry installs.
  config.webSocketConstructor = ws;
  config.wsProxy = wsProxy;
  // Assigning undefined falls back to Neon's default (secure, i.e. wss:// and https://).
  config.useSecureWebSocket = insecure ? false : undefined;
  // Neon pipelines a cleartext password into the startup; a plain Postgres behind a relay may use
  // trust or SCRAM instead and would reject the unexpected password message, so do the normal handshake.
  config.pipelineConnect = wsProxy ? false : undefined;
  config.fetchEndpoint =
    fetchEndpoint && !/^https?:\/\//.test(fetchEndpoint)
      ? `${insecure ? "http" : "https"}://${fetchEndpoint}`
      : fetchEndpoint;
}

export interface OpenVercelPostgres extends OpenDatabase {
  driver: "vercel-postgres";
  /** The pool behind `db`; `pool.sql\`…\`` runs one query over Neon's HTTP `/sql` endpoint. */
  pool: VercelPool;
}

/**
 * `url` must satisfy @vercel/postgres's createPool: a Neon "-pooler." host, or the host `localhost`
 * (then POSTGRES_WS_PROXY decides where it really goes). `pool.sql` additionally needs a password in it.
 */
export function openVercelPostgres(
  url: string,
  options: { migrationsFolder?: string } = {},
): OpenVercelPostgres {
  configureNeon();
  const pool = createPool({ connectionString: url });
  return {
    driver: "vercel-postgres",
    db: drizzle(pool) as unknown as Db,
    pool,
    async migrate() {
      // A dedicated WebSocket session: the advisory lock is per session, and drizzle runs the
      // migration transaction on this same client.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migrate(drizzle(client), { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
