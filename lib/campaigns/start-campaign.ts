// Start a drafted campaign: refuse while the review finds blockers, mark it running with its enrolment target,
// then (after commit) hand it to the fan-out job, which enrols the leads in batches.
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { and, eq } from "drizzle-orm";
import { campaigns, type CampaignStatus } from "@/db/schema/campaigns";
import { sequences } from "@/db/schema/sequences";
import { sendEvent } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { reviewCampaign } from "./review-campaign";

export async function startCampaign({ teamId, campaignId, actorUserId, now = engineNow() }: { teamId: string; campaignId: string; actorUserId: string | null; now?: Date }): Promise<{ status: CampaignStatus }> {
  await teamScope(teamId, async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId))).for("no key update");
    if (!campaign) throw notFound("That campaign");
    if (campaign.status === "paused") throw new AppError("conflict", "This campaign is paused: resume it instead.");
    if (campaign.status !== "draft" && campaign.status !== "scheduled") throw new AppError("conflict", `This campaign is already ${campaign.status}.`);
    // The same review the Review page shows, read under the campaign's lock.
    const review = await reviewCampaign({ teamId, campaignId, now, tx });
    if (review.blockers.length) throw new AppError("conflict", `Fix these before starting: ${review.blockers.join(" ")}`, { fields: { blockers: review.blockers } });
    const count = review.counts.eligible;
    await tx
      .update(campaigns)
      .set({ status: "running", startedAt: now, enrolmentTarget: count, pausedAt: null })
      .where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId)));
    // A sequence in use is no longer a draft.
    await tx.update(sequences).set({ status: "active" }).where(and(eq(sequences.teamId, teamId), eq(sequences.id, campaign.sequenceId!), eq(sequences.status, "draft")));
    await recordAudit(tx, { teamId, actorUserId, action: "campaign.started", targetType: "campaign", targetId: campaignId, metadata: { leads: count } });
  });
  await sendEvent("campaign/started", { teamId, campaignId }, { id: `campaign-${campaignId}-start` });
  return { status: "running" };
}
