// The endpoint a rep pastes into Resend → Webhooks for one mailbox: the mailbox id in the path picks the
// signing secret, and with it the team.
import "server-only";
import { env } from "@/lib/env";

export function resendWebhookUrl({ mailboxId, baseUrl = env().APP_URL }: { mailboxId: string; baseUrl?: string }): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/webhooks/resend/${mailboxId}`;
}
