// The campaigns a lead is (or was) in, with where each enrolment stands and why it stopped.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { campaignEnrolments, campaigns } from "@/db/schema/campaigns";
import { teamScope } from "@/lib/teams/team-scope";

export async function listLeadEnrolments({ teamId, leadId }: { teamId: string; leadId: string }) {
  return teamScope(teamId, (tx) =>
    tx
      .select({
        id: campaignEnrolments.id,
        campaignId: campaigns.id,
        campaignName: campaigns.name,
        status: campaignEnrolments.status,
        stopReason: campaignEnrolments.stopReason,
        currentStepPosition: campaignEnrolments.currentStepPosition,
        lastSentAt: campaignEnrolments.lastSentAt,
        createdAt: campaignEnrolments.createdAt,
      })
      .from(campaignEnrolments)
      .innerJoin(campaigns, and(eq(campaigns.id, campaignEnrolments.campaignId), eq(campaigns.teamId, teamId)))
      .where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.leadId, leadId)))
      .orderBy(desc(campaignEnrolments.createdAt))
      .limit(100),
  );
}
