// Which InboundSource reads a mailbox's new mail: IMAP for SMTP mailboxes that gave incoming settings, the Gmail
// history API, Microsoft Graph delta. Resend mailboxes receive by webhook and the local outbox has no inbox: null.
import "server-only";
import { and, eq } from "drizzle-orm";
import { mailboxes, type Mailbox } from "@/db/schema/mailboxes";
import { gmailProviderOptions, graphProviderOptions } from "@/lib/email/providers/create-mail-provider";
import { decryptMailboxCredentials, encryptMailboxCredentials, imapLogin, type OAuthCredentials } from "@/lib/email/providers/mailbox-credentials";
import { teamScope } from "@/lib/teams/team-scope";
import { createGmailSource } from "./gmail-source";
import { createGraphSource } from "./graph-source";
import { createImapSource } from "./imap-source";
import type { InboundSource } from "./inbound-source";

/** Refreshed OAuth tokens are sealed and stored, as the send path does. */
export function storeRefreshedCredentials(mailbox: Pick<Mailbox, "id" | "teamId">) {
  return async (fresh: OAuthCredentials) => {
    const sealed = encryptMailboxCredentials({ mailboxId: mailbox.id, credentials: fresh });
    await teamScope(mailbox.teamId, (tx) => tx.update(mailboxes).set(sealed).where(and(eq(mailboxes.teamId, mailbox.teamId), eq(mailboxes.id, mailbox.id))));
  };
}

export function createInboundSource(mailbox: Mailbox): InboundSource | null {
  if (!mailbox.credentialsCiphertext) return null;
  const credentials = decryptMailboxCredentials({ mailboxId: mailbox.id, ciphertext: mailbox.credentialsCiphertext });
  const onCredentialsRefreshed = storeRefreshedCredentials(mailbox);
  switch (credentials.provider) {
    case "gmail":
      return createGmailSource({ ...gmailProviderOptions({ credentials, onCredentialsRefreshed }), ownAddress: mailbox.email });
    case "outlook":
      return createGraphSource({ ...graphProviderOptions({ credentials, onCredentialsRefreshed }), ownAddress: mailbox.email });
    case "smtp": {
      const imap = imapLogin(credentials);
      return imap ? createImapSource({ imap, ownAddress: mailbox.email }) : null;
    }
    default:
      return null;
  }
}
