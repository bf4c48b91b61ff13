// A `call` work item: one signed request to the function's serve endpoint and the run's next transition.
// The common transitions (a step ran, the run returned) are single statements; the rest run in a transaction.
import { eq } from "drizzle-orm";
import { jobRuns, type JobQueueItem } from "@/db/schema/jobs";
import { callFunction, type CallOutcome } from "../protocol/call-function";
import { sleepTarget } from "../durations";
import { completeRunFast, loadRunForCall, memoiseAndContinue, type CallRun } from "../store/hot-path";
import { sleepFast } from "../store/hot-path-sleep";
import { completeRun, failRun } from "../store/finish-run";
import { discoveryKey, enqueue, stepCallKey, takeLeasedItem } from "../store/queue";
import { lockActiveRun } from "../store/run-state";
import { markStepRunning, recordStepRetry } from "../store/steps";
import { applyOps } from "./apply-ops";
import { LeaseLost, retryDelayMs, type DriverContext } from "./driver-context";

const FINISHED = new Set(["completed", "failed", "cancelled"]);

export async function processCall(ctx: DriverContext, item: JobQueueItem): Promise<JobQueueItem | null> {
  const cached = ctx.continuing.get(item.id);
  ctx.continuing.delete(item.id);
  const startedAt = ctx.clock.now();
  const run = cached ?? (await loadRunForCall(ctx.db, item.runId!, startedAt));
  if (!run || FINISHED.has(run.status)) {
    await ctx.db.transaction(async (tx) => void (await takeLeasedItem(tx, item.id, ctx.workerId)));
    return null;
  }
  const fn = (await ctx.functions.load(ctx.db)).get(run.functionId);
  if (!fn) {
    const now = ctx.clock.now();
    const error = { name: "FunctionNotFound", message: `Function ${run.functionId} is no longer served by the app` };
    await ctx.db.transaction(async (tx) => {
      if (!(await takeLeasedItem(tx, item.id, ctx.workerId))) throw new LeaseLost(item.id);
      await failRun(tx, { now, functions: await ctx.functions.load(tx) }, run.id, error);
    });
    return null;
  }
  if (item.stepId !== "step") await markStepRunning(ctx.db, run.id, item.stepId!, item.attempt);
  const outcome = await callFunction(
    {
      url: fn.url,
      stepId: item.stepId ?? "step",
      event: run.event,
      steps: run.memo.steps,
      stack: run.memo.stack,
      version: run.requestVersion,
      runId: run.id,
      attempt: item.attempt,
      maxAttempts: run.maxAttempts,
      disableImmediateExecution: item.stepId !== "step" || item.payload?.disableImmediate === true,
    },
    { signingKey: ctx.signingKey, fetch: ctx.fetch, timeoutMs: ctx.requestTimeoutMs },
  );
  return applyOutcome(ctx, item, run, outcome, startedAt);
}

async function applyOutcome(
  ctx: DriverContext,
  item: JobQueueItem,
  run: CallRun,
  outcome: CallOutcome,
  startedAt: Date,
): Promise<JobQueueItem | null> {
  const now = ctx.clock.now();
  const only = outcome.kind === "ops" && outcome.ops.length === 1 ? outcome.ops[0] : null;
  if (only?.op === "StepRun" && item.stepId === "step" && !only.opts?.parallelMode) {
    // Discovery ran the next step at once: memoise it and carry on with the same lease.
    const next = await memoiseAndContinue(ctx.db, {
      itemId: item.id,
      workerId: ctx.workerId,
      runId: run.id,
      hashedId: only.id,
      name: only.displayName ?? only.name ?? only.id,
      data: only.data ?? null,
      attempts: item.attempt + 1,
      startedAt,
      now,
      version: outcome.version !== null && outcome.version !== run.requestVersion ? outcome.version : null,
    });
    if (!next) throw new LeaseLost(item.id);
    // Nothing else of this run is pending and its discovery is ours: its state is what we just wrote.
    if (next.memoised && run.pending === 0) {
      const memo = { steps: { ...run.memo.steps, [only.id]: { data: only.data ?? null } }, stack: [...run.memo.stack, only.id] };
      ctx.continuing.set(next.item.id, { ...run, status: "running", requestVersion: outcome.version ?? run.requestVersion, memo });
    }
    return next.item;
  }
  if (only?.op === "Sleep" && item.stepId === "step" && !only.opts?.parallelMode && run.pending === 0) {
    // The run goes to sleep, nothing else pending: one statement.
    const until = sleepTarget(only.opts?.duration ?? only.name ?? only.opts?.until, now) ?? now;
    const name = only.displayName ?? only.id;
    const held = await sleepFast(ctx.db, { item, workerId: ctx.workerId, runId: run.id, hashedId: only.id, name, until, now, version: outcome.version });
    if (!held) throw new LeaseLost(item.id);
    return null;
  }
  if (outcome.kind === "completed") {
    const done = await completeRunFast(ctx.db, { itemId: item.id, workerId: ctx.workerId, runId: run.id, output: outcome.output ?? null, now });
    if (!done.invoked) {
      if (!done.held) throw new LeaseLost(item.id);
      return null;
    }
  }

  return ctx.db.transaction(async (tx) => {
    if (!(await takeLeasedItem(tx, item.id, ctx.workerId))) throw new LeaseLost(item.id);
    const locked = await lockActiveRun(tx, run.id);
    if (!locked) return null;
    if (outcome.version !== null && outcome.version !== locked.requestVersion) {
      await tx.update(jobRuns).set({ requestVersion: outcome.version }).where(eq(jobRuns.id, run.id));
    }

    if (outcome.kind === "completed") {
      await completeRun(tx, run.id, outcome.output, now);
      return null;
    }
    if (outcome.kind === "ops") {
      return applyOps(tx, ctx, { item, run: locked, ops: outcome.ops, retryAfterMs: outcome.retryAfterMs, startedAt, now });
    }
    if (outcome.retriable && item.attempt + 1 < run.maxAttempts) {
      const runAt = new Date(now.getTime() + retryDelayMs(item.attempt, outcome.retryAfterMs, ctx.retry));
      const isStep = item.stepId !== "step";
      const dedupeKey = isStep ? stepCallKey(run.id, item.stepId!) : discoveryKey(run.id);
      await enqueue(tx, [{ runId: run.id, kind: "call", stepId: item.stepId, attempt: item.attempt + 1, payload: item.payload, runAt, dedupeKey, concurrency: run.concurrency }], now);
      if (isStep) {
        await recordStepRetry(tx, { runId: run.id, hashedId: item.stepId!, name: item.stepId!, op: "run", attempts: item.attempt + 1, error: outcome.error, now });
      }
      return null;
    }
    await failRun(tx, { now, functions: await ctx.functions.load(tx) }, run.id, outcome.error);
    return null;
  });
}
