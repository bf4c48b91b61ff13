// One interface for every way a mailbox sends: SMTP, Gmail API, Microsoft Graph, Resend, the local outbox.
import type { BuiltMessage } from "@/lib/email/mime/build-mime-message";

export type ProviderName = "smtp" | "gmail" | "outlook" | "resend" | "local";

export type SendRequest = {
  message: BuiltMessage;
  /** Stable across retries of the same email (e.g. "enrolment:<id>:step:<n>"); used where the provider honours one. */
  idempotencyKey: string;
  /** The provider's thread id of an earlier message (Gmail threadId, Graph conversationId), for same-thread follow-ups. */
  threadId?: string | null;
};

export type SendResult = {
  /** The provider's id for the sent message (our Message-ID where the provider gives none back). */
  providerMessageId: string;
  providerThreadId?: string | null;
  /** Set when the provider replaced our Message-ID with its own (Graph createReply): store it for reply matching. */
  internetMessageId?: string | null;
};

/**
 * transient: try again later (rate limit, 5xx, timeout, 4xx SMTP reply).
 * permanent: this message will never go (bad recipient, rejected content); record the provider's words.
 * auth_failed: the mailbox's credentials no longer work; mark it disconnected and ask the user to reconnect.
 */
export type MailProviderErrorKind = "transient" | "permanent" | "auth_failed";

export class MailProviderError extends Error {
  readonly kind: MailProviderErrorKind;
  readonly provider: ProviderName;
  /** What the provider said, verbatim (trimmed), for the email's status reason and the mailbox page. */
  readonly providerMessage: string;
  readonly status?: number;
  readonly retryAfterSeconds?: number;

  constructor(
    kind: MailProviderErrorKind,
    provider: ProviderName,
    providerMessage: string,
    extra: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(`${provider} ${kind.replace("_", " ")}: ${providerMessage}`, { cause: extra.cause });
    this.name = "MailProviderError";
    this.kind = kind;
    this.provider = provider;
    this.providerMessage = providerMessage.trim().slice(0, 2000);
    this.status = extra.status;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export interface MailProvider {
  readonly name: ProviderName;
  send(request: SendRequest): Promise<SendResult>;
  /**
   * Looks for a message we already handed over, by our Message-ID: lets the send step recover from a crash
   * between the provider accepting and our row recording it, without sending twice. Absent where the
   * provider cannot search (SMTP) or dedupes itself (Resend's idempotency key).
   */
  findSent?(messageId: string): Promise<SendResult | null>;
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
