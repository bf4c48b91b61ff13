// Child process for the crash test: an app (SDK serve handler) plus the embedded executor on one server, on
// a Postgres database given by the parent. Each step of "crashy" inserts a side-effect row, then lingers a
// little so a kill -9 can land between a step's side effect and its memoisation.
//   node --import tsx tests/support/jobs-crash-child.ts   (env: CRASH_DATABASE_URL, CRASH_SIGNING_KEY, CRASH_EVENT_KEY)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import pg from "pg";
import { openNodePostgres } from "@/db/drivers/node-postgres";
import { handleExecutorApi } from "@/lib/jobs/api/executor-api";
import { createExecutor, type Executor } from "@/lib/jobs/executor";
import { sendResponse, toRequest } from "./jobs-http";

const { CRASH_DATABASE_URL: url, CRASH_SIGNING_KEY: signingKey, CRASH_EVENT_KEY: eventKey } = process.env;
if (!url || !signingKey || !eventKey) throw new Error("CRASH_DATABASE_URL, CRASH_SIGNING_KEY and CRASH_EVENT_KEY are required");

const sideEffects = new pg.Pool({ connectionString: url, max: 2 });
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const opened = openNodePostgres(url);
let executor!: Executor;
let sdkHandler!: (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

// /api/inngest is the app (the SDK); everything else the executor's API.
const server = http.createServer(async (req, res) => {
  if (req.url?.startsWith("/api/inngest")) return void sdkHandler(req, res);
  const request = await toRequest(req, `http://${req.headers.host}`);
  const path = new URL(request.url).pathname.split("/").filter(Boolean);
  await sendResponse(res, await handleExecutorApi(request, path, { context: executor.context, eventKey, signingKey }));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const client = new Inngest({ id: "crash-app", isDev: false, signingKey, eventKey, baseUrl: `${origin}/`, logger: quiet });
const crashy = client.createFunction({ id: "crashy", triggers: [{ event: "test/crashy" }] }, async ({ runId, step }) => {
  const ids: number[] = [];
  for (let i = 1; i <= 5; i++) {
    ids.push(
      await step.run(`effect-${i}`, async () => {
        const { rows } = await sideEffects.query(
          "insert into crash_side_effects (run_id, step, pid) values ($1, $2, $3) returning id",
          [runId, `effect-${i}`, process.pid],
        );
        await new Promise((r) => setTimeout(r, 120));
        return rows[0].id as number;
      }),
    );
  }
  return ids;
});
sdkHandler = serve({ client, functions: [crashy] }) as typeof sdkHandler;

executor = createExecutor({
  db: opened.db,
  serveUrl: `${origin}/api/inngest`,
  signingKey,
  eventKey,
  workerId: `child-${process.pid}`,
  leaseMs: Number(process.env.CRASH_LEASE_MS ?? 1500),
  pollMs: 25,
  log: () => {},
});
executor.start();
await executor.synced();
console.log(`READY ${origin}`);
