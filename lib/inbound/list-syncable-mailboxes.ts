// System query for the sync cron: mailboxes whose inbox we read — Gmail, Outlook, and SMTP mailboxes that gave
// IMAP settings. Resend mailboxes receive by webhook, the local outbox has no inbox. Paused mailboxes still sync:
// replies to mail already sent must keep stopping sequences.
import "server-only";
import { and, inArray, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { mailboxes } from "@/db/schema/mailboxes";
import { decryptMailboxCredentials, imapLogin } from "@/lib/email/providers/mailbox-credentials";

export async function listSyncableMailboxes(): Promise<{ teamId: string; mailboxId: string }[]> {
  const db = await getDb();
  const rows = await db
    .select({ teamId: mailboxes.teamId, mailboxId: mailboxes.id, provider: mailboxes.provider, sealed: mailboxes.credentialsCiphertext })
    .from(mailboxes)
    // A disconnected mailbox's credentials are known not to work: it syncs again once reconnected.
    .where(and(inArray(mailboxes.provider, ["smtp", "gmail", "outlook"]), ne(mailboxes.status, "disconnected")));
  return rows
    .filter((m) => {
      if (!m.sealed) return false;
      if (m.provider !== "smtp") return true;
      try {
        const credentials = decryptMailboxCredentials({ mailboxId: m.mailboxId, ciphertext: m.sealed });
        return credentials.provider === "smtp" && imapLogin(credentials) !== null;
      } catch {
        return false; // unreadable credentials: the mailbox page already asks for a reconnect
      }
    })
    .map(({ teamId, mailboxId }) => ({ teamId, mailboxId }));
}
