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
