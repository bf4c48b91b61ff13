// Stops a mailbox from sending (its queued emails wait; the send claim refuses a mailbox that is not active) and
// tells the mailbox's owner and the team's admins why — in the app and by email.
import "server-only";
import { and, eq } from "drizzle-orm";
import { mailboxes } from "@/db/schema/mailboxes";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyAboutMailbox } from "./notify-about-mailbox";
import { teamScope } from "@/lib/teams/team-scope";

export async function pauseMailbox({
  teamId,
  mailboxId,
  reason,
  alertKey,
}: {
  teamId: string;
  mailboxId: string;
  reason: string;
  /** Notifications with the same key are sent once (e.g. "health:<mailbox>:<day>"). */
  alertKey: string;
}): Promise<{ paused: boolean }> {
  const paused = await teamScope(teamId, async (tx) => {
    const [mailbox] = await tx
      .update(mailboxes)
      .set({ status: "paused", statusReason: reason })
      .where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, mailboxId), eq(mailboxes.status, "active")))
      .returning({ id: mailboxes.id });
    if (mailbox) await recordAudit(tx, { teamId, actorUserId: null, action: "mailbox.paused", targetType: "mailbox", targetId: mailboxId, metadata: { reason } });
    return !!mailbox;
  });
  if (!paused) return { paused: false };
  await notifyAboutMailbox({ teamId, mailboxId, kind: "mailbox.paused", title: (address) => `${address} was paused`, body: reason, dedupeKey: alertKey, byEmail: true });
  return { paused: true };
}
