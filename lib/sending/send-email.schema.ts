import { z } from "zod";

const checkbox = z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).transform((v) => v === true || v === "on" || v === "true");

/** One email sent now (API `POST /api/emails/send` and the "Send an email" form). */
export const sendEmailSchema = z.object({
  mailboxId: z.uuid("Pick the mailbox to send from."),
  to: z.email("Enter the recipient's email address.").transform((v) => v.trim().toLowerCase()),
  subject: z.string().trim().min(1, "Write a subject.").max(300, "Keep the subject under 300 characters."),
  html: z.string().trim().min(1, "Write the email.").max(200_000, "That email is too long."),
  text: z.string().max(200_000).optional().transform((v) => v || null),
  trackOpens: checkbox.optional().default(true),
  trackClicks: checkbox.optional().default(true),
  /** Sending the same request twice with the same key sends one email. */
  idempotencyKey: z.string().trim().min(8).max(200).optional(),
});
export type SendEmailInput = z.infer<typeof sendEmailSchema>;
