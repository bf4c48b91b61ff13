// The app's own route handlers (app/api/inngest and app/api/inngest-executor) on a local HTTP server, so the
// embedded executor drives the real functions through the same routes `next start` serves.
import http from "node:http";
import type { Executor } from "@/lib/jobs/executor";
import type { AddressInfo } from "node:net";
import { sendResponse, toRequest } from "./jobs-http";

type Handler = (request: Request, context: { params: Promise<{ path: string[] }> }) => Promise<Response> | Response;

/** Listens first, then sets JOBS_APP_URL to its origin, so the app's client points at this server. */
export async function startAppRoutesServer(): Promise<{ origin: string; close(): Promise<void> }> {
  let routes: Promise<[Record<string, Handler>, Record<string, Handler>]> | undefined;
  const server = http.createServer(async (req, res) => {
    try {
      routes ??= Promise.all([import("@/app/api/inngest/route"), import("@/app/api/inngest-executor/[...path]/route")]) as never;
      const [serveRoute, executorRoute] = await routes!;
      const request = await toRequest(req, `http://${req.headers.host}`);
      const url = new URL(request.url);
      let handler: Handler | undefined;
      let path: string[] = [];
      if (url.pathname === "/api/inngest") handler = serveRoute[req.method ?? "GET"];
      else if (url.pathname.startsWith("/api/inngest-executor/")) {
        handler = executorRoute[req.method ?? "GET"];
        path = url.pathname.slice("/api/inngest-executor/".length).split("/").filter(Boolean);
      }
      if (!handler) return void res.writeHead(404).end();
      await sendResponse(res, await handler(request, { params: Promise.resolve({ path }) }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.JOBS_APP_URL = origin;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The app's routes plus the embedded executor in this process, synced and ready: what `next start` runs. */
export async function startEmbeddedJobs({ testClock = false }: { testClock?: boolean } = {}): Promise<{ executor: Executor; advance(ms: number): void; close(): Promise<void> }> {
  // The adjustable engine clock is chosen when the executor starts: set the switch first.
  if (testClock) process.env.JOBS_TEST_CLOCK = "1";
  const server = await startAppRoutesServer();
  const { startEmbeddedExecutor } = await import("@/lib/jobs/start-embedded-executor");
  const clockModule = await import("@/lib/jobs/clock");
  const executor = (await startEmbeddedExecutor({ pollMs: 20, syncIntervalMs: null, log: () => {} }))!;
  await executor.synced();
  return {
    executor,
    /** Moves engine time forward (JOBS_TEST_CLOCK) and wakes the executor to act on it. */
    advance(ms: number) {
      const { adjustableEngineClock } = clockModule;
      adjustableEngineClock()!.advance(ms);
      executor.poke();
    },
    async close() {
      await executor.stop();
      await server.close();
      delete process.env.JOBS_APP_URL;
      if (testClock) delete process.env.JOBS_TEST_CLOCK;
    },
  };
}
