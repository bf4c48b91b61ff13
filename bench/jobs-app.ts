// The app side of bench/jobs.ts: a real Inngest serve handler (inngest/node) for one 5-step function,
// run in its own process. Each step records when it started and ended; GET /stats returns them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { serve } from "inngest/node";

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const now = () => performance.timeOrigin + performance.now();

export function createBenchApp(options: { signingKey: string; eventKey: string; executorOrigin: string }) {
  const marks = new Map<string, number[]>();
  const client = new Inngest({
    id: "bench",
    isDev: false,
    signingKey: options.signingKey,
    eventKey: options.eventKey,
    baseUrl: `${options.executorOrigin}/`,
    logger: quiet,
  });
  const five = client.createFunction({ id: "five-steps", triggers: [{ event: "bench/five" }] }, async ({ runId, step }) => {
    let total = 0;
    for (let i = 0; i < 5; i++) {
      total += await step.run(`step-${i}`, () => {
        const m = marks.get(runId) ?? [];
        m[i * 2] = now();
        marks.set(runId, m);
        m[i * 2 + 1] = now();
        return i;
      });
    }
    return total;
  });
  const handler = serve({ client, functions: [five] });
  const server = http.createServer((req, res) => {
    if (req.url === "/stats") {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify(Object.fromEntries(marks)));
    }
    if (req.url === "/reset") {
      marks.clear();
      return void res.writeHead(204).end();
    }
    return handler(req, res);
  });
  server.keepAliveTimeout = 60_000;
  return {
    server,
    async listen(): Promise<string> {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
  };
}

// Run as a child process: keys and executor origin from argv, prints its origin on stdout.
if (process.argv[1]?.endsWith("jobs-app.ts") && process.argv[2]) {
  const [signingKey, eventKey, executorOrigin] = process.argv.slice(2);
  const app = createBenchApp({ signingKey, eventKey, executorOrigin });
  app.listen().then((origin) => console.log(`LISTENING ${origin}`));
  // Exit normally on SIGINT so a --cpu-prof profile gets written.
  process.on("SIGINT", () => process.exit(0));
}
