"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/team-action";
import { addSuppressions, removeSuppression } from "@/lib/suppressions/manage-suppressions";
import { addSuppressionsSchema, removeSuppressionSchema } from "@/lib/suppressions/suppression-entry.schema";

export const addSuppressionsAction = teamAction(
  { name: "addSuppressions", schema: addSuppressionsSchema, permission: "data:write" },
  async ({ input, ctx }) => {
    const result = await addSuppressions({ teamId: ctx.teamId, actorUserId: ctx.user.id, text: input.entries });
    revalidatePath(`/${ctx.team.slug}/suppressions`);
    return result;
  },
);

export const removeSuppressionAction = teamAction(
  { name: "removeSuppression", schema: removeSuppressionSchema, permission: "team:settings" },
  async ({ input, ctx }) => {
    await removeSuppression({ teamId: ctx.teamId, actorUserId: ctx.user.id, suppressionId: input.suppressionId });
    revalidatePath(`/${ctx.team.slug}/suppressions`);
    return null;
  },
);
