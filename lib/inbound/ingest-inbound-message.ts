// The one door for inbound mail, whatever brought it (IMAP, Gmail, Graph, Resend, the local outbox): decide what the
// message is, store it matched to what we sent, then apply what it means — stop, pause, suppress, notify.
// Safe to run twice: the row is keyed by (mailbox, provider message id) and consequences are finished until
// processed_at is set.
import "server-only";
import { and, eq } from "drizzle-orm";
import { emails, type InboundKind } from "@/db/schema/emails";
import { engineNow } from "@/lib/jobs/clock";
import { teamScope } from "@/lib/teams/team-scope";
import { applyReply } from "./apply-reply";
import { detectAutoReply, looksOutOfOffice } from "./detect-auto-reply";
import { parseRawMessage, type InboundMessage, type RawInbound } from "./inbound-message";
import { parseComplaint } from "./parse-complaint";
import { parseDeliveryReport } from "./parse-delivery-report";
import { recordBounce } from "./record-bounce";
import { recordComplaint } from "./record-complaint";
import { storeInboundEmail, type Bounce } from "./store-inbound-email";

export type IngestResult = { emailId: string; kind: InboundKind; duplicate: boolean; leadId: string | null; action: string };

export async function ingestRawMessage({ teamId, mailboxId, inbound, now = engineNow() }: { teamId: string; mailboxId: string; inbound: RawInbound; now?: Date }): Promise<IngestResult> {
  const message = await parseRawMessage(inbound.raw);
  return ingestInboundMessage({
    teamId,
    mailboxId,
    providerMessageId: inbound.providerMessageId,
    providerThreadId: inbound.providerThreadId ?? null,
    receivedAt: inbound.receivedAt ?? message.date ?? now,
    message,
    now,
  });
}

export async function ingestInboundMessage({
  teamId,
  mailboxId,
  providerMessageId,
  providerThreadId = null,
  receivedAt,
  message,
  now = engineNow(),
}: {
  teamId: string;
  mailboxId: string;
  providerMessageId: string;
  providerThreadId?: string | null;
  receivedAt: Date;
  message: InboundMessage;
  now?: Date;
}): Promise<IngestResult> {
  const report = parseDeliveryReport(message);
  const complaint = report ? null : parseComplaint(message);
  const auto = report || complaint ? null : detectAutoReply(message);
  // An out-of-office is automatic even when its headers forgot to say so.
  const outOfOffice = !!auto && looksOutOfOffice({ subject: message.subject, text: message.text }); // auto is null for reports
  const kind: InboundKind = report ? "bounce" : complaint ? "complaint" : auto?.auto || outOfOffice ? "auto_reply" : "reply";
  const bounce: Bounce | null = report ? { type: report.type, status: report.status, recipient: report.recipient, diagnostic: report.diagnostic } : null;

  const { email, match, duplicate } = await storeInboundEmail({
    teamId,
    mailboxId,
    providerMessageId,
    providerThreadId,
    receivedAt,
    message,
    kind,
    report: report ?? complaint,
    bounce,
  });
  const result = { emailId: email.id, kind: email.inboundKind ?? kind, duplicate, leadId: email.leadId };
  if (email.processedAt) return { ...result, action: "already processed" };

  let action = "none";
  if (report) {
    const { outcome } = await recordBounce({ teamId, mailboxId, outboundEmailId: match.outbound?.id ?? null, recipient: report.recipient, type: report.type, status: report.status, diagnostic: report.diagnostic, dedupeKey: `bounce:${email.id}`, now, retry: !report.delayed });
    action = outcome;
  } else if (complaint) {
    const { suppressed } = await recordComplaint({ teamId, outboundEmailId: match.outbound?.id ?? null, recipient: complaint.recipient, dedupeKey: `complaint:${email.id}`, now });
    action = suppressed ? "suppressed" : "none";
  } else if (email.leadId) {
    action = await applyReply({ teamId, email, message, automatic: kind === "auto_reply" ? { outOfOffice } : null, outboundEmailId: match.outbound?.id ?? null, now });
  }

  await teamScope(teamId, (tx) => tx.update(emails).set({ processedAt: now }).where(and(eq(emails.teamId, teamId), eq(emails.id, email.id))));
  return { ...result, action };
}
