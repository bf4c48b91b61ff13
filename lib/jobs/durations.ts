// Durations as the SDK writes them ("1d2h30m10s", "500ms", "24h") and sleep targets (a duration or an ISO date).
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds in a duration string or number; null when it cannot be read. */
export function parseDuration(input: unknown): number | null {
  if (typeof input === "number") return Number.isFinite(input) && input >= 0 ? input : null;
  if (typeof input !== "string") return null;
  const text = input.replace(/\s+/g, "");
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const re = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const match of text.matchAll(re)) {
    total += Number(match[1]) * UNIT_MS[match[2]];
    consumed += match[0].length;
  }
  return consumed > 0 && consumed === text.length ? total : null;
}

/** When a sleep ends: `name` is "1d2h" (from step.sleep) or an ISO date (from step.sleepUntil). */
export function sleepTarget(value: unknown, now: Date): Date | null {
  const ms = parseDuration(value);
  if (ms !== null) return new Date(now.getTime() + ms);
  if (typeof value === "string") {
    const at = Date.parse(value);
    if (Number.isFinite(at)) return new Date(at);
  }
  return null;
}
