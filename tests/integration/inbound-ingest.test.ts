// Inbound mail through the one ingest door, against a running campaign on the embedded executor: a reply stops
// the sequence (step 2 never goes), an out-of-office pauses it until the day after the return date, bounces and
// complaints suppress (or pause our mailbox when the failure is our authentication), "remove me" suppresses,
// matching falls back from headers to sender to company domain, and re-ingesting changes nothing.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { notifications } from "@/db/schema/notifications";
import { suppressions } from "@/db/schema/suppressions";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { ingestRawMessage } from "@/lib/inbound/ingest-inbound-message";
import { engineNow } from "@/lib/jobs/clock";
import { createCampaignFixture, enrolmentOf, outboxTo } from "../support/campaign-fixtures";
import { startEmbeddedJobs } from "../support/jobs-app-server";
import { waitFor } from "../support/jobs-harness";
import { rawBounce, rawReply } from "../support/raw-mail";

const DAY = 86_400_000;
let jobs: Awaited<ReturnType<typeof startEmbeddedJobs>>;
let seq = 0;

beforeAll(async () => {
  jobs = await startEmbeddedJobs({ testClock: true });
});

afterAll(async () => {
  await jobs?.close();
});

const advance = (ms: number) => jobs.advance(ms);

/** A running two-step campaign (step 2 two days after step 1) whose step 1 has reached every lead. */
async function campaignPastStepOne(leadSpecs: { email?: string; firstName?: string }[] = [{ firstName: "Ada" }], campaign = {}) {
  const f = await createCampaignFixture({ steps: [{ delayMinutes: 0 }, { delayMinutes: 2 * 24 * 60 }], leads: leadSpecs, campaign });
  await startCampaign({ teamId: f.team.id, campaignId: f.campaign.id, actorUserId: f.user.id });
  for (const lead of f.leads) await waitFor(async () => (await outboxTo(lead.email)).length === 1, `step 1 to ${lead.email}`, 30_000);
  for (const lead of f.leads) await waitFor(async () => (await enrolmentOf(f.campaign.id, lead.id)).currentStepPosition === 1, "step 1 recorded");
  const first = async (leadId: string) => {
    const db = await getDb();
    const [row] = await db.select().from(emails).where(and(eq(emails.leadId, leadId), eq(emails.direction, "outbound"), eq(emails.stepPosition, 0)));
    return row;
  };
  const ingest = (raw: Buffer) => ingestRawMessage({ teamId: f.team.id, mailboxId: f.mailbox.id, inbound: { providerMessageId: `test-${++seq}`, raw } });
  return { ...f, first, ingest };
}

describe("inbound ingest", () => {
  it("stops the sequence on a reply matched by In-Reply-To, files it in the thread, and notifies the campaign's owner of interest", async () => {
    const f = await campaignPastStepOne();
    const [ada] = f.leads;
    const sent = await f.first(ada.id);
    // "Why it was sent": the step's condition and the re-checks passed just before sending.
    expect(sent.sendRecord).toMatchObject({ step: { position: 0, condition: "always", conditionMet: true, variant: "A (weight 1 of 1)", mailbox: f.mailbox.email } });
    expect(sent.sendRecord?.checks).toEqual(expect.arrayContaining([{ name: "No reply since the lead was enrolled", passed: true }, { name: "The lead has not unsubscribed", passed: true }]));
    const result = await f.ingest(rawReply({ from: ada.email, to: f.mailbox.email, inReplyTo: sent.messageId, text: "Yes, I'm interested. Let's set up a call next week.\n\nOn Tue, Rita wrote:\n> Hi Ada" }));
    expect(result).toMatchObject({ kind: "reply", duplicate: false, leadId: ada.id });

    const db = await getDb();
    const [inbound] = await db.select().from(emails).where(eq(emails.id, result.emailId));
    expect(inbound).toMatchObject({ direction: "inbound", status: "received", inboundKind: "reply", matchedBy: "in_reply_to", answersEmailId: sent.id, threadId: sent.threadId, campaignId: f.campaign.id, intent: "interested", intentSource: "rules" });
    expect(inbound.processedAt).not.toBeNull();
    expect(await enrolmentOf(f.campaign.id, ada.id)).toMatchObject({ status: "replied" });
    const [lead] = await db.select().from(leads).where(eq(leads.id, ada.id));
    expect(lead.status).toBe("interested");
    const notes = await db.select().from(notifications).where(eq(notifications.emailId, inbound.id));
    expect(notes).toMatchObject([{ userId: f.user.id, kind: "reply.interested" }]);

    advance(2 * DAY + 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    jobs.executor.poke();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await outboxTo(ada.email)).toHaveLength(1);

    // The same message synced again: same row, nothing applied twice.
    const again = await ingestRawMessage({ teamId: f.team.id, mailboxId: f.mailbox.id, inbound: { providerMessageId: `test-${seq}`, raw: Buffer.from("") } });
    expect(again).toMatchObject({ emailId: result.emailId, duplicate: true });
    expect(await db.select().from(notifications).where(eq(notifications.emailId, inbound.id))).toHaveLength(1);
  });

  it("pauses on an out-of-office until the day after the return date, then sends step 2", async () => {
    const f = await campaignPastStepOne();
    const [ada] = f.leads;
    const sent = await f.first(ada.id);
    const back = new Date(engineNow().getTime() + 5 * DAY).toISOString().slice(0, 10);
    const result = await f.ingest(
      rawReply({ from: ada.email, to: f.mailbox.email, subject: "Automatic reply: Quick idea for Example Org", inReplyTo: sent.messageId, headers: { "Auto-Submitted": "auto-replied" }, text: `I am out of the office until ${back} with limited access to email.` }),
    );
    expect(result).toMatchObject({ kind: "auto_reply", action: `paused until ${new Date(Date.parse(`${back}T00:00:00Z`) + DAY).toISOString().slice(0, 10)}` });
    const paused = await enrolmentOf(f.campaign.id, ada.id);
    expect(paused).toMatchObject({ status: "paused" });
    expect(paused.pausedUntil?.toISOString()).toBe(new Date(Date.parse(`${back}T00:00:00Z`) + DAY).toISOString());
    const db = await getDb();
    const [lead] = await db.select().from(leads).where(eq(leads.id, ada.id));
    expect(lead.repliedAt).toBeNull(); // an automatic answer is not a reply

    advance(2 * DAY + 60_000); // step 2 would be due now
    await new Promise((r) => setTimeout(r, 1500));
    expect(await outboxTo(ada.email)).toHaveLength(1);

    advance(5 * DAY); // past the day after the return date: the scheduler's tick resumes it
    await waitFor(async () => (await outboxTo(ada.email)).length === 2, "step 2 after the return", 30_000);
    // Step 2 was the last: the resumed enrolment ran to its end.
    await waitFor(async () => (await enrolmentOf(f.campaign.id, ada.id)).status === "completed", "enrolment completed after the return");
    expect((await enrolmentOf(f.campaign.id, ada.id)).pausedUntil).toBeNull();
  });

  it("suppresses a hard-bounced address and stops its lead, counting the bounce on the email", async () => {
    const f = await campaignPastStepOne();
    const [ada] = f.leads;
    const sent = await f.first(ada.id);
    const result = await f.ingest(rawBounce({ to: f.mailbox.email, recipient: ada.email, originalMessageId: sent.messageId!, status: "5.1.1", diagnostic: "550 5.1.1 <ada>: Recipient address rejected: User unknown" }));
    expect(result).toMatchObject({ kind: "bounce", action: "suppressed", leadId: ada.id });
    const db = await getDb();
    const [inbound] = await db.select().from(emails).where(eq(emails.id, result.emailId));
    expect(inbound).toMatchObject({ bounceType: "hard", bounceStatus: "5.1.1", bounceRecipient: ada.email, answersEmailId: sent.id });
    const [outbound] = await db.select().from(emails).where(eq(emails.id, sent.id));
    expect(outbound.bouncedAt).not.toBeNull();
    expect(await enrolmentOf(f.campaign.id, ada.id)).toMatchObject({ status: "bounced" });
    expect(await db.select().from(suppressions).where(and(eq(suppressions.teamId, f.team.id), eq(suppressions.value, ada.email)))).toMatchObject([{ reason: "hard_bounce" }]);
    const [mailbox] = await db.select().from(mailboxes).where(eq(mailboxes.id, f.mailbox.id));
    expect(mailbox.status).toBe("active"); // one bounce in one send is below the minimum sample
  });

  it("pauses our mailbox on an authentication rejection and does not blame the recipient", async () => {
    const f = await campaignPastStepOne();
    const [ada] = f.leads;
    const sent = await f.first(ada.id);
    const result = await f.ingest(
      rawBounce({ to: f.mailbox.email, recipient: ada.email, originalMessageId: sent.messageId!, status: "5.7.26", diagnostic: "550 5.7.26 This mail has been blocked because the sender is unauthenticated. DMARC policy reject." }),
    );
    expect(result.action).toBe("mailbox_paused");
    const db = await getDb();
    const [mailbox] = await db.select().from(mailboxes).where(eq(mailboxes.id, f.mailbox.id));
    expect(mailbox.status).toBe("paused");
    expect(mailbox.statusReason).toContain("SPF, DKIM and DMARC");
    expect(await db.select().from(suppressions).where(eq(suppressions.teamId, f.team.id))).toHaveLength(0);
    expect(await enrolmentOf(f.campaign.id, ada.id)).toMatchObject({ status: "active" });
    expect(await db.select().from(notifications).where(and(eq(notifications.teamId, f.team.id), eq(notifications.kind, "mailbox.paused")))).toMatchObject([{ userId: f.user.id }]);
  });

  it("suppresses a lead who asks to be removed", async () => {
    const f = await campaignPastStepOne();
    const [ada] = f.leads;
    const sent = await f.first(ada.id);
    const result = await f.ingest(rawReply({ from: ada.email, to: f.mailbox.email, inReplyTo: sent.messageId, text: "Please remove me from your mailing list. Unsubscribe." }));
    expect(result.action).toBe("suppressed (asked to be removed)");
    const db = await getDb();
    expect(await db.select().from(suppressions).where(and(eq(suppressions.teamId, f.team.id), eq(suppressions.value, ada.email)))).toMatchObject([{ reason: "unsubscribed" }]);
    expect((await enrolmentOf(f.campaign.id, ada.id)).status).toMatch(/replied|unsubscribed/);
  });

  it("matches by sender without threading headers, by company domain when the campaign stops on the domain, and files strangers as other", async () => {
    const f = await campaignPastStepOne([{ email: `ada-${Date.now()}@initech.test` }, { email: `bob-${Date.now()}@initech.test` }], { stopScope: "domain" });
    const [ada, bob] = f.leads;
    const byDomain = await f.ingest(rawReply({ from: `carol@initech.test`, to: f.mailbox.email, subject: "Your email to my team", text: "I run this team; send me the details." }));
    expect(byDomain).toMatchObject({ kind: "reply" });
    const db = await getDb();
    const [row] = await db.select().from(emails).where(eq(emails.id, byDomain.emailId));
    expect(row.matchedBy).toBe("domain");
    expect([(await enrolmentOf(f.campaign.id, ada.id)).status, (await enrolmentOf(f.campaign.id, bob.id)).status].sort()).toEqual(["replied", "stopped"]);

    const bySender = await f.ingest(rawReply({ from: ada.email, to: f.mailbox.email, subject: "hello again", text: "One more thing." }));
    const [senderRow] = await db.select().from(emails).where(eq(emails.id, bySender.emailId));
    expect(senderRow).toMatchObject({ matchedBy: "sender", leadId: ada.id });

    const stranger = await f.ingest(rawReply({ from: "someone@elsewhere.test", to: f.mailbox.email, subject: "Hi", text: "Unrelated." }));
    expect(stranger).toMatchObject({ kind: "other", leadId: null });
  });

  it("tries a soft-bounced email once more a day later, and suppresses the address at the third soft bounce", async () => {
    const f = await campaignPastStepOne();
    const [ada] = f.leads;
    const sent = await f.first(ada.id);
    const soft = (originalMessageId: string) =>
      f.ingest(rawBounce({ to: f.mailbox.email, recipient: ada.email, originalMessageId, status: "4.4.1", diagnostic: "421 4.4.1 Connection timed out", action: "failed" }));

    expect(await soft(sent.messageId!)).toMatchObject({ kind: "bounce", action: "soft_retrying" });
    const db = await getDb();
    const retryOf = async () => (await db.select().from(emails).where(and(eq(emails.leadId, ada.id), eq(emails.direction, "outbound")))).filter((e) => e.sendRecord?.retryOf === sent.id);
    expect(await retryOf()).toMatchObject([{ status: "queued", subject: sent.subject, stepPosition: null, enrolmentId: sent.enrolmentId }]);
    // A "still trying" warning (Action: delayed) is not retried by us.
    expect(await f.ingest(rawBounce({ to: f.mailbox.email, recipient: ada.email, originalMessageId: sent.messageId!, status: "4.2.2", diagnostic: "452 4.2.2 Mailbox full", action: "delayed" }))).toMatchObject({ action: "soft_counted" });

    jobs.executor.poke();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await outboxTo(ada.email)).toHaveLength(1); // not at once
    advance(DAY + 60_000); // a day on: the retry goes (step 2 is not due for another day)
    await waitFor(async () => (await outboxTo(ada.email)).length === 2, "the retry sent a day later", 30_000);
    const [again] = await retryOf();
    await waitFor(async () => (await db.select().from(emails).where(eq(emails.id, again.id)))[0].status === "sent", "the retry recorded as sent");
    expect((await outboxTo(ada.email))[1].subject).toBe(sent.subject);

    // The third soft bounce in 30 days: the address is suppressed and the lead stops; a retry is not retried.
    expect(await soft(again.messageId!)).toMatchObject({ action: "suppressed" });
    expect(await retryOf()).toHaveLength(1);
    expect(await db.select().from(suppressions).where(and(eq(suppressions.teamId, f.team.id), eq(suppressions.value, ada.email)))).toMatchObject([{ reason: "hard_bounce" }]);
    expect(await enrolmentOf(f.campaign.id, ada.id)).toMatchObject({ status: "bounced" });
  });
});
