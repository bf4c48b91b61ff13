// Benchmark: open-pixel and click-redirect hits against `next start`, side by side in the same run with a bare
// node:http server answering the same 43-byte GIF and with the cheapest Next route that touches no database
// (the floor: what Next itself costs per request on this machine). Every acknowledged hit must be recorded:
// events_lost compares 200/302 answers with email_events rows (human and machine alike).
//
//   npx tsx --conditions=react-server bench/tracking.ts [--duration=5] [--connections=32] [--max-requests=200000] [--warmup=1]
//
// DATABASE_URL set → a scratch database on that server (dropped at the end); unset → PGlite in a fresh DATA_DIR.
// Needs a production build (`npx next build`); runs it once if .next/BUILD_ID is missing.
// All hits come from one client address (X-Forwarded-For), so beyond the `tracking` policy's 300/min they
// are recorded as machine events (rate_limited) without the human counter updates, as a scanner's would be.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openPglite } from "@/db/drivers/pglite";
import { queryRows } from "@/db/query-rows";
import type { Queryable } from "@/db/types";
import { freePort, waitForHttp } from "@/tests/support/local-server";
import { createScratchDatabase } from "@/tests/support/scratch-database";
import { runLoad, type LoadResult } from "./load-generator";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")));
const DURATION_MS = Number(args.duration ?? 5) * 1000;
const WARMUP_MS = Number(args.warmup ?? 1) * 1000;
const CONNECTIONS = Number(args.connections ?? 32);
const MAX_REQUESTS = Number(args["max-requests"] ?? 200_000);
const HEALTH_PATH = "/api/inngest-executor/health";
const root = path.resolve(import.meta.dirname, "..");
const BROWSER_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const HEADERS = { "user-agent": BROWSER_UA, "x-forwarded-for": "203.0.113.10" };

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();
const note = (line: string) => console.error(`# ${line}`);

/** Stops a process group we started, by its PID, and waits for it to go. */
async function stopGroup(child: ChildProcess) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

// The baseline in its own process, like the Next server, so it does not share the load generator's thread.
const NODE_HTTP_SERVER = `
const http = require("node:http");
const gif = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
const headers = { "Cache-Control": "no-store, no-cache, must-revalidate, private, max-age=0", Pragma: "no-cache", Expires: "0",
  "Content-Type": "image/gif", "Content-Length": String(gif.length) };
const server = http.createServer((req, res) => { res.writeHead(200, headers); res.end(gif); });
server.listen(0, "127.0.0.1", () => console.log("LISTENING " + server.address().port));
`;

async function startNodeHttp(): Promise<{ origin: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["-e", NODE_HTTP_SERVER], { stdio: ["ignore", "pipe", "inherit"], detached: true });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const m = chunk.toString().match(/LISTENING (\d+)/);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`node:http baseline exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, child };
}

async function startNext(env: NodeJS.ProcessEnv, dataDir: string): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const log = fs.openSync(path.join(dataDir, "next-start.log"), "a");
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...env, PORT: String(port), APP_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", log, log],
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${origin}${HEALTH_PATH}`, child);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { origin, child };
}

const load = (url: string, durationMs: number) => runLoad({ url, connections: CONNECTIONS, maxRequests: MAX_REQUESTS, headers: HEADERS, durationMs });

function describe(label: string, result: LoadResult) {
  note(`${label}: ${result.requests} requests in ${fmt(result.elapsedMs / 1000)} s, statuses ${JSON.stringify(result.statuses)}, errors ${result.errors}, p50 ${fmt(result.p50Ms)} ms, p99 ${fmt(result.p99Ms)} ms`);
  return result;
}

async function countEvents(db: Queryable, emailId: string) {
  const [row] = await queryRows<{ total: number; machine: number }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where is_machine)::int as machine from email_events where email_id = ${emailId}`,
  );
  return { total: Number(row.total), machine: Number(row.machine) };
}

async function main() {
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
    note("no .next/BUILD_ID: running npx next build once");
    const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: ["ignore", 2, 2] });
    if (build.status !== 0) throw new Error(`next build failed with status ${build.status}`);
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "copilot-bench-tracking-"));
  const usePostgres = Boolean(process.env.DATABASE_URL);
  const scratch = usePostgres ? await createScratchDatabase(process.env.DATABASE_URL!, "copilot_bench") : undefined;
  // The same environment for this process (seeding, signing) and the server: same secret, same database.
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
  process.env.DATA_DIR = dataDir;
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  delete process.env.POSTGRES_URL;
  delete process.env.PGLITE_DIR;
  if (scratch) process.env.DATABASE_URL = scratch.url;
  else delete process.env.DATABASE_URL;
  const serverEnv: NodeJS.ProcessEnv = { ...process.env };
  delete (serverEnv as Record<string, string | undefined>).NODE_ENV;
  note(`database: ${scratch ? `postgres scratch ${scratch.name}` : `pglite ${path.join(dataDir, "pglite")}`}; ${os.cpus().length} CPUs; ${CONNECTIONS} connections, ${DURATION_MS / 1000} s per target after ${WARMUP_MS / 1000} s warm-up`);

  // App modules read the environment on first use, so they are loaded only now.
  const { database } = await import("@/db");
  const { teamScope } = await import("@/lib/teams/team-scope");
  const { rewriteLinks } = await import("@/lib/tracking/rewrite-links");
  const { signTrackingToken } = await import("@/lib/tracking/sign-tracking-token");
  const { createSendingFixture } = await import("@/tests/support/sending-fixtures");

  const servers: ChildProcess[] = [];
  let appDb: Awaited<ReturnType<typeof database>> | undefined = await database();
  try {
    const fx = await createSendingFixture();
    const { html } = await teamScope(fx.team.id, (tx) =>
      rewriteLinks(`<p><a href="https://acme.test/pricing?plan=pro">pricing</a></p>`, { tx, teamId: fx.team.id, emailId: fx.email.id }),
    );
    const clickToken = /\/t\/c\/([A-Za-z0-9_-]+)/.exec(html)![1];
    const openToken = signTrackingToken({ kind: "open", teamId: fx.team.id, emailId: fx.email.id });
    const before = await countEvents(appDb.db, fx.email.id);
    if (!usePostgres) {
      // PGlite: one process per directory, so the seeding handle closes before the server opens it.
      await appDb.close();
      appDb = undefined;
    }

    const nodeHttp = await startNodeHttp();
    servers.push(nodeHttp.child);
    const next = await startNext(serverEnv, dataDir);
    servers.push(next.child);
    // The floor: the open route itself with a token whose MAC fails. Same middleware, routing, params and
    // token check, then a constant response: no rate limit, no database. Everything above it is recording.
    const badToken = openToken.slice(0, -2) + (openToken.endsWith("AA") ? "BA" : "AA");
    const floorPath = `/t/o/${badToken}`;
    note(`next floor route: GET /t/o/<token with a bad MAC> → 404 from the open route before any rate limit or database; also GET ${HEALTH_PATH} (embedded executor health JSON)`);
    const check = await fetch(`${next.origin}/t/c/${clickToken}`, { redirect: "manual", headers: HEADERS });
    const floorCheck = await fetch(`${next.origin}${floorPath}`, { headers: HEADERS });
    await floorCheck.arrayBuffer();
    note(`sanity: click answered ${check.status} → ${check.headers.get("location")}; floor answered ${floorCheck.status}`);

    const targets = {
      node_http: `${nodeHttp.origin}/t/o/${openToken}`,
      next_floor: `${next.origin}${floorPath}`,
      next_health: `${next.origin}${HEALTH_PATH}`,
      open: `${next.origin}/t/o/${openToken}`,
      click: `${next.origin}/t/c/${clickToken}`,
    };
    // Warm every target first, so no one is measured on a colder JIT than the others.
    const warmups = {} as Record<keyof typeof targets, LoadResult | undefined>;
    for (const [k, url] of Object.entries(targets) as [keyof typeof targets, string][]) warmups[k] = WARMUP_MS ? await load(url, WARMUP_MS) : undefined;
    const runs = {} as Record<keyof typeof targets, LoadResult>;
    for (const [k, url] of Object.entries(targets) as [keyof typeof targets, string][]) runs[k] = describe(k, await load(url, DURATION_MS));
    const nodeRun = { result: runs.node_http };
    const floorRun = { result: runs.next_floor };
    const openRun = { result: runs.open };
    const clickRun = { result: runs.click };

    const acknowledged =
      1 + // the sanity click
      [runs.open, warmups.open].reduce((n, r) => n + (r?.statuses[200] ?? 0), 0) +
      [runs.click, warmups.click].reduce((n, r) => n + (r?.statuses[302] ?? 0), 0);

    let after: { total: number; machine: number };
    if (appDb) {
      after = await countEvents(appDb.db, fx.email.id);
      await stopGroup(next.child);
    } else {
      await stopGroup(next.child);
      const reopened = openPglite(path.join(dataDir, "pglite"));
      after = await countEvents(reopened.db, fx.email.id);
      await reopened.close();
    }
    await stopGroup(nodeHttp.child);
    const recorded = after.total - before.total;
    note(`events: ${recorded} recorded (${after.machine - before.machine} machine), ${acknowledged} acknowledged (200/302)`);

    const lines: Record<string, string> = {
      connections: String(CONNECTIONS),
      duration_s: String(DURATION_MS / 1000),
      open_rps: fmt(openRun.result.rps),
      click_rps: fmt(clickRun.result.rps),
      open_p50_ms: fmt(openRun.result.p50Ms),
      open_p99_ms: fmt(openRun.result.p99Ms),
      click_p50_ms: fmt(clickRun.result.p50Ms),
      click_p99_ms: fmt(clickRun.result.p99Ms),
      node_http_rps: fmt(nodeRun.result.rps),
      node_http_p50_ms: fmt(nodeRun.result.p50Ms),
      node_http_p99_ms: fmt(nodeRun.result.p99Ms),
      next_floor_rps: fmt(floorRun.result.rps),
      next_floor_p50_ms: fmt(floorRun.result.p50Ms),
      next_floor_p99_ms: fmt(floorRun.result.p99Ms),
      next_health_rps: fmt(runs.next_health.rps),
      ratio_vs_node_http: fmt(openRun.result.rps / nodeRun.result.rps),
      ratio_vs_next_floor: fmt(openRun.result.rps / floorRun.result.rps),
      events_lost: String(acknowledged - recorded),
    };
    for (const [k, v] of Object.entries(lines)) console.log(`${k}=${v}`);
  } finally {
    for (const child of servers) await stopGroup(child).catch(() => {});
    if (appDb) await appDb.close().catch(() => {});
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
