import "server-only";
import type { EmailConfig } from "next-auth/providers/email";
import { renderEmail } from "@/emails/render-email";
import { MagicLinkEmail } from "@/emails/magic-link";
import { sendSystemMail } from "@/lib/email/send-system-mail";
import { enforceRateLimit } from "@/lib/ratelimit";

/** The email provider: the sign-in link goes through the app's own mail layer (local outbox by default). */
export function magicLinkProvider(): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    from: "",
    maxAge: 24 * 60 * 60,
    options: {},
    async sendVerificationRequest({ identifier, url }) {
      await enforceRateLimit("magicLinkEmail", identifier.toLowerCase());
      const { host } = new URL(url);
      const { html, text } = await renderEmail(MagicLinkEmail({ url, host }));
      await sendSystemMail({ kind: "magic-link", to: identifier, subject: `Sign in to Sales Copilot`, html, text });
    },
  };
}
