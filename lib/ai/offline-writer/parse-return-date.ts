// Finds when an out-of-office sender is back ("back on Monday 14 December", "returning 12/14",
// "until 2026-12-14", "after the 14th", "ab dem 14.12.2026", "de retour le 14 décembre"), as
// YYYY-MM-DD, counting from the day the reply arrived. English, German and French: the languages our
// teams' prospects write auto-replies in; other languages fall back to numeric and ISO dates after an
// English cue, or to no date (the sequence then waits its normal delay).

// Every month name and usual abbreviation in the three languages; monthIndex maps each back.
// The look-ahead keeps "mar" from matching the start of "market" and "mai" of "mail".
const MONTH =
  "(jan(?:uary|uar|vier)?|janv|feb(?:ruary|ruar)?|f[ée]v(?:r(?:ier)?)?|märz|maerz|mär|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|ma[iy]|june?|juni|juin|july?|juli|juil(?:let)?|aug(?:ust)?|ao[uû]t|sep(?:t(?:ember|embre)?)?|o[ck]t(?:ober|obre)?|nov(?:ember|embre)?|d[ée][cz](?:ember|embre)?)(?![a-zà-ÿ])\\.?";
const MONTH_PREFIXES: Array<[string, number]> = [
  ["jan", 0], ["feb", 1], ["fev", 1], ["mar", 2], ["mae", 2], ["apr", 3], ["avr", 3], ["may", 4], ["mai", 4],
  ["juin", 5], ["jun", 5], ["juil", 6], ["jul", 6], ["aug", 7], ["aou", 7], ["sep", 8], ["oct", 9], ["okt", 9],
  ["nov", 10], ["dec", 11], ["dez", 11],
];
const WEEKDAY_NUMBERS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6,
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
};
const WEEKDAY = `(${Object.keys(WEEKDAY_NUMBERS).join("|")})`;
// "14th", "1er" (French), "14." (German, "14. Dezember").
const ORD = "(?:st|nd|rd|th|er|\\.)?";
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const DAY_MS = 86_400_000;
// A cue says the date that follows is the way back; "after"/"through"/"bis einschließlich" name the last
// day away. \b is ASCII-only, so letters around a cue are excluded with Unicode look-arounds ("zurück").
const CUE =
  /(?<!\p{L})(back|return\w*|in the office|resum\w*|until|till|til|through|thru|after|from|to|ab dem|ab|zurück|bis einschlie(?:ß|ss)lich|bis inklusive|bis zum|bis|de retour|retour|à partir du|à partir de|dès le|jusqu['’]au|au)(?!\p{L})/giu;
// Cues that are common words elsewhere ("to", "ab", "au") only count when a date follows at once.
const DATE_START = new RegExp(`^\\s*(?:le\\s+|dem\\s+|den\\s+)?(?:\\d|${MONTH}|the\\s+\\d|${WEEKDAY})`, "i");
const RANGE_END = ["after", "through", "thru", "to", "au"];

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
    const d = utcDay(fullYear(m[3], year), monthIndex(m[1]), +m[2]);
    if (d) return { date: d, explicitYear: !!m[3] };
  }
  if (n) {
    const d = utcDay(fullYear(n[3], year), monthIndex(n[2]), +n[1]);
    if (d) return { date: d, explicitYear: !!n[3] };
  }
  // Slashed dates read month first (US) unless the first number cannot be a month ("14/12/2026");
  // dotted dates are European ("14.12.2026", "1.12."), always day first.
  m = s.match(/\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    const [month, day] = a > 12 ? [b, a] : [a, b];
    const d = utcDay(fullYear(m[3], year), month - 1, day);
    if (d) return { date: d, explicitYear: !!m[3] };
  }
  m = s.match(/\b(\d{1,2})\.(\d{1,2})\.(?:(\d{4}|\d{2})\b)?/);
  if (m) {
    const d = utcDay(fullYear(m[3], year), +m[2] - 1, +m[1]);
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
  m = s.match(new RegExp(`\\b${WEEKDAY}\\b`));
  if (m) {
    const ahead = (WEEKDAY_NUMBERS[m[1]] - received.getUTCDay() + 7) % 7 || 7;
    return { date: new Date(startOfDay(received) + ahead * DAY_MS), explicitYear: true };
  }
  if (/\b(?:tomorrow|demain)\b/.test(s)) return { date: new Date(startOfDay(received) + DAY_MS), explicitYear: true };
  if (/\bnext week\b|nächsten? woche|semaine prochaine/.test(s)) {
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

function monthIndex(name: string): number {
  const plain = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return MONTH_PREFIXES.find(([prefix]) => plain.startsWith(prefix))?.[1] ?? -1;
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
    // The date belongs to the cue only if it follows closely, inside the same sentence. A full stop after
    // a number ("14. Dezember", "14.12. wieder") or before one ("Dec. 14") does not end the sentence.
    const span = text.slice(start, start + 60).split(/\n|(?<!\d)\.\s+(?=\p{Lu})/u)[0];
    const found = findDate(span, receivedAt);
    if (!found) continue;
    const cueWord = cue[1].toLowerCase();
    const before = text.slice(Math.max(0, (cue.index ?? 0) - 25), cue.index);
    if (["to", "ab", "au"].includes(cueWord) && !DATE_START.test(span)) continue;
    if (cueWord === "from" && !/\bback\b|\breturn/i.test(before)) continue;
    let date = rollForward(found, receivedAt);
    // "after the 14th", "through Friday", "1 Dec to 11 Dec", "du 1er au 11 décembre", "vom 1.12. bis 11.12.",
    // "bis einschließlich 11.12.", "jusqu'au 11 décembre inclus": the named day is the last one away.
    // A lone "bis"/"jusqu'au", like "until", is read as the day back (the existing English reading).
    const rangeEnd = cueWord === "bis" && /\d\.?\s*$/.test(before);
    const inclusive = /^bis (?:einschlie|inklusive)/.test(cueWord) || /^[^.\n]{0,25}\binclus\b/i.test(span);
    if (RANGE_END.includes(cueWord) || rangeEnd || inclusive || /^\s*(?:after|through|thru)\b/i.test(span)) {
      date = new Date(date.getTime() + DAY_MS);
    }
    return iso(date);
  }
  return null;
}
