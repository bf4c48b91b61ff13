// Tells the people responsible for a mailbox — its owner and the team's owners and admins — about it, with a
// link to its page. The title is given the mailbox's address.
import "server-only";
import { and, eq } from "drizzle-orm";
import { mailboxes } from "@/db/schema/mailboxes";
import { teams } from "@/db/schema/teams";
import { notifyMembers, teamAdminIds } from "@/lib/notifications/create-notifications";
import { teamScope } from "@/lib/teams/team-scope";

export async function notifyAboutMailbox({
  teamId,
  mailboxId,
  kind,
  title,
  body,
  dedupeKey,
  byEmail,
}: {
  teamId: string;
  mailboxId: string;
  kind: string;
  title: (address: string) => string;
  body: string;
  /** Notifications with the same key are sent once (e.g. "health-pause:<mailbox>:<day>"). */
  dedupeKey: string;
  byEmail: boolean;
}): Promise<void> {
  const mailbox = await teamScope(teamId, async (tx) => {
    const [row] = await tx
      .select({ email: mailboxes.email, ownerUserId: mailboxes.ownerUserId, slug: teams.slug })
      .from(mailboxes)
      .innerJoin(teams, eq(teams.id, mailboxes.teamId))
      .where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, mailboxId)));
    return row ?? null;
  });
  if (!mailbox) return;
  await notifyMembers({
    teamId,
    userIds: [...(mailbox.ownerUserId ? [mailbox.ownerUserId] : []), ...(await teamAdminIds({ teamId }))],
    notification: { kind, title: title(mailbox.email), body, href: `/${mailbox.slug}/mailboxes/${mailboxId}`, dedupeKey },
    byEmail,
  });
}
