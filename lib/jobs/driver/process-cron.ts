// A cron tick: start a run with an inngest/scheduled.timer event, then schedule the next tick.
import type { JobQueueItem } from "@/db/schema/jobs";
import { jobEvents } from "@/db/schema/jobs";
import { nextCronTime, parseCron } from "../cron/cron-schedule";
import { createRuns } from "../store/create-runs";
import { enqueue, takeLeasedItem } from "../store/queue";
import { cronKey } from "../store/register-functions";
import { LeaseLost, type DriverContext } from "./driver-context";

export async function processCron(ctx: DriverContext, item: JobQueueItem): Promise<null> {
  const now = ctx.clock.now();
  const functionId = String(item.payload?.functionId ?? "");
  const cron = String(item.payload?.cron ?? "");
  await ctx.db.transaction(async (tx) => {
    if (!(await takeLeasedItem(tx, item.id, ctx.workerId))) throw new LeaseLost(item.id);
    const fn = (await ctx.functions.load(tx)).get(functionId);
    if (!fn || !fn.triggers.some((t) => "cron" in t && t.cron === cron)) return;
    // One event per scheduled tick, whichever instance fires it.
    const event = { id: `${functionId}:${cron}:${item.runAt.toISOString()}`, name: "inngest/scheduled.timer", data: { cron }, ts: now.getTime() };
    const fresh = await tx.insert(jobEvents).values({ id: event.id, name: event.name, payload: event, receivedAt: now }).onConflictDoNothing().returning();
    if (fresh.length) await createRuns(tx, now, [{ fn, event }]);
    const next = nextCronTime(parseCron(cron), new Date(Math.max(now.getTime(), item.runAt.getTime())));
    if (next) await enqueue(tx, [{ runId: null, kind: "cron", payload: { functionId, cron }, runAt: next, dedupeKey: cronKey(functionId, cron) }], now);
  });
  return null;
}
