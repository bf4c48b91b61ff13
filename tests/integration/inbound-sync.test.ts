// The sync a cron or "Sync now" runs, per provider, through the real clients pointed at local servers speaking the
// Gmail and Microsoft Graph wire formats: new mail is ingested and matched, the cursor moves so the next sync reads
// only newer mail, one sync per mailbox at a time, and a provider failure is kept on the mailbox for the user.
// First: sets the OAuth client variables before any app module reads the environment.
import { OAUTH_TEST_APPS, TEST_REFRESH_TOKEN } from "../support/oauth-test-apps";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes, type MailboxProvider } from "@/db/schema/mailboxes";
import { encryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { listSyncableMailboxes } from "@/lib/inbound/list-syncable-mailboxes";
import { syncMailboxInbound } from "@/lib/inbound/sync-mailbox-inbound";
import { createUserWithTeam } from "../support/factories";
import { startGoogleApiServer } from "../support/google-api-server";
import { startEmbeddedJobs } from "../support/jobs-app-server";
import { startMicrosoftApiServer } from "../support/microsoft-api-server";
import { rawReply } from "../support/raw-mail";
import { createOutboundEmail } from "../support/sending-fixtures";

const C = OAUTH_TEST_APPS;
const REFRESH = TEST_REFRESH_TOKEN;
const GMAIL_ME = `rep-${randomBytes(3).toString("hex")}@gmail.test`;
const GRAPH_ME = `rep-${randomBytes(3).toString("hex")}@contoso.test`;

let google: Awaited<ReturnType<typeof startGoogleApiServer>>;
let microsoft: Awaited<ReturnType<typeof startMicrosoftApiServer>>;
// A reply wakes the lead's waiting sequence runs through the jobs engine.
let jobs: Awaited<ReturnType<typeof startEmbeddedJobs>>;

beforeAll(async () => {
  google = await startGoogleApiServer({ ...C.google, refreshToken: REFRESH, mailboxAddress: GMAIL_ME });
  microsoft = await startMicrosoftApiServer({ ...C.microsoft, refreshToken: REFRESH, mailboxAddress: GRAPH_ME });
  Object.assign(process.env, {
    GMAIL_API_BASE_URL: google.apiBaseUrl,
    GOOGLE_OAUTH_TOKEN_URL: google.tokenUrl,
    MICROSOFT_LOGIN_BASE_URL: microsoft.loginBaseUrl,
    MICROSOFT_GRAPH_BASE_URL: microsoft.graphBaseUrl,
  });
  jobs = await startEmbeddedJobs();
});
afterAll(async () => {
  await jobs?.close();
  await google?.close();
  await microsoft?.close();
});

/** A connected mailbox (connected an hour ago) and one email we sent from it to a lead. */
async function mailboxWithSentEmail(provider: Extract<MailboxProvider, "gmail" | "outlook">, address: string, refreshToken = REFRESH) {
  const db = await getDb();
  const { team } = await createUserWithTeam("syncer");
  const [mailbox] = await db.insert(mailboxes).values({ teamId: team.id, provider, email: address, createdAt: new Date(Date.now() - 3_600_000) }).returning();
  await db.update(mailboxes).set(encryptMailboxCredentials({ mailboxId: mailbox.id, credentials: { provider, refreshToken } })).where(eq(mailboxes.id, mailbox.id));
  const [lead] = await db.insert(leads).values({ teamId: team.id, email: `grace-${randomBytes(3).toString("hex")}@example.org`, firstName: "Grace" }).returning();
  const sent = await createOutboundEmail({ teamId: team.id, leadId: lead.id, to: lead.email, mailbox, sentAt: new Date(Date.now() - 600_000) });
  return { team, mailbox, lead, sent };
}

async function leadRow(id: string) {
  const db = await getDb();
  return (await db.select().from(leads).where(eq(leads.id, id)))[0];
}

describe.each([
  ["gmail", GMAIL_ME, (raw: Buffer) => google.receive(raw)],
  ["outlook", GRAPH_ME, (raw: Buffer) => microsoft.receive(raw)],
] as const)("inbound sync from %s", (provider, address, deliver) => {
  it("ingests new replies, then reads only what arrived after the stored cursor", async () => {
    const f = await mailboxWithSentEmail(provider, address);
    await deliver(rawReply({ from: f.lead.email, to: address, inReplyTo: f.sent.messageId, text: "Interesting, tell me more." }));

    const first = await syncMailboxInbound({ teamId: f.team.id, mailboxId: f.mailbox.id });
    expect(first.status === "failed" ? first.error : first.status).toBe("synced");
    if (first.status !== "synced") return;
    const mine = first.results.filter((r) => r.leadId === f.lead.id);
    expect(mine).toMatchObject([{ kind: "reply", duplicate: false }]);
    expect((await leadRow(f.lead.id)).repliedAt).not.toBeNull();
    const db = await getDb();
    const [box] = await db.select().from(mailboxes).where(eq(mailboxes.id, f.mailbox.id));
    expect(box.inboundSyncCursor).toBeTruthy();
    expect(box.lastSyncedAt).not.toBeNull();
    expect(box.inboundSyncLeaseUntil).toBeNull();

    const again = await syncMailboxInbound({ teamId: f.team.id, mailboxId: f.mailbox.id });
    expect(again.status === "synced" && again.results.filter((r) => !r.duplicate)).toEqual([]);

    await deliver(rawReply({ from: "stranger@elsewhere.test", to: address, subject: "Hello", text: "Not about your email." }));
    const third = await syncMailboxInbound({ teamId: f.team.id, mailboxId: f.mailbox.id });
    expect(third.status === "synced" && third.results.filter((r) => !r.duplicate).map((r) => r.kind)).toEqual(["other"]);
    const inbound = await db.select().from(emails).where(eq(emails.mailboxId, f.mailbox.id));
    expect(inbound.filter((e) => e.direction === "inbound" && e.leadId === f.lead.id)).toHaveLength(1);
  });

  it("runs one sync per mailbox at a time and keeps a provider failure on the mailbox", async () => {
    const f = await mailboxWithSentEmail(provider, address, "revoked-refresh-token");
    const db = await getDb();
    await db.update(mailboxes).set({ inboundSyncLeaseUntil: new Date(Date.now() + 60_000) }).where(eq(mailboxes.id, f.mailbox.id));
    expect(await syncMailboxInbound({ teamId: f.team.id, mailboxId: f.mailbox.id })).toEqual({ status: "busy" });

    await db.update(mailboxes).set({ inboundSyncLeaseUntil: null }).where(eq(mailboxes.id, f.mailbox.id));
    const failed = await syncMailboxInbound({ teamId: f.team.id, mailboxId: f.mailbox.id });
    expect(failed.status).toBe("failed");
    const [box] = await db.select().from(mailboxes).where(eq(mailboxes.id, f.mailbox.id));
    expect(box.inboundSyncError).toMatch(/invalid_grant|refused|credentials|token/i);
    expect(box.inboundSyncLeaseUntil).toBeNull();
  });
});

describe("the sync cron's mailbox list", () => {
  it("reads Gmail, Outlook and SMTP mailboxes with IMAP settings; not SMTP without them, Resend, the local outbox or a disconnected mailbox", async () => {
    const db = await getDb();
    const { team } = await createUserWithTeam("cron");
    const add = async (provider: MailboxProvider, credentials: Parameters<typeof encryptMailboxCredentials>[0]["credentials"] | null, status: "active" | "disconnected" = "active") => {
      const [m] = await db.insert(mailboxes).values({ teamId: team.id, provider, email: `${provider}-${randomBytes(3).toString("hex")}@acme.test`, status }).returning();
      if (credentials) await db.update(mailboxes).set(encryptMailboxCredentials({ mailboxId: m.id, credentials })).where(eq(mailboxes.id, m.id));
      return m.id;
    };
    const smtp = { provider: "smtp" as const, host: "127.0.0.1", port: 2525, secure: false, requireTls: false, username: "u", password: "p" };
    const gmail = await add("gmail", { provider: "gmail", refreshToken: REFRESH });
    const outlook = await add("outlook", { provider: "outlook", refreshToken: REFRESH });
    const withImap = await add("smtp", { ...smtp, imap: { host: "127.0.0.1", port: 1143, secure: false } });
    await add("smtp", smtp);
    await add("resend", { provider: "resend", apiKey: "re_test" });
    await add("local", null);
    await add("gmail", { provider: "gmail", refreshToken: REFRESH }, "disconnected");
    const listed = (await listSyncableMailboxes()).filter((m) => m.teamId === team.id).map((m) => m.mailboxId);
    expect(listed.sort()).toEqual([gmail, outlook, withImap].sort());
  });
});
