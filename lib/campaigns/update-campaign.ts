// Settings change only while nothing is sending: a draft, or a paused campaign.
import "server-only";
import { and, eq } from "drizzle-orm";
import { campaigns, type CampaignStatus } from "@/db/schema/campaigns";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import type { CampaignSettings } from "./campaign.schema";
import { checkCampaignReferences, replaceCampaignMailboxes } from "./campaign-references";
import { campaignHasEnrolments, lockCampaign } from "./get-campaign";

export const EDITABLE_STATUSES: readonly CampaignStatus[] = ["draft", "paused"];

export function refuseEditMessage(status: CampaignStatus): string | null {
  if (EDITABLE_STATUSES.includes(status)) return null;
  if (status === "running" || status === "scheduled") return "This campaign is sending. Pause it first, then edit.";
  return `A ${status} campaign can no longer be edited. Duplicate it to run it again with changes.`;
}

export async function updateCampaign({ teamId, actorUserId, campaignId, settings }: { teamId: string; actorUserId: string | null; campaignId: string; settings: CampaignSettings }) {
  return teamScope(teamId, async (tx) => {
    const current = await lockCampaign(tx, { teamId, campaignId });
    const refusal = refuseEditMessage(current.status);
    if (refusal) throw new AppError("conflict", refusal);
    // Enrolments walk the steps of the sequence they started on; swapping it under them would skip or repeat steps.
    if (settings.sequenceId !== current.sequenceId && (await campaignHasEnrolments(tx, campaignId))) {
      throw new AppError("invalid_input", "Please fix the highlighted fields.", { fields: { sequenceId: ["Leads are already enrolled on this sequence. Duplicate the campaign to use another one."] } });
    }
    if (!settings.sequenceId && current.status !== "draft") {
      throw new AppError("invalid_input", "Please fix the highlighted fields.", { fields: { sequenceId: ["A campaign that has started keeps a sequence. Pick one."] } });
    }
    await checkCampaignReferences(tx, teamId, settings);
    const { mailboxes: rotation, ...columns } = settings;
    const [row] = await tx.update(campaigns).set(columns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId))).returning();
    await replaceCampaignMailboxes(tx, teamId, campaignId, rotation);
    await recordAudit(tx, { teamId, actorUserId, action: "campaign.updated", targetType: "campaign", targetId: campaignId });
    return row;
  });
}
