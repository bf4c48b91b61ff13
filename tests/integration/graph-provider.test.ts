import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphProvider } from "@/lib/email/providers/graph-provider";
import type { MailProviderError } from "@/lib/email/providers/mail-provider";
import type { OAuthCredentials } from "@/lib/email/providers/mailbox-credentials";
import { microsoftTenant, providerEndpoints } from "@/lib/email/providers/provider-endpoints";
import { startMicrosoftApiServer } from "../support/microsoft-api-server";
import { sampleMessage } from "../support/sample-message";

const CLIENT = { clientId: "00000000-aaaa-bbbb-cccc-000000000001", clientSecret: "graph~secret" };
const TENANT = "contoso.onmicrosoft.com";
const REFRESH = "M.R3_initial";
let ms: Awaited<ReturnType<typeof startMicrosoftApiServer>>;
beforeAll(async () => {
  ms = await startMicrosoftApiServer({ tenant: TENANT, ...CLIENT, refreshToken: REFRESH });
});
afterAll(() => ms.close());

function provider(saved: OAuthCredentials[] = [], credentials: Partial<OAuthCredentials> = {}) {
  // Endpoints resolved the way production does, from env, pointed at the local server.
  const endpoints = providerEndpoints({
    MICROSOFT_LOGIN_BASE_URL: ms.loginBaseUrl,
    MICROSOFT_GRAPH_BASE_URL: ms.graphBaseUrl,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: `https://login.microsoftonline.com/${TENANT}/v2.0`,
  });
  return createGraphProvider({
    ...CLIENT,
    credentials: { provider: "outlook", refreshToken: REFRESH, ...credentials },
    graphBaseUrl: endpoints.graphBaseUrl,
    tokenUrl: endpoints.microsoftTokenUrl,
    onCredentialsRefreshed: (c) => {
      saved.push(c);
    },
  });
}
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as MailProviderError);

describe("Microsoft Graph provider", () => {
  it("sends a new message as MIME through sendMail, keeping our Message-ID, and stores the rotated refresh token", async () => {
    const saved: OAuthCredentials[] = [];
    const graph = provider(saved);
    const message = await sampleMessage();
    const result = await graph.send({ message, idempotencyKey: "k" });
    expect(result.providerMessageId).toBe(message.messageId);
    const stored = ms.messages.at(-1)!;
    expect(stored.internetMessageId).toBe(message.messageId);
    expect(stored.raw!.toString("utf8")).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const form = ms.tokenForms.at(-1)!;
    expect(form.get("grant_type")).toBe("refresh_token");
    expect(form.get("scope")).toContain("Mail.Send");
    expect(saved).toHaveLength(1);
    expect(saved[0].refreshToken).toMatch(/^M\.R3_/);
    expect(saved[0].refreshToken).not.toBe(REFRESH);
  });

  it("replies in the same conversation through createReply + send when the parent is in the mailbox", async () => {
    const graph = provider();
    const first = await sampleMessage();
    await graph.send({ message: first, idempotencyKey: "a" });
    const parent = ms.messages.find((m) => m.internetMessageId === first.messageId)!;
    const followUp = await sampleMessage({ inReplyTo: first.messageId });
    const result = await graph.send({ message: followUp, idempotencyKey: "b" });
    const draft = ms.messages.at(-1)!;
    expect(draft.reply).toMatchObject({ parentId: parent.id, toRecipients: ["grace@example.org"] });
    expect(draft.reply!.html).toBe(followUp.fields.html);
    expect(draft.reply!.headers).toEqual([{ name: "X-Copilot-Message-Id", value: followUp.messageId }]);
    expect(draft.sent).toBe(true);
    expect(result).toEqual({ providerMessageId: draft.id, providerThreadId: parent.conversationId, internetMessageId: draft.internetMessageId });
    expect(await graph.findSent!(first.messageId)).toEqual({ providerMessageId: parent.id, providerThreadId: parent.conversationId });
  });

  it("falls back to MIME (In-Reply-To kept) when the parent is not in the mailbox", async () => {
    const graph = provider();
    const orphan = await sampleMessage({ inReplyTo: "<sent-elsewhere@acme.test>" });
    await graph.send({ message: orphan, idempotencyKey: "c" });
    const stored = ms.messages.at(-1)!;
    expect(stored.reply).toBeUndefined();
    expect(stored.raw!.toString("utf8")).toContain("In-Reply-To: <sent-elsewhere@acme.test>");
  });

  it("refreshes once on 401 and maps 429/503 to transient, 400 to permanent, 403 to auth_failed", async () => {
    const graph = provider();
    await graph.send({ message: await sampleMessage(), idempotencyKey: "warm" });
    ms.expireAccessTokens();
    await expect(graph.send({ message: await sampleMessage(), idempotencyKey: "after-401" })).resolves.toBeDefined();

    ms.failNext({ ...ms.graphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit."), headers: { "Retry-After": "12" } });
    const throttled = await failure(graph.send({ message: await sampleMessage(), idempotencyKey: "x" }));
    expect(throttled).toMatchObject({ kind: "transient", status: 429, retryAfterSeconds: 12, provider: "outlook" });
    expect(throttled!.providerMessage).toBe("ApplicationThrottled: Application is over its MailboxConcurrency limit.");

    ms.failNext(ms.graphError(503, "ServiceNotAvailable", "The service is temporarily unavailable."));
    expect(await failure(graph.send({ message: await sampleMessage(), idempotencyKey: "x" }))).toMatchObject({ kind: "transient", status: 503 });

    ms.failNext(ms.graphError(400, "ErrorInvalidRecipients", "At least one recipient isn't valid."));
    expect(await failure(graph.send({ message: await sampleMessage(), idempotencyKey: "x" }))).toMatchObject({ kind: "permanent", status: 400 });

    ms.failNext(ms.graphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."));
    expect(await failure(graph.send({ message: await sampleMessage(), idempotencyKey: "x" }))).toMatchObject({ kind: "auth_failed", status: 403 });
  });

  it("reports an expired refresh token (invalid_grant) as auth_failed with Microsoft's words", async () => {
    const other = await startMicrosoftApiServer({ tenant: TENANT, ...CLIENT, refreshToken: REFRESH });
    try {
      other.revokeRefreshTokens();
      const graph = createGraphProvider({ ...CLIENT, credentials: { provider: "outlook", refreshToken: REFRESH }, graphBaseUrl: other.graphBaseUrl, tokenUrl: other.tokenUrl });
      const error = await failure(graph.send({ message: await sampleMessage(), idempotencyKey: "x" }));
      expect(error).toMatchObject({ kind: "auth_failed", status: 400 });
      expect(error!.providerMessage).toMatch(/^invalid_grant: AADSTS70008/);
      expect(other.messages).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it("reads the tenant from the Entra issuer URL", () => {
    expect(microsoftTenant("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0")).toBe("contoso.onmicrosoft.com");
    expect(microsoftTenant(undefined)).toBe("common");
  });
});
