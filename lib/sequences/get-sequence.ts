import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Queryable } from "@/db";
import { sequences, sequenceStepVariants, sequenceSteps, type Sequence, type SequenceStep, type SequenceStepVariant } from "@/db/schema/sequences";
import { htmlToText } from "@/lib/email/mime/html-to-text";
import { notFound } from "@/lib/errors";
import { minutesToDelay, type SequenceFormState } from "./sequence.schema";

export type SequenceWithSteps = Sequence & { steps: (SequenceStep & { variants: SequenceStepVariant[] })[] };

/** A sequence of this team with its steps (by position) and their variants (by label); another team's is "not found". */
export async function getSequence({ teamId, sequenceId, db }: { teamId: string; sequenceId: string; db?: Queryable }): Promise<SequenceWithSteps> {
  const q = db ?? (await getDb());
  const [sequence] = await q.select().from(sequences).where(and(eq(sequences.teamId, teamId), eq(sequences.id, sequenceId))).limit(1);
  if (!sequence) throw notFound("That sequence");
  const steps = await q.select().from(sequenceSteps).where(and(eq(sequenceSteps.teamId, teamId), eq(sequenceSteps.sequenceId, sequenceId))).orderBy(asc(sequenceSteps.position));
  const variants = steps.length
    ? await q.select().from(sequenceStepVariants).where(and(eq(sequenceStepVariants.teamId, teamId), inArray(sequenceStepVariants.stepId, steps.map((s) => s.id)))).orderBy(asc(sequenceStepVariants.label))
    : [];
  return { ...sequence, steps: steps.map((s) => ({ ...s, variants: variants.filter((v) => v.stepId === s.id) })) };
}

/** The builder's state for a saved sequence: what the form edits and sends back to saveSequence. */
export function sequenceFormState(seq: SequenceWithSteps): SequenceFormState {
  return {
    sequenceId: seq.id,
    name: seq.name,
    description: seq.description ?? "",
    steps: seq.steps.map((s) => ({
      ...minutesToDelay(s.delayMinutes, s.delayBusinessDays),
      businessDays: s.delayBusinessDays,
      condition: s.condition,
      sameThread: s.position > 0 && s.sameThread,
      variants: s.variants.map((v) => ({
        label: v.label as "A",
        subject: v.subject ?? "",
        body: v.bodyText ?? htmlToText(v.bodyHtml),
        weight: v.weight,
        templateId: v.templateId ?? "",
      })),
    })),
  };
}
