// Snooze hides a reply from the inbox until a time; it reappears by itself then (the list compares with now).
import "server-only";
import { and, eq } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { findInboxReply } from "./find-inbox-reply";
import type { SnoozeReplyInput } from "./snooze-reply.schema";

const MAX_SNOOZE_MS = 366 * 86_400_000;

export async function snoozeReply({ teamId, actorUserId, input, now = new Date() }: { teamId: string; actorUserId: string | null; input: SnoozeReplyInput; now?: Date }) {
  const until = input.until;
  if (until && until.getTime() <= now.getTime()) {
    throw new AppError("invalid_input", "Pick a time in the future.", { fields: { until: ["Pick a time in the future."] } });
  }
  if (until && until.getTime() - now.getTime() > MAX_SNOOZE_MS) {
    throw new AppError("invalid_input", "Snooze for at most a year.", { fields: { until: ["Snooze for at most a year."] } });
  }
  return teamScope(teamId, async (tx) => {
    const reply = await findInboxReply(tx, { teamId, emailId: input.emailId });
    await tx.update(emails).set({ snoozedUntil: until }).where(and(eq(emails.teamId, teamId), eq(emails.id, reply.id)));
    await recordAudit(tx, { teamId, actorUserId, action: until ? "inbox.snoozed" : "inbox.unsnoozed", targetType: "email", targetId: reply.id, metadata: until ? { until: until.toISOString() } : {} });
    return { snoozedUntil: until };
  });
}
