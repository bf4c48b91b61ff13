// System query for the sync cron: mailboxes whose inbox we read (SMTP with IMAP settings is decided when the
// sync opens it; Resend mailboxes receive by webhook, the local outbox has no inbox). Paused mailboxes still
// sync: replies to mail already sent must keep stopping sequences.
import "server-only";
import { and, inArray, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { mailboxes } from "@/db/schema/mailboxes";

export async function listSyncableMailboxes(): Promise<{ teamId: string; mailboxId: string }[]> {
  const db = await getDb();
  return db
    .select({ teamId: mailboxes.teamId, mailboxId: mailboxes.id })
    .from(mailboxes)
    // A disconnected mailbox's credentials are known not to work: it syncs again once reconnected.
    .where(and(inArray(mailboxes.provider, ["smtp", "gmail", "outlook"]), ne(mailboxes.status, "disconnected")));
}
