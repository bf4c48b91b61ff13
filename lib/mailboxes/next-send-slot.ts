// The mailbox's next legal send time: inside its sending window (in its time zone), at least the minimum
// spacing (+ random jitter) after its last send, and never more than today's cap in any rolling 24 hours.
import { addLocalDays, zonedParts, zonedToInstant } from "./zoned-time";

export type SendSchedule = {
  dailyCap: number;
  minIntervalSeconds: number;
  jitterSeconds: number;
  warmupEnabled: boolean;
  warmupStartPerDay: number;
  warmupDailyIncrement: number;
  warmupTarget: number | null;
  warmupStartedAt: Date | null;
  sendingDays: number[]; // 0 = Sunday … 6 = Saturday, in the mailbox's zone
  sendingStartMinute: number;
  sendingEndMinute: number; // exclusive
  timezone: string;
};

const DAY_MS = 86_400_000;

/** Today's cap: the daily cap, lowered by the warmup ramp while it is climbing. */
export function capForInstant(s: SendSchedule, at: Date): number {
  if (!s.warmupEnabled || !s.warmupStartedAt) return s.dailyCap;
  const start = zonedParts(s.warmupStartedAt, s.timezone);
  const now = zonedParts(at, s.timezone);
  const days = Math.max(0, Math.round((Date.UTC(now.year, now.month - 1, now.day) - Date.UTC(start.year, start.month - 1, start.day)) / DAY_MS));
  const ramp = s.warmupStartPerDay + days * s.warmupDailyIncrement;
  return Math.max(0, Math.min(s.dailyCap, s.warmupTarget ?? s.dailyCap, ramp));
}

export type SendingWindow = Pick<SendSchedule, "sendingDays" | "sendingStartMinute" | "sendingEndMinute" | "timezone">;

/** The first instant ≥ `at` inside the sending window, or null if the window never opens. */
export function nextWindowInstant(s: SendingWindow, at: Date): Date | null {
  if (s.sendingDays.length === 0 || s.sendingEndMinute <= s.sendingStartMinute) return null;
  const local = zonedParts(at, s.timezone);
  for (let offset = 0; offset <= 8; offset++) {
    const date = addLocalDays(local, offset);
    const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
    if (!s.sendingDays.includes(weekday)) continue;
    const open = zonedToInstant(date, s.sendingStartMinute, s.timezone);
    const close = zonedToInstant(date, s.sendingEndMinute, s.timezone);
    if (at.getTime() >= close.getTime()) continue;
    const found = at.getTime() >= open.getTime() ? at : open;
    // On a DST-change day the instants between open and close can read outside the window (a window edge
    // inside the skipped hour): only a time whose wall clock is inside the window counts.
    const wallClock = zonedParts(found, s.timezone);
    if (wallClock.weekday === weekday && wallClock.minuteOfDay >= s.sendingStartMinute && wallClock.minuteOfDay < s.sendingEndMinute) return found;
  }
  return null;
}

/**
 * `sent` holds the send times already taken (sent or reserved) for this mailbox, any order.
 * `random` returns [0, 1): the jitter source, injectable for tests.
 */
export function nextSendSlot(input: { schedule: SendSchedule; sent: Date[]; now: Date; random?: () => number }): Date | null {
  const { schedule: s, now } = input;
  const random = input.random ?? Math.random;
  const sent = input.sent.map((d) => d.getTime()).sort((a, b) => a - b);
  const last = sent.at(-1);
  const jitterMs = Math.floor(random() * (s.jitterSeconds + 1)) * 1000;
  let candidate = Math.max(now.getTime(), last === undefined ? 0 : last + s.minIntervalSeconds * 1000 + jitterMs);

  for (let guard = 0; guard < 1000; guard++) {
    const inWindow = nextWindowInstant(s, new Date(candidate));
    if (!inWindow) return null;
    candidate = inWindow.getTime();
    const cap = capForInstant(s, inWindow);
    if (cap <= 0) {
      candidate = nextLocalMidnight(s, inWindow);
      continue;
    }
    // Sends in the rolling 24 h ending at the candidate; with `cap` of them already, wait for the oldest to age out.
    const recent = sent.filter((t) => t > candidate - DAY_MS && t <= candidate);
    if (recent.length < cap) return new Date(candidate);
    candidate = recent[recent.length - cap] + DAY_MS + 1;
  }
  return null;
}

function nextLocalMidnight(s: SendSchedule, at: Date): number {
  return zonedToInstant(addLocalDays(zonedParts(at, s.timezone), 1), 0, s.timezone).getTime();
}
