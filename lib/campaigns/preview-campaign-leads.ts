// The live count beside the form's lead selection: how many leads it matches and how many could be enrolled.
import "server-only";
import type { CampaignLeadSelection } from "@/db/schema/campaigns";
import { teamScope } from "@/lib/teams/team-scope";
import { countCampaignLeads } from "./count-campaign-leads";

export async function previewCampaignLeads({ teamId, selection }: { teamId: string; selection: CampaignLeadSelection }) {
  const { selected, eligible } = await teamScope(teamId, (tx) => countCampaignLeads(tx, { teamId, campaignId: null, selection }));
  return { selected, eligible };
}
