// The rep's hand on the research: add a fact with its source, correct a claim, delete a fact.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { researchData, type ResearchFact } from "@/db/schema/research";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { findTeamLead } from "./get-lead";
import type { addLeadFactSchema, deleteLeadFactSchema, updateLeadFactSchema } from "./lead-facts.schema";

/** Facts the rep added carry this id prefix, so a new research run keeps them. */
export const MANUAL_FACT_PREFIX = "manual-";

type Args<S extends z.ZodType> = { teamId: string; actorUserId: string | null; input: z.infer<S> };

/** Locks the lead's research row (creating it for a first hand-added fact) and saves what `change` returns. */
async function changeFacts(tx: Tx, teamId: string, leadId: string, change: (facts: ResearchFact[]) => ResearchFact[]) {
  await findTeamLead(tx, { teamId, leadId });
  await tx.insert(researchData).values({ teamId, leadId, status: "done" }).onConflictDoNothing({ target: researchData.leadId });
  const [row] = await tx
    .select()
    .from(researchData)
    .where(and(eq(researchData.teamId, teamId), eq(researchData.leadId, leadId)))
    .for("update");
  const facts = change(row.facts);
  await tx.update(researchData).set({ facts }).where(eq(researchData.id, row.id));
  return facts;
}

function requireFact(facts: ResearchFact[], factId: string) {
  if (!facts.some((f) => f.id === factId)) throw notFound("That fact");
}

export async function addLeadFact({ teamId, actorUserId, input }: Args<typeof addLeadFactSchema>) {
  const fact: ResearchFact = { id: `${MANUAL_FACT_PREFIX}${randomUUID()}`, claim: input.claim, sourceUrl: input.sourceUrl, fetchedAt: new Date().toISOString(), confidence: 1 };
  return teamScope(teamId, async (tx) => {
    await changeFacts(tx, teamId, input.leadId, (facts) => [...facts, fact]);
    await recordAudit(tx, { teamId, actorUserId, action: "lead.fact_added", targetType: "lead", targetId: input.leadId, metadata: { factId: fact.id } });
    return fact;
  });
}

export async function updateLeadFact({ teamId, actorUserId, input }: Args<typeof updateLeadFactSchema>) {
  return teamScope(teamId, async (tx) => {
    await changeFacts(tx, teamId, input.leadId, (facts) => {
      requireFact(facts, input.factId);
      return facts.map((f) => (f.id === input.factId ? { ...f, claim: input.claim } : f));
    });
    await recordAudit(tx, { teamId, actorUserId, action: "lead.fact_edited", targetType: "lead", targetId: input.leadId, metadata: { factId: input.factId } });
  });
}

export async function deleteLeadFact({ teamId, actorUserId, input }: Args<typeof deleteLeadFactSchema>) {
  return teamScope(teamId, async (tx) => {
    await changeFacts(tx, teamId, input.leadId, (facts) => {
      requireFact(facts, input.factId);
      return facts.filter((f) => f.id !== input.factId);
    });
    await recordAudit(tx, { teamId, actorUserId, action: "lead.fact_deleted", targetType: "lead", targetId: input.leadId, metadata: { factId: input.factId } });
  });
}
