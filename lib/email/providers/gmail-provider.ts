// Gmail API: users.messages.send with our raw MIME (base64url) and the thread id for follow-ups.
import { z } from "zod";
import { httpApiError, networkError } from "./http-api-error";
import { MailProviderError, type MailProvider, type MailProviderErrorKind, type SendResult } from "./mail-provider";
import type { OAuthCredentials } from "./mailbox-credentials";
import { createOAuthSession } from "./oauth-session";
import { refreshOAuthToken } from "./refresh-oauth-token";

const sentSchema = z.object({ id: z.string(), threadId: z.string().optional() });
const listSchema = z.object({ messages: z.array(sentSchema).optional() });
const googleErrorSchema = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional(), message: z.string().optional() })).optional(),
  }),
});

// Gmail reports quota exhaustion as 403 with these reasons; they clear with time, unlike a missing scope.
const RATE_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded", "dailyLimitExceeded", "quotaExceeded", "backendError"]);

function describeGoogleError(json: unknown): { message?: string; kind?: MailProviderErrorKind } {
  const parsed = googleErrorSchema.safeParse(json);
  if (!parsed.success) return {};
  const { message, errors } = parsed.data.error;
  const reasons = (errors ?? []).map((e) => e.reason ?? "");
  return { message, kind: reasons.some((r) => RATE_REASONS.has(r)) ? "transient" : undefined };
}

export type GmailProviderOptions = {
  credentials: OAuthCredentials;
  clientId: string;
  clientSecret: string;
  apiBaseUrl: string;
  tokenUrl: string;
  onCredentialsRefreshed?: (credentials: OAuthCredentials) => Promise<void> | void;
  fetchImpl?: typeof fetch;
  now?: () => number;
};

/** The OAuth session (token refresh, retry on 401) every client of this mailbox uses: sending here, reading in lib/inbound. */
export function createGmailSession(options: GmailProviderOptions) {
  const fetchImpl = options.fetchImpl ?? fetch;
  return createOAuthSession({
    credentials: options.credentials,
    now: options.now,
    onRefreshed: options.onCredentialsRefreshed,
    refresh: (refreshToken) =>
      refreshOAuthToken({ provider: "gmail", tokenUrl: options.tokenUrl, clientId: options.clientId, clientSecret: options.clientSecret, refreshToken, fetchImpl, now: options.now }),
  });
}

export function createGmailProvider(options: GmailProviderOptions): MailProvider {
  const fetchImpl = options.fetchImpl ?? fetch;
  const session = createGmailSession(options);
  const api = `${options.apiBaseUrl.replace(/\/+$/, "")}/gmail/v1/users/me`;

  async function call(path: string, init: RequestInit): Promise<unknown> {
    let res: Response;
    try {
      res = await session.fetchWithToken((token) =>
        fetchImpl(`${api}${path}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) }),
      );
    } catch (error) {
      // A failed token refresh is already classified (auth_failed / transient).
      if (error instanceof MailProviderError) throw error;
      throw networkError("gmail", error);
    }
    if (!res.ok) throw await httpApiError("gmail", res, describeGoogleError);
    return res.json();
  }

  return {
    name: "gmail",
    async send({ message, threadId }): Promise<SendResult> {
      const body = { raw: message.raw.toString("base64url"), ...(threadId ? { threadId } : {}) };
      const sent = sentSchema.parse(
        await call("/messages/send", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
      );
      return { providerMessageId: sent.id, providerThreadId: sent.threadId ?? null };
    },
    async findSent(messageId) {
      const q = new URLSearchParams({ q: `rfc822msgid:${messageId}`, includeSpamTrash: "true", maxResults: "1" });
      const list = listSchema.parse(await call(`/messages?${q}`, { method: "GET" }));
      const hit = list.messages?.[0];
      return hit ? { providerMessageId: hit.id, providerThreadId: hit.threadId ?? null } : null;
    },
  };
}
