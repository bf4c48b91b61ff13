// Stop for good: the campaign is completed (stopped_at says it was stopped), its enrolments stop, its queued
// emails are cancelled, and the runs are cancelled (campaign/stopped).
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { and, eq, inArray } from "drizzle-orm";
import { campaignEnrolments, campaigns, type CampaignStatus } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { sendEvent } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";

export async function stopCampaign({ teamId, campaignId, actorUserId, now = engineNow() }: { teamId: string; campaignId: string; actorUserId: string | null; now?: Date }): Promise<{ status: CampaignStatus }> {
  await teamScope(teamId, async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId))).for("no key update");
    if (!campaign) throw notFound("That campaign");
    if (campaign.status !== "running" && campaign.status !== "paused" && campaign.status !== "scheduled") {
      throw new AppError("conflict", `Only a running or paused campaign can be stopped; this one is ${campaign.status}.`);
    }
    await tx.update(campaigns).set({ status: "completed", stoppedAt: now, completedAt: now }).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId)));
    await tx
      .update(emails)
      .set({ status: "cancelled", statusReason: "The campaign was stopped." })
      .where(and(eq(emails.teamId, teamId), eq(emails.campaignId, campaignId), eq(emails.status, "queued")));
    await tx
      .update(campaignEnrolments)
      .set({ status: "stopped", stopReason: "The campaign was stopped.", nextStepAt: null })
      .where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.campaignId, campaignId), inArray(campaignEnrolments.status, ["active", "paused"])));
    await recordAudit(tx, { teamId, actorUserId, action: "campaign.stopped", targetType: "campaign", targetId: campaignId });
  });
  await sendEvent("campaign/stopped", { teamId, campaignId }, { id: `campaign-${campaignId}-stop` });
  return { status: "completed" };
}
