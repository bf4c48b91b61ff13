// The IMAP inbound source against a real Dovecot (tests/support/dovecot-server.ts): cursors, paging, our own mail,
// UIDVALIDITY, login failures, and the SMTP mailbox form that stores the IMAP settings.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { mailboxes } from "@/db/schema/mailboxes";
import { decryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { parseRawMessage } from "@/lib/inbound/inbound-message";
import { createImapSource } from "@/lib/inbound/sources/imap-source";
import { createSmtpMailbox } from "@/lib/mailboxes/create-smtp-mailbox";
import { startDovecot, type DovecotServer } from "../support/dovecot-server";
import { createUserWithTeam } from "../support/factories";
import { startSmtpTestServer } from "../support/smtp-test-server";

const OWN = "rep@acme.test";
const USERS = ["first", "old", "paging", "own", "validity", "rep"].map((user) => ({ user, password: `pw-${user}` }));

let dovecot: DovecotServer;
let startFailure: unknown;
beforeAll(async () => {
  try {
    dovecot = await startDovecot({ users: USERS });
  } catch (error) {
    startFailure = error;
  }
});
// Every test fails (none is skipped) when Dovecot is missing or would not start, with the reason why.
beforeEach(() => {
  if (startFailure) throw startFailure;
});
afterAll(() => dovecot?.stop());

const password = (user: string) => USERS.find((u) => u.user === user)!.password;
const source = (user: string, pass = password(user)) =>
  createImapSource({ imap: { host: dovecot.host, port: dovecot.port, secure: false, username: user, password: pass }, ownAddress: OWN });

let counter = 0;
function message({ from = "grace@example.org", subject, inReplyTo = "<sent-1@acme.test>" }: { from?: string; subject?: string; inReplyTo?: string } = {}) {
  counter += 1;
  return [
    `From: ${from}`,
    `To: ${OWN}`,
    `Subject: ${subject ?? `Re: Quick question ${counter}`}`,
    `Message-ID: <reply-${counter}@example.org>`,
    `In-Reply-To: ${inReplyTo}`,
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    `Reply number ${counter}.`,
    "",
  ].join("\r\n");
}

const subjects = async (messages: { raw: Buffer }[]) => Promise.all(messages.map(async (m) => (await parseRawMessage(m.raw)).subject));

describe("IMAP inbound source", () => {
  it("reads everything since the connection on a first sync, then only what arrived after the cursor", async () => {
    const since = new Date(Date.now() - 60_000);
    for (const n of [1, 2, 3]) await dovecot.deliver("first", message({ subject: `Re: Pricing ${n}`, inReplyTo: `<sent-${n}@acme.test>` }));
    const imap = source("first");

    const first = await imap.fetchNew({ cursor: null, since, limit: 50 });
    expect(first.more).toBe(false);
    expect(first.messages).toHaveLength(3);
    const parsed = await Promise.all(first.messages.map((m) => parseRawMessage(m.raw)));
    expect(parsed.map((p) => p.subject)).toEqual(["Re: Pricing 1", "Re: Pricing 2", "Re: Pricing 3"]);
    expect(parsed.map((p) => p.inReplyTo)).toEqual(["<sent-1@acme.test>", "<sent-2@acme.test>", "<sent-3@acme.test>"]);
    const [validity] = first.cursor.split(":");
    expect(first.cursor).toBe(`${validity}:3`);
    expect(first.messages.map((m) => m.providerMessageId)).toEqual([`${validity}:1`, `${validity}:2`, `${validity}:3`]);
    expect(first.messages.every((m) => m.providerThreadId === null && m.receivedAt instanceof Date && m.receivedAt >= since)).toBe(true);

    await dovecot.deliver("first", message({ subject: "Re: Pricing 4" }));
    const next = await imap.fetchNew({ cursor: first.cursor, since, limit: 50 });
    expect(await subjects(next.messages)).toEqual(["Re: Pricing 4"]);
    expect(next.messages[0].providerMessageId).toBe(`${validity}:4`);
    expect(next).toMatchObject({ cursor: `${validity}:4`, more: false });

    expect(await imap.fetchNew({ cursor: next.cursor, since, limit: 50 })).toEqual({ messages: [], cursor: `${validity}:4`, more: false });
    // Read-only: nothing was marked \Seen, and \Recent is still set (a read-write SELECT would have claimed it).
    const flags = [...(await dovecot.flags("first")).values()];
    expect(flags).toHaveLength(4);
    expect(flags.flat()).not.toContain("\\Seen");
    expect(flags.every((f) => f.includes("\\Recent"))).toBe(true);
  });

  it("leaves out mail received before `since` on a first sync, and starts the cursor past it", async () => {
    const since = new Date(Date.now() - 60_000);
    const imap = source("old");
    const empty = await imap.fetchNew({ cursor: null, since, limit: 50 });
    expect(empty.messages).toEqual([]);
    expect(empty.cursor).toMatch(/^\d+:0$/);

    await dovecot.deliver("old", message({ subject: "Last week" }), { internalDate: new Date(since.getTime() - 7 * 86_400_000) });
    // Same calendar day as `since`: SEARCH SINCE matches it, the exact INTERNALDATE does not.
    await dovecot.deliver("old", message({ subject: "An hour earlier" }), { internalDate: new Date(since.getTime() - 3_600_000) });
    await dovecot.deliver("old", message({ subject: "After connecting" }));

    const first = await imap.fetchNew({ cursor: null, since, limit: 50 });
    expect(await subjects(first.messages)).toEqual(["After connecting"]);
    expect(first.cursor).toMatch(/^\d+:3$/);
  });

  it("returns at most `limit` messages a call and says when more is waiting", async () => {
    const since = new Date(Date.now() - 60_000);
    for (const n of [1, 2, 3, 4, 5]) await dovecot.deliver("paging", message({ subject: `Page ${n}` }));
    const imap = source("paging");

    const seen: string[] = [];
    const mores: boolean[] = [];
    let cursor: string | null = null;
    do {
      const batch = await imap.fetchNew({ cursor, since, limit: 2 });
      expect(batch.messages.length).toBeLessThanOrEqual(2);
      seen.push(...(await subjects(batch.messages)));
      mores.push(batch.more);
      cursor = batch.cursor;
    } while (mores.at(-1) && mores.length < 10);
    expect(seen).toEqual(["Page 1", "Page 2", "Page 3", "Page 4", "Page 5"]);
    expect(mores).toEqual([true, true, false]);
    expect(cursor).toMatch(/:5$/);
  });

  it("skips messages from the mailbox's own address", async () => {
    const since = new Date(Date.now() - 60_000);
    await dovecot.deliver("own", message({ from: "Rita Rep <Rep@Acme.test>", subject: "Our own copy" }));
    await dovecot.deliver("own", message({ subject: "A real reply" }));
    await dovecot.deliver("own", message({ from: OWN, subject: "Another copy" }));
    const imap = source("own");

    const paged = await imap.fetchNew({ cursor: null, since, limit: 1 });
    expect(await subjects(paged.messages)).toEqual(["A real reply"]);
    expect(paged.more).toBe(true);
    const rest = await imap.fetchNew({ cursor: paged.cursor, since, limit: 1 });
    expect(rest.messages).toEqual([]);
    expect(rest.more).toBe(false);
    expect(rest.cursor).toMatch(/:3$/);
  });

  it("starts over from `since` when the server's UIDVALIDITY changes", async () => {
    const since = new Date(Date.now() - 60_000);
    await dovecot.deliver("validity", message({ subject: "Before the rebuild 1" }));
    await dovecot.deliver("validity", message({ subject: "Before the rebuild 2" }));
    const imap = source("validity");
    const first = await imap.fetchNew({ cursor: null, since, limit: 50 });
    expect(first.messages).toHaveLength(2);
    const oldValidity = Number(first.cursor.split(":")[0]);

    await dovecot.setUidValidity("validity", oldValidity + 1000);
    await dovecot.deliver("validity", message({ subject: "After the rebuild" }));
    const again = await imap.fetchNew({ cursor: first.cursor, since, limit: 50 });
    expect(await subjects(again.messages)).toEqual(["Before the rebuild 1", "Before the rebuild 2", "After the rebuild"]);
    expect(again.messages.map((m) => m.providerMessageId)).toEqual([`${oldValidity + 1000}:1`, `${oldValidity + 1000}:2`, `${oldValidity + 1000}:3`]);
    expect(again.cursor).toBe(`${oldValidity + 1000}:3`);
  });

  it("names the server and the failure when it cannot log in", async () => {
    const since = new Date();
    await expect(source("first", "wrong-password").fetchNew({ cursor: null, since, limit: 10 })).rejects.toThrow(
      new RegExp(`^IMAP login to 127\\.0\\.0\\.1:${dovecot.port} failed: .*Authentication failed`),
    );
    const closed = createImapSource({ imap: { host: "127.0.0.1", port: 1, secure: false, username: "x", password: "y" }, ownAddress: OWN });
    await expect(closed.fetchNew({ cursor: null, since, limit: 10 })).rejects.toThrow(/^IMAP login to 127\.0\.0\.1:1 failed: .*ECONNREFUSED/);
  });
});

describe("SMTP mailbox with incoming mail over IMAP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  beforeAll(async () => {
    smtp = await startSmtpTestServer({ username: "rep", password: password("rep") });
  });
  afterAll(() => smtp?.close());
  const input = (email: string, imapPort: number) => ({
    email,
    displayName: null,
    smtpHost: "127.0.0.1",
    smtpPort: smtp.port,
    smtpSecure: false,
    smtpUser: "rep",
    smtpPassword: password("rep"),
    imapHost: "127.0.0.1",
    imapPort,
    imapSecure: false,
  });

  it("logs in over IMAP with the SMTP user name and password and stores the IMAP settings encrypted", async () => {
    const { user, team } = await createUserWithTeam("imap");
    const row = await createSmtpMailbox({ teamId: team.id, actorUserId: user.id, input: input("rep@acme.test", dovecot.port) });
    const [stored] = await (await getDb()).select().from(mailboxes).where(eq(mailboxes.id, row.id));
    expect(decryptMailboxCredentials({ mailboxId: row.id, ciphertext: stored.credentialsCiphertext! })).toMatchObject({
      provider: "smtp",
      username: "rep",
      imap: { host: "127.0.0.1", port: dovecot.port, secure: false },
    });
  });

  it("refuses an IMAP server it cannot log in to, on the IMAP field, storing nothing", async () => {
    const { user, team } = await createUserWithTeam("imap-bad");
    const error = await createSmtpMailbox({ teamId: team.id, actorUserId: user.id, input: input("rep@acme.test", 1) }).catch((e) => e);
    expect(error).toMatchObject({ code: "invalid_input", fields: { imapHost: [expect.any(String)] } });
    expect(error.message).toMatch(/IMAP login to 127\.0\.0\.1:1 failed/);
    expect(await (await getDb()).select().from(mailboxes).where(eq(mailboxes.teamId, team.id))).toEqual([]);
  });
});
