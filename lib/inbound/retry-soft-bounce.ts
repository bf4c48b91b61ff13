// A soft bounce (the recipient's server refused for now and the sending server gave up) is tried once more a day
// later: a copy of the email, same content and thread, new Message-ID, through the send pipeline — whose claim
// still re-checks reply, unsubscribe, bounce, suppression and the enrolment just before it goes. A retry that
// soft-bounces again is not retried; repeated soft bounces suppress the address instead (record-bounce.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { sendEvent } from "@/inngest/events";
import { newMessageId } from "@/lib/email/mime/message-id";
import { teamScope } from "@/lib/teams/team-scope";

export const SOFT_BOUNCE_RETRY_DELAY_MS = 24 * 3_600_000;

export async function retrySoftBounce({ teamId, outboundEmailId, now }: { teamId: string; outboundEmailId: string; now: Date }): Promise<{ retryEmailId: string } | null> {
  const notBefore = new Date(now.getTime() + SOFT_BOUNCE_RETRY_DELAY_MS);
  const retry = await teamScope(teamId, async (tx) => {
    const [original] = await tx.select().from(emails).where(and(eq(emails.teamId, teamId), eq(emails.id, outboundEmailId), eq(emails.direction, "outbound")));
    if (!original || original.status !== "sent" || !original.mailboxId || original.sendRecord?.retryOf) return null;
    const id = randomUUID();
    const [row] = await tx
      .insert(emails)
      .values({
        id,
        teamId,
        direction: "outbound",
        // The enrolment stays attached so the claim checks it is still active and the lead has not replied;
        // no step position, so the step keeps its one email and per-step results count the original.
        enrolmentId: original.enrolmentId,
        campaignId: original.campaignId,
        leadId: original.leadId,
        variantId: original.variantId,
        mailboxId: original.mailboxId,
        fromAddress: original.fromAddress,
        fromName: original.fromName,
        toAddresses: original.toAddresses,
        ccAddresses: original.ccAddresses,
        subject: original.subject,
        bodyHtml: original.bodyHtml,
        bodyText: original.bodyText,
        messageId: newMessageId(original.fromAddress),
        inReplyTo: original.inReplyTo,
        referencesHeader: original.referencesHeader,
        threadId: original.threadId,
        providerThreadId: original.providerThreadId,
        trackOpens: original.trackOpens,
        trackClicks: original.trackClicks,
        status: "queued",
        idempotencyKey: `soft-bounce-retry:${original.id}`,
        sendRecord: { retryOf: original.id, step: original.sendRecord?.step, queuedAt: now.toISOString() },
      })
      .onConflictDoNothing()
      .returning({ id: emails.id, mailboxId: emails.mailboxId });
    return row ?? null;
  });
  if (!retry) return null;
  await sendEvent("email/send.requested", { teamId, emailId: retry.id, mailboxId: retry.mailboxId!, notBefore: notBefore.toISOString() }, { id: `email-send-${retry.id}` });
  return { retryEmailId: retry.id };
}
