import "server-only";
// The process-wide Redis client and cache store, chosen by environment:
//   UPSTASH_REDIS_REST_URL + _TOKEN → @upstash/redis over REST (cloud)
//   REDIS_URL                       → the same client, forwarding to ioredis (self-hosted / CI)
//   neither                         → no Redis; getStore() is an in-process store
import { Redis } from "@upstash/redis";
import { Redis as IORedis } from "ioredis";
import { env, type Env } from "@/lib/env";
import { createIoredisRequester } from "@/lib/redis/ioredis-requester";
import { withKeyPrefix, type KeyValueStore } from "@/lib/redis/key-value-store";
import { createMemoryStore } from "@/lib/redis/memory-store";
import { createRedisStore } from "@/lib/redis/redis-store";

export type { KeyValueStore } from "@/lib/redis/key-value-store";

export type RedisMode = "upstash" | "ioredis" | "memory";
export type RedisConfig = Pick<Env, "REDIS_URL" | "UPSTASH_REDIS_REST_URL" | "UPSTASH_REDIS_REST_TOKEN">;
export type RedisConnection = { mode: Exclude<RedisMode, "memory">; redis: Redis; close(): Promise<void> };

/**
 * Builds a client from explicit settings (tests use this to reach each backend).
 * Upstash wins when both are set: on Vercel REDIS_URL may be injected by an unrelated integration.
 */
export function connectRedis(config: RedisConfig): RedisConnection | null {
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token, REDIS_URL } = config;
  if (url || token) {
    if (!url || !token) {
      throw new Error("Set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither.");
    }
    return { mode: "upstash", redis: new Redis({ url, token }), close: async () => {} };
  }
  if (REDIS_URL) {
    const client = new IORedis(REDIS_URL, {
      // Fail a command after a few reconnect attempts instead of queueing it for ever; callers
      // (rate limits, cache) decide what an outage means for them.
      maxRetriesPerRequest: 3,
      connectionName: "sales-copilot",
    });
    // Without a listener ioredis reports every reconnect attempt as an unhandled 'error' event.
    client.on("error", (error: Error) => console.warn(`[redis] ${error.message}`));
    return {
      mode: "ioredis",
      redis: new Redis(createIoredisRequester(client)),
      close: async () => {
        await client.quit().catch(() => client.disconnect());
      },
    };
  }
  return null;
}

type State = { connection: RedisConnection | null; store: KeyValueStore };
let state: State | undefined;

function current(): State {
  if (!state) {
    const e = env();
    const connection = connectRedis(e);
    const base = connection ? createRedisStore(connection.redis) : createMemoryStore();
    state = { connection, store: withKeyPrefix(base, e.REDIS_KEY_PREFIX) };
  }
  return state;
}

/** The shared @upstash/redis client, or null when the app runs without Redis. */
export function getRedis(): Redis | null {
  return current().connection?.redis ?? null;
}

export function getRedisMode(): RedisMode {
  return current().connection?.mode ?? "memory";
}

/** Cache and counters, prefixed with REDIS_KEY_PREFIX; in memory when no Redis is configured. */
export function getStore(): KeyValueStore {
  return current().store;
}

/** Closes the connection (tests, graceful shutdown); the next call reconnects from env. */
export async function closeRedis(): Promise<void> {
  const closing = state?.connection;
  state = undefined;
  await closing?.close();
}
