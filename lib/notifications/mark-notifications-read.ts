// Marks a member's own notifications read; ids of someone else's (or another team's) simply match nothing.
import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { notifications } from "@/db/schema/notifications";
import { teamScope } from "@/lib/teams/team-scope";
import type { MarkNotificationsReadInput } from "./mark-notifications-read.schema";

export async function markNotificationsRead({ teamId, userId, input, now = new Date() }: { teamId: string; userId: string; input: MarkNotificationsReadInput; now?: Date }) {
  return teamScope(teamId, async (tx) => {
    const where = [eq(notifications.teamId, teamId), eq(notifications.userId, userId), isNull(notifications.readAt)];
    if (input.ids.length) where.push(inArray(notifications.id, input.ids));
    const updated = await tx.update(notifications).set({ readAt: now }).where(and(...where)).returning({ id: notifications.id });
    return { marked: updated.length };
  });
}
