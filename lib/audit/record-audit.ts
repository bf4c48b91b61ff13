import "server-only";
import type { Queryable } from "@/db";
import { auditLog } from "@/db/schema/audit";

export async function recordAudit(
  db: Queryable,
  entry: { teamId: string; actorUserId?: string | null; action: string; targetType: string; targetId: string; metadata?: Record<string, unknown> },
) {
  await db.insert(auditLog).values({
    teamId: entry.teamId,
    actorUserId: entry.actorUserId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    metadata: entry.metadata ?? {},
  });
}
