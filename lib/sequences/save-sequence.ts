import "server-only";
import { and, eq, gte, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { sequences, sequenceStepVariants, sequenceSteps } from "@/db/schema/sequences";
import { templates } from "@/db/schema/templates";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { assertKnownVariables } from "@/lib/templates/known-variables";
import { plainTextToHtml } from "@/lib/templates/plain-text-to-html";
import { delayToMinutes, type SequenceInput, type StepInput } from "./sequence.schema";

/**
 * Creates or replaces a whole sequence in one transaction: steps are upserted by position, variants by label
 * (an unchanged label keeps its id, which sent emails and enrolments refer to), and anything removed is deleted.
 * Any failure leaves the sequence exactly as it was.
 */
export async function saveSequence({ teamId, actorUserId, input }: { teamId: string; actorUserId: string; input: SequenceInput }) {
  return teamScope(teamId, async (tx) => {
    const texts: Record<string, string> = {};
    input.steps.forEach((s, i) => s.variants.forEach((v, j) => {
      texts[`steps.${i}.variants.${j}.subject`] = v.subject;
      texts[`steps.${i}.variants.${j}.body`] = v.body;
    }));
    await assertKnownVariables(tx, teamId, texts);

    let sequenceId = input.sequenceId;
    if (sequenceId) {
      const [current] = await tx.select({ status: sequences.status }).from(sequences).where(and(eq(sequences.teamId, teamId), eq(sequences.id, sequenceId))).for("update");
      if (!current) throw notFound("That sequence");
      if (current.status === "archived") throw new AppError("conflict", "This sequence is archived and can no longer be edited. Duplicate it to make changes.");
      await tx.update(sequences).set({ name: input.name, description: input.description }).where(and(eq(sequences.teamId, teamId), eq(sequences.id, sequenceId)));
    } else {
      const [created] = await tx.insert(sequences).values({ teamId, name: input.name, description: input.description, createdByUserId: actorUserId }).returning({ id: sequences.id });
      sequenceId = created.id;
    }

    const existing = await tx.select().from(sequenceSteps).where(and(eq(sequenceSteps.teamId, teamId), eq(sequenceSteps.sequenceId, sequenceId)));
    const byPosition = new Map(existing.map((s) => [s.position, s]));
    for (const [position, step] of input.steps.entries()) {
      await saveStep(tx, { teamId, sequenceId, position, step, existingId: byPosition.get(position)?.id });
    }
    await tx.delete(sequenceSteps).where(and(eq(sequenceSteps.teamId, teamId), eq(sequenceSteps.sequenceId, sequenceId), gte(sequenceSteps.position, input.steps.length)));

    await recordAudit(tx, { teamId, actorUserId, action: input.sequenceId ? "sequences.updated" : "sequences.created", targetType: "sequence", targetId: sequenceId, metadata: { name: input.name, steps: input.steps.length } });
    return { sequenceId };
  });
}

function stepRow(position: number, step: StepInput) {
  return {
    position,
    delayMinutes: delayToMinutes(step),
    delayBusinessDays: step.businessDays && step.delayUnit === "days",
    condition: step.condition,
    sameThread: position > 0 && step.sameThread,
  };
}

async function saveStep(tx: Tx, { teamId, sequenceId, position, step, existingId }: { teamId: string; sequenceId: string; position: number; step: StepInput; existingId?: string }) {
  let stepId = existingId;
  if (stepId) {
    await tx.update(sequenceSteps).set(stepRow(position, step)).where(and(eq(sequenceSteps.teamId, teamId), eq(sequenceSteps.id, stepId)));
  } else {
    const [row] = await tx.insert(sequenceSteps).values({ teamId, sequenceId, ...stepRow(position, step) }).returning({ id: sequenceSteps.id });
    stepId = row.id;
  }

  const current = await tx.select({ id: sequenceStepVariants.id, label: sequenceStepVariants.label }).from(sequenceStepVariants).where(and(eq(sequenceStepVariants.teamId, teamId), eq(sequenceStepVariants.stepId, stepId)));
  const keep = new Set<string>(step.variants.map((v) => v.label));
  const removed = current.filter((v) => !keep.has(v.label)).map((v) => v.id);
  if (removed.length > 0) await tx.delete(sequenceStepVariants).where(and(eq(sequenceStepVariants.teamId, teamId), inArray(sequenceStepVariants.id, removed)));

  const idByLabel = new Map(current.map((v) => [v.label, v.id]));
  for (const v of step.variants) {
    if (v.templateId) await assertTemplateOfTeam(tx, teamId, v.templateId);
    const row = {
      label: v.label,
      subject: v.subject.trim() || null,
      bodyText: v.body,
      bodyHtml: plainTextToHtml(v.body),
      weight: v.weight,
      templateId: v.templateId,
    };
    const id = idByLabel.get(v.label);
    if (id) await tx.update(sequenceStepVariants).set(row).where(and(eq(sequenceStepVariants.teamId, teamId), eq(sequenceStepVariants.id, id)));
    else await tx.insert(sequenceStepVariants).values({ teamId, stepId, ...row });
  }
}

// An archived template still counts: a step copied from it before it was archived keeps saving.
async function assertTemplateOfTeam(tx: Tx, teamId: string, templateId: string) {
  const [t] = await tx.select({ id: templates.id }).from(templates).where(and(eq(templates.teamId, teamId), eq(templates.id, templateId))).limit(1);
  if (!t) throw notFound("The template a variant uses");
}
