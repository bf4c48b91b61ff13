// Durable waits with an injectable clock: sleep, sleepUntil, waitForEvent (matched, not matched, timed out)
// and cancelOn — through the real SDK serve handler and the real executor.
import type { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendAndFindRun, startJobsHarness, stepsOf, waitForRunEnd, waitForRunStatus, type JobsHarness } from "../support/jobs-harness";

const DAY = 86_400_000;
const afterNap: string[] = [];

function functions(inngest: Inngest) {
  const napper = inngest.createFunction({ id: "napper", triggers: [{ event: "test/nap" }] }, async ({ event, step }) => {
    await step.run("before", () => "awake");
    await step.sleep("nap", "3d");
    return step.run("after", () => {
      afterNap.push(event.id!);
      return "rested";
    });
  });
  const alarm = inngest.createFunction({ id: "alarm", triggers: [{ event: "test/alarm" }] }, async ({ event, step }) => {
    await step.sleepUntil("until-alarm", new Date(String(event.data.at)));
    return step.run("ring", () => "ring");
  });
  const approver = inngest.createFunction({ id: "approver", triggers: [{ event: "test/request" }] }, async ({ step }) => {
    const approval = await step.waitForEvent("wait-for-approval", {
      event: "test/approved",
      timeout: "1h",
      if: "async.data.requestId == event.data.requestId",
    });
    return approval ? { approvedBy: approval.data.by, name: approval.name } : { timedOut: true };
  });
  const order = inngest.createFunction(
    { id: "order", triggers: [{ event: "test/order" }], cancelOn: [{ event: "test/order-cancelled", match: "data.orderId" }] },
    async ({ step }) => {
      await step.sleep("cooling-off", "1d");
      return step.run("ship", () => "shipped");
    },
  );
  return [napper, alarm, approver, order];
}

let h: JobsHarness;
beforeAll(async () => {
  h = await startJobsHarness({ functions });
});
afterAll(async () => {
  await h?.close();
});

const settle = () => new Promise((r) => setTimeout(r, 150));

describe("embedded executor: sleeps and waits", () => {
  it("a 3-day sleep completes as soon as the clock moves forward 3 days", async () => {
    const run = await sendAndFindRun(h, "test-app-napper", { name: "test/nap" });
    const sleeping = await waitForRunStatus(h.db, run.id, "sleeping");
    expect(sleeping.sleepingUntil!.getTime() - h.clock.now().getTime()).toBeGreaterThan(3 * DAY - 60_000);
    await settle();
    expect(afterNap).not.toContain(run.eventId);

    h.clock.advance(3 * DAY);
    h.executor.poke();
    const done = await waitForRunEnd(h.db, run.id);
    expect(done.output).toBe("rested");
    expect(afterNap.filter((id) => id === run.eventId)).toHaveLength(1);
    const steps = await stepsOf(h.db, run.id);
    expect(steps.map((s) => [s.name, s.op, s.status])).toEqual([
      ["before", "run", "completed"],
      ["nap", "sleep", "completed"],
      ["after", "run", "completed"],
    ]);
  });

  it("sleepUntil wakes at the given date of the executor's clock", async () => {
    const at = new Date(h.clock.now().getTime() + 2 * DAY);
    const run = await sendAndFindRun(h, "test-app-alarm", { name: "test/alarm", data: { at: at.toISOString() } });
    const sleeping = await waitForRunStatus(h.db, run.id, "sleeping");
    expect(sleeping.sleepingUntil!.toISOString()).toBe(at.toISOString());
    h.clock.advance(DAY);
    h.executor.poke();
    await settle();
    expect((await waitForRunStatus(h.db, run.id, "sleeping")).status).toBe("sleeping");
    h.clock.advance(DAY);
    h.executor.poke();
    expect((await waitForRunEnd(h.db, run.id)).output).toBe("ring");
  });

  it("waitForEvent resumes only on an event whose if-expression matches, with that event as the result", async () => {
    // Sent before the wait exists: must not count.
    await h.client.send({ name: "test/approved", data: { requestId: "r-1", by: "too-early" } });
    const run = await sendAndFindRun(h, "test-app-approver", { name: "test/request", data: { requestId: "r-1" } });
    const waiting = await waitForRunStatus(h.db, run.id, "waiting");
    expect(waiting.waitingFor).toMatchObject({ event: "test/approved", expression: "async.data.requestId == event.data.requestId" });

    await h.client.send({ name: "test/approved", data: { requestId: "r-2", by: "someone-else" } });
    await settle();
    expect((await waitForRunStatus(h.db, run.id, "waiting")).status).toBe("waiting");

    await h.client.send({ name: "test/approved", data: { requestId: "r-1", by: "ada" } });
    const done = await waitForRunEnd(h.db, run.id);
    expect(done.output).toEqual({ approvedBy: "ada", name: "test/approved" });
  });

  it("waitForEvent returns null when its timeout passes first", async () => {
    const run = await sendAndFindRun(h, "test-app-approver", { name: "test/request", data: { requestId: "r-late" } });
    await waitForRunStatus(h.db, run.id, "waiting");
    h.clock.advance(61 * 60_000);
    h.executor.poke();
    const done = await waitForRunEnd(h.db, run.id);
    expect(done.output).toEqual({ timedOut: true });
    // A matching event after the timeout changes nothing.
    await h.client.send({ name: "test/approved", data: { requestId: "r-late", by: "late" } });
    await settle();
    expect((await waitForRunEnd(h.db, run.id)).output).toEqual({ timedOut: true });
  });

  it("cancelOn cancels a sleeping run when a matching event arrives, and only then", async () => {
    const run = await sendAndFindRun(h, "test-app-order", { name: "test/order", data: { orderId: "o-1" } });
    await waitForRunStatus(h.db, run.id, "sleeping");
    await h.client.send({ name: "test/order-cancelled", data: { orderId: "o-2" } });
    await settle();
    expect((await waitForRunStatus(h.db, run.id, "sleeping")).status).toBe("sleeping");

    await h.client.send({ name: "test/order-cancelled", data: { orderId: "o-1" } });
    const done = await waitForRunEnd(h.db, run.id);
    expect(done.status).toBe("cancelled");
    h.clock.advance(2 * DAY);
    h.executor.poke();
    await settle();
    const steps = await stepsOf(h.db, run.id);
    expect(steps.map((s) => [s.name, s.status])).toEqual([["cooling-off", "cancelled"]]);
    expect((await waitForRunEnd(h.db, run.id)).status).toBe("cancelled");
  });
});
