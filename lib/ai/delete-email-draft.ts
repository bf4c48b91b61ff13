// Deletes one of the rep's own saved drafts; anyone else's (or another team's) is "not found".
import "server-only";
import { and, eq } from "drizzle-orm";
import { emailDrafts } from "@/db/schema/drafts";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";

export async function deleteEmailDraft({ teamId, userId, draftId }: { teamId: string; userId: string; draftId: string }): Promise<void> {
  await teamScope(teamId, async (tx) => {
    const removed = await tx
      .delete(emailDrafts)
      .where(and(eq(emailDrafts.teamId, teamId), eq(emailDrafts.userId, userId), eq(emailDrafts.id, draftId)))
      .returning({ id: emailDrafts.id });
    if (removed.length === 0) throw notFound("That draft");
  });
}
