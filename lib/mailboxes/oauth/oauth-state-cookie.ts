// The short-lived cookie carrying an OAuth connect attempt across the provider's consent screen: state, PKCE
// verifier, who started it and for which team. Signed (HMAC-SHA256, key derived from AUTH_SECRET), not readable by
// scripts (httpOnly), and sent back on the provider's top-level redirect (SameSite=Lax).
import "server-only";
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { oauthProviderSchema } from "./oauth-providers";

export const OAUTH_COOKIE_NAME = "mailbox_oauth";
export const OAUTH_COOKIE_TTL_SECONDS = 10 * 60;

const payloadSchema = z.object({
  provider: oauthProviderSchema,
  state: z.string().min(16),
  codeVerifier: z.string().min(43).max(128),
  userId: z.string().min(1),
  teamSlug: z.string().min(1),
  /** Epoch milliseconds. */
  expiresAt: z.number().int(),
});
export type OAuthCookiePayload = z.infer<typeof payloadSchema>;

export type OAuthCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: string; maxAge: number };
};

function signingKey(): Buffer {
  // A key of its own, so a signature here can never be replayed as a session or tracking token.
  return Buffer.from(hkdfSync("sha256", env().AUTH_SECRET, "", "mailbox-oauth-state-cookie", 32));
}
const sign = (data: string) => createHmac("sha256", signingKey()).update(data).digest("base64url");

export const randomToken = () => randomBytes(32).toString("base64url");
export const pkceChallenge = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

export function sealOAuthCookie(payload: OAuthCookiePayload): OAuthCookie {
  const data = Buffer.from(JSON.stringify(payloadSchema.parse(payload))).toString("base64url");
  return {
    name: OAUTH_COOKIE_NAME,
    value: `${data}.${sign(data)}`,
    options: { httpOnly: true, sameSite: "lax", secure: env().APP_URL.startsWith("https:"), path: "/api/mailboxes/oauth", maxAge: OAUTH_COOKIE_TTL_SECONDS },
  };
}

/** The payload if the signature is ours, else null. Expiry, state and user are checked by the caller. */
export function openOAuthCookie(value: string | undefined | null): OAuthCookiePayload | null {
  if (!value) return null;
  const [data, mac, extra] = value.split(".");
  if (!data || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(data));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(data, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
