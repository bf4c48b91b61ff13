// Our outbound email behind a Resend delivery event: Resend's email id is what the send stored as
// provider_message_id, and only this mailbox's sends count (another mailbox may share the Resend account).
import "server-only";
import { and, eq } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { teamScope } from "@/lib/teams/team-scope";

export async function findOutboundEmailByProviderId({ teamId, mailboxId, providerMessageId }: { teamId: string; mailboxId: string; providerMessageId: string }) {
  return teamScope(teamId, async (tx) => {
    const [row] = await tx
      .select({ id: emails.id, toAddresses: emails.toAddresses, ccAddresses: emails.ccAddresses })
      .from(emails)
      .where(and(eq(emails.teamId, teamId), eq(emails.mailboxId, mailboxId), eq(emails.providerMessageId, providerMessageId), eq(emails.direction, "outbound")))
      .limit(1);
    return row ?? null;
  });
}
