// "Add lead" by hand: one address per team, never one the team has suppressed (or erased).
import "server-only";
import { leads } from "@/db/schema/leads";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { findSuppression } from "@/lib/sending/is-suppressed";
import { teamScope } from "@/lib/teams/team-scope";
import type { CreateLeadInput } from "./lead-fields.schema";

export async function createLead({ teamId, actorUserId, input }: { teamId: string; actorUserId: string | null; input: CreateLeadInput }) {
  const email = input.email.trim().toLowerCase();
  return teamScope(teamId, async (tx) => {
    if (await findSuppression(tx, { teamId, address: email })) {
      const message = "This address is on the team's suppression list (unsubscribed, bounced, erased or blocked), so it cannot be added as a lead.";
      throw new AppError("conflict", message, { fields: { email: [message] } });
    }
    const [lead] = await tx
      .insert(leads)
      .values({ ...input, email, teamId, source: "manual", ownerUserId: actorUserId, tags: input.tags ?? [], customFields: input.customFields ?? {} })
      .onConflictDoNothing({ target: [leads.teamId, leads.email] })
      .returning();
    if (!lead) {
      const message = "A lead with this address already exists in this team.";
      throw new AppError("conflict", message, { fields: { email: [message] } });
    }
    await recordAudit(tx, { teamId, actorUserId, action: "lead.created", targetType: "lead", targetId: lead.id, metadata: { source: "manual" } });
    return lead;
  });
}
