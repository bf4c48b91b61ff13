import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OAuthCredentials } from "@/lib/email/providers/mailbox-credentials";
import { findThreadReplies } from "@/lib/inbound/sources/find-thread-replies";
import { createGmailSource } from "@/lib/inbound/sources/gmail-source";
import type { InboundSource } from "@/lib/inbound/sources/inbound-source";
import { startGoogleApiServer } from "../support/google-api-server";

const CLIENT = { clientId: "123-abc.apps.googleusercontent.com", clientSecret: "GOCSPX-test" };
const REFRESH = "1//0g-refresh-token";
const ME = "rep@gmail.test";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let google: Awaited<ReturnType<typeof startGoogleApiServer>>;
beforeEach(async () => {
  google = await startGoogleApiServer({ ...CLIENT, refreshToken: REFRESH, mailboxAddress: ME });
});
afterEach(() => google.close());

function options(credentials: Partial<OAuthCredentials> = {}, saved: OAuthCredentials[] = []) {
  return {
    ...CLIENT,
    credentials: { provider: "gmail" as const, refreshToken: REFRESH, ...credentials },
    apiBaseUrl: google.apiBaseUrl,
    tokenUrl: google.tokenUrl,
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

/** Calls fetchNew until `more` is false; every batch and the final cursor. */
async function drain(source: InboundSource, cursor: string | null, since: Date, limit: number) {
  const batches: string[][] = [];
  for (let i = 0; i < 50; i++) {
    const r = await source.fetchNew({ cursor, since, limit });
    batches.push(r.messages.map((m) => m.providerMessageId));
    cursor = r.cursor;
    if (!r.more) return { batches, cursor };
  }
  throw new Error("fetchNew never finished");
}

describe("Gmail inbound source", () => {
  it("first sync returns inbox mail received since `since`, and neither older mail nor our own", async () => {
    const since = new Date(Date.now() - HOUR);
    await google.receive(rawMail({ subject: "old" }), { receivedAt: new Date(since.getTime() - 60_000) });
    const reply = await google.receive(rawMail(), { threadId: "thread-1", receivedAt: new Date(since.getTime() + 60_000) });
    await google.receive(rawMail({ from: ME, to: ME, subject: "note to self" }), { labelIds: ["INBOX", "SENT"] });
    await google.receive(rawMail({ from: ME, subject: "from me, filed in the inbox by a filter" }));
    await google.receive(rawMail({ from: ME, subject: "draft" }), { labelIds: ["DRAFT"] });

    const result = await createGmailSource(options()).fetchNew({ cursor: null, since, limit: 50 });

    expect(result.messages.map((m) => m.providerMessageId)).toEqual([reply.id]);
    expect(result.messages[0]).toMatchObject({ providerThreadId: "thread-1", receivedAt: new Date(reply.internalDate) });
    expect(result.messages[0].raw.equals(reply.raw)).toBe(true);
    expect(result.more).toBe(false);
    // The historyId is read before listing, then the listing asks Gmail for inbox mail after `since`, not ours.
    const profileAt = google.requests.findIndex((r) => r === "GET /profile");
    const listAt = google.requests.findIndex((r) => r.startsWith("GET /messages?"));
    expect(profileAt).toBeGreaterThanOrEqual(0);
    expect(listAt).toBeGreaterThan(profileAt);
    expect(new URLSearchParams(google.requests[listAt].split("?")[1]).get("q")).toBe(`after:${Math.floor(since.getTime() / 1000)} -from:me in:inbox`);
  });

  it("an incremental sync from the cursor reads history and returns only mail that arrived since", async () => {
    const since = new Date(Date.now() - HOUR);
    const first = await google.receive(rawMail());
    const source = createGmailSource(options());
    const one = await source.fetchNew({ cursor: null, since, limit: 50 });
    expect(one.messages.map((m) => m.providerMessageId)).toEqual([first.id]);

    const second = await google.receive(rawMail({ subject: "Re: pricing" }));
    await google.receive(rawMail({ from: ME, to: "grace@example.org" }), { labelIds: ["SENT"] });
    // Both carry INBOX, so history reports them: the source itself must leave them out.
    await google.receive(rawMail({ from: ME, to: ME, subject: "note to self" }), { labelIds: ["INBOX", "SENT"] });
    await google.receive(rawMail({ from: ME, subject: "from me, filed in the inbox by a filter" }));
    google.requests.length = 0;
    const two = await source.fetchNew({ cursor: one.cursor, since, limit: 50 });
    expect(two.messages.map((m) => m.providerMessageId)).toEqual([second.id]);
    expect(google.requests.some((r) => r.startsWith("GET /history?") && r.includes("labelId=INBOX") && r.includes("historyTypes=messageAdded"))).toBe(true);
    expect(google.requests.some((r) => r.startsWith("GET /messages?"))).toBe(false);

    const three = await source.fetchNew({ cursor: two.cursor, since, limit: 50 });
    expect(three.messages).toEqual([]);
    expect(three.more).toBe(false);
  });

  it("pages by `limit`, on the first listing and through history, without losing or repeating a message", async () => {
    const since = new Date(Date.now() - HOUR);
    const listed = [];
    for (let i = 0; i < 5; i++) listed.push((await google.receive(rawMail({ subject: `first ${i}` }))).id);
    const source = createGmailSource(options());
    const first = await drain(source, null, since, 2);
    expect(first.batches.every((b) => b.length <= 2)).toBe(true);
    expect(first.batches.length).toBeGreaterThanOrEqual(3);
    expect(first.batches.flat().sort()).toEqual([...listed].sort());

    const later = [];
    for (let i = 0; i < 5; i++) later.push((await google.receive(rawMail({ subject: `later ${i}` }))).id);
    const second = await drain(source, first.cursor, since, 2);
    expect(second.batches.every((b) => b.length <= 2)).toBe(true);
    expect(second.batches.flat()).toEqual(later);
    expect(google.requests.filter((r) => r.startsWith("GET /history?") && r.includes("pageToken=")).length).toBeGreaterThan(0);
  });

  it("when history is gone (404), re-lists the last 7 days and continues from a fresh historyId", async () => {
    const since = new Date(Date.now() - 30 * DAY);
    const source = createGmailSource(options());
    const start = await source.fetchNew({ cursor: null, since, limit: 50 });
    expect(start.messages).toEqual([]);

    await google.receive(rawMail({ subject: "ten days ago" }), { receivedAt: new Date(Date.now() - 10 * DAY) });
    const recent = await google.receive(rawMail({ subject: "yesterday" }), { receivedAt: new Date(Date.now() - DAY) });
    google.forgetHistory();
    google.requests.length = 0;
    const after404 = await source.fetchNew({ cursor: start.cursor, since, limit: 50 });
    expect(after404.messages.map((m) => m.providerMessageId)).toEqual([recent.id]);
    expect(google.requests[0]).toMatch(/^GET \/history\?/);
    expect(google.requests).toContain("GET /profile");
    const listed = google.requests.find((r) => r.startsWith("GET /messages?"))!;
    const after = Number(/after:(\d+)/.exec(decodeURIComponent(listed.replace(/\+/g, " ")))![1]);
    expect(Math.abs(after * 1000 - (Date.now() - 7 * DAY))).toBeLessThan(60_000);

    const next = await google.receive(rawMail({ subject: "today" }));
    const resumed = await source.fetchNew({ cursor: after404.cursor, since, limit: 50 });
    expect(resumed.messages.map((m) => m.providerMessageId)).toEqual([next.id]);
  });

  it("refreshes an expired access token through the token endpoint and hands the new one back", async () => {
    const saved: OAuthCredentials[] = [];
    const reply = await google.receive(rawMail());
    const source = createGmailSource(options({ accessToken: "ya29.stale", accessTokenExpiresAt: Date.now() - 1000 }, saved));
    const result = await source.fetchNew({ cursor: null, since: new Date(Date.now() - HOUR), limit: 10 });
    expect(result.messages.map((m) => m.providerMessageId)).toEqual([reply.id]);
    expect(google.tokenRequests).toBe(1);
    expect(saved).toHaveLength(1);
    expect(saved[0].accessToken).toMatch(/^ya29\./);
    expect(saved[0].accessToken).not.toBe("ya29.stale");
  });
});

describe("findThreadReplies (Gmail)", () => {
  it("returns the thread's messages from others received after `after`, not earlier ones and not ours", async () => {
    const after = new Date(Date.now() - 10 * 60_000);
    const at = (offsetMs: number) => new Date(after.getTime() + offsetMs);
    await google.receive(rawMail({ from: ME, to: "grace@example.org", subject: "Quick question" }), { threadId: "t-1", labelIds: ["SENT"], receivedAt: at(-HOUR) });
    await google.receive(rawMail({ subject: "just before" }), { threadId: "t-1", receivedAt: at(-1000) });
    const reply = await google.receive(rawMail({ subject: "just after" }), { threadId: "t-1", receivedAt: at(1000) });
    await google.receive(rawMail({ from: ME, to: "grace@example.org", subject: "our follow-up" }), { threadId: "t-1", labelIds: ["SENT"], receivedAt: at(2000) });
    await google.receive(rawMail({ subject: "another thread" }), { threadId: "t-2", receivedAt: at(3000) });
    await google.receive(rawMail({ from: ME, to: "grace@example.org", subject: "our copy, Bcc'd to the inbox" }), { threadId: "t-1", receivedAt: at(4000) });

    const found = await findThreadReplies({ provider: "gmail", ...options(), providerThreadId: "t-1", after });
    expect(found.map((m) => m.providerMessageId)).toEqual([reply.id]);
    expect(found[0]).toMatchObject({ providerThreadId: "t-1", receivedAt: at(1000) });
    expect(google.requests.some((r) => r === "GET /threads/t-1?format=minimal")).toBe(true);

    expect(await findThreadReplies({ provider: "gmail", ...options(), providerThreadId: "deleted-thread", after })).toEqual([]);
  });
});
