// Starting runs for events: flow control (idempotency, rate limit, singleton, debounce, throttle),
// concurrency keys, cancelOn rules, then the run row and its first work item.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { jobCancelRules, jobDebounces, jobQueue, jobRuns } from "@/db/schema/jobs";
import { queryRows } from "@/db/query-rows";
import { evaluateKey } from "../expressions";
import { ulid, uuidv7 } from "../ids";
import type { FunctionDef } from "../protocol/function-config";
import { discoveryKey, workItemRow } from "./queue";
import { cancelRunInTx } from "./finish-run";
import { throttleStart } from "./throttle";

export type EventPayload = { id: string; name: string; data: Record<string, unknown>; ts: number } & Record<string, unknown>;

export interface RunRequest {
  fn: FunctionDef;
  event: EventPayload;
  replayOf?: string | null;
  invoker?: { runId: string; stepId: string } | null;
}

export type CreatedRun = { runId: string; debounced?: boolean } | { runId: null; skipped: "idempotent" | "rate-limited" | "singleton" };

const ACTIVE = ["queued", "running", "sleeping", "waiting"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const keyOf = (fn: FunctionDef, expression: string | null, vars: Record<string, unknown>) =>
  `${fn.id}:${expression ? (evaluateKey(expression, vars) ?? "") : ""}`;

async function lockKey(tx: Queryable, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/** Creates runs in order; plain ones are inserted together, flow-controlled ones one by one. */
export async function createRuns(tx: Queryable, now: Date, requests: RunRequest[]): Promise<CreatedRun[]> {
  const runs: (typeof jobRuns.$inferInsert)[] = [];
  const items: (typeof jobQueue.$inferInsert)[] = [];
  const rules: (typeof jobCancelRules.$inferInsert)[] = [];
  const flush = async () => {
    for (let i = 0; i < runs.length; i += 400) await tx.insert(jobRuns).values(runs.slice(i, i + 400));
    for (let i = 0; i < items.length; i += 400) await tx.insert(jobQueue).values(items.slice(i, i + 400));
    for (let i = 0; i < rules.length; i += 400) await tx.insert(jobCancelRules).values(rules.slice(i, i + 400));
    runs.length = items.length = rules.length = 0;
  };

  const results: CreatedRun[] = [];
  for (const req of requests) {
    const { fn, event } = req;
    const vars = { event };
    const triggered = !req.invoker && !req.replayOf;
    const controlled = (triggered && (fn.idempotency || fn.rateLimit || fn.debounce)) || fn.singleton || fn.throttle;
    if (controlled) await flush();
    let startAt = now;
    let rateKey: string | null = null;
    let singletonKey: string | null = null;

    if (triggered && fn.rateLimit) {
      rateKey = keyOf(fn, fn.rateLimit.key, vars);
      await lockKey(tx, rateKey);
      const since = new Date(now.getTime() - fn.rateLimit.periodMs);
      const [{ n }] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from job_runs where rate_key = ${rateKey} and created_at > ${since.toISOString()}::timestamptz`,
      );
      if (n >= fn.rateLimit.limit) {
        results.push({ runId: null, skipped: "rate-limited" });
        continue;
      }
    }
    const runId = uuidv7(now.getTime());
    if (triggered && fn.idempotency) {
      const key = evaluateKey(fn.idempotency, vars);
      if (key !== null) {
        const expires = new Date(now.getTime() + 86_400_000).toISOString();
        const won = await queryRows(
          tx,
          sql`insert into job_idempotency_keys (function_id, key, run_id, expires_at)
              values (${fn.id}, ${key}, ${runId}, ${expires}::timestamptz)
              on conflict (function_id, key) do update set run_id = excluded.run_id, expires_at = excluded.expires_at
              where job_idempotency_keys.expires_at <= ${now.toISOString()}::timestamptz
              returning run_id`,
        );
        if (!won.length) {
          results.push({ runId: null, skipped: "idempotent" });
          continue;
        }
      }
    }
    if (fn.singleton) {
      singletonKey = keyOf(fn, fn.singleton.key, vars);
      await lockKey(tx, `singleton:${singletonKey}`);
      const active = await tx
        .select({ id: jobRuns.id })
        .from(jobRuns)
        .where(and(eq(jobRuns.singletonKey, singletonKey), inArray(jobRuns.status, [...ACTIVE])));
      if (active.length && fn.singleton.mode === "skip") {
        results.push({ runId: null, skipped: "singleton" });
        continue;
      }
      for (const run of active) await cancelRunInTx(tx, run.id, now, "Replaced by a newer run (singleton)");
    }
    if (triggered && fn.debounce) {
      const debounced = await debounce(tx, fn, event, vars, now);
      if (debounced.runId) {
        results.push({ runId: debounced.runId, debounced: true });
        continue;
      }
      startAt = debounced.startAt;
      await tx
        .insert(jobDebounces)
        .values({ functionId: fn.id, key: debounced.key, runId, firstAt: now })
        .onConflictDoUpdate({ target: [jobDebounces.functionId, jobDebounces.key], set: { runId, firstAt: now } });
    }
    if (fn.throttle) {
      const at = await throttleStart(tx, keyOf(fn, fn.throttle.key, vars), fn.throttle, now);
      if (at > startAt) startAt = at;
    }

    const concurrency = fn.concurrency.map((c) => ({
      key: c.scope === "fn" ? keyOf(fn, c.key, vars) : `${c.scope}:${c.key ? (evaluateKey(c.key, vars) ?? "") : ""}`,
      limit: c.limit,
    }));
    const teamId = typeof event.data?.teamId === "string" && UUID.test(event.data.teamId) ? event.data.teamId : null;
    runs.push({
      id: runId,
      functionId: fn.id,
      teamId,
      status: "queued",
      eventId: event.id,
      eventName: event.name,
      event,
      replayOf: req.replayOf ?? null,
      invokerRunId: req.invoker?.runId ?? null,
      invokerStepId: req.invoker?.stepId ?? null,
      maxAttempts: fn.maxAttempts,
      concurrency: concurrency.length ? concurrency : null,
      rateKey,
      singletonKey,
      createdAt: now,
    });
    items.push(workItemRow({ runId, kind: "call", stepId: "step", runAt: startAt, dedupeKey: discoveryKey(runId), concurrency }, now));
    for (const rule of fn.cancel) {
      const expiresAt = rule.timeoutMs ? new Date(now.getTime() + rule.timeoutMs) : null;
      rules.push({ id: ulid(now.getTime()), runId, eventName: rule.event, expression: rule.if, expiresAt });
    }
    if (controlled) await flush();
    results.push({ runId });
  }
  await flush();
  return results;
}

/** Joins the pending debounced run for this key (moving its start back), or says when a new one starts. */
async function debounce(
  tx: Queryable,
  fn: FunctionDef,
  event: EventPayload,
  vars: Record<string, unknown>,
  now: Date,
): Promise<{ runId: string | null; key: string; startAt: Date }> {
  const d = fn.debounce!;
  const key = d.key ? (evaluateKey(d.key, vars) ?? "") : "";
  const startAt = new Date(now.getTime() + d.periodMs);
  const [pending] = await tx
    .select()
    .from(jobDebounces)
    .where(and(eq(jobDebounces.functionId, fn.id), eq(jobDebounces.key, key)))
    .for("update");
  if (!pending) return { runId: null, key, startAt };
  const cap = d.timeoutMs ? pending.firstAt.getTime() + d.timeoutMs : Infinity;
  const moved = await tx
    .update(jobQueue)
    .set({ runAt: new Date(Math.min(startAt.getTime(), cap)) })
    .where(and(eq(jobQueue.runId, pending.runId), eq(jobQueue.kind, "call"), sql`${jobQueue.leaseUntil} is null`))
    .returning({ id: jobQueue.id });
  if (!moved.length) return { runId: null, key, startAt };
  // The last event wins: the run starts with the newest one.
  await tx
    .update(jobRuns)
    .set({ event, eventId: event.id, eventName: event.name })
    .where(and(eq(jobRuns.id, pending.runId), eq(jobRuns.status, "queued")));
  return { runId: pending.runId, key, startAt };
}
