// A rep's own saved drafts in one team, newest first (optionally for one lead), with the lead's name for the list.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { emailDrafts } from "@/db/schema/drafts";
import { leads } from "@/db/schema/leads";
import { teamScope } from "@/lib/teams/team-scope";

export const MAX_DRAFTS_LISTED = 50;

export async function listEmailDrafts({ teamId, userId, leadId, limit = 10 }: { teamId: string; userId: string; leadId?: string; limit?: number }) {
  const take = Math.min(Math.max(1, Math.trunc(limit)), MAX_DRAFTS_LISTED);
  return teamScope(teamId, (tx) =>
    tx
      .select({
        id: emailDrafts.id,
        subject: emailDrafts.subject,
        body: emailDrafts.body,
        factIds: emailDrafts.factIds,
        leadId: emailDrafts.leadId,
        leadEmail: emailDrafts.leadEmail,
        leadFirstName: leads.firstName,
        leadLastName: leads.lastName,
        leadCompany: leads.company,
        modelLabel: emailDrafts.modelLabel,
        source: emailDrafts.source,
        cache: emailDrafts.cache,
        createdAt: emailDrafts.createdAt,
      })
      .from(emailDrafts)
      // Both sides carry the team, so a draft can never show another team's lead.
      .leftJoin(leads, and(eq(leads.id, emailDrafts.leadId), eq(leads.teamId, teamId)))
      .where(and(eq(emailDrafts.teamId, teamId), eq(emailDrafts.userId, userId), leadId ? eq(emailDrafts.leadId, leadId) : undefined))
      .orderBy(desc(emailDrafts.createdAt), desc(emailDrafts.id))
      .limit(take),
  );
}
export type ListedEmailDraft = Awaited<ReturnType<typeof listEmailDrafts>>[number];
