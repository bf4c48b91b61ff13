// What the run driver needs beyond the engine context: who it is (for leases) and how to call the app.
import type { EngineContext } from "../engine-context";
import type { CallRun } from "../store/hot-path";

export interface DriverContext extends EngineContext {
  workerId: string;
  signingKey: string | null;
  fetch?: typeof fetch;
  leaseMs: number;
  retry: { baseMs: number; maxMs: number };
  requestTimeoutMs: number;
  /**
   * Runs this worker continues with, by held work item: after a step it memoised itself on a run with
   * nothing else pending, the run's state is known without reading it back.
   */
  continuing: Map<string, CallRun>;
}

/** The item this worker held was taken over (its lease expired) or removed (the run was cancelled). */
export class LeaseLost extends Error {
  constructor(itemId: string) {
    super(`Lost the lease on work item ${itemId}`);
    this.name = "LeaseLost";
  }
}

/** Exponential backoff with equal jitter; a Retry-After from the app wins. */
export function retryDelayMs(attempt: number, retryAfterMs: number | null, retry: DriverContext["retry"]): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, 7 * 86_400_000);
  const ceiling = Math.min(retry.maxMs, retry.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

export const leaseUntil = (ctx: DriverContext) => new Date(Date.now() + ctx.leaseMs);
