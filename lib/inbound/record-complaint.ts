// A spam complaint (an ARF report, Resend's email.complained): never email the address again, and count it
// against the sending mailbox's complaint rate.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { emailEvents } from "@/db/schema/tracking";
import { checkMailboxHealth } from "@/lib/mailboxes/check-mailbox-health";
import { teamScope } from "@/lib/teams/team-scope";
import { suppressAndStopLead } from "./suppress-and-stop-lead";

export async function recordComplaint({
  teamId,
  outboundEmailId,
  recipient,
  dedupeKey,
  now,
}: {
  teamId: string;
  outboundEmailId: string | null;
  recipient: string | null;
  dedupeKey: string;
  now: Date;
}): Promise<{ suppressed: boolean; leadId: string | null }> {
  const facts = await teamScope(teamId, async (tx) => {
    const [outbound] = outboundEmailId
      ? await tx
          .update(emails)
          .set({ complainedAt: sql`coalesce(${emails.complainedAt}, ${now.toISOString()}::timestamptz)` })
          .where(and(eq(emails.teamId, teamId), eq(emails.id, outboundEmailId), eq(emails.direction, "outbound")))
          .returning({ id: emails.id, to: emails.toAddresses, leadId: emails.leadId, campaignId: emails.campaignId, enrolmentId: emails.enrolmentId, mailboxId: emails.mailboxId })
      : [];
    const address = (recipient ?? outbound?.to[0] ?? "").trim().toLowerCase() || null;
    await tx
      .insert(emailEvents)
      .values({ teamId, emailId: outbound?.id ?? null, leadId: outbound?.leadId ?? null, campaignId: outbound?.campaignId ?? null, enrolmentId: outbound?.enrolmentId ?? null, type: "complaint", metadata: { recipient: address }, dedupeKey, occurredAt: now })
      .onConflictDoNothing({ target: [emailEvents.teamId, emailEvents.dedupeKey] });
    return { address, mailboxId: outbound?.mailboxId ?? null };
  });
  if (!facts.address) return { suppressed: false, leadId: null };
  const { leadId } = await suppressAndStopLead({ teamId, address: facts.address, reason: "complaint", sourceEmailId: outboundEmailId, now });
  if (facts.mailboxId) await checkMailboxHealth({ teamId, mailboxId: facts.mailboxId, now });
  return { suppressed: true, leadId };
}
