// The lead's edit form: every field but the address (which is the lead's identity), its tags and status.
import "server-only";
import { and, eq } from "drizzle-orm";
import { leads } from "@/db/schema/leads";
import { recordAudit } from "@/lib/audit/record-audit";
import { teamScope } from "@/lib/teams/team-scope";
import { findTeamLead } from "./get-lead";
import type { UpdateLeadInput } from "./lead-fields.schema";

export async function updateLead({ teamId, actorUserId, input }: { teamId: string; actorUserId: string | null; input: UpdateLeadInput }) {
  const { leadId, ...changes } = input;
  return teamScope(teamId, async (tx) => {
    await findTeamLead(tx, { teamId, leadId, forUpdate: true });
    const [lead] = await tx
      .update(leads)
      .set({ ...changes, tags: changes.tags ?? [], customFields: changes.customFields ?? {} })
      .where(and(eq(leads.teamId, teamId), eq(leads.id, leadId)))
      .returning();
    await recordAudit(tx, { teamId, actorUserId, action: "lead.updated", targetType: "lead", targetId: leadId, metadata: { fields: Object.keys(changes) } });
    return lead;
  });
}
