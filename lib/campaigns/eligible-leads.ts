// Which of a selection's leads a campaign may email: not unsubscribed, not bounced, not on the suppression list
// (address, domain, or an erased lead's hashed address). Used by the review screen and by enrolment alike.
import "server-only";
import { and, isNull, sql, type SQL } from "drizzle-orm";
import type { CampaignLeadSelection } from "@/db/schema/campaigns";
import { leads } from "@/db/schema/leads";
import { suppressions } from "@/db/schema/suppressions";
import { leadFilterConditions, leadFilterSchema } from "@/lib/leads/lead-filter";

/** Leads the selection matches, whatever their state. */
export function selectedLeadConditions(teamId: string, selection: CampaignLeadSelection): SQL {
  return leadFilterConditions(teamId, leadFilterSchema.parse(selection));
}

/** SQL true when the lead's address is suppressed for the team. */
export function leadIsSuppressed(teamId: string): SQL {
  return sql`exists (select 1 from ${suppressions} s where s.team_id = ${teamId} and (
    (s.kind = 'address' and s.value = ${leads.email})
    or (s.kind = 'domain' and s.value = ${leads.emailDomain})
    or (s.kind = 'address_hash' and s.value = encode(sha256(convert_to(${leads.email}, 'UTF8')), 'hex'))))`;
}

/** Leads of the selection that may be emailed at all. */
export function eligibleLeadConditions(teamId: string, selection: CampaignLeadSelection): SQL {
  return and(selectedLeadConditions(teamId, selection), isNull(leads.unsubscribedAt), isNull(leads.bouncedAt), sql`not ${leadIsSuppressed(teamId)}`)!;
}
