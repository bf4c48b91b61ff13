import "server-only";
import { randomUUID } from "node:crypto";
import { mailboxes } from "@/db/schema/mailboxes";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptMailboxCredentials, imapLogin, type SmtpCredentials } from "@/lib/email/providers/mailbox-credentials";
import { MailProviderError } from "@/lib/email/providers/mail-provider";
import { verifySmtp } from "@/lib/email/providers/smtp-provider";
import { AppError } from "@/lib/errors";
import { verifyImap } from "@/lib/inbound/sources/imap-source";
import { teamScope } from "@/lib/teams/team-scope";
import type { CreateSmtpMailboxInput } from "./create-mailbox.schema";

/**
 * Verified on save: we log in to the SMTP server (and to the IMAP server, when replies are to be read there) before
 * storing anything; the password is stored encrypted.
 */
export async function createSmtpMailbox({ teamId, actorUserId, input }: { teamId: string; actorUserId: string; input: CreateSmtpMailboxInput }) {
  const credentials: SmtpCredentials = {
    provider: "smtp",
    host: input.smtpHost,
    port: input.smtpPort,
    secure: input.smtpSecure,
    requireTls: false,
    username: input.smtpUser,
    password: input.smtpPassword,
    imap: input.imapHost ? { host: input.imapHost, port: input.imapPort ?? 993, secure: input.imapSecure ?? false } : undefined,
  };
  try {
    await verifySmtp(credentials);
  } catch (error) {
    const words = error instanceof MailProviderError ? error.providerMessage : String(error);
    throw new AppError("invalid_input", `We could not log in to ${input.smtpHost}:${input.smtpPort}: ${words}`, { fields: { smtpHost: ["Check the host, port, user name and password."] } });
  }
  const imap = imapLogin(credentials);
  if (imap) {
    try {
      await verifyImap({ imap });
    } catch (error) {
      const words = error instanceof Error ? error.message : String(error);
      throw new AppError("invalid_input", `We could not read mail over IMAP: ${words}`, { fields: { imapHost: ["Check the IMAP host, port and TLS setting (the SMTP user name and password are used)."] } });
    }
  }
  const id = randomUUID(); // chosen first: it is the encryption's associated data
  return teamScope(teamId, async (tx) => {
    const [row] = await tx
      .insert(mailboxes)
      .values({ id, teamId, provider: "smtp", email: input.email, displayName: input.displayName, ownerUserId: actorUserId, status: "active", ...encryptMailboxCredentials({ mailboxId: id, credentials }) })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("conflict", `${input.email} is already connected to this team.`, { fields: { email: ["Already connected."] } });
    await recordAudit(tx, { teamId, actorUserId, action: "mailbox.connected", targetType: "mailbox", targetId: row.id, metadata: { provider: "smtp", host: input.smtpHost } });
    return row;
  });
}
