// A local stand-in for login.microsoftonline.com/<tenant>/oauth2/v2.0/token and graph.microsoft.com/v1.0/me:
// sendMail with base64 MIME, message lookup by internetMessageId, createReply + send, Graph's error bodies. For
// connecting a mailbox: a consent stand-in at /<tenant>/oauth2/v2.0/authorize, the authorization_code grant checking
// the PKCE S256 verifier, and GET /v1.0/me. For reading mail: an inbox tests put messages into (receive, remove),
// the Inbox delta query (pages by Prefer: odata.maxpagesize, @odata.nextLink with $skiptoken and @odata.deltaLink
// with $deltatoken on this server's own URL, @removed rows, 410 once the state expired), /messages/{id}/$value
// and /messages?$filter=conversationId eq '…' paged with $top/$skip.
import { createHash, randomBytes } from "node:crypto";
import { simpleParser } from "mailparser";
import { startHttpTestServer, type TestReply } from "./http-test-server";

export type GraphMessage = {
  id: string;
  conversationId: string;
  internetMessageId: string;
  raw?: Buffer;
  reply?: { parentId: string; toRecipients: string[]; html: string; headers: { name: string; value: string }[] };
  sent: boolean;
  /** Set for delivered mail (receive); sent mail sits in Sent Items. */
  folder?: "inbox";
  from?: string;
  receivedDateTime?: string;
  removed?: boolean;
};

const graphError = (status: number, code: string, message: string): TestReply => ({
  status,
  json: { error: { code, message, innerError: { date: new Date().toISOString(), "request-id": randomBytes(8).toString("hex") } } },
});
const newId = () => `AAMkAG${randomBytes(12).toString("base64url")}`;

export async function startMicrosoftApiServer({
  tenant,
  clientId,
  clientSecret,
  refreshToken,
  mailboxAddress = "rep@outlook.test",
}: {
  tenant: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Whose mailbox this is: the From of mail it sends. */
  mailboxAddress?: string;
}) {
  const validTokens = new Set<string>();
  const messages: GraphMessage[] = [];
  let baseUrl = "";
  const delta = createInboxDelta(() => baseUrl);
  /** Every authenticated /v1.0/me/* request, in order ("GET /mailFolders('inbox')/messages/delta?…"). */
  const requests: string[] = [];
  const failures: TestReply[] = [];
  const tokenForms: URLSearchParams[] = [];
  // Microsoft rotates refresh tokens: each refresh returns a new one, and the old one stays usable here.
  const validRefresh = new Set([refreshToken]);
  type PendingCode = { redirectUri: string; challenge: string; method: string; email: string; scope: string };
  const codes = new Map<string, PendingCode>();
  const emailByToken = new Map<string, string>();
  let consenting = "rep@outlook.test";

  const server = await startHttpTestServer(async (req) => {
    const path = req.url.pathname;
    if (req.method === "GET" && path === `/${tenant}/oauth2/v2.0/authorize`) {
      const q = req.url.searchParams;
      if (q.get("client_id") !== clientId) return { status: 400, text: "AADSTS700016: Application not found in the directory." };
      const redirect = new URL(q.get("redirect_uri") ?? "");
      const code = `M.C5_${randomBytes(12).toString("hex")}`;
      codes.set(code, { redirectUri: q.get("redirect_uri") ?? "", challenge: q.get("code_challenge") ?? "", method: q.get("code_challenge_method") ?? "plain", email: consenting, scope: q.get("scope") ?? "" });
      redirect.searchParams.set("code", code);
      redirect.searchParams.set("state", q.get("state") ?? "");
      return { status: 302, text: "", headers: { location: redirect.toString() } };
    }
    if (req.method === "GET" && path === "/v1.0/me") {
      const email = emailByToken.get(req.headers.authorization?.replace(/^Bearer /, "") ?? "");
      if (!email) return graphError(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
      return { status: 200, json: { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity", id: newId(), displayName: "Rep", mail: email, userPrincipalName: email } };
    }
    if (req.method === "POST" && path === `/${tenant}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(req.body.toString("utf8"));
      tokenForms.push(form);
      if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
        return { status: 401, json: { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided.", error_codes: [7000215] } };
      }
      if (form.get("grant_type") === "authorization_code") {
        const pending = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        const verifier = form.get("code_verifier") ?? "";
        const challenge = pending?.method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
        if (!pending || pending.redirectUri !== form.get("redirect_uri")) {
          return { status: 400, json: { error: "invalid_grant", error_description: "AADSTS70000: The provided authorization code is invalid or has expired.", error_codes: [70000] } };
        }
        if (!verifier || challenge !== pending.challenge) {
          return { status: 400, json: { error: "invalid_grant", error_description: "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.", error_codes: [501481] } };
        }
        const accessToken = `eyJ0eXAi.${randomBytes(12).toString("hex")}`;
        const nextRefresh = `M.R3_${randomBytes(12).toString("hex")}`;
        validTokens.add(accessToken);
        validRefresh.add(nextRefresh);
        emailByToken.set(accessToken, pending.email);
        // Graph names its scopes by full URL in the token response.
        const scope = pending.scope.split(" ").map((s) => (/^(openid|email|offline_access|profile)$/.test(s) ? s : `https://graph.microsoft.com/${s}`)).join(" ");
        return { status: 200, json: { token_type: "Bearer", scope, expires_in: 3599, ext_expires_in: 3599, access_token: accessToken, refresh_token: nextRefresh } };
      }
      if (form.get("grant_type") !== "refresh_token" || !validRefresh.has(form.get("refresh_token") ?? "")) {
        return {
          status: 400,
          json: { error: "invalid_grant", error_description: "AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.", error_codes: [70008] },
        };
      }
      const accessToken = `eyJ0eXAi.${randomBytes(12).toString("hex")}`;
      const nextRefresh = `M.R3_${randomBytes(12).toString("hex")}`;
      validTokens.add(accessToken);
      validRefresh.add(nextRefresh);
      return { status: 200, json: { token_type: "Bearer", scope: form.get("scope") ?? "", expires_in: 3599, ext_expires_in: 3599, access_token: accessToken, refresh_token: nextRefresh } };
    }
    if (!path.startsWith("/v1.0/me/")) return graphError(404, "ResourceNotFound", "Resource not found.");
    if (!validTokens.has(req.headers.authorization?.replace(/^Bearer /, "") ?? "")) {
      return graphError(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
    }
    requests.push(`${req.method} ${decodeURIComponent(path).slice("/v1.0/me".length)}${decodeURIComponent(req.url.search)}`);
    const failure = failures.shift();
    if (failure) return failure;
    if (req.method === "GET" && /^\/v1\.0\/me\/mailFolders(\('inbox'\)|\/inbox)\/messages\/delta$/.test(decodeURIComponent(path))) {
      return delta.page(req.url.searchParams, String(req.headers.prefer ?? ""));
    }
    const value = /^\/v1\.0\/me\/messages\/([^/]+)\/\$value$/.exec(path);
    if (req.method === "GET" && value) {
      const m = messages.find((x) => x.id === decodeURIComponent(value[1]) && !x.removed);
      if (!m?.raw) return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
      return { status: 200, text: m.raw.toString("utf8"), headers: { "content-type": "text/plain" } };
    }
    if (req.method === "POST" && path === "/v1.0/me/sendMail") {
      if (!String(req.headers["content-type"]).startsWith("text/plain")) return graphError(400, "ErrorInvalidRequest", "Expected a JSON or MIME body.");
      const raw = Buffer.from(req.body.toString("utf8"), "base64");
      const parsed = await simpleParser(raw);
      if (!parsed.messageId) return graphError(400, "ErrorMimeContentInvalid", "The MIME content is invalid.");
      messages.push({ id: newId(), conversationId: newId(), internetMessageId: parsed.messageId, raw, sent: true, from: mailboxAddress, receivedDateTime: new Date().toISOString() });
      return { status: 202, text: "" };
    }
    if (req.method === "GET" && path === "/v1.0/me/messages") {
      const conversation = /^conversationId eq '(.+)'$/.exec(req.url.searchParams.get("$filter") ?? "")?.[1]?.replace(/''/g, "'");
      if (conversation !== undefined) {
        const all = messages.filter((m) => m.conversationId === conversation && !m.removed);
        const skip = Number(req.url.searchParams.get("$skip") ?? 0);
        const top = Number(req.url.searchParams.get("$top") ?? 10);
        const next = new URL(`${baseUrl}/v1.0/me/messages`);
        for (const [k, v] of req.url.searchParams) if (k !== "$skip") next.searchParams.set(k, v);
        next.searchParams.set("$skip", String(skip + top));
        return {
          status: 200,
          json: {
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages(id,conversationId,receivedDateTime,from,isDraft)",
            value: all.slice(skip, skip + top).map((m) => graphRow(m, mailboxAddress)),
            ...(skip + top < all.length ? { "@odata.nextLink": next.toString() } : {}),
          },
        };
      }
      const wanted = /^internetMessageId eq '(.+)'$/.exec(req.url.searchParams.get("$filter") ?? "")?.[1]?.replace(/''/g, "'");
      const value = messages.filter((m) => (m.sent || m.folder === "inbox") && !m.removed && m.internetMessageId === wanted).map(({ id, conversationId, internetMessageId }) => ({ id, conversationId, internetMessageId }));
      return { status: 200, json: { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages", value } };
    }
    const action = /^\/v1\.0\/me\/messages\/([^/]+)\/(createReply|send)$/.exec(path);
    const target = action && messages.find((m) => m.id === decodeURIComponent(action[1]));
    if (action && !target) return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    if (action?.[2] === "createReply" && target) {
      const body = JSON.parse(req.body.toString("utf8")) as { message: { toRecipients: { emailAddress: { address: string } }[]; body: { content: string }; internetMessageHeaders?: { name: string; value: string }[] } };
      const draft: GraphMessage = {
        id: newId(),
        conversationId: target.conversationId,
        internetMessageId: `<${randomBytes(8).toString("hex")}@outlook.example>`,
        reply: { parentId: target.id, toRecipients: body.message.toRecipients.map((r) => r.emailAddress.address), html: body.message.body.content, headers: body.message.internetMessageHeaders ?? [] },
        sent: false,
      };
      messages.push(draft);
      return { status: 201, json: { id: draft.id, conversationId: draft.conversationId, internetMessageId: draft.internetMessageId, isDraft: true } };
    }
    if (action?.[2] === "send" && target) {
      target.sent = true;
      return { status: 202, text: "" };
    }
    return graphError(405, "ErrorInvalidRequest", "The OData request is not supported.");
  });

  baseUrl = server.url;

  return {
    graphBaseUrl: server.url,
    requests,
    mailboxAddress,
    /** Delivers a message into the Inbox (in `conversationId` when given, else a new one), received at `receivedAt`. */
    receive: async (raw: Buffer | string, options: { conversationId?: string; receivedAt?: Date } = {}) => {
      const buffer = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
      const parsed = await simpleParser(buffer);
      const m: GraphMessage = {
        id: newId(),
        conversationId: options.conversationId ?? newId(),
        internetMessageId: parsed.messageId ?? `<${randomBytes(8).toString("hex")}@outlook.example>`,
        raw: buffer,
        sent: false,
        folder: "inbox",
        from: parsed.from?.value[0]?.address?.toLowerCase(),
        receivedDateTime: (options.receivedAt ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
      };
      messages.push(m);
      delta.added(m);
      return m;
    },
    /** Deletes a message: later delta rounds report it as @removed. */
    remove: (id: string) => {
      const m = messages.find((x) => x.id === id);
      if (!m) throw new Error(`no message ${id}`);
      m.removed = true;
      delta.removed(m);
    },
    /** Every delta and skip token stops working (answers 410), as when Graph drops old sync state. */
    expireDeltaTokens: () => delta.expire(),
    tokenUrl: `${server.url}/${tenant}/oauth2/v2.0/token`,
    loginBaseUrl: server.url,
    authorizeUrl: `${server.url}/${tenant}/oauth2/v2.0/authorize`,
    /** The Microsoft account that the consent stand-in signs in as. */
    consentAs: (email: string) => {
      consenting = email;
    },
    messages,
    tokenForms,
    expireAccessTokens: () => validTokens.clear(),
    revokeRefreshTokens: () => {
      validRefresh.clear();
      validTokens.clear();
    },
    failNext: (reply: TestReply) => failures.push(reply),
    graphError,
    close: server.close,
  };
}

function graphRow(m: GraphMessage, mailboxAddress: string) {
  return {
    "@odata.type": "#microsoft.graph.message",
    "@odata.etag": `W/"${createHash("sha1").update(m.id).digest("base64").slice(0, 16)}"`,
    id: m.id,
    receivedDateTime: m.receivedDateTime ?? null,
    conversationId: m.conversationId,
    isDraft: !m.sent && m.folder !== "inbox",
    from: { emailAddress: { name: null, address: m.from ?? mailboxAddress } },
  };
}

// The Inbox's change log and the state behind the links delta hands out: a round is a list of rows served a
// page at a time; its last page carries a delta token naming the log position it reached.
function createInboxDelta(baseUrl: () => string) {
  const log: { seq: number; message: GraphMessage; removed: boolean }[] = [];
  let seq = 0;
  const rounds = new Map<string, { rows: object[]; endSeq: number }>();
  const deltaTokens = new Map<string, number>();
  const link = (param: string, token: string) => `${baseUrl()}/v1.0/me/mailFolders('inbox')/messages/delta?${param}=${token}`;
  const token = () => randomBytes(18).toString("base64url");
  const gone = () => graphError(410, "SyncStateNotFound", "The sync state generation is not found or has expired.");

  function page(q: URLSearchParams, prefer: string): TestReply {
    const size = Number(/odata\.maxpagesize=(\d+)/.exec(prefer)?.[1] ?? 10);
    let round: { rows: object[]; endSeq: number } | undefined;
    const skip = q.get("$skiptoken");
    const deltaToken = q.get("$deltatoken");
    if (skip) {
      round = rounds.get(skip);
      rounds.delete(skip);
      if (!round) return gone();
    } else if (deltaToken) {
      const from = deltaTokens.get(deltaToken);
      if (from === undefined) return gone();
      const rows = log
        .filter((e) => e.seq > from && (e.removed || !e.message.removed))
        .map((e) => (e.removed ? { "@odata.type": "#microsoft.graph.message", id: e.message.id, "@removed": { reason: "deleted" } } : graphRow(e.message, "")));
      round = { rows, endSeq: seq };
    } else {
      const since = /receivedDateTime ge (\S+)/.exec(q.get("$filter") ?? "")?.[1];
      if (q.get("$filter") && !since) return graphError(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
      const current = log.filter((e) => !e.removed && !e.message.removed && (!since || Date.parse(e.message.receivedDateTime!) >= Date.parse(since)));
      round = { rows: current.map((e) => graphRow(e.message, "")), endSeq: seq };
    }
    const rows = round.rows.slice(0, size);
    const rest = round.rows.slice(size);
    const context = { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(message)" };
    if (rest.length) {
      const t = token();
      rounds.set(t, { rows: rest, endSeq: round.endSeq });
      return { status: 200, json: { ...context, "@odata.nextLink": link("$skiptoken", t), value: rows } };
    }
    const t = token();
    deltaTokens.set(t, round.endSeq);
    return { status: 200, json: { ...context, "@odata.deltaLink": link("$deltatoken", t), value: rows } };
  }

  return {
    page,
    added: (message: GraphMessage) => log.push({ seq: ++seq, message, removed: false }),
    removed: (message: GraphMessage) => log.push({ seq: ++seq, message, removed: true }),
    expire: () => {
      rounds.clear();
      deltaTokens.clear();
    },
  };
}
