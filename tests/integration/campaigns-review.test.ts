import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { campaignEnrolments, campaigns } from "@/db/schema/campaigns";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { sequenceStepVariants } from "@/db/schema/sequences";
import { teams } from "@/db/schema/teams";
import { addSuppressions } from "@/lib/suppressions/manage-suppressions";
import { campaignFormSchema, leadSelectionPreviewSchema } from "@/lib/campaigns/campaign.schema";
import { previewCampaignLeads } from "@/lib/campaigns/preview-campaign-leads";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { lockCampaign } from "@/lib/campaigns/get-campaign";
import { reviewCampaign } from "@/lib/campaigns/review-campaign";
import { teamScope } from "@/lib/teams/team-scope";
import { createUserWithTeam } from "../support/factories";
import { seedLeads, seedReadyCampaign, seedSequence, setPostalAddress, validForm } from "./campaigns-fixtures";

// Opening (and migrating) the database is the slow part of a cold start; keep it out of the first test's time.
beforeAll(async () => {
  await getDb();
});

describe("campaign review", () => {
  it("has no blockers for a ready campaign, and counts its leads", async () => {
    const { team, campaign } = await seedReadyCampaign();
    const review = await reviewCampaign({ teamId: team.id, campaignId: campaign.id });
    expect(review.blockers).toEqual([]);
    expect(review.counts).toEqual({ selected: 3, eligible: 3, unsubscribed: 0, bounced: 0, suppressed: 0, alreadyEnrolled: 0 });
  });

  it("counts unsubscribed, bounced, suppressed (address and domain) and already-enrolled leads out", async () => {
    const { user, team, campaign, leads: ready } = await seedReadyCampaign();
    const now = new Date();
    const [unsub, bounced, byAddress, byDomain] = await seedLeads(team.id, [
      { unsubscribedAt: now, bouncedAt: now },
      { bouncedAt: now },
      { email: "blocked@example.org" },
      { email: "anyone@competitor.io" },
    ]);
    await addSuppressions({ teamId: team.id, actorUserId: user.id, text: "blocked@example.org\ncompetitor.io" });
    const db = await getDb();
    await db.insert(campaignEnrolments).values({ teamId: team.id, campaignId: campaign.id, leadId: ready[0].id });
    const review = await reviewCampaign({ teamId: team.id, campaignId: campaign.id });
    expect(review.counts).toEqual({ selected: 7, eligible: 2, unsubscribed: 1, bounced: 1, suppressed: 2, alreadyEnrolled: 1 });
    expect(review.blockers).toEqual([]);
    expect([unsub, bounced, byAddress, byDomain]).toHaveLength(4);
  });

  it("blocks with a fix link for: paused mailbox, missing postal address, no eligible leads", async () => {
    const { team, campaign, mailbox } = await seedReadyCampaign();
    const db = await getDb();
    await db.update(mailboxes).set({ status: "paused", statusReason: "Paused after 5 bounces in a day" }).where(eq(mailboxes.id, mailbox.id));
    await setPostalAddress(team.id, "  ");
    await db.update(leads).set({ unsubscribedAt: new Date() }).where(eq(leads.teamId, team.id));

    const review = await reviewCampaign({ teamId: team.id, campaignId: campaign.id });
    expect(review.blockers).toEqual([
      `Mailbox ${mailbox.email} is paused (Paused after 5 bounces in a day).`,
      "The team has no postal address. Every campaign email must include one.",
      "None of the selected leads can be emailed (unsubscribed, bounced, suppressed or already enrolled).",
    ]);
    expect(review.fixes).toEqual([
      { label: "Open mailbox", path: `/mailboxes/${mailbox.id}` },
      { label: "Add it in Settings", path: "/settings" },
      { label: "Change the selection", path: `/campaigns/${campaign.id}/edit` },
    ]);

    // Fixed, the same campaign is ready again.
    await db.update(mailboxes).set({ status: "active", statusReason: null }).where(eq(mailboxes.id, mailbox.id));
    await setPostalAddress(team.id, "1 Market St");
    await db.update(leads).set({ unsubscribedAt: null }).where(eq(leads.teamId, team.id));
    expect((await reviewCampaign({ teamId: team.id, campaignId: campaign.id })).blockers).toEqual([]);
  });

  it("blocks a draft without sequence, mailbox, matching leads, schedule days or hours", async () => {
    const { user, team } = await createUserWithTeam("drafter");
    await setPostalAddress(team.id, "1 Market St");
    const settings = campaignFormSchema.parse(validForm({ selectionType: "tag", tag: "nobody-has-this" }));
    const campaign = await createCampaign({ teamId: team.id, actorUserId: user.id, settings });
    const db = await getDb();
    // Rows written before the form rules existed (or by the API) can still be malformed; the review catches them.
    await db.update(campaigns).set({ scheduleDays: [], scheduleStartMinute: 600, scheduleEndMinute: 600 }).where(eq(campaigns.id, campaign.id));
    const review = await reviewCampaign({ teamId: team.id, campaignId: campaign.id });
    expect(review.blockers).toEqual([
      "No sequence is chosen.",
      "No mailbox is chosen to send from.",
      "The lead selection matches no leads.",
      "The schedule has no sending days.",
      "The schedule's sending hours are empty (until is not after from).",
    ]);
    expect(review.counts.selected).toBe(0);
  });

  it("blocks a sequence without steps and a step whose variants are all switched off", async () => {
    const { team, campaign, variantIds } = await seedReadyCampaign();
    const db = await getDb();
    for (const id of variantIds[1]) await db.update(sequenceStepVariants).set({ weight: 0 }).where(eq(sequenceStepVariants.id, id));
    expect((await reviewCampaign({ teamId: team.id, campaignId: campaign.id })).blockers).toEqual([expect.stringMatching(/^Step 2 of "Outreach" has no variant with a weight above 0/)]);

    const { sequence: empty } = await seedSequence(team.id, [], "Empty");
    await db.update(campaigns).set({ sequenceId: empty.id }).where(eq(campaigns.id, campaign.id));
    expect((await reviewCampaign({ teamId: team.id, campaignId: campaign.id })).blockers).toEqual(['The sequence "Empty" has no steps yet.']);
  });

  it("warns about tracking without a custom domain, a low daily limit and leads without a time zone", async () => {
    const { team, campaign, leads: rows, mailbox } = await seedReadyCampaign();
    const db = await getDb();
    await db.update(leads).set({ timezone: null }).where(eq(leads.id, rows[0].id));
    await db.update(mailboxes).set({ dailyCap: 80 }).where(eq(mailboxes.id, mailbox.id));
    await db.update(campaigns).set({ dailyLimit: 20 }).where(eq(campaigns.id, campaign.id));
    const review = await reviewCampaign({ teamId: team.id, campaignId: campaign.id });
    expect(review.blockers).toEqual([]);
    expect(review.warnings).toEqual([
      "Tracking is on but uses this app's own domain. A custom tracking domain (Settings) is kinder to deliverability.",
      "The daily send limit (20) is lower than the mailboxes' combined caps today (80); the campaign sends at most 20 a day.",
      "1 eligible lead has no time zone; it follows Europe/Berlin.",
    ]);
    await db.update(teams).set({ trackingDomain: "track.acme.test" }).where(eq(teams.id, team.id));
    expect((await reviewCampaign({ teamId: team.id, campaignId: campaign.id })).warnings).toHaveLength(2);
  });

  it("runs inside a caller's transaction that holds the campaign's row lock", async () => {
    const { team, campaign } = await seedReadyCampaign();
    const review = await teamScope(team.id, async (tx) => {
      await lockCampaign(tx, { teamId: team.id, campaignId: campaign.id });
      return reviewCampaign({ teamId: team.id, campaignId: campaign.id, tx });
    });
    expect(review.blockers).toEqual([]);
    expect(review.counts.eligible).toBe(3);
  });

  it("answers not found for another team's campaign", async () => {
    const { campaign } = await seedReadyCampaign("owner");
    const outsider = await createUserWithTeam("outsider");
    await expect(reviewCampaign({ teamId: outsider.team.id, campaignId: campaign.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("counts 20,000 selected leads in one quick query", async () => {
    const { team, campaign } = await seedReadyCampaign();
    const db = await getDb();
    await db.execute(
      sql`insert into leads (team_id, email, timezone, unsubscribed_at) select ${team.id}, 'bulk' || g || '@bulk.test', 'UTC', case when g % 10 = 0 then now() end from generate_series(1, 20000) g`,
    );
    const started = performance.now();
    const review = await reviewCampaign({ teamId: team.id, campaignId: campaign.id });
    const ms = performance.now() - started;
    expect(review.counts).toMatchObject({ selected: 20_003, unsubscribed: 2000, eligible: 18_003 });
    expect(ms).toBeLessThan(5000);
  });
});

describe("lead selection preview", () => {
  it("counts what the form's selection matches, treating an unfinished choice as all leads", async () => {
    const { team } = await seedReadyCampaign();
    await seedLeads(team.id, [{ tags: ["vip"] }, { tags: ["vip"], unsubscribedAt: new Date() }]);
    const preview = (input: Record<string, string>) => previewCampaignLeads({ teamId: team.id, selection: leadSelectionPreviewSchema.parse(input) });
    expect(await preview({ selectionType: "tag", tag: "vip" })).toEqual({ selected: 2, eligible: 1 });
    expect(await preview({ selectionType: "tag", tag: "" })).toEqual({ selected: 5, eligible: 4 });
    expect(await preview({ selectionType: "field", fieldKey: "industry", fieldValue: "" })).toEqual({ selected: 5, eligible: 4 });
  });
});
