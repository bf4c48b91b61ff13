"use server";

import { revalidatePath } from "next/cache";
import { deleteEmailDraft } from "@/lib/ai/delete-email-draft";
import { deleteEmailDraftSchema } from "@/lib/ai/delete-email-draft.schema";
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

export const deleteEmailDraftAction = teamAction(
  { name: "deleteEmailDraft", schema: deleteEmailDraftSchema, permission: "data:write" },
  async ({ input, ctx }) => {
    await deleteEmailDraft({ teamId: ctx.teamId, userId: ctx.user.id, draftId: input.draftId });
    revalidatePath(`/${ctx.team.slug}/compose`);
    // Nothing to hand back: the re-rendered page simply no longer lists it (the confirm button's state type).
    return undefined as never;
  },
);
