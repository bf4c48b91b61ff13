// A local stand-in for oauth2.googleapis.com/token and gmail.googleapis.com speaking their wire format:
// form-encoded refresh_token grant → { access_token, expires_in, … } or { error: "invalid_grant", … };
// Bearer-authenticated users.messages.send / list, with Google's JSON error bodies.
import { randomBytes } from "node:crypto";
import { simpleParser } from "mailparser";
import { startHttpTestServer, type TestReply } from "./http-test-server";

export type GmailSent = { id: string; threadId: string; raw: Buffer; messageId: string | undefined; requestedThreadId?: string };

const googleError = (code: number, status: string, message: string, reason: string): TestReply => ({
  status: code,
  json: { error: { code, message, errors: [{ message, domain: "global", reason }], status } },
});

export async function startGoogleApiServer({ clientId, clientSecret, refreshToken }: { clientId: string; clientSecret: string; refreshToken: string }) {
  const validTokens = new Set<string>();
  const sent: GmailSent[] = [];
  const failures: TestReply[] = [];
  let refreshRevoked = false;
  let tokenRequests = 0;

  const server = await startHttpTestServer(async (req) => {
    if (req.method === "POST" && req.url.pathname === "/token") {
      tokenRequests++;
      const form = new URLSearchParams(req.body.toString("utf8"));
      if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
        return { status: 401, json: { error: "invalid_client", error_description: "The OAuth client was not found." } };
      }
      if (form.get("grant_type") !== "refresh_token" || form.get("refresh_token") !== refreshToken || refreshRevoked) {
        return { status: 400, json: { error: "invalid_grant", error_description: "Token has been expired or revoked." } };
      }
      const accessToken = `ya29.${randomBytes(12).toString("hex")}`;
      validTokens.add(accessToken);
      return { status: 200, json: { access_token: accessToken, expires_in: 3599, scope: "https://www.googleapis.com/auth/gmail.send", token_type: "Bearer" } };
    }
    if (!req.url.pathname.startsWith("/gmail/v1/users/me/")) return googleError(404, "NOT_FOUND", "Not Found", "notFound");
    const bearer = req.headers.authorization?.replace(/^Bearer /, "") ?? "";
    if (!validTokens.has(bearer)) {
      return googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token.", "authError");
    }
    const failure = failures.shift();
    if (failure) return failure;
    if (req.method === "POST" && req.url.pathname === "/gmail/v1/users/me/messages/send") {
      const body = JSON.parse(req.body.toString("utf8")) as { raw?: string; threadId?: string };
      if (!body.raw) return googleError(400, "INVALID_ARGUMENT", "Invalid value for ByteString", "invalidArgument");
      const raw = Buffer.from(body.raw, "base64url");
      const parsed = await simpleParser(raw);
      const id = randomBytes(8).toString("hex");
      const threadId = body.threadId ?? id;
      sent.push({ id, threadId, raw, messageId: parsed.messageId, requestedThreadId: body.threadId });
      return { status: 200, json: { id, threadId, labelIds: ["SENT"] } };
    }
    if (req.method === "GET" && req.url.pathname === "/gmail/v1/users/me/messages") {
      const wanted = /^rfc822msgid:(.+)$/.exec(req.url.searchParams.get("q") ?? "")?.[1];
      const hits = sent.filter((m) => m.messageId === wanted).map((m) => ({ id: m.id, threadId: m.threadId }));
      return { status: 200, json: hits.length ? { messages: hits, resultSizeEstimate: hits.length } : { resultSizeEstimate: 0 } };
    }
    return googleError(404, "NOT_FOUND", "Not Found", "notFound");
  });

  return {
    apiBaseUrl: server.url,
    tokenUrl: `${server.url}/token`,
    sent,
    get tokenRequests() {
      return tokenRequests;
    },
    /** Every access token stops working (as when Google revokes them early); the refresh token still works. */
    expireAccessTokens: () => validTokens.clear(),
    revokeRefreshToken: () => {
      refreshRevoked = true;
      validTokens.clear();
    },
    failNext: (reply: TestReply) => failures.push(reply),
    googleError,
    close: server.close,
  };
}
