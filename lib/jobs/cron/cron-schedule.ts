// A small cron parser for function cron triggers: 5 fields (or 6 with leading seconds), lists, ranges, steps,
// month/day names, @hourly-style macros and an optional "TZ=Zone " prefix. Vixie semantics for day-of-month
// vs day-of-week: when both are restricted, either may match.
const MACROS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

export interface CronSchedule {
  seconds: Set<number> | null;
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  domRestricted: boolean;
  dowRestricted: boolean;
  timeZone: string | null;
}

function field(text: string, min: number, max: number, names: string[] = [], nameBase = 0): Set<number> {
  const values = new Set<number>();
  const value = (token: string) => {
    const i = names.indexOf(token.toUpperCase());
    const n = i >= 0 ? i + nameBase : Number(token);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`Cron value "${token}" is out of range ${min}-${max}`);
    return n;
  };
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`Cron step "${stepText}" is invalid`);
    let lo: number;
    let hi: number;
    if (range === "*" || range === "?") [lo, hi] = [min, max];
    else if (range.includes("-")) [lo, hi] = range.split("-").map(value) as [number, number];
    else [lo, hi] = [value(range), stepText === undefined ? value(range) : max];
    if (lo > hi) throw new Error(`Cron range "${range}" is empty`);
    for (let n = lo; n <= hi; n += step) values.add(n);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  let text = expression.trim();
  let timeZone: string | null = null;
  const tz = text.match(/^(?:CRON_)?TZ=(\S+)\s+/);
  if (tz) {
    timeZone = tz[1];
    new Intl.DateTimeFormat("en-US", { timeZone }); // throws on an unknown zone
    text = text.slice(tz[0].length);
  }
  text = MACROS[text.toLowerCase()] ?? text;
  const parts = text.split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) throw new Error(`Cron "${expression}" needs 5 or 6 fields`);
  const [sec, min, hour, dom, mon, dow] = parts.length === 6 ? parts : [null, ...parts];
  const daysOfWeek = field(dow!, 0, 7, DAYS);
  if (daysOfWeek.delete(7)) daysOfWeek.add(0);
  return {
    seconds: sec === null ? null : field(sec, 0, 59),
    minutes: field(min!, 0, 59),
    hours: field(hour!, 0, 23),
    daysOfMonth: field(dom!, 1, 31),
    months: field(mon!, 1, 12, MONTHS, 1),
    daysOfWeek,
    domRestricted: dom !== "*" && dom !== "?",
    dowRestricted: dow !== "*" && dow !== "?",
    timeZone,
  };
}

function dayMatches(s: CronSchedule, t: Date): boolean {
  const dom = s.daysOfMonth.has(t.getUTCDate());
  const dow = s.daysOfWeek.has(t.getUTCDay());
  if (s.domRestricted && s.dowRestricted) return dom || dow;
  if (s.domRestricted) return dom;
  if (s.dowRestricted) return dow;
  return true;
}

/** Offset (ms) of a zone from UTC at an instant. */
function zoneOffset(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The first time strictly after `after` that the schedule fires, or null if none within 5 years. */
export function nextCronTime(s: CronSchedule, after: Date): Date | null {
  const offset = s.timeZone ? zoneOffset(s.timeZone, after) : 0;
  // Work in wall-clock time, held in a Date's UTC fields.
  const t = new Date(after.getTime() + offset);
  t.setUTCMilliseconds(0);
  if (s.seconds) t.setUTCSeconds(t.getUTCSeconds() + 1);
  else t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
  const limit = t.getTime() + 5 * 366 * 86_400_000;
  while (t.getTime() < limit) {
    if (!s.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(s, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!s.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!s.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
    } else if (s.seconds && !s.seconds.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1, 0);
    } else {
      if (!s.timeZone) return t;
      const instant = new Date(t.getTime() - zoneOffset(s.timeZone, new Date(t.getTime() - offset)));
      return instant.getTime() > after.getTime() ? instant : nextCronTime(s, new Date(after.getTime() + 60_000));
    }
  }
  return null;
}
