// One batch of a campaign's fan-out: the next `batchSize` eligible leads (by id, after the cursor) become
// enrolments in a single INSERT … SELECT, each with its first step's due time (staggered by the daily new-lead
// limit) and a mailbox from the weighted rotation. Re-running a batch inserts nothing twice (unique campaign+lead).
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { and, eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/query-rows";
import { campaignMailboxes, campaigns } from "@/db/schema/campaigns";
import { mailboxes } from "@/db/schema/mailboxes";
import { sequenceSteps } from "@/db/schema/sequences";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { eligibleLeadConditions } from "./eligible-leads";

export const FIRST_LEAD_CURSOR = "00000000-0000-0000-0000-000000000000";

export async function enrolCampaignBatch({
  teamId,
  campaignId,
  afterLeadId,
  batchSize = 5_000,
  now = engineNow(),
}: {
  teamId: string;
  campaignId: string;
  afterLeadId: string;
  batchSize?: number;
  now?: Date;
}): Promise<{ lastLeadId: string | null; seen: number; inserted: number }> {
  return teamScope(teamId, async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId))).for("no key update");
    if (!campaign) throw notFound("That campaign");
    if (campaign.status !== "running" || !campaign.sequenceId) return { lastLeadId: null, seen: 0, inserted: 0 };
    const [firstStep] = await tx
      .select({ delayMinutes: sequenceSteps.delayMinutes })
      .from(sequenceSteps)
      .where(and(eq(sequenceSteps.teamId, teamId), eq(sequenceSteps.sequenceId, campaign.sequenceId), eq(sequenceSteps.position, 0)));
    const rotation = await tx
      .select({ id: mailboxes.id, weight: campaignMailboxes.weight })
      .from(campaignMailboxes)
      .innerJoin(mailboxes, and(eq(mailboxes.id, campaignMailboxes.mailboxId), eq(mailboxes.teamId, teamId)))
      .where(and(eq(campaignMailboxes.teamId, teamId), eq(campaignMailboxes.campaignId, campaignId), eq(mailboxes.status, "active")))
      .orderBy(mailboxes.email);
    // Each mailbox appears `weight` times, so lead k takes slot k mod n: a weighted round robin.
    const wheel = rotation.flatMap((m) => Array.from({ length: Math.min(m.weight, 100) }, () => m.id));
    const startAt = new Date(Math.max(now.getTime(), (campaign.scheduledStartAt ?? now).getTime()) + (firstStep?.delayMinutes ?? 0) * 60_000);
    const perDay = campaign.dailyNewLeadLimit ?? 0;
    const offset = campaign.enrolledCount;
    const mailboxExpr = wheel.length
      ? sql`(${sql.raw(`array[${wheel.map((id) => `'${id}'::uuid`).join(",")}]`)})[1 + ((${offset} + b.rn - 1) % ${wheel.length})]`
      : sql`null::uuid`;
    const dayExpr = perDay > 0 ? sql`floor((${offset} + b.rn - 1) / ${perDay}::numeric) * interval '1 day'` : sql`interval '0'`;

    const [row] = await queryRows<{ last_id: string | null; seen: number; inserted: number }>(tx, sql`
      with batch as (
        select leads.id, row_number() over (order by leads.id) as rn
        from leads
        where ${eligibleLeadConditions(teamId, campaign.leadSelection)} and leads.id > ${afterLeadId}::uuid
        order by leads.id
        limit ${batchSize}
      ),
      ins as (
        insert into campaign_enrolments (team_id, campaign_id, lead_id, next_step_at, assigned_mailbox_id)
        select ${teamId}::uuid, ${campaignId}::uuid, b.id, ${startAt.toISOString()}::timestamptz + ${dayExpr}, ${mailboxExpr}
        from batch b
        on conflict (campaign_id, lead_id) do nothing
        returning 1
      )
      select (select id from batch order by id desc limit 1) as last_id, (select count(*) from batch)::int as seen, (select count(*) from ins)::int as inserted`);
    if (row.inserted > 0) {
      await tx.update(campaigns).set({ enrolledCount: sql`${campaigns.enrolledCount} + ${row.inserted}` }).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId)));
    }
    return { lastLeadId: row.last_id, seen: Number(row.seen), inserted: Number(row.inserted) };
  });
}
