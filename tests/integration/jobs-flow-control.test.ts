// Flow control on the embedded executor: event id dedupe, idempotency, concurrency keys, throttle,
// rate limit, debounce and cron triggers — real SDK serve handler, real executor, injectable clock.
import type { Inngest } from "inngest";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobQueue } from "@/db/schema/jobs";
import { runsFor, startJobsHarness, waitFor, type JobsHarness } from "../support/jobs-harness";

const inFlight = new Map<string, number>();
const maxInFlight = new Map<string, number>();
let totalInFlight = 0;
let maxTotal = 0;

function functions(inngest: Inngest) {
  const once = inngest.createFunction({ id: "once", triggers: [{ event: "test/once" }] }, async ({ event }) => event.data.n);
  const idempotent = inngest.createFunction(
    { id: "idempotent", idempotency: "event.data.userId", triggers: [{ event: "test/signup" }] },
    async ({ event }) => event.data.userId,
  );
  const serial = inngest.createFunction(
    { id: "serial", concurrency: [{ limit: 1, key: "event.data.account" }], triggers: [{ event: "test/serial" }] },
    async ({ event, step }) => {
      const account = String(event.data.account);
      for (const name of ["one", "two", "three"]) {
        await step.run(name, async () => {
          const now = (inFlight.get(account) ?? 0) + 1;
          inFlight.set(account, now);
          maxInFlight.set(account, Math.max(maxInFlight.get(account) ?? 0, now));
          maxTotal = Math.max(maxTotal, ++totalInFlight);
          await new Promise((r) => setTimeout(r, 25));
          inFlight.set(account, inFlight.get(account)! - 1);
          totalInFlight--;
        });
      }
      return account;
    },
  );
  const throttled = inngest.createFunction(
    { id: "throttled", throttle: { limit: 1, period: "1h" }, triggers: [{ event: "test/throttled" }] },
    async ({ event }) => event.data.n,
  );
  const limited = inngest.createFunction(
    { id: "limited", rateLimit: { limit: 1, period: "1h", key: "event.data.user" }, triggers: [{ event: "test/limited" }] },
    async ({ event }) => event.data.n,
  );
  const debounced = inngest.createFunction(
    { id: "debounced", debounce: { period: "10m" }, triggers: [{ event: "test/debounced" }] },
    async ({ event }) => event.data.n,
  );
  const ticker = inngest.createFunction({ id: "ticker", triggers: [{ cron: "*/5 * * * *" }] }, async ({ event }) => event.name);
  return [once, idempotent, serial, throttled, limited, debounced, ticker];
}

let h: JobsHarness;
beforeAll(async () => {
  h = await startJobsHarness({ functions, executor: { concurrency: 16 } });
});
afterAll(async () => {
  await h?.close();
});

const settle = () => new Promise((r) => setTimeout(r, 200));
const completed = (fnId: string, n: number) =>
  waitFor(async () => {
    const runs = await runsFor(h.db, fnId);
    return runs.filter((r) => r.status === "completed").length >= n ? runs : null;
  }, `${n} completed runs of ${fnId}`);

describe("embedded executor: flow control", () => {
  it("deduplicates events by id: the same id sent twice starts one run", async () => {
    const first = await h.client.send({ id: "order-123", name: "test/once", data: { n: 1 } });
    const second = await h.client.send({ id: "order-123", name: "test/once", data: { n: 2 } });
    expect(second.ids).toEqual(first.ids);
    // The SDK's retry of one send carries the same id seed: same ids, no second run.
    const body = JSON.stringify([{ name: "test/once", data: { n: 3 } }]);
    const post = () =>
      fetch(`${h.origin}/e/${h.eventKey}`, { method: "POST", body, headers: { "x-inngest-event-id-seed": "1700000000000,c2VlZHNlZWRzZWVk" } });
    const [a, b] = [await (await post()).json(), await (await post()).json()];
    expect(a).toEqual({ ids: [expect.any(String)], status: 200 });
    expect(b.ids).toEqual(a.ids);
    await completed("test-app-once", 2);
    await settle();
    expect((await runsFor(h.db, "test-app-once")).map((r) => r.output).sort()).toEqual([1, 3]);
  });

  it("an idempotency key starts one run only", async () => {
    await h.client.send([
      { name: "test/signup", data: { userId: "u-1" } },
      { name: "test/signup", data: { userId: "u-1" } },
    ]);
    await h.client.send({ name: "test/signup", data: { userId: "u-1" } });
    await h.client.send({ name: "test/signup", data: { userId: "u-2" } });
    await completed("test-app-idempotent", 2);
    await settle();
    expect((await runsFor(h.db, "test-app-idempotent")).map((r) => r.output).sort()).toEqual(["u-1", "u-2"]);
  });

  it("a concurrency key with limit 1 never has two steps of the same key in flight", async () => {
    const events = ["a", "b"].flatMap((account) => Array.from({ length: 4 }, () => ({ name: "test/serial", data: { account } })));
    await h.client.send(events);
    await completed("test-app-serial", 8);
    expect(maxInFlight.get("a")).toBe(1);
    expect(maxInFlight.get("b")).toBe(1);
    // Different keys are independent: steps of a and b did run side by side.
    expect(maxTotal).toBe(2);
  });

  it("throttle delays later starts to the next period instead of dropping them", async () => {
    await h.client.send([1, 2, 3].map((n) => ({ name: "test/throttled", data: { n } })));
    await completed("test-app-throttled", 1);
    await settle();
    expect((await runsFor(h.db, "test-app-throttled")).map((r) => r.status).sort()).toEqual(["completed", "queued", "queued"]);
    h.clock.advance(60 * 60_000);
    h.executor.poke();
    await completed("test-app-throttled", 2);
    h.clock.advance(60 * 60_000);
    h.executor.poke();
    const runs = await completed("test-app-throttled", 3);
    expect(runs.map((r) => r.output)).toEqual([1, 2, 3]);
  });

  it("rate limit drops events over the limit per key", async () => {
    await h.client.send([
      { name: "test/limited", data: { user: "x", n: 1 } },
      { name: "test/limited", data: { user: "x", n: 2 } },
      { name: "test/limited", data: { user: "y", n: 3 } },
    ]);
    await completed("test-app-limited", 2);
    await settle();
    expect((await runsFor(h.db, "test-app-limited")).map((r) => r.output).sort()).toEqual([1, 3]);
  });

  it("debounce starts one run with the last event once events stop for the period", async () => {
    for (const n of [1, 2, 3]) await h.client.send({ name: "test/debounced", data: { n } });
    await settle();
    const pending = await runsFor(h.db, "test-app-debounced");
    expect(pending.map((r) => r.status)).toEqual(["queued"]);
    h.clock.advance(10 * 60_000 + 1_000);
    h.executor.poke();
    const [run] = await completed("test-app-debounced", 1);
    expect(run.output).toBe(3);
  });

  it("a cron trigger starts one run per tick as the clock passes it", async () => {
    const tick = await h.db.select().from(jobQueue).where(and(eq(jobQueue.kind, "cron"), eq(jobQueue.dedupeKey, "cron:test-app-ticker:*/5 * * * *")));
    expect(tick).toHaveLength(1);
    expect(tick[0].runAt.getUTCMinutes() % 5).toBe(0);
    // Earlier tests moved the clock by hours: each move fired one tick (missed ticks are not replayed).
    const before = (await runsFor(h.db, "test-app-ticker")).length;
    expect(before).toBeLessThanOrEqual(4);

    h.clock.set(new Date(tick[0].runAt.getTime() + 1_000));
    h.executor.poke();
    const runs = await completed("test-app-ticker", before + 1);
    expect(runs.at(-1)!.output).toBe("inngest/scheduled.timer");
    expect(runs.at(-1)!.eventName).toBe("inngest/scheduled.timer");
    h.clock.advance(5 * 60_000);
    h.executor.poke();
    await completed("test-app-ticker", before + 2);
    await settle();
    expect(await runsFor(h.db, "test-app-ticker")).toHaveLength(before + 2);
    const [next] = await h.db.select().from(jobQueue).where(eq(jobQueue.dedupeKey, "cron:test-app-ticker:*/5 * * * *"));
    expect(next.runAt.getTime()).toBe(tick[0].runAt.getTime() + 10 * 60_000);
  });
});
