// The Leads page: one page of the team's leads matching the filter, newest first, with the total.
import "server-only";
import { count, desc } from "drizzle-orm";
import { leads } from "@/db/schema/leads";
import { teamScope } from "@/lib/teams/team-scope";
import { leadFilterConditions, type LeadFilter } from "./lead-filter";

export const LEADS_PAGE_SIZE = 50;

export async function listLeads({ teamId, filter = {}, page = 1 }: { teamId: string; filter?: LeadFilter; page?: number }) {
  const where = leadFilterConditions(teamId, filter);
  return teamScope(teamId, async (tx) => {
    const [{ total }] = await tx.select({ total: count() }).from(leads).where(where);
    const rows = await tx
      .select({
        id: leads.id,
        email: leads.email,
        firstName: leads.firstName,
        lastName: leads.lastName,
        company: leads.company,
        status: leads.status,
        tags: leads.tags,
        createdAt: leads.createdAt,
      })
      .from(leads)
      .where(where)
      // id breaks ties so a page never repeats or skips a lead created in the same instant.
      .orderBy(desc(leads.createdAt), desc(leads.id))
      .limit(LEADS_PAGE_SIZE)
      .offset((page - 1) * LEADS_PAGE_SIZE);
    return { rows, total, page, pages: Math.max(1, Math.ceil(total / LEADS_PAGE_SIZE)) };
  });
}
export type LeadListRow = Awaited<ReturnType<typeof listLeads>>["rows"][number];
