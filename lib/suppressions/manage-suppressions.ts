import "server-only";
import { and, count, desc, eq, ilike } from "drizzle-orm";
import { getDb } from "@/db";
import { suppressions } from "@/db/schema/suppressions";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { parseSuppressionList } from "./suppression-entry.schema";

export const SUPPRESSIONS_PAGE_SIZE = 50;

/** All or nothing: one bad line and nothing is added, with every bad line named. */
export async function addSuppressions({ teamId, actorUserId, text }: { teamId: string; actorUserId: string; text: string }) {
  const { entries, errors } = parseSuppressionList(text);
  if (errors.length > 0) {
    throw new AppError("invalid_input", `Nothing was added: ${errors.length} line${errors.length === 1 ? "" : "s"} need fixing.`, { fields: { entries: errors.slice(0, 20) } });
  }
  if (entries.length === 0) throw new AppError("invalid_input", "Enter at least one address or domain.", { fields: { entries: ["Enter at least one address or domain."] } });
  return teamScope(teamId, async (tx) => {
    let added = 0;
    // Chunked so a 100k-line import stays within Postgres' parameter limit.
    for (let i = 0; i < entries.length; i += 1000) {
      const rows = await tx
        .insert(suppressions)
        .values(entries.slice(i, i + 1000).map((e) => ({ teamId, kind: e.kind, value: e.value, reason: "manual" as const, createdByUserId: actorUserId })))
        .onConflictDoNothing()
        .returning({ id: suppressions.id });
      added += rows.length;
    }
    await recordAudit(tx, { teamId, actorUserId, action: "suppressions.added", targetType: "suppression", targetId: "bulk", metadata: { added, submitted: entries.length } });
    return { added, alreadyListed: entries.length - added };
  });
}

export async function removeSuppression({ teamId, actorUserId, suppressionId }: { teamId: string; actorUserId: string; suppressionId: string }) {
  return teamScope(teamId, async (tx) => {
    const [removed] = await tx.delete(suppressions).where(and(eq(suppressions.teamId, teamId), eq(suppressions.id, suppressionId))).returning();
    if (!removed) throw notFound("That suppression");
    await recordAudit(tx, { teamId, actorUserId, action: "suppressions.removed", targetType: "suppression", targetId: removed.id, metadata: { value: removed.value, reason: removed.reason } });
  });
}

export async function listSuppressions({ teamId, page = 1, search }: { teamId: string; page?: number; search?: string }) {
  const db = await getDb();
  const where = and(eq(suppressions.teamId, teamId), search ? ilike(suppressions.value, `%${search.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(suppressions).where(where).orderBy(desc(suppressions.createdAt), desc(suppressions.id)).limit(SUPPRESSIONS_PAGE_SIZE).offset((page - 1) * SUPPRESSIONS_PAGE_SIZE),
    db.select({ total: count() }).from(suppressions).where(where),
  ]);
  return { rows, total };
}

export async function exportSuppressionsCsv({ teamId }: { teamId: string }): Promise<string> {
  const db = await getDb();
  const rows = await db.select().from(suppressions).where(eq(suppressions.teamId, teamId)).orderBy(suppressions.createdAt);
  const lines = rows.map((r) => [r.value, r.kind, r.reason, r.createdAt.toISOString()].join(","));
  return ["value,kind,reason,created_at", ...lines].join("\n") + "\n";
}
