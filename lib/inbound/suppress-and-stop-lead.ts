// An address must never be emailed again (hard bounce, complaint, "remove me"): suppress it for the team, mark
// its lead, stop every live enrolment, then cancel the lead's sequence runs.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { leads } from "@/db/schema/leads";
import { suppressions } from "@/db/schema/suppressions";
import { sendEvent } from "@/inngest/events";
import { cancelQueuedEmails } from "@/lib/campaigns/cancel-queued-emails";
import { teamScope } from "@/lib/teams/team-scope";

const BY_REASON = {
  hard_bounce: { lead: { status: "bounced", at: "bouncedAt" }, enrolment: "bounced", stopReason: "The address hard-bounced.", event: "bounced" },
  complaint: { lead: { status: "unsubscribed", at: "unsubscribedAt" }, enrolment: "unsubscribed", stopReason: "The lead reported our email as spam.", event: "suppressed" },
  unsubscribed: { lead: { status: "unsubscribed", at: "unsubscribedAt" }, enrolment: "unsubscribed", stopReason: "The lead asked to be removed.", event: "unsubscribed" },
} as const;

export async function suppressAndStopLead({
  teamId,
  address,
  reason,
  sourceEmailId,
  now,
}: {
  teamId: string;
  address: string;
  reason: keyof typeof BY_REASON;
  sourceEmailId: string | null;
  now: Date;
}): Promise<{ leadId: string | null; stoppedEnrolments: number }> {
  const rule = BY_REASON[reason];
  const value = address.trim().toLowerCase();
  const result = await teamScope(teamId, async (tx) => {
    await tx
      .insert(suppressions)
      .values({ teamId, kind: "address", value, reason, sourceEmailId, createdAt: now })
      .onConflictDoNothing({ target: [suppressions.teamId, suppressions.kind, suppressions.value] });
    // Lead before enrolments: the lock order every writer keeps.
    const [lead] = await tx.select({ id: leads.id }).from(leads).where(and(eq(leads.teamId, teamId), eq(leads.email, value))).for("no key update");
    if (!lead) return { leadId: null, stopped: [] as string[] };
    await tx
      .update(leads)
      .set({ status: rule.lead.status, [rule.lead.at]: now })
      .where(and(eq(leads.teamId, teamId), eq(leads.id, lead.id)));
    const stopped = await tx
      .update(campaignEnrolments)
      .set({ status: rule.enrolment, stopReason: rule.stopReason, nextStepAt: null, lastEventAt: now })
      .where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.leadId, lead.id), inArray(campaignEnrolments.status, ["active", "paused"])))
      .returning({ id: campaignEnrolments.id });
    return { leadId: lead.id, stopped: stopped.map((e) => e.id) };
  });
  await cancelQueuedEmails({ teamId, enrolmentIds: result.stopped, reason: rule.stopReason });
  if (result.leadId) {
    // Best effort: the send claim re-checks the lead and the suppression list whatever happens here.
    await sendEvent("lead/stopped", { teamId, leadId: result.leadId, reason: rule.event }, { id: `lead-stopped-${result.leadId}-${rule.event}` }).catch((error) =>
      console.error("[inbound] could not cancel the lead's sequence runs; the send check still stops them", error),
    );
  }
  return { leadId: result.leadId, stoppedEnrolments: result.stopped.length };
}
