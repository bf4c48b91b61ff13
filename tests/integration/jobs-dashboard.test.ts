// The jobs dashboard's queries and commands, scoped per team, over runs driven by the real SDK + executor.
import { randomUUID } from "node:crypto";
import { NonRetriableError, type Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { cancelRun } from "@/lib/jobs/dashboard/cancel-run";
import { getRun } from "@/lib/jobs/dashboard/get-run";
import { listFunctions } from "@/lib/jobs/dashboard/list-functions";
import { listRuns } from "@/lib/jobs/dashboard/list-runs";
import { replayRun } from "@/lib/jobs/dashboard/replay-run";
import { engineMode } from "@/lib/jobs/engine-mode";
import { AppError } from "@/lib/errors";
import { sendAndFindRun, startJobsHarness, waitForRunEnd, waitForRunStatus, type JobsHarness } from "../support/jobs-harness";

const teamA = randomUUID();
const teamB = randomUUID();
let brokenCalls = 0;

function functions(inngest: Inngest) {
  const napping = inngest.createFunction({ id: "napping", name: "Napping", triggers: [{ event: "test/napping" }] }, async ({ step }) => {
    await step.run("prepare", () => "ready");
    await step.sleep("nap", "1d");
    return "woke";
  });
  const broken = inngest.createFunction({ id: "broken", triggers: [{ event: "test/broken" }] }, async ({ step }) => {
    return step.run("explode", () => {
      brokenCalls++;
      if (brokenCalls === 1) throw new NonRetriableError("first call breaks");
      return "fixed";
    });
  });
  return [napping, broken];
}

let h: JobsHarness;
beforeAll(async () => {
  h = await startJobsHarness({ functions });
});
afterAll(async () => {
  await h?.close();
});

const expectAppError = async (p: Promise<unknown>, code: string) => {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
};

describe("jobs dashboard", () => {
  it("reports the embedded engine when no Inngest variables are set", () => {
    expect(engineMode()).toBe("embedded");
  });

  it("lists a sleeping run for its team only, with what it sleeps until, and its steps", async () => {
    const run = await sendAndFindRun(h, "test-app-napping", { name: "test/napping", data: { teamId: teamA } });
    const sleeping = await waitForRunStatus(h.db, run.id, "sleeping");
    // Run ids are UUIDs (v7, time-ordered): the dashboard's routes and actions validate them as such.
    expect(z.uuid().safeParse(run.id).success).toBe(true);
    const { runs } = await listRuns({ teamId: teamA });
    expect(runs.map((r) => r.id)).toContain(run.id);
    const summary = runs.find((r) => r.id === run.id)!;
    expect(summary).toMatchObject({ functionName: "Napping", status: "sleeping", eventName: "test/napping", waitingFor: null });
    expect(summary.sleepingUntil?.getTime()).toBe(sleeping.sleepingUntil!.getTime());
    expect((await listRuns({ teamId: teamB })).runs).toEqual([]);
    expect(await getRun({ teamId: teamB, runId: run.id })).toBeNull();

    const detail = (await getRun({ teamId: teamA, runId: run.id }))!;
    expect(detail.event).toMatchObject({ name: "test/napping", data: { teamId: teamA } });
    expect(detail.steps.map((s) => [s.name, s.op, s.status, s.output])).toEqual([
      ["prepare", "run", "completed", "ready"],
      ["nap", "sleep", "sleeping", null],
    ]);
  });

  it("cancels a sleeping run of the team; another team's run is not found; a finished run conflicts", async () => {
    const run = await sendAndFindRun(h, "test-app-napping", { name: "test/napping", data: { teamId: teamA } });
    await waitForRunStatus(h.db, run.id, "sleeping");
    await expectAppError(cancelRun({ teamId: teamB, runId: run.id }), "not_found");
    await expectAppError(cancelRun({ teamId: teamA, runId: "no-such-run" }), "not_found");
    await cancelRun({ teamId: teamA, runId: run.id });
    const detail = (await getRun({ teamId: teamA, runId: run.id }))!;
    expect(detail.status).toBe("cancelled");
    expect(detail.steps.find((s) => s.name === "nap")?.status).toBe("cancelled");
    await expectAppError(cancelRun({ teamId: teamA, runId: run.id }), "conflict");

    // Replaying the cancelled run starts a new one with the same event.
    const { runId } = await replayRun({ teamId: teamA, runId: run.id });
    await waitForRunStatus(h.db, runId, "sleeping");
    h.clock.advance(86_400_000 + 1000);
    h.executor.poke();
    expect((await waitForRunEnd(h.db, runId)).output).toBe("woke");
    expect((await getRun({ teamId: teamA, runId }))!.replayOf).toBe(run.id);
  });

  it("shows a failed run's error and replays it; a completed run cannot be replayed", async () => {
    const run = await sendAndFindRun(h, "test-app-broken", { name: "test/broken", data: { teamId: teamA } });
    await waitForRunEnd(h.db, run.id);
    const failed = (await getRun({ teamId: teamA, runId: run.id }))!;
    expect(failed.status).toBe("failed");
    expect(failed.error?.message).toContain("first call breaks");
    expect(failed.steps).toMatchObject([{ name: "explode", status: "failed", attempts: 1, error: { message: expect.stringContaining("first call breaks") } }]);
    await expectAppError(replayRun({ teamId: teamB, runId: run.id }), "not_found");

    const { runId } = await replayRun({ teamId: teamA, runId: run.id });
    const replayed = await waitForRunEnd(h.db, runId);
    expect(replayed).toMatchObject({ status: "completed", output: "fixed", replayOf: run.id });
    await expectAppError(replayRun({ teamId: teamA, runId }), "conflict");
  });

  it("filters by function, status and time and pages newest first", async () => {
    const all = await listRuns({ teamId: teamA });
    expect(all.runs.length).toBeGreaterThanOrEqual(5);
    expect([...all.runs].sort((a, b) => (a.id < b.id ? 1 : -1)).map((r) => r.id)).toEqual(all.runs.map((r) => r.id));

    const failed = await listRuns({ teamId: teamA, status: "failed" });
    expect(failed.runs.map((r) => r.functionId)).toEqual(["test-app-broken"]);
    const napping = await listRuns({ teamId: teamA, functionId: "test-app-napping" });
    expect(napping.runs.every((r) => r.functionId === "test-app-napping")).toBe(true);

    const first = await listRuns({ teamId: teamA, limit: 2 });
    expect(first.runs).toHaveLength(2);
    expect(first.nextCursor).toBe(first.runs[1].id);
    const second = await listRuns({ teamId: teamA, limit: 2, before: first.nextCursor! });
    expect(second.runs.map((r) => r.id)).toEqual(all.runs.slice(2, 4).map((r) => r.id));

    const future = new Date(h.clock.now().getTime() + 10 * 86_400_000);
    expect((await listRuns({ teamId: teamA, since: future })).runs).toEqual([]);
    expect((await listRuns({ teamId: teamA, until: new Date(0) })).runs).toEqual([]);
  });

  it("lists the synced functions with their triggers", async () => {
    const fns = await listFunctions();
    expect(fns).toEqual(
      expect.arrayContaining([
        { id: "test-app-napping", name: "Napping", triggers: ["test/napping"] },
        { id: "test-app-broken", name: "broken", triggers: ["test/broken"] },
      ]),
    );
  });
});
