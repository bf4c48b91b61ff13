// "Sync now": ask the jobs engine to read one of the team's mailboxes at once.
import "server-only";
import { and, eq } from "drizzle-orm";
import { mailboxes } from "@/db/schema/mailboxes";
import { sendEvent } from "@/inngest/events";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";

export async function requestMailboxSync({ teamId, mailboxId }: { teamId: string; mailboxId: string }): Promise<{ requested: true }> {
  const mailbox = await teamScope(teamId, async (tx) => (await tx.select({ provider: mailboxes.provider }).from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, mailboxId))))[0]);
  if (!mailbox) throw notFound("That mailbox");
  if (mailbox.provider === "local" || mailbox.provider === "resend") {
    throw new AppError("invalid_input", mailbox.provider === "resend" ? "Resend mailboxes receive replies by webhook; there is nothing to sync." : "The local outbox has no inbox to sync.");
  }
  await sendEvent("mailbox/sync.requested", { teamId, mailboxId }, { id: `sync-now-${mailboxId}-${Math.floor(Date.now() / 10_000)}` });
  return { requested: true };
}
