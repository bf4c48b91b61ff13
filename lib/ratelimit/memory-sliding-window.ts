// In-process sliding-window limiter for when no Redis is configured. It is the same algorithm as
// @upstash/ratelimit's single-region slidingWindow Lua script, so a policy behaves identically in
// every runtime mode: two fixed buckets, the previous one weighted by how much of it still
// overlaps the sliding window (rounded down), and a denied request is not counted.

export type SlidingWindowDecision = {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms at which the current bucket ends (what @upstash/ratelimit reports as `reset`). */
  reset: number;
};

type Bucket = { window: number; count: number; previousCount: number };

export function createMemorySlidingWindow(options: { limit: number; windowMs: number; now?: () => number }) {
  const { limit, windowMs } = options;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  let sweptWindow = Number.NEGATIVE_INFINITY;

  /** Once per bucket period, forget identifiers idle for two periods (they would count as 0). */
  function sweep(currentWindow: number) {
    if (currentWindow <= sweptWindow) return;
    sweptWindow = currentWindow;
    for (const [key, bucket] of buckets) if (bucket.window < currentWindow - 1) buckets.delete(key);
  }

  return {
    limit(key: string): SlidingWindowDecision {
      const t = now();
      const currentWindow = Math.floor(t / windowMs);
      const reset = (currentWindow + 1) * windowMs;
      sweep(currentWindow);

      const stored = buckets.get(key);
      let count = 0;
      let previousCount = 0;
      if (stored?.window === currentWindow) {
        count = stored.count;
        previousCount = stored.previousCount;
      } else if (stored?.window === currentWindow - 1) {
        previousCount = stored.count;
      }

      const elapsedShare = (t % windowMs) / windowMs;
      const weightedPrevious = Math.floor((1 - elapsedShare) * previousCount);
      if (weightedPrevious + count >= limit) {
        return { success: false, limit, remaining: 0, reset };
      }
      count += 1;
      buckets.set(key, { window: currentWindow, count, previousCount });
      return { success: true, limit, remaining: Math.max(0, limit - (count + weightedPrevious)), reset };
    },
  };
}
