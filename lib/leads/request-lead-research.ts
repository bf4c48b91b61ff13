// "Research now": mark the lead's research pending (the page shows it at once) and queue the research job.
import "server-only";
import type { z } from "zod";
import { researchData } from "@/db/schema/research";
import { sendEvent } from "@/inngest/events";
import { AppError } from "@/lib/errors";
import { failLeadResearch } from "@/lib/research/research-lead";
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
  try {
    await sendEvent("leads/research.requested", { teamId, leadId: input.leadId, urls: input.urls });
  } catch (error) {
    // Never leave the lead showing "pending" for a job that was not queued.
    await failLeadResearch({ teamId, leadId: input.leadId, error: "The research job could not be queued. Try again in a minute." });
    throw new AppError("unavailable", "The research job could not be queued. Try again in a minute.", { cause: error });
  }
}
