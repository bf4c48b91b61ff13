// The rep corrects the classifier: the intent becomes theirs (source "user") and the change is audited.
import "server-only";
import { and, eq } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { recordAudit } from "@/lib/audit/record-audit";
import { teamScope } from "@/lib/teams/team-scope";
import { findInboxReply } from "./find-inbox-reply";
import type { UpdateReplyIntentInput } from "./update-reply-intent.schema";

export async function updateReplyIntent({ teamId, actorUserId, input }: { teamId: string; actorUserId: string | null; input: UpdateReplyIntentInput }) {
  return teamScope(teamId, async (tx) => {
    const reply = await findInboxReply(tx, { teamId, emailId: input.emailId });
    const [updated] = await tx
      .update(emails)
      .set({ intent: input.intent, intentSource: "user" })
      .where(and(eq(emails.teamId, teamId), eq(emails.id, reply.id)))
      .returning({ id: emails.id, intent: emails.intent, intentSource: emails.intentSource });
    await recordAudit(tx, {
      teamId,
      actorUserId,
      action: "inbox.intent_changed",
      targetType: "email",
      targetId: reply.id,
      metadata: { from: reply.intent, fromSource: reply.intentSource, to: input.intent },
    });
    return updated;
  });
}
