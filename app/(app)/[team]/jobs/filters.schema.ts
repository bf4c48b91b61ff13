import { z } from "zod";

export const RUN_STATUSES = ["queued", "running", "sleeping", "waiting", "completed", "failed", "cancelled"] as const;
export const SINCE_OPTIONS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 604_800_000 } as const;

// Filters arrive in the URL; anything unexpected is dropped rather than shown as an error.
export const runFiltersSchema = z.object({
  fn: z.string().max(200).optional().catch(undefined),
  status: z.enum(RUN_STATUSES).optional().catch(undefined),
  since: z.enum(["1h", "24h", "7d"]).optional().catch(undefined),
  before: z.uuid().optional().catch(undefined),
});
export type RunFilters = z.infer<typeof runFiltersSchema>;
