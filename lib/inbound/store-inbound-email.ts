// Stores one inbound message as an `emails` row (direction inbound), already knowing what it is and what it
// answers. Idempotent per (mailbox, provider message id): a re-synced message returns the row stored before.
import "server-only";
import { and, eq } from "drizzle-orm";
import { emails, type BounceType, type Email, type InboundKind } from "@/db/schema/emails";
import { mailboxes } from "@/db/schema/mailboxes";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import type { InboundMessage } from "./inbound-message";
import { matchInboundMessage, type InboundMatch } from "./match-inbound-message";

export type Bounce = { type: BounceType; status: string | null; recipient: string | null; diagnostic: string | null };

// A body is kept whole up to this size; beyond it the start is what a rep reads anyway.
const MAX_BODY = 200_000;

export async function storeInboundEmail({
  teamId,
  mailboxId,
  providerMessageId,
  providerThreadId,
  receivedAt,
  message,
  kind,
  report,
  bounce,
}: {
  teamId: string;
  mailboxId: string;
  providerMessageId: string;
  providerThreadId: string | null;
  receivedAt: Date;
  message: InboundMessage;
  /** What it is, before matching: a reply until proven unmatched ("other"). */
  kind: InboundKind;
  /** Reports (DSN, ARF) name the message and the address they are about; that is what they match on. */
  report: { originalMessageId: string | null; recipient: string | null } | null;
  bounce: Bounce | null;
}): Promise<{ email: Email; match: InboundMatch; duplicate: boolean }> {
  return teamScope(teamId, async (tx) => {
    const [existing] = await tx.select().from(emails).where(and(eq(emails.teamId, teamId), eq(emails.mailboxId, mailboxId), eq(emails.providerMessageId, providerMessageId)));
    const match = await matchInboundMessage(tx, {
      teamId,
      mailboxId,
      inReplyTo: report ? report.originalMessageId : message.inReplyTo,
      references: report ? [] : message.references,
      providerThreadId: report ? null : providerThreadId,
      // A report comes from the mailer daemon; the address it is about is the failed or complaining recipient.
      senderAddress: report ? report.recipient : (message.from?.address ?? null),
    });
    if (existing) return { email: existing, match, duplicate: true };

    const [mailbox] = await tx.select({ email: mailboxes.email }).from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, mailboxId)));
    if (!mailbox) throw notFound("That mailbox");
    const [row] = await tx
      .insert(emails)
      .values({
        teamId,
        direction: "inbound",
        status: "received",
        mailboxId,
        leadId: match.leadId,
        campaignId: match.outbound?.campaignId ?? null,
        enrolmentId: match.outbound?.enrolmentId ?? null,
        answersEmailId: match.outbound?.id ?? null,
        matchedBy: match.matchedBy,
        // A matched message joins our conversation; an unmatched one starts its own.
        ...(match.outbound ? { threadId: match.outbound.threadId } : {}),
        inboundKind: kind === "reply" && !match.leadId ? "other" : kind,
        fromAddress: message.from?.address ?? "",
        fromName: message.from?.name ?? null,
        toAddresses: message.to.length ? message.to : [mailbox.email],
        ccAddresses: message.cc,
        subject: message.subject.slice(0, 1000),
        bodyText: message.text.slice(0, MAX_BODY),
        bodyHtml: message.html?.slice(0, MAX_BODY) ?? null,
        messageId: message.messageId,
        inReplyTo: message.inReplyTo,
        referencesHeader: message.references.join(" ") || null,
        providerMessageId,
        providerThreadId,
        // Providers keep whole seconds (IMAP INTERNALDATE, Graph): a quick answer can read as earlier than what it
        // answers, and the conversation would show it first.
        receivedAt: match.outbound?.sentAt && match.outbound.sentAt > receivedAt ? match.outbound.sentAt : receivedAt,
        bounceType: bounce?.type ?? null,
        bounceStatus: bounce?.status ?? null,
        bounceRecipient: bounce?.recipient ?? null,
        bounceDiagnostic: bounce?.diagnostic?.slice(0, 2000) ?? null,
      })
      .onConflictDoNothing({ target: [emails.mailboxId, emails.providerMessageId] })
      .returning();
    if (row) return { email: row, match, duplicate: false };
    // Another sync stored it between our look and our insert.
    const [raced] = await tx.select().from(emails).where(and(eq(emails.teamId, teamId), eq(emails.mailboxId, mailboxId), eq(emails.providerMessageId, providerMessageId)));
    return { email: raced, match, duplicate: true };
  });
}
