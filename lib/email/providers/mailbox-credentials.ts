// The decrypted shape of mailboxes.credentials_ciphertext per provider, and the only code that seals/opens it.
import "server-only";
import { z } from "zod";
import { decryptSecret, encryptSecret } from "@/lib/crypto";

export const smtpCredentialsSchema = z.object({
  provider: z.literal("smtp"),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  /** true: implicit TLS (port 465). false: STARTTLS when the server offers it. */
  secure: z.boolean(),
  /** Refuse to send if the server does not offer STARTTLS. */
  requireTls: z.boolean().default(false),
  username: z.string().min(1),
  password: z.string().min(1),
  /** Where replies are read (lib/inbound/sources/imap-source.ts). Absent: the mailbox sends only. */
  imap: z
    .object({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535),
      /** true: implicit TLS (port 993). false: STARTTLS when the server offers it. */
      secure: z.boolean(),
      /** Absent: the SMTP user name and password, which most providers share between the two. */
      username: z.string().min(1).optional(),
      password: z.string().min(1).optional(),
    })
    .optional(),
});

export const oauthCredentialsSchema = z.object({
  provider: z.enum(["gmail", "outlook"]),
  refreshToken: z.string().min(1),
  accessToken: z.string().min(1).optional(),
  /** Epoch milliseconds. */
  accessTokenExpiresAt: z.number().int().optional(),
  scope: z.string().optional(),
});

/** Stored with its "whsec_" prefix; absent until the rep pastes the signing secret of the mailbox's Resend webhook. */
export const resendWebhookSecretSchema = z.string().regex(/^whsec_[A-Za-z0-9+/]{16,}={0,2}$/);
export const resendCredentialsSchema = z.object({ provider: z.literal("resend"), apiKey: z.string().min(1), webhookSecret: resendWebhookSecretSchema.optional() });

export const mailboxCredentialsSchema = z.discriminatedUnion("provider", [
  smtpCredentialsSchema,
  oauthCredentialsSchema,
  resendCredentialsSchema,
]);
export type SmtpCredentials = z.infer<typeof smtpCredentialsSchema>;
export type OAuthCredentials = z.infer<typeof oauthCredentialsSchema>;
export type ResendCredentials = z.infer<typeof resendCredentialsSchema>;
export type MailboxCredentials = z.infer<typeof mailboxCredentialsSchema>;
/** An IMAP login with nothing left to default. */
export type ImapLogin = Required<NonNullable<SmtpCredentials["imap"]>>;

/** The IMAP login of an SMTP mailbox with its user name and password filled in from SMTP, or null without IMAP. */
export function imapLogin(credentials: SmtpCredentials): ImapLogin | null {
  const { imap } = credentials;
  if (!imap) return null;
  return { host: imap.host, port: imap.port, secure: imap.secure, username: imap.username ?? credentials.username, password: imap.password ?? credentials.password };
}

/** The mailbox id is the associated data: choose it before encrypting (see db/schema/mailboxes.ts). */
export function encryptMailboxCredentials({ mailboxId, credentials }: { mailboxId: string; credentials: MailboxCredentials }) {
  const valid = mailboxCredentialsSchema.parse(credentials);
  const { ciphertext, keyId } = encryptSecret({ plaintext: JSON.stringify(valid), associatedData: mailboxId });
  return { credentialsCiphertext: ciphertext, credentialsKeyId: keyId };
}

export function decryptMailboxCredentials({ mailboxId, ciphertext }: { mailboxId: string; ciphertext: string }): MailboxCredentials {
  return mailboxCredentialsSchema.parse(JSON.parse(decryptSecret({ ciphertext, associatedData: mailboxId })));
}
