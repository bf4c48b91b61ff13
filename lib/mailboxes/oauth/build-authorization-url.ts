// Step 1 of connecting Gmail or Outlook: the provider's consent URL (state + PKCE S256) and the cookie that
// remembers the attempt until the callback.
import "server-only";
import { oauthProviderConfig, type OAuthProvider } from "./oauth-providers";
import { OAUTH_COOKIE_TTL_SECONDS, pkceChallenge, randomToken, sealOAuthCookie, type OAuthCookie } from "./oauth-state-cookie";

export function buildAuthorizationUrl({
  provider,
  teamSlug,
  userId,
  now = Date.now,
}: {
  provider: OAuthProvider;
  teamSlug: string;
  userId: string;
  now?: () => number;
}): { url: string; cookie: OAuthCookie } {
  const config = oauthProviderConfig(provider);
  const state = randomToken();
  const codeVerifier = randomToken();
  const url = new URL(config.authorizeUrl);
  const params: Record<string, string> = {
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    response_type: "code",
    scope: config.scope,
    state,
    code_challenge: pkceChallenge(codeVerifier),
    code_challenge_method: "S256",
  };
  if (provider === "gmail") {
    // A refresh token is only issued with offline access, and again on a reconnect only when consent is re-asked.
    Object.assign(params, { access_type: "offline", prompt: "consent", include_granted_scopes: "true" });
  } else {
    params.response_mode = "query";
    params.prompt = "select_account";
  }
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const cookie = sealOAuthCookie({ provider, state, codeVerifier, userId, teamSlug, expiresAt: now() + OAUTH_COOKIE_TTL_SECONDS * 1000 });
  return { url: url.toString(), cookie };
}
