// Single-statement transitions for sleeps, the other common path: a run goes to sleep (discovery answered
// with one Sleep op and nothing else is pending), and a sleep ends (the wake item is due).
import type { Db } from "@/db/types";
import type { JobQueueItem } from "@/db/schema/jobs";
import { ulid } from "../ids";
import { toWorkItem } from "./hot-path";
import { jsonParam, rawQuery } from "./raw-query";

const PENDING = `('planned', 'running', 'sleeping', 'waiting')`;
const ACTIVE = `('queued', 'running', 'sleeping', 'waiting')`;

/**
 * Takes the held discovery item, records the sleeping step, marks the run sleeping and queues its wake,
 * atomically. False when the item was no longer held (lease lost or run cancelled).
 */
export async function sleepFast(
  db: Db,
  a: { item: JobQueueItem; workerId: string; runId: string; hashedId: string; name: string; until: Date; now: Date; version: number | null },
): Promise<boolean> {
  const rows = await rawQuery<{ held: number }>(
    db,
    `with took as (
       delete from job_queue where id = $1 and leased_by = $2 returning ck1, cl1, ck2, cl2
     ), run as (
       update job_runs set status = 'sleeping', sleeping_until = $6, waiting_for = null,
         request_version = coalesce($11::int, request_version)
       where id = $3 and status in ${ACTIVE} and exists (select 1 from took) returning id
     ), step as (
       insert into job_steps (run_id, hashed_id, name, op, status, opts, started_at)
       select $3, $4, $5, 'sleep', 'sleeping', $7::jsonb, $8 from run
       on conflict do nothing returning hashed_id
     ), wake as (
       insert into job_queue (id, run_id, kind, step_id, attempt, run_at, dedupe_key, ck1, cl1, ck2, cl2, created_at)
       select $9, $3, 'wake', $4, 0, $6, $10, took.ck1, took.cl1, took.ck2, took.cl2, $8 from took, step
       on conflict do nothing returning 1
     )
     select (select count(*) from took)::int as held`,
    [
      a.item.id, a.workerId, a.runId, a.hashedId, a.name, a.until.toISOString(), jsonParam({ until: a.until.toISOString() }),
      a.now.toISOString(), ulid(a.now.getTime()), `t:${a.runId}:${a.hashedId}`, a.version,
    ],
  );
  return Number(rows[0].held) === 1;
}

/**
 * A sleep ended: memoise the step (data null) and, when nothing else of the run is pending, mark it running
 * and insert its next discovery already leased to this worker. Returns that item; `fallback` when other
 * steps are pending (the transactional path decides), `lost` when the wake item was no longer held.
 */
export async function wakeFast(
  db: Db,
  a: { item: JobQueueItem; workerId: string; leaseUntil: Date; now: Date },
): Promise<{ next: JobQueueItem | null; outcome: "continued" | "settled" | "fallback" | "lost" }> {
  const runId = a.item.runId!;
  const rows = await rawQuery<Record<string, unknown>>(
    db,
    `with others as (
       select exists (select 1 from job_steps where run_id = $3 and hashed_id <> $4 and status in ${PENDING}) as busy
     ), took as (
       delete from job_queue where id = $1 and leased_by = $2 and not (select busy from others) returning ck1, cl1, ck2, cl2
     ), step as (
       update job_steps set status = 'completed', data = 'null'::jsonb, done_seq = nextval('job_step_seq'), ended_at = $5
       where run_id = $3 and hashed_id = $4 and status not in ('completed', 'failed') and exists (select 1 from took)
       returning 1
     ), run as (
       update job_runs set status = 'running', sleeping_until = null, waiting_for = null
       where id = $3 and status in ${ACTIVE} and exists (select 1 from step) returning id
     ), next as (
       insert into job_queue (id, run_id, kind, step_id, attempt, run_at, dedupe_key, ck1, cl1, ck2, cl2, created_at, lease_until, leased_by)
       select $6, $3, 'call', 'step', 0, $5, $7, took.ck1, took.cl1, took.ck2, took.cl2, $5, $8, $2 from took, run
       on conflict do nothing
       returning id, run_id, kind, step_id, attempt, payload, run_at, lease_until, leased_by, dedupe_key, ck1, cl1, ck2, cl2, created_at
     )
     select (select busy from others) as busy, (select count(*) from took)::int as held,
            (select count(*) from step)::int as settled, next.* from (select 1) one left join next on true`,
    [a.item.id, a.workerId, runId, a.item.stepId, a.now.toISOString(), ulid(a.now.getTime()), `d:${runId}`, a.leaseUntil.toISOString()],
  );
  const r = rows[0];
  if (r.busy) return { next: null, outcome: "fallback" };
  if (Number(r.held) !== 1) return { next: null, outcome: "lost" };
  if (r.id) return { next: toWorkItem(r), outcome: "continued" };
  return { next: null, outcome: "settled" };
}
