// A lead replied (the inbound sync found it, or a rep marked it): stop every enrolment of the lead at once, and
// where a campaign stops on the whole company domain, every enrolment at that domain too. The waiting runs get
// `email/replied`; a run sleeping until a slot is stopped by the send claim's re-check.
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { campaignEnrolments, campaigns } from "@/db/schema/campaigns";
import { leads } from "@/db/schema/leads";
import { sendEvents } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { cancelQueuedEmails } from "./cancel-queued-emails";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";

export async function markLeadReplied({
  teamId,
  leadId,
  actorUserId,
  emailId = null,
  now = engineNow(),
}: {
  teamId: string;
  leadId: string;
  actorUserId: string | null;
  emailId?: string | null;
  now?: Date;
}): Promise<{ stoppedEnrolments: number }> {
  const stopped = await teamScope(teamId, async (tx) => {
    const [lead] = await tx.select().from(leads).where(and(eq(leads.teamId, teamId), eq(leads.id, leadId))).for("no key update");
    if (!lead) throw notFound("That lead");
    const keepStatus = lead.status === "interested" || lead.status === "not_interested" || lead.status === "unsubscribed" || lead.status === "bounced";
    await tx.update(leads).set({ repliedAt: now, ...(keepStatus ? {} : { status: "replied" as const }) }).where(and(eq(leads.teamId, teamId), eq(leads.id, leadId)));

    const own = await tx
      .update(campaignEnrolments)
      .set({ status: "replied", stopReason: "The lead replied.", nextStepAt: null, lastEventAt: now })
      .where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.leadId, leadId), inArray(campaignEnrolments.status, ["active", "paused"])))
      .returning({ id: campaignEnrolments.id, campaignId: campaignEnrolments.campaignId });

    // The reply belongs to the last email each enrolment sent (per-step and per-variant reply rates count it there).
    for (const e of own) {
      await tx.execute(sql`update emails set replied_at = ${now.toISOString()}::timestamptz
        where id = (select id from emails where team_id = ${teamId}::uuid and enrolment_id = ${e.id}::uuid and direction = 'outbound' and status = 'sent'
                    order by step_position desc nulls last limit 1) and replied_at is null`);
    }

    // Campaigns that stop on the domain: everyone else at the lead's domain in them stops as well.
    const domainCampaigns = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .innerJoin(campaignEnrolments, and(eq(campaignEnrolments.campaignId, campaigns.id), eq(campaignEnrolments.leadId, leadId)))
      .where(and(eq(campaigns.teamId, teamId), eq(campaigns.stopScope, "domain")));
    let colleagues: string[] = [];
    if (domainCampaigns.length) {
      const rows = await tx
        .update(campaignEnrolments)
        .set({ status: "stopped", stopReason: `Someone at ${lead.emailDomain} replied.`, nextStepAt: null, lastEventAt: now })
        .where(
          and(
            eq(campaignEnrolments.teamId, teamId),
            inArray(campaignEnrolments.campaignId, domainCampaigns.map((c) => c.id)),
            ne(campaignEnrolments.leadId, leadId),
            inArray(campaignEnrolments.status, ["active", "paused"]),
            sql`${campaignEnrolments.leadId} in (select id from leads where team_id = ${teamId}::uuid and email_domain = ${lead.emailDomain})`,
          ),
        )
        .returning({ id: campaignEnrolments.id });
      colleagues = rows.map((r) => r.id);
    }
    await recordAudit(tx, { teamId, actorUserId, action: "lead.replied", targetType: "lead", targetId: leadId, metadata: { enrolments: own.length, colleagues: colleagues.length } });
    return { own, colleagues };
  });
  await cancelQueuedEmails({ teamId, enrolmentIds: [...stopped.own.map((e) => e.id), ...stopped.colleagues], reason: "The lead replied." });
  // After commit: wake the runs waiting for a reply (the database already says stop, whatever happens here).
  const events = stopped.own.length
    ? stopped.own.map((e) => ({ id: `replied-${e.id}`, data: { teamId, leadId, enrolmentId: e.id, campaignId: e.campaignId, emailId } }))
    : [{ id: `replied-lead-${leadId}-${now.getTime()}`, data: { teamId, leadId, enrolmentId: null, campaignId: null, emailId } }];
  await sendEvents("email/replied", events);
  return { stoppedEnrolments: stopped.own.length + stopped.colleagues.length };
}
