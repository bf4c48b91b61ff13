// Archiving hides a finished or abandoned campaign from the list; its results stay readable.
import "server-only";
import { and, eq } from "drizzle-orm";
import { campaigns } from "@/db/schema/campaigns";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { lockCampaign } from "./get-campaign";

/** `deleted`: a draft that never had a sequence has nothing to keep (and the schema allows no sequence only while drafting). */
export async function archiveCampaign({ teamId, actorUserId, campaignId }: { teamId: string; actorUserId: string | null; campaignId: string }): Promise<{ outcome: "archived" | "deleted" }> {
  return teamScope(teamId, async (tx) => {
    const current = await lockCampaign(tx, { teamId, campaignId });
    if (current.status === "running" || current.status === "scheduled") throw new AppError("conflict", "This campaign is sending. Pause or stop it before archiving.");
    if (current.status === "archived") return { outcome: "archived" };
    const where = and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId));
    if (current.status === "draft" && !current.sequenceId) {
      await tx.delete(campaigns).where(where);
      await recordAudit(tx, { teamId, actorUserId, action: "campaign.deleted", targetType: "campaign", targetId: campaignId, metadata: { name: current.name } });
      return { outcome: "deleted" };
    }
    await tx.update(campaigns).set({ status: "archived" }).where(where);
    await recordAudit(tx, { teamId, actorUserId, action: "campaign.archived", targetType: "campaign", targetId: campaignId, metadata: { from: current.status } });
    return { outcome: "archived" };
  });
}
