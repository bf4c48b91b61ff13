// What a verified Resend webhook event does for one mailbox: email.received → ingest the message;
// email.bounced / email.complained → the bounce or complaint on our outbound email; anything else is
// acknowledged and ignored. Safe to run twice for one event: ingest and the recorders are keyed.
import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { ingestInboundMessage, ingestRawMessage } from "@/lib/inbound/ingest-inbound-message";
import { recordBounce } from "@/lib/inbound/record-bounce";
import { recordComplaint } from "@/lib/inbound/record-complaint";
import { engineNow } from "@/lib/jobs/clock";
import { classifyResendBounce } from "./classify-resend-bounce";
import { fetchReceivedEmail } from "./fetch-received-email";
import { findOutboundEmailByProviderId } from "./find-outbound-email";
import type { ResendWebhookMailbox } from "./find-webhook-mailbox";
import { addressesOf, receivedEmailToInbound } from "./received-email-to-inbound";
import {
  resendBouncedDataSchema,
  resendComplainedDataSchema,
  resendReceivedDataSchema,
  type ResendEnvelope,
} from "./resend-event.schema";

export type ResendEventOutcome =
  | { result: "ingested"; emailId: string; kind: string; duplicate: boolean }
  | { result: "bounce_recorded" | "complaint_recorded"; outboundEmailId: string }
  | { result: "ignored"; reason: string };

function parseData<S extends z.ZodType>(schema: S, event: ResendEnvelope): z.infer<S> {
  const parsed = schema.safeParse(event.data);
  if (!parsed.success) throw new AppError("invalid_input", `The ${event.type} event's data is not in the shape Resend documents.`);
  return parsed.data;
}

const date = (value: string | undefined) => {
  const d = value ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

async function handleReceived(mailbox: ResendWebhookMailbox, event: ResendEnvelope): Promise<ResendEventOutcome> {
  const data = parseData(resendReceivedDataSchema, event);
  // One Resend account can receive for many addresses and sends every webhook every message: take only ours.
  const recipients = new Set(addressesOf([...data.received_for, ...data.to, ...data.cc, ...data.bcc]));
  if (!recipients.has(mailbox.email)) return { result: "ignored", reason: "not addressed to this mailbox" };

  const { email, raw } = await fetchReceivedEmail({ apiKey: mailbox.credentials.apiKey, emailId: data.email_id });
  const receivedAt = date(email.created_at) ?? date(data.created_at) ?? new Date();
  const outcome = raw
    ? await ingestRawMessage({ teamId: mailbox.teamId, mailboxId: mailbox.id, inbound: { providerMessageId: email.id, raw, receivedAt } })
    : await ingestInboundMessage({ teamId: mailbox.teamId, mailboxId: mailbox.id, providerMessageId: email.id, receivedAt, message: receivedEmailToInbound(email) });
  return { result: "ingested", emailId: outcome.emailId, kind: outcome.kind, duplicate: outcome.duplicate };
}

async function findOutbound(mailbox: ResendWebhookMailbox, emailId: string, to: string[]) {
  const outbound = await findOutboundEmailByProviderId({ teamId: mailbox.teamId, mailboxId: mailbox.id, providerMessageId: emailId });
  if (!outbound) return null;
  // Our sends go to one lead; if Resend names several recipients, prefer the one our row was sent to.
  const ours = new Set([...outbound.toAddresses, ...outbound.ccAddresses].map((a) => a.toLowerCase()));
  const recipient = addressesOf(to).find((a) => ours.has(a)) ?? outbound.toAddresses[0]?.toLowerCase() ?? null;
  return { id: outbound.id, recipient };
}

export async function handleResendEvent({ mailbox, event }: { mailbox: ResendWebhookMailbox; event: ResendEnvelope }): Promise<ResendEventOutcome> {
  switch (event.type) {
    case "email.received":
      return handleReceived(mailbox, event);
    case "email.bounced": {
      const data = parseData(resendBouncedDataSchema, event);
      const outbound = await findOutbound(mailbox, data.email_id, data.to);
      if (!outbound) return { result: "ignored", reason: "no email of this mailbox has that Resend id" };
      const { type, status } = classifyResendBounce(data.bounce);
      const diagnostic = [data.bounce.subType, data.bounce.message].filter(Boolean).join(": ") || null;
      // Keyed by Resend's email id rather than the delivery, so one bounce counts once however often it is delivered.
      // Resend reports a bounce only once it has stopped trying, so a soft one is retried by us a day later.
      await recordBounce({ teamId: mailbox.teamId, mailboxId: mailbox.id, outboundEmailId: outbound.id, recipient: outbound.recipient, type, status, diagnostic, dedupeKey: `resend:bounce:${data.email_id}`, now: engineNow(), retry: true });
      return { result: "bounce_recorded", outboundEmailId: outbound.id };
    }
    case "email.complained": {
      const data = parseData(resendComplainedDataSchema, event);
      const outbound = await findOutbound(mailbox, data.email_id, data.to);
      if (!outbound) return { result: "ignored", reason: "no email of this mailbox has that Resend id" };
      await recordComplaint({ teamId: mailbox.teamId, outboundEmailId: outbound.id, recipient: outbound.recipient, dedupeKey: `resend:complaint:${data.email_id}`, now: engineNow() });
      return { result: "complaint_recorded", outboundEmailId: outbound.id };
    }
    // Resend keeps retrying a delayed message and sends email.bounced if it finally fails; delivered needs nothing.
    case "email.delivery_delayed":
    case "email.delivered":
      return { result: "ignored", reason: `${event.type} needs no action` };
    default:
      return { result: "ignored", reason: `${event.type} is not handled` };
  }
}
