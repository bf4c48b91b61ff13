// Crash: the executor and the app run in a child process; it is killed with SIGKILL in the middle of a
// 5-step run; a fresh process on the same database reclaims the run after its lease and completes it.
// Every step memoised before the kill ran exactly once; only the step in flight at the kill may run again.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openNodePostgres } from "@/db/drivers/node-postgres";
import { createScratchDatabase } from "../support/scratch-database";

const FALLBACK = "postgres://postgres@127.0.0.1:5432/postgres";
let databaseUrl: string | null = null;
let dropScratch: (() => Promise<void>) | null = null;
let skipReason: string | null = null;
const children: ChildProcess[] = [];
const signingKey = `signkey-test-${randomBytes(32).toString("hex")}`;
const eventKey = randomBytes(16).toString("hex");

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    databaseUrl = process.env.DATABASE_URL; // setup.ts already made this file a scratch database
  } else {
    try {
      const scratch = await createScratchDatabase(FALLBACK, "copilot_crash");
      databaseUrl = scratch.url;
      dropScratch = scratch.drop;
    } catch (error) {
      skipReason = `no Postgres at ${FALLBACK} (${(error as Error).message}); PGlite cannot be shared between processes`;
      console.warn(`jobs-crash: skipped — ${skipReason}`);
      return;
    }
  }
  const opened = openNodePostgres(databaseUrl);
  await opened.migrate();
  await opened.close();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("create table if not exists crash_side_effects (id serial primary key, run_id text not null, step text not null, pid int not null, at timestamptz not null default clock_timestamp())");
  await client.end();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await dropScratch?.();
});

function startChild(): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/jobs-crash-child.ts"], {
    env: { ...process.env, CRASH_DATABASE_URL: databaseUrl!, CRASH_SIGNING_KEY: signingKey, CRASH_EVENT_KEY: eventKey, CRASH_LEASE_MS: "1500" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/READY (\S+)/);
      if (m) resolve({ child, origin: m[1] });
    });
    child.on("exit", (code) => reject(new Error(`crash child exited early (${code})`)));
  });
}

async function poll<T>(probe: () => Promise<T | null>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("crash recovery", () => {
  it("completes a run after kill -9 mid-run; memoised steps never run again", async (ctx) => {
    if (skipReason) return ctx.skip();
    const db = new pg.Client({ connectionString: databaseUrl! });
    await db.connect();
    try {
      const first = await startChild();
      const sent = await fetch(`${first.origin}/e/${eventKey}`, { method: "POST", body: JSON.stringify({ name: "test/crashy", data: {} }) });
      expect(sent.status).toBe(200);
      const runId = await poll(async () => (await db.query("select id from job_runs where function_id = 'crash-app-crashy'")).rows[0]?.id ?? null, "the run");

      // Kill once two steps' side effects exist: the third step is then usually in flight.
      await poll(async () => (Number((await db.query("select count(*) from crash_side_effects")).rows[0].count) >= 2 ? true : null), "two side effects");
      first.child.kill("SIGKILL");
      await new Promise((r) => first.child.once("exit", r));
      const killedAt = new Date();

      const memoisedBefore = new Map<string, number>(
        (await db.query("select name, data from job_steps where run_id = $1 and status = 'completed'", [runId])).rows.map((r) => [r.name, Number(r.data)]),
      );
      const statusAtKill = (await db.query("select status from job_runs where id = $1", [runId])).rows[0].status;
      expect(statusAtKill).toBe("running");
      expect(memoisedBefore.size).toBeGreaterThanOrEqual(1);
      expect(memoisedBefore.size).toBeLessThan(5);

      await startChild();
      const run = await poll(async () => {
        const r = (await db.query("select status, output from job_runs where id = $1", [runId])).rows[0];
        return r.status === "completed" ? r : null;
      }, "the run to complete after the restart");

      const effects = (await db.query("select id, step, at from crash_side_effects where run_id = $1 order by id", [runId])).rows as { id: number; step: string; at: Date }[];
      const steps = (await db.query("select name, status, data from job_steps where run_id = $1", [runId])).rows as { name: string; status: string; data: number }[];
      expect(steps).toHaveLength(5);
      expect(steps.every((s) => s.status === "completed")).toBe(true);
      // The run's result is the side-effect rows its memoised steps point to, in order.
      expect(run.output).toEqual([1, 2, 3, 4, 5].map((i) => steps.find((s) => s.name === `effect-${i}`)!.data));

      for (const [name, rowId] of memoisedBefore) {
        const rows = effects.filter((e) => e.step === name);
        // Memoised before the kill: exactly one side effect, the one remembered, none after the restart.
        expect(rows.map((r) => r.id)).toEqual([rowId]);
        expect(rows[0].at.getTime()).toBeLessThanOrEqual(killedAt.getTime());
      }
      const redone = [1, 2, 3, 4, 5].map((i) => `effect-${i}`).filter((n) => effects.filter((e) => e.step === n).length > 1);
      // At most the one step that was in flight at the kill ran twice (it had no memoised result yet).
      expect(redone.length).toBeLessThanOrEqual(1);
      for (const name of redone) expect(memoisedBefore.has(name)).toBe(false);
      expect(effects.length).toBeLessThanOrEqual(6);
      console.log(`jobs-crash: killed after ${memoisedBefore.size} memoised step(s); re-executed in-flight step(s): ${redone.join(", ") || "none"}`);
    } finally {
      await db.end();
    }
  }, 60_000);
});
