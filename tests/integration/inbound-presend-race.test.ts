// The race: a lead's reply reaches the provider one second before step 2's slot, and no periodic sync has seen it.
// The send step re-reads the thread just before sending (Gmail here, through the local Gmail API server), ingests
// the reply, and the send claim refuses step 2. The email keeps the record of why it did not go.
// First: sets the OAuth client variables before any app module reads the environment.
import { OAUTH_TEST_APPS, TEST_REFRESH_TOKEN } from "../support/oauth-test-apps";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { mailboxes } from "@/db/schema/mailboxes";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { encryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { createCampaignFixture } from "../support/campaign-fixtures";
import { startGoogleApiServer } from "../support/google-api-server";
import { startMicrosoftApiServer } from "../support/microsoft-api-server";
import { startEmbeddedJobs } from "../support/jobs-app-server";
import { waitFor } from "../support/jobs-harness";
import { rawReply } from "../support/raw-mail";

const C = OAUTH_TEST_APPS;
const REFRESH = TEST_REFRESH_TOKEN;
const DAY = 86_400_000;
const ME = `rep-${Date.now()}@gmail.test`;
const OUTLOOK_ME = `rep-${Date.now()}@contoso.test`;

let google: Awaited<ReturnType<typeof startGoogleApiServer>>;
let microsoft: Awaited<ReturnType<typeof startMicrosoftApiServer>>;
let jobs: Awaited<ReturnType<typeof startEmbeddedJobs>>;

beforeAll(async () => {
  google = await startGoogleApiServer({ ...C.google, refreshToken: REFRESH, mailboxAddress: ME });
  microsoft = await startMicrosoftApiServer({ ...C.microsoft, refreshToken: REFRESH, mailboxAddress: OUTLOOK_ME });
  Object.assign(process.env, {
    GMAIL_API_BASE_URL: google.apiBaseUrl,
    GOOGLE_OAUTH_TOKEN_URL: google.tokenUrl,
    MICROSOFT_LOGIN_BASE_URL: microsoft.loginBaseUrl,
    MICROSOFT_GRAPH_BASE_URL: microsoft.graphBaseUrl,
  });
  jobs = await startEmbeddedJobs({ testClock: true });
});

afterAll(async () => {
  await jobs?.close();
  await google?.close();
  await microsoft?.close();
});

describe("pre-send reply check", () => {
  it("does not send step 2 when the reply landed in the Gmail thread a second before its slot", async () => {
    const f = await createCampaignFixture({ steps: [{ delayMinutes: 0 }, { delayMinutes: 2 * 24 * 60 }], leads: [{ firstName: "Ada" }], mailbox: { provider: "gmail", email: ME } });
    const db = await getDb();
    await db.update(mailboxes).set(encryptMailboxCredentials({ mailboxId: f.mailbox.id, credentials: { provider: "gmail", refreshToken: REFRESH } })).where(eq(mailboxes.id, f.mailbox.id));
    const [ada] = f.leads;
    await startCampaign({ teamId: f.team.id, campaignId: f.campaign.id, actorUserId: f.user.id });

    await waitFor(async () => google.sent.length === 1, "step 1 through the Gmail API", 30_000);
    const [step1] = await db.select().from(emails).where(and(eq(emails.leadId, ada.id), eq(emails.stepPosition, 0)));
    await waitFor(async () => (await db.select().from(campaignEnrolments).where(eq(campaignEnrolments.leadId, ada.id)))[0].currentStepPosition === 1, "step 1 recorded");
    expect(step1).toMatchObject({ status: "sent", providerThreadId: google.sent[0].threadId });

    // The reply arrives in the provider's thread; nothing has synced it, and the mailbox's sync lease is held
    // elsewhere, so the periodic sync cannot find it first: only the send step's thread re-read can.
    await db.update(mailboxes).set({ inboundSyncLeaseUntil: new Date(Date.now() + 30 * DAY) }).where(eq(mailboxes.id, f.mailbox.id));
    await google.receive(rawReply({ from: ada.email, to: ME, inReplyTo: step1.messageId, text: "Thanks, but we are all set." }), { threadId: step1.providerThreadId! });
    jobs.advance(2 * DAY + 60_000);

    await waitFor(async () => {
      const [step2] = await db.select().from(emails).where(and(eq(emails.leadId, ada.id), eq(emails.stepPosition, 1)));
      return step2?.status === "cancelled" && !!step2.sendRecord?.checks?.some((c) => c.name.startsWith("Inbox re-read"));
    }, "step 2 refused at its slot", 30_000);
    expect(google.sent).toHaveLength(1);
    const [step2] = await db.select().from(emails).where(and(eq(emails.leadId, ada.id), eq(emails.stepPosition, 1)));
    expect(step2.statusReason).toBe("The lead replied.");
    expect(step2.sendRecord?.checks).toEqual(
      expect.arrayContaining([
        { name: "Inbox re-read for replies just before sending", passed: true, detail: "Re-read the Gmail thread: 1 message(s) from others." },
        { name: "The enrolment is active", passed: false, detail: "The lead replied." },
      ]),
    );
    const [inbound] = await db.select().from(emails).where(and(eq(emails.teamId, f.team.id), eq(emails.direction, "inbound")));
    expect(inbound).toMatchObject({ inboundKind: "reply", matchedBy: "in_reply_to", answersEmailId: step1.id, intent: "not_interested" });
    const [enrolment] = await db.select().from(campaignEnrolments).where(eq(campaignEnrolments.leadId, ada.id));
    expect(enrolment.status).toBe("replied");
  });

  it("does not send step 2 when the reply reached the Outlook inbox a second before its slot", async () => {
    const f = await createCampaignFixture({ steps: [{ delayMinutes: 0 }, { delayMinutes: 2 * 24 * 60 }], leads: [{ firstName: "Ada" }], mailbox: { provider: "outlook", email: OUTLOOK_ME } });
    const db = await getDb();
    await db.update(mailboxes).set(encryptMailboxCredentials({ mailboxId: f.mailbox.id, credentials: { provider: "outlook", refreshToken: REFRESH } })).where(eq(mailboxes.id, f.mailbox.id));
    const [ada] = f.leads;
    await startCampaign({ teamId: f.team.id, campaignId: f.campaign.id, actorUserId: f.user.id });

    const sentByGraph = () => microsoft.messages.filter((m) => m.sent);
    await waitFor(async () => sentByGraph().length === 1, "step 1 through Microsoft Graph", 30_000);
    await waitFor(async () => (await db.select().from(campaignEnrolments).where(eq(campaignEnrolments.leadId, ada.id)))[0].currentStepPosition === 1, "step 1 recorded");
    const [step1] = await db.select().from(emails).where(and(eq(emails.leadId, ada.id), eq(emails.stepPosition, 0)));

    await microsoft.receive(rawReply({ from: ada.email, to: OUTLOOK_ME, inReplyTo: step1.messageId, text: "Thanks, but we are all set." }), { conversationId: sentByGraph()[0].conversationId });
    jobs.advance(2 * DAY + 60_000);

    await waitFor(async () => (await db.select().from(campaignEnrolments).where(eq(campaignEnrolments.leadId, ada.id)))[0].status === "replied", "the reply found before step 2", 30_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(sentByGraph()).toHaveLength(1);
    const [step2] = await db.select().from(emails).where(and(eq(emails.leadId, ada.id), eq(emails.stepPosition, 1)));
    if (step2) expect(step2).toMatchObject({ status: "cancelled", statusReason: "The lead replied." });
    const [inbound] = await db.select().from(emails).where(and(eq(emails.teamId, f.team.id), eq(emails.direction, "inbound")));
    expect(inbound).toMatchObject({ inboundKind: "reply", matchedBy: "in_reply_to", answersEmailId: step1.id });
  });
});
