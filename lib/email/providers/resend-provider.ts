// Resend's emails.send with its Idempotency-Key: a retry within Resend's window returns the first send's id
// instead of sending again.
import { Resend } from "resend";
import { MailProviderError, type MailProvider, type MailProviderErrorKind } from "./mail-provider";
import type { ResendCredentials } from "./mailbox-credentials";

const AUTH_NAMES = new Set(["missing_api_key", "invalid_api_key", "restricted_api_key", "invalid_access"]);
// A concurrent request with the same key is still in flight: asking again later gets its result.
const TRANSIENT_NAMES = new Set(["rate_limit_exceeded", "concurrent_idempotent_requests", "application_error", "internal_server_error", "daily_quota_exceeded"]);

function kindFor(name: string, status: number | null): MailProviderErrorKind {
  if (AUTH_NAMES.has(name) || status === 401 || status === 403) return "auth_failed";
  if (TRANSIENT_NAMES.has(name) || status === null || status === 429 || status >= 500) return "transient";
  return "permanent";
}

function formatAddress({ address, name }: { address: string; name: string | null }): string {
  return name ? `"${name.replace(/["\\]/g, "")}" <${address}>` : address;
}

export function createResendProvider({ credentials, baseUrl }: { credentials: ResendCredentials; baseUrl?: string }): MailProvider {
  // RESEND_BASE_URL is read by the SDK itself when no baseUrl is passed.
  const client = new Resend(credentials.apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send({ message, idempotencyKey }) {
      const f = message.fields;
      const { data, error } = await client.emails.send(
        {
          from: formatAddress(f.from),
          to: f.to,
          cc: f.cc.length ? f.cc : undefined,
          bcc: f.bcc.length ? f.bcc : undefined,
          replyTo: f.replyTo ?? undefined,
          subject: f.subject,
          html: f.html,
          text: f.text,
          headers: f.headers,
        },
        { idempotencyKey },
      );
      if (error || !data) {
        const name = error?.name ?? "application_error";
        throw new MailProviderError(kindFor(name, error?.statusCode ?? null), "resend", error?.message ?? "Resend returned no id", {
          status: error?.statusCode ?? undefined,
        });
      }
      return { providerMessageId: data.id, providerThreadId: null };
    },
  };
}
