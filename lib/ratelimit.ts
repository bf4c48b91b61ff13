import "server-only";
// Named rate-limit policies (sliding window). With Redis configured (REST or REDIS_URL) they run
// on @upstash/ratelimit, shared by every instance; without Redis, in process with the same math.
import { createHash } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getRedis } from "@/lib/redis";
import { createMemorySlidingWindow, type SlidingWindowDecision } from "@/lib/ratelimit/memory-sliding-window";

export type RateLimitPolicy = {
  /** Part of the Redis key: keep it stable, or counts restart. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** Plural noun phrase for the user-facing message: "Too many <what>." */
  what?: string;
};

export const RATE_LIMIT_POLICIES = {
  signIn: { limit: 10, windowSeconds: 10 * 60, what: "sign-in attempts from this network" },
  magicLinkEmail: { limit: 5, windowSeconds: 60 * 60, what: "sign-in links sent to this email address" },
  aiGenerateUser: { limit: 20, windowSeconds: 60, what: "AI generations from your account" },
  aiGenerateTeam: { limit: 200, windowSeconds: 60, what: "AI generations from your team" },
  publicApi: { limit: 600, windowSeconds: 60, what: "API requests with this key" },
  tracking: { limit: 300, windowSeconds: 60, what: "tracking requests from this address" },
  invite: { limit: 50, windowSeconds: 60 * 60, what: "invitations from your team" },
} as const satisfies Record<string, Omit<RateLimitPolicy, "name">>;

export type RateLimitPolicyName = keyof typeof RATE_LIMIT_POLICIES;

export type RateLimitResult = {
  success: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends; by then at least one more request is allowed. */
  resetAt: Date;
  /** 0 when allowed; otherwise whole seconds until resetAt (at least 1). */
  retryAfterSeconds: number;
};

export interface RateLimiter {
  readonly policy: RateLimitPolicy;
  check(identifier: string): Promise<RateLimitResult>;
  /** Like check, but throws AppError("rate_limited") when denied. */
  enforce(identifier: string): Promise<RateLimitResult>;
}

export type RateLimiterOptions = {
  /** Defaults to getRedis(); pass null to force the in-process backend. */
  redis?: Redis | null;
  /** Defaults to REDIS_KEY_PREFIX; keys are `<prefix>rl:<policy name>:<hashed identifier>:<bucket>`. */
  keyPrefix?: string;
  /** Clock for the in-process backend (Ratelimit reads Date.now itself). */
  now?: () => number;
};

type Decide = (key: string) => Promise<SlidingWindowDecision>;

function redisBackend(policy: RateLimitPolicy, redis: Redis, prefix: string): Decide {
  const ratelimit = new Ratelimit({
    redis,
    prefix,
    limiter: Ratelimit.slidingWindow(policy.limit, `${policy.windowSeconds} s`),
    // Off: the ephemeral cache keeps denying in one instance until the bucket ends even when the
    // sliding window (as Redis computes it) already allows again, so instances would disagree
    // with each other and with the in-process backend. Its Map also never forgets identifiers it
    // does not see again, which a long-running self-hosted server would accumulate.
    ephemeralCache: false,
    analytics: false,
  });
  return async (key) => {
    const r = await ratelimit.limit(key);
    // On a Redis timeout the library lets the request through with limit/reset 0.
    return r.reset === 0
      ? { success: r.success, limit: policy.limit, remaining: r.remaining, reset: Date.now() + policy.windowSeconds * 1000 }
      : { success: r.success, limit: r.limit, remaining: r.remaining, reset: r.reset };
  };
}

export function createRateLimiter(policy: RateLimitPolicy, options: RateLimiterOptions = {}): RateLimiter {
  if (!Number.isSafeInteger(policy.limit) || policy.limit < 1) throw new RangeError("limit must be a positive integer");
  if (!(policy.windowSeconds > 0)) throw new RangeError("windowSeconds must be positive");
  const redis = options.redis === undefined ? getRedis() : options.redis;
  const prefix = `${options.keyPrefix ?? env().REDIS_KEY_PREFIX}rl:${policy.name}`;
  const now = redis ? Date.now : (options.now ?? Date.now);
  let decide: Decide;
  if (redis) {
    decide = redisBackend(policy, redis, prefix);
  } else {
    const memory = createMemorySlidingWindow({ limit: policy.limit, windowMs: policy.windowSeconds * 1000, now });
    decide = async (key) => memory.limit(`${prefix}:${key}`);
  }

  async function check(identifier: string): Promise<RateLimitResult> {
    const d = await decide(hashIdentifier(identifier));
    const retryAfterSeconds = d.success ? 0 : Math.max(1, Math.ceil((d.reset - now()) / 1000));
    return { success: d.success, limit: d.limit, remaining: d.remaining, resetAt: new Date(d.reset), retryAfterSeconds };
  }

  async function enforce(identifier: string): Promise<RateLimitResult> {
    const result = await check(identifier);
    if (!result.success) {
      const what = policy.what ?? `requests (${policy.name})`;
      throw new AppError("rate_limited", `Too many ${what}. Try again in ${formatWait(result.retryAfterSeconds)}.`, {
        retryAfterSeconds: result.retryAfterSeconds,
      });
    }
    return result;
  }

  return { policy, check, enforce };
}

/** Identifiers include email addresses and API keys; hashing keeps them out of Redis key names. */
function hashIdentifier(identifier: string): string {
  return createHash("sha256").update(identifier, "utf8").digest("base64url").slice(0, 32);
}

function formatWait(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds < 60) return plural(seconds, "second");
  if (seconds < 3600) return plural(Math.ceil(seconds / 60), "minute");
  return plural(Math.ceil(seconds / 3600), "hour");
}

// One limiter per policy, rebuilt if the Redis client changed (closeRedis in tests, reconnect).
const limiters = new Map<RateLimitPolicyName, { redis: Redis | null; limiter: RateLimiter }>();

function limiterFor(name: RateLimitPolicyName): RateLimiter {
  const redis = getRedis();
  const cached = limiters.get(name);
  if (cached && cached.redis === redis) return cached.limiter;
  const limiter = createRateLimiter({ name, ...RATE_LIMIT_POLICIES[name] }, { redis });
  limiters.set(name, { redis, limiter });
  return limiter;
}

export function checkRateLimit(policy: RateLimitPolicyName, identifier: string): Promise<RateLimitResult> {
  return limiterFor(policy).check(identifier);
}

export function enforceRateLimit(policy: RateLimitPolicyName, identifier: string): Promise<RateLimitResult> {
  return limiterFor(policy).enforce(identifier);
}
