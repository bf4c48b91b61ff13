// The pipeline's front half: validate → lead → suppression check → render → an `emails` row in `queued`.
// The caller then emits `email/send.requested`; the send function takes it from there.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { recordAudit } from "@/lib/audit/record-audit";
import { newMessageId } from "@/lib/email/mime/message-id";
import { leadVariables } from "@/lib/email/render/lead-variables";
import { renderEmailContent } from "@/lib/email/render/render-email-content";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { findSuppression } from "./is-suppressed";
import type { SendEmailInput } from "./send-email.schema";

/**
 * Internal only (not in the public send schema): a reply written in the inbox joins an existing conversation.
 * The caller derives these from the stored inbound message, never from a request body.
 */
export type EmailThreading = {
  threadId: string;
  /** Their Message-ID (with angle brackets). */
  inReplyTo: string | null;
  /** Their References followed by their Message-ID, oldest first. */
  references: string[];
  providerThreadId: string | null;
  authorUserId: string | null;
};

export async function queueEmail({
  teamId,
  actorUserId,
  input,
  threading,
}: {
  teamId: string;
  actorUserId: string | null;
  input: SendEmailInput;
  threading?: EmailThreading;
}) {
  const idempotencyKey = input.idempotencyKey ?? `one-off:${randomUUID()}`;
  return teamScope(teamId, async (tx) => {
    const [existing] = await tx.select().from(emails).where(and(eq(emails.teamId, teamId), eq(emails.idempotencyKey, idempotencyKey))).limit(1);
    if (existing) return { email: existing, created: false };

    const [mailbox] = await tx.select().from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, input.mailboxId))).limit(1);
    if (!mailbox) throw notFound("That mailbox");
    if (mailbox.status !== "active") {
      throw new AppError("conflict", `${mailbox.email} is ${mailbox.status}${mailbox.statusReason ? `: ${mailbox.statusReason}` : ""}. Fix it on the Mailboxes page first.`);
    }
    const suppressed = await findSuppression(tx, { teamId, address: input.to });
    if (suppressed) {
      throw new AppError("conflict", `${input.to} is on this team's suppression list (${suppressed.reason.replace("_", " ")}); we will not email it.`, { fields: { to: ["On the suppression list."] } });
    }

    await tx.insert(leads).values({ teamId, email: input.to, source: "one-off" }).onConflictDoNothing();
    const [lead] = await tx.select().from(leads).where(and(eq(leads.teamId, teamId), eq(leads.email, input.to))).limit(1);
    if (lead.unsubscribedAt || lead.bouncedAt) {
      throw new AppError("conflict", `${input.to} has ${lead.unsubscribedAt ? "unsubscribed" : "hard-bounced"}; we will not email it.`, { fields: { to: ["Cannot be emailed."] } });
    }

    const id = randomUUID();
    // A reply typed to a person in the inbox goes as written: braces in it are words, not variables or spintax.
    const content = threading
      ? { subject: input.subject, html: input.html, text: input.text }
      : renderEmailContent({ template: { subject: input.subject, html: input.html, text: input.text }, values: leadVariables(lead), seed: id });
    const [email] = await tx
      .insert(emails)
      .values({
        id,
        teamId,
        direction: "outbound",
        leadId: lead.id,
        mailboxId: mailbox.id,
        fromAddress: mailbox.email,
        fromName: mailbox.displayName,
        toAddresses: [input.to],
        subject: content.subject,
        bodyHtml: content.html,
        bodyText: content.text,
        messageId: newMessageId(mailbox.email),
        status: "queued",
        idempotencyKey,
        // Tracking choices are fixed with the row: a retry builds the very same message.
        trackOpens: input.trackOpens,
        trackClicks: input.trackClicks,
        ...(threading
          ? {
              threadId: threading.threadId,
              inReplyTo: threading.inReplyTo,
              referencesHeader: threading.references.length ? threading.references.join(" ") : null,
              providerThreadId: threading.providerThreadId,
              authorUserId: threading.authorUserId,
            }
          : {}),
      })
      .returning();
    await recordAudit(tx, { teamId, actorUserId, action: "email.queued", targetType: "email", targetId: email.id, metadata: { to: input.to, mailboxId: mailbox.id } });
    return { email, created: true };
  });
}
