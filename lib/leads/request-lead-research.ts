// "Research now": mark the lead's research pending (the page shows it at once) and queue the research job.
import "server-only";
import type { z } from "zod";
import { researchData } from "@/db/schema/research";
import { sendEvent } from "@/inngest/events";
import { teamScope } from "@/lib/teams/team-scope";
import { findTeamLead } from "./get-lead";
import type { requestLeadResearchSchema } from "./lead-facts.schema";

export async function requestLeadResearch({ teamId, input }: { teamId: string; input: z.infer<typeof requestLeadResearchSchema> }) {
  await teamScope(teamId, async (tx) => {
    await findTeamLead(tx, { teamId, leadId: input.leadId });
    await tx
      .insert(researchData)
      .values({ teamId, leadId: input.leadId, status: "pending" })
      .onConflictDoUpdate({ target: researchData.leadId, set: { status: "pending", error: null } });
  });
  await sendEvent("leads/research.requested", { teamId, leadId: input.leadId, urls: input.urls });
}
