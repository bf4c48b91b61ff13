// What the Leads page's filter menus offer: the team's tags, campaigns and custom field names.
import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { campaigns } from "@/db/schema/campaigns";
import { leads } from "@/db/schema/leads";
import { teamScope } from "@/lib/teams/team-scope";

export async function listLeadFilterOptions({ teamId }: { teamId: string }) {
  return teamScope(teamId, async (tx) => {
    const tags = await tx
      .select({ tag: sql<string>`t.tag` })
      .from(sql`(select distinct unnest(${leads.tags}) as tag from ${leads} where ${leads.teamId} = ${teamId}) t`)
      .orderBy(sql`t.tag`)
      .limit(200);
    const fieldKeys = await tx
      .select({ key: sql<string>`k.key` })
      .from(sql`(select distinct jsonb_object_keys(${leads.customFields}) as key from ${leads} where ${leads.teamId} = ${teamId}) k`)
      .orderBy(sql`k.key`)
      .limit(100);
    const campaignRows = await tx
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .where(eq(campaigns.teamId, teamId))
      .orderBy(desc(campaigns.createdAt))
      .limit(200);
    return { tags: tags.map((t) => t.tag), fieldKeys: fieldKeys.map((k) => k.key), campaigns: campaignRows };
  });
}
