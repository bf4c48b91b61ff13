// Several executors on one database: they share the queue (FOR UPDATE SKIP LOCKED + leases) and every step
// still runs exactly once; a step running longer than the lease keeps it through the heartbeat.
import type { Inngest } from "inngest";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/query-rows";
import { createExecutor, type Executor } from "@/lib/jobs/executor";
import { startJobsHarness, waitFor, type JobsHarness } from "../support/jobs-harness";

const executions = new Map<string, number>();
const RUNS = 60;

function functions(inngest: Inngest) {
  const shared = inngest.createFunction({ id: "shared", triggers: [{ event: "test/shared" }] }, async ({ runId, step }) => {
    for (const name of ["a", "b", "c"]) {
      await step.run(name, () => void executions.set(`${runId}:${name}`, (executions.get(`${runId}:${name}`) ?? 0) + 1));
    }
    await step.sleep("pause", "10m");
    await step.run("d", () => void executions.set(`${runId}:d`, (executions.get(`${runId}:d`) ?? 0) + 1));
    return "ok";
  });
  const slow = inngest.createFunction({ id: "slow", triggers: [{ event: "test/slow" }] }, async ({ runId, step }) => {
    await step.run("long-step", async () => {
      executions.set(`${runId}:long`, (executions.get(`${runId}:long`) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 1_200));
    });
    return "slow ok";
  });
  return [shared, slow];
}

let h: JobsHarness;
let second: Executor;
const calls = { first: 0, second: 0 };
const counting = (key: keyof typeof calls): typeof fetch => (input, init) => {
  calls[key]++;
  return fetch(input, init);
};

beforeAll(async () => {
  // Short leases: without the heartbeat, the other instance would take over the 1.2 s step after 300 ms.
  const lease = { leaseMs: 300, concurrency: 4 };
  h = await startJobsHarness({ functions, executor: { ...lease, fetch: counting("first"), workerId: "first" } });
  second = createExecutor({
    db: h.db,
    serveUrl: h.serveUrl,
    signingKey: h.signingKey,
    eventKey: h.eventKey,
    clock: h.clock,
    pollMs: 20,
    retry: { baseMs: 20, maxMs: 200 },
    log: () => {},
    fetch: counting("second"),
    workerId: "second",
    ...lease,
  });
  second.start();
  await second.synced();
});

afterAll(async () => {
  await second?.stop();
  await h?.close();
});

const count = async (fn: string, status: string) =>
  Number((await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from job_runs where function_id = ${fn} and status = ${status}`))[0].n);

describe("several executors on one database", () => {
  it("share the work and run every step exactly once", async () => {
    await h.client.send(Array.from({ length: RUNS }, (_, n) => ({ name: "test/shared", data: { n } })));
    await waitFor(async () => (await count("test-app-shared", "sleeping")) === RUNS || null, "all runs asleep", 60_000);
    h.clock.advance(10 * 60_000 + 1_000);
    h.executor.poke();
    second.poke();
    await waitFor(async () => (await count("test-app-shared", "completed")) === RUNS || null, "all runs completed", 60_000);
    const counts = [...executions].filter(([k]) => !k.endsWith(":long")).map(([, n]) => n);
    expect(counts).toHaveLength(RUNS * 4);
    expect(counts.every((n) => n === 1)).toBe(true);
    expect(calls.first).toBeGreaterThan(0);
    expect(calls.second).toBeGreaterThan(0);
  }, 90_000);

  it("a step longer than the lease is not taken over by the other instance", async () => {
    await h.client.send([1, 2, 3].map((n) => ({ name: "test/slow", data: { n } })));
    await waitFor(async () => (await count("test-app-slow", "completed")) === 3 || null, "the slow runs", 30_000);
    const longs = [...executions].filter(([k]) => k.endsWith(":long")).map(([, n]) => n);
    expect(longs).toEqual([1, 1, 1]);
  }, 40_000);
});
