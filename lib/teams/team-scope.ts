// The one door to team-scoped data: a transaction that carries the team id, so Postgres row-level security
// can later be switched on here (a transaction-local setting + a non-owner role) without touching queries.
import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";

export async function teamScope<T>(teamId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.team_id', ${teamId}, true)`);
    return fn(tx);
  });
}
