// Timer work items: a sleep ends, a waitForEvent times out, an invoke times out.
import { eq } from "drizzle-orm";
import { jobWaits, type JobQueueItem } from "@/db/schema/jobs";
import { wakeFast } from "../store/hot-path-sleep";
import { takeLeasedItem } from "../store/queue";
import { settleStep } from "../store/steps";
import { LeaseLost, leaseUntil, type DriverContext } from "./driver-context";
import { queueNext } from "./settle-and-continue";

export async function processTimer(ctx: DriverContext, item: JobQueueItem): Promise<JobQueueItem | null> {
  const now = ctx.clock.now();
  const runId = item.runId!;
  const hashedId = item.stepId!;
  if (item.kind === "wake") {
    // The common case, nothing else of the run pending: one statement, and this worker carries on.
    const woke = await wakeFast(ctx.db, { item, workerId: ctx.workerId, leaseUntil: leaseUntil(ctx), now });
    if (woke.outcome === "lost") throw new LeaseLost(item.id);
    if (woke.outcome !== "fallback") return woke.next;
  }
  return ctx.db.transaction(async (tx) => {
    if (!(await takeLeasedItem(tx, item.id, ctx.workerId))) throw new LeaseLost(item.id);
    let settled = false;
    if (item.kind === "wake") {
      settled = await settleStep(tx, { runId, hashedId, name: "sleep", op: "sleep", result: { data: null }, now });
    } else if (item.kind === "wait-timeout") {
      // Whoever deletes the wait owns it: an event arriving at the same moment cannot also resume the step.
      const waitId = String(item.payload?.waitId ?? "");
      const claimed = await tx.delete(jobWaits).where(eq(jobWaits.id, waitId)).returning({ id: jobWaits.id });
      if (claimed.length) settled = await settleStep(tx, { runId, hashedId, name: "waitForEvent", op: "waitForEvent", result: { data: null }, now });
    } else if (item.kind === "invoke-timeout") {
      const error = { name: "InngestInvokeTimeoutError", message: "Timed out waiting for the invoked function to complete" };
      settled = await settleStep(tx, { runId, hashedId, name: "invoke", op: "invoke", result: { error }, now });
    }
    return settled ? queueNext(tx, ctx, runId, [], now, { settled: true }) : null;
  });
}
