// Enrolments that just stopped (reply, bounce, unsubscribe) drop their queued emails at once, in a transaction of
// their own after the stop committed: the emails then say why they will not go, and give their reserved slots and
// the campaign's capacity back now instead of at their slot. The send claim would refuse them anyway; a claim
// already holding one simply wins, and this update then finds it no longer queued.
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { teamScope } from "@/lib/teams/team-scope";

export async function cancelQueuedEmails({ teamId, enrolmentIds, reason }: { teamId: string; enrolmentIds: string[]; reason: string }): Promise<number> {
  if (!enrolmentIds.length) return 0;
  const rows = await teamScope(teamId, (tx) =>
    tx
      .update(emails)
      .set({
        status: "cancelled",
        statusReason: reason,
        scheduledFor: null,
        // "Why it was not sent": the check that stopped it, as the send claim would have recorded it.
        sendRecord: sql`coalesce(${emails.sendRecord}, '{}'::jsonb) || jsonb_build_object('checks', jsonb_build_array(jsonb_build_object('name', 'The enrolment is active', 'passed', false, 'detail', ${reason}::text)), 'checkedAt', ${new Date().toISOString()}::text)`,
      })
      .where(and(eq(emails.teamId, teamId), inArray(emails.enrolmentId, enrolmentIds), eq(emails.status, "queued")))
      .returning({ id: emails.id }),
  );
  return rows.length;
}
