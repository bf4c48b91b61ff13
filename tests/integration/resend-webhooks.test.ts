// Resend's webhook through the real route handler: deliveries signed like Svix signs them, the message content
// fetched from a local Resend Receiving API, and the outcome read back from the database.
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { webhookReceipts } from "@/db/schema/notifications";
import { mailboxes } from "@/db/schema/mailboxes";
import { suppressions } from "@/db/schema/suppressions";
import { decryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { describeResendWebhook } from "@/lib/inbound/resend/describe-resend-webhook";
import { createResendMailboxSchema } from "@/lib/mailboxes/create-mailbox.schema";
import { updateResendWebhookSecretSchema } from "@/lib/mailboxes/update-resend-webhook-secret.schema";
import { startEmbeddedJobs } from "../support/jobs-app-server";
import { rawReply } from "../support/raw-mail";
import { startResendApiServer } from "../support/resend-api-server";
import { createOutboundEmail, createSendingFixture } from "../support/sending-fixtures";
import { newSvixSecret, svixHeaders } from "../support/svix-sign";

const KEY = "re_test_webhooks_12345678";
let server: Awaited<ReturnType<typeof startResendApiServer>>;
// A reply or a suppression sends job events (cancel the lead's runs), which need the embedded executor.
let jobs: Awaited<ReturnType<typeof startEmbeddedJobs>>;
let POST: typeof import("@/app/api/webhooks/resend/[mailboxId]/route").POST;
let createResendMailbox: typeof import("@/lib/mailboxes/create-resend-mailbox").createResendMailbox;
let createLocalMailbox: typeof import("@/lib/mailboxes/create-local-mailbox").createLocalMailbox;
let updateResendWebhookSecret: typeof import("@/lib/mailboxes/update-resend-webhook-secret").updateResendWebhookSecret;

beforeAll(async () => {
  server = await startResendApiServer({ apiKey: KEY, domains: [{ name: "acme.test", status: "verified" }] });
  // Before the first env() read in this file: the real Resend client talks to the local server.
  process.env.RESEND_BASE_URL = server.url;
  ({ POST } = await import("@/app/api/webhooks/resend/[mailboxId]/route"));
  ({ createResendMailbox } = await import("@/lib/mailboxes/create-resend-mailbox"));
  ({ createLocalMailbox: createLocalMailbox } = await import("@/lib/mailboxes/create-local-mailbox"));
  ({ updateResendWebhookSecret } = await import("@/lib/mailboxes/update-resend-webhook-secret"));
  jobs = await startEmbeddedJobs();
});
afterAll(async () => {
  await jobs?.close();
  await server.close();
});

/** A team with a lead, a Resend mailbox holding `secret`, and one sent email from it with Resend id `resendId`. */
async function resendFixture({ secret = newSvixSecret() }: { secret?: string | null } = {}) {
  const f = await createSendingFixture();
  const address = `rep-${randomBytes(4).toString("hex")}@acme.test`;
  const mailbox = await createResendMailbox({ teamId: f.team.id, actorUserId: f.user.id, input: { email: address, displayName: "Rita Rep", apiKey: KEY, webhookSecret: secret ?? undefined } });
  const resendId = randomUUID();
  const sent = await createOutboundEmail({
    teamId: f.team.id,
    leadId: f.lead.id,
    to: f.lead.email,
    mailbox,
    campaignId: f.campaigns.active.id,
    enrolmentId: f.enrolments[0].id,
    stepPosition: 1,
    sentAt: new Date(Date.now() - 3_600_000),
    extra: { providerMessageId: resendId },
  });
  return { ...f, secret, resendMailbox: mailbox, sent, resendId };
}

function deliver(mailboxId: string, { event, secrets, id, at, tamper }: { event: unknown; secrets: string[]; id?: string; at?: Date; tamper?: (body: string) => string }) {
  const body = JSON.stringify(event);
  const headers = svixHeaders({ secrets, body, id, at });
  const req = new Request(`http://localhost:3000/api/webhooks/resend/${mailboxId}`, { method: "POST", headers, body: tamper ? tamper(body) : body });
  return POST(req, { params: Promise.resolve({ mailboxId }) });
}

function receivedEvent({ emailId, to, from }: { emailId: string; to: string; from: string }) {
  return {
    type: "email.received",
    created_at: new Date().toISOString(),
    data: { email_id: emailId, created_at: new Date().toISOString(), from, to: [to], cc: [], bcc: [], received_for: [to], message_id: `<${emailId}@mail.test>`, subject: "Re: Quick question", attachments: [] },
  };
}

function bouncedEvent({ emailId, to, type = "Permanent", subType = "General", message }: { emailId: string; to: string; type?: string; subType?: string; message?: string }) {
  return {
    type: "email.bounced",
    created_at: new Date().toISOString(),
    data: {
      created_at: new Date().toISOString(),
      email_id: emailId,
      from: "Rita Rep <rep@acme.test>",
      to: [to],
      subject: "Quick question",
      bounce: { type, subType, message: message ?? "The recipient's email provider sent a hard bounce message: 550 5.1.1 user unknown" },
    },
  };
}

async function inboundRows(mailboxId: string) {
  const db = await getDb();
  return db.select().from(emails).where(and(eq(emails.mailboxId, mailboxId), eq(emails.direction, "inbound")));
}

describe("POST /api/webhooks/resend/[mailboxId]", () => {
  it("ingests email.received from the raw message Resend offers: a reply matched to our send stops the sequence", async () => {
    const f = await resendFixture();
    const emailId = server.addInboundEmail({
      from: `Grace Hopper <${f.lead.email}>`,
      to: [f.resendMailbox.email],
      subject: "Re: Quick question",
      raw: rawReply({ from: f.lead.email, to: f.resendMailbox.email, subject: "Re: Quick question", inReplyTo: f.sent.messageId, text: "Sounds good, send me a time." }).toString(),
    });
    const res = await deliver(f.resendMailbox.id, { event: receivedEvent({ emailId, to: f.resendMailbox.email, from: f.lead.email }), secrets: [f.secret!] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, duplicate: false, result: "ingested", kind: "reply" });
    expect(server.receivingRequests).toContain(`/inbound-cdn/${emailId}/raw`);

    const [row] = await inboundRows(f.resendMailbox.id);
    expect(row).toMatchObject({ teamId: f.team.id, providerMessageId: emailId, inboundKind: "reply", leadId: f.lead.id, answersEmailId: f.sent.id, matchedBy: "in_reply_to" });
    expect(row.bodyText).toContain("Sounds good");
    const db = await getDb();
    const [enrolment] = await db.select().from(campaignEnrolments).where(eq(campaignEnrolments.id, f.enrolments[0].id));
    expect(enrolment.status).toBe("replied");
  });

  it("builds the message from the API's JSON when Resend offers no raw download, threading on its headers", async () => {
    const f = await resendFixture();
    const emailId = server.addInboundEmail({
      from: `"Grace Hopper" <${f.lead.email.toUpperCase()}>`,
      to: [f.resendMailbox.email],
      subject: "Re: Quick question",
      text: "Not now, thanks.",
      html: "<p>Not now, thanks.</p>",
      headers: { "Message-ID": "<reply-1@example.org>", "In-Reply-To": f.sent.messageId!, References: f.sent.messageId! },
    });
    const res = await deliver(f.resendMailbox.id, { event: receivedEvent({ emailId, to: f.resendMailbox.email, from: f.lead.email }), secrets: [f.secret!] });
    expect(res.status).toBe(200);
    const [row] = await inboundRows(f.resendMailbox.id);
    expect(row).toMatchObject({ providerMessageId: emailId, fromAddress: f.lead.email, messageId: "<reply-1@example.org>", inReplyTo: f.sent.messageId, answersEmailId: f.sent.id, leadId: f.lead.id });
    expect(server.receivingRequests.some((p) => p.startsWith(`/inbound-cdn/${emailId}`))).toBe(false);
  });

  it("ignores a received message addressed to another address on the same Resend account, without fetching it", async () => {
    const f = await resendFixture();
    const emailId = server.addInboundEmail({ from: f.lead.email, to: ["support@acme.test"], subject: "Hello", text: "Hi" });
    const res = await deliver(f.resendMailbox.id, { event: receivedEvent({ emailId, to: "support@acme.test", from: f.lead.email }), secrets: [f.secret!] });
    expect(await res.json()).toMatchObject({ ok: true, result: "ignored", reason: "not addressed to this mailbox" });
    expect(await inboundRows(f.resendMailbox.id)).toEqual([]);
    expect(server.receivingRequests).not.toContain(`/emails/receiving/${emailId}`);
  });

  it("answers 401 to a tampered body and writes nothing: no row, no receipt, no call to Resend", async () => {
    const f = await resendFixture();
    const emailId = server.addInboundEmail({ from: f.lead.email, to: [f.resendMailbox.email], subject: "Re: Quick question", text: "Hi" });
    const id = `msg_${randomBytes(8).toString("hex")}`;
    const res = await deliver(f.resendMailbox.id, {
      event: receivedEvent({ emailId, to: f.resendMailbox.email, from: f.lead.email }),
      secrets: [f.secret!],
      id,
      tamper: (body) => body.replace("Re: Quick question", "Re: Quick questioN"),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: "The webhook signature does not match." } });
    expect(await inboundRows(f.resendMailbox.id)).toEqual([]);
    expect(server.receivingRequests).not.toContain(`/emails/receiving/${emailId}`);
    const db = await getDb();
    expect(await db.select().from(webhookReceipts).where(eq(webhookReceipts.messageId, `${f.resendMailbox.id}:${id}`))).toEqual([]);
  });

  it("answers 401 to a delivery signed 6 minutes ago (a captured request replayed later)", async () => {
    const f = await resendFixture();
    const emailId = server.addInboundEmail({ from: f.lead.email, to: [f.resendMailbox.email], subject: "Re: Quick question", text: "Hi" });
    const res = await deliver(f.resendMailbox.id, { event: receivedEvent({ emailId, to: f.resendMailbox.email, from: f.lead.email }), secrets: [f.secret!], at: new Date(Date.now() - 6 * 60_000) });
    expect(res.status).toBe(401);
    expect(await inboundRows(f.resendMailbox.id)).toEqual([]);
  });

  it("accepts a delivery signed during a secret rotation, where the second signature is ours", async () => {
    const f = await resendFixture();
    const emailId = server.addInboundEmail({ from: f.lead.email, to: [f.resendMailbox.email], subject: "Re: Quick question", text: "Thanks!", headers: { "In-Reply-To": f.sent.messageId! } });
    const res = await deliver(f.resendMailbox.id, { event: receivedEvent({ emailId, to: f.resendMailbox.email, from: f.lead.email }), secrets: [newSvixSecret(), f.secret!] });
    expect(res.status).toBe(200);
    expect(await inboundRows(f.resendMailbox.id)).toHaveLength(1);
  });

  it("processes a redelivered svix-id once: one row, one fetch from Resend, and the second answer says duplicate", async () => {
    const f = await resendFixture();
    const emailId = server.addInboundEmail({ from: f.lead.email, to: [f.resendMailbox.email], subject: "Re: Quick question", text: "Yes please" });
    const event = receivedEvent({ emailId, to: f.resendMailbox.email, from: f.lead.email });
    const id = `msg_${randomBytes(8).toString("hex")}`;
    const first = await deliver(f.resendMailbox.id, { event, secrets: [f.secret!], id });
    expect(await first.json()).toMatchObject({ ok: true, duplicate: false, result: "ingested" });
    const second = await deliver(f.resendMailbox.id, { event, secrets: [f.secret!], id });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ ok: true, duplicate: true });
    expect(await inboundRows(f.resendMailbox.id)).toHaveLength(1);
    expect(server.receivingRequests.filter((p) => p === `/emails/receiving/${emailId}`)).toHaveLength(1);
  });

  it("keeps no receipt when processing fails, so Resend's retry of the same svix-id processes it", async () => {
    const f = await resendFixture();
    const emailId = randomUUID(); // not retrievable yet: Resend's API answers 404
    const event = receivedEvent({ emailId, to: f.resendMailbox.email, from: f.lead.email });
    const id = `msg_${randomBytes(8).toString("hex")}`;
    const failed = await deliver(f.resendMailbox.id, { event, secrets: [f.secret!], id });
    expect(failed.status).toBe(503);
    expect(await inboundRows(f.resendMailbox.id)).toEqual([]);

    server.addInboundEmail({ id: emailId, from: f.lead.email, to: [f.resendMailbox.email], subject: "Re: Quick question", text: "Second try" });
    const retried = await deliver(f.resendMailbox.id, { event, secrets: [f.secret!], id });
    expect(await retried.json()).toMatchObject({ ok: true, duplicate: false, result: "ingested" });
    expect(await inboundRows(f.resendMailbox.id)).toHaveLength(1);
  });

  it("records a Permanent email.bounced on our send: bounced_at set, the address suppressed, the lead bounced and its enrolment stopped", async () => {
    const f = await resendFixture();
    const res = await deliver(f.resendMailbox.id, { event: bouncedEvent({ emailId: f.resendId, to: f.lead.email }), secrets: [f.secret!] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: "bounce_recorded", outboundEmailId: f.sent.id });

    const db = await getDb();
    const [sent] = await db.select().from(emails).where(eq(emails.id, f.sent.id));
    expect(sent.bouncedAt).not.toBeNull();
    const [suppressed] = await db.select().from(suppressions).where(and(eq(suppressions.teamId, f.team.id), eq(suppressions.value, f.lead.email)));
    expect(suppressed).toMatchObject({ kind: "address", reason: "hard_bounce", sourceEmailId: f.sent.id });
    const [lead] = await db.select().from(leads).where(eq(leads.id, f.lead.id));
    expect(lead.status).toBe("bounced");
    const [enrolment] = await db.select().from(campaignEnrolments).where(eq(campaignEnrolments.id, f.enrolments[0].id));
    expect(enrolment.status).toBe("bounced");
  });

  it("counts a Transient bounce as soft: nothing suppressed, the email not marked bounced", async () => {
    const f = await resendFixture();
    const res = await deliver(f.resendMailbox.id, { event: bouncedEvent({ emailId: f.resendId, to: f.lead.email, type: "Transient", subType: "MailboxFull", message: "452 4.2.2 mailbox full" }), secrets: [f.secret!] });
    expect(await res.json()).toMatchObject({ result: "bounce_recorded" });
    const db = await getDb();
    const [sent] = await db.select().from(emails).where(eq(emails.id, f.sent.id));
    expect(sent.bouncedAt).toBeNull();
    expect(await db.select().from(suppressions).where(eq(suppressions.teamId, f.team.id))).toEqual([]);
  });

  it("records email.complained on our send: complained_at set and the address suppressed", async () => {
    const f = await resendFixture();
    const event = { type: "email.complained", created_at: new Date().toISOString(), data: { created_at: new Date().toISOString(), email_id: f.resendId, from: "rep@acme.test", to: [f.lead.email], subject: "Quick question" } };
    const res = await deliver(f.resendMailbox.id, { event, secrets: [f.secret!] });
    expect(await res.json()).toMatchObject({ result: "complaint_recorded", outboundEmailId: f.sent.id });
    const db = await getDb();
    const [sent] = await db.select().from(emails).where(eq(emails.id, f.sent.id));
    expect(sent.complainedAt).not.toBeNull();
    const [suppressed] = await db.select().from(suppressions).where(and(eq(suppressions.teamId, f.team.id), eq(suppressions.value, f.lead.email)));
    expect(suppressed?.reason).toBe("complaint");
  });

  it("ignores a bounce for a Resend id this mailbox never sent (another team's, or another mailbox's)", async () => {
    const a = await resendFixture();
    const b = await resendFixture();
    const res = await deliver(b.resendMailbox.id, { event: bouncedEvent({ emailId: a.resendId, to: a.lead.email }), secrets: [b.secret!] });
    expect(await res.json()).toMatchObject({ ok: true, result: "ignored" });
    const db = await getDb();
    const [sent] = await db.select().from(emails).where(eq(emails.id, a.sent.id));
    expect(sent.bouncedAt).toBeNull();
  });

  it("acknowledges event types it does not act on", async () => {
    const f = await resendFixture();
    const res = await deliver(f.resendMailbox.id, { event: { type: "contact.created", created_at: new Date().toISOString(), data: { id: "c1" } }, secrets: [f.secret!] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: "ignored", reason: "contact.created is not handled" });
  });

  it("answers 401 when another team's mailbox URL gets a delivery signed with this team's secret", async () => {
    const ours = await resendFixture();
    const theirs = await resendFixture();
    const res = await deliver(theirs.resendMailbox.id, { event: bouncedEvent({ emailId: theirs.resendId, to: theirs.lead.email }), secrets: [ours.secret!] });
    expect(res.status).toBe(401);
    const db = await getDb();
    const [sent] = await db.select().from(emails).where(eq(emails.id, theirs.sent.id));
    expect(sent.bouncedAt).toBeNull();
  });

  it("answers 404 for an unknown mailbox, a mailbox that is not Resend, a Resend mailbox without a secret, and a malformed id", async () => {
    const secret = newSvixSecret();
    const event = { type: "email.delivered", created_at: new Date().toISOString(), data: { email_id: "x", to: [] } };
    expect((await deliver(randomUUID(), { event, secrets: [secret] })).status).toBe(404);
    const noSecret = await resendFixture({ secret: null });
    expect((await deliver(noSecret.resendMailbox.id, { event, secrets: [secret] })).status).toBe(404);
    const local = await createLocalMailbox({ teamId: noSecret.team.id, actorUserId: noSecret.user.id, input: { email: `local-${randomBytes(3).toString("hex")}@acme.test`, displayName: null } });
    expect((await deliver(local.id, { event, secrets: [secret] })).status).toBe(404);
    const malformed = await deliver("not-a-uuid", { event, secrets: [secret] });
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("switches the endpoint on once the secret is saved on the mailbox page (pasted without its whsec_ prefix), keeping the API key", async () => {
    const f = await resendFixture({ secret: null });
    const event = bouncedEvent({ emailId: f.resendId, to: f.lead.email });
    const secret = newSvixSecret();
    expect((await deliver(f.resendMailbox.id, { event, secrets: [secret] })).status).toBe(404);
    const db = await getDb();
    const load = async () => (await db.select().from(mailboxes).where(eq(mailboxes.id, f.resendMailbox.id)))[0];
    expect(describeResendWebhook(await load())).toEqual({ url: `http://localhost:3000/api/webhooks/resend/${f.resendMailbox.id}`, hasSecret: false });

    const input = updateResendWebhookSecretSchema.parse({ mailboxId: f.resendMailbox.id, webhookSecret: ` ${secret.slice("whsec_".length)} ` });
    await updateResendWebhookSecret({ teamId: f.team.id, actorUserId: f.user.id, input });
    const row = await load();
    expect(decryptMailboxCredentials({ mailboxId: row.id, ciphertext: row.credentialsCiphertext! })).toEqual({ provider: "resend", apiKey: KEY, webhookSecret: secret });
    expect(describeResendWebhook(row)?.hasSecret).toBe(true);
    expect((await deliver(f.resendMailbox.id, { event, secrets: [secret] })).status).toBe(200);
  });

  it("takes the secret on the connect form too, and refuses one that is not a Svix secret", () => {
    const base = { email: "Rep@Acme.test", apiKey: KEY };
    expect(createResendMailboxSchema.parse({ ...base, webhookSecret: "" }).webhookSecret).toBeUndefined();
    expect(createResendMailboxSchema.parse({ ...base, webhookSecret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }).webhookSecret).toBe("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    const bad = createResendMailboxSchema.safeParse({ ...base, webhookSecret: "re_not_a_secret" });
    expect(bad.success ? null : bad.error.issues[0]).toMatchObject({ path: ["webhookSecret"], message: expect.stringMatching(/starts with whsec_/) });
  });

  it("refuses a webhook secret for a mailbox of another team, as not found", async () => {
    const ours = await resendFixture();
    const theirs = await resendFixture();
    const input = updateResendWebhookSecretSchema.parse({ mailboxId: theirs.resendMailbox.id, webhookSecret: newSvixSecret() });
    await expect(updateResendWebhookSecret({ teamId: ours.team.id, actorUserId: ours.user.id, input })).rejects.toMatchObject({ code: "not_found" });
  });
});
