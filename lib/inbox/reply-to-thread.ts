// A rep's answer to a reply, sent from the inbox through the normal pipeline (queueEmail → email/send.requested),
// from the mailbox the reply arrived in, threaded under their message so it lands in the same conversation.
import "server-only";
import { sendEvent } from "@/inngest/events";
import { AppError } from "@/lib/errors";
import { plainTextToHtml } from "@/lib/templates/plain-text-to-html";
import { queueEmail } from "@/lib/sending/queue-email";
import { teamScope } from "@/lib/teams/team-scope";
import { findInboxReply } from "./find-inbox-reply";
import type { ReplyToThreadInput } from "./reply-to-thread.schema";

export async function replyToThread({ teamId, actorUserId, input }: { teamId: string; actorUserId: string | null; input: ReplyToThreadInput }) {
  const theirs = await teamScope(teamId, (tx) => findInboxReply(tx, { teamId, emailId: input.emailId }));
  if (!theirs.mailboxId) throw new AppError("conflict", "The mailbox this reply arrived in was removed. Connect it again to answer from it.");
  const references = [...(theirs.referencesHeader?.split(/\s+/).filter(Boolean) ?? [])];
  if (theirs.messageId && !references.includes(theirs.messageId)) references.push(theirs.messageId);

  const { email, created } = await queueEmail({
    teamId,
    actorUserId,
    input: {
      mailboxId: theirs.mailboxId,
      to: theirs.fromAddress.trim().toLowerCase(),
      subject: input.subject,
      html: plainTextToHtml(input.body),
      text: input.body,
      // A personal answer in a conversation: no pixel, no rewritten links.
      trackOpens: false,
      trackClicks: false,
      idempotencyKey: `inbox-reply:${input.idempotencyKey}`,
    },
    // No campaign or enrolment on purpose: the enrolment is stopped by their reply, and the send step would
    // cancel an email tied to a stopped enrolment; the rep answering is not a sequence step.
    threading: {
      threadId: theirs.threadId,
      inReplyTo: theirs.messageId,
      references,
      providerThreadId: theirs.providerThreadId,
      authorUserId: actorUserId,
    },
  });
  if (email.status === "queued") {
    await sendEvent("email/send.requested", { teamId, emailId: email.id, mailboxId: email.mailboxId! }, { id: `email-send-${email.id}` });
  }
  return { emailId: email.id, status: email.status, created };
}
