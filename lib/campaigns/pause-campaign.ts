// Pause: the runs are cancelled (campaign/paused), every active enrolment keeps its position as "paused", and
// queued emails give their reserved slots back so other campaigns can use the capacity meanwhile.
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { and, eq } from "drizzle-orm";
import { campaignEnrolments, campaigns, type CampaignStatus } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { sendEvent } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";

export async function pauseCampaign({ teamId, campaignId, actorUserId, now = engineNow() }: { teamId: string; campaignId: string; actorUserId: string | null; now?: Date }): Promise<{ status: CampaignStatus }> {
  await teamScope(teamId, async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId))).for("no key update");
    if (!campaign) throw notFound("That campaign");
    if (campaign.status !== "running") throw new AppError("conflict", `Only a running campaign can be paused; this one is ${campaign.status}.`);
    await tx.update(campaigns).set({ status: "paused", pausedAt: now }).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId)));
    // Emails before enrolments: the same lock order as the send claim (email, then enrolment).
    await tx.update(emails).set({ scheduledFor: null }).where(and(eq(emails.teamId, teamId), eq(emails.campaignId, campaignId), eq(emails.status, "queued")));
    await tx
      .update(campaignEnrolments)
      .set({ status: "paused", runStartedAt: null })
      .where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.campaignId, campaignId), eq(campaignEnrolments.status, "active")));
    await recordAudit(tx, { teamId, actorUserId, action: "campaign.paused", targetType: "campaign", targetId: campaignId });
  });
  await sendEvent("campaign/paused", { teamId, campaignId }, { id: `campaign-${campaignId}-pause-${now.getTime()}` });
  return { status: "paused" };
}
