// Inbound rows as the ingest stores them (direction inbound, status received, matched to our sent email and
// sharing its thread), for inbox tests that do not go through parsing and matching.
import { randomBytes } from "node:crypto";
import { getDb } from "@/db";
import { emails, type Email, type NewEmail } from "@/db/schema/emails";

export function inboundMessageId(domain = "lead.example") {
  return `<${randomBytes(8).toString("hex")}@${domain}>`;
}

/** Their reply to `answers` (our sent email): same thread, lead, campaign, enrolment and mailbox. */
export async function insertInboundReply({
  answers,
  from,
  text = "Sounds interesting, tell me more.",
  subject,
  receivedAt = new Date(),
  extra = {},
}: {
  answers: Pick<Email, "id" | "teamId" | "threadId" | "leadId" | "campaignId" | "enrolmentId" | "mailboxId" | "fromAddress" | "subject" | "messageId" | "referencesHeader">;
  from: string;
  text?: string;
  subject?: string;
  receivedAt?: Date;
  extra?: Partial<NewEmail>;
}): Promise<Email> {
  const db = await getDb();
  const references = [...(answers.referencesHeader?.split(/\s+/).filter(Boolean) ?? []), answers.messageId!].join(" ");
  const [row] = await db
    .insert(emails)
    .values({
      teamId: answers.teamId,
      direction: "inbound",
      status: "received",
      inboundKind: "reply",
      answersEmailId: answers.id,
      matchedBy: "in_reply_to",
      threadId: answers.threadId,
      leadId: answers.leadId,
      campaignId: answers.campaignId,
      enrolmentId: answers.enrolmentId,
      mailboxId: answers.mailboxId,
      fromAddress: from,
      toAddresses: [answers.fromAddress],
      subject: subject ?? `Re: ${answers.subject}`,
      bodyText: `${text}\n\nOn Mon, 1 Jun 2026 at 09:00, Rep <${answers.fromAddress}> wrote:\n> ${answers.subject}\n> our pitch`,
      messageId: inboundMessageId(from.split("@")[1]),
      inReplyTo: answers.messageId,
      referencesHeader: references,
      providerMessageId: `test-${randomBytes(6).toString("hex")}`,
      receivedAt,
      intent: "interested",
      intentSource: "rules",
      processedAt: receivedAt,
      ...extra,
    })
    .returning();
  return row;
}
