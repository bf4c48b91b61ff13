// What the mailbox page shows about a Resend mailbox's webhook: the URL to paste into Resend, and whether
// the signing secret is stored yet (the endpoint answers 404 until it is).
import "server-only";
import type { Mailbox } from "@/db/schema/mailboxes";
import { decryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { resendWebhookUrl } from "./resend-webhook-url";

export const RESEND_WEBHOOK_EVENTS = ["email.received", "email.bounced", "email.complained"] as const;

export function describeResendWebhook(mailbox: Pick<Mailbox, "id" | "provider" | "credentialsCiphertext">): { url: string; hasSecret: boolean } | null {
  if (mailbox.provider !== "resend") return null;
  const credentials = mailbox.credentialsCiphertext ? decryptMailboxCredentials({ mailboxId: mailbox.id, ciphertext: mailbox.credentialsCiphertext }) : null;
  return { url: resendWebhookUrl({ mailboxId: mailbox.id }), hasSecret: credentials?.provider === "resend" && !!credentials.webhookSecret };
}
