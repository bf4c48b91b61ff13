// The newcomer's path without any mail account: play the recipient of a message a local mailbox "sent" and
// write their answer. It becomes a real RFC 822 reply (In-Reply-To/References to our Message-ID) and goes
// through the same ingest as mail from IMAP or Gmail, so matching, classification and the inbox all run.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { mailboxes } from "@/db/schema/mailboxes";
import { outboxMessages } from "@/db/schema/outbox";
import { buildMimeMessage } from "@/lib/email/mime/build-mime-message";
import { MESSAGE_ID, newMessageId } from "@/lib/email/mime/message-id";
import { notFound } from "@/lib/errors";
import { ingestRawMessage } from "@/lib/inbound/ingest-inbound-message";
import { teamScope } from "@/lib/teams/team-scope";
import { plainTextToHtml } from "@/lib/templates/plain-text-to-html";
import { replySubject } from "./reply-to-thread.schema";
import type { ReplyAsRecipientInput } from "./reply-as-recipient.schema";

/** A team outbox message that a local mailbox sent to someone, or null (system mail, other providers). */
export async function findLocalOutboxSend({ teamId, outboxMessageId }: { teamId: string; outboxMessageId: string }) {
  return teamScope(teamId, async (tx) => {
    const [row] = await tx
      .select({ message: outboxMessages, email: { id: emails.id, toAddresses: emails.toAddresses, referencesHeader: emails.referencesHeader }, mailbox: { id: mailboxes.id, email: mailboxes.email } })
      .from(outboxMessages)
      .innerJoin(emails, and(eq(emails.teamId, teamId), eq(emails.direction, "outbound"), eq(emails.messageId, outboxMessages.messageId)))
      .innerJoin(mailboxes, and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, emails.mailboxId), eq(mailboxes.provider, "local")))
      .where(and(eq(outboxMessages.teamId, teamId), eq(outboxMessages.id, outboxMessageId)))
      .limit(1);
    return row ?? null;
  });
}

export async function replyAsRecipient({ teamId, input, now = new Date() }: { teamId: string; input: ReplyAsRecipientInput; now?: Date }) {
  const sent = await findLocalOutboxSend({ teamId, outboxMessageId: input.outboxMessageId });
  if (!sent) throw notFound("That outbox message");
  const recipient = sent.email.toAddresses[0];
  const ourId = sent.message.messageId;
  const references = [...(sent.email.referencesHeader?.split(/\s+/).filter((id) => MESSAGE_ID.test(id)) ?? []), ourId];
  // Quoted the way mail clients do, so the inbox shows that the quote is stripped from the snippet.
  const quoted = sent.message.text.split(/\r?\n/).map((l) => `> ${l}`).join("\n");
  const text = `${input.body}\n\nOn ${now.toUTCString()}, ${sent.mailbox.email} wrote:\n${quoted}`;
  const built = await buildMimeMessage({
    from: { address: recipient },
    to: [sent.mailbox.email],
    subject: replySubject(sent.message.subject),
    html: plainTextToHtml(input.body),
    text,
    messageId: newMessageId(recipient),
    inReplyTo: ourId,
    references,
    date: now,
  });
  const result = await ingestRawMessage({ teamId, mailboxId: sent.mailbox.id, inbound: { providerMessageId: randomUUID(), raw: built.raw, receivedAt: now } });
  return { emailId: result.emailId, kind: result.kind };
}
