import { z } from "zod";

const address = z.email("Enter the mailbox's email address.").transform((v) => v.trim().toLowerCase());
const displayName = z.string().trim().max(100).optional().transform((v) => v || null);
const checkbox = z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((v) => v === true || v === "on" || v === "true");
// A form posts "" for a field left empty: the same as leaving it out.
const blankIsAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const createLocalMailboxSchema = z.object({ email: address, displayName });

export const createSmtpMailboxSchema = z.object({
  email: address,
  displayName,
  smtpHost: z.string().trim().min(1, "Enter the SMTP server's host name.").max(255),
  smtpPort: z.coerce.number({ error: "Enter the SMTP port, usually 587 or 465." }).int().min(1, "Enter the SMTP port, usually 587 or 465.").max(65535, "Ports go up to 65535."),
  smtpSecure: checkbox,
  smtpUser: z.string().trim().min(1, "Enter the SMTP user name (often the address itself).").max(255),
  smtpPassword: z.string().min(1, "Enter the SMTP password or app password.").max(1024),
  /** Incoming mail (optional): replies are read over IMAP with the SMTP user name and password. */
  imapHost: z.preprocess(blankIsAbsent, z.string().trim().max(255).optional()),
  imapPort: z.preprocess(blankIsAbsent, z.coerce.number({ error: "Enter the IMAP port, usually 993." }).int("Enter the IMAP port, usually 993.").min(1, "Enter the IMAP port, usually 993.").max(65535, "Ports go up to 65535.").optional()),
  imapSecure: checkbox.optional(),
});
export type CreateSmtpMailboxInput = z.infer<typeof createSmtpMailboxSchema>;

/** The signing secret of the mailbox's Resend webhook, pasted with or without its whsec_ prefix; stored with it. */
export const resendWebhookSecretField = z
  .string()
  .trim()
  .regex(/^(whsec_)?[A-Za-z0-9+/]{16,}={0,2}$/, "Paste the webhook's signing secret from Resend (it starts with whsec_).")
  .transform((v) => (v.startsWith("whsec_") ? v : `whsec_${v}`));

export const createResendMailboxSchema = z.object({
  email: address,
  displayName,
  apiKey: z.string().trim().regex(/^re_[A-Za-z0-9_]{8,}$/, "Paste a Resend API key (it starts with re_)."),
  // Optional here: Resend asks for the endpoint URL, which holds the mailbox id, before it shows the secret.
  webhookSecret: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), resendWebhookSecretField.optional()),
});
export type CreateResendMailboxInput = z.infer<typeof createResendMailboxSchema>;
