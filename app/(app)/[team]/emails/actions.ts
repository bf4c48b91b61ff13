"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/team-action";
import { sendEmailSchema } from "@/lib/sending/send-email.schema";
import { sendEmailNow } from "@/lib/sending/send-email-now";

/** Form fields: mailboxId, to, subject, html, text?, trackOpens?, trackClicks?, idempotencyKey?. */
export const sendEmailAction = teamAction({ name: "sendEmail", schema: sendEmailSchema, permission: "data:write" }, async ({ input, ctx }) => {
  const result = await sendEmailNow({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
  revalidatePath(`/${ctx.team.slug}/compose`);
  return { emailId: result.emailId };
});
