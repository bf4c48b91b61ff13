// The statements behind a run's common transitions, each a single atomic statement (one round trip).
import type { Db } from "@/db/types";
import type { JobQueueItem, JobRun } from "@/db/schema/jobs";
import type { Memo } from "../protocol/call-function";
import { jsonParam, rawQuery } from "./raw-query";

export type CallRun = Pick<JobRun, "id" | "functionId" | "status" | "event" | "maxAttempts" | "requestVersion" | "concurrency"> & {
  memo: { steps: Record<string, Memo>; stack: string[] };
  /** Steps still pending (planned, running, sleeping, waiting) when loaded. */
  pending: number;
};

/**
 * A run and its memoised steps (in completion order), in one query; a queued run is marked running
 * (started now) in the same statement.
 */
export async function loadRunForCall(db: Db, runId: string, now: Date): Promise<CallRun | null> {
  const rows = await rawQuery<Record<string, unknown>>(
    db,
    `with started as (
       update job_runs set status = 'running', started_at = $2 where id = $1 and status = 'queued' returning id
     )
     select r.id, r.function_id, case when exists (select 1 from started) then 'running' else r.status end as status,
       r.event, r.max_attempts, r.request_version, r.concurrency,
       coalesce((select json_agg(json_build_array(s.hashed_id, s.status, s.data, s.error) order by s.done_seq)
                 from job_steps s where s.run_id = r.id and s.done_seq is not null), '[]'::json) as memo,
       (select count(*) from job_steps s where s.run_id = r.id
          and s.status in ('planned', 'running', 'sleeping', 'waiting'))::int as pending
     from job_runs r where r.id = $1`,
    [runId, now.toISOString()],
  );
  const r = rows[0];
  if (!r) return null;
  const parse = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;
  const memo = parse<[string, string, unknown, unknown][]>(r.memo);
  const steps: Record<string, Memo> = {};
  for (const [id, status, data, error] of memo) steps[id] = status === "failed" ? { error } : { data: data ?? null };
  return {
    id: r.id as string,
    functionId: r.function_id as string,
    status: r.status as JobRun["status"],
    event: parse(r.event),
    maxAttempts: Number(r.max_attempts),
    requestVersion: Number(r.request_version),
    concurrency: parse(r.concurrency),
    memo: { steps, stack: memo.map((m) => m[0]) },
    pending: Number(r.pending),
  };
}

/**
 * Discovery ran the next step at once: memoise its result (first write wins) and turn the held work item
 * into the run's next discovery, still leased to this worker. Null when the lease was lost.
 */
export async function memoiseAndContinue(
  db: Db,
  a: {
    itemId: string;
    workerId: string;
    runId: string;
    hashedId: string;
    name: string;
    data: unknown;
    attempts: number;
    startedAt: Date;
    now: Date;
    /** The SDK's request version, when it differs from the run's. */
    version: number | null;
  },
): Promise<{ item: JobQueueItem; memoised: boolean } | null> {
  const saveVersion = a.version === null ? "" : `, ver as (
       update job_runs set request_version = $10 where id = $4 and exists (select 1 from cont) returning 1
     )`;
  const rows = await rawQuery<Record<string, unknown>>(
    db,
    `with cont as (
       update job_queue set kind = 'call', step_id = 'step', attempt = 0, payload = null, run_at = $3
       where id = $1 and leased_by = $2
       returning id, run_id, kind, step_id, attempt, payload, run_at, lease_until, leased_by, dedupe_key, ck1, cl1, ck2, cl2, created_at
     ), memo as (
       insert into job_steps (run_id, hashed_id, name, op, status, attempts, data, done_seq, started_at, ended_at)
       select $4, $5, $6, 'run', 'completed', $7, $8::jsonb, nextval('job_step_seq'), $9, $3 from cont
       on conflict (run_id, hashed_id) do update
         set status = 'completed', data = excluded.data, error = null, done_seq = excluded.done_seq,
             ended_at = excluded.ended_at, attempts = greatest(job_steps.attempts, excluded.attempts)
         where job_steps.status not in ('completed', 'failed')
       returning 1
     )${saveVersion}
     select cont.*, (select count(*) from memo)::int as memoised from cont`,
    [a.itemId, a.workerId, a.now.toISOString(), a.runId, a.hashedId, a.name, a.attempts, jsonParam(a.data), a.startedAt.toISOString(), ...(a.version === null ? [] : [a.version])],
  );
  return rows[0] ? { item: toWorkItem(rows[0]), memoised: Number(rows[0].memoised) === 1 } : null;
}

/**
 * The run returned: take the held item, complete the run and clear what it left behind, atomically.
 * A run that was invoked by another is left to the transactional path (its invoker must resume too):
 * then `invoked` is true and the item is still held.
 */
export async function completeRunFast(
  db: Db,
  a: { itemId: string; workerId: string; runId: string; output: unknown; now: Date },
): Promise<{ held: boolean; invoked: boolean }> {
  const rows = await rawQuery<{ held: number; invoked: boolean }>(
    db,
    `with inv as (
       select exists (select 1 from job_runs where id = $3 and invoker_run_id is not null) as invoked
     ), took as (
       delete from job_queue where id = $1 and leased_by = $2 and not (select invoked from inv) returning run_id
     ), done as (
       update job_runs set status = 'completed', output = $4::jsonb, ended_at = $5, sleeping_until = null, waiting_for = null
       where id = $3 and status in ('queued', 'running', 'sleeping', 'waiting') and exists (select 1 from took)
       returning id
     ), items as (delete from job_queue where run_id = $3 and id <> $1 and exists (select 1 from done) returning 1),
        waits as (delete from job_waits where run_id = $3 and exists (select 1 from done) returning 1),
        rules as (delete from job_cancel_rules where run_id = $3 and exists (select 1 from done) returning 1)
     select (select count(*) from took)::int as held, (select invoked from inv) as invoked`,
    [a.itemId, a.workerId, a.runId, jsonParam(a.output), a.now.toISOString()],
  );
  return { held: Number(rows[0].held) === 1, invoked: Boolean(rows[0].invoked) };
}

export function toWorkItem(r: Record<string, unknown>): JobQueueItem {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: r.id as string,
    runId: (r.run_id as string) ?? null,
    kind: r.kind as string,
    stepId: (r.step_id as string) ?? null,
    attempt: Number(r.attempt),
    payload: (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Record<string, unknown> | null,
    runAt: date(r.run_at)!,
    leaseUntil: date(r.lease_until),
    leasedBy: (r.leased_by as string) ?? null,
    dedupeKey: (r.dedupe_key as string) ?? null,
    ck1: (r.ck1 as string) ?? null,
    cl1: int(r.cl1),
    ck2: (r.ck2 as string) ?? null,
    cl2: int(r.cl2),
    createdAt: date(r.created_at)!,
  };
}
