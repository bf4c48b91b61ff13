"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/auth/team-action";
import { requestMailboxSync } from "@/lib/inbound/request-mailbox-sync";
import { resumeMailbox } from "@/lib/mailboxes/resume-mailbox";

const mailboxIdSchema = z.object({ mailboxId: z.uuid() });

export const syncMailboxNowAction = teamAction({ name: "syncMailboxNow", schema: mailboxIdSchema, permission: "data:write" }, async ({ input, ctx }) => {
  await requestMailboxSync({ teamId: ctx.teamId, mailboxId: input.mailboxId });
  revalidatePath(`/${ctx.team.slug}/mailboxes/${input.mailboxId}`);
  return { requested: true };
});

export const resumeMailboxAction = teamAction({ name: "resumeMailbox", schema: mailboxIdSchema, permission: "team:settings" }, async ({ input, ctx }) => {
  await resumeMailbox({ teamId: ctx.teamId, mailboxId: input.mailboxId, actorUserId: ctx.user.id });
  revalidatePath(`/${ctx.team.slug}/mailboxes`, "layout");
  return null;
});
