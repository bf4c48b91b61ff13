import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGmailProvider } from "@/lib/email/providers/gmail-provider";
import { MailProviderError } from "@/lib/email/providers/mail-provider";
import type { OAuthCredentials } from "@/lib/email/providers/mailbox-credentials";
import { startGoogleApiServer } from "../support/google-api-server";
import { sampleMessage } from "../support/sample-message";

const CLIENT = { clientId: "123-abc.apps.googleusercontent.com", clientSecret: "GOCSPX-test" };
const REFRESH = "1//0g-refresh-token";
let google: Awaited<ReturnType<typeof startGoogleApiServer>>;
beforeAll(async () => {
  google = await startGoogleApiServer({ ...CLIENT, refreshToken: REFRESH });
});
afterAll(() => google.close());

function provider(credentials: Partial<OAuthCredentials> = {}, saved: OAuthCredentials[] = []) {
  return createGmailProvider({
    ...CLIENT,
    credentials: { provider: "gmail", refreshToken: REFRESH, ...credentials },
    apiBaseUrl: google.apiBaseUrl,
    tokenUrl: google.tokenUrl,
    onCredentialsRefreshed: (c) => {
      saved.push(c);
    },
  });
}

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as MailProviderError);

describe("Gmail API provider", () => {
  it("refreshes the access token, sends our raw MIME and keeps the thread for a follow-up", async () => {
    const saved: OAuthCredentials[] = [];
    const gmail = provider({}, saved);
    const first = await sampleMessage();
    const sent = await gmail.send({ message: first, idempotencyKey: "k1" });
    expect(saved).toHaveLength(1);
    expect(saved[0].accessToken).toMatch(/^ya29\./);
    expect(saved[0].accessTokenExpiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    const stored = google.sent.at(-1)!;
    expect(sent).toEqual({ providerMessageId: stored.id, providerThreadId: stored.threadId });
    const parsed = await simpleParser(stored.raw);
    expect(parsed.messageId).toBe(first.messageId);
    expect(parsed.headerLines.some((h) => h.key === "list-unsubscribe-post")).toBe(true);

    const followUp = await sampleMessage({ inReplyTo: first.messageId });
    const second = await gmail.send({ message: followUp, idempotencyKey: "k2", threadId: sent.providerThreadId });
    expect(google.sent.at(-1)!.requestedThreadId).toBe(sent.providerThreadId);
    expect(second.providerThreadId).toBe(sent.providerThreadId);
    // The cached token is reused: one refresh for both sends.
    expect(saved).toHaveLength(1);
  });

  it("finds a message already handed over by its Message-ID (crash recovery), and nothing for an unknown one", async () => {
    const gmail = provider();
    const message = await sampleMessage();
    const sent = await gmail.send({ message, idempotencyKey: "k" });
    expect(await gmail.findSent!(message.messageId)).toEqual(sent);
    expect(await gmail.findSent!("<never-sent@acme.test>")).toBeNull();
  });

  it("refreshes once and retries when Gmail answers 401 to a token it revoked early", async () => {
    const saved: OAuthCredentials[] = [];
    const gmail = provider({}, saved);
    await gmail.send({ message: await sampleMessage(), idempotencyKey: "a" });
    google.expireAccessTokens();
    const before = google.sent.length;
    await gmail.send({ message: await sampleMessage(), idempotencyKey: "b" });
    expect(google.sent.length).toBe(before + 1);
    expect(saved).toHaveLength(2);
  });

  it("maps 429, 403 rate-limit reasons and 5xx to transient with Google's words and Retry-After", async () => {
    const gmail = provider();
    google.failNext({ ...google.googleError(429, "RESOURCE_EXHAUSTED", "User-rate limit exceeded.  Retry after 2030-01-01T00:00:00.000Z", "rateLimitExceeded"), headers: { "Retry-After": "30" } });
    const limited = await failure(gmail.send({ message: await sampleMessage(), idempotencyKey: "x" }));
    expect(limited).toMatchObject({ kind: "transient", status: 429, retryAfterSeconds: 30, provider: "gmail" });
    expect(limited!.providerMessage).toContain("User-rate limit exceeded");

    google.failNext(google.googleError(403, "PERMISSION_DENIED", "User-rate limit exceeded", "userRateLimitExceeded"));
    expect(await failure(gmail.send({ message: await sampleMessage(), idempotencyKey: "x" }))).toMatchObject({ kind: "transient", status: 403 });

    google.failNext(google.googleError(503, "UNAVAILABLE", "The service is currently unavailable.", "backendError"));
    const down = await failure(gmail.send({ message: await sampleMessage(), idempotencyKey: "x" }));
    expect(down).toMatchObject({ kind: "transient", status: 503 });
    expect(down!.providerMessage).toBe("The service is currently unavailable.");
  });

  it("maps 400 to permanent and a missing scope (403) to auth_failed", async () => {
    const gmail = provider();
    google.failNext(google.googleError(400, "INVALID_ARGUMENT", "Invalid To header", "invalidArgument"));
    expect(await failure(gmail.send({ message: await sampleMessage(), idempotencyKey: "x" }))).toMatchObject({ kind: "permanent", providerMessage: "Invalid To header" });
    google.failNext(google.googleError(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.", "insufficientPermissions"));
    expect(await failure(gmail.send({ message: await sampleMessage(), idempotencyKey: "x" }))).toMatchObject({ kind: "auth_failed" });
  });

  it("reports invalid_grant on refresh as auth_failed, with Google's description, and sends nothing", async () => {
    const other = await startGoogleApiServer({ ...CLIENT, refreshToken: REFRESH });
    try {
      other.revokeRefreshToken();
      const gmail = createGmailProvider({ ...CLIENT, credentials: { provider: "gmail", refreshToken: REFRESH }, apiBaseUrl: other.apiBaseUrl, tokenUrl: other.tokenUrl });
      const error = await failure(gmail.send({ message: await sampleMessage(), idempotencyKey: "x" }));
      expect(error).toBeInstanceOf(MailProviderError);
      expect(error).toMatchObject({ kind: "auth_failed", status: 400 });
      expect(error!.providerMessage).toBe("invalid_grant: Token has been expired or revoked.");
      expect(other.sent).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it("treats an unreachable API as transient", async () => {
    const gmail = createGmailProvider({ ...CLIENT, credentials: { provider: "gmail", refreshToken: REFRESH, accessToken: "ya29.cached", accessTokenExpiresAt: Date.now() + 3_600_000 }, apiBaseUrl: "http://127.0.0.1:1", tokenUrl: google.tokenUrl });
    expect(await failure(gmail.send({ message: await sampleMessage(), idempotencyKey: "x" }))).toMatchObject({ kind: "transient", provider: "gmail" });
  });
});
