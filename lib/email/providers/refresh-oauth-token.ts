// The OAuth 2.0 refresh_token grant against Google's or Microsoft's token endpoint, with their error bodies
// ({ error, error_description }) mapped: invalid_grant and friends mean "reconnect", 429/5xx mean "later".
import { z } from "zod";
import { MailProviderError, parseRetryAfter, type ProviderName } from "./mail-provider";

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  // Microsoft rotates refresh tokens (returns a new one each time); Google usually does not.
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});
const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export type RefreshedTokens = { accessToken: string; accessTokenExpiresAt: number; refreshToken?: string; scope?: string };

export async function refreshOAuthToken({
  provider,
  tokenUrl,
  clientId,
  clientSecret,
  refreshToken,
  scope,
  fetchImpl = fetch,
  now = Date.now,
}: {
  provider: ProviderName;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  scope?: string;
  fetchImpl?: typeof fetch;
  now?: () => number;
}): Promise<RefreshedTokens> {
  const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret });
  if (scope) form.set("scope", scope);
  let res: Response;
  try {
    res = await fetchImpl(tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: form,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new MailProviderError("transient", provider, `Token endpoint unreachable: ${(error as Error).message}`, { cause: error });
  }
  const text = await res.text();
  const json = (() => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  })();
  if (res.ok) {
    const ok = tokenResponseSchema.safeParse(json);
    if (!ok.success) throw new MailProviderError("transient", provider, `Unexpected token response: ${text.slice(0, 300)}`, { status: res.status });
    return {
      accessToken: ok.data.access_token,
      accessTokenExpiresAt: now() + ok.data.expires_in * 1000,
      refreshToken: ok.data.refresh_token,
      scope: ok.data.scope,
    };
  }
  const err = tokenErrorSchema.safeParse(json);
  const words = err.success ? [err.data.error, err.data.error_description].filter(Boolean).join(": ") : text.slice(0, 300) || res.statusText;
  if (res.status === 429 || res.status >= 500) {
    throw new MailProviderError("transient", provider, words, { status: res.status, retryAfterSeconds: parseRetryAfter(res.headers.get("retry-after")) });
  }
  // 400/401/403: invalid_grant (revoked, expired, password changed), invalid_client, unauthorized_client, consent
  // required. None of them heal by retrying; the user must reconnect the mailbox.
  throw new MailProviderError("auth_failed", provider, words, { status: res.status });
}
