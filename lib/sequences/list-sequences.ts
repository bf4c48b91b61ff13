import "server-only";
import { and, count, desc, eq, ilike, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { campaigns } from "@/db/schema/campaigns";
import { sequences, sequenceSteps } from "@/db/schema/sequences";

export const SEQUENCES_PAGE_SIZE = 25;

/** A page of the team's sequences, each with its step count and the campaigns that use it. */
export async function listSequences({ teamId, page = 1, search, archived = false, pageSize = SEQUENCES_PAGE_SIZE }: { teamId: string; page?: number; search?: string; archived?: boolean; pageSize?: number }) {
  const db = await getDb();
  const where = and(
    eq(sequences.teamId, teamId),
    archived ? eq(sequences.status, "archived") : ne(sequences.status, "archived"),
    search ? ilike(sequences.name, `%${search.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
  );
  const stepCount = db
    .select({ sequenceId: sequenceSteps.sequenceId, steps: count().as("steps") })
    .from(sequenceSteps)
    .where(eq(sequenceSteps.teamId, teamId))
    .groupBy(sequenceSteps.sequenceId)
    .as("step_count");
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ id: sequences.id, name: sequences.name, description: sequences.description, status: sequences.status, updatedAt: sequences.updatedAt, steps: sql<number>`coalesce(${stepCount.steps}, 0)`.mapWith(Number) })
      .from(sequences)
      .leftJoin(stepCount, eq(stepCount.sequenceId, sequences.id))
      .where(where)
      .orderBy(desc(sequences.updatedAt), desc(sequences.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(sequences).where(where),
  ]);
  const used = rows.length
    ? await db.select({ id: campaigns.id, name: campaigns.name, status: campaigns.status, sequenceId: campaigns.sequenceId }).from(campaigns).where(and(eq(campaigns.teamId, teamId), inArray(campaigns.sequenceId, rows.map((r) => r.id))))
    : [];
  return { rows: rows.map((r) => ({ ...r, campaigns: used.filter((c) => c.sequenceId === r.id).map(({ id, name, status }) => ({ id, name, status })) })), total };
}

/** Sequences a step can be added to (not archived), by most recently changed. */
export async function listSequenceChoices({ teamId, limit = 100 }: { teamId: string; limit?: number }) {
  const db = await getDb();
  return db.select({ id: sequences.id, name: sequences.name }).from(sequences).where(and(eq(sequences.teamId, teamId), ne(sequences.status, "archived"))).orderBy(desc(sequences.updatedAt)).limit(limit);
}

/** The campaigns that use one sequence (which is why it would be archived rather than deleted). */
export async function listSequenceUsage({ teamId, sequenceId }: { teamId: string; sequenceId: string }) {
  const db = await getDb();
  return db.select({ id: campaigns.id, name: campaigns.name, status: campaigns.status }).from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.sequenceId, sequenceId)));
}
