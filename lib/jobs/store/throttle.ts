// Throttle as GCRA: starts are spaced period/limit apart, with `limit + burst` allowed back to back.
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { queryRows } from "@/db/query-rows";

export async function throttleStart(
  tx: Queryable,
  key: string,
  throttle: { limit: number; periodMs: number; burst: number },
  now: Date,
): Promise<Date> {
  const interval = throttle.periodMs / Math.max(1, throttle.limit);
  const tolerance = interval * Math.max(0, throttle.limit + throttle.burst - 1);
  await tx.execute(sql`insert into job_throttles (key, tat) values (${key}, ${now.toISOString()}::timestamptz) on conflict do nothing`);
  const [row] = await queryRows<{ tat: Date | string }>(tx, sql`select tat from job_throttles where key = ${key} for update`);
  const tat = new Date(row.tat).getTime();
  const start = Math.max(now.getTime(), tat - tolerance);
  const next = Math.max(tat, start) + interval;
  await tx.execute(sql`update job_throttles set tat = ${new Date(next).toISOString()}::timestamptz where key = ${key}`);
  return new Date(start);
}
