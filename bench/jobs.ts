// Benchmark: 1,000 runs of a 5-step function on the embedded executor, on the machine's Postgres and on
// PGlite. A transition is the executor's hop from one step's result to the next step's start: the step's
// body ends, the SDK answers, the executor memoises the result and calls the app again, the SDK replays
// and the next body starts. Baseline: the same calls straight to the serve handler, no executor between.
//
//   npx tsx bench/jobs.ts [--runs=1000] [--app=process|inline] [--only=postgres|pglite] [--concurrency=4]
//
// Two topologies, both measured unless --app picks one:
//  - process: the app (the SDK's serve handler) in its own process, the executor in this one — like
//    `npm run jobs` beside `next start`. Keys: transition_p50_ms, …, and …_pglite.
//  - inline: app, executor (and PGlite) in one Node process — the embedded default inside `next start`.
//    Keys end in _inline.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { openNodePostgres } from "@/db/drivers/node-postgres";
import { openPglite } from "@/db/drivers/pglite";
import { queryRows } from "@/db/query-rows";
import type { OpenDatabase } from "@/db/types";
import { handleExecutorApi } from "@/lib/jobs/api/executor-api";
import { createExecutor, type Executor } from "@/lib/jobs/executor";
import { canonicalJson } from "@/lib/jobs/protocol/canonical-json";
import { signBody } from "@/lib/jobs/protocol/signature";
import { createScratchDatabase } from "@/tests/support/scratch-database";
import { createBenchApp } from "./jobs-app";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")));
const RUNS = Number(args.runs ?? 1000);
const STEPS = 5;
type AppMode = "process" | "inline";
const APP_MODES: AppMode[] = args.app === "inline" ? ["inline"] : args.app === "process" ? ["process"] : ["process", "inline"];
const CONCURRENCY = Number(args.concurrency ?? 4);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

interface App {
  origin: string;
  stop(): Promise<void>;
}

async function startApp(mode: AppMode, keys: { signingKey: string; eventKey: string }, executorOrigin: string): Promise<App> {
  if (mode === "inline") {
    const app = createBenchApp({ ...keys, executorOrigin });
    const origin = await app.listen();
    return { origin, stop: () => new Promise((r) => (app.server.closeAllConnections(), app.server.close(() => r()))) };
  }
  const extra = process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...extra, "--import", "tsx", "bench/jobs-app.ts", keys.signingKey, keys.eventKey, executorOrigin], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const m = chunk.toString().match(/LISTENING (\S+)/);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`bench app exited with ${code}`)));
  });
  return {
    origin,
    stop: () => new Promise<void>((resolve) => (child.once("exit", () => resolve()), child.kill("SIGINT"))),
  };
}

/** Direct signed calls to the serve handler (each runs one step, with the earlier ones memoised). */
async function baseline(appOrigin: string, signingKey: string, calls: number): Promise<number[]> {
  const hash = (id: string) => createHash("sha1").update(id).digest("hex");
  const event = { name: "bench/five", data: {}, id: "baseline", ts: Date.now() };
  const latencies: number[] = [];
  for (let i = 0; i < calls; i++) {
    const k = i % STEPS;
    const steps = Object.fromEntries(Array.from({ length: k }, (_, j) => [hash(`step-${j}`), { data: j }]));
    const stack = Object.keys(steps);
    const body = canonicalJson({
      event, events: [event], steps, version: 2,
      ctx: { run_id: `baseline-${i}`, attempt: 0, max_attempts: 4, disable_immediate_execution: false, use_api: false, stack: { stack, current: Math.max(0, k - 1) } },
    });
    const started = performance.now();
    const res = await fetch(`${appOrigin}/api/inngest?fnId=bench-five-steps&stepId=step`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-inngest-signature": signBody(body, signingKey), "x-inngest-req-version": "2" },
    });
    await res.text();
    if (res.status !== 206) throw new Error(`baseline call answered ${res.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies.sort((a, b) => a - b);
}

async function measure(label: string, mode: AppMode, opened: OpenDatabase): Promise<Record<string, string>> {
  await opened.migrate();
  const keys = { signingKey: `signkey-bench-${randomBytes(32).toString("hex")}`, eventKey: randomBytes(16).toString("hex") };
  let executor!: Executor;
  const api = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = await handleExecutorApi(request, (req.url ?? "/").split("?")[0].split("/").filter(Boolean), { context: executor.context, ...keys });
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
  const app = await startApp(mode, keys, `http://127.0.0.1:${(api.address() as AddressInfo).port}`);
  executor = createExecutor({
    db: opened.db,
    serveUrl: `${app.origin}/api/inngest`,
    ...keys,
    concurrency: CONCURRENCY,
    pollMs: 5,
    log: () => {},
  });
  executor.start();
  await executor.synced();

  const base = await baseline(app.origin, keys.signingKey, 500);
  await fetch(`${app.origin}/reset`);

  const started = performance.timeOrigin + performance.now();
  for (let i = 0; i < RUNS; i += 500) {
    await executor.ingest(Array.from({ length: Math.min(500, RUNS - i) }, (_, n) => ({ name: "bench/five", data: { n: i + n } })));
  }
  for (;;) {
    const [{ n }] = await queryRows<{ n: number }>(opened.db, sql`select count(*)::int as n from job_runs where status = 'completed'`);
    if (Number(n) >= RUNS) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const marks = (await (await fetch(`${app.origin}/stats`)).json()) as Record<string, number[]>;
  const [{ last }] = await queryRows<{ last: string }>(opened.db, sql`select max(ended_at) as last from job_runs`);
  const elapsedS = (new Date(last).getTime() - started) / 1000;
  const transitions: number[] = [];
  for (const m of Object.values(marks)) for (let i = 1; i < STEPS; i++) transitions.push(m[i * 2] - m[i * 2 - 1]);
  transitions.sort((a, b) => a - b);

  await executor.stop();
  await app.stop();
  api.closeAllConnections();
  api.close();
  if (label === "pglite") await opened.close();
  const suffix = `${label === "pglite" ? "_pglite" : ""}${mode === "inline" ? "_inline" : ""}`;
  return {
    [`transition_p50_ms${suffix}`]: fmt(percentile(transitions, 50)),
    [`transition_p99_ms${suffix}`]: fmt(percentile(transitions, 99)),
    // Every step of every run is one transition (the last one leads to the run's completion).
    [`transitions_per_s${suffix}`]: fmt((RUNS * STEPS) / elapsedS),
    [`baseline_direct_call_p50_ms${suffix}`]: fmt(percentile(base, 50)),
    [`baseline_direct_call_p99_ms${suffix}`]: fmt(percentile(base, 99)),
  };
}

async function measurePostgres(mode: AppMode): Promise<Record<string, string>> {
  const scratch = await createScratchDatabase(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres", "copilot_bench");
  const opened = openNodePostgres(scratch.url);
  // Dropping the scratch database at the end can hit a connection the pool is still closing: not a result.
  let closing = false;
  const pool = (opened.db as unknown as { $client: import("pg").Pool }).$client;
  pool.on("error", (e) => closing || console.error(`postgres pool error: ${e.message}`));
  try {
    return await measure("postgres", mode, opened);
  } finally {
    closing = true;
    await opened.close().catch(() => {});
    await scratch.drop();
  }
}

async function main() {
  const results: Record<string, string> = { runs: String(RUNS), steps_per_run: String(STEPS), worker_concurrency: String(CONCURRENCY) };
  for (const mode of APP_MODES) {
    if (args.only !== "pglite") Object.assign(results, await measurePostgres(mode));
    if (args.only !== "postgres") Object.assign(results, await measure("pglite", mode, openPglite("memory://")));
  }
  for (const [k, v] of Object.entries(results)) console.log(`${k}=${v}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
