// 1,000 concurrent runs, each sleeping between two steps, all complete (real SDK, real executor).
import type { Inngest } from "inngest";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/query-rows";
import { startJobsHarness, waitFor, type JobsHarness } from "../support/jobs-harness";

const RUNS = 1_000;
let bodies = 0;

function functions(inngest: Inngest) {
  const sleepy = inngest.createFunction({ id: "sleepy", triggers: [{ event: "test/sleepy" }] }, async ({ event, step }) => {
    const n = await step.run("before", () => (bodies++, Number(event.data.n)));
    await step.sleep("pause", "1h");
    return step.run("after", () => (bodies++, n * 2));
  });
  return [sleepy];
}

let h: JobsHarness;
beforeAll(async () => {
  h = await startJobsHarness({ functions, executor: { concurrency: 48, pollMs: 10 } });
});
afterAll(async () => {
  await h?.close();
});

async function statusCounts(): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string; n: number }>(
    h.db,
    sql`select status, count(*)::int as n from job_runs where function_id = 'test-app-sleepy' group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

describe("embedded executor at scale", () => {
  it(
    "1,000 concurrent runs with sleeps all complete, each step executed once",
    async () => {
      const events = Array.from({ length: RUNS }, (_, n) => ({ name: "test/sleepy", data: { n } }));
      for (let i = 0; i < RUNS; i += 250) await h.client.send(events.slice(i, i + 250));
      await waitFor(async () => ((await statusCounts()).sleeping ?? 0) === RUNS, "all runs asleep", 90_000);
      expect(bodies).toBe(RUNS);

      h.clock.advance(60 * 60_000);
      h.executor.poke();
      await waitFor(async () => ((await statusCounts()).completed ?? 0) === RUNS, "all runs completed", 90_000);
      expect(bodies).toBe(2 * RUNS);
      const [{ total }] = await queryRows<{ total: number }>(
        h.db,
        sql`select sum((output)::text::int)::int as total from job_runs where function_id = 'test-app-sleepy'`,
      );
      expect(Number(total)).toBe(RUNS * (RUNS - 1));
    },
    200_000,
  );
});
