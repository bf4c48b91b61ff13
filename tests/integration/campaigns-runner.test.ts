// The campaign runner on the embedded executor through the app's own routes: fan-out, one run per enrolment,
// same-thread follow-ups after their delays (engine time moved forward), stop on reply, pause/resume, and
// never emailing an unsubscribed lead.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { campaigns } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { markLeadReplied } from "@/lib/campaigns/mark-lead-replied";
import { pauseCampaign } from "@/lib/campaigns/pause-campaign";
import { resumeCampaign } from "@/lib/campaigns/resume-campaign";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { createCampaignFixture, enrolmentOf, outboxTo } from "../support/campaign-fixtures";
import { startEmbeddedJobs } from "../support/jobs-app-server";
import { waitFor } from "../support/jobs-harness";

const DAY = 86_400_000;
let jobs: Awaited<ReturnType<typeof startEmbeddedJobs>>;

beforeAll(async () => {
  jobs = await startEmbeddedJobs({ testClock: true });
});

afterAll(async () => {
  await jobs?.close();
});

const advance = (ms: number) => jobs.advance(ms);

const threeSteps = [{ delayMinutes: 0 }, { delayMinutes: 2 * 24 * 60 }, { delayMinutes: 3 * 24 * 60 }];

describe("campaign runner", () => {
  it("sends steps 1 and 2 in one thread after their delays, and never sends step 3 after the lead replied", async () => {
    const f = await createCampaignFixture({ steps: threeSteps, leads: [{ firstName: "Ada" }, { firstName: "Grace" }] });
    const [ada, grace] = f.leads;
    await startCampaign({ teamId: f.team.id, campaignId: f.campaign.id, actorUserId: f.user.id });

    await waitFor(async () => (await outboxTo(ada.email)).length === 1 && (await outboxTo(grace.email)).length === 1, "step 1 for both leads", 30_000);
    const [first] = await outboxTo(ada.email);
    expect(first.subject).toBe("Quick idea for Example Org");
    expect(first.html).toContain("Hi Ada, step 1.");
    await waitFor(async () => (await enrolmentOf(f.campaign.id, ada.id)).currentStepPosition === 1, "position 1 recorded");

    advance(2 * DAY + 60_000);
    await waitFor(async () => (await outboxTo(ada.email)).length === 2 && (await outboxTo(grace.email)).length === 2, "step 2 for both leads", 30_000);
    const [, second] = await outboxTo(ada.email);
    expect(second.subject).toBe("Re: Quick idea for Example Org");
    expect(second.headers["In-Reply-To"] ?? second.headers["in-reply-to"]).toBe(first.messageId.startsWith("<") ? first.messageId : `<${first.messageId}>`);

    await markLeadReplied({ teamId: f.team.id, leadId: ada.id, actorUserId: f.user.id });
    advance(3 * DAY + 60_000);
    await waitFor(async () => (await outboxTo(grace.email)).length === 3, "step 3 for the lead who did not reply", 30_000);
    await waitFor(async () => (await enrolmentOf(f.campaign.id, grace.id)).status === "completed", "Grace's enrolment completed");
    expect(await outboxTo(ada.email)).toHaveLength(2);
    expect(await enrolmentOf(f.campaign.id, ada.id)).toMatchObject({ status: "replied", stopReason: "The lead replied." });
    const db = await getDb();
    const adaEmails = await db.select().from(emails).where(and(eq(emails.teamId, f.team.id), eq(emails.leadId, ada.id)));
    expect(adaEmails.map((e) => [e.stepPosition, e.status]).sort()).toEqual([[0, "sent"], [1, "sent"]]);
    // The reply is counted on the email it answered: the last one sent.
    expect(adaEmails.map((e) => [e.stepPosition, e.repliedAt !== null]).sort()).toEqual([[0, false], [1, true]]);
  });

  it("pausing keeps each enrolment's position and resuming continues from it", async () => {
    const f = await createCampaignFixture({ steps: [{ delayMinutes: 0 }, { delayMinutes: 24 * 60 }], leads: [{ firstName: "Linus" }] });
    const [lead] = f.leads;
    await startCampaign({ teamId: f.team.id, campaignId: f.campaign.id, actorUserId: f.user.id });
    await waitFor(async () => (await outboxTo(lead.email)).length === 1, "step 1");
    await waitFor(async () => (await enrolmentOf(f.campaign.id, lead.id)).currentStepPosition === 1, "position 1 recorded");

    await pauseCampaign({ teamId: f.team.id, campaignId: f.campaign.id, actorUserId: f.user.id });
    expect(await enrolmentOf(f.campaign.id, lead.id)).toMatchObject({ status: "paused", currentStepPosition: 1 });
    advance(2 * DAY);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await outboxTo(lead.email)).toHaveLength(1);

    await resumeCampaign({ teamId: f.team.id, campaignId: f.campaign.id, actorUserId: f.user.id });
    await waitFor(async () => (await outboxTo(lead.email)).length === 2, "step 2 after resume", 30_000);
    await waitFor(async () => (await enrolmentOf(f.campaign.id, lead.id)).status === "completed", "completed");
    expect((await outboxTo(lead.email))[1].subject).toMatch(/^Re: /);
  });

  it("never emails an unsubscribed lead: not enrolled when already out, stopped when it unsubscribes mid-sequence", async () => {
    const f = await createCampaignFixture({ steps: [{ delayMinutes: 0 }, { delayMinutes: 24 * 60 }], leads: [{ firstName: "Out", unsubscribedAt: new Date() }, { firstName: "Later" }] });
    const [out, later] = f.leads;
    await startCampaign({ teamId: f.team.id, campaignId: f.campaign.id, actorUserId: f.user.id });
    await waitFor(async () => (await outboxTo(later.email)).length === 1, "step 1 for the subscribed lead");
    expect(await enrolmentOf(f.campaign.id, out.id)).toBeUndefined();

    const db = await getDb();
    await db.update(leads).set({ unsubscribedAt: new Date(), status: "unsubscribed" }).where(eq(leads.id, later.id));
    advance(2 * DAY);
    await waitFor(async () => (await enrolmentOf(f.campaign.id, later.id)).status === "unsubscribed", "enrolment stopped as unsubscribed");
    expect(await outboxTo(later.email)).toHaveLength(1);
    expect(await outboxTo(out.email)).toHaveLength(0);
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, f.campaign.id));
    expect(campaign.enrolledCount).toBe(1);
    const cancelled = await db.select().from(emails).where(and(eq(emails.leadId, later.id), inArray(emails.status, ["cancelled", "queued"])));
    expect(cancelled.every((e) => e.status === "cancelled")).toBe(true);
  });
});
