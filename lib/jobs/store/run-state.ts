// Keeping a run's status in step with its steps: after a step settles, the run is discovered again once
// nothing else is pending; otherwise it shows what it still waits for (a sleep, an event, an invoke).
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { jobRuns, type JobRun } from "@/db/schema/jobs";
import { discoveryKey, enqueue } from "./queue";
import { pendingSteps } from "./steps";

export const ACTIVE_STATUSES: JobRun["status"][] = ["queued", "running", "sleeping", "waiting"];

export async function lockActiveRun(tx: Queryable, runId: string): Promise<JobRun | null> {
  const [run] = await tx.select().from(jobRuns).where(eq(jobRuns.id, runId)).for("update");
  return run && ACTIVE_STATUSES.includes(run.status) ? run : null;
}

type StepOpts = { until?: string; event?: string; expression?: string | null; timeoutAt?: string | null; function_id?: string };

/** Status columns describing what a run's pending steps wait for. */
export function statusFromPending(pending: { status: string; opts: unknown }[]): Partial<JobRun> {
  const running = pending.some((p) => p.status === "planned" || p.status === "running");
  const waits = pending.filter((p) => p.status === "waiting").map((p) => (p.opts ?? {}) as StepOpts);
  const sleeps = pending.filter((p) => p.status === "sleeping").map((p) => (p.opts ?? {}) as StepOpts);
  const until = sleeps.map((s) => (s.until ? Date.parse(s.until) : NaN)).filter(Number.isFinite);
  const wait = waits[0];
  return {
    status: running || (!waits.length && !sleeps.length) ? "running" : waits.length ? "waiting" : "sleeping",
    sleepingUntil: until.length ? new Date(Math.min(...until)) : null,
    waitingFor: wait
      ? { event: wait.event ?? (wait.function_id ? `invoke:${wait.function_id}` : "?"), expression: wait.expression ?? null, timeoutAt: wait.timeoutAt ?? null }
      : null,
  };
}

/**
 * After a step of `runId` settled outside the discovery path (a parallel step, a wake, a wait, an invoke):
 * discover again when nothing else is pending (or at once for a race), else refresh the run's status.
 * Returns true when a discovery was queued.
 */
export async function afterStepSettled(tx: Queryable, runId: string, now: Date, race = false): Promise<boolean> {
  const run = await lockActiveRun(tx, runId);
  if (!run) return false;
  const pending = await pendingSteps(tx, runId);
  if (pending.length === 0 || race) {
    await enqueue(tx, [{ runId, kind: "call", stepId: "step", runAt: now, dedupeKey: discoveryKey(runId), concurrency: run.concurrency }], now);
    await tx
      .update(jobRuns)
      .set({ status: "running", sleepingUntil: null, waitingFor: null })
      .where(and(eq(jobRuns.id, runId), inArray(jobRuns.status, ACTIVE_STATUSES)));
    return true;
  }
  await tx.update(jobRuns).set(statusFromPending(pending)).where(eq(jobRuns.id, runId));
  return false;
}
