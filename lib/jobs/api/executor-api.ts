// The executor's HTTP API, as the Inngest SDK calls it: `POST e/<event key>` (inngest.send, step.sendEvent)
// and `POST fn/register` (out-of-band sync, signing-key bearer). Framework-free: Request in, Response out.
import { adjustableEngineClock } from "../clock";
import type { EngineContext } from "../engine-context";
import { EventRejected, ingestEvents } from "../events/ingest-events";
import { readAppDefinition } from "../protocol/sync-app";
import { bearerMatches, eventKeyMatches } from "../protocol/signature";
import { registerApp } from "../store/register-functions";

export interface ExecutorApiOptions {
  context: EngineContext;
  eventKey: string;
  /** null: an unsigned dev-mode app (localhost only); registration is then unauthenticated. */
  signingKey: string | null;
}

const json = (body: unknown, status = 200) => Response.json(body, { status });

async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  return text ? JSON.parse(text) : null;
}

export async function handleExecutorApi(req: Request, path: string[], o: ExecutorApiOptions): Promise<Response> {
  const [head, ...rest] = path;
  try {
    if (req.method === "POST" && head === "e" && rest.length === 1) {
      if (!eventKeyMatches(decodeURIComponent(rest[0]), o.eventKey)) return json({ error: "Event key not found", status: 401 }, 401);
      let body: unknown;
      try {
        body = await readJson(req);
      } catch {
        return json({ error: "The body is not JSON", status: 400 }, 400);
      }
      const { ids } = await ingestEvents(o.context, body, req.headers.get("x-inngest-event-id-seed"));
      return json({ ids, status: 200 });
    }
    if (req.method === "POST" && head === "fn" && rest[0] === "register" && rest.length === 1) {
      if (o.signingKey && !bearerMatches(req.headers.get("authorization"), o.signingKey)) {
        return json({ error: "Unauthorized", status: 401 }, 401);
      }
      const app = readAppDefinition(await readJson(req));
      const result = await registerApp(o.context.db, app, o.context.clock.now());
      o.context.functions.invalidate();
      o.context.onWork?.();
      return json({ ok: true, modified: result.modified, status: 200, ...(result.problems.length ? { error: JSON.stringify(result.problems) } : {}) });
    }
    if (req.method === "GET" && head === "health" && rest.length === 0) return json({ ok: true });
    // Test clock (JOBS_TEST_CLOCK=1 only): move engine time forward so sleeps and wait timeouts come due now.
    if (req.method === "POST" && head === "clock" && rest.length === 0) {
      const clock = adjustableEngineClock();
      if (!clock || !o.signingKey || !bearerMatches(req.headers.get("authorization"), o.signingKey)) return json({ error: "Not found", status: 404 }, 404);
      const { advanceMs } = (await readJson(req)) as { advanceMs?: unknown };
      if (typeof advanceMs !== "number" || !(advanceMs > 0)) return json({ error: "advanceMs must be a positive number", status: 400 }, 400);
      clock.advance(advanceMs);
      o.context.onWork?.();
      return json({ now: clock.now().toISOString(), status: 200 });
    }
    return json({ error: "Not found", status: 404 }, 404);
  } catch (error) {
    if (error instanceof EventRejected) return json({ error: error.message, status: 400 }, 400);
    o.context.log?.("executor API request failed", { path: path.join("/"), error: String(error) });
    return json({ error: "Internal error", status: 500 }, 500);
  }
}
