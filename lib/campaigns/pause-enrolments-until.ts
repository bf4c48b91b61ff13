// Out of office: the lead's live enrolments keep their position and wait, paused, until the day after they are
// back; the scheduler's tick resumes them (resumeReturnedEnrolments). Their runs are cancelled (lead/stopped).
import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { sendEvent } from "@/inngest/events";
import { engineNow } from "@/lib/jobs/clock";
import { teamScope } from "@/lib/teams/team-scope";

export async function pauseEnrolmentsUntil({ teamId, leadId, until, reason }: { teamId: string; leadId: string; until: Date; reason: string }): Promise<{ paused: number }> {
  const paused = await teamScope(teamId, async (tx) => {
    const live = await tx
      .select({ id: campaignEnrolments.id })
      .from(campaignEnrolments)
      .where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.leadId, leadId), eq(campaignEnrolments.status, "active")));
    if (!live.length) return 0;
    const ids = live.map((e) => e.id);
    // Emails before enrolments (the send claim's lock order): reserved slots go back to the mailbox meanwhile.
    await tx.update(emails).set({ scheduledFor: null }).where(and(eq(emails.teamId, teamId), inArray(emails.enrolmentId, ids), eq(emails.status, "queued")));
    const rows = await tx
      .update(campaignEnrolments)
      .set({ status: "paused", pausedUntil: until, runStartedAt: null, stopReason: reason })
      .where(and(eq(campaignEnrolments.teamId, teamId), inArray(campaignEnrolments.id, ids), eq(campaignEnrolments.status, "active")))
      .returning({ id: campaignEnrolments.id });
    return rows.length;
  });
  if (paused) {
    await sendEvent("lead/stopped", { teamId, leadId, reason: "out_of_office" }, { id: `lead-ooo-${leadId}-${until.getTime()}` }).catch((error) =>
      console.error("[inbound] could not cancel the paused runs; the send claim refuses a paused enrolment", error),
    );
  }
  return { paused };
}

/**
 * System tick: enrolments paused until a date that has come are active again at the step they had reached, with a
 * new run generation, and not due before now. Only in running campaigns (a paused campaign resumes them itself).
 */
export async function resumeReturnedEnrolments({ now = engineNow() }: { now?: Date } = {}): Promise<{ resumed: number }> {
  const db = await getDb();
  const rows = await db
    .update(campaignEnrolments)
    .set({
      status: "active",
      pausedUntil: null,
      stopReason: null,
      runStartedAt: null,
      runGeneration: sql`${campaignEnrolments.runGeneration} + 1`,
      nextStepAt: sql`greatest(${campaignEnrolments.nextStepAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(
      and(
        eq(campaignEnrolments.status, "paused"),
        lt(campaignEnrolments.pausedUntil, now),
        sql`${campaignEnrolments.campaignId} in (select id from campaigns where status = 'running')`,
      ),
    )
    .returning({ id: campaignEnrolments.id });
  return { resumed: rows.length };
}
