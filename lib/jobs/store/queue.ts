// The durable work queue: items with a due time (clock time) and a lease (real time), deduplicated by key.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { jobQueue, type JobQueueItem } from "@/db/schema/jobs";
import { ulid } from "../ids";

export type WorkKind = "call" | "wake" | "wait-timeout" | "invoke-timeout" | "cron";
export type Concurrency = { key: string; limit: number }[] | null;

export interface NewWorkItem {
  runId: string | null;
  kind: WorkKind;
  stepId?: string | null;
  attempt?: number;
  payload?: Record<string, unknown> | null;
  runAt: Date;
  dedupeKey?: string | null;
  concurrency?: Concurrency;
}

export const discoveryKey = (runId: string) => `d:${runId}`;
export const stepCallKey = (runId: string, stepId: string) => `s:${runId}:${stepId}`;
export const timerKey = (runId: string, stepId: string) => `t:${runId}:${stepId}`;

export function workItemRow(item: NewWorkItem, now: Date): typeof jobQueue.$inferInsert {
  const [c1, c2] = item.concurrency ?? [];
  return {
    id: ulid(now.getTime()),
    runId: item.runId,
    kind: item.kind,
    stepId: item.stepId ?? null,
    attempt: item.attempt ?? 0,
    payload: item.payload ?? null,
    runAt: item.runAt,
    dedupeKey: item.dedupeKey ?? null,
    ck1: c1?.key ?? null,
    cl1: c1?.limit ?? null,
    ck2: c2?.key ?? null,
    cl2: c2?.limit ?? null,
    createdAt: now,
  };
}

/** Inserts items; one whose dedupe key is already pending is skipped. */
export async function enqueue(tx: Queryable, items: NewWorkItem[], now: Date): Promise<void> {
  if (!items.length) return;
  await tx.insert(jobQueue).values(items.map((i) => workItemRow(i, now))).onConflictDoNothing();
}

/** Removes an item this worker holds; false when the lease was lost (another worker reclaimed it). */
export async function takeLeasedItem(tx: Queryable, itemId: string, workerId: string): Promise<boolean> {
  const rows = await tx
    .delete(jobQueue)
    .where(and(eq(jobQueue.id, itemId), eq(jobQueue.leasedBy, workerId)))
    .returning({ id: jobQueue.id });
  return rows.length === 1;
}

export async function extendLeases(db: Queryable, ids: string[], workerId: string, until: Date): Promise<void> {
  if (!ids.length) return;
  await db
    .update(jobQueue)
    .set({ leaseUntil: until })
    .where(and(inArray(jobQueue.id, ids), eq(jobQueue.leasedBy, workerId)));
}

/** Gives an item back (after an unexpected error) so it runs again after `retryAt`. */
export async function releaseLease(db: Queryable, itemId: string, workerId: string, retryAt: Date): Promise<void> {
  await db
    .update(jobQueue)
    .set({ leaseUntil: null, leasedBy: null, runAt: retryAt })
    .where(and(eq(jobQueue.id, itemId), eq(jobQueue.leasedBy, workerId)));
}

export async function deleteRunItems(tx: Queryable, runId: string): Promise<void> {
  await tx.delete(jobQueue).where(eq(jobQueue.runId, runId));
}

export async function deleteItemByKey(tx: Queryable, dedupeKey: string): Promise<void> {
  await tx.delete(jobQueue).where(sql`${jobQueue.dedupeKey} = ${dedupeKey}`);
}

/** Inserts the run's next item already leased to this worker; null when one with its key is pending. */
export async function insertLeasedItem(
  tx: Queryable,
  item: NewWorkItem,
  workerId: string,
  leaseUntil: Date,
  now: Date,
): Promise<JobQueueItem | null> {
  const rows = await tx
    .insert(jobQueue)
    .values({ ...workItemRow(item, now), leasedBy: workerId, leaseUntil })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}
