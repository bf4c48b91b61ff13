// After a bounce or complaint: is the mailbox still healthy? Over the pause limits it stops sending and the
// team is told why; over the warning limits the team is told once a day.
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { mailboxes } from "@/db/schema/mailboxes";
import { teams } from "@/db/schema/teams";
import { notifyMembers, teamAdminIds } from "@/lib/notifications/create-notifications";
import { getMailboxHealth, type MailboxHealthReport } from "./mailbox-health";
import { pauseMailbox } from "./pause-mailbox";

export async function checkMailboxHealth({ teamId, mailboxId, now }: { teamId: string; mailboxId: string; now: Date }): Promise<MailboxHealthReport> {
  const db = await getDb();
  const health = await getMailboxHealth({ teamId, mailboxId, now });
  const day = now.toISOString().slice(0, 10);
  if (health.state === "pause") {
    await pauseMailbox({ teamId, mailboxId, reason: `Paused for its sender reputation: ${health.reasons.join(" ")} Resume it once fixed.`, alertKey: `health-pause:${mailboxId}:${day}` });
  } else if (health.state === "warning") {
    const [row] = await db
      .select({ email: mailboxes.email, ownerUserId: mailboxes.ownerUserId, slug: teams.slug })
      .from(mailboxes)
      .innerJoin(teams, eq(teams.id, mailboxes.teamId))
      .where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, mailboxId)));
    if (row) {
      await notifyMembers({
        teamId,
        userIds: [...(row.ownerUserId ? [row.ownerUserId] : []), ...(await teamAdminIds({ teamId }))],
        notification: { kind: "mailbox.warning", title: `${row.email} is close to being paused`, body: health.reasons.join(" "), href: `/${row.slug}/mailboxes/${mailboxId}`, dedupeKey: `health-warn:${mailboxId}:${day}` },
        byEmail: false,
      });
    }
  }
  return health;
}
