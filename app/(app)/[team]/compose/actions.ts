"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/team-action";
import { appendSequenceStep } from "@/lib/sequences/append-sequence-step";
import { appendSequenceStepSchema } from "@/lib/sequences/append-sequence-step.schema";
import { createTemplate } from "@/lib/templates/create-template";
import { templateInputSchema } from "@/lib/templates/template.schema";

export const saveDraftAsTemplateAction = teamAction(
  { name: "saveDraftAsTemplate", schema: templateInputSchema, permission: "data:write" },
  async ({ input, ctx }) => {
    const row = await createTemplate({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
    revalidatePath(`/${ctx.team.slug}/templates`);
    return { id: row.id, name: row.name };
  },
);

export const addDraftToSequenceAction = teamAction(
  { name: "addDraftToSequence", schema: appendSequenceStepSchema, permission: "data:write" },
  async ({ input, ctx }) => {
    const target = input.sequenceId === "new" ? { newName: input.newName } : { sequenceId: input.sequenceId };
    const result = await appendSequenceStep({ teamId: ctx.teamId, actorUserId: ctx.user.id, target, content: { subject: input.subject, body: input.body } });
    revalidatePath(`/${ctx.team.slug}/sequences`);
    // The composer's sequence picker then lists a sequence it just created.
    revalidatePath(`/${ctx.team.slug}/compose`);
    return result;
  },
);
