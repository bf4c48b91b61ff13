// What the unsubscribe confirmation page shows. Read-only: a GET must never unsubscribe (scanners prefetch).
import "server-only";
import { eq } from "drizzle-orm";
import { teams } from "@/db/schema/teams";
import { teamScope } from "@/lib/teams/team-scope";
import { findUnsubscribeRecipient } from "./unsubscribe-from-email";

/** "jane@example.com" → "ja••@example.com": enough to recognise, less to leak if the link is forwarded. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "•••";
  const local = address.slice(0, at);
  const shown = local.slice(0, Math.min(2, Math.max(1, local.length - 2)));
  return `${shown}${"•".repeat(Math.max(2, local.length - shown.length))}${address.slice(at)}`;
}

export async function describeUnsubscribeLink({ teamId, emailId }: { teamId: string; emailId: string }) {
  return teamScope(teamId, async (tx) => {
    const recipient = await findUnsubscribeRecipient(tx, { teamId, emailId });
    if (!recipient) return null;
    const [team] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).limit(1);
    return {
      maskedAddress: maskAddress(recipient.address),
      senderName: team?.name ?? "this sender",
      alreadyUnsubscribed: recipient.lead?.unsubscribedAt != null,
    };
  });
}
