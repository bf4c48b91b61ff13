// One lead of the team with its research; another team's lead (or a malformed id) is "not found".
import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db";
import { leads } from "@/db/schema/leads";
import { researchData } from "@/db/schema/research";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";

/** The lead row inside an open transaction, or a not_found AppError; `forUpdate` locks it. */
export async function findTeamLead(tx: Queryable, { teamId, leadId, forUpdate = false }: { teamId: string; leadId: string; forUpdate?: boolean }) {
  if (!z.uuid().safeParse(leadId).success) throw notFound("That lead");
  const query = tx.select().from(leads).where(and(eq(leads.teamId, teamId), eq(leads.id, leadId))).limit(1);
  const [lead] = forUpdate ? await query.for("update") : await query;
  if (!lead) throw notFound("That lead");
  return lead;
}

export async function getLead({ teamId, leadId }: { teamId: string; leadId: string }) {
  return teamScope(teamId, async (tx) => {
    const lead = await findTeamLead(tx, { teamId, leadId });
    const [research] = await tx
      .select()
      .from(researchData)
      .where(and(eq(researchData.teamId, teamId), eq(researchData.leadId, leadId)))
      .limit(1);
    return { lead, research: research ?? null };
  });
}
export type LeadDetail = Awaited<ReturnType<typeof getLead>>;
