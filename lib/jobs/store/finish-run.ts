// Ending a run: completed, failed (→ inngest/function.failed, which starts onFailure handlers) or cancelled;
// an invoked run hands its result or error to the step of the run that invoked it.
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { jobCancelRules, jobRuns, jobWaits, type JobRun } from "@/db/schema/jobs";
import type { ErrorInfo } from "../protocol/call-function";
import { emitEvents } from "../events/emit-events";
import type { FunctionDef } from "../protocol/function-config";
import { deleteItemByKey, deleteRunItems, timerKey } from "./queue";
import { ACTIVE_STATUSES, afterStepSettled } from "./run-state";
import { cancelPendingSteps, settleStep } from "./steps";

export interface FinishContext {
  now: Date;
  functions: Map<string, FunctionDef>;
}

async function endRun(tx: Queryable, runId: string, set: Partial<JobRun>, now: Date): Promise<JobRun | null> {
  const [run] = await tx
    .update(jobRuns)
    .set({ ...set, endedAt: now, sleepingUntil: null, waitingFor: null })
    .where(and(eq(jobRuns.id, runId), inArray(jobRuns.status, ACTIVE_STATUSES)))
    .returning();
  if (!run) return null;
  await deleteRunItems(tx, runId);
  await tx.delete(jobWaits).where(eq(jobWaits.runId, runId));
  await tx.delete(jobCancelRules).where(eq(jobCancelRules.runId, runId));
  return run;
}

async function resolveInvoker(tx: Queryable, run: JobRun, result: { data: unknown } | { error: ErrorInfo }, now: Date) {
  if (!run.invokerRunId || !run.invokerStepId) return;
  const won = await settleStep(tx, { runId: run.invokerRunId, hashedId: run.invokerStepId, name: "invoke", op: "invoke", result, now });
  if (!won) return;
  await deleteItemByKey(tx, timerKey(run.invokerRunId, run.invokerStepId));
  await afterStepSettled(tx, run.invokerRunId, now);
}

export async function completeRun(tx: Queryable, runId: string, output: unknown, now: Date): Promise<boolean> {
  const run = await endRun(tx, runId, { status: "completed", output: output ?? null }, now);
  if (run) await resolveInvoker(tx, run, { data: output ?? null }, now);
  return Boolean(run);
}

export async function failRun(tx: Queryable, ctx: FinishContext, runId: string, error: ErrorInfo): Promise<boolean> {
  const run = await endRun(tx, runId, { status: "failed", error }, ctx.now);
  if (!run) return false;
  await cancelPendingSteps(tx, runId, ctx.now);
  await emitEvents(tx, ctx, [
    {
      id: `${run.id}-failed`,
      name: "inngest/function.failed",
      data: { function_id: run.functionId, run_id: run.id, error, event: run.event },
      ts: ctx.now.getTime(),
    },
  ]);
  await resolveInvoker(tx, run, { error }, ctx.now);
  return true;
}

/** Cancels an active run (no-op for a finished one); true when it was cancelled now. */
export async function cancelRunInTx(tx: Queryable, runId: string, now: Date, reason: string): Promise<boolean> {
  const run = await endRun(tx, runId, { status: "cancelled", error: { name: "Cancelled", message: reason } }, now);
  if (!run) return false;
  await cancelPendingSteps(tx, runId, now);
  await resolveInvoker(tx, run, { error: { name: "FunctionCancelled", message: `The invoked function was cancelled: ${reason}` } }, now);
  return true;
}
