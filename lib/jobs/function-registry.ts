// The synced functions, read from job_functions and cached briefly (other instances may sync too).
import { isNull } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { jobFunctions } from "@/db/schema/jobs";
import { syncedFunctionSchema, toFunctionDef, type FunctionDef } from "./protocol/function-config";

export class FunctionRegistry {
  private cache: Map<string, FunctionDef> | null = null;
  private loadedAt = 0;

  constructor(private readonly ttlMs = 1000) {}

  /**
   * The functions by id. Pass the open transaction when inside one: PGlite has a single connection, so
   * a query on the database object while a transaction is open would wait for it forever.
   */
  async load(q: Queryable): Promise<Map<string, FunctionDef>> {
    if (this.cache && Date.now() - this.loadedAt < this.ttlMs) return this.cache;
    const rows = await q.select().from(jobFunctions).where(isNull(jobFunctions.removedAt));
    const map = new Map<string, FunctionDef>();
    for (const row of rows) {
      const parsed = syncedFunctionSchema.safeParse(row.config);
      if (!parsed.success) continue;
      try {
        map.set(row.id, toFunctionDef(parsed.data));
      } catch {
        // An unreadable option (say a malformed period) leaves the function out rather than stopping all jobs.
      }
    }
    this.cache = map;
    this.loadedAt = Date.now();
    return map;
  }

  invalidate(): void {
    this.cache = null;
  }
}
