// A local stand-in for oauth2.googleapis.com/token and gmail.googleapis.com speaking their wire format:
// form-encoded refresh_token grant → { access_token, expires_in, … } or { error: "invalid_grant", … };
// Bearer-authenticated users.messages.send / list, with Google's JSON error bodies. For connecting a mailbox: a
// consent stand-in at /o/oauth2/v2/auth (redirects back with a code for the user set by consentAs), the
// authorization_code grant checking the PKCE S256 verifier, and OpenID userinfo. For reading mail: a mailbox that
// tests put messages into (receive), users.getProfile, users.history.list (historyId advancing with gaps,
// pageToken paging, 404 for ids older than the kept history), messages.list with a search query, messages.get
// format=raw/minimal and threads.get.
import { createHash, randomBytes, randomInt } from "node:crypto";
import { simpleParser } from "mailparser";
import { startHttpTestServer, type TestReply } from "./http-test-server";

export type GmailSent = { id: string; threadId: string; raw: Buffer; messageId: string | undefined; requestedThreadId?: string };
/** A message in the mailbox (received or sent), as users.messages.get describes it. */
export type GmailStored = { id: string; threadId: string; labelIds: string[]; raw: Buffer; internalDate: number; historyId: number; from: string | null };

const googleError = (code: number, status: string, message: string, reason: string): TestReply => ({
  status: code,
  json: { error: { code, message, errors: [{ message, domain: "global", reason }], status } },
});

export async function startGoogleApiServer({
  clientId,
  clientSecret,
  refreshToken,
  mailboxAddress = "rep@gmail.test",
}: {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Whose mailbox this is: what `from:me` means in a search. */
  mailboxAddress?: string;
}) {
  const validTokens = new Set<string>();
  const sent: GmailSent[] = [];
  const mailbox = createGmailMailbox(mailboxAddress);
  /** Every authenticated users.* request, in order ("GET /history?startHistoryId=…"). */
  const requests: string[] = [];
  const failures: TestReply[] = [];
  let refreshRevoked = false;
  let tokenRequests = 0;
  type PendingCode = { clientId: string; redirectUri: string; challenge: string; method: string; email: string; scope: string };
  const codes = new Map<string, PendingCode>();
  const emailByToken = new Map<string, string>();
  const issuedRefresh = new Set<string>();
  const codeForms: URLSearchParams[] = [];
  let consenting: { email: string; scope?: string } = { email: "rep@gmail.test" };

  const server = await startHttpTestServer(async (req) => {
    if (req.method === "GET" && req.url.pathname === "/o/oauth2/v2/auth") {
      const q = req.url.searchParams;
      if (q.get("client_id") !== clientId) return { status: 400, text: "Error 401: invalid_client" };
      const redirect = new URL(q.get("redirect_uri") ?? "");
      const code = `4/0A${randomBytes(12).toString("hex")}`;
      codes.set(code, {
        clientId,
        redirectUri: q.get("redirect_uri") ?? "",
        challenge: q.get("code_challenge") ?? "",
        method: q.get("code_challenge_method") ?? "plain",
        email: consenting.email,
        scope: consenting.scope ?? q.get("scope") ?? "",
      });
      redirect.searchParams.set("code", code);
      redirect.searchParams.set("state", q.get("state") ?? "");
      return { status: 302, text: "", headers: { location: redirect.toString() } };
    }
    if (req.method === "GET" && req.url.pathname === "/v1/userinfo") {
      const email = emailByToken.get(req.headers.authorization?.replace(/^Bearer /, "") ?? "");
      if (!email) return { status: 401, json: { error: "invalid_request", error_description: "Invalid Credentials" } };
      return { status: 200, json: { sub: createHash("sha256").update(email).digest("hex").slice(0, 21), email, email_verified: true } };
    }
    if (req.method === "POST" && req.url.pathname === "/token") {
      tokenRequests++;
      const form = new URLSearchParams(req.body.toString("utf8"));
      if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
        return { status: 401, json: { error: "invalid_client", error_description: "The OAuth client was not found." } };
      }
      if (form.get("grant_type") === "authorization_code") {
        codeForms.push(form);
        const pending = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        const verifier = form.get("code_verifier") ?? "";
        const challenge = pending?.method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
        if (!pending || pending.redirectUri !== form.get("redirect_uri")) {
          return { status: 400, json: { error: "invalid_grant", error_description: "Malformed auth code." } };
        }
        if (!verifier || challenge !== pending.challenge) {
          return { status: 400, json: { error: "invalid_grant", error_description: "Missing code verifier." } };
        }
        const accessToken = `ya29.${randomBytes(12).toString("hex")}`;
        const refresh = `1//0g${randomBytes(12).toString("hex")}`;
        validTokens.add(accessToken);
        issuedRefresh.add(refresh);
        emailByToken.set(accessToken, pending.email);
        return { status: 200, json: { access_token: accessToken, expires_in: 3599, refresh_token: refresh, scope: pending.scope, token_type: "Bearer" } };
      }
      const knownRefresh = form.get("refresh_token") === refreshToken || issuedRefresh.has(form.get("refresh_token") ?? "");
      if (form.get("grant_type") !== "refresh_token" || !knownRefresh || refreshRevoked) {
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
    requests.push(`${req.method} ${req.url.pathname.slice("/gmail/v1/users/me".length)}${req.url.search}`);
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
      mailbox.store({ id, threadId, labelIds: ["SENT"], raw, internalDate: Date.now(), from: parsed.from?.value[0]?.address?.toLowerCase() ?? null });
      return { status: 200, json: { id, threadId, labelIds: ["SENT"] } };
    }
    if (req.method === "GET") {
      const read = mailbox.handle(req.url.pathname.slice("/gmail/v1/users/me".length), req.url.searchParams);
      if (read) return read;
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
    authorizeUrl: `${server.url}/o/oauth2/v2/auth`,
    userinfoUrl: `${server.url}/v1/userinfo`,
    /** The Google account (and, optionally, the narrower scope it grants) that the consent stand-in signs in as. */
    consentAs: (email: string, options: { scope?: string } = {}) => {
      consenting = { email, scope: options.scope };
    },
    /** authorization_code grant requests, in order. */
    codeForms,
    sent,
    requests,
    mailboxAddress,
    /** Every message in the mailbox, received and sent, oldest first. */
    messages: mailbox.messages,
    /**
     * Delivers a message into the inbox (labels INBOX, UNREAD unless given), in `threadId` when given, as
     * received at `receivedAt` (default now). Records a messageAdded history entry.
     */
    receive: async (raw: Buffer | string, options: { threadId?: string; receivedAt?: Date; labelIds?: string[] } = {}) => {
      const buffer = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
      const parsed = await simpleParser(buffer);
      const id = randomBytes(8).toString("hex");
      return mailbox.store({
        id,
        threadId: options.threadId ?? id,
        labelIds: options.labelIds ?? ["INBOX", "UNREAD"],
        raw: buffer,
        internalDate: (options.receivedAt ?? new Date()).getTime(),
        from: parsed.from?.value[0]?.address?.toLowerCase() ?? null,
      });
    },
    /** The mailbox's current historyId. */
    get historyId() {
      return mailbox.historyId;
    },
    /** History before now is gone (as after a week): history.list with an older startHistoryId answers 404. */
    forgetHistory: () => mailbox.forgetHistory(),
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

const pageToken = (n: number) => Buffer.from(String(n)).toString("base64url");
const readPageToken = (token: string | null) => (token ? Number(Buffer.from(token, "base64url").toString("utf8")) || 0 : 0);

function createGmailMailbox(mailboxAddress: string) {
  const messages: GmailStored[] = [];
  const history: { id: number; message: GmailStored }[] = [];
  // History ids only grow, with gaps between them, as Google's do.
  let historyId = 4000 + randomInt(1000);
  let oldestKept = 0;
  const minimal = (m: GmailStored) => ({
    id: m.id,
    threadId: m.threadId,
    labelIds: m.labelIds,
    snippet: "",
    sizeEstimate: m.raw.length,
    historyId: String(m.historyId),
    internalDate: String(m.internalDate),
  });
  const notFound = () => googleError(404, "NOT_FOUND", "Requested entity was not found.", "notFound");

  function matches(m: GmailStored, q: string): boolean {
    for (const term of q.split(/\s+/).filter(Boolean)) {
      const after = /^after:(\d+)$/.exec(term);
      if (after && m.internalDate < Number(after[1]) * 1000) return false;
      if (term === "in:inbox" && !m.labelIds.includes("INBOX")) return false;
      if (term === "-from:me" && (m.labelIds.includes("SENT") || m.from === mailboxAddress.toLowerCase())) return false;
    }
    return true;
  }

  function handle(path: string, q: URLSearchParams): TestReply | null {
    if (path === "/profile") {
      return { status: 200, json: { emailAddress: mailboxAddress, messagesTotal: messages.length, threadsTotal: new Set(messages.map((m) => m.threadId)).size, historyId: String(historyId) } };
    }
    if (path === "/history") {
      const start = Number(q.get("startHistoryId"));
      if (!q.get("startHistoryId") || !Number.isFinite(start)) return googleError(400, "INVALID_ARGUMENT", "Invalid startHistoryId", "invalidArgument");
      if (start < oldestKept) return notFound();
      const types = q.getAll("historyTypes");
      const label = q.get("labelId");
      const max = Math.min(Number(q.get("maxResults") ?? 100), 500);
      const from = Math.max(start, readPageToken(q.get("pageToken")));
      const records = history.filter((h) => h.id > from && (!types.length || types.includes("messageAdded")) && (!label || h.message.labelIds.includes(label)));
      const page = records.slice(0, max);
      const ref = (m: GmailStored) => ({ id: m.id, threadId: m.threadId });
      return {
        status: 200,
        json: {
          ...(page.length ? { history: page.map((h) => ({ id: String(h.id), messages: [ref(h.message)], messagesAdded: [{ message: { ...ref(h.message), labelIds: h.message.labelIds } }] })) } : {}),
          ...(records.length > max ? { nextPageToken: pageToken(page.at(-1)!.id) } : {}),
          historyId: String(historyId),
        },
      };
    }
    if (path === "/messages" && !/rfc822msgid:/.test(q.get("q") ?? "")) {
      // Newest first, as Gmail lists.
      const hits = messages.filter((m) => matches(m, q.get("q") ?? "")).sort((a, b) => b.internalDate - a.internalDate);
      const offset = readPageToken(q.get("pageToken"));
      const max = Math.min(Number(q.get("maxResults") ?? 100), 500);
      const page = hits.slice(offset, offset + max);
      return {
        status: 200,
        json: {
          ...(page.length ? { messages: page.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
          ...(offset + max < hits.length ? { nextPageToken: pageToken(offset + max) } : {}),
          resultSizeEstimate: hits.length,
        },
      };
    }
    const one = /^\/messages\/([^/]+)$/.exec(path);
    if (one) {
      const m = messages.find((x) => x.id === decodeURIComponent(one[1]));
      if (!m) return notFound();
      return { status: 200, json: q.get("format") === "raw" ? { ...minimal(m), raw: m.raw.toString("base64url") } : minimal(m) };
    }
    const thread = /^\/threads\/([^/]+)$/.exec(path);
    if (thread) {
      const inThread = messages.filter((x) => x.threadId === decodeURIComponent(thread[1])).sort((a, b) => a.internalDate - b.internalDate);
      if (!inThread.length) return notFound();
      return { status: 200, json: { id: inThread[0].threadId, historyId: String(Math.max(...inThread.map((m) => m.historyId))), messages: inThread.map(minimal) } };
    }
    return null;
  }

  return {
    messages,
    handle,
    store(fields: Omit<GmailStored, "historyId">): GmailStored {
      historyId += 1 + randomInt(5);
      const m: GmailStored = { ...fields, historyId };
      messages.push(m);
      history.push({ id: historyId, message: m });
      return m;
    },
    get historyId() {
      return historyId;
    },
    forgetHistory() {
      oldestKept = historyId;
    },
  };
}
