// Dispatches a claimed work item by kind; returns the item this worker continues with, if any.
import type { JobQueueItem } from "@/db/schema/jobs";
import type { DriverContext } from "./driver-context";
import { processCall } from "./process-call";
import { processCron } from "./process-cron";
import { processTimer } from "./process-timer";

export async function processItem(ctx: DriverContext, item: JobQueueItem): Promise<JobQueueItem | null> {
  switch (item.kind) {
    case "call":
      return processCall(ctx, item);
    case "wake":
    case "wait-timeout":
    case "invoke-timeout":
      return processTimer(ctx, item);
    case "cron":
      return processCron(ctx, item);
    default:
      throw new Error(`Unknown work item kind "${item.kind}"`);
  }
}
