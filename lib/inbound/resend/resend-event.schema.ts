// Resend webhook payloads ({ type, created_at, data }) as far as we act on them. The envelope is read first so
// that event types we do not handle (opens, contacts, domains, ones added later) are acknowledged, not refused.
import { z } from "zod";

const addressList = z.array(z.string()).nullish().transform((v) => v ?? []);

export const resendEnvelopeSchema = z.object({ type: z.string().min(1), created_at: z.string().optional(), data: z.unknown() });

export const resendReceivedDataSchema = z.object({
  email_id: z.string().min(1),
  created_at: z.string().optional(),
  from: z.string().optional(),
  to: addressList,
  cc: addressList,
  bcc: addressList,
  // The addresses at our domain the message was delivered to (the envelope), which To and Cc may not show.
  received_for: addressList,
  message_id: z.string().nullish(),
  subject: z.string().nullish(),
});

const sentEmailDataSchema = z.object({ email_id: z.string().min(1), to: addressList, created_at: z.string().optional() });

export const resendBouncedDataSchema = sentEmailDataSchema.extend({
  // type: "Permanent" | "Transient" | "Undetermined"; subType: "General", "NoEmail", "Suppressed", "MailboxFull", …
  bounce: z.object({ type: z.string(), subType: z.string().nullish(), message: z.string().nullish() }),
});

export const resendComplainedDataSchema = sentEmailDataSchema;

/** GET /emails/receiving/:id — the received email with its bodies, headers and, when offered, a link to the raw message. */
export const resendReceivedEmailSchema = z.object({
  id: z.string().min(1),
  from: z.string(),
  to: addressList,
  cc: addressList,
  bcc: addressList,
  reply_to: addressList,
  received_for: addressList,
  created_at: z.string(),
  subject: z.string().nullish().transform((v) => v ?? ""),
  html: z.string().nullish(),
  text: z.string().nullish(),
  headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).nullish(),
  message_id: z.string().nullish(),
  raw: z.object({ download_url: z.url(), expires_at: z.string().optional() }).nullish(),
});

export type ResendEnvelope = z.infer<typeof resendEnvelopeSchema>;
export type ResendReceivedEmail = z.infer<typeof resendReceivedEmailSchema>;
