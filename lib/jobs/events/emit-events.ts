// Accepting events inside a transaction: deduplicate by id, then start triggered runs, resume matching
// waitForEvent steps and cancel runs whose cancelOn rules match. Shared by the event API (inngest.send,
// step.sendEvent) and the executor's own events (inngest/function.failed …).
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { jobCancelRules, jobEvents, jobRuns, jobWaits } from "@/db/schema/jobs";
import { expressionMatches } from "../expressions";
import type { FunctionDef } from "../protocol/function-config";
import { createRuns, type CreatedRun, type EventPayload, type RunRequest } from "../store/create-runs";
import { cancelRunInTx } from "../store/finish-run";
import { deleteItemByKey, timerKey } from "../store/queue";
import { ACTIVE_STATUSES, afterStepSettled } from "../store/run-state";
import { settleStep } from "../store/steps";

export interface EmitContext {
  now: Date;
  functions: Map<string, FunctionDef>;
}

export interface EmitResult {
  accepted: string[];
  runs: CreatedRun[];
  resumed: number;
  cancelled: number;
}

function triggerMatches(trigger: { event?: string; expression?: string }, event: EventPayload): boolean {
  if (!trigger.event) return false;
  const name = trigger.event;
  const nameOk = name === event.name || (name.endsWith("*") && event.name.startsWith(name.slice(0, -1)));
  return nameOk && expressionMatches(trigger.expression, { event });
}

export async function emitEvents(tx: Queryable, ctx: EmitContext, events: EventPayload[]): Promise<EmitResult> {
  const result: EmitResult = { accepted: [], runs: [], resumed: 0, cancelled: 0 };
  if (!events.length) return result;
  const unique = [...new Map(events.map((e) => [e.id, e])).values()];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await tx
      .insert(jobEvents)
      .values(unique.slice(i, i + 500).map((e) => ({ id: e.id, name: e.name, payload: e, receivedAt: ctx.now })))
      .onConflictDoNothing()
      .returning({ id: jobEvents.id });
    result.accepted.push(...rows.map((r) => r.id));
  }
  const accepted = new Set(result.accepted);
  const fresh = unique.filter((e) => accepted.has(e.id));
  if (!fresh.length) return result;

  const requests: RunRequest[] = [];
  for (const event of fresh) {
    for (const fn of ctx.functions.values()) {
      if (fn.triggers.some((t) => "event" in t && triggerMatches(t, event))) requests.push({ fn, event });
    }
  }
  result.runs = await createRuns(tx, ctx.now, requests);
  result.resumed = await resumeWaits(tx, ctx.now, fresh);
  result.cancelled = await applyCancelRules(tx, ctx.now, fresh);
  return result;
}

async function resumeWaits(tx: Queryable, now: Date, events: EventPayload[]): Promise<number> {
  const names = [...new Set(events.map((e) => e.name))];
  const waits = await tx
    .select({ wait: jobWaits, runEvent: jobRuns.event })
    .from(jobWaits)
    .innerJoin(jobRuns, eq(jobRuns.id, jobWaits.runId))
    .where(inArray(jobWaits.eventName, names));
  let resumed = 0;
  const done = new Set<string>();
  for (const event of events) {
    for (const { wait, runEvent } of waits) {
      if (done.has(wait.id) || wait.eventName !== event.name) continue;
      if (wait.expiresAt && wait.expiresAt.getTime() <= now.getTime()) continue;
      if (!expressionMatches(wait.expression, { event: runEvent, async: event })) continue;
      done.add(wait.id);
      // Deleting the wait is what claims it: exactly one event (or the timeout) resumes the step.
      const claimed = await tx.delete(jobWaits).where(eq(jobWaits.id, wait.id)).returning({ id: jobWaits.id });
      if (!claimed.length) continue;
      await settleStep(tx, { runId: wait.runId, hashedId: wait.stepId, name: "waitForEvent", op: "waitForEvent", result: { data: event }, now });
      await deleteItemByKey(tx, timerKey(wait.runId, wait.stepId));
      await afterStepSettled(tx, wait.runId, now);
      resumed++;
    }
  }
  return resumed;
}

async function applyCancelRules(tx: Queryable, now: Date, events: EventPayload[]): Promise<number> {
  const names = [...new Set(events.map((e) => e.name))];
  const rules = await tx
    .select({ rule: jobCancelRules, runEvent: jobRuns.event })
    .from(jobCancelRules)
    .innerJoin(jobRuns, eq(jobRuns.id, jobCancelRules.runId))
    .where(and(inArray(jobCancelRules.eventName, names), inArray(jobRuns.status, ACTIVE_STATUSES)));
  let cancelled = 0;
  for (const event of events) {
    for (const { rule, runEvent } of rules) {
      if (rule.eventName !== event.name) continue;
      if (rule.expiresAt && rule.expiresAt.getTime() <= now.getTime()) continue;
      if (!expressionMatches(rule.expression, { event: runEvent, async: event })) continue;
      if (await cancelRunInTx(tx, rule.runId, now, `Cancelled by event ${event.name} (${event.id})`)) cancelled++;
    }
  }
  return cancelled;
}

