// The Campaigns page: one page of campaigns with their sequence and headline counts, in three queries.
import "server-only";
import { inOrder } from "@/db/in-order";
import { and, count, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { campaignEnrolments, campaigns } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { sequences } from "@/db/schema/sequences";
import { teamScope } from "@/lib/teams/team-scope";

export const CAMPAIGNS_PAGE_SIZE = 25;

export async function listCampaigns({ teamId, page = 1, archived = false }: { teamId: string; page?: number; archived?: boolean }) {
  return teamScope(teamId, async (tx) => {
    const where = and(eq(campaigns.teamId, teamId), archived ? eq(campaigns.status, "archived") : ne(campaigns.status, "archived"));
    const [rows, [{ total }]] = await inOrder([
      () => tx
        .select({ id: campaigns.id, name: campaigns.name, status: campaigns.status, createdAt: campaigns.createdAt, startedAt: campaigns.startedAt, sequenceName: sequences.name })
        .from(campaigns)
        .leftJoin(sequences, eq(sequences.id, campaigns.sequenceId))
        .where(where)
        .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
        .limit(CAMPAIGNS_PAGE_SIZE)
        .offset((page - 1) * CAMPAIGNS_PAGE_SIZE),
      () => tx.select({ total: count() }).from(campaigns).where(where)
    ]);
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return { rows: [], total };
    const [enrolmentCounts, sentCounts] = await inOrder([
      () => tx
        .select({
          campaignId: campaignEnrolments.campaignId,
          enrolled: count(),
          active: sql<number>`(count(*) filter (where ${campaignEnrolments.status} = 'active'))::int`,
          replied: sql<number>`(count(*) filter (where ${campaignEnrolments.status} = 'replied'))::int`,
        })
        .from(campaignEnrolments)
        .where(and(eq(campaignEnrolments.teamId, teamId), inArray(campaignEnrolments.campaignId, ids)))
        .groupBy(campaignEnrolments.campaignId),
      () => tx
        .select({ campaignId: emails.campaignId, sent: count() })
        .from(emails)
        .where(and(eq(emails.teamId, teamId), inArray(emails.campaignId, ids), eq(emails.direction, "outbound"), isNotNull(emails.sentAt)))
        .groupBy(emails.campaignId)
    ]);
    return {
      total,
      rows: rows.map((r) => {
        const e = enrolmentCounts.find((c) => c.campaignId === r.id);
        return { ...r, enrolled: e?.enrolled ?? 0, active: e?.active ?? 0, replied: e?.replied ?? 0, sent: sentCounts.find((s) => s.campaignId === r.id)?.sent ?? 0 };
      }),
    };
  });
}
