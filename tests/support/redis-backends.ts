// The three ways the app reaches its cache and rate limits, opened the same way so one suite
// can run against each: in process, redis-server through the ioredis requester, and the real
// @upstash/redis REST client against a local wire-compatible server backed by redis-server.
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import net from "node:net";
import os from "node:os";
import { Redis as UpstashRedis } from "@upstash/redis";
import { Redis as IORedis } from "ioredis";
import { connectRedis } from "@/lib/redis";
import { startUpstashRestServer } from "./upstash-rest-server";

export const TEST_REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

/** A key prefix no other run (parallel or previous) uses. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${randomUUID().slice(0, 8)}:`;
}

/** null when the server answers PING; otherwise why the Redis-backed suites are skipped. */
export async function probeRedis(url = TEST_REDIS_URL): Promise<string | null> {
  const client = new IORedis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let firstError: Error | undefined;
  client.on("error", (error: Error) => (firstError ??= error));
  try {
    await client.connect();
    const pong = await client.ping();
    return pong === "PONG" ? null : `${url} answered PING with ${pong}`;
  } catch (error) {
    const why = (firstError ?? (error as Error)).message;
    return `no redis-server reachable at ${url} (${why}); start one or set REDIS_URL`;
  } finally {
    client.disconnect();
  }
}

export type BackendKind = "memory" | "ioredis" | "upstash-rest";

export type OpenBackend = {
  /** The @upstash/redis client under test, or null for the in-process backend. */
  redis: UpstashRedis | null;
  /** A plain connection to the same redis-server, for looking behind the client's back. */
  raw: IORedis | null;
  rest?: Awaited<ReturnType<typeof startUpstashRestServer>>;
  teardown(): Promise<void>;
};

export type TestBackend = { kind: BackendKind; title: string; skipReason: string | null; open(prefix: string): Promise<OpenBackend> };

function rawConnection(url: string): IORedis {
  const raw = new IORedis(url, { maxRetriesPerRequest: 1 });
  raw.on("error", () => {});
  return raw;
}

async function deleteKeys(raw: IORedis, prefix: string) {
  for await (const keys of raw.scanStream({ match: `${prefix}*`, count: 500 })) {
    if ((keys as string[]).length) await raw.del(...(keys as string[]));
  }
}

export function testBackends(redisSkipReason: string | null): TestBackend[] {
  const url = TEST_REDIS_URL;
  return [
    {
      kind: "memory",
      title: "in-process backend",
      skipReason: null,
      open: async () => ({ redis: null, raw: null, teardown: async () => {} }),
    },
    {
      kind: "ioredis",
      title: `redis-server through the ioredis requester (${url})`,
      skipReason: redisSkipReason,
      async open(prefix) {
        const connection = connectRedis({ REDIS_URL: url, UPSTASH_REDIS_REST_URL: undefined, UPSTASH_REDIS_REST_TOKEN: undefined });
        const raw = rawConnection(url);
        return {
          redis: connection!.redis,
          raw,
          async teardown() {
            await deleteKeys(raw, prefix);
            await connection!.close();
            await raw.quit();
          },
        };
      },
    },
    {
      kind: "upstash-rest",
      title: `Upstash REST client against a local wire-compatible server (${url})`,
      skipReason: redisSkipReason,
      async open(prefix) {
        const rest = await startUpstashRestServer({ redisUrl: url });
        // retry: false so a wrong answer fails the test at once instead of after five backoffs.
        const redis = new UpstashRedis({ url: rest.url, token: rest.token, retry: false, enableTelemetry: false });
        const raw = rawConnection(url);
        return {
          redis,
          raw,
          rest,
          async teardown() {
            await deleteKeys(raw, prefix);
            await rest.close();
            await raw.quit();
          },
        };
      },
    },
  ];
}

export function describeTitle(backend: TestBackend): string {
  return backend.skipReason ? `${backend.title} — SKIPPED: ${backend.skipReason}` : backend.title;
}

/** null when a redis-server binary can be started here; otherwise why not. */
export function redisServerBinaryMissing(): string | null {
  const result = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  return result.status === 0 ? null : "no redis-server binary on PATH to start a private instance";
}

/**
 * A throw-away redis-server on a free port, for tests that must do something server-wide
 * (SCRIPT FLUSH) without disturbing anyone else using the shared one.
 */
export async function startPrivateRedisServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await new Promise<number>((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port: p } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(p));
    });
    probe.on("error", reject);
  });
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", os.tmpdir()],
    { stdio: "ignore" },
  );
  const url = `redis://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let attempt = 0; ; attempt++) {
    if ((await probeRedis(url)) === null) break;
    if (attempt > 50 || child.exitCode !== null) throw new Error(`private redis-server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
