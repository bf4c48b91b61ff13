import type { SQL } from "drizzle-orm";
import type { Queryable } from "./types";

/** Rows of a raw SQL query; all three drivers answer `execute` with `{ rows }`. */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
