// The executor's sense of time. Everything it schedules (sleeps, timeouts, retries, cron ticks) reads this
// clock, so tests can move time forward and a 3-day sleep completes at once. Leases and request signatures
// always use real time: they guard against crashed processes and replayed requests, not business time.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that runs with real time plus an offset that tests move forward. */
export interface AdjustableClock extends Clock {
  advance(ms: number): void;
  set(to: Date): void;
}

export function createAdjustableClock(start?: Date): AdjustableClock {
  let offset = start ? start.getTime() - Date.now() : 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
    set(to) {
      offset = to.getTime() - Date.now();
    },
  };
}

const holder = globalThis as unknown as { __copilotEngineClock?: AdjustableClock };

/**
 * The clock the in-process engine (executor and its event API) reads. Real time, unless JOBS_TEST_CLOCK=1:
 * then one adjustable clock per process, shared by every bundle that imports this module (globalThis), which
 * end-to-end tests move forward through POST /api/inngest-executor/clock. Never set it in production.
 */
export function engineClock(): Clock {
  if (process.env.JOBS_TEST_CLOCK !== "1") return systemClock;
  return (holder.__copilotEngineClock ??= createAdjustableClock());
}

/** The adjustable engine clock, or null when the test clock is off. */
export function adjustableEngineClock(): AdjustableClock | null {
  return process.env.JOBS_TEST_CLOCK === "1" ? (engineClock() as AdjustableClock) : null;
}

/** "Now" for work the engine schedules (sequence steps, send slots): real time, or the test clock when it is on. */
export function engineNow(): Date {
  return engineClock().now();
}
