// The @vercel/postgres driver end to end: its real client code (Neon serverless 0.9) → the local Neon
// relay (WebSocket→TCP and HTTP /sql) → the machine's real Postgres, in a throwaway database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql, type SQL } from "drizzle-orm";
import { pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { openVercelPostgres, type OpenVercelPostgres } from "@/db/drivers/vercel-postgres";
import { MIGRATIONS_FOLDER } from "@/db/types";
import { startNeonRelay, type NeonRelay } from "../support/neon-relay";

// Admin connection to the real server: DATABASE_URL's if set, else the machine's local Postgres.
const adminUrl = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const pgHost = adminUrl.hostname;
const pgPort = Number(adminUrl.port || 5432);

async function unreachableReason(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: adminUrl.href, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return `no Postgres at ${pgHost}:${pgPort} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}
const skipReason = await unreachableReason();
if (skipReason) console.warn(`[vercel-postgres.test] skipped: ${skipReason}`);

const notes = pgTable("vp_notes", {
  id: serial("id").primaryKey(),
  body: text("body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
});

const ENV_KEYS = ["POSTGRES_WS_PROXY", "POSTGRES_FETCH_ENDPOINT", "POSTGRES_INSECURE_WS"] as const;

describe.runIf(!skipReason)("@vercel/postgres driver through the local Neon relay", () => {
  const dbName = `vpg_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl.href });
  const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
  let relay: NeonRelay;
  let opened: OpenVercelPostgres;
  let url: string;

  // Db is driver-agnostic, so execute() is typed `unknown`; this driver returns pg's `{ rows }`.
  const rowsOf = async (query: SQL) => ((await opened.db.execute(query)) as unknown as { rows: unknown[] }).rows;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    relay = await startNeonRelay({ pgHost, pgPort });
    process.env.POSTGRES_WS_PROXY = relay.wsProxy;
    process.env.POSTGRES_FETCH_ENDPOINT = relay.fetchEndpoint;
    process.env.POSTGRES_INSECURE_WS = "1";
    // createPool only accepts `localhost` (or Neon "-pooler." hosts); the relay decides the real host.
    // neon()'s HTTP path insists on a password; with trust auth any will do.
    const user = decodeURIComponent(adminUrl.username || "postgres");
    const password = adminUrl.password ? decodeURIComponent(adminUrl.password) : "relay";
    url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@localhost:${pgPort}/${dbName}`;
    opened = openVercelPostgres(url);
  });

  afterAll(async () => {
    // Bounded: if a test broke the session mid-handshake, pool.end() can wait forever; the database still gets dropped.
    await Promise.race([opened?.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await relay?.close();
    for (const key of ENV_KEYS) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin.end();
  });

  it("migrate() applies a migration folder once, even when two run at the same time", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "vpg-migrations-"));
    fs.mkdirSync(path.join(folder, "meta"));
    fs.writeFileSync(path.join(folder, "0000_scratch.sql"), "CREATE TABLE scratch_migrated (id integer PRIMARY KEY);");
    fs.writeFileSync(
      path.join(folder, "meta", "_journal.json"),
      JSON.stringify({
        version: "7",
        dialect: "postgresql",
        entries: [{ idx: 0, version: "7", when: 1_700_000_000_000, tag: "0000_scratch", breakpoints: true }],
      }),
    );
    const second = openVercelPostgres(url, { migrationsFolder: folder });
    try {
      // Without the advisory lock both would see nothing applied and both would CREATE TABLE.
      await Promise.all([second.migrate(), second.migrate()]);
      expect(await rowsOf(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)).toEqual([{ n: 1 }]);
      expect(await rowsOf(sql`select to_regclass('public.scratch_migrated')::text as t`)).toEqual([
        { t: "scratch_migrated" },
      ]);
    } finally {
      await second.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
    // The session really went through the relay, with Neon's `?address=host:port`.
    expect(relay.seen.wsAddresses).toContain(`localhost:${pgPort}`);
  });

  it.runIf(fs.existsSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json")))(
    "migrate() applies the committed db/migrations",
    async () => {
      await opened.migrate();
      await opened.migrate(); // idempotent
    },
  );

  it("creates, inserts and selects through drizzle", async () => {
    await opened.db.execute(
      sql`create table vp_notes (id serial primary key, body text not null, created_at timestamptz not null default now())`,
    );
    const inserted = await opened.db.insert(notes).values([{ body: "first" }, { body: "second" }]).returning();
    expect(inserted.map((row) => row.body)).toEqual(["first", "second"]);
    expect(inserted[0].createdAt).toBeInstanceOf(Date);

    const rows = await opened.db.select().from(notes).orderBy(notes.id);
    expect(rows.map((row) => row.body)).toEqual(["first", "second"]);
  });

  it("rolls a failed transaction back and commits a good one", async () => {
    await expect(
      opened.db.transaction(async (tx) => {
        await tx.insert(notes).values({ body: "doomed" });
        // Visible inside the transaction…
        expect(await tx.select().from(notes).where(eq(notes.body, "doomed"))).toHaveLength(1);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    // …and gone after the rollback.
    expect(await opened.db.select().from(notes).where(eq(notes.body, "doomed"))).toHaveLength(0);

    await opened.db.transaction(async (tx) => {
      await tx.insert(notes).values({ body: "kept" });
    });
    expect(await opened.db.select().from(notes).where(eq(notes.body, "kept"))).toHaveLength(1);
  });

  it("queries over HTTP /sql with pool.sql", async () => {
    const before = relay.seen.sqlRequests;
    const wanted = "second";
    const result = await opened.pool.sql<{ body: string; n: number }>`
      select body, length(body) as n from vp_notes where body = ${wanted}`;
    expect(result.rows).toEqual([{ body: "second", n: 6 }]);
    expect(result.fields.map((field) => field.name)).toEqual(["body", "n"]);
    expect(relay.seen.sqlRequests).toBe(before + 1);

    // Postgres errors come back as Neon's 400 body and surface with their SQLSTATE.
    await expect(opened.pool.sql`select * from no_such_table`).rejects.toMatchObject({ code: "42P01" });
  });

  it("runs an HTTP /sql batch as one transaction (the wire format neon().transaction sends)", async () => {
    const post = (queries: { query: string; params: unknown[] }[]) =>
      fetch(relay.fetchEndpoint, {
        method: "POST",
        headers: {
          "Neon-Connection-String": url,
          "Neon-Raw-Text-Output": "true",
          "Neon-Array-Mode": "true",
          "Neon-Batch-Isolation-Level": "Serializable",
        },
        body: JSON.stringify({ queries }),
      });

    const ok = await post([
      { query: "insert into vp_notes (body) values ($1)", params: ["batched"] },
      { query: "select body from vp_notes where body = $1", params: ["batched"] },
    ]);
    expect(ok.status).toBe(200);
    const { results } = (await ok.json()) as { results: { rows: unknown[][]; command: string }[] };
    expect(results.map((r) => r.command)).toEqual(["INSERT", "SELECT"]);
    expect(results[1].rows).toEqual([["batched"]]);

    const failed = await post([
      { query: "insert into vp_notes (body) values ($1)", params: ["batch-doomed"] },
      { query: "insert into vp_notes (body) values (null)", params: [] },
    ]);
    expect(failed.status).toBe(400);
    expect(await failed.json()).toMatchObject({ code: "23502" });
    expect(await opened.db.select().from(notes).where(eq(notes.body, "batch-doomed"))).toHaveLength(0);
  });
});
