// Where and how each OAuth mailbox provider is asked for consent: client, endpoints, scopes, redirect URI.
import "server-only";
import { z } from "zod";
import { microsoftTenant, providerEndpoints } from "@/lib/email/providers/provider-endpoints";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const oauthProviderSchema = z.enum(["gmail", "outlook"]);
export type OAuthProvider = z.infer<typeof oauthProviderSchema>;

export const OAUTH_PROVIDER_LABEL: Record<OAuthProvider, string> = { gmail: "Google", outlook: "Microsoft" };

export const OAUTH_SCOPES: Record<OAuthProvider, string> = {
  gmail: "https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/gmail.readonly openid email",
  outlook: "offline_access Mail.Send Mail.Read openid email User.Read",
};

/** The env variables a provider needs, named in the UI hint and in errors. */
export const OAUTH_ENV_NAMES: Record<OAuthProvider, string> = {
  gmail: "AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET",
  outlook: "AUTH_MICROSOFT_ENTRA_ID_ID and AUTH_MICROSOFT_ENTRA_ID_SECRET",
};

// Not in lib/env.ts (owned elsewhere): the consent and identity endpoints, overridable so tests use local servers.
const urlsSchema = z.object({
  GOOGLE_OAUTH_AUTHORIZE_URL: z.url().default("https://accounts.google.com/o/oauth2/v2/auth"),
  GOOGLE_USERINFO_URL: z.url().default("https://openidconnect.googleapis.com/v1/userinfo"),
  MICROSOFT_LOGIN_BASE_URL: z.url().default("https://login.microsoftonline.com"),
});

export type OAuthProviderConfig = {
  provider: OAuthProvider;
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** Google: OpenID userinfo. Microsoft: Graph /me. */
  identityUrl: string;
  scope: string;
  redirectUri: string;
};

export function isOAuthProviderConfigured(provider: OAuthProvider): boolean {
  const e = env();
  return provider === "gmail" ? Boolean(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) : Boolean(e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET);
}

/** Throws AppError not_found when the provider's client is not configured on this server. */
export function oauthProviderConfig(provider: OAuthProvider, source: Record<string, string | undefined> = process.env): OAuthProviderConfig {
  const e = env();
  const clientId = provider === "gmail" ? e.AUTH_GOOGLE_ID : e.AUTH_MICROSOFT_ENTRA_ID_ID;
  const clientSecret = provider === "gmail" ? e.AUTH_GOOGLE_SECRET : e.AUTH_MICROSOFT_ENTRA_ID_SECRET;
  if (!clientId || !clientSecret) {
    throw new AppError("not_found", `Connecting ${provider === "gmail" ? "Gmail" : "Outlook"} is not set up on this server: an administrator must set ${OAUTH_ENV_NAMES[provider]}.`);
  }
  const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const urls = urlsSchema.parse({
    GOOGLE_OAUTH_AUTHORIZE_URL: blank(source.GOOGLE_OAUTH_AUTHORIZE_URL),
    GOOGLE_USERINFO_URL: blank(source.GOOGLE_USERINFO_URL),
    MICROSOFT_LOGIN_BASE_URL: blank(source.MICROSOFT_LOGIN_BASE_URL),
  });
  const endpoints = providerEndpoints(source);
  const redirectUri = `${e.APP_URL.replace(/\/+$/, "")}/api/mailboxes/oauth/${provider}/callback`;
  if (provider === "gmail") {
    return { provider, clientId, clientSecret, authorizeUrl: urls.GOOGLE_OAUTH_AUTHORIZE_URL, tokenUrl: endpoints.googleTokenUrl, identityUrl: urls.GOOGLE_USERINFO_URL, scope: OAUTH_SCOPES.gmail, redirectUri };
  }
  const tenant = microsoftTenant(blank(source.AUTH_MICROSOFT_ENTRA_ID_ISSUER));
  return {
    provider,
    clientId,
    clientSecret,
    authorizeUrl: `${urls.MICROSOFT_LOGIN_BASE_URL.replace(/\/+$/, "")}/${tenant}/oauth2/v2.0/authorize`,
    tokenUrl: endpoints.microsoftTokenUrl,
    identityUrl: `${endpoints.graphBaseUrl}/v1.0/me`,
    scope: OAUTH_SCOPES.outlook,
    redirectUri,
  };
}
