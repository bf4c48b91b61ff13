// The pre-flight check before a campaign starts: lead counts, blockers that must be fixed, and warnings.
// Reads only; startCampaign calls it and refuses while any blocker remains.
import "server-only";
import { inOrder } from "@/db/in-order";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaignMailboxes, campaigns } from "@/db/schema/campaigns";
import { mailboxes } from "@/db/schema/mailboxes";
import { sequences, sequenceSteps, sequenceStepVariants } from "@/db/schema/sequences";
import { teams } from "@/db/schema/teams";
import { notFound } from "@/lib/errors";
import { capForInstant } from "@/lib/mailboxes/next-send-slot";
import { teamScope } from "@/lib/teams/team-scope";
import { countCampaignLeads, type CampaignLeadCounts } from "./count-campaign-leads";

/** Where a blocker gets fixed, relative to the team's root ("/settings" → /<team>/settings). */
export type ReviewFix = { label: string; path: string };
export type CampaignReview = {
  counts: Omit<CampaignLeadCounts, "eligibleWithoutTimezone">;
  blockers: string[];
  /** One entry per blocker, same order: the page to fix it on, when there is one. */
  fixes: (ReviewFix | null)[];
  warnings: string[];
};

const STATUS_WORD = { active: "active", paused: "paused", disconnected: "disconnected", error: "failing" } as const;

/**
 * Pass `tx` when already inside the team's transaction (startCampaign holding the campaign's row lock): PGlite has a
 * single connection, so opening a second transaction from inside one would wait forever.
 */
export async function reviewCampaign({ teamId, campaignId, now = new Date(), tx }: { teamId: string; campaignId: string; now?: Date; tx?: Tx }): Promise<CampaignReview> {
  return tx ? reviewWithin(tx, teamId, campaignId, now) : teamScope(teamId, (t) => reviewWithin(t, teamId, campaignId, now));
}

async function reviewWithin(tx: Tx, teamId: string, campaignId: string, now: Date): Promise<CampaignReview> {
  const [row] = await tx
    .select({ campaign: campaigns, postalAddress: teams.postalAddress, trackingDomain: teams.trackingDomain, sequenceStatus: sequences.status, sequenceName: sequences.name })
    .from(campaigns)
    .innerJoin(teams, eq(teams.id, campaigns.teamId))
    .leftJoin(sequences, eq(sequences.id, campaigns.sequenceId))
    .where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId)))
    .limit(1);
  if (!row) throw notFound("That campaign");
  const c = row.campaign;
  const [steps, rotation, leadCounts] = await inOrder([
    () => c.sequenceId
      ? tx
          .select({ position: sequenceSteps.position, liveVariants: sql<number>`(count(${sequenceStepVariants.id}) filter (where ${sequenceStepVariants.weight} > 0))::int` })
          .from(sequenceSteps)
          .leftJoin(sequenceStepVariants, eq(sequenceStepVariants.stepId, sequenceSteps.id))
          .where(and(eq(sequenceSteps.teamId, teamId), eq(sequenceSteps.sequenceId, c.sequenceId)))
          .groupBy(sequenceSteps.id, sequenceSteps.position)
          .orderBy(asc(sequenceSteps.position))
      : Promise.resolve([]),
    () => tx
      .select({ weight: campaignMailboxes.weight, mailbox: mailboxes })
      .from(campaignMailboxes)
      .innerJoin(mailboxes, eq(mailboxes.id, campaignMailboxes.mailboxId))
      .where(and(eq(campaignMailboxes.teamId, teamId), eq(campaignMailboxes.campaignId, campaignId)))
      .orderBy(asc(mailboxes.email)),
    () => countCampaignLeads(tx, { teamId, campaignId, selection: c.leadSelection })
  ]);

  const blockers: string[] = [];
  const fixes: (ReviewFix | null)[] = [];
  const block = (message: string, fix: ReviewFix | null = null) => {
    blockers.push(message);
    fixes.push(fix);
  };
  const edit: ReviewFix = { label: "Edit campaign", path: `/campaigns/${campaignId}/edit` };
  const warnings: string[] = [];

  if (!c.sequenceId) block("No sequence is chosen.", edit);
  else if (row.sequenceStatus === "archived") block(`The sequence "${row.sequenceName}" is archived.`, edit);
  else if (steps.length === 0) block(`The sequence "${row.sequenceName}" has no steps yet.`, { label: "Open sequence", path: `/sequences/${c.sequenceId}` });
  else {
    for (const step of steps.filter((s) => s.liveVariants === 0)) {
      block(`Step ${step.position + 1} of "${row.sequenceName}" has no variant with a weight above 0, so it has nothing to send.`, { label: "Open sequence", path: `/sequences/${c.sequenceId}` });
    }
  }

  if (rotation.length === 0) block("No mailbox is chosen to send from.", edit);
  for (const { mailbox } of rotation.filter((r) => r.mailbox.status !== "active")) {
    const reason = mailbox.statusReason ? ` (${mailbox.statusReason})` : "";
    block(`Mailbox ${mailbox.email} is ${STATUS_WORD[mailbox.status]}${reason}.`, { label: "Open mailbox", path: `/mailboxes/${mailbox.id}` });
  }
  if (rotation.length > 0 && rotation.every((r) => r.weight === 0)) block("Every chosen mailbox has weight 0, so none would take new leads.", edit);

  if (!row.postalAddress?.trim()) block("The team has no postal address. Every campaign email must include one.", { label: "Add it in Settings", path: "/settings" });

  if (leadCounts.eligible === 0) {
    block(leadCounts.selected === 0 ? "The lead selection matches no leads." : "None of the selected leads can be emailed (unsubscribed, bounced, suppressed or already enrolled).", { label: "Change the selection", path: edit.path });
  }
  if (c.timezoneMode === "fixed" && !c.timezone) block("A fixed-time-zone schedule needs a time zone.", edit);
  if (c.scheduleDays.length === 0) block("The schedule has no sending days.", edit);
  if (c.scheduleEndMinute <= c.scheduleStartMinute) block("The schedule's sending hours are empty (until is not after from).", edit);

  if ((c.trackOpens || c.trackClicks) && !row.trackingDomain) {
    warnings.push("Tracking is on but uses this app's own domain. A custom tracking domain (Settings) is kinder to deliverability.");
  }
  const activeCaps = rotation.filter((r) => r.mailbox.status === "active" && r.weight > 0).reduce((sum, r) => sum + capForInstant(r.mailbox, now), 0);
  if (c.dailyLimit !== null && activeCaps > 0 && c.dailyLimit < activeCaps) {
    warnings.push(`The daily send limit (${c.dailyLimit}) is lower than the mailboxes' combined caps today (${activeCaps}); the campaign sends at most ${c.dailyLimit} a day.`);
  }
  for (const r of rotation.filter((r) => r.weight === 0 && r.mailbox.status === "active")) warnings.push(`Mailbox ${r.mailbox.email} has weight 0 and takes no new leads.`);
  if (c.timezoneMode === "recipient" && leadCounts.eligibleWithoutTimezone > 0) {
    const n = leadCounts.eligibleWithoutTimezone;
    warnings.push(`${n} eligible lead${n === 1 ? " has" : "s have"} no time zone; ${n === 1 ? "it follows" : "they follow"} ${c.timezone ? c.timezone : "the sending mailbox's time zone"}.`);
  }
  if (c.scheduledStartAt && c.scheduledStartAt <= now) warnings.push("The start date has passed; sending begins as soon as you start the campaign.");

  const { eligibleWithoutTimezone: _, ...counts } = leadCounts;
  return { counts, blockers, fixes, warnings };
}
