// Step ops through the real SDK serve handler and the real executor: step.run, parallel steps, retries,
// NonRetriableError + onFailure, step.sendEvent, step.invoke, trigger expressions.
import { NonRetriableError, RetryAfterError, type Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runsFor, sendAndFindRun, startJobsHarness, stepsOf, waitFor, waitForRunEnd, type JobsHarness } from "../support/jobs-harness";

const executions = new Map<string, number>();
const count = (key: string) => executions.set(key, (executions.get(key) ?? 0) + 1).get(key)!;
const failures: unknown[] = [];

function functions(inngest: Inngest) {
  const sequence = inngest.createFunction({ id: "sequence", triggers: [{ event: "test/sequence" }] }, async ({ event, step }) => {
    const a = await step.run("first", () => Number(event.data.start));
    const b = await step.run("second", () => a + 1);
    const c = await step.run("third", () => ({ sum: a + b }));
    return { total: c.sum, steps: [a, b] };
  });
  const parallel = inngest.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ event, step }) => {
    const tag = String(event.data.tag);
    const parts = await Promise.all(
      ["p1", "p2", "p3"].map((id, i) =>
        step.run(id, async () => {
          count(`${tag}:${id}`);
          await new Promise((r) => setTimeout(r, 30));
          return i + 1;
        }),
      ),
    );
    const after = await step.run("after", () => parts.reduce((x, y) => x + y, 0));
    return after;
  });
  const flaky = inngest.createFunction({ id: "flaky", retries: 3, triggers: [{ event: "test/flaky" }] }, async ({ event, step }) => {
    return step.run("unreliable", () => {
      const n = count(`flaky:${event.id}`);
      if (n < 3) throw new Error(`attempt ${n} failed`);
      return `ok after ${n}`;
    });
  });
  const doomed = inngest.createFunction(
    {
      id: "doomed",
      retries: 3,
      triggers: [{ event: "test/doomed" }],
      onFailure: async ({ error, event, step }) => {
        return step.run("record-failure", () => {
          failures.push({ message: error.message, original: event.data.event.data });
          return { handled: error.message };
        });
      },
    },
    async ({ event, step }) => {
      await step.run("refuse", () => {
        count(`doomed:${event.id}`);
        if (event.data.mode === "non-retriable") throw new NonRetriableError("bad input, do not retry");
        throw new Error("still broken");
      });
      return "unreachable";
    },
  );
  const sender = inngest.createFunction({ id: "sender", triggers: [{ event: "test/send" }] }, async ({ event, step }) => {
    const sent = await step.sendEvent("fan-out", { name: "test/fanned", data: { n: event.data.n } });
    return sent;
  });
  const receiver = inngest.createFunction({ id: "receiver", triggers: [{ event: "test/fanned" }] }, async ({ event }) => ({ got: event.data.n }));
  const child = inngest.createFunction({ id: "child", triggers: [{ event: "test/child-direct" }] }, async ({ event, step }) => {
    const x = await step.run("multiply", () => Number(event.data.x) * 10);
    if (event.data.explode) throw new NonRetriableError("child exploded");
    return { x };
  });
  const invoker = inngest.createFunction({ id: "invoker", triggers: [{ event: "test/invoke" }] }, async ({ event, step }) => {
    try {
      const result = await step.invoke("call-child", { function: child, data: { x: event.data.x, explode: event.data.explode } });
      return { result };
    } catch (error) {
      return { caught: (error as Error).message };
    }
  });
  const filtered = inngest.createFunction(
    { id: "filtered", triggers: [{ event: "test/filtered", if: "event.data.go == true && event.data.n > 1" }] },
    async ({ event }) => event.data.n,
  );
  const shaky = inngest.createFunction({ id: "shaky", retries: 2, triggers: [{ event: "test/shaky" }] }, async ({ event, step }) => {
    // Throws outside any step the first time: the whole call is retried (500 → attempt + 1).
    if (count(`shaky:${event.id}`) === 1) throw new Error("function body hiccup");
    return step.run("steady", () => (count(`shaky-step:${event.id}`), "steady"));
  });
  const patient = inngest.createFunction({ id: "patient", retries: 2, triggers: [{ event: "test/patient" }] }, async ({ event, step }) => {
    return step.run("rate-limited-call", () => {
      if (count(`patient:${event.id}`) === 1) throw new RetryAfterError("provider says later", "1h");
      return "done later";
    });
  });
  return [sequence, parallel, flaky, doomed, sender, receiver, child, invoker, filtered, shaky, patient];
}

let h: JobsHarness;
beforeAll(async () => {
  h = await startJobsHarness({ functions });
});
afterAll(async () => {
  await h?.close();
});

describe("embedded executor: steps", () => {
  it("runs step.run steps in order, memoising each result, and stores the function's output", async () => {
    const run = await sendAndFindRun(h, "test-app-sequence", { name: "test/sequence", data: { start: 4 } });
    const done = await waitForRunEnd(h.db, run.id);
    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ total: 9, steps: [4, 5] });
    const steps = await stepsOf(h.db, run.id);
    expect(steps.map((s) => [s.name, s.status, s.data, s.attempts])).toEqual([
      ["first", "completed", 4, 1],
      ["second", "completed", 5, 1],
      ["third", "completed", { sum: 9 }, 1],
    ]);
  });

  it("runs parallel steps (Promise.all) once each and continues after all of them", async () => {
    const run = await sendAndFindRun(h, "test-app-parallel", { name: "test/parallel", data: { tag: "par-1" } });
    const done = await waitForRunEnd(h.db, run.id);
    expect(done.status).toBe("completed");
    expect(done.output).toBe(6);
    expect(["p1", "p2", "p3"].map((id) => executions.get(`par-1:${id}`))).toEqual([1, 1, 1]);
    const steps = await stepsOf(h.db, run.id);
    const after = steps.find((s) => s.name === "after")!;
    expect(steps.filter((s) => s.name !== "after").every((s) => s.doneSeq! < after.doneSeq!)).toBe(true);
  });

  it("retries a failing step with backoff until it succeeds", async () => {
    const run = await sendAndFindRun(h, "test-app-flaky", { name: "test/flaky" });
    const done = await waitForRunEnd(h.db, run.id);
    expect(done.status).toBe("completed");
    expect(done.output).toBe("ok after 3");
    const [step] = await stepsOf(h.db, run.id);
    expect(step).toMatchObject({ name: "unreliable", status: "completed", attempts: 3 });
  });

  it("does not retry a NonRetriableError; the run fails and onFailure receives the error", async () => {
    const run = await sendAndFindRun(h, "test-app-doomed", { name: "test/doomed", data: { mode: "non-retriable", who: "nr" } });
    const done = await waitForRunEnd(h.db, run.id);
    expect(done.status).toBe("failed");
    expect(done.error?.message).toContain("bad input, do not retry");
    expect(executions.get(`doomed:${run.eventId}`)).toBe(1);
    const [handler] = await waitFor(async () => {
      const runs = await runsFor(h.db, "test-app-doomed-failure");
      return runs.length && runs[0].status === "completed" ? runs : null;
    }, "the onFailure run");
    expect(handler.output).toEqual({ handled: expect.stringContaining("bad input, do not retry") });
    expect(failures).toContainEqual({ message: expect.stringContaining("bad input"), original: { mode: "non-retriable", who: "nr" } });
  });

  it("fails the run after the last retry and starts onFailure once", async () => {
    const before = (await runsFor(h.db, "test-app-doomed-failure")).length;
    const run = await sendAndFindRun(h, "test-app-doomed", { name: "test/doomed", data: { mode: "always" } });
    const done = await waitForRunEnd(h.db, run.id);
    expect(done.status).toBe("failed");
    expect(executions.get(`doomed:${run.eventId}`)).toBe(4);
    await waitFor(async () => (await runsFor(h.db, "test-app-doomed-failure")).length === before + 1, "a second onFailure run");
  });

  it("step.sendEvent delivers an event that triggers another function", async () => {
    const run = await sendAndFindRun(h, "test-app-sender", { name: "test/send", data: { n: 42 } });
    const done = await waitForRunEnd(h.db, run.id);
    expect(done.status).toBe("completed");
    const sentIds = (done.output as { ids: string[] }).ids;
    expect(sentIds).toHaveLength(1);
    const received = await waitFor(async () => {
      const runs = (await runsFor(h.db, "test-app-receiver")).filter((r) => r.eventId === sentIds[0]);
      return runs[0]?.status === "completed" ? runs[0] : null;
    }, "the receiver run");
    expect(received.output).toEqual({ got: 42 });
  });

  it("step.invoke runs the other function and returns its result; a failed child surfaces as an error", async () => {
    const ok = await sendAndFindRun(h, "test-app-invoker", { name: "test/invoke", data: { x: 2 } });
    expect((await waitForRunEnd(h.db, ok.id)).output).toEqual({ result: { x: 20 } });
    const children = await runsFor(h.db, "test-app-child");
    expect(children.find((c) => c.invokerRunId === ok.id)).toMatchObject({ status: "completed", eventName: "inngest/function.invoked" });

    const bad = await sendAndFindRun(h, "test-app-invoker", { name: "test/invoke", data: { x: 3, explode: true } });
    expect((await waitForRunEnd(h.db, bad.id)).output).toEqual({ caught: expect.stringContaining("child exploded") });
  });

  it("retries the function call itself when it throws outside a step", async () => {
    const run = await sendAndFindRun(h, "test-app-shaky", { name: "test/shaky" });
    const done = await waitForRunEnd(h.db, run.id);
    expect(done).toMatchObject({ status: "completed", output: "steady" });
    // The body ran: failed (attempt 0), ran the step (attempt 1), returned its memoised result.
    expect(executions.get(`shaky:${run.eventId}`)).toBe(3);
    expect(executions.get(`shaky-step:${run.eventId}`)).toBe(1);
  });

  it("honours a step's Retry-After: the retry waits for the executor's clock", async () => {
    const run = await sendAndFindRun(h, "test-app-patient", { name: "test/patient" });
    await waitFor(async () => ((await stepsOf(h.db, run.id))[0]?.attempts === 1 ? true : null), "the first attempt");
    await new Promise((r) => setTimeout(r, 300));
    expect(executions.get(`patient:${run.eventId}`)).toBe(1);
    const [step] = await stepsOf(h.db, run.id);
    expect(step).toMatchObject({ status: "planned", error: { message: "provider says later" } });
    h.clock.advance(60 * 60_000);
    h.executor.poke();
    expect((await waitForRunEnd(h.db, run.id)).output).toBe("done later");
    expect(executions.get(`patient:${run.eventId}`)).toBe(2);
  });

  it("starts a run only when the trigger's if-expression matches", async () => {
    const sent = await h.client.send([
      { name: "test/filtered", data: { go: false, n: 5 } },
      { name: "test/filtered", data: { go: true, n: 1 } },
      { name: "test/filtered", data: { go: true, n: 7 } },
    ]);
    expect(sent.ids).toHaveLength(3);
    const runs = await waitFor(async () => {
      const r = await runsFor(h.db, "test-app-filtered");
      return r.length === 1 && r[0].status === "completed" ? r : null;
    }, "the filtered run");
    expect(runs[0].output).toBe(7);
    await new Promise((r) => setTimeout(r, 100));
    expect(await runsFor(h.db, "test-app-filtered")).toHaveLength(1);
  });
});
