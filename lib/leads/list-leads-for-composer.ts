// The leads the composer offers in its picker, newest first, each with the research facts a draft may cite.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { leads, type Lead } from "@/db/schema/leads";
import { researchData, type ResearchFact, type ResearchStatus } from "@/db/schema/research";

/** What the composer fills its fields from, and what the sender fills {{variables}} from. */
export type ComposerLead = Pick<
  Lead,
  "id" | "email" | "firstName" | "lastName" | "company" | "title" | "phone" | "website" | "linkedinUrl" | "city" | "country" | "customFields"
> & {
  research: { status: ResearchStatus; facts: ResearchFact[] } | null;
};

/** A picker, not a list page: past `limit` the rep types the lead in by hand. */
export async function listLeadsForComposer({ teamId, limit = 200 }: { teamId: string; limit?: number }): Promise<ComposerLead[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: leads.id,
      email: leads.email,
      firstName: leads.firstName,
      lastName: leads.lastName,
      company: leads.company,
      title: leads.title,
      phone: leads.phone,
      website: leads.website,
      linkedinUrl: leads.linkedinUrl,
      city: leads.city,
      country: leads.country,
      customFields: leads.customFields,
      researchStatus: researchData.status,
      facts: researchData.facts,
    })
    .from(leads)
    // Both sides carry the team: a research row can never leak across teams through a mismatched lead id.
    .leftJoin(researchData, and(eq(researchData.leadId, leads.id), eq(researchData.teamId, teamId)))
    .where(eq(leads.teamId, teamId))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(limit);
  return rows.map(({ researchStatus, facts, ...lead }) => ({
    ...lead,
    research: researchStatus ? { status: researchStatus, facts: facts ?? [] } : null,
  }));
}
