"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/auth/team-action";
import { addReferralLead } from "@/lib/inbox/add-referral-lead";
import { replyToThread } from "@/lib/inbox/reply-to-thread";
import { replyToThreadSchema } from "@/lib/inbox/reply-to-thread.schema";
import { snoozeReply } from "@/lib/inbox/snooze-reply";
import { snoozeReplySchema } from "@/lib/inbox/snooze-reply.schema";
import { updateReplyIntent } from "@/lib/inbox/update-reply-intent";
import { updateReplyIntentSchema } from "@/lib/inbox/update-reply-intent.schema";

const refresh = (slug: string, emailId: string) => {
  revalidatePath(`/${slug}/inbox`);
  revalidatePath(`/${slug}/inbox/${emailId}`);
};

export const updateReplyIntentAction = teamAction({ name: "updateReplyIntent", schema: updateReplyIntentSchema, permission: "data:write" }, async ({ input, ctx }) => {
  const updated = await updateReplyIntent({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
  refresh(ctx.team.slug, input.emailId);
  return { intent: updated.intent };
});

export const snoozeReplyAction = teamAction({ name: "snoozeReply", schema: snoozeReplySchema, permission: "data:write" }, async ({ input, ctx }) => {
  const { snoozedUntil } = await snoozeReply({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
  refresh(ctx.team.slug, input.emailId);
  return { snoozedUntil: snoozedUntil?.toISOString() ?? null };
});

export const addReferralLeadAction = teamAction({ name: "addReferralLead", schema: z.object({ emailId: z.uuid() }), permission: "data:write" }, async ({ input, ctx }) => {
  const lead = await addReferralLead({ teamId: ctx.teamId, actorUserId: ctx.user.id, emailId: input.emailId });
  revalidatePath(`/${ctx.team.slug}/leads`);
  return lead;
});

export const replyToThreadAction = teamAction({ name: "replyToThread", schema: replyToThreadSchema, permission: "data:write" }, async ({ input, ctx }) => {
  const result = await replyToThread({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
  refresh(ctx.team.slug, input.emailId);
  return result;
});
