// KeyValueStore over the @upstash/redis client (REST, or ioredis behind the custom requester).
import type { Redis } from "@upstash/redis";
import { ttlToMilliseconds, type KeyValueStore } from "./key-value-store";

export function createRedisStore(redis: Redis): KeyValueStore {
  return {
    async get<T>(key: string) {
      // We write JSON text; the client's automatic deserialisation parses it back. Anything
      // another writer stored that is not JSON comes back as the raw string.
      return (await redis.get<T>(key)) ?? null;
    },

    async set(key, value, options) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError(`Cannot store a value of type ${typeof value}`);
      if (options?.ttlSeconds === undefined) await redis.set(key, json);
      else await redis.set(key, json, { px: ttlToMilliseconds(options.ttlSeconds) });
    },

    async del(key) {
      await redis.del(key);
    },

    async incr(key, options) {
      if (options?.ttlSeconds === undefined) return await redis.incr(key);
      // One transaction, so a crash between INCR and PEXPIRE cannot leave a counter that never
      // expires; NX keeps later hits from extending the window.
      const [count] = await redis
        .multi()
        .incr(key)
        .pexpire(key, ttlToMilliseconds(options.ttlSeconds), "NX")
        .exec<[number, 0 | 1]>();
      return count;
    },

    async ttl(key) {
      const ms = await redis.pttl(key);
      if (ms === -2) return null;
      if (ms === -1) return Number.POSITIVE_INFINITY;
      return ms / 1000;
    },
  };
}
