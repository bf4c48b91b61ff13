// A new campaign starts as a draft: nothing is sent until someone reviews and starts it.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { campaigns } from "@/db/schema/campaigns";
import { teamScope } from "@/lib/teams/team-scope";
import type { CampaignSettings } from "./campaign.schema";
import { checkCampaignReferences, replaceCampaignMailboxes } from "./campaign-references";

export async function createCampaign({ teamId, actorUserId, settings }: { teamId: string; actorUserId: string | null; settings: CampaignSettings }) {
  return teamScope(teamId, async (tx) => {
    await checkCampaignReferences(tx, teamId, settings);
    const { mailboxes: rotation, ...columns } = settings;
    const [row] = await tx.insert(campaigns).values({ ...columns, teamId, status: "draft", createdByUserId: actorUserId }).returning();
    await replaceCampaignMailboxes(tx, teamId, row.id, rotation);
    await recordAudit(tx, { teamId, actorUserId, action: "campaign.created", targetType: "campaign", targetId: row.id, metadata: { name: row.name } });
    return row;
  });
}
