// A copy to run again: same settings and mailbox rotation, as a fresh draft with no enrolments or progress.
import "server-only";
import { and, eq } from "drizzle-orm";
import { campaignMailboxes, campaigns } from "@/db/schema/campaigns";
import { recordAudit } from "@/lib/audit/record-audit";
import { teamScope } from "@/lib/teams/team-scope";
import { lockCampaign } from "./get-campaign";

export async function duplicateCampaign({ teamId, actorUserId, campaignId }: { teamId: string; actorUserId: string | null; campaignId: string }) {
  return teamScope(teamId, async (tx) => {
    const source = await lockCampaign(tx, { teamId, campaignId });
    const [copy] = await tx
      .insert(campaigns)
      .values({
        teamId,
        name: `${source.name} (copy)`.slice(0, 200),
        sequenceId: source.sequenceId,
        status: "draft",
        scheduleDays: source.scheduleDays,
        scheduleStartMinute: source.scheduleStartMinute,
        scheduleEndMinute: source.scheduleEndMinute,
        timezoneMode: source.timezoneMode,
        timezone: source.timezone,
        dailyLimit: source.dailyLimit,
        stopScope: source.stopScope,
        trackOpens: source.trackOpens,
        trackClicks: source.trackClicks,
        minScore: source.minScore,
        minEmailScore: source.minEmailScore,
        dailyNewLeadLimit: source.dailyNewLeadLimit,
        leadSelection: source.leadSelection,
        // A start date in the past means nothing for a copy; a future one still applies.
        scheduledStartAt: source.scheduledStartAt && source.scheduledStartAt > new Date() ? source.scheduledStartAt : null,
        createdByUserId: actorUserId,
      })
      .returning();
    const rotation = await tx.select().from(campaignMailboxes).where(and(eq(campaignMailboxes.teamId, teamId), eq(campaignMailboxes.campaignId, campaignId)));
    if (rotation.length > 0) await tx.insert(campaignMailboxes).values(rotation.map((m) => ({ teamId, campaignId: copy.id, mailboxId: m.mailboxId, weight: m.weight })));
    await recordAudit(tx, { teamId, actorUserId, action: "campaign.duplicated", targetType: "campaign", targetId: copy.id, metadata: { from: campaignId } });
    return copy;
  });
}
