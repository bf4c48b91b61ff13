// One rate-limit suite, run against every backend the app can be configured with.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { createRateLimiter, enforceRateLimit, RATE_LIMIT_POLICIES, type RateLimitPolicy } from "@/lib/ratelimit";
import { closeRedis } from "@/lib/redis";
import { describeTitle, probeRedis, testBackends, uniquePrefix, type OpenBackend } from "@/tests/support/redis-backends";

const redisSkipReason = await probeRedis();
if (redisSkipReason) console.warn(`[ratelimit.test] Redis-backed suites skipped: ${redisSkipReason}`);

const WINDOW_SECONDS = 2;
const WINDOW_MS = WINDOW_SECONDS * 1000;
const prefix = uniquePrefix("ratelimit");

/**
 * Time is controlled, not waited out: only Date is faked (sockets and timers stay real), and
 * @upstash/ratelimit passes Date.now() to its Lua script, so this drives every backend alike.
 */
function moveToWindowStart(windowsAhead = 1, offsetMs = 100): number {
  const start = (Math.floor(Date.now() / WINDOW_MS) + windowsAhead) * WINDOW_MS;
  vi.setSystemTime(start + offsetMs);
  return start;
}

for (const backend of testBackends(redisSkipReason)) {
  describe.runIf(!backend.skipReason)(describeTitle(backend), () => {
    let open: OpenBackend;
    beforeAll(async () => {
      open = await backend.open(prefix);
    });
    afterAll(async () => {
      await open?.teardown();
    });
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ["Date"] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    function limiter(overrides: Partial<RateLimitPolicy> = {}) {
      const policy = { name: `t-${randomUUID().slice(0, 8)}`, limit: 3, windowSeconds: WINDOW_SECONDS, ...overrides };
      return createRateLimiter(policy, { redis: open.redis, keyPrefix: prefix });
    }

    it("allows N requests, then denies the next with a retry-after inside the window", async () => {
      const rl = limiter();
      const windowStart = moveToWindowStart();
      const allowed = [await rl.check("ip-1"), await rl.check("ip-1"), await rl.check("ip-1")];
      expect(allowed.map((r) => [r.success, r.remaining, r.retryAfterSeconds])).toEqual([
        [true, 2, 0],
        [true, 1, 0],
        [true, 0, 0],
      ]);
      const denied = await rl.check("ip-1");
      expect(denied.success).toBe(false);
      expect(denied.limit).toBe(3);
      expect(denied.remaining).toBe(0);
      expect(denied.retryAfterSeconds).toBeGreaterThan(0);
      expect(denied.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);
      expect(denied.resetAt.getTime()).toBe(windowStart + WINDOW_MS);
    });

    it("counts each identifier separately", async () => {
      const rl = limiter();
      moveToWindowStart();
      for (let i = 0; i < 3; i++) expect((await rl.check("user-a")).success).toBe(true);
      expect((await rl.check("user-a")).success).toBe(false);
      const other = await rl.check("user-b");
      expect(other.success).toBe(true);
      expect(other.remaining).toBe(2);
    });

    it("keeps policies with the same identifier apart", async () => {
      const first = limiter({ limit: 1 });
      const second = limiter({ limit: 1 });
      moveToWindowStart();
      expect((await first.check("shared")).success).toBe(true);
      expect((await first.check("shared")).success).toBe(false);
      expect((await second.check("shared")).success).toBe(true);
    });

    it("still weighs the previous window just after it ends, and allows the full limit once it has slid past", async () => {
      const rl = limiter();
      const windowStart = moveToWindowStart();
      for (let i = 0; i < 3; i++) await rl.check("ip-2");
      expect((await rl.check("ip-2")).success).toBe(false);

      // 10% into the next window, 90% of the previous 3 still count: floor(2.7) = 2, so one more fits.
      vi.setSystemTime(windowStart + WINDOW_MS + WINDOW_MS / 10);
      const oneMore = await rl.check("ip-2");
      expect([oneMore.success, oneMore.remaining]).toEqual([true, 0]);
      expect((await rl.check("ip-2")).success).toBe(false);

      vi.setSystemTime(windowStart + 3 * WINDOW_MS + 100);
      const fresh = [await rl.check("ip-2"), await rl.check("ip-2"), await rl.check("ip-2")];
      expect(fresh.map((r) => [r.success, r.remaining])).toEqual([
        [true, 2],
        [true, 1],
        [true, 0],
      ]);
    });

    it("enforce throws a 429 AppError that says what was limited and when to retry", async () => {
      const rl = limiter({ limit: 2, what: "test pings from this address" });
      moveToWindowStart();
      const ok = await rl.enforce("ip-3");
      expect(ok.remaining).toBe(1);
      await rl.enforce("ip-3");
      const error = await rl.enforce("ip-3").then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe("rate_limited");
      expect(appError.status).toBe(429);
      expect(appError.retryAfterSeconds).toBeGreaterThan(0);
      expect(appError.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);
      expect(appError.message).toMatch(/^Too many test pings from this address\. Try again in [12] seconds?\.$/);
    });

    if (backend.kind !== "memory") {
      it("stores counters under <prefix>rl:<policy> without the raw identifier in the key", async () => {
        const rl = limiter();
        moveToWindowStart();
        await rl.check("alice@example.com");
        const keys = await open.raw!.keys(`${prefix}rl:${rl.policy.name}:*`);
        expect(keys).toHaveLength(1);
        expect(keys[0]).not.toContain("alice");
        expect(await open.raw!.get(keys[0])).toBe("1");
      });
    }
  });
}

describe("in-process limiter with an injected clock", () => {
  it("denies at the limit and allows again once the window has slid past", async () => {
    let clock = 1_000_000 * WINDOW_MS + 50;
    const rl = createRateLimiter({ name: "clock", limit: 2, windowSeconds: WINDOW_SECONDS }, { redis: null, now: () => clock });
    expect((await rl.check("x")).success).toBe(true);
    expect((await rl.check("x")).success).toBe(true);
    const denied = await rl.check("x");
    expect(denied.success).toBe(false);
    expect(denied.retryAfterSeconds).toBe(2); // 1950 ms left in the window, rounded up
    clock += 2 * WINDOW_MS;
    expect((await rl.check("x")).success).toBe(true);
  });
});

describe("named policies", () => {
  afterEach(async () => {
    vi.useRealTimers();
    await closeRedis();
  });

  it("have the documented limits and windows", () => {
    expect(RATE_LIMIT_POLICIES).toMatchObject({
      signIn: { limit: 10, windowSeconds: 600 },
      magicLinkEmail: { limit: 5, windowSeconds: 3600 },
      aiGenerateUser: { limit: 20, windowSeconds: 60 },
      aiGenerateTeam: { limit: 200, windowSeconds: 60 },
      publicApi: { limit: 600, windowSeconds: 60 },
      tracking: { limit: 300, windowSeconds: 60 },
      invite: { limit: 50, windowSeconds: 3600 },
    });
  });

  // Runs on whatever the environment configures (in-process unless REDIS_URL / Upstash is set).
  it.skipIf(Boolean(process.env.REDIS_URL) && redisSkipReason !== null)("enforceRateLimit('signIn') lets 10 attempts from one IP through, then refuses for minutes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.floor(Date.now() / 600_000 + 1) * 600_000 + 1_000);
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    for (let i = 0; i < 10; i++) await enforceRateLimit("signIn", ip);
    const error = (await enforceRateLimit("signIn", ip).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(599);
    expect(error.message).toBe("Too many sign-in attempts from this network. Try again in 10 minutes.");
  });
});
