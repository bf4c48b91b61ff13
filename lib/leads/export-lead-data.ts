// GDPR access request: everything the team holds about one lead, as one JSON document.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { campaignEnrolments, campaigns } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { researchData } from "@/db/schema/research";
import { emailEvents } from "@/db/schema/tracking";
import { teamScope } from "@/lib/teams/team-scope";
import { findTeamLead } from "./get-lead";

export async function exportLeadData({ teamId, leadId }: { teamId: string; leadId: string }) {
  return teamScope(teamId, async (tx) => {
    const lead = await findTeamLead(tx, { teamId, leadId });
    const [research] = await tx.select().from(researchData).where(and(eq(researchData.teamId, teamId), eq(researchData.leadId, leadId)));
    const emailRows = await tx.select().from(emails).where(and(eq(emails.teamId, teamId), eq(emails.leadId, leadId))).orderBy(asc(emails.createdAt));
    const events = await tx.select().from(emailEvents).where(and(eq(emailEvents.teamId, teamId), eq(emailEvents.leadId, leadId))).orderBy(asc(emailEvents.occurredAt));
    const enrolments = await tx
      .select({ enrolment: campaignEnrolments, campaignName: campaigns.name })
      .from(campaignEnrolments)
      .innerJoin(campaigns, and(eq(campaigns.id, campaignEnrolments.campaignId), eq(campaigns.teamId, teamId)))
      .where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.leadId, leadId)));
    return {
      exportedAt: new Date().toISOString(),
      lead,
      research: research ? { status: research.status, facts: research.facts, sources: research.sources, researchedAt: research.researchedAt } : null,
      emails: emailRows,
      trackingEvents: events,
      enrolments: enrolments.map((e) => ({ ...e.enrolment, campaignName: e.campaignName })),
    };
  });
}
