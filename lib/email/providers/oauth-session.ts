// Holds a mailbox's access token: refreshes it shortly before expiry, and once more when the API answers 401
// (a token revoked early). Refreshed credentials go to `onRefreshed` so the caller re-encrypts and stores them.
import type { OAuthCredentials } from "./mailbox-credentials";
import type { RefreshedTokens } from "./refresh-oauth-token";

const EXPIRY_MARGIN_MS = 60_000;

export type OAuthSession = {
  /** Runs `call` with a valid token; on 401 refreshes once and runs it again. Returns the last response. */
  fetchWithToken(call: (accessToken: string) => Promise<Response>): Promise<Response>;
  credentials(): OAuthCredentials;
};

export function createOAuthSession({
  credentials,
  refresh,
  onRefreshed,
  now = Date.now,
}: {
  credentials: OAuthCredentials;
  refresh: (refreshToken: string) => Promise<RefreshedTokens>;
  onRefreshed?: (credentials: OAuthCredentials) => Promise<void> | void;
  now?: () => number;
}): OAuthSession {
  let current = credentials;
  let pending: Promise<string> | null = null;

  const refreshNow = () =>
    // One refresh at a time: concurrent callers share it (and Microsoft's rotating refresh token is used once).
    (pending ??= (async () => {
      try {
        const t = await refresh(current.refreshToken);
        current = {
          ...current,
          accessToken: t.accessToken,
          accessTokenExpiresAt: t.accessTokenExpiresAt,
          refreshToken: t.refreshToken ?? current.refreshToken,
          scope: t.scope ?? current.scope,
        };
        await onRefreshed?.(current);
        return t.accessToken;
      } finally {
        pending = null;
      }
    })());

  const validToken = async () => {
    const fresh = current.accessToken && (current.accessTokenExpiresAt ?? 0) - EXPIRY_MARGIN_MS > now();
    return fresh ? { token: current.accessToken!, refreshed: false } : { token: await refreshNow(), refreshed: true };
  };

  return {
    async fetchWithToken(call) {
      const { token, refreshed } = await validToken();
      const res = await call(token);
      if (res.status !== 401 || refreshed) return res;
      await res.body?.cancel();
      return call(await refreshNow());
    },
    credentials: () => current,
  };
}
