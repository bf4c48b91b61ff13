// The KeyValueStore contract on every backend, and the requester's script bridging on redis-server.
import { createHash, randomUUID } from "node:crypto";
import { Redis as UpstashRedis } from "@upstash/redis";
import { Redis as IORedis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, connectRedis, getStore } from "@/lib/redis";
import { withKeyPrefix, type KeyValueStore } from "@/lib/redis/key-value-store";
import { createMemoryStore } from "@/lib/redis/memory-store";
import { createRedisStore } from "@/lib/redis/redis-store";
import {
  describeTitle,
  probeRedis,
  redisServerBinaryMissing,
  startPrivateRedisServer,
  testBackends,
  uniquePrefix,
  type OpenBackend,
} from "@/tests/support/redis-backends";

const redisSkipReason = await probeRedis();
if (redisSkipReason) console.warn(`[redis-store.test] Redis-backed suites skipped: ${redisSkipReason}`);
const prefix = uniquePrefix("store");
const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
/** A script only this run has sent, so no earlier SCRIPT LOAD can make the test pass by accident. */
const flaggedScript = (body: string) =>
  `#!lua flags=allow-key-locking\n-- ${randomUUID()}\n${body}`;

for (const backend of testBackends(redisSkipReason)) {
  describe.runIf(!backend.skipReason)(describeTitle(backend), () => {
    let open: OpenBackend;
    let store: KeyValueStore;
    let base: KeyValueStore;
    /** Lets time pass: the memory store's clock is injected; redis-server expires keys on its own clock. */
    let advance: (ms: number) => Promise<void>;

    beforeAll(async () => {
      open = await backend.open(prefix);
      if (open.redis) {
        base = createRedisStore(open.redis);
        advance = (ms) => new Promise((r) => setTimeout(r, ms));
      } else {
        let clock = Date.now();
        base = createMemoryStore({ now: () => clock });
        advance = async (ms) => void (clock += ms);
      }
      store = withKeyPrefix(base, prefix);
    });
    afterAll(async () => {
      await open?.teardown();
    });

    it("round-trips JSON values with their types, and reads a missing key as null", async () => {
      const values = { obj: { a: 1, nested: ["x", null] }, digits: "123", num: 42, flag: false, text: "héllo ✓" };
      for (const [key, value] of Object.entries(values)) await store.set(key, value);
      for (const [key, value] of Object.entries(values)) expect(await store.get(key)).toEqual(value);
      expect(typeof (await store.get("digits"))).toBe("string");
      expect(await store.get("never-set")).toBeNull();
    });

    it("reports the ttl of a key set with one, and a later set without ttl makes it permanent", async () => {
      await store.set("session", { id: 1 }, { ttlSeconds: 30 });
      const ttl = await store.ttl("session");
      expect(ttl).toBeGreaterThan(29);
      expect(ttl).toBeLessThanOrEqual(30);
      await store.set("session", { id: 2 });
      expect(await store.ttl("session")).toBe(Number.POSITIVE_INFINITY);
      expect(await store.ttl("no-such-key")).toBeNull();
    });

    it("forgets a key once its ttl has passed", async () => {
      await store.set("short", "soon gone", { ttlSeconds: 0.15 });
      expect(await store.get("short")).toBe("soon gone");
      await advance(300);
      expect(await store.get("short")).toBeNull();
      expect(await store.ttl("short")).toBeNull();
    });

    it("deletes a key, and deleting a missing key is not an error", async () => {
      await store.set("doomed", [1, 2, 3]);
      await store.del("doomed");
      expect(await store.get("doomed")).toBeNull();
      await expect(store.del("doomed")).resolves.toBeUndefined();
    });

    it("increments from 1 and applies the ttl only while the counter has none", async () => {
      expect(await store.incr("hits", { ttlSeconds: 10 })).toBe(1);
      expect(await store.incr("hits", { ttlSeconds: 100 })).toBe(2);
      expect(await store.incr("hits")).toBe(3);
      const ttl = await store.ttl("hits");
      expect(ttl).toBeGreaterThan(9);
      expect(ttl).toBeLessThanOrEqual(10);
      expect(await store.get("hits")).toBe(3);
    });

    it("refuses to increment a value that is not an integer", async () => {
      await store.set("word", "5");
      await expect(store.incr("word")).rejects.toThrow(/not an integer/);
    });

    it("keeps keys with different prefixes apart", async () => {
      const a = withKeyPrefix(base, `${prefix}a:`);
      const b = withKeyPrefix(base, `${prefix}b:`);
      await a.set("same", "from a");
      expect(await b.get("same")).toBeNull();
      expect(await a.get("same")).toBe("from a");
      if (open.raw) expect(await open.raw.get(`${prefix}a:same`)).toBe('"from a"');
    });

    if (backend.kind === "memory") return;

    it("runs a script starting with the allow-key-locking flag line by EVALSHA of its original hash", async () => {
      const redis = open.redis!;
      const script = flaggedScript("return redis.call('INCR', KEYS[1])");
      const key = `${prefix}script-counter`;
      await expect(open.raw!.eval(script, 1, key), "redis-server itself rejects the flag").rejects.toThrow(
        /Unexpected flag/,
      );
      await expect(redis.evalsha(sha1(script), [key], [])).rejects.toThrow(/NOSCRIPT/);
      expect(await redis.scriptLoad(script)).toBe(sha1(script));
      expect(await redis.scriptExists(sha1(script))).toEqual([1]);
      expect(await redis.evalsha(sha1(script), [key], [])).toBe(1);
      expect(await redis.evalsha(sha1(script), [key], [])).toBe(2);
      // Inside a transaction the known script still runs, in order with the other commands.
      expect(await redis.multi().evalsha(sha1(script), [key], []).incr(key).exec()).toEqual([3, 4]);
      expect(await redis.eval(flaggedScript("return {KEYS[1], ARGV[1]}"), ["k"], ["v"])).toEqual(["k", "v"]);
    });

    it("hands the client raw replies: hgetall as pairs it turns into an object, errors per pipeline command", async () => {
      const redis = open.redis!;
      const hash = `${prefix}hash`;
      await redis.hset(hash, { a: 1, b: "x" });
      expect(await redis.hgetall(hash)).toEqual({ a: 1, b: "x" });
      const text = `${prefix}text`;
      const results = await redis.pipeline().set(text, "abc").incr(text).get(text).exec({ keepErrors: true });
      expect(results[0]).toEqual({ result: "OK", error: undefined });
      expect(results[1].error).toMatch(/not an integer/);
      expect(results[2].result).toBe("abc");
    });

    if (backend.kind === "upstash-rest") {
      it("refuses a wrong bearer token with 401", async () => {
        const res = await fetch(open.rest!.url, {
          method: "POST",
          headers: { authorization: "Bearer wrong", "content-type": "application/json" },
          body: JSON.stringify(["PING"]),
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: "Unauthorized" });
        const stranger = new UpstashRedis({ url: open.rest!.url, token: "wrong", retry: false });
        await expect(stranger.get("anything")).rejects.toThrow(/Unauthorized/);
      });

      it("answers in base64 only when the client asks, and the client asks by default", async () => {
        const echo = async (headers: Record<string, string>) => {
          const res = await fetch(open.rest!.url, {
            method: "POST",
            headers: { authorization: `Bearer ${open.rest!.token}`, ...headers },
            body: JSON.stringify(["ECHO", "héllo ✓"]),
          });
          return (await res.json()) as { result: string };
        };
        expect((await echo({ "Upstash-Encoding": "base64" })).result).toBe(Buffer.from("héllo ✓").toString("base64"));
        expect((await echo({})).result).toBe("héllo ✓");
        expect(open.rest!.requests.some((r) => r.base64)).toBe(true);
        // The client auto-pipelines single commands; transactions and some reads go on their own paths.
        expect(open.rest!.requests.map((r) => r.path)).toEqual(expect.arrayContaining(["/", "/pipeline", "/multi-exec"]));
      });
    }
  });
}

describe.runIf(!redisServerBinaryMissing())("ioredis requester when redis-server forgets scripts", () => {
  let server: Awaited<ReturnType<typeof startPrivateRedisServer>>;
  beforeAll(async () => {
    server = await startPrivateRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("re-sends the rewritten script after SCRIPT FLUSH instead of failing with NOSCRIPT", async () => {
    const connection = connectRedis({ REDIS_URL: server.url, UPSTASH_REDIS_REST_URL: undefined, UPSTASH_REDIS_REST_TOKEN: undefined })!;
    const raw = new IORedis(server.url);
    try {
      const script = flaggedScript("return redis.call('INCR', KEYS[1])");
      expect(await connection.redis.eval(script, ["n"], [])).toBe(1);
      await raw.script("FLUSH");
      const stripped = script.slice(script.indexOf("\n") + 1);
      await expect(raw.evalsha(sha1(stripped), 1, "n"), "the flush really dropped it").rejects.toThrow(/NOSCRIPT/);
      expect(await connection.redis.evalsha(sha1(script), ["n"], [])).toBe(2);
      expect(await connection.redis.evalsha(sha1(script), ["n"], [])).toBe(3);
    } finally {
      await connection.close();
      await raw.quit();
    }
  });
});

describe("getStore()", () => {
  afterAll(async () => {
    await closeRedis();
  });

  it("is never null and round-trips through whichever backend the environment configures", async () => {
    const store = getStore();
    const key = `test:${randomUUID()}`;
    await store.set(key, { ok: true }, { ttlSeconds: 5 });
    expect(await store.get(key)).toEqual({ ok: true });
    await store.del(key);
    expect(await store.get(key)).toBeNull();
  });
});
