// What a bounce means, wherever it came from (a DSN in the inbox, Resend's webhook):
// hard → the address is suppressed and every enrolment of its lead stops; soft → the mail system retries and the
// sequence goes on and the bounced email is tried once more a day later, but the third soft bounce in 30 days
// counts as hard; auth → the recipient is not to blame,
// our mailbox fails authentication: pause the mailbox and tell the team.
import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { emails, type BounceType } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { emailEvents } from "@/db/schema/tracking";
import { checkMailboxHealth } from "@/lib/mailboxes/check-mailbox-health";
import { pauseMailbox } from "@/lib/mailboxes/pause-mailbox";
import { teamScope } from "@/lib/teams/team-scope";
import { retrySoftBounce } from "./retry-soft-bounce";
import { suppressAndStopLead } from "./suppress-and-stop-lead";

export const SOFT_BOUNCES_BEFORE_SUPPRESSING = 3;
const SOFT_WINDOW_MS = 30 * 86_400_000;

export type BounceOutcome = "suppressed" | "soft_counted" | "soft_retrying" | "mailbox_paused" | "unknown_recipient";

export async function recordBounce({
  teamId,
  mailboxId,
  outboundEmailId,
  recipient,
  type,
  status,
  diagnostic,
  dedupeKey,
  now,
  retry = false,
}: {
  teamId: string;
  mailboxId: string | null;
  outboundEmailId: string | null;
  recipient: string | null;
  type: BounceType;
  status: string | null;
  diagnostic: string | null;
  /** One event per bounce notice, e.g. "bounce:<inbound email id>" or "resend:<svix id>". */
  dedupeKey: string;
  now: Date;
  /** A final soft failure (not a "still trying" delay): send the email once more a day later. */
  retry?: boolean;
}): Promise<{ outcome: BounceOutcome; leadId: string | null }> {
  const facts = await teamScope(teamId, async (tx) => {
    const [outbound] = outboundEmailId
      ? await tx
          .select({ id: emails.id, to: emails.toAddresses, leadId: emails.leadId, campaignId: emails.campaignId, enrolmentId: emails.enrolmentId, mailboxId: emails.mailboxId })
          .from(emails)
          .where(and(eq(emails.teamId, teamId), eq(emails.id, outboundEmailId), eq(emails.direction, "outbound")))
      : [];
    const address = (recipient ?? outbound?.to[0] ?? "").trim().toLowerCase() || null;
    const [lead] = outbound?.leadId
      ? await tx.select({ id: leads.id }).from(leads).where(and(eq(leads.teamId, teamId), eq(leads.id, outbound.leadId)))
      : address
        ? await tx.select({ id: leads.id }).from(leads).where(and(eq(leads.teamId, teamId), eq(leads.email, address)))
        : [];
    await tx
      .insert(emailEvents)
      .values({
        teamId,
        emailId: outbound?.id ?? null,
        leadId: lead?.id ?? null,
        campaignId: outbound?.campaignId ?? null,
        enrolmentId: outbound?.enrolmentId ?? null,
        type: "bounce",
        metadata: { type, status, recipient: address, diagnostic },
        dedupeKey,
        occurredAt: now,
      })
      .onConflictDoNothing({ target: [emailEvents.teamId, emailEvents.dedupeKey] });
    // Only hard bounces count against the mailbox's bounce rate (soft ones are the network's, auth ones are ours).
    if (outbound && type === "hard") await tx.update(emails).set({ bouncedAt: now }).where(and(eq(emails.teamId, teamId), eq(emails.id, outbound.id), sql`bounced_at is null`));
    let softCount = 0;
    if (type === "soft" && lead) {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(emailEvents)
        .where(and(eq(emailEvents.teamId, teamId), eq(emailEvents.leadId, lead.id), eq(emailEvents.type, "bounce"), gte(emailEvents.occurredAt, new Date(now.getTime() - SOFT_WINDOW_MS)), sql`${emailEvents.metadata}->>'type' = 'soft'`));
      softCount = row?.n ?? 0;
    }
    return { address, leadId: lead?.id ?? null, mailboxId: mailboxId ?? outbound?.mailboxId ?? null, softCount };
  });

  if (type === "auth") {
    if (!facts.mailboxId) return { outcome: "unknown_recipient", leadId: facts.leadId };
    const reason = `Receiving servers rejected this mailbox's mail as unauthenticated (${status ?? "5.7.x"}: ${(diagnostic ?? "").slice(0, 300)}). Fix its SPF, DKIM and DMARC records, then resume it. The recipient (${facts.address ?? "unknown"}) was not suppressed.`;
    await pauseMailbox({ teamId, mailboxId: facts.mailboxId, reason, alertKey: `auth-bounce:${facts.mailboxId}:${now.toISOString().slice(0, 10)}` });
    return { outcome: "mailbox_paused", leadId: facts.leadId };
  }
  if (!facts.address) return { outcome: "unknown_recipient", leadId: facts.leadId };
  if (type === "hard" || facts.softCount >= SOFT_BOUNCES_BEFORE_SUPPRESSING) {
    await suppressAndStopLead({ teamId, address: facts.address, reason: "hard_bounce", sourceEmailId: outboundEmailId, now });
    if (facts.mailboxId) await checkMailboxHealth({ teamId, mailboxId: facts.mailboxId, now });
    return { outcome: "suppressed", leadId: facts.leadId };
  }
  if (retry && outboundEmailId && (await retrySoftBounce({ teamId, outboundEmailId, now }))) return { outcome: "soft_retrying", leadId: facts.leadId };
  return { outcome: "soft_counted", leadId: facts.leadId };
}
