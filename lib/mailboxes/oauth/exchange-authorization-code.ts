// The authorization_code grant (with the PKCE verifier) and the account's address: Google's id_token or userinfo,
// Microsoft Graph /me. Provider error bodies become messages the user can act on.
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { OAUTH_PROVIDER_LABEL, type OAuthProviderConfig } from "./oauth-providers";

const tokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive(),
  scope: z.string().optional(),
  id_token: z.string().optional(),
});
const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });
const googleIdentitySchema = z.object({ email: z.email(), email_verified: z.union([z.boolean(), z.string()]).optional() });
const graphMeSchema = z.object({ mail: z.string().nullish(), userPrincipalName: z.string().nullish() });

export type ExchangedTokens = { accessToken: string; refreshToken: string; accessTokenExpiresAt: number; scopes: string[]; email: string };

async function postJson(url: string, init: RequestInit, label: string) {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new AppError("unavailable", `We could not reach ${label}. Please try connecting again in a moment.`, { cause: error });
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // leave null: reported below with the status
  }
  return { res, json, text };
}

export async function exchangeAuthorizationCode({
  config,
  code,
  codeVerifier,
  now = Date.now,
}: {
  config: OAuthProviderConfig;
  code: string;
  codeVerifier: string;
  now?: () => number;
}): Promise<ExchangedTokens> {
  const label = OAUTH_PROVIDER_LABEL[config.provider];
  const form = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: config.redirectUri,
    client_id: config.clientId,
    client_secret: config.clientSecret,
    code_verifier: codeVerifier,
  });
  const { res, json, text } = await postJson(
    config.tokenUrl,
    { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" }, body: form },
    label,
  );
  if (!res.ok) {
    const err = tokenErrorSchema.safeParse(json);
    const words = err.success ? [err.data.error, err.data.error_description].filter(Boolean).join(": ") : `HTTP ${res.status}`;
    if (res.status === 429 || res.status >= 500) throw new AppError("unavailable", `${label} is not answering right now (${words}). Please try again in a few minutes.`);
    if (err.success && err.data.error === "invalid_client") {
      throw new AppError("unavailable", `${label} rejected this server's OAuth client (${words}). An administrator should check the client id and secret.`);
    }
    throw new AppError("invalid_input", `${label} did not accept the sign-in (${words}). Please start the connection again.`);
  }
  const tokens = tokenSchema.safeParse(json);
  if (!tokens.success) throw new AppError("unavailable", `${label} sent an unexpected answer: ${text.slice(0, 200)}. Please try again.`);
  const t = tokens.data;
  if (!t.refresh_token) {
    throw new AppError(
      "invalid_input",
      config.provider === "gmail"
        ? "Google did not grant offline access. Remove this app at myaccount.google.com/permissions, then connect again."
        : "Microsoft did not grant offline access (offline_access). Connect again and accept all requested permissions.",
    );
  }
  const scopes = (t.scope ?? config.scope).split(/\s+/).filter(Boolean);
  const canSend = scopes.some((s) => /gmail\.send$|(^|\/)mail\.send$/i.test(s));
  if (!canSend) {
    throw new AppError("invalid_input", `${label} did not grant permission to send email. Connect again and leave "send email" ticked on the consent screen.`);
  }
  const email = await readAccountEmail({ config, accessToken: t.access_token, idToken: t.id_token });
  return { accessToken: t.access_token, refreshToken: t.refresh_token, accessTokenExpiresAt: now() + t.expires_in * 1000, scopes, email };
}

async function readAccountEmail({ config, accessToken, idToken }: { config: OAuthProviderConfig; accessToken: string; idToken?: string }): Promise<string> {
  const label = OAUTH_PROVIDER_LABEL[config.provider];
  if (config.provider === "gmail" && idToken) {
    // Received straight from Google's token endpoint over TLS, so its claims need no signature check (OIDC §3.1.3.7).
    try {
      const claims = googleIdentitySchema.safeParse(JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString("utf8")));
      if (claims.success && claims.data.email_verified !== false && claims.data.email_verified !== "false") return claims.data.email.toLowerCase();
    } catch {
      // fall through to userinfo
    }
  }
  const { res, json } = await postJson(config.identityUrl, { headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" } }, label);
  if (!res.ok) throw new AppError("unavailable", `We could not read the account's address from ${label} (HTTP ${res.status}). Please connect again.`);
  if (config.provider === "gmail") {
    const info = googleIdentitySchema.safeParse(json);
    if (!info.success) throw new AppError("invalid_input", "Google did not share the account's email address. Connect again and allow the email permission.");
    return info.data.email.toLowerCase();
  }
  const me = graphMeSchema.safeParse(json);
  const address = me.success ? (me.data.mail ?? me.data.userPrincipalName ?? "") : "";
  if (!z.email().safeParse(address).success) {
    throw new AppError("invalid_input", "This Microsoft account has no mailbox address. Connect an Outlook or Microsoft 365 account that can send mail.");
  }
  return address.toLowerCase();
}
