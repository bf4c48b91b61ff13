// The scheduler (a cron every minute, and at once after a start or resume): hand enrolments whose first step
// is coming due to their sequence run, one event each. Per campaign it keeps at most about one day of mailbox
// capacity reserved, so 100k enrolments do not pile 100k slot reservations onto three mailboxes.
// A system job across teams: it reads only ids and counts; each run then works inside its own team scope.
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { queryRows } from "@/db/query-rows";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { sendEvents } from "@/inngest/events";

const HORIZON_MS = 5 * 60_000;

type Due = { id: string; team_id: string; campaign_id: string; lead_id: string; run_generation: number };

export async function wakeDueEnrolments({ now = engineNow(), campaignId, maxPerCampaign = 5_000 }: { now?: Date; campaignId?: string; maxPerCampaign?: number } = {}): Promise<{ woken: number }> {
  const db = await getDb();
  const budgets = await queryRows<{ id: string; team_id: string; budget: number }>(
    db,
    sql`select c.id, c.team_id,
          greatest(0, least(${maxPerCampaign},
            coalesce((select sum(m.daily_cap) from campaign_mailboxes cm join mailboxes m on m.id = cm.mailbox_id and m.status = 'active' where cm.campaign_id = c.id), 0)
            - (select count(*) from emails e where e.campaign_id = c.id and e.status in ('queued', 'sending'))))::int as budget
        from campaigns c
        where c.status = 'running' ${campaignId ? sql`and c.id = ${campaignId}::uuid` : sql``}`,
  );
  let woken = 0;
  for (const campaign of budgets.filter((b) => b.budget > 0)) {
    // Claim first (committed), send after: an event send must never wait inside an open transaction.
    const due = await db.transaction(async (tx) => {
      const rows = await queryRows<Due>(
        tx,
        sql`select id, team_id, campaign_id, lead_id, run_generation from campaign_enrolments
            where campaign_id = ${campaign.id}::uuid and team_id = ${campaign.team_id}::uuid and status = 'active' and run_started_at is null
              and next_step_at <= ${new Date(now.getTime() + HORIZON_MS).toISOString()}::timestamptz
            order by next_step_at limit ${campaign.budget} for update skip locked`,
      );
      if (rows.length) {
        await tx
          .update(campaignEnrolments)
          .set({ runStartedAt: now })
          .where(and(eq(campaignEnrolments.campaignId, campaign.id), inArray(campaignEnrolments.id, rows.map((e) => e.id))));
      }
      return rows;
    });
    try {
      // Event ids make re-sending harmless: a resume bumps run_generation, so only then does a new run start.
      for (let i = 0; i < due.length; i += 500) {
        const chunk = due.slice(i, i + 500);
        await sendEvents(
          "campaign/enrolment.started",
          chunk.map((e) => ({ id: `enrolment-${e.id}-${e.run_generation}`, data: { teamId: e.team_id, campaignId: e.campaign_id, enrolmentId: e.id, leadId: e.lead_id } })),
        );
      }
    } catch (error) {
      // Hand them back so the next tick tries again.
      await db.update(campaignEnrolments).set({ runStartedAt: null }).where(and(eq(campaignEnrolments.campaignId, campaign.id), inArray(campaignEnrolments.id, due.map((e) => e.id))));
      throw error;
    }
    woken += due.length;
  }
  return { woken };
}
