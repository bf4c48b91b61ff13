// A member's notifications in one team (the header bell): newest first, with the unread count.
import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { notifications } from "@/db/schema/notifications";
import { teamScope } from "@/lib/teams/team-scope";

export const NOTIFICATIONS_SHOWN = 20;

export async function listNotifications({ teamId, userId, limit = NOTIFICATIONS_SHOWN }: { teamId: string; userId: string; limit?: number }) {
  const mine = and(eq(notifications.teamId, teamId), eq(notifications.userId, userId));
  return teamScope(teamId, async (tx) => {
    const items = await tx
      .select({ id: notifications.id, kind: notifications.kind, title: notifications.title, body: notifications.body, href: notifications.href, readAt: notifications.readAt, createdAt: notifications.createdAt })
      .from(notifications)
      .where(mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit);
    const [{ unread }] = await tx.select({ unread: count() }).from(notifications).where(and(mine, isNull(notifications.readAt)));
    return { items, unread };
  });
}
export type NotificationItem = Awaited<ReturnType<typeof listNotifications>>["items"][number];
