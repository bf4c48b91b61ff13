import { describe, expect, it } from "vitest";
import { addStepDelay } from "@/lib/sequences/step-delay";

const iso = (d: Date) => d.toISOString();

describe("addStepDelay", () => {
  it("adds plain minutes regardless of weekends", () => {
    const from = new Date("2025-03-07T16:00:00Z"); // a Friday
    expect(iso(addStepDelay(from, { delayMinutes: 90, delayBusinessDays: false }, "Europe/London"))).toBe("2025-03-07T17:30:00.000Z");
    expect(iso(addStepDelay(from, { delayMinutes: 2 * 1440, delayBusinessDays: false }, "Europe/London"))).toBe("2025-03-09T16:00:00.000Z");
  });

  it("moves one business day from Friday to Monday at the same local time", () => {
    // Friday 10:15 in New York (EST, UTC-5).
    const from = new Date("2025-01-10T15:15:00Z");
    expect(iso(addStepDelay(from, { delayMinutes: 1440, delayBusinessDays: true }, "America/New_York"))).toBe("2025-01-13T15:15:00.000Z");
    // Two business days: Tuesday.
    expect(iso(addStepDelay(from, { delayMinutes: 2 * 1440, delayBusinessDays: true }, "America/New_York"))).toBe("2025-01-14T15:15:00.000Z");
  });

  it("counts weekdays in the given zone, not in UTC", () => {
    // Friday 23:30 UTC is already Saturday 08:30 in Tokyo: one business day later is Monday 08:30 Tokyo.
    const from = new Date("2025-01-10T23:30:00Z");
    expect(iso(addStepDelay(from, { delayMinutes: 1440, delayBusinessDays: true }, "Asia/Tokyo"))).toBe("2025-01-12T23:30:00.000Z");
    // In New York it is still Friday 18:30: one business day later is Monday 18:30 New York.
    expect(iso(addStepDelay(from, { delayMinutes: 1440, delayBusinessDays: true }, "America/New_York"))).toBe("2025-01-13T23:30:00.000Z");
  });

  it("keeps the local time of day across a DST change", () => {
    // Friday 7 March 2025, 09:00 EST (UTC-5); US clocks go forward on Sunday 9 March.
    const from = new Date("2025-03-07T14:00:00Z");
    // Monday 10 March 09:00 EDT (UTC-4) — 71 hours later, not 72.
    expect(iso(addStepDelay(from, { delayMinutes: 1440, delayBusinessDays: true }, "America/New_York"))).toBe("2025-03-10T13:00:00.000Z");
    // Autumn in Europe: Friday 24 Oct 2025 09:00 CEST (UTC+2) → Monday 27 Oct 09:00 CET (UTC+1).
    expect(iso(addStepDelay(new Date("2025-10-24T07:00:00Z"), { delayMinutes: 1440, delayBusinessDays: true }, "Europe/Berlin"))).toBe("2025-10-27T08:00:00.000Z");
  });

  it("treats zero business days as no wait, and spans several weeks", () => {
    const from = new Date("2025-01-08T12:00:00Z"); // Wednesday
    expect(iso(addStepDelay(from, { delayMinutes: 0, delayBusinessDays: true }, "UTC"))).toBe(iso(from));
    expect(iso(addStepDelay(from, { delayMinutes: 10 * 1440, delayBusinessDays: true }, "UTC"))).toBe("2025-01-22T12:00:00.000Z");
  });
});
