// Tells members of a team about something that needs them: a row each (the bell in the header) and, when asked,
// an email. The dedupe key makes a re-processed event notify nobody twice.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { users } from "@/db/schema/auth";
import { notifications } from "@/db/schema/notifications";
import { teamMembers } from "@/db/schema/teams";
import { escapeHtml } from "@/lib/email/render/html-entities";
import { sendSystemMail } from "@/lib/email/send-system-mail";
import { env } from "@/lib/env";
import { teamScope } from "@/lib/teams/team-scope";

export type NewNotification = { kind: string; title: string; body: string; href: string | null; emailId?: string | null; dedupeKey: string };

export async function notifyMembers({
  teamId,
  userIds,
  notification,
  byEmail,
}: {
  teamId: string;
  userIds: string[];
  notification: NewNotification;
  byEmail: boolean;
}): Promise<{ notified: string[] }> {
  const wanted = [...new Set(userIds)];
  if (!wanted.length) return { notified: [] };
  const created = await teamScope(teamId, async (tx) => {
    // Only current members: someone who left the team hears nothing more from it.
    const members = await tx
      .select({ userId: teamMembers.userId, email: users.email })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, wanted)));
    if (!members.length) return [];
    const rows = await tx
      .insert(notifications)
      .values(members.map((m) => ({ teamId, userId: m.userId, ...notification, emailId: notification.emailId ?? null })))
      .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
      .returning({ userId: notifications.userId });
    const fresh = new Set(rows.map((r) => r.userId));
    return members.filter((m) => fresh.has(m.userId));
  });
  if (byEmail) {
    const link = notification.href ? new URL(notification.href, env().APP_URL).toString() : null;
    for (const member of created) {
      await sendSystemMail({
        kind: `notification:${notification.kind}`,
        teamId,
        to: member.email,
        subject: notification.title,
        text: `${notification.body}${link ? `\n\nOpen it: ${link}` : ""}`,
        html: `<p>${escapeHtml(notification.body)}</p>${link ? `<p><a href="${escapeHtml(link)}">Open it</a></p>` : ""}`,
      }).catch((error) => console.error("[notifications] email not sent; the in-app notification stands", { kind: notification.kind, error }));
    }
  }
  return { notified: created.map((m) => m.userId) };
}

/** The owners and admins of a team (who hear about mailbox problems). */
export async function teamAdminIds({ teamId }: { teamId: string }): Promise<string[]> {
  return teamScope(teamId, async (tx) => {
    const rows = await tx
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.role, ["owner", "admin"])));
    return rows.map((r) => r.userId);
  });
}
