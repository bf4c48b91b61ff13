import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { campaignEnrolments, type EnrolmentStatus } from "@/db/schema/campaigns";
import { emails, type NewEmail } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { emailEvents } from "@/db/schema/tracking";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CampaignResults } from "@/components/campaigns/campaign-results";
import { getCampaignResults } from "@/lib/campaigns/get-campaign-results";
import { createUserWithTeam } from "../support/factories";
import { seedLeads, seedReadyCampaign } from "./campaigns-fixtures";

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const at = new Date("2030-01-07T10:00:00Z");

/** 80 leads on step 1 (A: 0–39, B: 40–79), 20 of them (12–31) on step 2; known opens, clicks, replies and bounces. */
async function seedResults() {
  const ready = await seedReadyCampaign();
  const { team, campaign, variantIds, mailbox } = ready;
  const db = await getDb();
  const rows = await seedLeads(team.id, range(0, 80).map(() => ({})));
  await db.update(leads).set({ status: "interested" }).where(inArray(leads.id, [rows[0].id, rows[1].id, rows[2].id, rows[45].id]));
  const repliers = new Set([...range(0, 12), 40, 41, 20]);
  const status = (i: number): EnrolmentStatus =>
    repliers.has(i) ? "replied" : i === 78 || i === 79 ? "bounced" : i === 70 ? "unsubscribed" : i >= 30 && i < 40 ? "completed" : "active";
  const enrolments = await db.insert(campaignEnrolments).values(rows.map((l, i) => ({ teamId: team.id, campaignId: campaign.id, leadId: l.id, status: status(i) }))).returning();
  const base = (i: number): NewEmail => ({ teamId: team.id, direction: "outbound", campaignId: campaign.id, enrolmentId: enrolments[i].id, leadId: rows[i].id, mailboxId: mailbox.id, fromAddress: mailbox.email, toAddresses: [rows[i].email], status: "sent", sentAt: at });
  const step1 = range(0, 80).map((i): NewEmail => {
    const a = i < 40;
    return {
      ...base(i),
      stepPosition: 0,
      variantId: a ? variantIds[0][0] : variantIds[0][1],
      firstOpenedAt: (a && i < 20) || (!a && i < 50) ? at : null,
      firstClickedAt: a && i < 8 ? at : null,
      repliedAt: repliers.has(i) && i !== 20 ? at : null,
      bouncedAt: i >= 78 ? at : null,
    };
  });
  const step2 = range(12, 32).map((i): NewEmail => ({ ...base(i), stepPosition: 1, variantId: variantIds[1][0], repliedAt: i === 20 ? at : null }));
  const queued: NewEmail = { ...base(50), stepPosition: 1, variantId: variantIds[1][0], status: "queued", sentAt: null };
  const inserted = await db.insert(emails).values([...step1, ...step2, queued]).returning({ id: emails.id, enrolmentId: emails.enrolmentId });
  const unsubscribed = inserted.find((e) => e.enrolmentId === enrolments[70].id)!;
  await db.insert(emailEvents).values({ teamId: team.id, emailId: unsubscribed.id, campaignId: campaign.id, type: "unsubscribe" });
  return ready;
}

// Opening (and migrating) the database is the slow part of a cold start; keep it out of the first test's time.
beforeAll(async () => {
  await getDb();
});

describe("campaign results", () => {
  it("adds up the campaign, each step and each variant, and names the step-1 winner on replies", async () => {
    const { team, campaign, variantIds } = await seedResults();
    const { totals, steps } = await getCampaignResults({ teamId: team.id, campaignId: campaign.id });
    // 3 ready leads from the fixture are not enrolled; 80 are.
    expect(totals).toMatchObject({ enrolled: 80, active: 52, contacted: 80, sent: 100, opened: 30, clicked: 8, replied: 15, positive: 3, bounced: 2, unsubscribed: 1 });
    expect(totals.replyRate).toBeCloseTo(15 / 80, 6);
    expect(totals.openRate).toBeCloseTo(0.3, 6);

    expect(steps.map((s) => [s.position, s.sent, s.replied])).toEqual([[0, 80, 14], [1, 20, 1]]);
    const [a, b] = steps[0].variants;
    expect(a).toMatchObject({ variantId: variantIds[0][0], label: "A", sent: 40, opened: 20, clicked: 8, replied: 12, positive: 3, bounced: 0, unsubscribed: 0 });
    expect(b).toMatchObject({ variantId: variantIds[0][1], label: "B", sent: 40, opened: 10, clicked: 0, replied: 2, positive: 0, bounced: 2, unsubscribed: 1 });
    expect(a.replyRate).toBeCloseTo(0.3, 6);
    expect(b.bounceRate).toBeCloseTo(0.05, 6);
    // 12/40 vs 2/40: z ≈ 2.94, p ≈ 0.003.
    expect(steps[0].verdict).toMatchObject({ kind: "winner", variantId: variantIds[0][0], runnerUpId: variantIds[0][1] });
    if (steps[0].verdict.kind === "winner") expect(steps[0].verdict.pValue).toBeCloseTo(0.0033, 3);
    expect(steps[1].verdict).toEqual({ kind: "single_variant" });
    expect(steps[1].variants).toEqual([expect.objectContaining({ label: "A", sent: 20, replied: 1 })]);

    // What the campaign page shows: the badge on variant A of step 1 only, and the headline figures.
    const html = renderToStaticMarkup(createElement(CampaignResults, { results: { totals, steps } }));
    expect(html.match(/data-testid="winner-badge"/g)).toHaveLength(1);
    expect(html).toMatch(/A<span[^>]*data-testid="winner-badge"/);
    expect(html).toContain("Variant <strong>A</strong> wins on reply rate (p = 0.003).");
    expect(html).toMatch(/data-testid="stat-replied">15</);
    expect(html).not.toContain("Not enough data yet");
  });

  it("says not enough data while a variant has fewer than 30 sends, and shows unsent variants as zero", async () => {
    const { team, campaign, variantIds, mailbox, leads: rows } = await seedReadyCampaign();
    const db = await getDb();
    const enrolments = await db.insert(campaignEnrolments).values(rows.map((l) => ({ teamId: team.id, campaignId: campaign.id, leadId: l.id }))).returning();
    await db.insert(emails).values(
      enrolments.map((e, i) => ({ teamId: team.id, direction: "outbound" as const, campaignId: campaign.id, enrolmentId: e.id, leadId: e.leadId, stepPosition: 0, variantId: variantIds[0][i % 2], fromAddress: mailbox.email, toAddresses: ["x@example.com"], status: "sent" as const, sentAt: at, repliedAt: i === 0 ? at : null })),
    );
    const { steps, totals } = await getCampaignResults({ teamId: team.id, campaignId: campaign.id });
    expect(totals).toMatchObject({ enrolled: 3, sent: 3, replied: 1 });
    expect(steps[0].variants.map((v) => [v.label, v.sent])).toEqual([["A", 2], ["B", 1]]);
    expect(steps[0].verdict).toMatchObject({ kind: "not_enough_data", reason: "Each variant needs at least 30 sends." });
    if (steps[0].verdict.kind === "not_enough_data") expect(steps[0].verdict.moreSendsPerVariant).toBeGreaterThanOrEqual(29);
    expect(steps[1].variants).toEqual([expect.objectContaining({ label: "A", sent: 0, replyRate: 0 })]);
    const html = renderToStaticMarkup(createElement(CampaignResults, { results: { totals, steps } }));
    expect(html).toContain("Not enough data yet. Each variant needs at least 30 sends. Roughly");
    expect(html).not.toContain("winner-badge");
  });

  it("answers not found for another team's campaign", async () => {
    const { campaign } = await seedReadyCampaign("owner");
    const outsider = await createUserWithTeam("outsider");
    await expect(getCampaignResults({ teamId: outsider.team.id, campaignId: campaign.id })).rejects.toMatchObject({ code: "not_found" });
    const db = await getDb();
    expect(await db.select().from(emails).where(eq(emails.campaignId, campaign.id))).toEqual([]);
  });
});
