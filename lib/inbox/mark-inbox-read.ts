// Opening a reply marks it read (once: the first read time is kept).
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { teamScope } from "@/lib/teams/team-scope";
import { inboxRows } from "./inbox-scope";

export async function markInboxRead({ teamId, emailId, now = new Date() }: { teamId: string; emailId: string; now?: Date }): Promise<boolean> {
  return teamScope(teamId, async (tx) => {
    const updated = await tx.update(emails).set({ readAt: now }).where(and(inboxRows(teamId), eq(emails.id, emailId), isNull(emails.readAt))).returning({ id: emails.id });
    return updated.length > 0;
  });
}
