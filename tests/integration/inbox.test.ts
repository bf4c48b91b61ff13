// The Inbox: the list's views and filters, snooze coming back by itself, pagination, another team's reply
// not found, the rep's intent correction, and a reply from the inbox leaving over SMTP threaded under theirs.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema/audit";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { notifications } from "@/db/schema/notifications";
import { outboxMessages } from "@/db/schema/outbox";
import { addReferralLead } from "@/lib/inbox/add-referral-lead";
import { getInboxThread } from "@/lib/inbox/get-inbox-thread";
import { countUnreadInbox, listInbox } from "@/lib/inbox/list-inbox";
import { inboxFilterSchema, parseInboxSearchParams } from "@/lib/inbox/list-inbox.schema";
import { markInboxRead } from "@/lib/inbox/mark-inbox-read";
import { findLocalOutboxSend, replyAsRecipient } from "@/lib/inbox/reply-as-recipient";
import { replyToThread } from "@/lib/inbox/reply-to-thread";
import { replySubject } from "@/lib/inbox/reply-to-thread.schema";
import { snoozeReply } from "@/lib/inbox/snooze-reply";
import { updateReplyIntent } from "@/lib/inbox/update-reply-intent";
import { createSmtpMailbox } from "@/lib/mailboxes/create-smtp-mailbox";
import { mailboxSettingsSchema } from "@/lib/mailboxes/mailbox-settings.schema";
import { updateMailboxSettings } from "@/lib/mailboxes/update-mailbox-settings";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { addSuppressions } from "@/lib/suppressions/manage-suppressions";
import { createUserWithTeam } from "../support/factories";
import { insertInboundReply } from "../support/inbox-fixtures";
import { waitFor } from "../support/jobs-harness";
import { startEmbeddedJobs } from "../support/jobs-app-server";
import { createOutboundEmail, createSendingFixture } from "../support/sending-fixtures";
import { startSmtpTestServer } from "../support/smtp-test-server";

const filter = (raw: Record<string, unknown> = {}) => inboxFilterSchema.parse(raw);
const HOUR = 3_600_000;

describe("inbox list", () => {
  it("lists replies newest first with the snippet of their words only, and filters by view, intent, campaign and mailbox", async () => {
    const f = await createSendingFixture();
    const t0 = Date.now() - 10 * HOUR;
    const older = await insertInboundReply({ answers: f.email, from: f.lead.email, text: "Not interested, thanks.", receivedAt: new Date(t0), extra: { intent: "not_interested" } });
    const newer = await insertInboundReply({ answers: f.email, from: f.lead.email, text: "Yes! Let's talk\nnext week.", receivedAt: new Date(t0 + HOUR) });
    // Bounces and auto-replies are inbound too, but not the inbox's business.
    await insertInboundReply({ answers: f.email, from: "mailer-daemon@x.test", receivedAt: new Date(t0 + 2 * HOUR), extra: { inboundKind: "bounce", intent: "bounce" } });
    await insertInboundReply({ answers: f.email, from: f.lead.email, receivedAt: new Date(t0 + 3 * HOUR), extra: { inboundKind: "auto_reply", intent: "auto_reply" } });

    const all = await listInbox({ teamId: f.team.id, filter: filter() });
    expect(all.rows.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(all.rows[0]).toMatchObject({ snippet: "Yes! Let's talk next week.", leadName: "Grace Hopper", campaignName: "Q3 outreach", mailboxEmail: f.mailbox.email, unread: true, intent: "interested" });

    expect((await listInbox({ teamId: f.team.id, filter: filter({ intent: "not_interested" }) })).rows.map((r) => r.id)).toEqual([older.id]);
    expect((await listInbox({ teamId: f.team.id, filter: filter({ campaignId: f.campaigns.paused.id }) })).rows).toHaveLength(0);
    expect((await listInbox({ teamId: f.team.id, filter: filter({ mailboxId: f.mailbox.id }) })).rows).toHaveLength(2);

    expect(await countUnreadInbox({ teamId: f.team.id })).toBe(2);
    expect(await markInboxRead({ teamId: f.team.id, emailId: newer.id })).toBe(true);
    expect(await markInboxRead({ teamId: f.team.id, emailId: newer.id })).toBe(false);
    expect((await listInbox({ teamId: f.team.id, filter: filter({ view: "unread" }) })).rows.map((r) => r.id)).toEqual([older.id]);
    expect(await countUnreadInbox({ teamId: f.team.id })).toBe(1);
  });

  it("hides a snoozed reply until its time, shows it under Snoozed meanwhile, and unsnoozes", async () => {
    const f = await createSendingFixture();
    const reply = await insertInboundReply({ answers: f.email, from: f.lead.email });
    const now = new Date();
    await expect(snoozeReply({ teamId: f.team.id, actorUserId: f.user.id, input: { emailId: reply.id, until: new Date(now.getTime() - 1000) }, now })).rejects.toMatchObject({ code: "invalid_input" });
    const until = new Date(now.getTime() + 15 * HOUR);
    await snoozeReply({ teamId: f.team.id, actorUserId: f.user.id, input: { emailId: reply.id, until }, now });

    expect((await listInbox({ teamId: f.team.id, filter: filter(), now })).rows).toHaveLength(0);
    expect((await listInbox({ teamId: f.team.id, filter: filter({ view: "snoozed" }), now })).rows.map((r) => r.id)).toEqual([reply.id]);
    expect(await countUnreadInbox({ teamId: f.team.id, now })).toBe(0);
    // After the snooze time it is back by itself.
    const later = new Date(until.getTime() + 1000);
    expect((await listInbox({ teamId: f.team.id, filter: filter(), now: later })).rows.map((r) => r.id)).toEqual([reply.id]);
    expect((await listInbox({ teamId: f.team.id, filter: filter({ view: "snoozed" }), now: later })).rows).toHaveLength(0);

    await snoozeReply({ teamId: f.team.id, actorUserId: f.user.id, input: { emailId: reply.id, until: null }, now });
    expect((await listInbox({ teamId: f.team.id, filter: filter(), now })).rows).toHaveLength(1);
  });

  it("pages 50 at a time and drops junk URL parameters instead of failing", async () => {
    const f = await createSendingFixture();
    const base = Date.now() - 100 * HOUR;
    for (let i = 0; i < 53; i++) await insertInboundReply({ answers: f.email, from: f.lead.email, text: `reply ${i}`, receivedAt: new Date(base + i * 60_000) });
    const page1 = await listInbox({ teamId: f.team.id, filter: filter() });
    const page2 = await listInbox({ teamId: f.team.id, filter: filter({ page: 2 }) });
    expect(page1).toMatchObject({ total: 53, pages: 2 });
    expect(page1.rows).toHaveLength(50);
    expect(page1.rows[0].snippet).toBe("reply 52");
    expect(page2.rows.map((r) => r.snippet)).toEqual(["reply 2", "reply 1", "reply 0"]);
    expect(parseInboxSearchParams({ view: "bogus", intent: "nope", campaign: "x", page: "-3" })).toEqual({ view: "all", page: 1 });
  });

  it("treats another team's reply as not found, for reading and for every change", async () => {
    const f = await createSendingFixture();
    const other = await createUserWithTeam("other");
    const reply = await insertInboundReply({ answers: f.email, from: f.lead.email });
    expect(await getInboxThread({ teamId: other.team.id, emailId: reply.id })).toBeNull();
    await expect(updateReplyIntent({ teamId: other.team.id, actorUserId: other.user.id, input: { emailId: reply.id, intent: "question" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(snoozeReply({ teamId: other.team.id, actorUserId: other.user.id, input: { emailId: reply.id, until: null } })).rejects.toMatchObject({ code: "not_found" });
    await expect(replyToThread({ teamId: other.team.id, actorUserId: other.user.id, input: { emailId: reply.id, subject: "Re: x", body: "hi", idempotencyKey: "k-12345678" } })).rejects.toMatchObject({ code: "not_found" });
    expect(await markInboxRead({ teamId: other.team.id, emailId: reply.id })).toBe(false);
    const [row] = await (await getDb()).select().from(emails).where(eq(emails.id, reply.id));
    expect(row).toMatchObject({ intent: "interested", readAt: null, snoozedUntil: null });
  });
});

describe("thread view and side panel", () => {
  it("shows our sent email and their reply oldest first, and records the rep's intent correction with an audit entry", async () => {
    const f = await createSendingFixture();
    await createOutboundEmail({ teamId: f.team.id, leadId: f.lead.id, to: f.lead.email, mailbox: f.mailbox, extra: { threadId: f.email.threadId, status: "cancelled" } });
    const reply = await insertInboundReply({ answers: f.email, from: f.lead.email });
    const thread = (await getInboxThread({ teamId: f.team.id, emailId: reply.id }))!;
    expect(thread.messages.map((m) => [m.direction, m.id])).toEqual([["outbound", f.email.id], ["inbound", reply.id]]);
    expect(thread).toMatchObject({ lead: { id: f.lead.id }, campaign: { name: "Q3 outreach" }, enrolment: { status: "active" }, mailbox: { email: f.mailbox.email } });

    await updateReplyIntent({ teamId: f.team.id, actorUserId: f.user.id, input: { emailId: reply.id, intent: "question" } });
    const [row] = await (await getDb()).select().from(emails).where(eq(emails.id, reply.id));
    expect(row).toMatchObject({ intent: "question", intentSource: "user" });
    const [audit] = await (await getDb()).select().from(auditLog).where(and(eq(auditLog.targetId, reply.id), eq(auditLog.action, "inbox.intent_changed")));
    expect(audit).toMatchObject({ actorUserId: f.user.id, metadata: { from: "interested", fromSource: "rules", to: "question" } });
  });

  it("adds the colleague a wrong-person reply named as a lead, and refuses a suppressed one", async () => {
    const f = await createSendingFixture();
    const reply = await insertInboundReply({ answers: f.email, from: f.lead.email, extra: { intent: "wrong_person", referralEmail: "kim@hopper.test" } });
    const lead = await addReferralLead({ teamId: f.team.id, actorUserId: f.user.id, emailId: reply.id });
    const [row] = await (await getDb()).select().from(leads).where(eq(leads.id, lead.id));
    expect(row).toMatchObject({ email: "kim@hopper.test", company: "Hopper Labs", tags: ["referral"], teamId: f.team.id });

    await addSuppressions({ teamId: f.team.id, actorUserId: f.user.id, text: "blocked@hopper.test" });
    const blocked = await insertInboundReply({ answers: f.email, from: f.lead.email, extra: { intent: "wrong_person", referralEmail: "blocked@hopper.test" } });
    await expect(addReferralLead({ teamId: f.team.id, actorUserId: f.user.id, emailId: blocked.id })).rejects.toThrow(/suppression list/);
  });

  it("builds reply subjects without stacking Re:", () => {
    expect(replySubject("Release speed")).toBe("Re: Release speed");
    expect(replySubject("Re: Release speed")).toBe("Re: Release speed");
    expect(replySubject("RE[2]: Release speed")).toBe("RE[2]: Release speed");
    expect(replySubject("")).toBe("Re: (no subject)");
  });
});

describe("notifications", () => {
  it("lists and marks read only the member's own notifications in that team", async () => {
    const a = await createUserWithTeam("a");
    const b = await createUserWithTeam("b");
    const db = await getDb();
    await db.insert(notifications).values([
      { teamId: a.team.id, userId: a.user.id, kind: "reply.interested", title: "Grace is interested", href: `/${a.team.slug}/inbox`, dedupeKey: "a1" },
      { teamId: a.team.id, userId: a.user.id, kind: "mailbox.paused", title: "Mailbox paused", dedupeKey: "a2" },
      { teamId: b.team.id, userId: b.user.id, kind: "reply.interested", title: "Not yours", dedupeKey: "b1" },
    ]);
    const mine = await listNotifications({ teamId: a.team.id, userId: a.user.id });
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n) => n.title).sort()).toEqual(["Grace is interested", "Mailbox paused"]);
    expect((await listNotifications({ teamId: a.team.id, userId: b.user.id })).items).toHaveLength(0);

    const theirs = (await listNotifications({ teamId: b.team.id, userId: b.user.id })).items[0];
    expect(await markNotificationsRead({ teamId: a.team.id, userId: a.user.id, input: { ids: [theirs.id] } })).toEqual({ marked: 0 });
    const first = mine.items.find((n) => n.title === "Grace is interested")!;
    expect(await markNotificationsRead({ teamId: a.team.id, userId: a.user.id, input: { ids: [first.id] } })).toEqual({ marked: 1 });
    expect((await listNotifications({ teamId: a.team.id, userId: a.user.id })).unread).toBe(1);
    expect(await markNotificationsRead({ teamId: a.team.id, userId: a.user.id, input: { ids: [] } })).toEqual({ marked: 1 });
    expect((await listNotifications({ teamId: b.team.id, userId: b.user.id })).unread).toBe(1);
  });
});

describe("replying from the inbox, and as the recipient of a local mailbox's message", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  let jobs: Awaited<ReturnType<typeof startEmbeddedJobs>>;
  beforeAll(async () => {
    smtp = await startSmtpTestServer({ username: "rep", password: "pw" });
    jobs = await startEmbeddedJobs();
  });
  afterAll(async () => {
    await jobs?.close();
    await smtp?.close();
  });

  async function smtpThread() {
    const f = await createSendingFixture();
    const mailbox = await createSmtpMailbox({
      teamId: f.team.id,
      actorUserId: f.user.id,
      input: { email: `rep-${f.team.id.slice(0, 6)}@acme.test`, displayName: "Rita Rep", smtpHost: "127.0.0.1", smtpPort: smtp.port, smtpSecure: false, smtpUser: "rep", smtpPassword: "pw" },
    });
    await updateMailboxSettings({
      teamId: f.team.id,
      actorUserId: f.user.id,
      input: mailboxSettingsSchema.parse({ mailboxId: mailbox.id, dailyCap: "50", minIntervalSeconds: "0", jitterSeconds: "0", sendingDays: ["0", "1", "2", "3", "4", "5", "6"], sendingStart: "00:00", sendingEnd: "24:00", timezone: "UTC", warmupStartPerDay: "50", warmupDailyIncrement: "1", warmupTarget: "50" }),
    });
    const ours = await createOutboundEmail({ teamId: f.team.id, leadId: f.lead.id, to: f.lead.email, mailbox, campaignId: f.campaigns.active.id, enrolmentId: f.enrolments[0].id, stepPosition: 1, sentAt: new Date(Date.now() - HOUR), extra: { subject: "Release speed" } });
    const theirs = await insertInboundReply({ answers: ours, from: f.lead.email, extra: { providerThreadId: "thread-42" } });
    return { ...f, smtpMailbox: mailbox, ours, theirs };
  }

  it("sends through the mailbox the reply arrived in, threaded under their message, untracked, authored by the rep", async () => {
    const f = await smtpThread();
    const before = smtp.received.length;
    const result = await replyToThread({ teamId: f.team.id, actorUserId: f.user.id, input: { emailId: f.theirs.id, subject: replySubject(f.theirs.subject), body: "Great — how is Tuesday 10:00? {Rita|Sam} will bring {{the deck}}.\n\nRita", idempotencyKey: "reply-key-1" } });
    const [row] = await (await getDb()).select().from(emails).where(eq(emails.id, result.emailId));
    expect(row).toMatchObject({
      direction: "outbound",
      mailboxId: f.smtpMailbox.id,
      toAddresses: [f.lead.email],
      subject: "Re: Release speed",
      inReplyTo: f.theirs.messageId,
      referencesHeader: `${f.ours.messageId} ${f.theirs.messageId}`,
      threadId: f.ours.threadId,
      providerThreadId: "thread-42",
      authorUserId: f.user.id,
      trackOpens: false,
      trackClicks: false,
      campaignId: null,
      enrolmentId: null,
    });

    const received = await waitFor(async () => smtp.received.slice(before).find((m) => m.envelope.to.includes(f.lead.email)) ?? null, "the reply at the SMTP server");
    expect(received.envelope.from).toBe(f.smtpMailbox.email);
    expect(received.parsed.subject).toBe("Re: Release speed");
    expect(received.parsed.inReplyTo).toBe(f.theirs.messageId);
    expect(received.parsed.references).toEqual([f.ours.messageId, f.theirs.messageId]);
    // Typed words go as written: no spintax or variables in a reply to a person.
    expect(String(received.parsed.text)).toContain("how is Tuesday 10:00? {Rita|Sam} will bring {{the deck}}.");
    expect(String(received.parsed.html)).not.toMatch(/\/t\/(o|c)\//);

    // The same submission again (double click) sends nothing more.
    const again = await replyToThread({ teamId: f.team.id, actorUserId: f.user.id, input: { emailId: f.theirs.id, subject: "Re: Release speed", body: "Great — how is Tuesday 10:00?\n\nRita", idempotencyKey: "reply-key-1" } });
    expect(again).toMatchObject({ emailId: result.emailId, created: false });
    const thread = (await getInboxThread({ teamId: f.team.id, emailId: f.theirs.id }))!;
    expect(thread.messages.map((m) => m.id)).toEqual([f.ours.id, f.theirs.id, result.emailId]);
  });

  it("refuses to answer a lead who unsubscribed, with the reason", async () => {
    const f = await smtpThread();
    await (await getDb()).update(leads).set({ unsubscribedAt: new Date() }).where(eq(leads.id, f.lead.id));
    await expect(replyToThread({ teamId: f.team.id, actorUserId: f.user.id, input: { emailId: f.theirs.id, subject: "Re: x", body: "hi", idempotencyKey: "reply-key-2" } })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/unsubscribed/) });
  });

  // The ingest emits its follow-up events (stop the enrolment, notify): it needs the jobs running too.
  it("ingests a real RFC 822 reply that matches our message, joins its thread and shows in the inbox", async () => {
    const f = await createSendingFixture();
    const db = await getDb();
    const [outbox] = await db
      .insert(outboxMessages)
      .values({ teamId: f.team.id, kind: "campaign", messageId: f.email.messageId!, from: f.mailbox.email, to: f.lead.email, subject: "Quick question", html: "<p>Hi</p>", text: "Hi Grace, worth a call?" })
      .returning();
    const [system] = await db.insert(outboxMessages).values({ teamId: f.team.id, kind: "invitation", messageId: "<inv-1@acme.test>", from: "app@acme.test", to: "x@y.test", subject: "Join", html: "<p>x</p>", text: "x" }).returning();
    expect(await findLocalOutboxSend({ teamId: f.team.id, outboxMessageId: system.id })).toBeNull();
    const other = await createUserWithTeam("other");
    await expect(replyAsRecipient({ teamId: other.team.id, input: { outboxMessageId: outbox.id, body: "hi" } })).rejects.toMatchObject({ code: "not_found" });

    const { emailId, kind } = await replyAsRecipient({ teamId: f.team.id, input: { outboxMessageId: outbox.id, body: "Sounds interesting, let's talk Tuesday." } });
    expect(kind).toBe("reply");
    const [row] = await db.select().from(emails).where(eq(emails.id, emailId));
    expect(row).toMatchObject({ direction: "inbound", fromAddress: f.lead.email, inReplyTo: f.email.messageId, answersEmailId: f.email.id, threadId: f.email.threadId, mailboxId: f.mailbox.id, leadId: f.lead.id, subject: "Re: Quick question" });
    const { rows } = await listInbox({ teamId: f.team.id, filter: filter() });
    expect(rows.map((r) => [r.id, r.snippet])).toEqual([[emailId, "Sounds interesting, let's talk Tuesday."]]);
  });
});
