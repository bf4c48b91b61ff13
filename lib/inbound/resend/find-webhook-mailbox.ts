// The mailbox a Resend webhook delivery is for, looked up by the id in its URL before anything is trusted.
// A system lookup without a team id on purpose: the caller is not signed in, and the team comes from this
// row (never from the body), once the signature made with this mailbox's own secret has checked out.
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { mailboxes } from "@/db/schema/mailboxes";
import { decryptMailboxCredentials, type ResendCredentials } from "@/lib/email/providers/mailbox-credentials";

export type ResendWebhookMailbox = {
  id: string;
  teamId: string;
  email: string;
  credentials: ResendCredentials & { webhookSecret: string };
};

/** Null unless the mailbox exists, is a Resend mailbox and has a webhook secret (the route answers 404 alike). */
export async function findResendWebhookMailbox({ mailboxId }: { mailboxId: string }): Promise<ResendWebhookMailbox | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: mailboxes.id, teamId: mailboxes.teamId, email: mailboxes.email, provider: mailboxes.provider, ciphertext: mailboxes.credentialsCiphertext })
    .from(mailboxes)
    .where(eq(mailboxes.id, mailboxId))
    .limit(1);
  if (!row || row.provider !== "resend" || !row.ciphertext) return null;
  const credentials = decryptMailboxCredentials({ mailboxId: row.id, ciphertext: row.ciphertext });
  if (credentials.provider !== "resend" || !credentials.webhookSecret) return null;
  return { id: row.id, teamId: row.teamId, email: row.email, credentials: { ...credentials, webhookSecret: credentials.webhookSecret } };
}
