// Applying the ops of a 206 answer: memoise finished steps, schedule retries, plan steps, sleeps, waits
// and invokes, then queue what the run does next.
import type { Queryable } from "@/db/types";
import { jobWaits, type JobQueueItem, type JobRun } from "@/db/schema/jobs";
import { parseDuration, sleepTarget } from "../durations";
import { ulid } from "../ids";
import { toErrorInfo, type Op } from "../protocol/call-function";
import { createRuns } from "../store/create-runs";
import { completeRun } from "../store/finish-run";
import { stepCallKey, timerKey, type NewWorkItem } from "../store/queue";
import { opLabel, planStep, recordStepRetry, settleStep } from "../store/steps";
import { retryDelayMs, type DriverContext } from "./driver-context";
import { queueNext } from "./settle-and-continue";

export interface OpsInput {
  item: JobQueueItem;
  run: JobRun;
  ops: Op[];
  retryAfterMs: number | null;
  startedAt: Date;
  now: Date;
}

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

export async function applyOps(tx: Queryable, ctx: DriverContext, input: OpsInput): Promise<JobQueueItem | null> {
  const { item, run, ops, now } = input;
  const items: NewWorkItem[] = [];
  const base = { runId: run.id, concurrency: run.concurrency };
  let settled = false;
  let race = false;

  for (const op of ops) {
    const name = op.displayName ?? op.name ?? op.id;
    const label = opLabel(op.op, op.opts);
    const step = { runId: run.id, hashedId: op.id, name, op: label, now };
    switch (op.op) {
      case "StepRun":
        await settleStep(tx, { ...step, result: { data: op.data ?? null }, attempts: item.attempt + 1, startedAt: input.startedAt });
        settled = true;
        race ||= op.opts?.parallelMode === "race";
        break;
      case "StepFailed":
        await settleStep(tx, { ...step, result: { error: toErrorInfo(op.error) }, attempts: item.attempt + 1, startedAt: input.startedAt });
        settled = true;
        break;
      case "StepError":
        if (item.attempt + 1 < run.maxAttempts) {
          await recordStepRetry(tx, { ...step, attempts: item.attempt + 1, error: toErrorInfo(op.error) });
          const runAt = new Date(now.getTime() + retryDelayMs(item.attempt, input.retryAfterMs, ctx.retry));
          items.push({ ...base, kind: "call", stepId: op.id, attempt: item.attempt + 1, runAt, dedupeKey: stepCallKey(run.id, op.id) });
        } else {
          await settleStep(tx, { ...step, result: { error: toErrorInfo(op.error) }, attempts: item.attempt + 1 });
          settled = true;
        }
        break;
      case "StepPlanned":
        if (await planStep(tx, { ...step, status: "planned", opts: op.opts })) {
          items.push({ ...base, kind: "call", stepId: op.id, runAt: now, dedupeKey: stepCallKey(run.id, op.id), payload: { disableImmediate: true } });
        }
        break;
      case "Sleep": {
        const until = sleepTarget(op.opts?.duration ?? op.name ?? op.opts?.until, now) ?? now;
        if (await planStep(tx, { ...step, name: op.displayName ?? op.id, status: "sleeping", opts: { until: until.toISOString() } })) {
          items.push({ ...base, kind: "wake", stepId: op.id, runAt: until, dedupeKey: timerKey(run.id, op.id) });
        }
        break;
      }
      case "WaitForEvent": {
        const event = str(op.opts?.event) ?? op.name ?? "";
        // A duration ("3d") or, when the function passed a Date, an ISO instant; both are what the SDK sends.
        const timeoutAt = op.opts?.timeout === undefined || op.opts?.timeout === null ? null : sleepTarget(op.opts.timeout, now);
        const expression = str(op.opts?.if);
        const opts = { event, expression, timeoutAt: timeoutAt?.toISOString() ?? null };
        if (await planStep(tx, { ...step, name: op.displayName ?? op.id, status: "waiting", opts })) {
          const waitId = ulid(now.getTime());
          await tx.insert(jobWaits).values({ id: waitId, runId: run.id, stepId: op.id, eventName: event, expression, expiresAt: timeoutAt, createdAt: now });
          if (timeoutAt) items.push({ ...base, kind: "wait-timeout", stepId: op.id, payload: { waitId }, runAt: timeoutAt, dedupeKey: timerKey(run.id, op.id) });
        }
        break;
      }
      case "InvokeFunction":
        settled = (await invoke(tx, ctx, { run, op, name, now, items })) || settled;
        break;
      case "RunComplete":
        await completeRun(tx, run.id, op.data ?? null, now);
        return null;
      case "DeferAdd":
      case "DeferAbort":
        break;
      default:
        // step.fetch, step.ai.infer, waitForSignal … need Inngest's servers: fail the step so the function sees why.
        await settleStep(tx, { ...step, result: { error: { name: "UnsupportedOperation", message: `The embedded executor does not support ${op.op}` } } });
        settled = true;
    }
  }
  return queueNext(tx, ctx, run.id, items, now, { settled, race });
}

/** Starts the invoked function's run; returns true when the step settled at once (unknown function). */
async function invoke(
  tx: Queryable,
  ctx: DriverContext,
  a: { run: JobRun; op: Op; name: string; now: Date; items: NewWorkItem[] },
): Promise<boolean> {
  const { run, op, now } = a;
  const functionId = str(op.opts?.function_id) ?? "";
  const timeoutMs = parseDuration(op.opts?.timeout);
  const timeoutAt = timeoutMs !== null ? new Date(now.getTime() + timeoutMs) : null;
  const opts = { function_id: functionId, timeoutAt: timeoutAt?.toISOString() ?? null };
  if (!(await planStep(tx, { runId: run.id, hashedId: op.id, name: op.displayName ?? op.id, op: "invoke", status: "waiting", opts, now }))) {
    return false;
  }
  const target = (await ctx.functions.load(tx)).get(functionId);
  if (!target) {
    const error = { name: "FunctionNotFound", message: `Could not invoke "${functionId}": no such function is synced` };
    await settleStep(tx, { runId: run.id, hashedId: op.id, name: a.name, op: "invoke", result: { error }, now });
    return true;
  }
  const payload = (op.opts?.payload ?? {}) as { data?: Record<string, unknown>; v?: string };
  const event = { id: `${run.id}:${op.id}:invoke`, name: "inngest/function.invoked", data: payload.data ?? {}, ts: now.getTime(), ...(payload.v ? { v: payload.v } : {}) };
  await createRuns(tx, now, [{ fn: target, event, invoker: { runId: run.id, stepId: op.id } }]);
  if (timeoutAt) a.items.push({ runId: run.id, kind: "invoke-timeout", stepId: op.id, runAt: timeoutAt, dedupeKey: timerKey(run.id, op.id), concurrency: run.concurrency });
  return false;
}
