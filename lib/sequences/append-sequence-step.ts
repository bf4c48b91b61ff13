import "server-only";
import { AppError } from "@/lib/errors";
import { getSequence, sequenceFormState } from "./get-sequence";
import { saveSequence } from "./save-sequence";
import { sequenceSchema, type SequenceFormState } from "./sequence.schema";

type Content = { subject: string; body: string; templateId?: string | null };

/** A follow-up's defaults: three business days later, only if they have not replied, in the same thread. */
function newStep(content: Content, first: boolean): SequenceFormState["steps"][number] {
  return {
    delay: first ? 0 : 3,
    delayUnit: "days",
    businessDays: !first,
    condition: "no_reply",
    sameThread: !first,
    variants: [{ label: "A", subject: content.subject, body: content.body, weight: 1, templateId: content.templateId ?? "" }],
  };
}

function checked(state: SequenceFormState) {
  const parsed = sequenceSchema.safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path[0] === "steps" && typeof issue.path[1] === "number" ? `Step ${issue.path[1] + 1}: ` : "";
    throw new AppError("invalid_input", `${where}${issue.message}`);
  }
  return parsed.data;
}

/** Appends the content as the new last step (one variant, A) of an existing sequence, or starts a new sequence with it. */
export async function appendSequenceStep({ teamId, actorUserId, target, content }: { teamId: string; actorUserId: string; target: { sequenceId: string } | { newName: string }; content: Content }) {
  if ("newName" in target) {
    const input = checked({ name: target.newName, steps: [newStep(content, true)] });
    const { sequenceId } = await saveSequence({ teamId, actorUserId, input });
    return { sequenceId, position: 0, name: input.name };
  }
  const current = sequenceFormState(await getSequence({ teamId, sequenceId: target.sequenceId }));
  const input = checked({ ...current, steps: [...current.steps, newStep(content, current.steps.length === 0)] });
  await saveSequence({ teamId, actorUserId, input });
  return { sequenceId: target.sequenceId, position: input.steps.length - 1, name: input.name };
}
