import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OAuthCredentials } from "@/lib/email/providers/mailbox-credentials";
import { providerEndpoints } from "@/lib/email/providers/provider-endpoints";
import { findThreadReplies } from "@/lib/inbound/sources/find-thread-replies";
import { createGraphSource } from "@/lib/inbound/sources/graph-source";
import type { InboundSource } from "@/lib/inbound/sources/inbound-source";
import { startMicrosoftApiServer } from "../support/microsoft-api-server";

const CLIENT = { clientId: "00000000-aaaa-bbbb-cccc-000000000001", clientSecret: "graph~secret" };
const TENANT = "contoso.onmicrosoft.com";
const REFRESH = "M.R3_initial";
const ME = "rep@outlook.test";
const HOUR = 3_600_000;
// Graph reports receivedDateTime in whole seconds.
const wholeSecond = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);

let ms: Awaited<ReturnType<typeof startMicrosoftApiServer>>;
beforeEach(async () => {
  ms = await startMicrosoftApiServer({ tenant: TENANT, ...CLIENT, refreshToken: REFRESH, mailboxAddress: ME });
});
afterEach(() => ms.close());

function options(credentials: Partial<OAuthCredentials> = {}, saved: OAuthCredentials[] = []) {
  // Endpoints resolved the way production does, from env, pointed at the local server.
  const endpoints = providerEndpoints({
    MICROSOFT_LOGIN_BASE_URL: ms.loginBaseUrl,
    MICROSOFT_GRAPH_BASE_URL: ms.graphBaseUrl,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: `https://login.microsoftonline.com/${TENANT}/v2.0`,
  });
  return {
    ...CLIENT,
    credentials: { provider: "outlook" as const, refreshToken: REFRESH, ...credentials },
    graphBaseUrl: endpoints.graphBaseUrl,
    tokenUrl: endpoints.microsoftTokenUrl,
    ownAddress: ME,
    onCredentialsRefreshed: (c: OAuthCredentials) => {
      saved.push(c);
    },
  };
}

function rawMail({ from = "grace@example.org", to = ME, subject = "Re: Quick question" }: { from?: string; to?: string; subject?: string } = {}) {
  const id = `<${randomBytes(6).toString("hex")}@example.org>`;
  return `From: ${from === ME ? "Rita Rep" : "Grace"} <${from}>\r\nTo: ${to}\r\nSubject: ${subject}\r\nMessage-ID: ${id}\r\nDate: ${new Date().toUTCString()}\r\n\r\nSounds good.\r\n`;
}

async function drain(source: InboundSource, cursor: string | null, since: Date, limit: number) {
  const batches: string[][] = [];
  const cursors: string[] = [];
  for (let i = 0; i < 50; i++) {
    const r = await source.fetchNew({ cursor, since, limit });
    batches.push(r.messages.map((m) => m.providerMessageId));
    cursor = r.cursor;
    cursors.push(r.cursor);
    if (!r.more) return { batches, cursor, cursors };
  }
  throw new Error("fetchNew never finished");
}

describe("Microsoft Graph inbound source", () => {
  it("first sync returns Inbox mail received since `since` through delta, and neither older mail nor our own", async () => {
    const since = wholeSecond(Date.now() - HOUR);
    await ms.receive(rawMail({ subject: "old" }), { receivedAt: new Date(since.getTime() - 60_000) });
    const reply = await ms.receive(rawMail(), { receivedAt: new Date(since.getTime() + 60_000) });
    await ms.receive(rawMail({ from: ME, subject: "from me, to myself" }));

    const result = await createGraphSource(options()).fetchNew({ cursor: null, since, limit: 50 });

    expect(result.messages.map((m) => m.providerMessageId)).toEqual([reply.id]);
    expect(result.messages[0]).toMatchObject({ providerThreadId: reply.conversationId, receivedAt: new Date(reply.receivedDateTime!) });
    expect(result.messages[0].raw.equals(reply.raw!)).toBe(true);
    expect(result.more).toBe(false);
    expect(result.cursor).toMatch(new RegExp(`^${ms.graphBaseUrl}/v1\\.0/me/mailFolders\\('inbox'\\)/messages/delta\\?\\$deltatoken=`));
    const first = ms.requests.find((r) => r.includes("/messages/delta?"))!;
    expect(first).toContain(`$filter=receivedDateTime ge ${since.toISOString().replace(/\.\d{3}Z$/, "Z")}`);
    // Only the one message from someone else is downloaded.
    expect(ms.requests.filter((r) => r.endsWith("/$value"))).toEqual([`GET /messages/${reply.id}/$value`]);
  });

  it("an incremental sync from the deltaLink returns only new mail, ignoring @removed rows", async () => {
    const since = new Date(Date.now() - HOUR);
    const source = createGraphSource(options());
    const kept = await ms.receive(rawMail({ subject: "first" }));
    const one = await source.fetchNew({ cursor: null, since, limit: 50 });
    expect(one.messages.map((m) => m.providerMessageId)).toEqual([kept.id]);

    ms.remove(kept.id);
    const second = await ms.receive(rawMail({ subject: "second" }));
    await ms.receive(rawMail({ from: ME, subject: "ours" }));
    ms.requests.length = 0;
    const two = await source.fetchNew({ cursor: one.cursor, since, limit: 50 });
    expect(two.messages.map((m) => m.providerMessageId)).toEqual([second.id]);
    expect(ms.requests[0]).toContain("$deltatoken=");
    expect(ms.requests.some((r) => r.includes(kept.id))).toBe(false);

    const three = await source.fetchNew({ cursor: two.cursor, since, limit: 50 });
    expect(three).toMatchObject({ messages: [], more: false });
  });

  it("pages by `limit`: stops at a nextLink and resumes from it without losing or repeating a message", async () => {
    const since = new Date(Date.now() - HOUR);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await ms.receive(rawMail({ subject: `m${i}` }))).id);
    const source = createGraphSource(options());
    const run = await drain(source, null, since, 2);
    expect(run.batches).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
    expect(run.cursors.slice(0, -1).every((c) => c.includes("$skiptoken="))).toBe(true);
    expect(run.cursor).toContain("$deltatoken=");
    expect(ms.requests.filter((r) => r.includes("/messages/delta")).length).toBe(3);

    const later = [];
    for (let i = 0; i < 3; i++) later.push((await ms.receive(rawMail({ subject: `later ${i}` }))).id);
    const next = await drain(source, run.cursor, since, 2);
    expect(next.batches.flat()).toEqual(later);
  });

  it("starts a new delta round when Graph answers 410 for an expired deltaLink", async () => {
    const since = new Date(Date.now() - HOUR);
    const source = createGraphSource(options());
    const first = await ms.receive(rawMail({ subject: "first" }));
    const one = await source.fetchNew({ cursor: null, since, limit: 50 });
    ms.expireDeltaTokens();
    const second = await ms.receive(rawMail({ subject: "second" }));
    const two = await source.fetchNew({ cursor: one.cursor, since, limit: 50 });
    // The new round re-reads from `since` (ingest is keyed on the message id, so the repeat is harmless).
    expect(two.messages.map((m) => m.providerMessageId)).toEqual([first.id, second.id]);
    expect(two.cursor).not.toBe(one.cursor);
    expect(two.cursor).toContain("$deltatoken=");
  });

  it("refuses to send the token to a link outside Graph", async () => {
    const source = createGraphSource(options());
    await expect(source.fetchNew({ cursor: "https://evil.example/v1.0/me/mailFolders('inbox')/messages/delta?$deltatoken=x", since: new Date(), limit: 5 })).rejects.toMatchObject({
      kind: "permanent",
    });
  });

  it("refreshes an expired access token through the token endpoint, with the stored scope", async () => {
    const saved: OAuthCredentials[] = [];
    const reply = await ms.receive(rawMail());
    const source = createGraphSource(options({ accessToken: "eyJ0eXAi.stale", accessTokenExpiresAt: Date.now() - 1000 }, saved));
    const result = await source.fetchNew({ cursor: null, since: new Date(Date.now() - HOUR), limit: 10 });
    expect(result.messages.map((m) => m.providerMessageId)).toEqual([reply.id]);
    expect(ms.tokenForms).toHaveLength(1);
    expect(ms.tokenForms[0].get("grant_type")).toBe("refresh_token");
    expect(saved).toHaveLength(1);
    expect(saved[0].refreshToken).not.toBe(REFRESH);
  });
});

describe("findThreadReplies (Outlook)", () => {
  it("returns the conversation's messages from others received after `after`, following nextLinks", async () => {
    const after = wholeSecond(Date.now() - 10 * 60_000);
    const at = (offsetMs: number) => new Date(after.getTime() + offsetMs);
    const conversationId = "AAQkAGI2TG93AAA=";
    // More than one page (Graph's default of 10) of older messages in the conversation.
    for (let i = 0; i < 11; i++) await ms.receive(rawMail({ subject: `older ${i}` }), { conversationId, receivedAt: at(-HOUR + i * 1000) });
    await ms.receive(rawMail({ subject: "just before" }), { conversationId, receivedAt: at(-1000) });
    const reply = await ms.receive(rawMail({ subject: "just after" }), { conversationId, receivedAt: at(1000) });
    await ms.receive(rawMail({ from: ME, to: "grace@example.org", subject: "our own" }), { conversationId, receivedAt: at(2000) });
    await ms.receive(rawMail({ subject: "another conversation" }), { receivedAt: at(3000) });

    const found = await findThreadReplies({ provider: "outlook", ...options(), providerThreadId: conversationId, after });
    expect(found.map((m) => m.providerMessageId)).toEqual([reply.id]);
    expect(found[0]).toMatchObject({ providerThreadId: conversationId, receivedAt: at(1000) });
    const lists = ms.requests.filter((r) => r.startsWith("GET /messages?"));
    expect(lists.length).toBe(2);
    expect(lists[0]).toContain(`$filter=conversationId eq '${conversationId}'`);
  });
});
