// Finds when an out-of-office sender is back ("back on Monday 14 December", "returning 12/14",
// "until 2026-12-14", "after the 14th"), as YYYY-MM-DD, counting from the day the reply arrived.

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const ORD = "(?:st|nd|rd|th)?";
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const DAY_MS = 86_400_000;
// A cue says the date that follows is the way back; "after"/"through" name the last day away.
const CUE = /\b(back|return\w*|in the office|resum\w*|until|till|til|through|thru|after|from|to)\b/gi;
// "to" only counts as the end of a range ("from 1 Dec to 14 Dec"), so a date must follow at once.
const DATE_START = new RegExp(`^\\s*(?:\\d|${MONTH}|the\\s+\\d|monday|tuesday|wednesday|thursday|friday)`, "i");

type Found = { date: Date; explicitYear: boolean };

function utcDay(y: number, m: number, d: number): Date | null {
  const date = new Date(Date.UTC(y, m, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m && date.getUTCDate() === d ? date : null;
}

function fullYear(y: string | undefined, fallback: number): number {
  if (!y) return fallback;
  const n = Number(y);
  return n < 100 ? 2000 + n : n;
}

/** The first date a span names, most explicit form first. Year-less dates take the reply's year for now. */
function findDate(span: string, received: Date): Found | null {
  const year = received.getUTCFullYear();
  const s = span.toLowerCase();
  let m = s.match(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/);
  if (m) {
    const d = utcDay(+m[1], +m[2] - 1, +m[3]);
    if (d) return { date: d, explicitYear: true };
  }
  m = s.match(new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${ORD}\\b(?:,?\\s+(\\d{4}))?`));
  const n = s.match(new RegExp(`\\b(\\d{1,2})${ORD}(?:\\s+of)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?`));
  // Whichever of "December 14" / "14 December" comes first in the span.
  const monthFirst = m && (!n || (m.index ?? 0) <= (n.index ?? 0));
  if (m && monthFirst) {
    const d = utcDay(fullYear(m[3], year), MONTHS.indexOf(m[1].slice(0, 3)), +m[2]);
    if (d) return { date: d, explicitYear: !!m[3] };
  }
  if (n) {
    const d = utcDay(fullYear(n[3], year), MONTHS.indexOf(n[2].slice(0, 3)), +n[1]);
    if (d) return { date: d, explicitYear: !!n[3] };
  }
  // Numeric dates read month first (US) unless the first number cannot be a month.
  m = s.match(/\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/) ?? s.match(/\b(\d{1,2})\.(\d{1,2})\.(\d{2,4})\b/);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    const [month, day] = a > 12 ? [b, a] : [a, b];
    const d = utcDay(fullYear(m[3], year), month - 1, day);
    if (d) return { date: d, explicitYear: !!m[3] };
  }
  m = s.match(/\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b/);
  if (m) {
    const day = +m[1];
    for (let offset = 0; offset < 3; offset++) {
      const month = received.getUTCMonth() + offset;
      const d = utcDay(year + Math.floor(month / 12), month % 12, day);
      if (d && d.getTime() >= startOfDay(received)) return { date: d, explicitYear: true };
    }
  }
  m = s.match(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/);
  if (m) {
    const ahead = (WEEKDAYS.indexOf(m[1]) - received.getUTCDay() + 7) % 7 || 7;
    return { date: new Date(startOfDay(received) + ahead * DAY_MS), explicitYear: true };
  }
  if (/\btomorrow\b/.test(s)) return { date: new Date(startOfDay(received) + DAY_MS), explicitYear: true };
  if (/\bnext week\b/.test(s)) {
    const ahead = (1 - received.getUTCDay() + 7) % 7 || 7;
    return { date: new Date(startOfDay(received) + ahead * DAY_MS), explicitYear: true };
  }
  m = s.match(/\bin\s+(\d+|a|one|two|three|four|five|six)\s+(day|week)s?\b/);
  if (m) {
    const count = NUMBER_WORDS[m[1]] ?? +m[1];
    return { date: new Date(startOfDay(received) + count * (m[2] === "week" ? 7 : 1) * DAY_MS), explicitYear: true };
  }
  return null;
}

function startOfDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** A year-less date well before the reply means next year ("back 3 January", sent in December). */
function rollForward(found: Found, received: Date): Date {
  if (found.explicitYear || found.date.getTime() >= startOfDay(received) - 7 * DAY_MS) return found.date;
  return utcDay(found.date.getUTCFullYear() + 1, found.date.getUTCMonth(), found.date.getUTCDate()) ?? found.date;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function parseReturnDate(text: string, receivedAt: Date): string | null {
  for (const cue of text.matchAll(CUE)) {
    const start = (cue.index ?? 0) + cue[0].length;
    // The date belongs to the cue only if it follows closely, inside the same sentence.
    const span = text.slice(start, start + 60).split(/\n|\.\s/)[0];
    const found = findDate(span, receivedAt);
    if (!found) continue;
    const cueWord = cue[1].toLowerCase();
    if (cueWord === "to" && !DATE_START.test(span)) continue;
    if (cueWord === "from" && !/\bback\b|\breturn/i.test(text.slice(Math.max(0, (cue.index ?? 0) - 25), cue.index))) continue;
    let date = rollForward(found, receivedAt);
    // "after the 14th", "through Friday", "1 Dec to 11 Dec": the named day is the last one away.
    if (["after", "through", "thru", "to"].includes(cueWord) || /^\s*(?:after|through|thru)\b/i.test(span)) {
      date = new Date(date.getTime() + DAY_MS);
    }
    return iso(date);
  }
  return null;
}
