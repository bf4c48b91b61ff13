// The whole inbound loop on real servers: a campaign sends step 1 over SMTP (a real SMTP server), the leads'
// answers land in a real Dovecot INBOX — a reply, a hard-bounce DSN, an out-of-office — and the mailbox's IMAP sync
// finds and classifies them. One more reply lands one second before step 2's slot with no sync in between: the
// send step's own inbox check finds it, so step 2 reaches only the lead who never answered.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { suppressions } from "@/db/schema/suppressions";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { encryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { syncMailboxInbound } from "@/lib/inbound/sync-mailbox-inbound";
import { engineNow } from "@/lib/jobs/clock";
import { createCampaignFixture } from "../support/campaign-fixtures";
import { startDovecot } from "../support/dovecot-server";
import { startEmbeddedJobs } from "../support/jobs-app-server";
import { waitFor } from "../support/jobs-harness";
import { rawBounce, rawReply } from "../support/raw-mail";
import { startSmtpTestServer } from "../support/smtp-test-server";

const DAY = 86_400_000;
const REP = { user: "rita", password: "imap-s3cret" };
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
let dovecot: Awaited<ReturnType<typeof startDovecot>>;
let jobs: Awaited<ReturnType<typeof startEmbeddedJobs>>;

beforeAll(async () => {
  smtp = await startSmtpTestServer({ username: REP.user, password: REP.password });
  dovecot = await startDovecot({ users: [REP] });
  jobs = await startEmbeddedJobs({ testClock: true });
});

afterAll(async () => {
  await jobs?.close();
  await dovecot?.stop();
  await smtp?.close();
});

const receivedBy = (address: string) => smtp.received.filter((m) => m.envelope.to.includes(address));

describe("inbound over IMAP", () => {
  it("syncs a reply, a bounce and an out-of-office from Dovecot, and the pre-send check stops a reply that arrived just before step 2", { timeout: 90_000 }, async () => {
    const names = ["Ada", "Bob", "Cleo", "Dan", "Eve"];
    const f = await createCampaignFixture({ steps: [{ delayMinutes: 0 }, { delayMinutes: 2 * 24 * 60 }], leads: names.map((firstName) => ({ firstName })), mailbox: { provider: "smtp" } });
    const db = await getDb();
    await db
      .update(mailboxes)
      .set(
        encryptMailboxCredentials({
          mailboxId: f.mailbox.id,
          credentials: { provider: "smtp", host: smtp.host, port: smtp.port, secure: false, requireTls: false, username: REP.user, password: REP.password, imap: { host: dovecot.host, port: dovecot.port, secure: false } },
        }),
      )
      .where(eq(mailboxes.id, f.mailbox.id));
    const [ada, bob, cleo, dan, eve] = f.leads;
    await startCampaign({ teamId: f.team.id, campaignId: f.campaign.id, actorUserId: f.user.id });
    for (const lead of f.leads) await waitFor(async () => receivedBy(lead.email).length === 1, `step 1 to ${lead.firstName}`, 30_000);
    for (const lead of f.leads) {
      await waitFor(async () => (await db.select().from(campaignEnrolments).where(eq(campaignEnrolments.leadId, lead.id)))[0].currentStepPosition === 1, "step 1 recorded");
    }
    const messageIdTo = (address: string) => receivedBy(address)[0].parsed.messageId!;

    const back = new Date(engineNow().getTime() + 10 * DAY).toISOString().slice(0, 10);
    await dovecot.deliver(REP.user, rawReply({ from: ada.email, to: f.mailbox.email, inReplyTo: messageIdTo(ada.email), text: "Not now, thanks." }));
    await dovecot.deliver(REP.user, rawBounce({ to: f.mailbox.email, recipient: bob.email, originalMessageId: messageIdTo(bob.email), status: "5.1.1", diagnostic: "550 5.1.1 User unknown" }));
    await dovecot.deliver(
      REP.user,
      rawReply({ from: cleo.email, to: f.mailbox.email, subject: "Out of office", inReplyTo: messageIdTo(cleo.email), headers: { "Auto-Submitted": "auto-replied" }, text: `I am out of the office until ${back}.` }),
    );

    // "Sync now" (the every-2-minutes cron may get there first; either way the same sync ingests them once).
    const inbound = () => db.select().from(emails).where(and(eq(emails.mailboxId, f.mailbox.id), eq(emails.direction, "inbound")));
    await waitFor(async () => {
      await syncMailboxInbound({ teamId: f.team.id, mailboxId: f.mailbox.id });
      return (await inbound()).length === 3;
    }, "three messages synced from Dovecot", 30_000);
    const kinds = (await inbound()).map((e) => [e.leadId, e.inboundKind, e.matchedBy]).sort((a, b) => names.indexOf(f.leads.find((l) => l.id === a[0])!.firstName!) - names.indexOf(f.leads.find((l) => l.id === b[0])!.firstName!));
    expect(kinds).toEqual([[ada.id, "reply", "in_reply_to"], [bob.id, "bounce", "in_reply_to"], [cleo.id, "auto_reply", "in_reply_to"]]);
    const status = async (leadId: string) => (await db.select().from(campaignEnrolments).where(eq(campaignEnrolments.leadId, leadId)))[0].status;
    expect([await status(ada.id), await status(bob.id), await status(cleo.id)]).toEqual(["replied", "bounced", "paused"]);
    expect(await db.select().from(suppressions).where(and(eq(suppressions.teamId, f.team.id), eq(suppressions.value, bob.email)))).toHaveLength(1);

    // Dan answers one second before step 2's slot; no sync runs before the send step does.
    await dovecot.deliver(REP.user, rawReply({ from: dan.email, to: f.mailbox.email, inReplyTo: messageIdTo(dan.email), text: "Please stop, we went with someone else." }));
    jobs.advance(2 * DAY + 60_000);

    await waitFor(async () => receivedBy(eve.email).length === 2, "step 2 for the lead who never answered", 30_000);
    await waitFor(async () => (await status(dan.id)) === "replied", "Dan's reply found by the pre-send check", 30_000);
    // Whether the run had queued step 2 before the reply was found or not, it never goes.
    await waitFor(async () => {
      const [danStep2] = await db.select().from(emails).where(and(eq(emails.leadId, dan.id), eq(emails.stepPosition, 1)));
      return !danStep2 || danStep2.status === "cancelled";
    }, "Dan's step 2 cancelled or never queued");
    for (const lead of [ada, bob, cleo, dan]) expect(receivedBy(lead.email)).toHaveLength(1);
    const [danLead] = await db.select().from(leads).where(eq(leads.id, dan.id));
    expect(danLead.repliedAt).not.toBeNull();
    // Step 2 threads under step 1 for Eve: same conversation on the wire.
    expect(receivedBy(eve.email)[1].parsed.inReplyTo).toBe(messageIdTo(eve.email));
  });
});
