// Resume: paused enrolments become active again at the step they had reached; each gets a new run generation
// (so a new run starts for it) and the scheduler hands them to their runs as their steps come due.
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { and, eq, isNull, sql } from "drizzle-orm";
import { campaignEnrolments, campaigns, type CampaignStatus } from "@/db/schema/campaigns";
import { sendEvent } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { wakeDueEnrolments } from "./wake-due-enrolments";

export async function resumeCampaign({ teamId, campaignId, actorUserId, now = engineNow() }: { teamId: string; campaignId: string; actorUserId: string | null; now?: Date }): Promise<{ status: CampaignStatus }> {
  const campaign = await teamScope(teamId, async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId))).for("no key update");
    if (!campaign) throw notFound("That campaign");
    if (campaign.status !== "paused") throw new AppError("conflict", `Only a paused campaign can be resumed; this one is ${campaign.status}.`);
    await tx.update(campaigns).set({ status: "running", pausedAt: null }).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId)));
    await tx
      .update(campaignEnrolments)
      .set({ status: "active", runStartedAt: null, runGeneration: sql`${campaignEnrolments.runGeneration} + 1`, nextStepAt: sql`greatest(${campaignEnrolments.nextStepAt}, ${now.toISOString()}::timestamptz)` })
      // Enrolments paused for their own reason (an out-of-office until a date) stay paused.
      .where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.campaignId, campaignId), eq(campaignEnrolments.status, "paused"), isNull(campaignEnrolments.pausedUntil)));
    await recordAudit(tx, { teamId, actorUserId, action: "campaign.resumed", targetType: "campaign", targetId: campaignId });
    return campaign;
  });
  // A pause during the fan-out cancelled it; starting it again enrols the rest (already enrolled leads are skipped).
  if (campaign.enrolmentTarget !== null && campaign.enrolledCount < campaign.enrolmentTarget) {
    await sendEvent("campaign/started", { teamId, campaignId }, { id: `campaign-${campaignId}-resume-${now.getTime()}` });
  }
  await wakeDueEnrolments({ now, campaignId });
  return { status: "running" };
}
