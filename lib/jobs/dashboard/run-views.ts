// Shapes the dashboard shows, built from job_runs / job_steps rows.
import type { JobRun, JobStep } from "@/db/schema/jobs";

export type RunStatus = "queued" | "running" | "sleeping" | "waiting" | "completed" | "failed" | "cancelled";

export interface RunSummary {
  id: string;
  functionId: string;
  functionName: string;
  status: RunStatus;
  eventName: string;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  sleepingUntil: Date | null;
  waitingFor: { event: string; expression: string | null; timeoutAt: Date | null } | null;
}

export interface StepView {
  id: string;
  name: string;
  op: string;
  status: "planned" | "running" | "completed" | "failed" | "sleeping" | "waiting" | "cancelled";
  attempts: number;
  output: unknown;
  error: { name: string; message: string } | null;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface RunDetail extends RunSummary {
  event: unknown;
  output: unknown;
  error: { name: string; message: string } | null;
  replayOf: string | null;
  steps: StepView[];
}

const errorView = (e: { name?: string; message?: string } | null | undefined) =>
  e ? { name: e.name ?? "Error", message: e.message ?? "" } : null;

export function toRunSummary(run: JobRun, functionName: string | null): RunSummary {
  const w = run.waitingFor;
  return {
    id: run.id,
    functionId: run.functionId,
    functionName: functionName ?? run.functionId,
    status: run.status,
    eventName: run.eventName,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    sleepingUntil: run.sleepingUntil,
    waitingFor: w ? { event: w.event, expression: w.expression, timeoutAt: w.timeoutAt ? new Date(w.timeoutAt) : null } : null,
  };
}

export function toStepView(step: JobStep): StepView {
  return {
    id: step.hashedId,
    name: step.name,
    op: step.op,
    status: step.status,
    attempts: step.attempts,
    output: step.status === "completed" ? step.data : null,
    error: errorView(step.error),
    startedAt: step.startedAt,
    endedAt: step.endedAt,
  };
}

export function toRunDetail(run: JobRun, functionName: string | null, steps: JobStep[]): RunDetail {
  return {
    ...toRunSummary(run, functionName),
    event: run.event,
    output: run.output ?? null,
    error: errorView(run.error),
    replayOf: run.replayOf,
    steps: steps.map(toStepView),
  };
}
