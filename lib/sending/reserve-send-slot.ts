// Step 1 of the send function: give the email its mailbox's next legal slot, or keep the one it has.
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { and, eq, gt, inArray, isNotNull, ne, or } from "drizzle-orm";
import type { Tx } from "@/db";
import { emails } from "@/db/schema/emails";
import { mailboxes } from "@/db/schema/mailboxes";
import { AppError, notFound } from "@/lib/errors";
import { nextSendSlot } from "@/lib/mailboxes/next-send-slot";
import { teamScope } from "@/lib/teams/team-scope";

const DAY_MS = 86_400_000;

/**
 * The send times a cap counts: sends in the last 24 h and slots held by queued emails — of one mailbox (its caps)
 * or one campaign (its daily limit).
 */
export async function takenSendTimes(
  tx: Tx,
  { teamId, of, excludeEmailId, now }: { teamId: string; of: { mailboxId: string } | { campaignId: string }; excludeEmailId: string; now: Date },
): Promise<Date[]> {
  const rows = await tx
    .select({ sentAt: emails.sentAt, scheduledFor: emails.scheduledFor })
    .from(emails)
    .where(
      and(
        eq(emails.teamId, teamId),
        "mailboxId" in of ? eq(emails.mailboxId, of.mailboxId) : eq(emails.campaignId, of.campaignId),
        ne(emails.id, excludeEmailId),
        or(
          and(isNotNull(emails.sentAt), gt(emails.sentAt, new Date(now.getTime() - DAY_MS))),
          and(inArray(emails.status, ["queued", "sending"]), isNotNull(emails.scheduledFor)),
        ),
      ),
    );
  return rows.map((t) => (t.sentAt ?? t.scheduledFor)!);
}

export async function reserveSendSlot({ teamId, emailId, now = engineNow() }: { teamId: string; emailId: string; now?: Date }): Promise<{ slot: Date | null; status: string }> {
  return teamScope(teamId, async (tx) => {
    const [email] = await tx.select().from(emails).where(and(eq(emails.teamId, teamId), eq(emails.id, emailId))).limit(1);
    if (!email) throw notFound("That email");
    if (email.status !== "queued") return { slot: null, status: email.status };
    if (email.scheduledFor) return { slot: email.scheduledFor, status: email.status }; // a retried step keeps its slot
    if (!email.mailboxId) throw new AppError("conflict", "This email has no mailbox to send from.");

    // The row lock serialises reservations per mailbox, across processes.
    const [mailbox] = await tx.select().from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, email.mailboxId))).for("update");
    if (!mailbox) throw notFound("That mailbox");
    const taken = await takenSendTimes(tx, { teamId, of: { mailboxId: mailbox.id }, excludeEmailId: email.id, now });
    const slot = nextSendSlot({ schedule: mailbox, sent: taken, now });
    if (!slot) throw new AppError("conflict", `${mailbox.email} has no sending window: pick at least one day and hours on the Mailboxes page.`);
    await tx.update(emails).set({ scheduledFor: slot }).where(and(eq(emails.teamId, teamId), eq(emails.id, email.id)));
    return { slot, status: email.status };
  });
}
