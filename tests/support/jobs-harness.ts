// A real Inngest SDK serve handler and our real executor on one local HTTP server, for the jobs tests:
// `/api/inngest` is the SDK (inngest/node), everything else the executor's API (event intake, registration).
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/types";
import { jobRuns, jobSteps, type JobRun } from "@/db/schema/jobs";
import { handleExecutorApi } from "@/lib/jobs/api/executor-api";
import { createAdjustableClock, type AdjustableClock } from "@/lib/jobs/clock";
import { createExecutor, type Executor, type ExecutorOptions } from "@/lib/jobs/executor";
import { sendResponse, toRequest } from "./jobs-http";

export const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };

export interface JobsHarness {
  origin: string;
  serveUrl: string;
  client: Inngest;
  executor: Executor;
  clock: AdjustableClock;
  db: Db;
  signingKey: string;
  eventKey: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  appId?: string;
  functions: (client: Inngest) => InngestFunction.Any[];
  executor?: Partial<ExecutorOptions>;
  db?: Db;
  start?: boolean;
  /** Unsigned dev mode on the SDK side (the executor then needs `signingKey: null`). */
  dev?: boolean;
}

export async function startJobsHarness(o: HarnessOptions): Promise<JobsHarness> {
  const signingKey = `signkey-test-${randomBytes(32).toString("hex")}`;
  const eventKey = randomBytes(16).toString("hex");
  const db = o.db ?? (await getDb());
  const clock = createAdjustableClock();
  let executor!: Executor;
  type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;
  let sdkHandler: NodeHandler | null = null;

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname === "/api/inngest" && sdkHandler) return void (await sdkHandler(req, res));
      const request = await toRequest(req, `http://${req.headers.host}`);
      const path = url.pathname.split("/").filter(Boolean);
      const response = await handleExecutorApi(request, path, { context: executor.context, eventKey, signingKey: o.dev ? null : signingKey });
      await sendResponse(res, response);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const serveUrl = `${origin}/api/inngest`;

  const client = new Inngest({
    id: o.appId ?? "test-app",
    isDev: o.dev ?? false,
    signingKey,
    eventKey,
    baseUrl: `${origin}/`,
    logger: process.env.JOBS_TEST_DEBUG ? undefined : quietLogger,
  });
  sdkHandler = serve({ client, functions: o.functions(client) }) as NodeHandler;

  executor = createExecutor({
    db,
    serveUrl,
    signingKey,
    eventKey,
    clock,
    pollMs: 20,
    leaseMs: 10_000,
    concurrency: 16,
    retry: { baseMs: 20, maxMs: 200 },
    log: process.env.JOBS_TEST_DEBUG ? undefined : () => {},
    ...o.executor,
  });
  if (o.start !== false) {
    executor.start();
    await executor.synced();
  }
  return {
    origin,
    serveUrl,
    client,
    executor,
    clock,
    db,
    signingKey,
    eventKey,
    async close() {
      await executor.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export async function runsFor(db: Db, functionId: string): Promise<JobRun[]> {
  return db.select().from(jobRuns).where(eq(jobRuns.functionId, functionId)).orderBy(asc(jobRuns.id));
}

export async function runForEvent(db: Db, eventId: string, functionId?: string): Promise<JobRun | null> {
  const rows = await db
    .select()
    .from(jobRuns)
    .where(functionId ? and(eq(jobRuns.eventId, eventId), eq(jobRuns.functionId, functionId)) : eq(jobRuns.eventId, eventId));
  return rows[0] ?? null;
}

const FINISHED = ["completed", "failed", "cancelled"];

export async function waitForRunEnd(db: Db, runId: string, timeoutMs?: number): Promise<JobRun> {
  return waitFor(async () => {
    const [run] = await db.select().from(jobRuns).where(eq(jobRuns.id, runId));
    return run && FINISHED.includes(run.status) ? run : null;
  }, `run ${runId} to finish`, timeoutMs);
}

export async function waitForRunStatus(db: Db, runId: string, status: JobRun["status"], timeoutMs?: number): Promise<JobRun> {
  return waitFor(async () => {
    const [run] = await db.select().from(jobRuns).where(eq(jobRuns.id, runId));
    return run?.status === status ? run : null;
  }, `run ${runId} to be ${status}`, timeoutMs);
}

/** Sends one event through the SDK and returns the run it started for `functionId`. */
export async function sendAndFindRun(h: JobsHarness, functionId: string, event: { name: string; data?: Record<string, unknown>; id?: string }) {
  const { ids } = await h.client.send({ data: {}, ...event });
  return waitFor(() => runForEvent(h.db, ids[0], functionId), `a run of ${functionId} for ${event.name}`);
}

export async function stepsOf(db: Db, runId: string) {
  return db.select().from(jobSteps).where(eq(jobSteps.runId, runId)).orderBy(asc(jobSteps.seq));
}
