// How a campaign's lead selection splits up, in one pass over the selected leads (COUNT … FILTER), for 100k leads.
import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import type { CampaignLeadSelection } from "@/db/schema/campaigns";
import { queryRows } from "@/db/query-rows";
import { leads } from "@/db/schema/leads";
import { leadIsSuppressed, selectedLeadConditions } from "./eligible-leads";

export type CampaignLeadCounts = {
  selected: number;
  /** May be enrolled now: not unsubscribed, bounced or suppressed, and not in this campaign already. */
  eligible: number;
  unsubscribed: number;
  bounced: number;
  suppressed: number;
  alreadyEnrolled: number;
  /** Eligible leads whose time zone is unknown. */
  eligibleWithoutTimezone: number;
};

/** Each excluded lead is counted once, under the first reason that applies (unsubscribed, then bounced, then suppressed). */
export async function countCampaignLeads(db: Queryable, { teamId, campaignId, selection }: { teamId: string; campaignId: string | null; selection: CampaignLeadSelection }): Promise<CampaignLeadCounts> {
  const enrolled = campaignId
    ? sql`exists (select 1 from campaign_enrolments ce where ce.campaign_id = ${campaignId} and ce.lead_id = ${leads.id})`
    : sql`false`;
  const [row] = await queryRows<CampaignLeadCounts>(
    db,
    sql`select
        count(*)::int as "selected",
        (count(*) filter (where unsub))::int as "unsubscribed",
        (count(*) filter (where not unsub and bounced))::int as "bounced",
        (count(*) filter (where not unsub and not bounced and suppressed))::int as "suppressed",
        (count(*) filter (where enrolled))::int as "alreadyEnrolled",
        (count(*) filter (where not unsub and not bounced and not suppressed and not enrolled))::int as "eligible",
        (count(*) filter (where not unsub and not bounced and not suppressed and not enrolled and no_tz))::int as "eligibleWithoutTimezone"
      from (
        select ${leads.unsubscribedAt} is not null as unsub,
               ${leads.bouncedAt} is not null as bounced,
               ${leadIsSuppressed(teamId)} as suppressed,
               ${enrolled} as enrolled,
               ${leads.timezone} is null as no_tz
        from ${leads}
        where ${selectedLeadConditions(teamId, selection)}
      ) as x`,
  );
  return row;
}
