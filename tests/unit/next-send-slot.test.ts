import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capForInstant, nextSendSlot, type SendSchedule } from "@/lib/mailboxes/next-send-slot";
import { zonedParts, zonedToInstant } from "@/lib/mailboxes/zoned-time";

const DAY = 86_400_000;
const ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney", "America/Los_Angeles"];

const base: SendSchedule = {
  dailyCap: 3,
  minIntervalSeconds: 600,
  jitterSeconds: 0,
  warmupEnabled: false,
  warmupStartPerDay: 5,
  warmupDailyIncrement: 2,
  warmupTarget: null,
  warmupStartedAt: null,
  sendingDays: [1, 2, 3, 4, 5],
  sendingStartMinute: 9 * 60,
  sendingEndMinute: 17 * 60,
  timezone: "Europe/Berlin",
};

/** Runs a mailbox forward in time, taking every slot it offers, and returns the sends. */
function simulate(schedule: SendSchedule, start: Date, days: number, seed: number) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const sent: Date[] = [];
  let now = start;
  while (now.getTime() < start.getTime() + days * DAY) {
    const slot = nextSendSlot({ schedule, sent, now, random });
    if (!slot) break;
    expect(slot.getTime()).toBeGreaterThanOrEqual(now.getTime());
    sent.push(slot);
    now = new Date(slot.getTime() + Math.floor(random() * 30_000));
  }
  return sent;
}

describe("next send slot", () => {
  it("waits for the window to open, in the mailbox's time zone", () => {
    // Monday 2026-11-30 06:00 UTC = 07:00 in Berlin: the window opens at 09:00 Berlin = 08:00 UTC.
    const slot = nextSendSlot({ schedule: base, sent: [], now: new Date("2026-11-30T06:00:00Z") });
    expect(slot?.toISOString()).toBe("2026-11-30T08:00:00.000Z");
  });

  it("skips the weekend and spaces sends by the minimum interval", () => {
    const friday = new Date("2026-12-04T15:55:00Z"); // 16:55 Berlin, window closes at 17:00
    const first = nextSendSlot({ schedule: base, sent: [], now: friday })!;
    expect(first.toISOString()).toBe("2026-12-04T15:55:00.000Z");
    const second = nextSendSlot({ schedule: base, sent: [first], now: first })!;
    expect(second.toISOString()).toBe("2026-12-07T08:00:00.000Z"); // Monday 09:00 Berlin
  });

  it("holds the daily cap over any rolling 24 hours", () => {
    const day1 = [new Date("2026-11-30T08:00:00Z"), new Date("2026-11-30T08:10:00Z"), new Date("2026-11-30T08:20:00Z")];
    const slot = nextSendSlot({ schedule: base, sent: day1, now: new Date("2026-11-30T08:30:00Z") })!;
    expect(slot.getTime()).toBe(day1[0].getTime() + DAY + 1);
  });

  it("ramps the cap up during warmup and never past the target", () => {
    const s = { ...base, dailyCap: 40, warmupEnabled: true, warmupStartPerDay: 5, warmupDailyIncrement: 3, warmupTarget: 12, warmupStartedAt: new Date("2026-11-30T10:00:00Z") };
    expect(capForInstant(s, new Date("2026-11-30T12:00:00Z"))).toBe(5);
    expect(capForInstant(s, new Date("2026-12-01T12:00:00Z"))).toBe(8);
    expect(capForInstant(s, new Date("2026-12-02T12:00:00Z"))).toBe(11);
    expect(capForInstant(s, new Date("2026-12-09T12:00:00Z"))).toBe(12);
  });

  it("resolves local wall times across daylight-saving changes", () => {
    expect(zonedToInstant({ year: 2026, month: 3, day: 29 }, 9 * 60, "Europe/Berlin").toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(zonedToInstant({ year: 2026, month: 3, day: 28 }, 9 * 60, "Europe/Berlin").toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(zonedToInstant({ year: 2026, month: 11, day: 1 }, 9 * 60, "America/New_York").toISOString()).toBe("2026-11-01T14:00:00.000Z");
    // Found by the property below: midnight on the day Sydney leaves DST (the change is at 03:00 that night).
    expect(zonedToInstant({ year: 2026, month: 4, day: 5 }, 0, "Australia/Sydney").toISOString()).toBe("2026-04-04T13:00:00.000Z");
    // 02:30 does not exist in Berlin on 29 March: clocks jump, so it reads as 03:30.
    expect(zonedToInstant({ year: 2026, month: 3, day: 29 }, 150, "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("over simulated weeks never exceeds cap(day) in a rolling 24 h, leaves its window, or sends closer than the spacing", () => {
    const schedule = fc.record({
      dailyCap: fc.integer({ min: 1, max: 40 }),
      minIntervalSeconds: fc.integer({ min: 0, max: 3600 }),
      jitterSeconds: fc.integer({ min: 0, max: 300 }),
      warmupEnabled: fc.boolean(),
      warmupStartPerDay: fc.integer({ min: 0, max: 10 }),
      warmupDailyIncrement: fc.integer({ min: 0, max: 5 }),
      warmupTarget: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
      warmupStartedAt: fc.constant(new Date("2026-03-20T00:00:00Z")),
      sendingDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
      sendingStartMinute: fc.integer({ min: 0, max: 1380 }),
      sendingEndMinute: fc.integer({ min: 30, max: 1440 }),
      timezone: fc.constantFrom(...ZONES),
    }).filter((s) => s.sendingEndMinute > s.sendingStartMinute);

    fc.assert(
      fc.property(schedule, fc.integer({ min: 0, max: 30 * DAY }), fc.integer({ min: 1, max: 2 ** 30 }), (s, startOffset, seed) => {
        // Starts around the March DST changes on purpose.
        const start = new Date(Date.UTC(2026, 2, 15) + startOffset);
        const sent = simulate(s, start, 14, seed);
        for (let i = 0; i < sent.length; i++) {
          const t = sent[i].getTime();
          const local = zonedParts(sent[i], s.timezone);
          expect(s.sendingDays).toContain(local.weekday);
          expect(local.minuteOfDay).toBeGreaterThanOrEqual(s.sendingStartMinute);
          expect(local.minuteOfDay).toBeLessThan(s.sendingEndMinute);
          if (i > 0) expect(t - sent[i - 1].getTime()).toBeGreaterThanOrEqual(s.minIntervalSeconds * 1000);
          const inLast24h = sent.filter((u) => u.getTime() > t - DAY && u.getTime() <= t).length;
          expect(inLast24h).toBeLessThanOrEqual(capForInstant(s, sent[i]));
        }
      }),
      { numRuns: 150 },
    );
  });
});
