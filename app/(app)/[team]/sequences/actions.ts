"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { teamAction } from "@/lib/auth/team-action";
import { archiveSequence } from "@/lib/sequences/archive-sequence";
import { duplicateSequence } from "@/lib/sequences/duplicate-sequence";
import { saveSequence } from "@/lib/sequences/save-sequence";
import { sequenceIdSchema, sequenceSchema } from "@/lib/sequences/sequence.schema";

export const saveSequenceAction = teamAction(
  { name: "saveSequence", schema: sequenceSchema, permission: "data:write" },
  async ({ input, ctx }) => {
    const { sequenceId } = await saveSequence({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
    revalidatePath(`/${ctx.team.slug}/sequences`);
    if (!input.sequenceId) redirect(`/${ctx.team.slug}/sequences/${sequenceId}?saved=1`);
    return { sequenceId };
  },
);

export const archiveSequenceAction = teamAction(
  { name: "archiveSequence", schema: sequenceIdSchema, permission: "data:write" },
  async ({ input, ctx }): Promise<never> => {
    const { outcome } = await archiveSequence({ teamId: ctx.teamId, actorUserId: ctx.user.id, sequenceId: input.sequenceId });
    revalidatePath(`/${ctx.team.slug}/sequences`);
    redirect(`/${ctx.team.slug}/sequences?notice=${outcome}`);
  },
);

export const duplicateSequenceAction = teamAction(
  { name: "duplicateSequence", schema: sequenceIdSchema, permission: "data:write" },
  async ({ input, ctx }): Promise<never> => {
    const copy = await duplicateSequence({ teamId: ctx.teamId, actorUserId: ctx.user.id, sequenceId: input.sequenceId });
    revalidatePath(`/${ctx.team.slug}/sequences`);
    redirect(`/${ctx.team.slug}/sequences/${copy.id}?duplicated=1`);
  },
);
