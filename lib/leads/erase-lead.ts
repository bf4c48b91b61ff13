// GDPR erasure: the lead's personal data goes, a hash of the address stays so nothing can email it again.
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { suppressions } from "@/db/schema/suppressions";
import { emailEvents } from "@/db/schema/tracking";
import { sendEvent } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashSuppressedAddress } from "@/lib/sending/is-suppressed";
import { teamScope } from "@/lib/teams/team-scope";
import { findTeamLead } from "./get-lead";

export const ERASED_ADDRESS = "erased@erased.invalid";

/** One transaction: suppress (hashed), scrub emails and tracking, delete the lead (research and enrolments cascade). */
export async function eraseLead({ teamId, leadId, actorUserId }: { teamId: string; leadId: string; actorUserId: string | null }) {
  const result = await teamScope(teamId, async (tx) => {
    const lead = await findTeamLead(tx, { teamId, leadId, forUpdate: true });
    await tx
      .insert(suppressions)
      .values({ teamId, kind: "address_hash", value: hashSuppressedAddress(lead.email), reason: "manual", createdByUserId: actorUserId })
      .onConflictDoNothing();
    const scrubbed = await tx
      .update(emails)
      .set({
        toAddresses: [ERASED_ADDRESS],
        ccAddresses: [],
        bccAddresses: [],
        subject: "",
        bodyHtml: null,
        bodyText: null,
        // A reply from the lead carries their address as the sender; our own mailbox's address stays.
        fromAddress: sql`case when ${emails.direction} = 'inbound' then ${ERASED_ADDRESS} else ${emails.fromAddress} end`,
        fromName: sql`case when ${emails.direction} = 'inbound' then null else ${emails.fromName} end`,
      })
      .where(and(eq(emails.teamId, teamId), eq(emails.leadId, leadId)))
      .returning({ id: emails.id });
    const emailIds = scrubbed.map((e) => e.id);
    // Events of the lead, and of its emails (an open may not carry the lead id).
    // Metadata goes too (a bounce's DSN names the recipient); type and time stay for the analytics totals.
    const scrub = { ip: null, userAgent: null, metadata: {} };
    await tx.update(emailEvents).set(scrub).where(and(eq(emailEvents.teamId, teamId), eq(emailEvents.leadId, leadId)));
    if (emailIds.length) await tx.update(emailEvents).set(scrub).where(and(eq(emailEvents.teamId, teamId), inArray(emailEvents.emailId, emailIds)));
    await tx.delete(leads).where(and(eq(leads.teamId, teamId), eq(leads.id, leadId)));
    // The address is not recorded: the audit says that a lead was erased, not who it was.
    await recordAudit(tx, { teamId, actorUserId, action: "lead.erased", targetType: "lead", targetId: leadId, metadata: { scrubbedEmails: emailIds.length } });
    return { scrubbedEmails: emailIds.length };
  });
  // After commit: cancel any sequence run still holding the lead. The erasure stands even if this fails: its
  // enrolments are gone, and the send step re-checks the lead (and the suppression) before every send.
  try {
    await sendEvent("lead/stopped", { teamId, leadId, reason: "erased" }, { id: `lead-erased-${leadId}` });
  } catch (error) {
    console.error("lead/stopped not sent after erasure", { teamId, leadId, error });
  }
  return result;
}
