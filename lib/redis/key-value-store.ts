// The small cache/counter contract the app needs, with one implementation over Redis and one in memory.

/**
 * Values are JSON-serialisable; they are stored as JSON text so every backend hands back
 * an equal copy (a string "123" stays a string, an object is never shared by reference).
 * TTLs are in seconds and may be fractional (stored with millisecond precision).
 */
export interface KeyValueStore {
  get<T = unknown>(key: string): Promise<T | null>;
  /** Overwrites the value; without `ttlSeconds` the key no longer expires (like Redis SET). */
  set(key: string, value: unknown, options?: { ttlSeconds?: number }): Promise<void>;
  del(key: string): Promise<void>;
  /**
   * Adds one and returns the new count. `ttlSeconds` is applied only while the key has no expiry
   * (normally on the first increment), so a fixed window is never pushed back by later hits.
   */
  incr(key: string, options?: { ttlSeconds?: number }): Promise<number>;
  /** Seconds left before the key expires; `Infinity` if it never does; `null` if it does not exist. */
  ttl(key: string): Promise<number | null>;
}

export function ttlToMilliseconds(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive number, got ${ttlSeconds}`);
  }
  // Redis rejects a PX of 0, so anything below a millisecond rounds up to one.
  return Math.max(1, Math.round(ttlSeconds * 1000));
}

/** Namespaces every key, so several apps or test runs can share one Redis without collisions. */
export function withKeyPrefix(store: KeyValueStore, prefix: string): KeyValueStore {
  if (!prefix) return store;
  const k = (key: string) => prefix + key;
  return {
    get: <T>(key: string) => store.get<T>(k(key)),
    set: (key, value, options) => store.set(k(key), value, options),
    del: (key) => store.del(k(key)),
    incr: (key, options) => store.incr(k(key), options),
    ttl: (key) => store.ttl(k(key)),
  };
}
