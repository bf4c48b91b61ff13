// After a step settles in a worker's transaction: queue what comes next, keeping one due call for itself.
import type { Queryable } from "@/db/types";
import { jobRuns, type JobQueueItem } from "@/db/schema/jobs";
import { eq } from "drizzle-orm";
import { discoveryKey, enqueue, insertLeasedItem, type NewWorkItem } from "../store/queue";
import { lockActiveRun, statusFromPending } from "../store/run-state";
import { pendingSteps } from "../store/steps";
import { leaseUntil, type DriverContext } from "./driver-context";

/**
 * Queues `items` plus, when nothing of the run is pending any more (or a race step won), its next
 * discovery. The first call due now is inserted leased to this worker and returned as its continuation.
 */
export async function queueNext(
  tx: Queryable,
  ctx: DriverContext,
  runId: string,
  items: NewWorkItem[],
  now: Date,
  opts: { settled: boolean; race?: boolean },
): Promise<JobQueueItem | null> {
  const run = await lockActiveRun(tx, runId);
  if (!run) return null;
  const pending = await pendingSteps(tx, runId);
  const all = [...items];
  if (opts.settled && (pending.length === 0 || opts.race)) {
    all.push({ runId, kind: "call", stepId: "step", runAt: now, dedupeKey: discoveryKey(runId), concurrency: run.concurrency });
    await tx.update(jobRuns).set({ status: "running", sleepingUntil: null, waitingFor: null }).where(eq(jobRuns.id, runId));
  } else {
    await tx.update(jobRuns).set(statusFromPending(pending)).where(eq(jobRuns.id, runId));
  }
  const mineIndex = all.findIndex((i) => i.kind === "call" && i.runAt.getTime() <= now.getTime());
  let mine: JobQueueItem | null = null;
  if (mineIndex >= 0) {
    mine = await insertLeasedItem(tx, all[mineIndex], ctx.workerId, leaseUntil(ctx), now);
    all.splice(mineIndex, 1);
  }
  // Other due items are claimed by idle workers: the pool looks for work after every item it finishes.
  await enqueue(tx, all, now);
  return mine;
}
