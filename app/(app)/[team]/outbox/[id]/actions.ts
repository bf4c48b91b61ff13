"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/team-action";
import { replyAsRecipient } from "@/lib/inbox/reply-as-recipient";
import { replyAsRecipientSchema } from "@/lib/inbox/reply-as-recipient.schema";

export const replyAsRecipientAction = teamAction({ name: "replyAsRecipient", schema: replyAsRecipientSchema, permission: "data:write" }, async ({ input, ctx }) => {
  const result = await replyAsRecipient({ teamId: ctx.teamId, input });
  revalidatePath(`/${ctx.team.slug}/inbox`);
  return result;
});
