// Running campaigns whose every lead is enrolled and no enrolment is active or paused any more are completed.
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { queryRows } from "@/db/query-rows";

export async function completeFinishedCampaigns({ now = engineNow(), campaignId }: { now?: Date; campaignId?: string } = {}): Promise<{ completed: number }> {
  const db = await getDb();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update campaigns c set status = 'completed', completed_at = ${now.toISOString()}::timestamptz, updated_at = now()
        where c.status = 'running' ${campaignId ? sql`and c.id = ${campaignId}::uuid` : sql``}
          and c.enrolment_target is not null and c.enrolled_count >= c.enrolment_target
          and not exists (select 1 from campaign_enrolments e where e.campaign_id = c.id and e.status in ('active', 'paused'))
        returning c.id`,
  );
  return { completed: rows.length };
}
