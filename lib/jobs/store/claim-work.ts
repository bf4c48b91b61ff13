// Claiming due work: rows locked with FOR UPDATE SKIP LOCKED (several instances never take the same item)
// and leased; an item whose lease ran out (its worker crashed) is due again. Items of concurrency-limited
// runs are only leased while fewer than `limit` leased items share their key.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import { queryRows } from "@/db/query-rows";
import type { JobQueueItem } from "@/db/schema/jobs";
import { rawQuery } from "./raw-query";
import { toWorkItem } from "./hot-path";

type Candidate = { id: string; ck1: string | null; cl1: number | null; ck2: string | null; cl2: number | null };

const iso = (d: Date) => d.toISOString();
const DUE = `run_at <= $1 and (lease_until is null or lease_until < $2)`;

export interface ClaimOptions {
  /** Scheduling time (the executor's clock); leases use real time. */
  now: Date;
  workerId: string;
  leaseMs: number;
  limit: number;
  /** How far a blocked item (its concurrency limit reached) is pushed back. */
  blockedDelayMs?: number;
}

export async function claimDueWork(db: Db, o: ClaimOptions): Promise<JobQueueItem[]> {
  const realNow = new Date();
  const leaseUntil = new Date(realNow.getTime() + o.leaseMs);
  // Items without concurrency keys: one statement.
  const plain = await rawQuery<Record<string, unknown>>(
    db,
    `update job_queue q set lease_until = $3, leased_by = $4
     from (select id from job_queue where ${DUE} and ck1 is null and ck2 is null
           order by run_at limit $5 for update skip locked) due
     where q.id = due.id returning q.*`,
    [iso(o.now), iso(realNow), iso(leaseUntil), o.workerId, o.limit],
  );
  const items = plain.map(toWorkItem);
  if (items.length < o.limit) {
    const keyedDue = await rawQuery(db, `select 1 from job_queue where ${DUE} and (ck1 is not null or ck2 is not null) limit 1`, [iso(o.now), iso(realNow)]);
    if (keyedDue.length) items.push(...(await claimKeyed(db, { ...o, limit: o.limit - items.length }, realNow, leaseUntil)));
  }
  return items.sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
}

async function claimKeyed(db: Db, o: ClaimOptions, realNow: Date, leaseUntil: Date): Promise<JobQueueItem[]> {
  return db.transaction(async (tx) => {
    const candidates = await queryRows<Candidate>(
      tx,
      sql`select id, ck1, cl1, ck2, cl2 from job_queue
          where run_at <= ${iso(o.now)}::timestamptz and (lease_until is null or lease_until < ${iso(realNow)}::timestamptz)
            and (ck1 is not null or ck2 is not null)
          order by run_at limit ${o.limit} for update skip locked`,
    );
    if (!candidates.length) return [];
    const keys = [...new Set(candidates.flatMap((c) => [c.ck1, c.ck2].filter((k): k is string => Boolean(k))))].sort();
    // Serialise admission per key across instances; sorted, so two claimers never deadlock.
    for (const key of keys) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const counts = await queryRows<{ k: string; n: number }>(
      tx,
      sql`select k, count(*)::int as n from (
            select ck1 as k from job_queue where ck1 in ${keys} and lease_until >= ${iso(realNow)}::timestamptz
            union all
            select ck2 as k from job_queue where ck2 in ${keys} and lease_until >= ${iso(realNow)}::timestamptz
          ) s group by k`,
    );
    const inFlight = new Map(counts.map((c) => [c.k, Number(c.n)]));
    const blocked: string[] = [];
    const admitted = candidates.filter((c) => {
      const limits = [[c.ck1, c.cl1], [c.ck2, c.cl2]].filter((p): p is [string, number] => Boolean(p[0]) && p[1] !== null);
      if (limits.some(([k, l]) => (inFlight.get(k) ?? 0) >= l)) {
        blocked.push(c.id);
        return false;
      }
      for (const [k] of limits) inFlight.set(k, (inFlight.get(k) ?? 0) + 1);
      return true;
    });
    if (blocked.length) {
      const later = new Date(o.now.getTime() + (o.blockedDelayMs ?? 50));
      await tx.execute(sql`update job_queue set run_at = ${iso(later)}::timestamptz where id in ${blocked}`);
    }
    if (!admitted.length) return [];
    const rows = await queryRows<Record<string, unknown>>(
      tx,
      sql`update job_queue set lease_until = ${iso(leaseUntil)}::timestamptz, leased_by = ${o.workerId}
          where id in ${admitted.map((c) => c.id)} returning *`,
    );
    return rows.map(toWorkItem);
  });
}
