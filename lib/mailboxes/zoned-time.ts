// Wall-clock time in an IANA time zone, with nothing but Intl: the parts of an instant, and the instant of
// a local date + minute-of-day (DST gaps resolve forward, overlaps to the earlier instant).

export type ZonedParts = { year: number; month: number; day: number; weekday: number; minuteOfDay: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const DAY_MS = 86_400_000;
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function zonedParts(instant: Date, timeZone: string): ZonedParts & { second: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday],
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Offset of the zone from UTC at an instant, in ms (local = utc + offset). */
function offsetAt(instant: number, timeZone: string): number {
  const p = zonedParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, 0, p.minuteOfDay, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function zonedToInstant(date: { year: number; month: number; day: number }, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // The zone's offsets around this wall time (a DST change is never closer than a day to another).
  const offsets = [...new Set([offsetAt(wall - DAY_MS, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY_MS, timeZone)])];
  const exact = offsets.map((o) => wall - o).filter((instant) => offsetAt(instant, timeZone) === wall - instant);
  // Fall-back overlap: two instants read this wall time; take the earlier one.
  if (exact.length > 0) return new Date(Math.min(...exact));
  // Spring-forward gap: the wall time does not exist; move forward by the gap, as clocks do.
  return new Date(wall - Math.min(...offsets));
}

/** The local calendar date `days` after the given one (calendar arithmetic, DST-proof). */
export function addLocalDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
