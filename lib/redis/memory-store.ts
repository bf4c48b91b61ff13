// In-process KeyValueStore for the embedded default (no Redis configured). Same contract as Redis.
import { ttlToMilliseconds, type KeyValueStore } from "./key-value-store";

type Entry = { json: string; expiresAt: number | null };

export type MemoryStoreOptions = {
  /** Injectable clock (epoch ms) so tests control expiry instead of waiting it out. */
  now?: () => number;
  /** Expired keys are only dropped lazily; past this many keys a full sweep runs. */
  sweepThreshold?: number;
};

export function createMemoryStore(options: MemoryStoreOptions = {}): KeyValueStore {
  const now = options.now ?? Date.now;
  const sweepThreshold = options.sweepThreshold ?? 10_000;
  const entries = new Map<string, Entry>();

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function write(key: string, entry: Entry) {
    entries.set(key, entry);
    // A long-running server must not grow without bound on keys nobody reads again.
    if (entries.size > sweepThreshold) {
      const t = now();
      for (const [k, e] of entries) if (e.expiresAt !== null && e.expiresAt <= t) entries.delete(k);
    }
  }

  return {
    async get<T>(key: string) {
      const entry = live(key);
      return entry ? (JSON.parse(entry.json) as T) : null;
    },

    async set(key, value, opts) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError(`Cannot store a value of type ${typeof value}`);
      const expiresAt = opts?.ttlSeconds === undefined ? null : now() + ttlToMilliseconds(opts.ttlSeconds);
      write(key, { json, expiresAt });
    },

    async del(key) {
      entries.delete(key);
    },

    async incr(key, opts) {
      const entry = live(key);
      const current: unknown = entry ? JSON.parse(entry.json) : 0;
      // Same refusal as Redis INCR on anything but integer text (a JSON string "5" is `"5"` there).
      if (typeof current !== "number" || !Number.isSafeInteger(current)) throw new Error("ERR value is not an integer or out of range");
      let expiresAt = entry?.expiresAt ?? null;
      if (expiresAt === null && opts?.ttlSeconds !== undefined) expiresAt = now() + ttlToMilliseconds(opts.ttlSeconds);
      write(key, { json: JSON.stringify(current + 1), expiresAt });
      return current + 1;
    },

    async ttl(key) {
      const entry = live(key);
      if (!entry) return null;
      return entry.expiresAt === null ? Number.POSITIVE_INFINITY : (entry.expiresAt - now()) / 1000;
    },
  };
}
