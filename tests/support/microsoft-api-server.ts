// A local stand-in for login.microsoftonline.com/<tenant>/oauth2/v2.0/token and graph.microsoft.com/v1.0/me:
// sendMail with base64 MIME, message lookup by internetMessageId, createReply + send, Graph's error bodies. For
// connecting a mailbox: a consent stand-in at /<tenant>/oauth2/v2.0/authorize, the authorization_code grant checking
// the PKCE S256 verifier, and GET /v1.0/me.
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
};

const graphError = (status: number, code: string, message: string): TestReply => ({
  status,
  json: { error: { code, message, innerError: { date: new Date().toISOString(), "request-id": randomBytes(8).toString("hex") } } },
});
const newId = () => `AAMkAG${randomBytes(12).toString("base64url")}`;

export async function startMicrosoftApiServer({ tenant, clientId, clientSecret, refreshToken }: { tenant: string; clientId: string; clientSecret: string; refreshToken: string }) {
  const validTokens = new Set<string>();
  const messages: GraphMessage[] = [];
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
    const failure = failures.shift();
    if (failure) return failure;
    if (req.method === "POST" && path === "/v1.0/me/sendMail") {
      if (!String(req.headers["content-type"]).startsWith("text/plain")) return graphError(400, "ErrorInvalidRequest", "Expected a JSON or MIME body.");
      const raw = Buffer.from(req.body.toString("utf8"), "base64");
      const parsed = await simpleParser(raw);
      if (!parsed.messageId) return graphError(400, "ErrorMimeContentInvalid", "The MIME content is invalid.");
      messages.push({ id: newId(), conversationId: newId(), internetMessageId: parsed.messageId, raw, sent: true });
      return { status: 202, text: "" };
    }
    if (req.method === "GET" && path === "/v1.0/me/messages") {
      const wanted = /^internetMessageId eq '(.+)'$/.exec(req.url.searchParams.get("$filter") ?? "")?.[1]?.replace(/''/g, "'");
      const value = messages.filter((m) => m.sent && m.internetMessageId === wanted).map(({ id, conversationId, internetMessageId }) => ({ id, conversationId, internetMessageId }));
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

  return {
    graphBaseUrl: server.url,
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
