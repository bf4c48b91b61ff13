// Raw parameterised statements on the driver's own client, for the executor's hot path: one round trip
// per transition matters there, and drizzle's query builder costs about a millisecond per statement.
// All three drivers' clients (pg Pool, PGlite, @vercel/postgres pool) answer `query(text, params)` with `{ rows }`.
import type { Queryable } from "@/db/types";

type RawClient = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

export async function rawQuery<T>(db: Queryable, text: string, params: unknown[] = []): Promise<T[]> {
  const client = (db as unknown as { $client?: RawClient }).$client;
  if (!client || typeof client.query !== "function") throw new Error("rawQuery needs the database object, not a transaction");
  const result = await client.query(text, params);
  return result.rows as T[];
}

/** JSON parameters go in as text and are cast with ::jsonb in the statement. */
export const jsonParam = (value: unknown): string => JSON.stringify(value ?? null);
