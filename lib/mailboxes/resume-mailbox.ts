// The user fixed what paused a mailbox (its reputation, its authentication): it may send again. Its queued
// emails go out as the campaign scheduler and their runs reach them.
import "server-only";
import { and, eq } from "drizzle-orm";
import { mailboxes } from "@/db/schema/mailboxes";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";

export async function resumeMailbox({ teamId, mailboxId, actorUserId }: { teamId: string; mailboxId: string; actorUserId: string }): Promise<void> {
  await teamScope(teamId, async (tx) => {
    const [mailbox] = await tx.select({ status: mailboxes.status }).from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, mailboxId))).for("update");
    if (!mailbox) throw notFound("That mailbox");
    if (mailbox.status !== "paused") {
      throw new AppError("conflict", mailbox.status === "disconnected" ? "This mailbox is disconnected: reconnect it instead." : `This mailbox is ${mailbox.status}, not paused.`);
    }
    await tx.update(mailboxes).set({ status: "active", statusReason: null }).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, mailboxId)));
    await recordAudit(tx, { teamId, actorUserId, action: "mailbox.resumed", targetType: "mailbox", targetId: mailboxId });
  });
}
