import "server-only";
import { sequences, sequenceStepVariants, sequenceSteps } from "@/db/schema/sequences";
import { recordAudit } from "@/lib/audit/record-audit";
import { teamScope } from "@/lib/teams/team-scope";
import { getSequence } from "./get-sequence";

/** A draft copy with new ids throughout (archived sequences too: this is how one is changed after archiving). */
export async function duplicateSequence({ teamId, actorUserId, sequenceId }: { teamId: string; actorUserId: string; sequenceId: string }) {
  return teamScope(teamId, async (tx) => {
    const source = await getSequence({ teamId, sequenceId, db: tx });
    const [copy] = await tx
      .insert(sequences)
      .values({ teamId, name: `Copy of ${source.name}`.slice(0, 100), description: source.description, status: "draft", createdByUserId: actorUserId })
      .returning();
    for (const step of source.steps) {
      const [s] = await tx
        .insert(sequenceSteps)
        .values({ teamId, sequenceId: copy.id, position: step.position, delayMinutes: step.delayMinutes, delayBusinessDays: step.delayBusinessDays, condition: step.condition, sameThread: step.sameThread })
        .returning({ id: sequenceSteps.id });
      if (step.variants.length > 0) {
        await tx.insert(sequenceStepVariants).values(
          step.variants.map((v) => ({ teamId, stepId: s.id, label: v.label, subject: v.subject, bodyHtml: v.bodyHtml, bodyText: v.bodyText, templateId: v.templateId, weight: v.weight })),
        );
      }
    }
    await recordAudit(tx, { teamId, actorUserId, action: "sequences.duplicated", targetType: "sequence", targetId: copy.id, metadata: { from: sequenceId } });
    return copy;
  });
}
