// Archiving hides a finished or abandoned campaign from the list; its results stay readable.
import "server-only";
import { and, eq } from "drizzle-orm";
import { campaigns } from "@/db/schema/campaigns";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { lockCampaign } from "./get-campaign";

export async function archiveCampaign({ teamId, actorUserId, campaignId }: { teamId: string; actorUserId: string | null; campaignId: string }) {
  return teamScope(teamId, async (tx) => {
    const current = await lockCampaign(tx, { teamId, campaignId });
    if (current.status === "running" || current.status === "scheduled") throw new AppError("conflict", "This campaign is sending. Pause or stop it before archiving.");
    if (current.status === "archived") return current;
    const [row] = await tx.update(campaigns).set({ status: "archived" }).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId))).returning();
    await recordAudit(tx, { teamId, actorUserId, action: "campaign.archived", targetType: "campaign", targetId: campaignId, metadata: { from: current.status } });
    return row;
  });
}
