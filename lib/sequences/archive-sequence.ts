import "server-only";
import { and, count, eq } from "drizzle-orm";
import { campaigns } from "@/db/schema/campaigns";
import { sequences } from "@/db/schema/sequences";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";

/** A sequence some campaign uses is archived (its steps stay, for the campaign's history); an unused one is deleted. */
export async function archiveSequence({ teamId, actorUserId, sequenceId }: { teamId: string; actorUserId: string; sequenceId: string }) {
  return teamScope(teamId, async (tx) => {
    const [row] = await tx.select().from(sequences).where(and(eq(sequences.teamId, teamId), eq(sequences.id, sequenceId))).for("update");
    if (!row) throw notFound("That sequence");
    const [{ uses }] = await tx.select({ uses: count() }).from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.sequenceId, sequenceId)));
    if (uses === 0) {
      await tx.delete(sequences).where(and(eq(sequences.teamId, teamId), eq(sequences.id, sequenceId)));
      await recordAudit(tx, { teamId, actorUserId, action: "sequences.deleted", targetType: "sequence", targetId: sequenceId, metadata: { name: row.name } });
      return { outcome: "deleted" as const, campaigns: uses };
    }
    if (row.status !== "archived") {
      await tx.update(sequences).set({ status: "archived" }).where(and(eq(sequences.teamId, teamId), eq(sequences.id, sequenceId)));
      await recordAudit(tx, { teamId, actorUserId, action: "sequences.archived", targetType: "sequence", targetId: sequenceId, metadata: { name: row.name, campaigns: uses } });
    }
    return { outcome: "archived" as const, campaigns: uses };
  });
}
