// RFC 8058 one-click unsubscribe: suppress the recipient for the whole team, mark the lead, stop every live
// enrolment and record one event. Idempotent: repeating it changes nothing and adds no second event.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { suppressions } from "@/db/schema/suppressions";
import { emailEvents } from "@/db/schema/tracking";
import { sendEvent } from "@/inngest/events";
import { teamScope } from "@/lib/teams/team-scope";
import type { RequestMeta } from "./request-meta";

export type UnsubscribeOutcome = { address: string; alreadyUnsubscribed: boolean; stoppedEnrolments: number };

/** The outbound email behind a token and the lead it went to (by id, or by address if the lead was re-created). */
export async function findUnsubscribeRecipient(tx: Tx, { teamId, emailId }: { teamId: string; emailId: string }) {
  const [email] = await tx
    .select({ leadId: emails.leadId, to: emails.toAddresses, campaignId: emails.campaignId, enrolmentId: emails.enrolmentId })
    .from(emails)
    .where(and(eq(emails.id, emailId), eq(emails.teamId, teamId), eq(emails.direction, "outbound")))
    .limit(1);
  if (!email) return null;
  const leadColumns = { id: leads.id, email: leads.email, unsubscribedAt: leads.unsubscribedAt };
  const fallbackAddress = email.to[0]?.trim().toLowerCase();
  const [lead] = email.leadId
    ? await tx.select(leadColumns).from(leads).where(and(eq(leads.id, email.leadId), eq(leads.teamId, teamId))).limit(1)
    : fallbackAddress
      ? await tx.select(leadColumns).from(leads).where(and(eq(leads.email, fallbackAddress), eq(leads.teamId, teamId))).limit(1)
      : [];
  const address = lead?.email ?? fallbackAddress;
  if (!address) return null;
  return { address, lead: lead ?? null, campaignId: email.campaignId, enrolmentId: email.enrolmentId };
}

export async function unsubscribeFromEmail({
  teamId,
  emailId,
  meta,
  now = new Date(),
}: {
  teamId: string;
  emailId: string;
  meta: RequestMeta;
  now?: Date;
}): Promise<UnsubscribeOutcome | null> {
  let stoppedLeadId: string | null = null;
  const outcome = await teamScope(teamId, async (tx) => {
    const recipient = await findUnsubscribeRecipient(tx, { teamId, emailId });
    if (!recipient) return null;
    const { address, lead } = recipient;
    const wasUnsubscribed = lead ? lead.unsubscribedAt !== null : true;
    const inserted = await tx
      .insert(suppressions)
      .values({ teamId, kind: "address", value: address, reason: "unsubscribed", sourceEmailId: emailId, createdAt: now })
      .onConflictDoNothing({ target: [suppressions.teamId, suppressions.kind, suppressions.value] })
      .returning({ id: suppressions.id });
    let stopped: { id: string; campaignId: string }[] = [];
    if (lead) {
      await tx
        .update(leads)
        .set({ status: "unsubscribed", unsubscribedAt: lead.unsubscribedAt ?? now })
        .where(and(eq(leads.id, lead.id), eq(leads.teamId, teamId)));
      stopped = await tx
        .update(campaignEnrolments)
        .set({ status: "unsubscribed", stopReason: "The lead unsubscribed.", nextStepAt: null, lastEventAt: now })
        .where(
          and(
            eq(campaignEnrolments.leadId, lead.id),
            eq(campaignEnrolments.teamId, teamId),
            inArray(campaignEnrolments.status, ["active", "paused"]),
          ),
        )
        .returning({ id: campaignEnrolments.id, campaignId: campaignEnrolments.campaignId });
    }
    // One unsubscribe event per email, however often the link is used (the dedupe key is unique per team).
    await tx
      .insert(emailEvents)
      .values({
        teamId,
        emailId,
        leadId: lead?.id ?? null,
        campaignId: recipient.campaignId,
        enrolmentId: recipient.enrolmentId,
        type: "unsubscribe",
        ip: meta.ip,
        userAgent: meta.userAgent,
        metadata: { address, stoppedEnrolmentIds: stopped.map((s) => s.id) },
        dedupeKey: `unsubscribe:${emailId}`,
        occurredAt: now,
      })
      .onConflictDoNothing({ target: [emailEvents.teamId, emailEvents.dedupeKey] });
    if (stopped.length) stoppedLeadId = lead!.id;
    return {
      address,
      alreadyUnsubscribed: inserted.length === 0 && wasUnsubscribed,
      stoppedEnrolments: stopped.length,
    };
  });
  // After commit, cancel the lead's sequence runs. Best effort: the database already stops them at the send check.
  if (stoppedLeadId) {
    await sendEvent("lead/stopped", { teamId, leadId: stoppedLeadId, reason: "unsubscribed" }, { id: `lead-stopped-${stoppedLeadId}-unsubscribed` }).catch((error) =>
      console.error("[unsubscribe] could not cancel the lead's sequence runs; the send check still stops them", error),
    );
  }
  return outcome;
}
