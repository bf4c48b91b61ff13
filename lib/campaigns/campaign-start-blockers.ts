// What must be fixed before a campaign may start. The review screen shows the same list (plus counts and warnings).
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { queryRows } from "@/db/query-rows";
import { campaignMailboxes, type Campaign } from "@/db/schema/campaigns";
import { mailboxes } from "@/db/schema/mailboxes";
import { sequenceStepVariants, sequenceSteps } from "@/db/schema/sequences";
import { teams } from "@/db/schema/teams";
import { eligibleLeadConditions } from "./eligible-leads";

export async function campaignStartBlockers(tx: Tx, { teamId, campaign }: { teamId: string; campaign: Campaign }): Promise<string[]> {
  const blockers: string[] = [];
  if (!campaign.sequenceId) blockers.push("Choose a sequence.");
  else {
    const steps = await tx
      .select({ position: sequenceSteps.position, live: sql<number>`count(${sequenceStepVariants.id}) filter (where ${sequenceStepVariants.weight} > 0)::int` })
      .from(sequenceSteps)
      .leftJoin(sequenceStepVariants, and(eq(sequenceStepVariants.stepId, sequenceSteps.id), eq(sequenceStepVariants.teamId, teamId)))
      .where(and(eq(sequenceSteps.teamId, teamId), eq(sequenceSteps.sequenceId, campaign.sequenceId)))
      .groupBy(sequenceSteps.position);
    if (steps.length === 0) blockers.push("The sequence has no steps.");
    for (const s of steps.filter((s) => Number(s.live) === 0)) blockers.push(`Step ${s.position + 1} of the sequence has no variant with a weight above 0.`);
  }
  const chosen = await tx
    .select({ email: mailboxes.email, status: mailboxes.status, statusReason: mailboxes.statusReason })
    .from(campaignMailboxes)
    .innerJoin(mailboxes, and(eq(mailboxes.id, campaignMailboxes.mailboxId), eq(mailboxes.teamId, teamId)))
    .where(and(eq(campaignMailboxes.teamId, teamId), eq(campaignMailboxes.campaignId, campaign.id)));
  if (chosen.length === 0) blockers.push("Choose at least one mailbox to send from.");
  for (const m of chosen.filter((m) => m.status !== "active")) blockers.push(`The mailbox ${m.email} is ${m.status}${m.statusReason ? ` (${m.statusReason})` : ""}.`);
  const [team] = await tx.select({ postalAddress: teams.postalAddress }).from(teams).where(eq(teams.id, teamId));
  if (!team?.postalAddress?.trim()) blockers.push("Add your postal address in Settings: every campaign email must include it.");
  if (campaign.timezoneMode === "fixed" && !campaign.timezone) blockers.push("Choose the time zone the schedule is read in.");
  if (campaign.scheduleDays.length === 0 || campaign.scheduleEndMinute <= campaign.scheduleStartMinute) blockers.push("Pick at least one sending day and an end time after the start time.");
  const [{ eligible }] = await queryRows<{ eligible: number }>(tx, sql`select exists (select 1 from leads where ${eligibleLeadConditions(teamId, campaign.leadSelection)}) as eligible`);
  if (!eligible) blockers.push("No lead in the selection can be emailed (none selected, or all unsubscribed, bounced or suppressed).");
  return blockers;
}
