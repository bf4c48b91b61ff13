// Steps of a run: a step's result is memoised once (first write wins); the hot path reads them back.
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { jobSteps, type JobStep } from "@/db/schema/jobs";
import type { ErrorInfo } from "../protocol/call-function";

export type StepStatus = JobStep["status"];
const SETTLED: StepStatus[] = ["completed", "failed"];
const PENDING: StepStatus[] = ["planned", "running", "sleeping", "waiting"];

/** Friendly op names for the dashboard, from the SDK's op codes. */
export function opLabel(op: string, opts?: Record<string, unknown> | null): string {
  if (opts?.type === "step.sendEvent") return "sendEvent";
  switch (op) {
    case "StepRun":
    case "StepPlanned":
    case "StepError":
    case "StepFailed":
      return "run";
    case "Sleep":
      return "sleep";
    case "WaitForEvent":
      return "waitForEvent";
    case "InvokeFunction":
      return "invoke";
    default:
      return op;
  }
}

export interface SettleStep {
  runId: string;
  hashedId: string;
  name: string;
  op: string;
  result: { data: unknown } | { error: ErrorInfo };
  attempts?: number;
  startedAt?: Date | null;
  now: Date;
}

/** Stores a step's result unless one is already stored; true when this write won. */
export async function settleStep(tx: Queryable, s: SettleStep): Promise<boolean> {
  const failed = "error" in s.result;
  const values = {
    status: (failed ? "failed" : "completed") as StepStatus,
    data: failed ? null : ((s.result as { data: unknown }).data ?? null),
    error: failed ? (s.result as { error: ErrorInfo }).error : null,
    doneSeq: sql`nextval('job_step_seq')`,
    endedAt: s.now,
  };
  const rows = await tx
    .insert(jobSteps)
    .values({
      runId: s.runId,
      hashedId: s.hashedId,
      name: s.name,
      op: s.op,
      attempts: s.attempts ?? 1,
      startedAt: s.startedAt ?? s.now,
      ...values,
    })
    .onConflictDoUpdate({
      target: [jobSteps.runId, jobSteps.hashedId],
      set: { ...values, attempts: sql`greatest(${jobSteps.attempts}, ${s.attempts ?? 1})` },
      setWhere: notInArray(jobSteps.status, SETTLED),
    })
    .returning({ id: jobSteps.hashedId });
  return rows.length === 1;
}

/** Records a step the run now waits on (planned, sleeping, waiting); false if the step is already known. */
export async function planStep(
  tx: Queryable,
  s: { runId: string; hashedId: string; name: string; op: string; status: StepStatus; opts?: unknown; now: Date },
): Promise<boolean> {
  const rows = await tx
    .insert(jobSteps)
    .values({ runId: s.runId, hashedId: s.hashedId, name: s.name, op: s.op, status: s.status, opts: s.opts ?? null, startedAt: s.now })
    .onConflictDoNothing()
    .returning({ id: jobSteps.hashedId });
  return rows.length === 1;
}

/** A planned step is being attempted (again): for the dashboard. */
export async function markStepRunning(db: Queryable, runId: string, hashedId: string, attempt: number): Promise<void> {
  await db
    .update(jobSteps)
    .set({ status: "running", attempts: attempt + 1 })
    .where(and(eq(jobSteps.runId, runId), eq(jobSteps.hashedId, hashedId), inArray(jobSteps.status, ["planned", "running"])));
}

/** A step attempt failed and will be retried: keep the last error visible, the step stays pending. */
export async function recordStepRetry(
  tx: Queryable,
  s: { runId: string; hashedId: string; name: string; op: string; attempts: number; error: ErrorInfo; now: Date },
): Promise<void> {
  await tx
    .insert(jobSteps)
    .values({ runId: s.runId, hashedId: s.hashedId, name: s.name, op: s.op, status: "planned", attempts: s.attempts, error: s.error, startedAt: s.now })
    .onConflictDoUpdate({
      target: [jobSteps.runId, jobSteps.hashedId],
      set: { status: "planned", attempts: s.attempts, error: s.error },
      setWhere: notInArray(jobSteps.status, SETTLED),
    });
}

export async function pendingSteps(tx: Queryable, runId: string): Promise<Pick<JobStep, "hashedId" | "status" | "opts">[]> {
  return tx
    .select({ hashedId: jobSteps.hashedId, status: jobSteps.status, opts: jobSteps.opts })
    .from(jobSteps)
    .where(and(eq(jobSteps.runId, runId), inArray(jobSteps.status, PENDING)));
}

export async function cancelPendingSteps(tx: Queryable, runId: string, now: Date): Promise<void> {
  await tx
    .update(jobSteps)
    .set({ status: "cancelled", endedAt: now })
    .where(and(eq(jobSteps.runId, runId), inArray(jobSteps.status, PENDING)));
}
