// The embedded executor: syncs the app's functions, runs worker loops over the durable queue, accepts events.
import { randomBytes } from "node:crypto";
import { lt, sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import { jobEvents, jobIdempotencyKeys } from "@/db/schema/jobs";
import { systemClock, type Clock } from "./clock";
import type { DriverContext } from "./driver/driver-context";
import { processItem } from "./driver/process-item";
import { ingestEvents } from "./events/ingest-events";
import { FunctionRegistry } from "./function-registry";
import { addLocalExecutor, removeLocalExecutor } from "./local-executors";
import { syncApp } from "./protocol/sync-app";
import { claimDueWork } from "./store/claim-work";
import { extendLeases, releaseLease } from "./store/queue";
import { registerApp, type RegisterResult } from "./store/register-functions";
import { WorkerPool } from "./worker/worker-pool";

export interface ExecutorOptions {
  db: Db;
  /** The app's serve endpoint, e.g. http://127.0.0.1:3000/api/inngest. */
  serveUrl: string;
  /** null only for an app in unsigned dev mode (INNGEST_DEV=1): never beyond localhost. */
  signingKey: string | null;
  eventKey: string;
  clock?: Clock;
  workerId?: string;
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  retry?: { baseMs: number; maxMs: number };
  requestTimeoutMs?: number;
  /** Re-sync this often so changed function definitions are picked up (null: only at start). */
  syncIntervalMs?: number | null;
  fetch?: typeof fetch;
  log?: (message: string, detail?: Record<string, unknown>) => void;
}

export interface Executor {
  readonly context: DriverContext;
  /** Starts the worker loops and the sync loop (which retries until the app answers). */
  start(): void;
  /** Resolves after the first successful sync. */
  synced(): Promise<RegisterResult>;
  sync(): Promise<RegisterResult>;
  ingest(body: unknown, seed?: string | null): Promise<{ ids: string[] }>;
  poke(): void;
  stop(): Promise<void>;
}

const defaultLog = (message: string, detail?: Record<string, unknown>) => console.error(`[jobs] ${message}`, detail ?? "");

export function createExecutor(o: ExecutorOptions): Executor {
  const log = o.log ?? defaultLog;
  let pool: WorkerPool | null = null;
  const ctx: DriverContext = {
    db: o.db,
    clock: o.clock ?? systemClock,
    functions: new FunctionRegistry(),
    onWork: () => pool?.poke(),
    log,
    workerId: o.workerId ?? `w-${randomBytes(6).toString("hex")}`,
    signingKey: o.signingKey,
    fetch: o.fetch,
    leaseMs: o.leaseMs ?? 30_000,
    retry: o.retry ?? { baseMs: 1_000, maxMs: 3_600_000 },
    requestTimeoutMs: o.requestTimeoutMs ?? 300_000,
    continuing: new Map(),
  };
  pool = new WorkerPool({
    concurrency: o.concurrency ?? 32,
    pollMs: o.pollMs ?? 200,
    leaseMs: ctx.leaseMs,
    claim: (limit) => claimDueWork(o.db, { now: ctx.clock.now(), workerId: ctx.workerId, leaseMs: ctx.leaseMs, limit }),
    process: (item) => processItem(ctx, item),
    heartbeat: (ids) => extendLeases(o.db, ids, ctx.workerId, new Date(Date.now() + ctx.leaseMs)),
    release: (item) => {
      ctx.continuing.delete(item.id);
      return releaseLease(o.db, item.id, ctx.workerId, new Date(ctx.clock.now().getTime() + 1_000));
    },
    onError: (error, item) => log("work item failed unexpectedly", { item: item?.id, kind: item?.kind, error: String(error) }),
  });

  let stopped = false;
  let timers: ReturnType<typeof setTimeout>[] = [];
  let resolveSynced!: (r: RegisterResult) => void;
  const syncedPromise = new Promise<RegisterResult>((resolve) => (resolveSynced = resolve));
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    timers.push(t);
  };

  async function sync(): Promise<RegisterResult> {
    const app = await syncApp({ serveUrl: o.serveUrl, signingKey: o.signingKey, fetch: o.fetch });
    const result = await registerApp(o.db, app, ctx.clock.now());
    ctx.functions.invalidate();
    for (const p of result.problems) log(`function ${p.id} was not synced: ${p.problem}`);
    pool?.poke();
    return result;
  }

  async function syncLoop(delay = 250): Promise<void> {
    if (stopped) return;
    try {
      resolveSynced(await sync());
      if (o.syncIntervalMs) later(o.syncIntervalMs, () => void syncLoop());
    } catch (error) {
      if (delay >= 4_000) log(`waiting for ${o.serveUrl} to answer the sync`, { error: String(error) });
      later(delay, () => void syncLoop(Math.min(delay * 2, 10_000)));
    }
  }

  async function maintenance(): Promise<void> {
    if (stopped) return;
    const dayAgo = new Date(ctx.clock.now().getTime() - 86_400_000);
    try {
      // Event ids deduplicate for 24 h (as on Inngest); runs keep their own copy of their event.
      await o.db.delete(jobEvents).where(lt(jobEvents.receivedAt, dayAgo));
      await o.db.delete(jobIdempotencyKeys).where(lt(jobIdempotencyKeys.expiresAt, sql`${ctx.clock.now().toISOString()}::timestamptz`));
    } catch (error) {
      log("maintenance failed", { error: String(error) });
    }
    later(10 * 60_000, () => void maintenance());
  }

  const executor: Executor = {
    context: ctx,
    start() {
      stopped = false;
      pool!.start();
      addLocalExecutor(executor);
      void syncLoop();
      later(60_000, () => void maintenance());
    },
    synced: () => syncedPromise,
    sync,
    ingest: (body, seed = null) => ingestEvents(ctx, body, seed),
    poke: () => pool?.poke(),
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers = [];
      removeLocalExecutor(executor);
      await pool!.stop();
    },
  };
  return executor;
}
