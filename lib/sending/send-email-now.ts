// "Send now": queue the email, then hand it to the send function. The event id is the email id, so
// re-emitting for a stuck queued email (or a retried request) never starts a second send.
import "server-only";
import { sendEvent } from "@/inngest/events";
import { queueEmail } from "./queue-email";
import type { SendEmailInput } from "./send-email.schema";

export async function sendEmailNow({ teamId, actorUserId, input }: { teamId: string; actorUserId: string | null; input: SendEmailInput }) {
  const { email, created } = await queueEmail({ teamId, actorUserId, input });
  if (email.status === "queued") {
    await sendEvent("email/send.requested", { teamId, emailId: email.id, mailboxId: email.mailboxId! }, { id: `email-send-${email.id}` });
  }
  return { emailId: email.id, status: email.status, created };
}
