// The runner's rules, step by step through lib (no executor): A/B split over 1,000 real enrolments, the
// campaign window in the lead's time zone, and the step conditions (opened / not opened / clicked).
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { campaignEnrolments, campaigns } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { chooseWeighted } from "@/lib/campaigns/choose-weighted";
import { enrolCampaignBatch, FIRST_LEAD_CURSOR } from "@/lib/campaigns/enrol-campaign-batch";
import { queueEnrolmentStep } from "@/lib/campaigns/queue-enrolment-step";
import { recordStepOutcome } from "@/lib/campaigns/record-step-outcome";
import { deliverEmail } from "@/lib/sending/deliver-email";
import { zonedParts } from "@/lib/mailboxes/zoned-time";
import { createCampaignFixture } from "../support/campaign-fixtures";

async function running(campaignId: string) {
  const db = await getDb();
  await db.update(campaigns).set({ status: "running", startedAt: new Date() }).where(eq(campaigns.id, campaignId));
}

async function enrolAll(teamId: string, campaignId: string) {
  let cursor = FIRST_LEAD_CURSOR;
  for (;;) {
    const r = await enrolCampaignBatch({ teamId, campaignId, afterLeadId: cursor, batchSize: 400 });
    if (!r.lastLeadId) break;
    cursor = r.lastLeadId;
  }
  const db = await getDb();
  return db.select().from(campaignEnrolments).where(eq(campaignEnrolments.campaignId, campaignId));
}

describe("campaign runner rules", () => {
  it("splits an A/B step 50/50 within tolerance over 1,000 enrolments, sticky per lead", async () => {
    const f = await createCampaignFixture({
      steps: [{ variants: [{ label: "A", subject: "Option A", body: "<p>A</p>" }, { label: "B", subject: "Option B", body: "<p>B</p>" }] }],
      leads: [],
    });
    const db = await getDb();
    await db.execute(sql`insert into leads (team_id, email) select ${f.team.id}::uuid, 'ab' || g || '@example.org' from generate_series(1, 1000) g`);
    await running(f.campaign.id);
    const enrolments = await enrolAll(f.team.id, f.campaign.id);
    expect(enrolments).toHaveLength(1000);
    const [step] = f.steps;
    const picks = enrolments.map((e) => chooseWeighted(step.variants, `${e.id}:${step.id}`)!.label);
    const a = picks.filter((p) => p === "A").length;
    expect(a).toBeGreaterThan(450);
    expect(a).toBeLessThan(550);

    // The queue step stores exactly that pick, and a second run keeps it.
    for (const e of enrolments.slice(0, 5)) {
      const queued = await queueEnrolmentStep({ teamId: f.team.id, enrolmentId: e.id });
      expect(queued.kind).toBe("queued");
      const again = await queueEnrolmentStep({ teamId: f.team.id, enrolmentId: e.id });
      expect(again).toEqual(queued);
      const [row] = await db.select().from(emails).where(eq(emails.enrolmentId, e.id));
      expect(row.subject).toBe(`Option ${chooseWeighted(step.variants, `${e.id}:${step.id}`)!.label}`);
    }
  }, 120_000);

  it("reserves the slot inside the campaign's hours in the lead's own time zone, falling back to the campaign's zone", async () => {
    const f = await createCampaignFixture({
      steps: [{}],
      leads: [{ firstName: "Kenji", timezone: "Asia/Tokyo" }, { firstName: "Nozone", timezone: null }],
      campaign: { timezoneMode: "recipient", timezone: "America/New_York", scheduleDays: [1, 2, 3, 4, 5], scheduleStartMinute: 9 * 60, scheduleEndMinute: 17 * 60 },
    });
    await running(f.campaign.id);
    const enrolments = await enrolAll(f.team.id, f.campaign.id);
    for (const [lead, zone] of [[f.leads[0], "Asia/Tokyo"], [f.leads[1], "America/New_York"]] as const) {
      const e = enrolments.find((x) => x.leadId === lead.id)!;
      const queued = await queueEnrolmentStep({ teamId: f.team.id, enrolmentId: e.id });
      if (queued.kind !== "queued") throw new Error(`expected queued, got ${queued.kind}`);
      const local = zonedParts(new Date(queued.slot), zone);
      expect(local.weekday).toBeGreaterThanOrEqual(1);
      expect(local.weekday).toBeLessThanOrEqual(5);
      expect(local.minuteOfDay).toBeGreaterThanOrEqual(9 * 60);
      expect(local.minuteOfDay).toBeLessThan(17 * 60);
    }
  });

  it("honours conditions: 'opened' goes only to openers, 'not opened' only to the others, 'clicked' only to clickers", async () => {
    const f = await createCampaignFixture({
      steps: [{}, { condition: "opened", delayMinutes: 60 }, { condition: "not_opened", delayMinutes: 60 }, { condition: "clicked", delayMinutes: 60 }],
      leads: [{ firstName: "Opener" }, { firstName: "Silent" }],
    });
    await running(f.campaign.id);
    const enrolments = await enrolAll(f.team.id, f.campaign.id);
    const db = await getDb();
    const sentSteps = new Map<string, number[]>();
    const now = new Date();

    // Walk each enrolment by hand: queue → deliver → record, the run's own steps without its sleeps.
    async function walk(enrolmentId: string) {
      for (let i = 0; i < 10; i++) {
        const q = await queueEnrolmentStep({ teamId: f.team.id, enrolmentId, now });
        if (q.kind === "stopped") return `stopped: ${q.reason}`;
        if (q.kind === "completed") return q.kind;
        if (q.kind === "skipped") continue;
        await deliverEmail({ teamId: f.team.id, emailId: q.emailId });
        await recordStepOutcome({ teamId: f.team.id, enrolmentId, emailId: q.emailId });
        sentSteps.set(enrolmentId, [...(sentSteps.get(enrolmentId) ?? []), q.position]);
        // The opener opens and clicks the first email before the next step comes due.
        const [e] = await db.select().from(campaignEnrolments).where(eq(campaignEnrolments.id, enrolmentId));
        if (q.position === 0 && e.leadId === f.leads[0].id) {
          await db.update(emails).set({ firstOpenedAt: now, openCount: 1, firstClickedAt: now, clickCount: 1 }).where(and(eq(emails.enrolmentId, enrolmentId), eq(emails.stepPosition, 0)));
        }
      }
      return "loop";
    }
    const opener = enrolments.find((e) => e.leadId === f.leads[0].id)!;
    const silent = enrolments.find((e) => e.leadId === f.leads[1].id)!;
    expect(await walk(opener.id)).toBe("completed");
    expect(await walk(silent.id)).toBe("completed");
    expect(sentSteps.get(opener.id)).toEqual([0, 1, 3]);
    expect(sentSteps.get(silent.id)).toEqual([0, 2]);
  });
});
