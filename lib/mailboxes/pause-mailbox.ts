// Stops a mailbox from sending (its queued emails wait; the send claim refuses a mailbox that is not active) and
// tells the mailbox's owner and the team's admins why — in the app and by email.
import "server-only";
import { and, eq } from "drizzle-orm";
import { mailboxes } from "@/db/schema/mailboxes";
import { teams } from "@/db/schema/teams";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyMembers, teamAdminIds } from "@/lib/notifications/create-notifications";
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
      .returning({ email: mailboxes.email, ownerUserId: mailboxes.ownerUserId });
    const [team] = await tx.select({ slug: teams.slug }).from(teams).where(eq(teams.id, teamId));
    if (mailbox) await recordAudit(tx, { teamId, actorUserId: null, action: "mailbox.paused", targetType: "mailbox", targetId: mailboxId, metadata: { reason } });
    return mailbox ? { ...mailbox, slug: team?.slug ?? "" } : null;
  });
  if (!paused) return { paused: false };
  const admins = await teamAdminIds({ teamId });
  await notifyMembers({
    teamId,
    userIds: [...(paused.ownerUserId ? [paused.ownerUserId] : []), ...admins],
    notification: { kind: "mailbox.paused", title: `${paused.email} was paused`, body: reason, href: `/${paused.slug}/mailboxes/${mailboxId}`, dedupeKey: alertKey },
    byEmail: true,
  });
  return { paused: true };
}

